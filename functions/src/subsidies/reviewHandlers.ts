// The reviewers' routes (their own Lambda: they read the evidence photos, which nothing else of
// subsidies may): a level's queue, one application with its photos, the review.
import * as c from '@doorstep/shared';
import { httpHandler } from '../http/handler';
import { idempotencyKeyOf, idempotent } from '../http/idempotency';
import { listApplications, reviewApplication, staffApplication } from './review';

export const list = httpHandler(c.listSubsidyApplications, ({ principal, query }) => listApplications(principal, query));
export const one = httpHandler(c.getStaffSubsidyApplication, ({ principal, params }) => staffApplication(principal, params.id, c.getStaffSubsidyApplication.path));
export const review = httpHandler(c.reviewSubsidyApplication, ({ principal, params, body, headers }) =>
  idempotent(`${principal.userId}:subsidy-review:${params.id}`, idempotencyKeyOf(headers), body, (record) => reviewApplication(principal, params.id, body, record)),
);

