// 零工, one Lambda: odd jobs posted and found near home, places taken, done, pay and ratings,
// reports; the station's list, checks, walk-in posts and disputes.
import { router } from '../http/router';
import * as gigs from './handlers';

export const handler = router(
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
