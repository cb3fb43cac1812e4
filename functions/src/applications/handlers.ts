// POST /me/unemployment-registration, /me/employment-registration, /me/hardship-applications;
// GET /me/person-applications, /me/categories
import {
  createEmploymentRegistration,
  createHardshipApplication,
  createUnemploymentRegistration,
  getMyCategories,
  listMyPersonApplications,
} from '@doorstep/shared';
import { httpHandler } from '../http/handler';
import { currentCategories } from './categories';
import { listApplications, registerEmployment, submitHardship, submitUnemployment } from './service';

export const unemployment = httpHandler(createUnemploymentRegistration, async ({ principal, body }) => ({
  application: await submitUnemployment(principal, body),
}));
export const employment = httpHandler(createEmploymentRegistration, async ({ principal, body }) => ({
  application: await registerEmployment(principal, body),
}));
export const hardship = httpHandler(createHardshipApplication, async ({ principal, body }) => ({
  application: await submitHardship(principal, body),
}));
export const list = httpHandler(listMyPersonApplications, async ({ principal }) => ({ items: await listApplications(principal.userId) }));
export const categories = httpHandler(getMyCategories, ({ principal }) => currentCategories(principal.userId));
