// 公益性岗位 (issue 31, R20–R23, WF-29): registered by street or community staff for a post of their
// area, checked against R20's three conditions, checked on site and recognised by the street, then
// confirmed by the district in the review queue (type `welfare_post`). Confirmed posts are the
// area's reserve: a case's specialist places the person in one as the safety net (托底) for a term
// — a seat taken under a condition on the post's `filled` (never more than its seats), the case
// placed and a household member off zero, in one transaction; with Idempotency-Key.
import { GetItemCommand } from 'dynamodb-toolbox/entity/actions/get';
import { PutTransaction } from 'dynamodb-toolbox/entity/actions/transactPut';
import { execute } from 'dynamodb-toolbox/entity/actions/transactWrite';
import type { TransactionWrite } from '../db/transaction';
import { QueryCommand } from 'dynamodb-toolbox/table/actions/query';
import { ulid } from 'ulid';
import {
  inJurisdiction,
  maskName,
  streetOf,
  todayInChina,
  welfareFundingLabels,
  welfarePostCheck,
  welfarePostKindLabels,
  welfarePostStatusLabels,
  type WelfareFunding,
  type WelfarePost,
  type WelfarePostBody,
  type UnitWelfarePostBody,
  type WelfarePostKind,
  type WelfarePostStatus,
} from '@doorstep/shared';
import { welfarePlacementWrites } from '../assistance/cases';
import { areaFullName } from '../areas/dataset';
import { decodeKeyCursor, encodeKeyCursor } from '../db/cursor';
import { cancelledTransaction } from '../db/errors';
import { table } from '../db/table';
import { ConflictError, NotFoundError, ValidationError } from '../http/errors';
import type { RecordAnswer } from '../http/idempotency';
import { scopeOf } from '../http/jurisdiction';
import type { Principal } from '../http/session';
import { memberWorkWrites } from '../households/service';
import { newReview, type Decision } from '../reviews/queue';
import { WelfarePlacementEntity, WelfarePostEntity, welfarePostAreaKeys, welfarePostUnitKeys } from './entities';
import { getEmployerForMember } from '../employers/service';
import { isKnownArea } from '../areas/dataset';

import { placementsOf, unitPostsOf, type StoredPlacement, type StoredPost } from './reads';

function toView(p: StoredPost, placements: readonly StoredPlacement[]): WelfarePost {
  return {
    id: p.postId,
    unitName: p.unitName,
    title: p.title,
    duties: p.duties,
    areaCode: p.areaCode,
    areaName: areaFullName(p.areaCode),
    seats: p.seats,
    filled: p.filled,
    funding: p.funding as WelfareFunding,
    fundingName: welfareFundingLabels[p.funding as WelfareFunding],
    kind: p.kind as WelfarePostKind,
    kindName: welfarePostKindLabels[p.kind as WelfarePostKind],
    monthlyWageFen: p.monthlyWageFen,
    status: p.status,
    statusName: welfarePostStatusLabels[p.status as WelfarePostStatus],
    ...(p.reason ? { reason: p.reason } : {}),
    placements: placements.map((x) => ({ caseId: x.caseId, personName: x.personName, from: x.from, until: x.until })),
    createdAt: p.createdAt,
  };
}


async function loadPost(postId: string): Promise<StoredPost | undefined> {
  const { Item } = await WelfarePostEntity.build(GetItemCommand).key({ postId }).options({ consistent: true }).send();
  return Item;
}

/** What a staff member may see: their area's posts — for a community, its street's too (the reserve it places into). */
export const reach = (principal: Principal) => {
  const scope = scopeOf(principal);
  return principal.level === 'community' ? streetOf(scope) : scope;
};

export async function createWelfarePost(principal: Principal, body: WelfarePostBody, now = new Date()): Promise<WelfarePost> {
  scopeOf(principal);
  if (!inJurisdiction(body.areaCode, principal.level, principal.areaCode)) throw new ValidationError([{ path: ['areaCode'], message: '岗位须在您的辖区内' }]);
  return registerPost(body, principal.userId, now);
}

