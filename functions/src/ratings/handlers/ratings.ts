// Ratings and appeals over HTTP.
import {
  appealRating as appealContract,
  createRating as createRatingContract,
  decideAppeal as decideContract,
  getStaffRating,
  myRatings as myRatingsContract,
} from '@doorstep/shared';
import { httpHandler } from '../../http/handler';
import { appealRating, createRating, decideAppeal, myRatings, staffRating } from '../ratings';

export const rate = httpHandler(createRatingContract, async ({ principal, body }) => ({ rating: await createRating(principal.userId, body) }));
export const mine = httpHandler(myRatingsContract, ({ principal }) => myRatings(principal.userId));
export const staffView = httpHandler(getStaffRating, async ({ principal, params }) => ({ rating: await staffRating(principal, params.id) }));
export const appeal = httpHandler(appealContract, async ({ principal, params, body }) => ({ rating: await appealRating(principal, params.id, body.reason) }));
export const decide = httpHandler(decideContract, async ({ principal, params, body }) => ({ rating: await decideAppeal(principal, params.id, body.decision, body.note) }));
