// 就业援助 cases (issue 31, WF-27/WF-28). A case is opened in the very transaction that recognises
// a person as hard to employ (applications/decisions.ts), with the street's two first tasks: name a
// specialist (1 working day) and have the plan made (3 days). Assigning opens the specialist's
// contact task (2 working days); recording the contact and the plan close theirs, on time or late.
// Every change is guarded by the case's `version`; every task is on the working-day calendar.
import { GetItemCommand } from 'dynamodb-toolbox/entity/actions/get';
import { UpdateItemCommand, $add, $remove, $set } from 'dynamodb-toolbox/entity/actions/update';
import { PutTransaction } from 'dynamodb-toolbox/entity/actions/transactPut';
import { execute } from 'dynamodb-toolbox/entity/actions/transactWrite';
import type { TransactionWrite } from '../db/transaction';
import { QueryCommand } from 'dynamodb-toolbox/table/actions/query';
import type { FormattedItem } from 'dynamodb-toolbox/entity';
import { ulid } from 'ulid';
import {
  ERASED_PERSON_LABEL,
  FOLLOW_UP_MONTHS,
  POSTS_TO_OFFER,
  nextFollowUpDue,
  stabilityLabels,
  agreementText,
  addCalendarDays,
  assistanceStatusLabels,
  canBeSpecialist,
  interviewResultLabels,
  contactMethodLabels,
  planServiceLabels,
  streetOf,
  taskDue,
  todayInChina,
  type AssistanceCase,
  type AssistanceContactBody,
  type AssistancePlanBody,
  type AssistanceStatus,
  type ContactMethod,
  type InterviewResult,
  type PlanServiceKind,
  type Stability,
  uploadOwner,
} from '@doorstep/shared';
import { recordAccess } from '../access/log';
import { StaffMemberEntity } from '../administration/entities';
import { areaFullName } from '../areas/dataset';
import { decodeKeyCursor, encodeKeyCursor } from '../db/cursor';
import { batchRead } from '../db/batchRead';
import { JobseekerRegistrationEntity, TaskEntity } from '../db/entities';
import { isConditionFailure } from '../db/errors';
import { table } from '../db/table';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../http/errors';
import { scopeOf } from '../http/jurisdiction';
import type { Principal } from '../http/session';
import { closeTask, openTask } from '../tasks/tasks';
import { AssistanceCaseEntity, PersonAssistanceEntity, assistanceAreaKeys, specialistKeys } from './entities';
import { caseSteps, type TaskRef } from './steps';

type StoredCase = FormattedItem<typeof AssistanceCaseEntity>;

const SUBJECT = 'assistance';

/**
 * The writes that open a case for a person recognised today (part of the recognition's
 * transaction): the case, the person's pointer to it, and the street's tasks to name a specialist,
 * to have the plan made (3 days) and to offer two posts (2 days).
 */
export function openCaseWrites(p: { userId: string; personName: string; areaCode: string; applicationId: string; at: string }) {
  const caseId = ulid();
  const today = todayInChina(new Date(p.at));
  const street = streetOf(p.areaCode);
  const detail = `${p.personName}（${areaFullName(p.areaCode)}）`;
  const task = (kind: 'assist_assign' | 'assist_plan' | 'assist_posts') => {
    const ref = { taskId: ulid(), areaCode: street, due: taskDue(kind, today) };
    return { put: openTask({ kind, detail, areaCode: street, subjectType: SUBJECT, subjectId: caseId, today, at: p.at, personId: p.userId, taskId: ref.taskId, due: ref.due }), ref };
  };
  const assign = task('assist_assign');
  const plan = task('assist_plan');
  const posts = task('assist_posts');
  return [
    AssistanceCaseEntity.build(PutTransaction)
      .item({
        caseId,
        userId: p.userId,
        personName: p.personName,
        areaCode: p.areaCode,
        status: 'awaiting_specialist',
        recognisedOn: today,
        applicationId: p.applicationId,
        tasks: { assign: assign.ref, plan: plan.ref, posts: posts.ref },
        version: 1,
        createdAt: p.at,
        updatedAt: p.at,
        ...assistanceAreaKeys(p.areaCode, p.at, caseId),
      })
      .options({ condition: { attr: 'caseId', exists: false } }),
    PersonAssistanceEntity.build(PutTransaction).item({ userId: p.userId, caseId, createdAt: p.at }),
    assign.put,
    plan.put,
    posts.put,
  ];
}

