// 好差评 (issue 7): a rating once per completed service, by its recipient; a bad one (≤ 2 stars)
// opens a rectification task for the service point, due in 15 working days, with a call-back to
// the rater; the service point may appeal a mistaken or malicious one, and the level above
// decides — upheld, the rating no longer counts. Each step is one transaction.
import { GetItemCommand } from 'dynamodb-toolbox/entity/actions/get';
import { PutTransaction } from 'dynamodb-toolbox/entity/actions/transactPut';
import { UpdateTransaction } from 'dynamodb-toolbox/entity/actions/transactUpdate';
import { execute } from 'dynamodb-toolbox/entity/actions/transactWrite';
import { QueryCommand } from 'dynamodb-toolbox/table/actions/query';
import type { FormattedItem } from 'dynamodb-toolbox/entity';
import { ulid } from 'ulid';
import {
  BAD_SCORE,
  parentArea,
  serviceTypeLabels,
  tagsForScore,
  todayInChina,
  type Rating,
  type RatingBody,
  type ServiceType,
  type StaffRating,
} from '@doorstep/shared';
import { areaFullName } from '../areas/dataset';
import { EmployerEntity, JobseekerRegistrationEntity } from '../db/entities';
import { RatedMarkerEntity, RatingEntity } from './entities';
import { cancelledTransaction } from '../db/errors';
import { table } from '../db/table';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../http/errors';
import { scopeOf } from '../http/jurisdiction';
import type { Principal } from '../http/session';
import { recordAccess } from '../access/log';
import { closeTask, loadTask, openTask } from '../tasks/tasks';
import { completedServicesOf, isRecipient, resolveService } from './services';

type StoredRating = FormattedItem<typeof RatingEntity>;

export async function loadRating(ratingId: string): Promise<StoredRating | undefined> {
  const { Item } = await RatingEntity.build(GetItemCommand).key({ ratingId }).options({ consistent: true }).send();
  return Item;
}

async function toView(r: StoredRating): Promise<Rating> {
  const task = r.rectificationTaskId ? await loadTask(r.rectificationTaskId) : undefined;
  return {
    id: r.ratingId,
    serviceType: r.serviceType as ServiceType,
    serviceId: r.serviceId,
    serviceTitle: r.serviceTitle,
    score: r.score,
    tags: r.tags,
    ...(r.comment ? { comment: r.comment } : {}),
    status: r.status,
    servicePoint: { areaCode: r.servicePoint, areaName: areaFullName(r.servicePoint) },
    createdAt: r.createdAt,
    ...(task ? { rectification: { due: task.due, status: task.status, ...(task.note ? { note: task.note } : {}) } } : {}),
  };
}

/** A rating as staff see it, with the rater's name and phone: a read of personal data, recorded (访问记录). */
async function toStaffView(r: StoredRating, seen: { principal: Principal; route: string }): Promise<StaffRating> {
  let raterName = '';
  let raterPhone: string | undefined;
  if (r.raterEmployerId) {
    const { Item: e } = await EmployerEntity.build(GetItemCommand).key({ employerId: r.raterEmployerId }).send();
    raterName = e ? `${e.name}（${e.contactName}）` : '';
    raterPhone = e?.contactPhone;
  } else {
    const { Item: reg } = await JobseekerRegistrationEntity.build(GetItemCommand).key({ userId: r.raterId }).send();
    raterName = reg?.name ?? '';
    raterPhone = reg?.phone;
    if (reg) await recordAccess(seen.principal, { personId: r.raterId, personName: reg.name, kind: 'rater', route: seen.route });
  }
  return {
    ...(await toView(r)),
    raterName,
    ...(raterPhone ? { raterPhone } : {}),
    ...(r.staffId ? { staffId: r.staffId } : {}),
    ...(r.providerName ? { providerName: r.providerName } : {}),
    ...(r.appealReason && r.appealedAt && r.appealDecision
      ? {
          appeal: {
            reason: r.appealReason,
            appealedAt: r.appealedAt,
            decision: r.appealDecision,
            ...(r.decisionNote ? { decisionNote: r.decisionNote } : {}),
            ...(r.decidedAt ? { decidedAt: r.decidedAt } : {}),
          },
        }
      : {}),
  };
}