/**
 * A unit's own application, from its phone: a member of an approved unit (anyone else: 404, as if
 * it did not exist) applies for a post in any street's area; the post carries the unit's name and
 * goes to that street's queue like one registered at its desk.
 */
export async function applyAsUnit(userId: string, employerId: string, body: UnitWelfarePostBody, now = new Date()): Promise<WelfarePost> {
  const unit = await getEmployerForMember(userId, employerId);
  if (unit.status !== 'approved') throw new ConflictError('单位通过审核后才能申请公益性岗位');
  if (!isKnownArea(body.areaCode)) throw new ValidationError([{ path: ['areaCode'], message: '请选择岗位所在的街道或社区' }]);
  return registerPost({ ...body, unitName: unit.name }, userId, now, employerId);
}

/** The unit's posts, newest first, with who holds each seat (their names masked). */
export async function unitPosts(userId: string, employerId: string): Promise<WelfarePost[]> {
  await getEmployerForMember(userId, employerId);
  const Items = await unitPostsOf(employerId);
  const placed = await Promise.all(Items.map((p) => placementsOf(p.postId)));
  return Items.map((p, i) => {
    const view = toView(p, placed[i]!);
    return { ...view, placements: view.placements.map((x) => ({ ...x, personName: maskName(x.personName) })) };
  });
}

/** R20's conditions checked, the post written with the street's review in one transaction. */
async function registerPost(body: WelfarePostBody, createdBy: string, now: Date, employerId?: string): Promise<WelfarePost> {
  const unmet = welfarePostCheck(body);
  if (unmet.length) throw new ValidationError(unmet.map((u) => ({ path: [u.path], message: u.message })));
  const at = now.toISOString();
  const postId = ulid();
  const post: StoredPost = {
    postId,
    ...body,
    filled: 0,
    status: 'pending_street',
    createdBy,
    createdAt: at,
    updatedAt: at,
    version: 1,
    ...welfarePostAreaKeys(body.areaCode, at, postId),
    ...(employerId ? { employerId, ...welfarePostUnitKeys(employerId, at, postId) } : {}),
  };
  await execute(
    WelfarePostEntity.build(PutTransaction).item(post).options({ condition: { attr: 'postId', exists: false } }),
    ...newReview({ reviewId: ulid(), type: 'welfare_post', subjectId: postId, subjectName: `${body.unitName} · ${body.title}（${body.seats}个）`, areaCode: body.areaCode, step: 'street', createdAt: at }),
  );
  return toView(post, []);
}

/** The review queue's decision: the street's on-site recognition forwards it; the district confirms it into the reserve. */
export async function welfarePostDecision({ review, status, at, reason }: Decision): Promise<TransactionWrite[]> {
  const p = await loadPost(review.subjectId);
  if (!p) throw new NotFoundError('找不到这条申请');
  if (p.status !== (review.step === 'street' ? 'pending_street' : 'pending_district')) throw new ConflictError('这条申请已经处理过了');
  const guard = { condition: { attr: 'version' as const, eq: p.version } };
  const base = { ...p, version: p.version + 1, updatedAt: at };
  if (status === 'rejected') return [WelfarePostEntity.build(PutTransaction).item({ ...base, status: 'rejected', ...(reason ? { reason } : {}) }).options(guard)];
  if (review.step === 'street') {
    return [
      WelfarePostEntity.build(PutTransaction).item({ ...base, status: 'pending_district' }).options(guard),
      ...newReview({ reviewId: ulid(), type: 'welfare_post', subjectId: p.postId, subjectName: review.subjectName, areaCode: p.areaCode, step: 'district', createdAt: at }),
    ];
  }
  return [WelfarePostEntity.build(PutTransaction).item({ ...base, status: 'confirmed' }).options(guard)];
}

