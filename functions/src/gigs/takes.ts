// 零工 — the places: 我来做 takes one in one transaction (the job's `taken < places`, the card's
// count, the take, the worker's quarter-hours in the diary shared with interviews and visits, the
// Idempotency-Key's answer), so 30 taps on a two-place job give exactly two and nobody holds two
// overlapping jobs. Then: cancel before it starts (the place comes free), done (confirmed by the
// poster, or reported by the worker and done unless the poster objects within 24 hours), the pay
// the worker received, and one rating each way. Phones are shown only between the matched two.
import { GetItemCommand } from 'dynamodb-toolbox/entity/actions/get';
import { DeleteTransaction } from 'dynamodb-toolbox/entity/actions/transactDelete';
import { PutTransaction } from 'dynamodb-toolbox/entity/actions/transactPut';
import { UpdateTransaction } from 'dynamodb-toolbox/entity/actions/transactUpdate';
import { execute } from 'dynamodb-toolbox/entity/actions/transactWrite';
import { $add, $remove, $set } from 'dynamodb-toolbox/entity/actions/update';
import { QueryCommand } from 'dynamodb-toolbox/table/actions/query';
import type { FormattedItem } from 'dynamodb-toolbox/entity';
import {
  ageOn,
  busyBuckets,
  effectiveTakeStatus,
  GIG_OBJECTION_HOURS,
  gigWindow,
  inJurisdiction,
  todayInChina,
  workerRefusal,
  type Gig,
  type GigPayMethod,
  type GigTake,
} from '@doorstep/shared';
import { retryConflicts } from '../concurrency';
import { scopeOf } from '../http/jurisdiction';
import type { Principal } from '../http/session';
import { findPersonByIdNumber } from '../staff/service';
import { BusyBucketEntity } from '../interviews/entities';
import { JobseekerRegistrationEntity } from '../db/entities';
import { cancelledTransaction } from '../db/errors';
import { queryAll } from '../db/queryAll';
import { table } from '../db/table';
import { ConflictError, ForbiddenError, NotFoundError, RuleError } from '../http/errors';
import type { RecordAnswer } from '../http/idempotency';
import { GigCardEntity, GigEntity, GigTakeEntity } from './entities';
import { cardKeyOf, loadGig, toGigView, whenOf, type StoredGig } from './gigs';
import { openDispute } from './reports';

export type StoredTake = FormattedItem<typeof GigTakeEntity>;

const ttlAfter = (iso: string) => Math.floor(new Date(iso).getTime() / 1000) + 7 * 86_400;

export function toTakeView(t: StoredTake, forPoster: boolean, now = new Date()): GigTake {
  const status = effectiveTakeStatus(t, now);
  return {
    gigId: t.gigId,
    workerId: t.workerId,
    status,
    startsAt: t.startsAt,
    endsAt: t.endsAt,
    takenAt: t.takenAt,
    ...(t.objectionUntil && status === 'reported_done' ? { objectionUntil: t.objectionUntil } : {}),
    ...(t.doneAt ? { doneAt: t.doneAt } : status === 'done' && t.objectionUntil ? { doneAt: t.objectionUntil } : {}),
    ...(t.objection ? { objection: t.objection } : {}),
    ...(t.pay ? { pay: { amountFen: t.pay.amountFen, method: t.pay.method as GigPayMethod, at: t.pay.at } } : {}),
    ...(t.ratingOfWorker ? { ratingOfWorker: t.ratingOfWorker } : {}),
    ...(t.ratingOfPoster ? { ratingOfPoster: t.ratingOfPoster } : {}),
    ...(forPoster && status !== 'cancelled' ? { worker: { name: t.workerName, phone: t.workerPhone } } : {}),
  };
}

async function loadTake(gigId: string, workerId: string): Promise<StoredTake | undefined> {
  const { Item } = await GigTakeEntity.build(GetItemCommand).key({ gigId, workerId }).options({ consistent: true }).send();
  return Item;
}

