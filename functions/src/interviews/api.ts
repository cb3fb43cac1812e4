// Remote interviews, one Lambda: slots, bookings, rescheduling and outcomes.
import { router } from '../http/router';
import * as interviews from './handlers';

export const handler = router(
  interviews.open,
  interviews.slots,
  interviews.book,
  interviews.cancel,
  interviews.mine,
  interviews.reschedule,
  interviews.outcome,
  interviews.vacancyBookings,
  interviews.assistedBook,
);
