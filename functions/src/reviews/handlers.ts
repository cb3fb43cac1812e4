// GET /staff/reviews, POST /staff/reviews/{id}/decision
import { decideReview, listReviews as listReviewsContract } from '@doorstep/shared';
import { httpHandler } from '../http/handler';
import { decide, listReviews } from './service';

export const list = httpHandler(listReviewsContract, async ({ principal, query }) => listReviews(principal, query));

export const decision = httpHandler(decideReview, async ({ principal, params, body }) => ({
  review: await decide(principal, params.id, body),
}));
