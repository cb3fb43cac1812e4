// Interview slots and bookings over HTTP.
import {
  bookInterview,
  cancelInterview,
  listInterviewSlots,
  myInterviews as myInterviewsContract,
  openInterviewSlot,
  recordInterviewOutcome as outcomeContract,
  rescheduleInterview,
} from '@doorstep/shared';
import { httpHandler } from '../http/handler';
import { idempotencyKeyOf, idempotent } from '../http/idempotency';
import { bookSlot, cancelBooking, listSlots, myInterviews, openSlot, recordInterviewOutcome, rescheduleBooking, toBookingView, toSlotView } from './booking';

export const open = httpHandler(openInterviewSlot, async ({ principal, params, body }) => ({ slot: toSlotView(await openSlot(principal.userId, params.id, body)) }));
export const slots = httpHandler(listInterviewSlots, async ({ principal, params }) => ({ items: await listSlots(principal.userId, params.id) }));
export const book = httpHandler(bookInterview, ({ principal, params, headers }) =>
  idempotent(`${principal.userId}:book-interview`, idempotencyKeyOf(headers), { slotId: params.id }, async (record) => ({
    booking: toBookingView(await bookSlot(principal.userId, params.id, { record })),
  })),
);
export const cancel = httpHandler(cancelInterview, async ({ principal, params }) => ({ booking: toBookingView(await cancelBooking(principal.userId, params.id)) }));
export const mine = httpHandler(myInterviewsContract, async ({ principal }) => ({ items: await myInterviews(principal.userId) }));
export const reschedule = httpHandler(rescheduleInterview, async ({ principal, params, body }) => ({ booking: toBookingView(await rescheduleBooking(principal.userId, params.id, body.slotId)) }));
export const outcome = httpHandler(outcomeContract, async ({ principal, params, body }) => ({ booking: toBookingView(await recordInterviewOutcome(principal.userId, params.id, body.outcome)) }));
