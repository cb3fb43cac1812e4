// Service quality, one Lambda: 好差评 ratings and appeals, complaints and their handling, and
// the staff inbox of tasks.
import { router } from '../http/router';
import * as tasks from '../tasks/handlers';
import * as complaintHandling from './handlers/complaintHandling';
import * as complaints from './handlers/complaints';
import * as ratings from './handlers/ratings';

export const handler = router(
  ratings.rate,
  ratings.mine,
  ratings.staffView,
  ratings.appeal,
  ratings.decide,
  complaints.complain,
  complaints.mine,
  complaintHandling.view,
  complaintHandling.progress,
  tasks.list,
  tasks.complete,
);
