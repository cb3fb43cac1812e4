// Complaints over HTTP. Filing honours Idempotency-Key, so a retry after a lost answer does not
// file it twice; staff handling lives in its own file (it signs photo links).
import {
  complaintProgress as progressContract,
  createComplaint as createComplaintContract,
  getStaffComplaint,
  myComplaints as myComplaintsContract,
} from '@doorstep/shared';
import { httpHandler } from '../../http/handler';
import { idempotencyKeyOf, idempotent } from '../../http/idempotency';
import { createComplaint, myComplaints } from '../complaints';

export const complain = httpHandler(createComplaintContract, ({ principal, body, headers }) =>
  idempotent(`${principal.userId}:complaint`, idempotencyKeyOf(headers), body, async (record) => ({ complaint: await createComplaint(principal.userId, body, record) })),
);
export const mine = httpHandler(myComplaintsContract, async ({ principal }) => ({ items: await myComplaints(principal.userId) }));
