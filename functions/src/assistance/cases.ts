// 就业援助 cases (issue 31, WF-27/WF-28). A case is opened in the very transaction that recognises
// a person as hard to employ (applications/decisions.ts), with the street's two first tasks: name a
// specialist (1 working day) and have the plan made (3 days). Assigning opens the specialist's
// contact task (2 working days); recording the contact and the plan close theirs, on time or late.
// Every change is guarded by the case's `version`; every task is on the working-day calendar.
import { GetItemCommand } from 'dynamodb-toolbox/entity/actions/get';
import { PutTransaction } from 'dynamodb-toolbox/entity/actions/transactPut';
import { execute, type ExecuteTransactWriteInput, type ExecuteTransactWriteOptions } from 'dynamodb-toolbox/entity/actions/transactWrite';
import { QueryCommand } from 'dynamodb-toolbox/table/actions/query';
import type { FormattedItem } from 'dynamodb-toolbox/entity';
import { ulid } from 'ulid';
import {
  assistanceStatusLabels,
  canBeSpecialist,
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
  type PlanServiceKind,
} from '@doorstep/shared';
import { recordAccess } from '../access/log';
import { StaffMemberEntity } from '../administration/entities';
import { areaFullName } from '../areas/dataset';
import { decodeKeyCursor, encodeKeyCursor } from '../db/cursor';
import { batchRead } from '../db/batchRead';
import { TaskEntity } from '../db/entities';
import { isConditionFailure } from '../db/errors';
import { table } from '../db/table';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../http/errors';
import { scopeOf } from '../http/jurisdiction';
import type { Principal } from '../http/session';
import { closeTask, openTask } from '../tasks/tasks';
import { AssistanceCaseEntity, PersonAssistanceEntity, assistanceAreaKeys, specialistKeys } from './entities';

type StoredCase = FormattedItem<typeof AssistanceCaseEntity>;
type Write = Exclude<ExecuteTransactWriteInput[number], ExecuteTransactWriteOptions>;
type TaskRef = { taskId: string; areaCode: string; due: string };
const SUBJECT = 'assistance';

/**
 * The writes that open a case for a person recognised today (part of the recognition's
 * transaction): the case, the person's pointer to it, and the street's tasks to name a specialist
 * and to have the plan made.
 */
export function openCaseWrites(p: { userId: string; personName: string; areaCode: string; applicationId: string; at: string }) {
  const caseId = ulid();
  const today = todayInChina(new Date(p.at));
  const street = streetOf(p.areaCode);
  const detail = `${p.personName}（${areaFullName(p.areaCode)}）`;
  const task = (kind: 'assist_assign' | 'assist_plan') => {
    const ref = { taskId: ulid(), areaCode: street, due: taskDue(kind, today) };
    return { put: openTask({ kind, detail, areaCode: street, subjectType: SUBJECT, subjectId: caseId, today, at: p.at, personId: p.userId, taskId: ref.taskId, due: ref.due }), ref };
  };
  const assign = task('assist_assign');
  const plan = task('assist_plan');
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
        tasks: { assign: assign.ref, plan: plan.ref },
        version: 1,
        createdAt: p.at,
        updatedAt: p.at,
        ...assistanceAreaKeys(p.areaCode, p.at, caseId),
      })
      .options({ condition: { attr: 'caseId', exists: false } }),
    PersonAssistanceEntity.build(PutTransaction).item({ userId: p.userId, caseId, createdAt: p.at }),
    assign.put,
    plan.put,
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
  const ids = cases.flatMap((c) => [c.tasks.assign, c.tasks.contact, c.tasks.plan].flatMap((t) => (t ? [t.taskId] : [])));
  const found = await batchRead<{ taskId: string; status: string; onTime?: boolean }>(
    ids.map((id) => ({ pk: `TASK#${id}`, sk: 'TASK' })),
    ['taskId', 'status', 'onTime'],
    true,
  );
  return new Map(found.map((t) => [t.taskId, t]));
}

export async function toCaseView(c: StoredCase, states?: TaskStates): Promise<AssistanceCase> {
  const known = states ?? (await taskStates([c]));
  const step = (name: string, ref: TaskRef | undefined) => {
    const t = ref && known.get(ref.taskId);
    return ref ? [{ name, due: ref.due, done: t?.status === 'done', ...(t?.onTime !== undefined ? { onTime: t.onTime } : {}) }] : [];
  };
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
    steps: [...step('指派援助专员', c.tasks.assign), ...step('联系本人', c.tasks.contact), ...step('制定援助方案', c.tasks.plan)],
    version: c.version,
  };
}

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
  await recordAccess(principal, { personId: c.userId, personName: c.personName, kind: 'assistance', route });
  return toCaseView(c);
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
  const writes: Write[] = [];
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
  const writes: Write[] = [];
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
  const writes: Write[] = [];
  const task = await taskState(c.tasks.plan);
  if (task?.status === 'open') writes.push(closeTask(c.tasks.plan, principal.userId, at, `援助方案：${plan.goals}`));
  const next: StoredCase = { ...c, plan: { ...plan, by: principal.userId, updatedAt: at }, version: c.version + 1, updatedAt: at };
  await save(c, next, version, writes);
  return toCaseView(next);
}

/** The case written whole under its version as read, with the task changes, in one transaction. */
async function save(before: StoredCase, next: StoredCase, version: number, writes: Write[]) {
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

/** The person's own case: their specialist and how to reach them, the plan, and what comes next. */
export async function myAssistance(userId: string) {
  const { Items = [] } = await table
    .build(QueryCommand)
    .entities(PersonAssistanceEntity)
    .query({ partition: `USER#${userId}`, range: { beginsWith: 'ASSIST#' } })
    .options({ consistent: true, reverse: true, limit: 1 })
    .send();
  const c = Items[0] && (await loadCase(Items[0].caseId));
  if (!c || c.userId !== userId) return { assistance: undefined };
  const next = !c.specialist
    ? '街道正在为您安排一位援助专员，安排好后会通知您。'
    : !c.plan
      ? `援助专员${c.specialist.name}会在近期联系您，和您一起商量援助方案。`
      : `按援助方案，${c.specialist.name}会陪您一步步落实；有事可以直接打电话给他（她）。`;
  return {
    assistance: {
      status: c.status,
      statusName: assistanceStatusLabels[c.status],
      recognisedOn: c.recognisedOn,
      ...(c.specialist ? { specialist: specialistView(c.specialist) } : {}),
      ...(c.plan ? { plan: planView(c.plan) } : {}),
      next,
    },
  };
}