async function loadCase(caseId: string): Promise<StoredCase | undefined> {
  const { Item } = await AssistanceCaseEntity.build(GetItemCommand).key({ caseId }).options({ consistent: true }).send();
  return Item;
}

/** An administrator (street or above) sees every case of their area; anyone else only those they are the specialist of. */
const isAreaAdmin = (p: Principal) => p.roles.includes('admin') && (p.level === 'street' || p.level === 'district' || p.level === 'city');

function visibleTo(principal: Principal, c: StoredCase): boolean {
  const scope = scopeOf(principal);
  return isAreaAdmin(principal) ? c.areaCode.startsWith(scope) : c.specialist?.userId === principal.userId;
}

async function caseFor(principal: Principal, caseId: string): Promise<StoredCase> {
  const c = await loadCase(caseId);
  if (!c || !visibleTo(principal, c)) throw new NotFoundError('找不到这个援助对象');
  return c;
}

async function taskState(ref: TaskRef | undefined) {
  if (!ref) return undefined;
  const { Item } = await TaskEntity.build(GetItemCommand).key({ taskId: ref.taskId }).send();
  return Item;
}

type TaskStates = Map<string, { status: string; onTime?: boolean }>;

/** The step tasks of many cases in one batch read (a ledger page's 20 cases: one request, not 60). */
async function taskStates(cases: readonly StoredCase[]): Promise<TaskStates> {
  const ids = cases.flatMap((c) => caseSteps(c).map((s) => s.task.taskId));
  const found = await batchRead<{ taskId: string; status: string; onTime?: boolean }>(
    ids.map((id) => ({ pk: `TASK#${id}`, sk: 'TASK' })),
    ['taskId', 'status', 'onTime'],
    true,
  );
  return new Map(found.map((t) => [t.taskId, t]));
}

export async function toCaseView(c: StoredCase, states?: TaskStates, home?: { lat: number; lng: number }): Promise<AssistanceCase> {
  const known = states ?? (await taskStates([c]));
  const steps = caseSteps(c).map(({ name, task }) => {
    const t = known.get(task.taskId);
    return { name, due: task.due, done: t?.status === 'done', ...(t?.onTime !== undefined ? { onTime: t.onTime } : {}) };
  });
  return {
    id: c.caseId,
    personId: c.userId,
    personName: c.personName,
    areaCode: c.areaCode,
    areaName: areaFullName(c.areaCode),
    status: c.status,
    statusName: assistanceStatusLabels[c.status],
    recognisedOn: c.recognisedOn,
    ...(c.specialist ? { specialist: specialistView(c.specialist) } : {}),
    ...(c.contact ? { contact: { how: c.contact.how as ContactMethod, howName: contactMethodLabels[c.contact.how as ContactMethod], on: c.contact.on, note: c.contact.note } } : {}),
    ...(c.plan ? { plan: planView(c.plan) } : {}),
    offers: (c.offers ?? []).map(offerView),
    ...(c.agreement ? { agreement: { how: c.agreement.how, signedOn: c.agreement.signedOn } } : {}),
    ...(c.placedOn && c.status !== 'in_progress' && c.status !== 'awaiting_specialist' ? { placedOn: c.placedOn } : {}),
    followUps: (c.followUps ?? []).map((f) => ({ on: f.on, stability: f.stability as Stability, stabilityName: stabilityLabels[f.stability as Stability], note: f.note })),
    ...(c.closedOn ? { closedOn: c.closedOn } : {}),
    ...(home ? { home } : {}),
    steps,
    version: c.version,
  };
}

const offerView = (o: NonNullable<StoredCase['offers']>[number]) => ({
  code: o.code,
  vacancyId: o.vacancyId,
  title: o.title,
  employerName: o.employerName,
  on: o.on,
  ...(o.interviewOn ? { interviewOn: o.interviewOn, accompanied: o.accompanied ?? false } : {}),
  ...(o.result ? { result: o.result as InterviewResult, resultName: interviewResultLabels[o.result as InterviewResult], resultNote: o.resultNote ?? '' } : {}),
});

