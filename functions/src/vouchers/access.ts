// Who may see what of vouchers: staff and finance act within the prefix of their jurisdiction.
import { isWithinArea } from '@doorstep/shared';

export { scopeOf } from '../http/jurisdiction';

/** A programme's area concerns a jurisdiction when either contains the other (a city programme concerns its districts). */
export const concerns = (area: string, scope: string) => isWithinArea(area, scope) || isWithinArea(scope, area);
