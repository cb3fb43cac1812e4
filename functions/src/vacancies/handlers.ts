// POST /vacancies, GET /vacancies/nearby, GET /vacancies/{id}, POST /vacancies/{id}/close
import { closeVacancy as closeContract, createVacancy as createContract, getVacancy as getContract, nearbyVacancies } from '@doorstep/shared';
import { httpHandler } from '../http/handler';
import { closeVacancy, createVacancy, getVacancy, nearby as findNearby } from './service';

export const create = httpHandler(createContract, async ({ principal, body }) => ({ vacancy: await createVacancy(principal.userId, body) }));
export const nearby = httpHandler(nearbyVacancies, ({ principal, query }) => findNearby(principal, query));
export const get = httpHandler(getContract, async ({ principal, params }) => ({ vacancy: await getVacancy(principal, params.id) }));
export const close = httpHandler(closeContract, async ({ principal, params }) => ({ vacancy: await closeVacancy(principal.userId, params.id) }));
