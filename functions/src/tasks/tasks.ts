// The staff inbox (待办): tasks written in the same transaction as what calls for them (a
// referral, a placement, a completion, a bad rating, an appeal, a complaint), owned by the level
// of their area code, due on the working-day calendar; closed once, with a note, and counted
// on time or late for the figures. An open task past its due date is escalated to the level above.
import { GetItemCommand } from 'dynamodb-toolbox/entity/actions/get';
import { PutTransaction } from 'dynamodb-toolbox/entity/actions/transactPut';
import { UpdateTransaction } from 'dynamodb-toolbox/entity/actions/transactUpdate';
import { execute } from 'dynamodb-toolbox/entity/actions/transactWrite';
import { QueryCommand } from 'dynamodb-toolbox/table/actions/query';
import type { FormattedItem } from 'dynamodb-toolbox/entity';
import { ulid } from 'ulid';
import dayjs from 'dayjs';
import {
  areaCodeLength,
  isEscalatedTo,
  isWithinArea,
  ownerLevel,
  STAFF_LEVELS,
  taskDue,
  taskKindLabels,
  TASK_NOTE_REQUIRED,
  todayInChina,
  type StaffLevelName,
  type Task,
  type TaskKind,
} from '@doorstep/shared';
import { areaFullName } from '../areas/dataset';
import { TaskEntity, personTasksKeys, taskQueueKeys } from '../db/entities';
import { decodeKeyCursor, encodeKeyCursor } from '../db/cursor';
import { cancelledTransaction } from '../db/errors';
import { table } from '../db/table';
import { ConflictError, NotFoundError, ValidationError } from '../http/errors';
import { scopeOf } from '../http/jurisdiction';
import type { Principal } from '../http/session';

type StoredTask = FormattedItem<typeof TaskEntity>;

/**
 * A new task, as a transaction item. `after` overrides the kind's length (the monthly revisits
 * after a placement: 30, 60 and 90 days), in the kind's unit.
 */
/** `personId`: the person the detail names, so the task is found and scrubbed when their account is erased. */
/** `due`: a due date set by something else than the day it opens (a fair's date). */
export function openTask(t: { kind: TaskKind; detail: string; areaCode: string; subjectType: string; subjectId: string; today: string; at: string; after?: number; due?: string; taskId?: string; personId?: string }) {
  const taskId = t.taskId ?? ulid();
  const due = t.due ?? taskDue(t.kind, t.today, t.after);
  return TaskEntity.build(PutTransaction).item({
    taskId,
    kind: t.kind,
    title: taskKindLabels[t.kind],
    detail: t.detail,
    areaCode: t.areaCode,
    due,
    status: 'open',
    subjectType: t.subjectType,
    subjectId: t.subjectId,
    createdAt: t.at,
    ...taskQueueKeys('open', t.areaCode, due, taskId),
    ...(t.personId ? personTasksKeys(t.personId, taskId) : {}),
  });
}

/** Closing a task, as a transaction item: only an open one (else the transaction fails). */
export function closeTask(task: { taskId: string; areaCode: string; due: string }, by: string, at: string, note?: string) {
  const doneOn = todayInChina(new Date(at));
  return TaskEntity.build(UpdateTransaction)
    .item({
      taskId: task.taskId,
      status: 'done',
      completedAt: at,
      completedBy: by,
      onTime: doneOn <= task.due,
      ...(note ? { note } : {}),
      ...taskQueueKeys('done', task.areaCode, task.due, task.taskId),
    })
    .options({ condition: { attr: 'status', eq: 'open' } });
}

export async function loadTask(taskId: string): Promise<StoredTask | undefined> {
  const { Item } = await TaskEntity.build(GetItemCommand).key({ taskId }).options({ consistent: true }).send();
  return Item;
}

/** The caller's jurisdiction and level (a jurisdiction implies a level). */
function jurisdiction(principal: Principal): { scope: string; level: StaffLevelName } {
  return { scope: scopeOf(principal), level: principal.level! };
}

export function toTaskView(t: StoredTask, viewerLevel: StaffLevelName, today = todayInChina()): Task {
  return {
    id: t.taskId,
    kind: t.kind as TaskKind,
    title: t.title,
    detail: t.detail,
    areaCode: t.areaCode,
    areaName: areaFullName(t.areaCode),
    owner: ownerLevel(t.areaCode) ?? 'community',
    due: t.due,
    overdue: t.status === 'open' && t.due < today,
    escalated: isEscalatedTo(t, viewerLevel, today),
    status: t.status,
    subject: { type: t.subjectType, id: t.subjectId },
    createdAt: t.createdAt,
    ...(t.completedAt ? { completedAt: t.completedAt } : {}),
    ...(t.onTime !== undefined ? { onTime: t.onTime } : {}),
    ...(t.note ? { note: t.note } : {}),
  };
}

