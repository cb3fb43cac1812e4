// Sign-ups over HTTP: sign up (or, for staff, sign someone up), cancel, my sign-ups, the roster.
// Sign-ups take capacity: they honour Idempotency-Key.
import {
  cancelEnrolment as cancelContract,
  courseRoster as rosterContract,
  enrol as enrolContract,
  myEnrolments as mineContract,
} from '@doorstep/shared';
import { httpHandler } from '../../http/handler';
import { idempotencyKeyOf, idempotent } from '../../http/idempotency';
import { assistedEnrol, cancelEnrolment, courseRoster, enrol, myEnrolments } from '../enrolments';

export const signUp = httpHandler(enrolContract, ({ principal, params, body, headers }) =>
  idempotent(`${principal.userId}:enrol`, idempotencyKeyOf(headers), { courseId: params.id, ...body }, async (record) => ({
    enrolment: body.personId
      ? await assistedEnrol(principal, body.personId, params.id, body.voucherId, record)
      : await enrol(principal.userId, params.id, { ...(body.voucherId ? { voucherId: body.voucherId } : {}), ...(record ? { record } : {}) }),
  })),
);
export const cancel = httpHandler(cancelContract, async ({ principal, params }) => ({ enrolment: await cancelEnrolment(principal.userId, params.id) }));
export const mine = httpHandler(mineContract, async ({ principal }) => ({ items: await myEnrolments(principal.userId) }));
export const roster = httpHandler(rosterContract, ({ principal, params }) => courseRoster(principal, params.id));
