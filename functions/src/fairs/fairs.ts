// Job fairs (招聘会): staff create a fair (its publishing is a task due in 3 working days) and
// publish it; employers apply for a booth with their own published posts, once per fair; staff
// accept (a booth number, never more than the booths: the fair's `accepted` is read and written
// under a condition, retried when another acceptance came first) or refuse with a reason.
import { GetItemCommand } from 'dynamodb-toolbox/entity/actions/get';
import { PutTransaction } from 'dynamodb-toolbox/entity/actions/transactPut';
import { UpdateTransaction } from 'dynamodb-toolbox/entity/actions/transactUpdate';
import { execute } from 'dynamodb-toolbox/entity/actions/transactWrite';
import { $add } from 'dynamodb-toolbox/entity/actions/update';
import { QueryCommand } from 'dynamodb-toolbox/table/actions/query';
import type { FormattedItem } from 'dynamodb-toolbox/entity';
import { ulid } from 'ulid';
import { fairKindLabels, fairReceiptDue, fairScreenDue, inJurisdiction, todayInChina, type Fair, type FairBody, type z, type boothSchema } from '@doorstep/shared';
import { areaFullName, isKnownArea } from '../areas/dataset';
import { EmployerEntity, EmployerMemberEntity, TaskEntity } from '../db/entities';
import { cancelledTransaction } from '../db/errors';
import { table } from '../db/table';
import { ConflictError, ForbiddenError, NotFoundError, RuleError, ValidationError } from '../http/errors';
import { scopeOf } from '../http/jurisdiction';
import type { Principal } from '../http/session';
import { closeTask, openTask } from '../tasks/tasks';
import { cardOf, summaryOf } from '../vacancies/search';
import { bodyOf, loadVacancy } from '../vacancies/service';
import { BoothEntity, FairEntity, fairIndexKeys } from './entities';

export type StoredFair = FormattedItem<typeof FairEntity>;
type StoredBooth = FormattedItem<typeof BoothEntity>;
type Booth = z.infer<typeof boothSchema>;

export const toFairView = (f: StoredFair): Fair => ({
  id: f.fairId,
  title: f.title,
  kind: f.kind,
  kindName: fairKindLabels[f.kind],
  mode: f.mode,
  areaCode: f.areaCode,
  areaName: areaFullName(f.areaCode),
  startDate: f.startDate,
  endDate: f.endDate,
  hours: f.hours,
  ...(f.venue ? { venue: f.venue } : {}),
  ...(f.liveUrl ? { liveUrl: f.liveUrl } : {}),
  ...(f.liveRoomId ? { liveRoomId: f.liveRoomId } : {}),
  intro: f.intro,
  booths: f.booths,
  accepted: f.accepted,
  status: f.status,
  screenDue: fairScreenDue(f.startDate),
  ...(f.screenReadyAt ? { screenReadyAt: f.screenReadyAt } : {}),
});

/** A booth as shown; an accepted one's receipt is due 5 working days after its fair's last day. */
export async function toBoothView(b: StoredBooth, fair: Pick<StoredFair, 'endDate'>): Promise<Booth> {
  const vacancies = await Promise.all(b.vacancyIds.map((id) => loadVacancy(id)));
  return {
    employerId: b.employerId,
    employerName: b.employerName,
    status: b.status,
    ...(b.boothNo !== undefined ? { boothNo: b.boothNo } : {}),
    ...(b.reason ? { reason: b.reason } : {}),
    vacancies: vacancies.flatMap((v) => (v && v.status === 'published' ? [summaryOf(cardOf({ vacancyId: v.vacancyId, employerName: v.employerName, body: bodyOf(v) }))] : [])),
    ...(b.status === 'accepted' ? { receiptDue: fairReceiptDue(fair.endDate) } : {}),
    ...(b.receipt ? { receipt: { resumes: b.receipt.resumes, intentions: b.receipt.intentions, hires: b.receipt.hires, filedAt: b.receipt.filedAt, ...(b.receipt.note ? { note: b.receipt.note } : {}) } } : {}),
  };
}