const specialistView = (s: NonNullable<StoredCase['specialist']>) => ({ id: s.userId, name: s.name, phone: s.phone, areaName: areaFullName(s.areaCode) });

const planView = (plan: NonNullable<StoredCase['plan']>) => ({
  causes: plan.causes,
  goals: plan.goals,
  services: plan.services.map((s) => ({ kind: s.kind as PlanServiceKind, kindName: planServiceLabels[s.kind as PlanServiceKind], what: s.what, by: s.by })),
  updatedAt: plan.updatedAt,
});

/** 就业援助台账: the area's cases (administrators) or one's own (specialists), newest first, 20 a page. */
export async function listCases(principal: Principal, query: { status?: AssistanceStatus; cursor?: string }) {
  const scope = scopeOf(principal);
  const admin = isAreaAdmin(principal);
  const partition = admin ? `ASSISTS#${scope.slice(0, 4)}` : `SPECIALIST#${principal.userId}`;
  const index = admin ? 'gsi1' : 'gsi2';
  const start = decodeKeyCursor(query.cursor, index, partition);
  const page = await table
    .build(QueryCommand)
    .entities(AssistanceCaseEntity)
    .query({ index, partition, ...(admin ? { range: { beginsWith: scope } } : {}) })
    .options({
      reverse: true,
      limit: 20,
      ...(query.status ? { filters: { AssistanceCase: { attr: 'status', eq: query.status } } } : {}),
      ...(start ? { exclusiveStartKey: start } : {}),
    })
    .send();
  const cases = page.Items ?? [];
  const states = await taskStates(cases);
  const items = await Promise.all(cases.map((c) => toCaseView(c, states)));
  return { items, ...(page.LastEvaluatedKey ? { nextCursor: encodeKeyCursor(page.LastEvaluatedKey) } : {}) };
}

export async function getCase(principal: Principal, caseId: string, route: string) {
  const c = await caseFor(principal, caseId);
  const [{ Item: reg }] = await Promise.all([
    JobseekerRegistrationEntity.build(GetItemCommand).key({ userId: c.userId }).options({ attributes: ['residence'] }).send(),
    recordAccess(principal, { personId: c.userId, personName: c.personName, kind: 'assistance', route }),
  ]);
  return toCaseView(c, undefined, reg?.residence ? { lat: reg.residence.lat, lng: reg.residence.lng } : undefined);
}

/** The street's administrator names (or changes) the specialist; the specialist's contact task opens (2 working days). */
export async function assignSpecialist(principal: Principal, caseId: string, body: { staffId: string; version: number }, now = new Date()) {
  if (!isAreaAdmin(principal)) throw new ForbiddenError('由街道管理员指派援助专员');
  const c = await caseFor(principal, caseId);
  if (c.status === 'closed') throw new ConflictError('这个援助已经结案');
  const { Item: staff } = await StaffMemberEntity.build(GetItemCommand).key({ userId: body.staffId }).options({ consistent: true }).send();
  if (!staff || staff.status !== 'active' || !canBeSpecialist(staff, c.areaCode)) {
    throw new ValidationError([{ path: ['staffId'], message: '援助专员须是本街道或所辖社区的在岗工作人员' }]);
  }
  const at = now.toISOString();
  const today = todayInChina(now);
  const writes: TransactionWrite[] = [];
  if (c.tasks.assign && !c.specialist) writes.push(closeTask(c.tasks.assign, principal.userId, at, `指派${staff.name}为援助专员`));
  // Until the person has been contacted, a new specialist gets their own 2 working days; the old
  // contact task, if still open, is closed as handed over.
  let contact: TaskRef | undefined;
  if (!c.contact) {
    const old = c.tasks.contact && (await taskState(c.tasks.contact));
    if (old && old.status === 'open') writes.push(closeTask(c.tasks.contact!, principal.userId, at, '已更换援助专员'));
    contact = { taskId: ulid(), areaCode: staff.areaCode, due: taskDue('assist_contact', today) };
    writes.push(openTask({ kind: 'assist_contact', detail: `${c.personName}（援助专员：${staff.name}）`, subjectType: SUBJECT, subjectId: caseId, today, at, personId: c.userId, ...contact }));
  }
  const next: StoredCase = {
    ...c,
    status: c.status === 'awaiting_specialist' ? 'in_progress' : c.status,
    specialist: { userId: staff.userId, name: staff.name, phone: staff.phone, areaCode: staff.areaCode },
    assignedAt: at,
    tasks: { ...c.tasks, ...(contact ? { contact } : {}) },
    version: c.version + 1,
    updatedAt: at,
    ...specialistKeys(staff.userId, c.createdAt, caseId),
  };
  await save(c, next, body.version, writes);
  return toCaseView(next);
}