export const takesOf = async (gigId: string): Promise<StoredTake[]> =>
  (await table.build(QueryCommand).entities(GigTakeEntity).query({ partition: `GIG#${gigId}`, range: { beginsWith: 'TAKE#' } }).options({ consistent: true }).send()).Items ?? [];

/** One job as the asker may see it: the poster sees the takers and their phones; a taker the poster's phone; others no phone. */
export async function viewGig(userId: string, gigId: string, now = new Date()) {
  const gig = await loadGig(gigId);
  if (!gig) throw new NotFoundError('找不到这条零工');
  const poster = gig.posterId === userId;
  const takes = poster ? await takesOf(gigId) : [await loadTake(gigId, userId)].flatMap((t) => (t ? [t] : []));
  const mine = takes.find((t) => t.workerId === userId && t.status !== 'cancelled');
  if (!poster && !mine && gig.status !== 'open') throw new NotFoundError('这条零工已经结束了');
  return {
    gig: toGigView(gig),
    role: poster ? ('poster' as const) : mine ? ('worker' as const) : ('other' as const),
    takes: takes.map((t) => toTakeView(t, poster, now)),
    ...(mine ? { contact: { name: gig.contactName, phone: gig.contactPhone } } : {}),
  };
}

/** 我来做. */
export async function takeGig(userId: string, gigId: string, options: { now?: Date; record?: RecordAnswer<{ take: GigTake }>; assistedBy?: string } = {}): Promise<GigTake> {
  const now = options.now ?? new Date();
  const today = todayInChina(now);
  const [gig, { Item: reg }, earlier] = await Promise.all([loadGig(gigId, true), JobseekerRegistrationEntity.build(GetItemCommand).key({ userId }).send(), loadTake(gigId, userId)]);
  if (!gig || gig.status !== 'open' || gig.lastDay < today) throw new NotFoundError('这条零工已经结束了');
  if (gig.posterId === userId) throw new RuleError('不能接自己发布的零工');
  if (!reg) throw new ForbiddenError('接零工要让对方能联系到您：请先完成求职登记');
  const window = gigWindow(whenOf(gig), now);
  if (window.endsAt <= now.toISOString()) throw new RuleError('这个活的时间已经过了');
  const refusal = workerRefusal(ageOn(reg.birthDate, today), window);
  if (refusal) throw new RuleError(refusal);
  if (earlier && earlier.status !== 'cancelled') throw new ConflictError('您已经接了这个活');
  const at = now.toISOString();
  const take: StoredTake = {
    gigId,
    workerId: userId,
    workerName: reg.name,
    workerPhone: reg.phone,
    areaCode: gig.areaCode,
    status: 'taken',
    ...window,
    takenAt: at,
    ...(options.assistedBy ? { assistedBy: options.assistedBy } : {}),
    updatedAt: at,
    gsi2pk: `USER_GIGTAKES#${userId}`,
    gsi2sk: `${window.startsAt}#${gigId}`,
  };
  const buckets = busyBuckets(window.startsAt, (new Date(window.endsAt).getTime() - new Date(window.startsAt).getTime()) / 60_000);
  const view = toTakeView(take, false, now);
  try {
    await retryConflicts(
      () =>
        execute(
          GigEntity.build(UpdateTransaction)
            .item({ gigId, taken: $add(1) })
            .options({ condition: { and: [{ attr: 'status', eq: 'open' }, { attr: 'taken', lt: { attr: 'places' } }] } }),
          GigCardEntity.build(UpdateTransaction).item({ ...cardKeyOf(gig), taken: $add(1) }).options({ condition: { attr: 'gigId', exists: true } }),
          GigTakeEntity.build(PutTransaction)
            .item(take)
            .options({ condition: { or: [{ attr: 'workerId', exists: false }, { attr: 'status', eq: 'cancelled' }] } }),
          ...buckets.map((bucket) =>
            BusyBucketEntity.build(PutTransaction).item({ userId, bucket, bookingId: `gig-${gigId}`, ttl: ttlAfter(window.endsAt) }).options({ condition: { attr: 'bookingId', exists: false } }),
          ),
          ...(options.record ? [options.record({ take: view })] : []),
        ),
      12,
    );
  } catch (err) {
    const c = cancelledTransaction(err);
    if (c?.conditionFailed[0] || c?.conditionFailed[1]) throw new ConflictError('名额已经满了，看看附近别的活吧');
    if (c?.conditionFailed[2]) throw new ConflictError('您已经接了这个活');
    if (c?.conditionFailed.slice(3).some(Boolean)) throw new ConflictError('这个时间您已经接了别的活，或有面试、预约，不能同时去');
    if (c?.conflict) throw new ConflictError('同时接这个活的人太多，请再点一次');
    throw err;
  }
  return view;
}