export async function loadFair(fairId: string, consistent = false): Promise<StoredFair | undefined> {
  const { Item } = await FairEntity.build(GetItemCommand).key({ fairId }).options({ consistent }).send();
  return Item;
}

export async function createFair(principal: Principal, body: FairBody, now = new Date()): Promise<Fair> {
  scopeOf(principal);
  if (principal.level === 'community') throw new ForbiddenError('招聘会由街道、区、市工作人员举办');
  if (!inJurisdiction(body.areaCode, principal.level, principal.areaCode)) throw new ForbiddenError('只能在本辖区举办招聘会');
  if (!isKnownArea(body.areaCode)) throw new ValidationError([{ path: ['areaCode'], message: '没有这个地区，请重新选择' }]);
  const today = todayInChina(now);
  if (body.startDate < today) throw new ValidationError([{ path: ['startDate'], message: '开始日期不能早于今天' }]);
  const fairId = ulid(now.getTime());
  const at = now.toISOString();
  const publishTaskId = ulid(now.getTime());
  const fair: StoredFair = {
    fairId,
    ...body,
    accepted: 0,
    status: 'planned',
    // Its public figures are kept as it goes (./entities.ts), from nothing.
    countsKept: at,
    registered: 0,
    attendees: 0,
    posts: 0,
    intentions: 0,
    hires: 0,
    receiptsFiled: 0,
    reportedResumes: 0,
    reportedIntentions: 0,
    reportedHires: 0,
    publishTaskId,
    createdBy: principal.userId,
    createdAt: at,
    updatedAt: at,
    ...fairIndexKeys(body.areaCode, body.startDate, fairId),
  };
  await execute(
    FairEntity.build(PutTransaction).item(fair).options({ condition: { attr: 'fairId', exists: false } }),
    openTask({ taskId: publishTaskId, kind: 'fair_publish', detail: `${fairKindLabels[body.kind]}「${body.title}」（${body.startDate}）`, areaCode: principal.areaCode!, subjectType: 'Fair', subjectId: fairId, today, at }),
  );
  return toFairView(fair);
}

export async function fairInScope(principal: Principal, fairId: string): Promise<StoredFair> {
  scopeOf(principal);
  const fair = await loadFair(fairId, true);
  if (!fair || !inJurisdiction(fair.areaCode, principal.level, principal.areaCode)) throw new NotFoundError('找不到这个招聘会');
  return fair;
}

/**
 * Published: people can see it and sign up; its publishing task is closed (on time or late). An
 * on-site fair gets the task of having the venue screens ready by the working day before it.
 */
export async function publishFair(principal: Principal, fairId: string, now = new Date()): Promise<Fair> {
  const fair = await fairInScope(principal, fairId);
  if (fair.status !== 'planned') throw new ConflictError('这个招聘会已经发布了');
  const { Item: task } = await TaskEntity.build(GetItemCommand).key({ taskId: fair.publishTaskId }).send();
  const at = now.toISOString();
  const today = todayInChina(now);
  const screenTaskId = fair.mode === 'onsite' ? ulid(now.getTime()) : undefined;
  const screenDue = fairScreenDue(fair.startDate);
  try {
    await execute(
      FairEntity.build(UpdateTransaction)
        .item({ fairId, status: 'published', updatedAt: at, ...(screenTaskId ? { screenTaskId } : {}) })
        .options({ condition: { attr: 'status', eq: 'planned' } }),
      ...(task && task.status === 'open' ? [closeTask(task, principal.userId, at, '已发布')] : []),
      ...(screenTaskId
        ? [
            openTask({
              taskId: screenTaskId,
              kind: 'fair_screen',
              detail: `「${fair.title}」（${fair.startDate}）的参会单位和岗位上现场大屏，核对后确认`,
              areaCode: principal.areaCode!,
              subjectType: 'Fair',
              subjectId: fairId,
              today,
              at,
              due: screenDue < today ? today : screenDue,
            }),
          ]
        : []),
    );
  } catch (err) {
    if (cancelledTransaction(err)?.conditionFailed[0]) throw new ConflictError('这个招聘会刚刚已被发布');
    throw err;
  }
  return toFairView({ ...fair, status: 'published', updatedAt: at, ...(screenTaskId ? { screenTaskId } : {}) });
}