/** The specialist records how and when they reached the person; their contact task closes (on time or late). */
export async function recordContact(principal: Principal, caseId: string, body: AssistanceContactBody, now = new Date()) {
  const c = await caseFor(principal, caseId);
  if (c.specialist?.userId !== principal.userId) throw new ForbiddenError('只有这位援助对象的援助专员可以记录联系情况');
  if (body.on > todayInChina(now)) throw new ValidationError([{ path: ['on'], message: '联系日期不能晚于今天' }]);
  const at = now.toISOString();
  const writes: TransactionWrite[] = [];
  const task = await taskState(c.tasks.contact);
  if (task?.status === 'open') writes.push(closeTask(c.tasks.contact!, principal.userId, at, `${contactMethodLabels[body.how]}联系：${body.note}`));
  const next: StoredCase = { ...c, contact: { ...body, by: principal.userId, at }, version: c.version + 1, updatedAt: at };
  await save(c, next, c.version, writes);
  return toCaseView(next);
}

/** The specialist makes or adjusts the personalised plan (F31); the first one closes the plan task. */
export async function putPlan(principal: Principal, caseId: string, body: AssistancePlanBody & { version: number }, now = new Date()) {
  const c = await caseFor(principal, caseId);
  if (c.specialist?.userId !== principal.userId) throw new ForbiddenError('只有这位援助对象的援助专员可以制定援助方案');
  const at = now.toISOString();
  const { version, ...plan } = body;
  const writes: TransactionWrite[] = [];
  const task = await taskState(c.tasks.plan);
  if (task?.status === 'open') writes.push(closeTask(c.tasks.plan, principal.userId, at, `援助方案：${plan.goals}`));
  const next: StoredCase = { ...c, plan: { ...plan, by: principal.userId, updatedAt: at }, version: c.version + 1, updatedAt: at };
  await save(c, next, version, writes);
  return toCaseView(next);
}

/**
 * A referral letter issued with a case is a post offered to its person (WF-27 step 6): its
 * writes join the referral's transaction — the case with the offer under its version, and, at the
 * second post, the posts task closed. The specialist or the street's administrator only.
 */
export async function prepareOffer(principal: Principal, caseId: string, personId: string) {
  const c = await caseFor(principal, caseId);
  if (c.userId !== personId) throw new ValidationError([{ path: ['caseId'], message: '这个援助对象不是被推荐的人' }]);
  if (c.status === 'closed') throw new ConflictError('这个援助已经结案');
  const postsTask = await taskState(c.tasks.posts);
  return (offer: { code: string; vacancyId: string; title: string; employerName: string; at: string }): TransactionWrite[] => {
    const offers = [...(c.offers ?? []), { code: offer.code, vacancyId: offer.vacancyId, title: offer.title, employerName: offer.employerName, on: todayInChina(new Date(offer.at)), by: principal.userId }];
    const next: StoredCase = { ...c, offers, version: c.version + 1, updatedAt: offer.at };
    const counted = offers.filter((o) => !c.postsSince || o.on >= c.postsSince).length;
    const closing = postsTask?.status === 'open' && counted >= POSTS_TO_OFFER ? [closeTask(c.tasks.posts!, principal.userId, offer.at, `已推荐${counted}个岗位`)] : [];
    return [AssistanceCaseEntity.build(PutTransaction).item(next).options({ condition: { attr: 'version', eq: c.version } }), ...closing];
  };
}

