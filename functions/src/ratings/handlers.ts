// Ratings, appeals and complaints over HTTP. A complaint honours Idempotency-Key, so a retry
// after a lost answer does not file it twice.
import {
  appealRating as appealContract,
  complaintProgress as progressContract,
  createComplaint as createComplaintContract,
  createRating as createRatingContract,
  decideAppeal as decideContract,
  getStaffComplaint,
  getStaffRating,
  myComplaints as myComplaintsContract,
  myRatings as myRatingsContract,
} from '@doorstep/shared';
import { httpHandler } from '../http/handler';
import { idempotencyKeyOf, idempotent } from '../http/idempotency';
import { complaintProgress, createComplaint, myComplaints, staffComplaint } from './complaints';
import { appealRating, createRating, decideAppeal, myRatings, staffRating } from './ratings';

export const rate = httpHandler(createRatingContract, async ({ principal, body }) => ({ rating: await createRating(principal.userId, body) }));
export const mine = httpHandler(myRatingsContract, ({ principal }) => myRatings(principal.userId));
export const staffView = httpHandler(getStaffRating, async ({ principal, params }) => ({ rating: await staffRating(principal, params.id) }));
export const appeal = httpHandler(appealContract, async ({ principal, params, body }) => ({ rating: await appealRating(principal, params.id, body.reason) }));
export const decide = httpHandler(decideContract, async ({ principal, params, body }) => ({ rating: await decideAppeal(principal, params.id, body.decision, body.note) }));

export const complain = httpHandler(createComplaintContract, ({ principal, body, headers }) =>
  idempotent(`${principal.userId}:complaint`, idempotencyKeyOf(headers), body, async (record) => ({ complaint: await createComplaint(principal.userId, body, record) })),
);
export const myComplaintList = httpHandler(myComplaintsContract, async ({ principal }) => ({ items: await myComplaints(principal.userId) }));
export const staffComplaintView = httpHandler(getStaffComplaint, async ({ principal, params }) => ({ complaint: await staffComplaint(principal, params.id) }));
export const progress = httpHandler(progressContract, async ({ principal, params, body }) => ({ complaint: await complaintProgress(principal, params.id, body.status, body.note) }));
