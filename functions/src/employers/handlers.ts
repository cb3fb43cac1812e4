// POST /employers, GET /employers/{id}
import { createEmployer as createEmployerContract, getEmployer as getEmployerContract } from '@doorstep/shared';
import { httpHandler } from '../http/handler';
import { createEmployer, getEmployerForMember } from './service';

export const create = httpHandler(createEmployerContract, async ({ principal, body }) => ({
  employer: await createEmployer(principal.userId, body),
}));

export const get = httpHandler(getEmployerContract, async ({ principal, params }) => ({
  employer: await getEmployerForMember(principal.userId, params.id),
}));
