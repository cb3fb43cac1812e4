// 零工, one Lambda: odd jobs posted and found near home, places taken, done, pay and ratings,
// reports; the station's list, checks, walk-in posts and disputes; and, on its hourly schedule,
// the completions nobody objected to within 24 hours made done.
import { router, withSchedule } from '../http/router';
import { settleCompletions } from './handlers';
import * as gigs from './handlers';

const routes = router(
  gigs.contact,
  gigs.verify,
  gigs.create,
  gigs.nearby,
  gigs.one,
  gigs.take,
  gigs.cancel,
  gigs.done,
  gigs.object,
  gigs.pay,
  gigs.rating,
  gigs.close,
  gigs.mine,
  gigs.report,
  gigs.staffList,
  gigs.workers,
  gigs.assisted,
  gigs.assistTake,
  gigs.check,
  gigs.reports,
  gigs.decide,
);

export const handler = withSchedule(routes, settleCompletions);
