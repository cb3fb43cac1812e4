// 公益性岗位 over HTTP: registering a post (staff, or a unit from its phone), the unit's own posts, the reserve and one post, a 托底 placement (with
// Idempotency-Key: it takes a seat). The ledger as a file is the figures function's.
import {
  applyForWelfarePost,
  unitWelfarePosts,
  createWelfarePost as createContract,
  getWelfarePost as getContract,
  listWelfarePosts as listContract,
  placeInWelfarePost as placeContract,
} from '@doorstep/shared';
import { httpHandler } from '../http/handler';
import { idempotencyKeyOf, idempotent } from '../http/idempotency';
import { applyAsUnit, createWelfarePost, getWelfarePost, listWelfarePosts, placeInWelfarePost, unitPosts } from './service';

export const create = httpHandler(createContract, async ({ principal, body }) => ({ post: await createWelfarePost(principal, body) }));
export const list = httpHandler(listContract, ({ principal, query }) => listWelfarePosts(principal, query));
export const get = httpHandler(getContract, async ({ principal, params }) => ({ post: await getWelfarePost(principal, params.id) }));
export const place = httpHandler(placeContract, ({ principal, params, body, headers }) =>
  idempotent(`${principal.userId}:welfare-placement`, idempotencyKeyOf(headers), { caseId: params.id, ...body }, async (record) => ({
    post: await placeInWelfarePost(principal, params.id, body, { ...(record ? { record } : {}) }),
  })),
);
export const unitApply = httpHandler(applyForWelfarePost, async ({ principal, params, body }) => ({ post: await applyAsUnit(principal.userId, params.id, body) }));
export const unitList = httpHandler(unitWelfarePosts, async ({ principal, params }) => ({ items: await unitPosts(principal.userId, params.id) }));
