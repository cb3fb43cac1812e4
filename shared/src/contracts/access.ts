// 访问记录: administrators review who read personal data in their area; a person sees which office
// read theirs.
import * as z from 'zod/mini';
import { defineContract, ulidSchema } from './contract';
import { areaCodeSchema, staffLevelSchema } from './auth';
import { ACCESS_KINDS, type AccessKind } from '../domain/access';

export const accessKindSchema = z.enum(Object.keys(ACCESS_KINDS) as [AccessKind, ...AccessKind[]]);

export const accessEntrySchema = z.object({
  id: z.string(),
  at: z.string(),
  kind: accessKindSchema,
  what: z.string(),
  route: z.string(),
  officer: z.object({ userId: z.string(), name: z.string(), level: staffLevelSchema, areaName: z.string() }),
  /** The person read, masked (陈**), and their id for the administrator to follow up. */
  person: z.object({ id: z.string(), name: z.string() }),
});
export type AccessEntry = z.infer<typeof accessEntrySchema>;

const dateSchema = z.string().check(
  z.regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD'),
  z.refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d), '没有这一天'),
);

export const listAccessLog = defineContract({
  id: 'listAccessLog',
  method: 'GET',
  path: '/admin/access-log',
  summary: '访问记录：本辖区工作人员查看个人信息的记录（可按下级区域、工作人员、人员和日期筛选），最近的在前',
  auth: ['admin'],
  query: z.strictObject({
    areaCode: z.optional(areaCodeSchema),
    officerId: z.optional(ulidSchema),
    personId: z.optional(ulidSchema),
    from: z.optional(dateSchema),
    to: z.optional(dateSchema),
    cursor: z.optional(z.string().check(z.maxLength(600))),
  }),
  response: z.object({ items: z.array(accessEntrySchema), nextCursor: z.optional(z.string()) }),
  errors: [400, 401, 403],
});

export const myDataAccessSchema = z.object({ id: z.string(), at: z.string(), what: z.string(), office: z.string(), level: staffLevelSchema });

export const listMyDataAccess = defineContract({
  id: 'listMyDataAccess',
  method: 'GET',
  path: '/me/data-access',
  summary: '我的数据：哪些部门的工作人员查看过我的信息、什么时候、看了什么（不显示工作人员姓名）',
  auth: 'user',
  query: z.strictObject({ cursor: z.optional(z.string().check(z.maxLength(600))) }),
  response: z.object({ items: z.array(myDataAccessSchema), nextCursor: z.optional(z.string()) }),
  errors: [400, 401],
});