async function specialistsCase(principal: Principal, caseId: string, what: string) {
  const c = await caseFor(principal, caseId);
  if (c.specialist?.userId !== principal.userId) throw new ForbiddenError(`只有这位援助对象的援助专员可以${what}`);
  return c;
}

function offerOf(c: StoredCase, code: string) {
  const index = (c.offers ?? []).findIndex((o) => o.code === code);
  if (index < 0) throw new NotFoundError('这个援助对象没有这封推荐信');
  return { index, offer: c.offers![index]! };
}

/** The specialist notes the interview's date and whether they went along; the check 5 days after it becomes a task. */
export async function recordInterview(principal: Principal, caseId: string, code: string, body: { on: string; accompanied: boolean }, now = new Date()) {
  const c = await specialistsCase(principal, caseId, '记录面试');
  const { index, offer } = offerOf(c, code);
  if (offer.result) throw new ConflictError('这个岗位的面试结果已经回访过了');
  const at = now.toISOString();
  const today = todayInChina(now);
  if (body.on < offer.on) throw new ValidationError([{ path: ['on'], message: '面试日期不能早于推荐日期' }]);
  const writes: TransactionWrite[] = [];
  // A moved interview moves its check: the old task is closed as rescheduled, a new one opens.
  const old = offer.check && (await taskState(offer.check));
  if (old?.status === 'open') writes.push(closeTask(offer.check!, principal.userId, at, '面试改期'));
  const check = { taskId: ulid(), areaCode: c.specialist!.areaCode, due: addCalendarDays(body.on, 5) };
  writes.push(openTask({ kind: 'assist_interview', detail: `${c.personName} → ${offer.employerName} · ${offer.title}（面试 ${body.on}）`, subjectType: SUBJECT, subjectId: caseId, today, at, personId: c.userId, ...check }));
  const offers = c.offers!.map((o, i) => (i === index ? { ...o, interviewOn: body.on, accompanied: body.accompanied, check } : o));
  const next: StoredCase = { ...c, offers, version: c.version + 1, updatedAt: at };
  await save(c, next, c.version, writes);
  return toCaseView(next);
}

/** The specialist records what came of the interview; its check task closes. Hired: the case moves to follow-up after placement. */
export async function recordInterviewResult(principal: Principal, caseId: string, code: string, body: { result: InterviewResult; note: string }, now = new Date()) {
  const c = await specialistsCase(principal, caseId, '回访面试结果');
  const { index, offer } = offerOf(c, code);
  if (offer.result) throw new ConflictError('这个岗位的面试结果已经回访过了');
  const at = now.toISOString();
  const writes: TransactionWrite[] = [];
  const check = offer.check && (await taskState(offer.check));
  if (check?.status === 'open') writes.push(closeTask(offer.check!, principal.userId, at, `${interviewResultLabels[body.result]}：${body.note}`));
  const offers = c.offers!.map((o, i) => (i === index ? { ...o, result: body.result, resultNote: body.note } : o));
  // Hired: tell the person within 3 working days what the employment registration takes (WF-27
  // step 7); the registration itself places the case and starts the follow-ups.
  let registration: TaskRef | undefined;
  if (body.result === 'hired' && !c.tasks.registration) {
    const today = todayInChina(now);
    registration = { taskId: ulid(), areaCode: c.specialist!.areaCode, due: taskDue('assist_registration', today) };
    writes.push(openTask({ kind: 'assist_registration', detail: `${c.personName} → ${offer.employerName} · ${offer.title}`, subjectType: SUBJECT, subjectId: caseId, today, at, personId: c.userId, ...registration }));
  }
  const next: StoredCase = { ...c, offers, tasks: { ...c.tasks, ...(registration ? { registration } : {}) }, version: c.version + 1, updatedAt: at };
  await save(c, next, c.version, writes);
  return toCaseView(next);
}

/** The person's newest case, if any. */
async function latestCase(userId: string): Promise<StoredCase | undefined> {
  const { Items = [] } = await table
    .build(QueryCommand)
    .entities(PersonAssistanceEntity)
    .query({ partition: `USER#${userId}`, range: { beginsWith: 'ASSIST#' } })
    .options({ consistent: true, reverse: true, limit: 1 })
    .send();
  const c = Items[0] && (await loadCase(Items[0].caseId));
  return c && c.userId === userId ? c : undefined;
}