export async function listWelfarePosts(principal: Principal, query: { status?: WelfarePostStatus; cursor?: string }) {
  const prefix = reach(principal);
  const partition = `PWPOSTS#${prefix.slice(0, 4)}`;
  const start = decodeKeyCursor(query.cursor, 'gsi1', partition);
  const page = await table
    .build(QueryCommand)
    .entities(WelfarePostEntity)
    .query({ index: 'gsi1', partition, range: { beginsWith: prefix } })
    .options({ reverse: true, limit: 20, ...(query.status ? { filters: { WelfarePost: { attr: 'status', eq: query.status } } } : {}), ...(start ? { exclusiveStartKey: start } : {}) })
    .send();
  const posts = page.Items ?? [];
  const placed = await Promise.all(posts.map((p) => placementsOf(p.postId)));
  return { items: posts.map((p, i) => toView(p, placed[i]!)), ...(page.LastEvaluatedKey ? { nextCursor: encodeKeyCursor(page.LastEvaluatedKey) } : {}) };
}

export async function getWelfarePost(principal: Principal, postId: string): Promise<WelfarePost> {
  const p = await loadPost(postId);
  if (!p || !p.areaCode.startsWith(reach(principal))) throw new NotFoundError('找不到这个岗位');
  return toView(p, await placementsOf(postId));
}

/** 托底安置: the case's specialist places its person in a confirmed post of the case's street, for a term. */
export async function placeInWelfarePost(
  principal: Principal,
  caseId: string,
  body: { postId: string; from: string; until: string },
  options: { now?: Date; record?: RecordAnswer<{ post: WelfarePost }> } = {},
): Promise<WelfarePost> {
  const now = options.now ?? new Date();
  if (body.until <= body.from) throw new ValidationError([{ path: ['until'], message: '结束日期须晚于开始日期' }]);
  const p = await loadPost(body.postId);
  const { c, writes } = await welfarePlacementWrites(principal, caseId, body.from, now);
  if (!p || !p.areaCode.startsWith(streetOf(c.areaCode))) throw new ValidationError([{ path: ['postId'], message: '请选择本街道已确认的公益性岗位' }]);
  if (p.status !== 'confirmed') throw new ValidationError([{ path: ['postId'], message: '这个岗位还没有确认，暂不能安置' }]);
  if (p.filled >= p.seats) throw new ConflictError('这个岗位的名额已满');
  const at = now.toISOString();
  const placement: StoredPlacement = { postId: p.postId, caseId, userId: c.userId, personName: c.personName, from: body.from, until: body.until, placedBy: principal.userId, at };
  const placements = await placementsOf(p.postId);
  const answer = { post: toView({ ...p, filled: p.filled + 1 }, [...placements, placement]) };
  try {
    await execute(
      // The seat: taken only while `filled` is what was read (below the seats); a racing placement fails here.
      WelfarePostEntity.build(PutTransaction)
        .item({ ...p, filled: p.filled + 1, updatedAt: at })
        .options({ condition: { and: [{ attr: 'filled', eq: p.filled }, { attr: 'status', eq: 'confirmed' }] } }),
      WelfarePlacementEntity.build(PutTransaction).item(placement).options({ condition: { attr: 'caseId', exists: false } }),
      ...writes,
      // 零就业家庭: a member placed takes the household off zero.
      ...(await memberWorkWrites(c.userId, 'employed', now)),
      ...(options.record ? [options.record(answer)] : []),
    );
  } catch (err) {
    const cancelled = cancelledTransaction(err);
    if (cancelled?.conditionFailed[0]) throw new ConflictError('这个岗位的名额刚刚有变化，请刷新后再试');
    if (cancelled?.conditionFailed.some(Boolean)) throw new ConflictError('援助情况已被他人更新，请刷新后再试');
    throw err;
  }
  return answer.post;
}