/** Published fairs of the area's city not over yet, soonest first, that cover the area. */
export async function listFairs(areaCode: string, today = todayInChina()): Promise<Fair[]> {
  const { Items = [] } = await table
    .build(QueryCommand)
    .entities(FairEntity)
    .query({ index: 'gsi1', partition: `FAIRS#${areaCode.slice(0, 4)}`, range: { gte: `${today.slice(0, 4)}-01-01` } })
    .options({ limit: 200 })
    .send();
  return Items.filter((f) => f.status === 'published' && f.endDate >= today && (areaCode.startsWith(f.areaCode) || f.areaCode.startsWith(areaCode))).map(toFairView);
}

export async function boothsOf(fairId: string): Promise<StoredBooth[]> {
  const { Items = [] } = await table.build(QueryCommand).entities(BoothEntity).query({ partition: `FAIR#${fairId}`, range: { beginsWith: 'BOOTH#' } }).send();
  return Items;
}

/** An employer's member applies for a booth, bringing only the unit's own published posts. */
export async function applyForBooth(userId: string, fairId: string, body: { employerId: string; vacancyIds: string[] }, now = new Date()): Promise<Booth> {
  const [fair, { Item: member }, { Item: employer }] = await Promise.all([
    loadFair(fairId),
    EmployerMemberEntity.build(GetItemCommand).key({ employerId: body.employerId, userId }).send(),
    EmployerEntity.build(GetItemCommand).key({ employerId: body.employerId }).send(),
  ]);
  if (!fair || fair.status === 'cancelled' || fair.endDate < todayInChina(now)) throw new NotFoundError('找不到这个招聘会，或它已经结束');
  if (!member || !employer) throw new NotFoundError('找不到这个单位');
  if (employer.status !== 'approved') throw new ForbiddenError('单位审核通过后才能申请展位');
  const vacancyIds = [...new Set(body.vacancyIds)];
  const vacancies = await Promise.all(vacancyIds.map((id) => loadVacancy(id)));
  const notOurs = vacancies.findIndex((v) => !v || v.employerId !== body.employerId || v.status !== 'published');
  if (notOurs >= 0) throw new RuleError('只能带本单位正在招聘（已发布）的岗位');
  const at = now.toISOString();
  const booth: StoredBooth = {
    fairId,
    employerId: body.employerId,
    employerName: employer.name,
    vacancyIds,
    status: 'applied',
    appliedBy: userId,
    createdAt: at,
    updatedAt: at,
    gsi2pk: `EMPLOYER_FAIRS#${body.employerId}`,
    gsi2sk: `${fair.startDate}#${fairId}`,
  };
  try {
    await execute(BoothEntity.build(PutTransaction).item(booth).options({ condition: { attr: 'employerId', exists: false } }));
  } catch (err) {
    if (cancelledTransaction(err)?.conditionFailed[0]) throw new ConflictError('本单位已经申请过这个招聘会的展位了');
    throw err;
  }
  return toBoothView(booth, fair);
}

/**
 * Accept (the next booth number, while booths are left) or refuse with a reason. The booth number
 * is the fair's count as read plus one, written under `accepted = <as read> AND accepted < booths`:
 * two acceptances racing, the second re-reads and takes the next number, or finds the fair full.
 */
