// POST /vacancies, PATCH /vacancies/{id}, GET /vacancies/nearby, GET /vacancies/{id},
// POST /vacancies/{id}/close, GET /employers/{id}/vacancies, GET /me/recommendations
import {
  closeVacancy as closeContract,
  createVacancy as createContract,
  employerVacancies,
  getVacancy as getContract,
  myRecommendations,
  nearbyVacancies,
  updateVacancy as updateContract,
} from '@doorstep/shared';
import { httpHandler } from '../http/handler';
import { closeVacancy, createVacancy, employerVacancies as listOfEmployer, getVacancy, nearby as findNearby, recommendations, updateVacancy } from './service';

export const create = httpHandler(createContract, async ({ principal, body }) => ({ vacancy: await createVacancy(principal.userId, body) }));
export const update = httpHandler(updateContract, ({ principal, params, body }) => updateVacancy(principal.userId, params.id, body));
export const nearby = httpHandler(nearbyVacancies, ({ principal, query }) => findNearby(principal, query));
export const get = httpHandler(getContract, async ({ principal, params }) => ({ vacancy: await getVacancy(principal, params.id) }));
export const close = httpHandler(closeContract, async ({ principal, params }) => ({ vacancy: await closeVacancy(principal.userId, params.id) }));
export const ofEmployer = httpHandler(employerVacancies, ({ principal, params, query }) => listOfEmployer(principal.userId, params.id, query.cursor));
export const recommended = httpHandler(myRecommendations, ({ principal }) => recommendations(principal.userId));
