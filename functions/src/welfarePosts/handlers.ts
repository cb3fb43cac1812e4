// 公益性岗位 over HTTP: registering a post, the reserve and one post, a 托底 placement (with
// Idempotency-Key: it takes a seat). The ledger as a file is the figures function's.
import {
  createWelfarePost as createContract,
  getWelfarePost as getContract,
  listWelfarePosts as listContract,
  placeInWelfarePost as placeContract,
} from '@doorstep/shared';
import { httpHandler } from '../http/handler';
import { idempotencyKeyOf, idempotent } from '../http/idempotency';
import { createWelfarePost, getWelfarePost, listWelfarePosts, placeInWelfarePost } from './service';

export const create = httpHandler(createContract, async ({ principal, body }) => ({ post: await createWelfarePost(principal, body) }));
export const list = httpHandler(listContract, ({ principal, query }) => listWelfarePosts(principal, query));
export const get = httpHandler(getContract, async ({ principal, params }) => ({ post: await getWelfarePost(principal, params.id) }));
export const place = httpHandler(placeContract, ({ principal, params, body, headers }) =>
  idempotent(`${principal.userId}:welfare-placement`, idempotencyKeyOf(headers), { caseId: params.id, ...body }, async (record) => ({
    post: await placeInWelfarePost(principal, params.id, body, { ...(record ? { record } : {}) }),
  })),
);