export async function decideBooth(principal: Principal, fairId: string, employerId: string, decision: { decision: 'accept' } | { decision: 'refuse'; reason: string }, now = new Date()): Promise<Booth> {
  await fairInScope(principal, fairId);
  const at = now.toISOString();
  for (let attempt = 0; attempt < 20; attempt += 1) {
    const [fair, { Item: booth }] = await Promise.all([loadFair(fairId, true), BoothEntity.build(GetItemCommand).key({ fairId, employerId }).options({ consistent: true }).send()]);
    if (!fair || !booth) throw new NotFoundError('找不到这个展位申请');
    if (booth.status !== 'applied') throw new ConflictError(`这个申请已经${booth.status === 'accepted' ? '通过' : '不通过'}了`);
    if (decision.decision === 'refuse') {
      const next: StoredBooth = { ...booth, status: 'refused', reason: decision.reason, decidedBy: principal.userId, updatedAt: at };
      try {
        await execute(BoothEntity.build(PutTransaction).item(next).options({ condition: { attr: 'status', eq: 'applied' } }));
      } catch (err) {
        if (cancelledTransaction(err)) continue;
        throw err;
      }
      return toBoothView(next, fair);
    }
    if (fair.accepted >= fair.booths) throw new ConflictError(`展位已满（共${fair.booths}个），不能再通过`);
    // The receipt is the unit's to file, within 5 working days after the fair; collecting it is
    // the accepting office's task from now on (overdue: escalated like every task).
    const receiptTaskId = ulid(now.getTime());
    const receiptDue = fairReceiptDue(fair.endDate);
    const next: StoredBooth = { ...booth, status: 'accepted', boothNo: fair.accepted + 1, decidedBy: principal.userId, updatedAt: at, receiptTaskId };
    try {
      await execute(
        FairEntity.build(UpdateTransaction)
          .item({ fairId, accepted: fair.accepted + 1, posts: $add(new Set(booth.vacancyIds).size), updatedAt: at })
          .options({ condition: { and: [{ attr: 'accepted', eq: fair.accepted }, { attr: 'accepted', lt: fair.booths }] } }),
        BoothEntity.build(PutTransaction).item(next).options({ condition: { attr: 'status', eq: 'applied' } }),
        openTask({
          taskId: receiptTaskId,
          kind: 'fair_receipt',
          detail: `「${booth.employerName}」在「${fair.title}」（${fair.accepted + 1}号展位）的招聘结果回执`,
          areaCode: principal.areaCode!,
          subjectType: 'Fair',
          subjectId: fairId,
          today: todayInChina(now),
          at,
          due: receiptDue,
        }),
      );
      return toBoothView(next, fair);
    } catch (err) {
      if (cancelledTransaction(err)) continue; // another decision came first: read again
      throw err;
    }
  }
  throw new ConflictError('同时受理的人太多，请稍后再试');
}

/** The jurisdiction's fairs from this year on, soonest last-first, with how many booths were asked for. */
export async function staffFairs(principal: Principal, today = todayInChina()) {
  const scope = scopeOf(principal);
  const { Items = [] } = await table
    .build(QueryCommand)
    .entities(FairEntity)
    .query({ index: 'gsi1', partition: `FAIRS#${scope.slice(0, 4)}`, range: { gte: `${today.slice(0, 4)}-01-01` } })
    .options({ limit: 200 })
    .send();
  const mine = Items.filter((f) => f.areaCode.startsWith(scope) || scope.startsWith(f.areaCode)).reverse();
  return Promise.all(mine.map(async (f) => ({ fair: toFairView(f), applications: (await boothsOf(f.fairId)).length })));
}

/** Every booth application of a fair in the jurisdiction, those waiting first. */
export async function staffBooths(principal: Principal, fairId: string) {
  const fair = await fairInScope(principal, fairId);
  const order = { applied: 0, accepted: 1, refused: 2 } as const;
  const booths = (await boothsOf(fairId)).sort((a, b) => order[a.status] - order[b.status] || a.createdAt.localeCompare(b.createdAt));
  return { fair: toFairView(fair), booths: await Promise.all(booths.map((b) => toBoothView(b, fair))) };
}
