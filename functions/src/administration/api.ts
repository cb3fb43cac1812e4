// Administration, one Lambda: 人员与权限 — administrators inviting, moving and removing the staff of
// their jurisdiction, and the invited accepting; 访问记录 of their area; 工作日历, next year's
// holidays entered from the State Council's notice.
import { enter as enterCalendar } from '../calendar/enter';
import { router } from '../http/router';
import { accept, accesses, cancelInvite, invite, list, remove, update } from './handlers';

export const handler = router(invite, list, update, remove, cancelInvite, accept, accesses, enterCalendar);
