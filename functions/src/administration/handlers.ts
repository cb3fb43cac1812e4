// POST|GET /admin/staff, PATCH|DELETE /admin/staff/{userId},
// DELETE /admin/staff-invitations/{areaCode}/{phone}, POST /me/staff-invitations/accept, GET /admin/access-log
import { acceptStaffInvitation, cancelStaffInvitation, listAccessLog, inviteStaff as inviteStaffContract, listStaff as listStaffContract, removeStaff as removeStaffContract, updateStaff as updateStaffContract } from '@doorstep/shared';
import { accessLog } from '../access/lists';
import { httpHandler } from '../http/handler';
import { acceptInvitation, cancelInvitation, inviteStaff, listStaff, removeStaff, updateStaff } from './staff';

export const invite = httpHandler(inviteStaffContract, async ({ principal, body }) => inviteStaff(principal, body));

export const list = httpHandler(listStaffContract, async ({ principal, query }) => listStaff(principal, query));

export const update = httpHandler(updateStaffContract, async ({ principal, params, body }) => ({ member: await updateStaff(principal, params.userId, body) }));

export const remove = httpHandler(removeStaffContract, async ({ principal, params }) => {
  await removeStaff(principal, params.userId);
  return { removed: true };
});

export const cancelInvite = httpHandler(cancelStaffInvitation, async ({ principal, params }) => {
  await cancelInvitation(principal, params.areaCode, params.phone);
  return { cancelled: true };
});

export const accept = httpHandler(acceptStaffInvitation, async ({ principal, body }) => ({ member: await acceptInvitation(principal.userId, body) }));

export const accesses = httpHandler(listAccessLog, async ({ principal, query }) => accessLog(principal, query));
