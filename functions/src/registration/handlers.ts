// PUT /me/jobseeker-registration, GET /me/jobseeker-registration
import { getJobseekerRegistration, putJobseekerRegistration } from '@doorstep/shared';
import { httpHandler } from '../http/handler';
import { getRegistration, putRegistration } from './service';

export const put = httpHandler(putJobseekerRegistration, async ({ principal, body }) => ({
  registration: await putRegistration(principal.userId, body),
}));

export const get = httpHandler(getJobseekerRegistration, async ({ principal }) => ({
  registration: await getRegistration(principal.userId),
}));