export interface TaskFilter {
  status?: 'open' | 'done' | 'escalated';
  due?: 'overdue' | 'today' | 'week';
  cursor?: string;
}

/**
 * The inbox: tasks of the jurisdiction in due order (done ones latest first). `escalated`: open
 * tasks past due owned by the level directly below. Tasks of other areas of the city share the
 * partition and are filtered out; pages are refilled up to 20.
 */
export async function listTasks(principal: Principal, filter: TaskFilter = {}): Promise<{ items: Task[]; nextCursor?: string }> {
  const { scope, level } = jurisdiction(principal);
  const today = todayInChina();
  const status = filter.status === 'done' ? 'done' : 'open';
  const partition = taskQueueKeys(status, scope, '', '').gsi1pk;
  let exclusiveStartKey = decodeKeyCursor(filter.cursor, 'gsi1', partition);
  const below: StaffLevelName | undefined = STAFF_LEVELS[STAFF_LEVELS.indexOf(level) - 1];
  if (filter.status === 'escalated' && !below) return { items: [] };

  const weekEnd = dayjs(today).add(7, 'day').format('YYYY-MM-DD');
  const range =
    filter.status === 'escalated' || filter.due === 'overdue'
      ? { lt: today }
      : filter.due === 'today'
        ? { beginsWith: `${today}#` }
        : filter.due === 'week'
          ? { between: [today, `${weekEnd}#~`] as [string, string] }
          : undefined;
  const inScope = { attr: 'areaCode', beginsWith: scope } as const;
  const condition =
    filter.status === 'escalated' && below ? { and: [inScope, { size: 'areaCode', eq: areaCodeLength(below) }] } : inScope;

  const items: Task[] = [];
  let last: Record<string, unknown> | undefined;
  for (let reads = 0; reads < 10 && items.length < 20; reads += 1) {
    const page = await table
      .build(QueryCommand)
      .entities(TaskEntity)
      .query({ index: 'gsi1', partition, ...(range ? { range } : {}) })
      .options({
        limit: 50,
        reverse: status === 'done',
        filters: { Task: condition as never },
        ...(exclusiveStartKey ? { exclusiveStartKey } : {}),
      })
      .send();
    for (const t of page.Items ?? []) items.push(toTaskView(t, level, today));
    last = page.LastEvaluatedKey;
    if (!last) break;
    exclusiveStartKey = last as Record<string, string>;
  }
  return { items, ...(last ? { nextCursor: encodeKeyCursor(last) } : {}) };
}

/** Whether the staff member may act on a task: it lies in their jurisdiction. */
export function taskInScope(principal: Principal, t: { areaCode: string }): boolean {
  return isWithinArea(t.areaCode, scopeOf(principal));
}

/**
 * Closes a task the staff member can see. Rectifications, appeals and complaints close through
 * their own steps (the call-back note here; the appeal decision; the complaint's answer).
 */
export async function completeTask(principal: Principal, taskId: string, note?: string): Promise<Task> {
  const { level } = jurisdiction(principal);
  const task = await loadTask(taskId);
  if (!task || !taskInScope(principal, task)) throw new NotFoundError('您的辖区里没有这项任务');
  if (task.status !== 'open') throw new ConflictError('这项任务已经办结了');
  if (task.kind === 'appeal_decision') throw new ConflictError('申诉请在评价页面作出决定，决定后任务自动办结');
  if (task.kind === 'complaint') throw new ConflictError('投诉请在投诉页面答复办结，办结后任务自动办结');
  if (task.kind === 'review') throw new ConflictError('请在审核工作台办理这条申请，办理后任务自动办结');
  if (task.kind === 'question') throw new ConflictError('请在问题页面答复，答复后任务自动办结');
  if (TASK_NOTE_REQUIRED.includes(task.kind as TaskKind) && !note) {
    throw new ValidationError([{ path: ['note'], message: '请写明整改情况和回访评价人的结果' }]);
  }
  const at = new Date().toISOString();
  try {
    await execute(closeTask(task, principal.userId, at, note));
  } catch (err) {
    if (cancelledTransaction(err)?.conditionFailed[0]) throw new ConflictError('这项任务已经办结了');
    throw err;
  }
  return toTaskView((await loadTask(taskId))!, level);
}
