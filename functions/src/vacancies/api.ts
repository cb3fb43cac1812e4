// Vacancies and jobs, one Lambda: posting and finding vacancies, applying, outcomes, referrals and
// the subscription consent behind match messages.
import { router } from '../http/router';
import * as jobs from '../jobs/handlers';
import * as vacancies from './handlers';

export const handler = router(
  vacancies.create,
  vacancies.nearby,
  vacancies.get,
  vacancies.close,
  vacancies.update,
  vacancies.ofEmployer,
  vacancies.recommended,
  jobs.apply,
  jobs.mine,
  jobs.candidates,
  jobs.outcome,
  jobs.refer,
  jobs.referral,
  jobs.subscribe,
);