/** Rates a service: once, by its recipient, after it is done. */
export async function createRating(userId: string, body: RatingBody): Promise<Rating> {
  const facts = await resolveService(body.serviceType, body.serviceId);
  // Someone else's service answers as if it did not exist.
  if (!facts || !(await isRecipient(facts, userId))) throw new NotFoundError('没有找到您接受过的这项服务');
  if (!facts.complete) throw new ConflictError('这项服务还没有办结，办结后才能评价');
  const allowed = tagsForScore(body.score);
  const wrongTag = body.tags.findIndex((t) => !allowed.includes(t));
  if (wrongTag >= 0) throw new ValidationError([{ path: ['tags', wrongTag], message: '这个标签和所选星级不符，请重新选择' }]);

  const ratingId = ulid();
  const at = new Date().toISOString();
  const today = todayInChina();
  const bad = body.score <= BAD_SCORE;
  const rectificationTaskId = bad ? ulid() : undefined;
  try {
    await execute(
      RatedMarkerEntity.build(PutTransaction)
        .item({ serviceType: body.serviceType, serviceId: body.serviceId, ratingId })
        .options({ condition: { attr: 'ratingId', exists: false } }),
      RatingEntity.build(PutTransaction).item({
        ratingId,
        serviceType: body.serviceType,
        serviceId: body.serviceId,
        serviceTitle: facts.title,
        raterId: userId,
        ...(facts.recipient.kind === 'employer' ? { raterEmployerId: facts.recipient.employerId } : {}),
        score: body.score,
        tags: body.tags,
        ...(body.comment ? { comment: body.comment } : {}),
        status: 'valid',
        servicePoint: facts.servicePoint,
        ...(facts.staffId ? { staffId: facts.staffId } : {}),
        ...(facts.providerId ? { providerId: facts.providerId } : {}),
        ...(facts.providerName ? { providerName: facts.providerName } : {}),
        ...(rectificationTaskId ? { rectificationTaskId } : {}),
        createdAt: at,
        updatedAt: at,
        gsi2pk: `USER_RATINGS#${userId}`,
        gsi2sk: `${at}#${ratingId}`,
      }),
      ...(rectificationTaskId
        ? [
            openTask({
              taskId: rectificationTaskId,
              kind: 'rectification',
              detail: `${serviceTypeLabels[body.serviceType]}「${facts.title}」得到${body.score}星${body.tags.length ? `（${body.tags.join('、')}）` : ''}${body.comment ? `：${body.comment}` : ''}`.slice(0, 300),
              areaCode: facts.servicePoint,
              subjectType: 'Rating',
              subjectId: ratingId,
              today,
              at,
              personId: userId,
            }),
          ]
        : []),
    );
  } catch (err) {
    if (cancelledTransaction(err)?.conditionFailed[0]) throw new ConflictError('这项服务您已经评价过了，每项服务只能评价一次');
    throw err;
  }
  return toView((await loadRating(ratingId))!);
}

/** The user's ratings, newest first, and the completed services they have not rated yet. */
export async function myRatings(userId: string) {
  const { Items = [] } = await table
    .build(QueryCommand)
    .entities(RatingEntity)
    .query({ index: 'gsi2', partition: `USER_RATINGS#${userId}` })
    .options({ reverse: true, limit: 100 })
    .send();
  const rated = new Set(Items.map((r) => `${r.serviceType}#${r.serviceId}`));
  const done = await completedServicesOf(userId);
  return {
    items: await Promise.all(Items.map(toView)),
    toRate: done.filter((s) => !rated.has(`${s.serviceType}#${s.serviceId}`)).slice(0, 50),
  };
}

/** A rating seen by staff whose jurisdiction holds its service point. */
export async function staffRating(principal: Principal, ratingId: string): Promise<StaffRating> {
  const scope = scopeOf(principal);
  const r = await loadRating(ratingId);
  if (!r || !r.servicePoint.startsWith(scope)) throw new NotFoundError('您的辖区里没有这条评价');
  return toStaffView(r, { principal, route: 'GET /staff/ratings/{id}' });
}