/**
 * Station staff match someone by phone: found by ID number in their jurisdiction (the look is in
 * 访问记录), the place taken for them under the same rules, for a job of the station's area.
 */
export async function takeFor(principal: Principal, gigId: string, idNumber: string, now = new Date()): Promise<GigTake> {
  scopeOf(principal);
  const gig = await loadGig(gigId);
  if (!gig || !inJurisdiction(gig.areaCode, principal.level, principal.areaCode)) throw new NotFoundError('找不到这条零工');
  const { person } = await findPersonByIdNumber(principal, idNumber, 'POST /staff/gigs/{id}/takes');
  return takeGig(person.id, gigId, { now, assistedBy: principal.userId });
}

/** Frees the place (the worker changed their mind, or the poster no longer needs them) before it starts. */
export async function cancelTake(userId: string, gigId: string, workerId: string, now = new Date()): Promise<GigTake> {
  const [gig, take] = await Promise.all([loadGig(gigId, true), loadTake(gigId, workerId)]);
  if (!gig || !take || (userId !== workerId && userId !== gig.posterId)) throw new NotFoundError('找不到这个接单');
  if (take.status !== 'taken') throw new ConflictError('已经报完工或取消了，不能再取消');
  if (take.startsAt <= now.toISOString()) throw new RuleError('已经开工了，不能取消。有纠纷请举报，由零工驿站调解');
  const at = now.toISOString();
  const buckets = busyBuckets(take.startsAt, (new Date(take.endsAt).getTime() - new Date(take.startsAt).getTime()) / 60_000);
  await retryConflicts(() =>
    execute(
      GigTakeEntity.build(UpdateTransaction).item({ gigId, workerId, status: 'cancelled', updatedAt: at }).options({ condition: { attr: 'status', eq: 'taken' } }),
      GigEntity.build(UpdateTransaction).item({ gigId, taken: $add(-1) }),
      ...(gig.status === 'open' ? [GigCardEntity.build(UpdateTransaction).item({ ...cardKeyOf(gig), taken: $add(-1) }).options({ condition: { attr: 'gigId', exists: true } })] : []),
      ...buckets.map((bucket) => BusyBucketEntity.build(DeleteTransaction).key({ userId: workerId, bucket }).options({ condition: { attr: 'bookingId', eq: `gig-${gigId}` } })),
    ),
  ).catch((err) => {
    if (cancelledTransaction(err)) throw new ConflictError('这个接单刚刚有了变化，请刷新');
    throw err;
  });
  return toTakeView({ ...take, status: 'cancelled', updatedAt: at }, userId === gig.posterId, now);
}

async function takeOf(userId: string, gigId: string, workerId: string): Promise<{ gig: StoredGig; take: StoredTake; poster: boolean }> {
  const [gig, take] = await Promise.all([loadGig(gigId, true), loadTake(gigId, workerId)]);
  if (!gig || !take || take.status === 'cancelled' || (userId !== workerId && userId !== gig.posterId)) throw new NotFoundError('找不到这个接单');
  return { gig, take, poster: userId === gig.posterId };
}

/**
 * 完工: the poster's word makes it done; the worker's report makes it done unless the poster
 * objects within 24 hours.
 */
