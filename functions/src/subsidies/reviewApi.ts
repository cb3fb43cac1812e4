// 补贴审核 (issue 32), the reviewers' Lambda: a level's queue, one application with its evidence
// photos as short-lived links (the only subsidy code with the right to read them), the review.
import { router } from '../http/router';
import * as r from './reviewHandlers';

export const handler = router(r.list, r.one, r.review);
