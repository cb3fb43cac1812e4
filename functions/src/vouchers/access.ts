// Who may see what of vouchers: staff and finance act within the prefix of their jurisdiction.
import { isWithinArea, staffScope } from '@doorstep/shared';
import { ForbiddenError } from '../http/errors';
import type { Principal } from '../http/session';

/** The caller's jurisdiction prefix, or 403. */
export function scopeOf(principal: Principal): string {
  const scope = staffScope(principal.level, principal.areaCode);
  if (!scope) throw new ForbiddenError('您的账号没有设置辖区，请联系管理员');
  return scope;
}

/** A programme's area concerns a jurisdiction when either contains the other (a city programme concerns its districts). */
export const concerns = (area: string, scope: string) => isWithinArea(area, scope) || isWithinArea(scope, area);