/** The service point appeals a bad rating it thinks mistaken or malicious; the level above decides. */
export async function appealRating(principal: Principal, ratingId: string, reason: string): Promise<StaffRating> {
  const scope = scopeOf(principal);
  const r = await loadRating(ratingId);
  if (!r || !r.servicePoint.startsWith(scope)) throw new NotFoundError('您的辖区里没有这条评价');
  if (r.servicePoint !== scope) throw new ForbiddenError('申诉由被评价的服务网点提出');
  if (r.score > BAD_SCORE) throw new ConflictError('只能对2星及以下的评价申诉');
  if (r.appealDecision) throw new ConflictError('这条评价已经申诉过了');
  const supervisor = parentArea(r.servicePoint);
  if (!supervisor) throw new ConflictError('市级服务的评价没有上一级可以申诉');
  const at = new Date().toISOString();
  const appealTaskId = ulid();
  try {
    await execute(
      RatingEntity.build(UpdateTransaction)
        .item({ ratingId, status: 'appealed', appealReason: reason, appealedAt: at, appealedBy: principal.userId, appealDecision: 'pending', appealTaskId, updatedAt: at })
        .options({ condition: { and: [{ attr: 'status', eq: 'valid' }, { attr: 'appealDecision', exists: false }] } }),
      openTask({
        taskId: appealTaskId,
        kind: 'appeal_decision',
        detail: `${areaFullName(r.servicePoint)}对「${r.serviceTitle}」的${r.score}星评价申诉：${reason}`.slice(0, 300),
        areaCode: supervisor,
        subjectType: 'Rating',
        subjectId: ratingId,
        today: todayInChina(),
        at,
      }),
    );
  } catch (err) {
    if (cancelledTransaction(err)?.conditionFailed[0]) throw new ConflictError('这条评价已经申诉过了');
    throw err;
  }
  return toStaffView((await loadRating(ratingId))!, { principal, route: 'POST /ratings/{id}/appeal' });
}

/**
 * The level above the service point decides an appeal. Upheld: the rating is voided (it leaves
 * the satisfaction figures) and its rectification is closed; rejected: it stands and the
 * rectification goes on. The appeal task closes in the same transaction.
 */
export async function decideAppeal(principal: Principal, ratingId: string, decision: 'upheld' | 'rejected', note: string): Promise<StaffRating> {
  const scope = scopeOf(principal);
  const r = await loadRating(ratingId);
  if (!r || !r.servicePoint.startsWith(scope)) throw new NotFoundError('您的辖区里没有这条评价');
  if (parentArea(r.servicePoint) !== scope) throw new ForbiddenError('申诉由被评价网点的上一级决定');
  if (r.appealDecision !== 'pending' || !r.appealTaskId) throw new ConflictError(r.appealDecision ? '这个申诉已经有决定了' : '这条评价没有申诉');
  const at = new Date().toISOString();
  const appealTask = await loadTask(r.appealTaskId);
  const rectification = decision === 'upheld' && r.rectificationTaskId ? await loadTask(r.rectificationTaskId) : undefined;
  try {
    await execute(
      RatingEntity.build(UpdateTransaction)
        .item({ ratingId, status: decision === 'upheld' ? 'voided' : 'valid', appealDecision: decision, decisionNote: note, decidedAt: at, decidedBy: principal.userId, updatedAt: at })
        .options({ condition: { attr: 'appealDecision', eq: 'pending' } }),
      ...(appealTask ? [closeTask(appealTask, principal.userId, at, `${decision === 'upheld' ? '申诉成立，评价撤销' : '申诉不成立，评价保留'}：${note}`)] : []),
      ...(rectification?.status === 'open' ? [closeTask(rectification, principal.userId, at, `申诉成立，评价已撤销：${note}`)] : []),
    );
  } catch (err) {
    if (cancelledTransaction(err)) throw new ConflictError('这个申诉已经有决定了');
    throw err;
  }
  return toStaffView((await loadRating(ratingId))!, { principal, route: 'POST /staff/appeals/{id}/decision' });
}
