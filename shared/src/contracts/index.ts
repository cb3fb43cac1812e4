export * from './contract';
export * from './errors';
export * from './auth';
export * from './areas';
export * from './health';
export * from './registration';
export * from './employers';
export * from './reviews';
export * from './audit';

import { wechatLogin, cloudbaseLogin, devLogin, getMe } from './auth';
import { listAreas } from './areas';
import { health, openapi } from './health';
import { putJobseekerRegistration, getJobseekerRegistration } from './registration';
import { createEmployer, getEmployer } from './employers';
import { decideReview, listReviews } from './reviews';
import { getAuditTrail } from './audit';

/** Every endpoint, for the OpenAPI document and route tests. */
export const allContracts = [
  health,
  openapi,
  wechatLogin,
  cloudbaseLogin,
  devLogin,
  getMe,
  listAreas,
  putJobseekerRegistration,
  getJobseekerRegistration,
  createEmployer,
  getEmployer,
  listReviews,
  decideReview,
  getAuditTrail,
] as const;
