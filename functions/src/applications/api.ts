// Applications and their reviews, one Lambda: unemployment and employment registration, hardship
// applications, a person's categories, and the staff review queue.
import { router } from '../http/router';
import * as reviews from '../reviews/handlers';
import * as applications from './handlers';

export const handler = router(
  applications.unemployment,
  applications.employment,
  applications.hardship,
  applications.list,
  applications.categories,
  reviews.list,
  reviews.decision,
);