const guarded = (c: StoredCase, next: StoredCase) => AssistanceCaseEntity.build(PutTransaction).item(next).options({ condition: { attr: 'version', eq: c.version } });
const followUpArea = (c: StoredCase) => c.specialist?.areaCode ?? streetOf(c.areaCode);

/**
 * The employment registration of a person with an open case (applications/service.ts, in its
 * transaction): the case is placed from the day the job started, the registration notice task
 * closes, and the first follow-up falls due 7 days after the registration (WF-28).
 */
export async function employmentRegisteredWrites(userId: string, startedOn: string, now: Date): Promise<TransactionWrite[]> {
  const c = await latestCase(userId);
  if (!c || c.status === 'closed' || c.status === 'placed') return [];
  const at = now.toISOString();
  const today = todayInChina(now);
  const writes: TransactionWrite[] = [];
  const notice = await taskState(c.tasks.registration);
  if (notice?.status === 'open') writes.push(closeTask(c.tasks.registration!, userId, at, `已办理就业登记（${startedOn} 起）`));
  const followUp = { taskId: ulid(), areaCode: followUpArea(c), due: taskDue('assist_followup', today) };
  writes.push(openTask({ kind: 'assist_followup', detail: `${c.personName}：上岗后首次回访（工作、收入、社保、政策享受）`, subjectType: SUBJECT, subjectId: c.caseId, today, at, personId: userId, ...followUp }));
  const next: StoredCase = { ...c, status: 'placed', placedOn: startedOn, followUps: [], tasks: { ...c.tasks, followUp }, version: c.version + 1, updatedAt: at };
  return [guarded(c, next), ...writes];
}

/**
 * The person is registered unemployed again (applications/decisions.ts, in the approval's
 * transaction): a placed case — or one closed as stably employed — re-opens, its follow-up
 * closes, and the street has 2 days again to offer posts. Exactly once: it is part of the one
 * transaction that changes the person's employment status.
 */
export async function unemployedAgainWrites(userId: string, since: string, now: Date): Promise<TransactionWrite[]> {
  const c = await latestCase(userId);
  if (!c || (c.status !== 'placed' && c.closedAs !== 'stably_employed')) return [];
  const at = now.toISOString();
  const today = todayInChina(now);
  const writes: TransactionWrite[] = [];
  const followUp = await taskState(c.tasks.followUp);
  if (followUp?.status === 'open') writes.push(closeTask(c.tasks.followUp!, userId, at, `再次失业（${since}）`));
  const posts = { taskId: ulid(), areaCode: streetOf(c.areaCode), due: taskDue('assist_posts', today) };
  writes.push(openTask({ kind: 'assist_posts', detail: `${c.personName}（再次失业，${areaFullName(c.areaCode)}）`, subjectType: SUBJECT, subjectId: c.caseId, today, at, personId: userId, ...posts }));
  const { placedOn: _p, closedAs: _c, closedOn: _o, ...open } = c;
  const next: StoredCase = {
    ...open,
    status: c.specialist ? 'in_progress' : 'awaiting_specialist',
    // The posts offered before stay on the case; the count for the new 2 days starts again.
    postsSince: today,
    tasks: { ...c.tasks, posts, followUp: undefined, registration: undefined },
    reopened: (c.reopened ?? 0) + 1,
    version: c.version + 1,
    updatedAt: at,
  };
  return [guarded(c, next), ...writes];
}

/**
 * The specialist's follow-up after placement: how the job holds decides when the next is due
 * (monthly, every 10 days, weekly); once the follow-up months are over and the job is stable,
 * the case closes as stably employed.
 */
