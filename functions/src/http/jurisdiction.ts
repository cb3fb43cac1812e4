// A staff member's jurisdiction: the area-code prefix of their level (design.md). Every staff
// read filters by it and every staff write checks it.
import { staffScope } from '@doorstep/shared';
import { ForbiddenError } from './errors';
import type { Principal } from './session';

/** The caller's jurisdiction prefix, or 403 when their account has none. */
export function scopeOf(principal: Principal): string {
  const scope = staffScope(principal.level, principal.areaCode);
  if (!scope) throw new ForbiddenError('您的账号没有设置辖区，请联系管理员');
  return scope;
}