export async function markDone(userId: string, gigId: string, workerId: string, now = new Date()): Promise<GigTake> {
  const { take, poster } = await takeOf(userId, gigId, workerId);
  const status = effectiveTakeStatus(take, now);
  if (status === 'done') throw new ConflictError('已经完工了');
  if (take.startsAt > now.toISOString()) throw new RuleError('还没到开工时间');
  const at = now.toISOString();
  const change = poster
    ? { status: 'done' as const, doneAt: at }
    : status === 'reported_done'
      ? undefined
      : reported(gigId, workerId, new Date(now.getTime() + GIG_OBJECTION_HOURS * 3_600_000).toISOString(), at);
  if (!change) throw new ConflictError('已经报过完工了，等发布人确认');
  try {
    await execute(
      GigTakeEntity.build(UpdateTransaction)
        .item({ gigId, workerId, ...change, ...(change.status === 'done' ? notReported : {}), updatedAt: at })
        .options({ condition: { attr: 'status', eq: take.status } }),
    );
  } catch (err) {
    if (cancelledTransaction(err)) throw new ConflictError('这个接单刚刚有了变化，请刷新');
    throw err;
  }
  return toTakeView({ ...take, ...change, updatedAt: at }, poster, now);
}

/** A worker's report of completion: the poster has until `objectionUntil`; the sweep finds it by then. */
const reported = (gigId: string, workerId: string, objectionUntil: string, at: string) => ({
  status: 'reported_done' as const,
  reportedAt: at,
  objectionUntil,
  gsi1pk: 'GIGS_REPORTED',
  gsi1sk: `${objectionUntil}#${gigId}#${workerId}`,
});
const notReported = { gsi1pk: $remove(), gsi1sk: $remove() };

/**
 * Every hour: reported completions nobody objected to within 24 hours become done (so the worker
 * counts in the figures even if nobody opens the job again). Returns how many.
 */
export async function settleReportedDone(now = new Date()): Promise<number> {
  const at = now.toISOString();
  const due = await queryAll((start) =>
    table
      .build(QueryCommand)
      .entities(GigTakeEntity)
      .query({ index: 'gsi1', partition: 'GIGS_REPORTED', range: { lte: `${at}#~` } })
      .options(start ? { exclusiveStartKey: start } : {})
      .send(),
  );
  let done = 0;
  for (const t of due) {
    if (!t.objectionUntil || t.objectionUntil > at) continue;
    try {
      await execute(
        GigTakeEntity.build(UpdateTransaction)
          .item({ gigId: t.gigId, workerId: t.workerId, status: 'done', doneAt: t.objectionUntil, ...notReported, updatedAt: at })
          .options({ condition: { and: [{ attr: 'status', eq: 'reported_done' }, { attr: 'objectionUntil', lte: at }] } }),
      );
      done += 1;
    } catch (err) {
      if (!cancelledTransaction(err)) throw err; // objected to or recorded meanwhile: nothing to do
    }
  }
  return done;
}

/** The poster objects to a reported completion within 24 hours: back to taken, and a dispute for the station. */
export async function objectToDone(userId: string, gigId: string, workerId: string, reason: string, now = new Date()): Promise<GigTake> {
  const { gig, take, poster } = await takeOf(userId, gigId, workerId);
  if (!poster) throw new NotFoundError('找不到这个接单');
  if (effectiveTakeStatus(take, now) !== 'reported_done') throw new ConflictError(take.status === 'reported_done' ? `报完工已超过${GIG_OBJECTION_HOURS}小时，算作完工了；有纠纷请举报` : '对方还没有报完工');
  const at = now.toISOString();
  try {
    await execute(
      GigTakeEntity.build(UpdateTransaction)
        .item({ gigId, workerId, status: 'taken', objection: reason, ...notReported, updatedAt: at })
        .options({ condition: { and: [{ attr: 'status', eq: 'reported_done' }, { attr: 'objectionUntil', gt: at }] } }),
      ...openDispute({ kind: 'dispute', gig, reporterId: userId, against: 'worker', againstId: workerId, reason, now }).items,
    );
  } catch (err) {
    if (cancelledTransaction(err)) throw new ConflictError('这个接单刚刚有了变化，请刷新');
    throw err;
  }
  return toTakeView({ ...take, status: 'taken', objection: reason, updatedAt: at }, true, now);
}

