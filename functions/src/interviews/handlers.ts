// Interview slots and bookings over HTTP.
import {
  bookInterview,
  cancelInterview,
  listInterviewSlots,
  myInterviews as myInterviewsContract,
  openInterviewSlot,
  recordInterviewOutcome as outcomeContract,
  rescheduleInterview,
  vacancyInterviewBookings,
  assistedInterviewBooking,
  inJurisdiction,
} from '@doorstep/shared';
import { GetItemCommand } from 'dynamodb-toolbox/entity/actions/get';
import { JobseekerRegistrationEntity } from '../db/entities';
import { NotFoundError } from '../http/errors';
import { httpHandler } from '../http/handler';
import { idempotencyKeyOf, idempotent } from '../http/idempotency';
import { bookSlot, cancelBooking, listSlots, myInterviews, openSlot, recordInterviewOutcome, rescheduleBooking, toBookingView, toSlotView, vacancyBookings as listVacancyBookings } from './booking';

export const open = httpHandler(openInterviewSlot, async ({ principal, params, body }) => ({ slot: toSlotView(await openSlot(principal.userId, params.id, body)) }));
export const slots = httpHandler(listInterviewSlots, async ({ principal, params }) => ({ items: await listSlots(principal.userId, params.id, principal.roles.includes('staff')) }));
export const book = httpHandler(bookInterview, ({ principal, params, headers }) =>
  idempotent(`${principal.userId}:book-interview`, idempotencyKeyOf(headers), { slotId: params.id }, async (record) => ({
    booking: toBookingView(await bookSlot(principal.userId, params.id, { record })),
  })),
);
export const cancel = httpHandler(cancelInterview, async ({ principal, params }) => ({ booking: toBookingView(await cancelBooking(principal.userId, params.id)) }));
export const mine = httpHandler(myInterviewsContract, async ({ principal }) => ({ items: await myInterviews(principal.userId) }));
export const reschedule = httpHandler(rescheduleInterview, async ({ principal, params, body }) => ({ booking: toBookingView(await rescheduleBooking(principal.userId, params.id, body.slotId)) }));
export const outcome = httpHandler(outcomeContract, async ({ principal, params, body }) => ({ booking: toBookingView(await recordInterviewOutcome(principal.userId, params.id, body.outcome)) }));
export const vacancyBookings = httpHandler(vacancyInterviewBookings, async ({ principal, params }) => ({ items: await listVacancyBookings(principal.userId, params.id) }));

/** Assisted mode: staff book for a person of their jurisdiction; the booking records who did it. */
export const assistedBook = httpHandler(assistedInterviewBooking, async ({ principal, params, body, headers }) => {
  const { Item: reg } = await JobseekerRegistrationEntity.build(GetItemCommand).key({ userId: body.personId }).send();
  if (!reg || !inJurisdiction(reg.residence.areaCode, principal.level, principal.areaCode)) throw new NotFoundError('找不到这个人员');
  return idempotent(`${principal.userId}:assisted-interview`, idempotencyKeyOf(headers), { slotId: params.id, personId: body.personId }, async (record) => ({
    booking: toBookingView(await bookSlot(body.personId, params.id, { bookedBy: principal.userId, record })),
  }));
});
