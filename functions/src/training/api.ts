// Training, one Lambda: courses, sign-ups and waitlists, completions (which redeem the voucher a
// person signed up with) and the training-needs survey.
import { router } from '../http/router';
import * as completions from './handlers/completions';
import * as courses from './handlers/courses';
import * as enrolments from './handlers/enrolments';
import * as needs from './handlers/needs';

export const handler = router(
  courses.create,
  courses.nearby,
  courses.get,
  courses.mine,
  courses.programmes,
  enrolments.signUp,
  enrolments.cancel,
  enrolments.mine,
  enrolments.roster,
  completions.complete,
  needs.submit,
  needs.staff,
);