/** The worker records what they were paid (once), after the work is done. */
export async function recordPay(userId: string, gigId: string, workerId: string, pay: { amountFen: number; method: GigPayMethod }, now = new Date()): Promise<GigTake> {
  const { take } = await takeOf(userId, gigId, workerId);
  if (userId !== workerId) throw new NotFoundError('找不到这个接单');
  if (take.pay) throw new ConflictError('已经记过这次的收入了');
  if (effectiveTakeStatus(take, now) !== 'done') throw new RuleError('完工以后才能记收入');
  const at = now.toISOString();
  const record = { amountFen: pay.amountFen, method: pay.method, at };
  // A report nobody objected to becomes done on the record now.
  const done = take.status === 'reported_done' ? { status: 'done' as const, doneAt: take.objectionUntil!, ...notReported } : {};
  try {
    await execute(
      GigTakeEntity.build(UpdateTransaction)
        .item({ gigId, workerId, pay: $set(record), ...done, updatedAt: at })
        .options({ condition: { and: [{ attr: 'pay', exists: false }, { attr: 'status', eq: take.status }] } }),
    );
  } catch (err) {
    if (cancelledTransaction(err)) throw new ConflictError('已经记过这次的收入了');
    throw err;
  }
  return toTakeView({ ...take, ...done, pay: record, updatedAt: at }, false, now);
}

/** One rating each way, after the work is done: the poster rates the worker, the worker the poster. */
export async function rate(userId: string, gigId: string, workerId: string, r: { score: number; comment?: string }, now = new Date()): Promise<GigTake> {
  const { take, poster } = await takeOf(userId, gigId, workerId);
  if (effectiveTakeStatus(take, now) !== 'done') throw new RuleError('完工以后才能评价');
  const field = poster ? 'ratingOfWorker' : 'ratingOfPoster';
  if (take[field]) throw new ConflictError('您已经评价过了');
  const at = now.toISOString();
  const rating = { score: r.score, ...(r.comment ? { comment: r.comment } : {}), at };
  const done = take.status === 'reported_done' ? { status: 'done' as const, doneAt: take.objectionUntil!, ...notReported } : {};
  try {
    await execute(
      GigTakeEntity.build(UpdateTransaction)
        .item({ gigId, workerId, [field]: $set(rating), ...done, updatedAt: at })
        .options({ condition: { and: [poster ? { attr: 'ratingOfWorker', exists: false } : { attr: 'ratingOfPoster', exists: false }, { attr: 'status', eq: take.status }] } }),
    );
  } catch (err) {
    if (cancelledTransaction(err)) throw new ConflictError('您已经评价过了');
    throw err;
  }
  return toTakeView({ ...take, ...done, [field]: rating, updatedAt: at }, poster, now);
}

/** 我的零工: what I posted, what I took; the days I did odd jobs (灵活就业) and what I recorded earning. */
export async function myGigs(userId: string, now = new Date()) {
  const [posted, taken] = await Promise.all([
    table.build(QueryCommand).entities(GigEntity).query({ index: 'gsi2', partition: `USER_GIGS#${userId}` }).options({ reverse: true, limit: 50 }).send(),
    table.build(QueryCommand).entities(GigTakeEntity).query({ index: 'gsi2', partition: `USER_GIGTAKES#${userId}` }).options({ reverse: true, limit: 100 }).send(),
  ]);
  const takes = (taken.Items ?? []).filter((t) => t.status !== 'cancelled');
  const gigs = await Promise.all(takes.map((t) => loadGig(t.gigId)));
  const rows = takes.flatMap((t, i) => (gigs[i] ? [{ gig: toGigView(gigs[i]!), take: toTakeView(t, false, now) }] : []));
  const done = rows.filter((r) => r.take.status === 'done');
  return {
    posted: (posted.Items ?? []).map(toGigView) as Gig[],
    taken: rows,
    flexibleDays: new Set(done.map((r) => todayInChina(new Date(r.take.startsAt)))).size,
    incomeFen: done.reduce((n, r) => n + (r.take.pay?.amountFen ?? 0), 0),
  };
}
