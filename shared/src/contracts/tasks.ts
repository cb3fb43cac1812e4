// The staff inbox (待办): every task of the jurisdiction with its due date on the working-day
// calendar; overdue ones marked, and escalated to the level above their owner (issue 7).
import * as z from 'zod/mini';
import { STAFF_LEVELS } from '../domain/jurisdiction';
import { TASK_KINDS } from '../domain/tasks';
import { defineContract, ulidSchema } from './contract';

export const taskSchema = z.object({
  id: z.string(),
  kind: z.enum(TASK_KINDS),
  title: z.string(),
  detail: z.string(),
  areaCode: z.string(),
  areaName: z.string(),
  /** The level whose task it is (the length of its area code). */
  owner: z.enum(STAFF_LEVELS),
  due: z.string(),
  overdue: z.boolean(),
  /** Overdue at the level below and so raised to the viewer (下级逾期). */
  escalated: z.boolean(),
  status: z.enum(['open', 'done']),
  subject: z.object({ type: z.string(), id: z.string() }),
  createdAt: z.string(),
  completedAt: z.optional(z.string()),
  onTime: z.optional(z.boolean()),
  note: z.optional(z.string()),
});
export type Task = z.infer<typeof taskSchema>;

export const TASK_STATUS_FILTERS = ['open', 'done', 'escalated'] as const;
export const TASK_DUE_FILTERS = ['overdue', 'today', 'week'] as const;

export const listStaffTasks = defineContract({
  id: 'listStaffTasks',
  method: 'GET',
  path: '/staff/tasks',
  summary: '辖区的待办任务，按到期日排序：status=open 待办（默认），done 已办，escalated 下级逾期上报给我的；due=overdue 已逾期，today 今天到期，week 7天内到期',
  auth: ['staff'],
  query: z.strictObject({
    status: z.optional(z.enum(TASK_STATUS_FILTERS)),
    due: z.optional(z.enum(TASK_DUE_FILTERS)),
    cursor: z.optional(z.string().check(z.maxLength(400))),
  }),
  response: z.object({ items: z.array(taskSchema), nextCursor: z.optional(z.string()) }),
  errors: [400, 401, 403],
});

export const completeTask = defineContract({
  id: 'completeTask',
  method: 'POST',
  path: '/staff/tasks/{id}/complete',
  summary: '办结一项任务，写明办理情况（差评整改须写明回访结果）；办结过的 → 409',
  auth: ['staff'],
  params: z.strictObject({ id: ulidSchema }),
  body: z.strictObject({ note: z.optional(z.string().check(z.trim(), z.maxLength(300, '办理情况最多300个字'))) }),
  response: z.object({ task: taskSchema }),
  errors: [400, 401, 403, 404, 409],
});
