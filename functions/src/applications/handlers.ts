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

export const unemployment = /* @__PURE__ */ httpHandler(createUnemploymentRegistration, async ({ principal, body }) => ({
  application: await submitUnemployment(principal, body),
}));
export const employment = /* @__PURE__ */ httpHandler(createEmploymentRegistration, async ({ principal, body }) => ({
  application: await registerEmployment(principal, body),
}));
export const hardship = /* @__PURE__ */ httpHandler(createHardshipApplication, async ({ principal, body }) => ({
  application: await submitHardship(principal, body),
}));
export const list = /* @__PURE__ */ httpHandler(listMyPersonApplications, async ({ principal }) => ({ items: await listApplications(principal.userId) }));
export const categories = /* @__PURE__ */ httpHandler(getMyCategories, ({ principal }) => currentCategories(principal.userId));