export async function recordFollowUp(principal: Principal, caseId: string, body: { on: string; stability: Stability; note: string }, now = new Date(), months = FOLLOW_UP_MONTHS) {
  const c = await specialistsCase(principal, caseId, '记录回访');
  if (c.status !== 'placed' || !c.placedOn) throw new ConflictError('上岗后才有跟踪回访');
  const today = todayInChina(now);
  if (body.on > today) throw new ValidationError([{ path: ['on'], message: '回访日期不能晚于今天' }]);
  if (body.on < c.placedOn) throw new ValidationError([{ path: ['on'], message: `回访日期不能早于上岗日期（${c.placedOn}）` }]);
  const at = now.toISOString();
  const writes: TransactionWrite[] = [];
  const current = await taskState(c.tasks.followUp);
  if (current?.status === 'open') writes.push(closeTask(c.tasks.followUp!, principal.userId, at, `${stabilityLabels[body.stability]}：${body.note}`));
  const due = nextFollowUpDue(c.placedOn, body.on, body.stability, months);
  let followUp: TaskRef | undefined;
  if (due) {
    followUp = { taskId: ulid(), areaCode: followUpArea(c), due: due < today ? today : due };
    writes.push(openTask({ kind: 'assist_followup', detail: `${c.personName}：跟踪回访（上次${stabilityLabels[body.stability]}）`, subjectType: SUBJECT, subjectId: caseId, today, at, personId: c.userId, ...followUp }));
  }
  const next: StoredCase = {
    ...c,
    followUps: [...(c.followUps ?? []), { ...body, by: principal.userId }],
    ...(due ? { tasks: { ...c.tasks, followUp } } : { status: 'closed' as const, closedAs: 'stably_employed' as const, closedOn: today }),
    version: c.version + 1,
    updatedAt: at,
  };
  await save(c, next, c.version, writes);
  return toCaseView(next);
}

/**
 * 托底: the specialist places the case's person in a public-welfare post (welfarePosts/service.ts,
 * in the placement's transaction): placed from the term's first day, the first follow-up 7 days on.
 */
export async function welfarePlacementWrites(principal: Principal, caseId: string, from: string, now: Date): Promise<{ c: StoredCase; writes: TransactionWrite[] }> {
  const c = await specialistsCase(principal, caseId, '安置到公益性岗位');
  if (c.status === 'closed') throw new ConflictError('这个援助已经结案');
  if (c.status === 'placed') throw new ConflictError('这位援助对象已经上岗');
  const at = now.toISOString();
  const today = todayInChina(now);
  const followUp = { taskId: ulid(), areaCode: followUpArea(c), due: taskDue('assist_followup', from > today ? from : today) };
  const writes: TransactionWrite[] = [
    openTask({ kind: 'assist_followup', detail: `${c.personName}：公益性岗位上岗后首次回访`, subjectType: SUBJECT, subjectId: caseId, today, at, personId: c.userId, ...followUp }),
  ];
  const next: StoredCase = { ...c, status: 'placed', placedOn: from, followUps: [], tasks: { ...c.tasks, followUp }, version: c.version + 1, updatedAt: at };
  return { c, writes: [guarded(c, next), ...writes] };
}

/** For someone without a phone: the specialist records the photo of the signed paper agreement. */
export async function recordPaperAgreement(principal: Principal, caseId: string, photoKey: string, now = new Date()) {
  const c = await specialistsCase(principal, caseId, '上传协议书');
  if (uploadOwner(photoKey) !== principal.userId) throw new ValidationError([{ path: ['photoKey'], message: '请上传协议书照片' }]);
  if (c.agreement) throw new ConflictError(c.agreement.how === 'app' ? '本人已在小程序里签署了协议书' : '已经上传过协议书了');
  const at = now.toISOString();
  const next: StoredCase = { ...c, agreement: { how: 'paper', signedOn: todayInChina(now), signedAt: at, photoKey, by: principal.userId }, version: c.version + 1, updatedAt: at };
  await save(c, next, c.version, []);
  return toCaseView(next);
}

/** The case written whole under its version as read, with the task changes, in one transaction. */
async function save(before: StoredCase, next: StoredCase, version: number, writes: TransactionWrite[]) {
  if (before.version !== version) throw new ConflictError('援助情况已被他人更新，请刷新后再试');
  try {
    await execute(
      AssistanceCaseEntity.build(PutTransaction).item(next).options({ condition: { attr: 'version', eq: version } }),
      ...writes,
    );
  } catch (err) {
    if (isConditionFailure(err)) throw new ConflictError('援助情况已被他人更新，请刷新后再试');
    throw err;
  }
}

function myView(c: StoredCase) {
  const s = c.specialist;
  const next = c.status === 'closed'
    ? '您已稳定就业，这次就业援助已结案。如果再次失业，办理失业登记后援助专员会继续帮您。'
    : !s
    ? '街道正在为您安排一位援助专员，安排好后会通知您。'
    : c.status === 'placed'
      ? `祝贺您上岗！${s.name}会定期回访，帮您稳定就业；遇到困难可以直接打电话给他（她）。`
      : !c.agreement
        ? `请阅读下面的就业援助协议书，同意后点“我同意，签署协议”。援助专员${s.name}会和您一起商量援助方案。`
        : !c.plan
          ? `援助专员${s.name}会在近期联系您，和您一起商量援助方案。`
          : `按援助方案，${s.name}会陪您一步步落实；有事可以直接打电话给他（她）。`;
  return {
    status: c.status,
    statusName: assistanceStatusLabels[c.status],
    recognisedOn: c.recognisedOn,
    ...(s ? { specialist: specialistView(s), agreementText: agreementText({ personName: c.personName, specialistName: s.name, streetName: areaFullName(streetOf(c.areaCode)) }) } : {}),
    ...(c.plan ? { plan: planView(c.plan) } : {}),
    offers: (c.offers ?? []).map((o) => ({
      title: o.title,
      employerName: o.employerName,
      on: o.on,
      ...(o.interviewOn ? { interviewOn: o.interviewOn } : {}),
      ...(o.result ? { resultName: interviewResultLabels[o.result as InterviewResult] } : {}),
    })),
    ...(c.agreement ? { agreement: { how: c.agreement.how, signedOn: c.agreement.signedOn } } : {}),
    next,
  };
}

/** The person's own case: their specialist and how to reach them, the plan, the posts, the agreement and what comes next. */
export async function myAssistance(userId: string) {
  const c = await latestCase(userId);
  return { assistance: c ? myView(c) : undefined };
}

/** The person signs the agreement (F32) in the app, once a specialist is assigned; signing again changes nothing. */
export async function signAgreement(userId: string, now = new Date()) {
  const c = await latestCase(userId);
  if (!c) throw new NotFoundError('您还没有就业援助');
  if (c.agreement) return { assistance: myView(c) };
  if (!c.specialist) throw new ConflictError('援助专员安排好后才能签署协议书');
  if (c.status === 'closed') throw new ConflictError('这个援助已经结案');
  const at = now.toISOString();
  const next: StoredCase = { ...c, agreement: { how: 'app', signedOn: todayInChina(now), signedAt: at, by: userId }, version: c.version + 1, updatedAt: at };
  try {
    await save(c, next, c.version, []);
  } catch (err) {
    // Signed at the same moment from another tap: what is stored is the answer.
    if (!(err instanceof ConflictError)) throw err;
    const again = await loadCase(c.caseId);
    if (!again?.agreement) throw err;
    return { assistance: myView(again) };
  }
  return { assistance: myView(next) };
}

/**
 * Erasure of a closed account (privacy/erasure.ts): the case stays for the counts (recognised,
 * placed, on-time rates) without the person's name, what was said at the contact and interviews,
 * the plan's words and the agreement (a paper copy's photo is their signature). Under the case's
 * version, read again if a specialist changed it meanwhile.
 */
export async function erasePersonFromCase(caseId: string, at: string): Promise<void> {
  for (let attempt = 0; attempt < 5; attempt += 1) {
    const c = await loadCase(caseId);
    if (!c) return;
    try {
      await AssistanceCaseEntity.build(UpdateItemCommand)
        .item({
          caseId,
          personName: ERASED_PERSON_LABEL,
          contact: $remove(),
          plan: $remove(),
          agreement: $remove(),
          ...(c.offers ? { offers: $set(c.offers.map(({ resultNote: _said, ...o }) => o)) } : {}),
          ...(c.followUps ? { followUps: $set(c.followUps.map((f) => ({ ...f, note: '' }))) } : {}),
          updatedAt: at,
          version: $add(1),
        })
        .options({ condition: { attr: 'version', eq: c.version } })
        .send();
      return;
    } catch (err) {
      if (!isConditionFailure(err)) throw err;
    }
  }
  throw new Error(`Assistance case ${caseId} kept changing during its erasure`);
}
