// 就业援助 (issue 31): a recognised hard-to-employ person's assistance case — its specialist, the
// contact, the personalised plan (F31) — for the street, the specialist and the person.
import * as z from 'zod/mini';
import { ASSISTANCE_STATUSES, CONTACT_METHODS, PLAN_SERVICE_KINDS } from '../domain/assistance';
import { defineContract, ulidSchema } from './contract';

const dateSchema = z.iso.date({ message: '日期格式应为 2026-12-08' });

export const assistancePlanBodySchema = z.strictObject({
  /** Why the person is not in work, as the specialist heard it (F31). */
  causes: z.string().check(z.trim(), z.minLength(2, '请写明未就业的原因'), z.maxLength(300, '最多300个字')),
  /** What the person wants and what the plan aims at. */
  goals: z.string().check(z.trim(), z.minLength(2, '请写明援助目标'), z.maxLength(300, '最多300个字')),
  services: z
    .array(
      z.strictObject({
        kind: z.enum(PLAN_SERVICE_KINDS),
        what: z.string().check(z.trim(), z.minLength(2, '请写明具体内容'), z.maxLength(100, '最多100个字')),
        by: dateSchema,
      }),
    )
    .check(z.minLength(1, '方案至少要有一项服务'), z.maxLength(10, '最多10项服务')),
});
export type AssistancePlanBody = z.infer<typeof assistancePlanBodySchema>;

export const assistanceContactBodySchema = z.strictObject({
  how: z.enum(CONTACT_METHODS),
  on: dateSchema,
  note: z.string().check(z.trim(), z.minLength(2, '请写明联系的情况'), z.maxLength(300, '最多300个字')),
});
export type AssistanceContactBody = z.infer<typeof assistanceContactBodySchema>;

const specialistSchema = z.object({ id: z.string(), name: z.string(), phone: z.string(), areaName: z.string() });
const planSchema = z.object({
  causes: z.string(),
  goals: z.string(),
  services: z.array(z.object({ kind: z.enum(PLAN_SERVICE_KINDS), kindName: z.string(), what: z.string(), by: z.string() })),
  updatedAt: z.string(),
});
const stepSchema = z.object({ name: z.string(), due: z.string(), done: z.boolean(), onTime: z.optional(z.boolean()) });

/** A case as staff see it: the person (name only), the steps with their due dates. */
export const assistanceCaseSchema = z.object({
  id: z.string(),
  personId: z.string(),
  personName: z.string(),
  areaCode: z.string(),
  areaName: z.string(),
  status: z.enum(ASSISTANCE_STATUSES),
  statusName: z.string(),
  recognisedOn: z.string(),
  specialist: z.optional(specialistSchema),
  contact: z.optional(z.object({ how: z.enum(CONTACT_METHODS), howName: z.string(), on: z.string(), note: z.string() })),
  plan: z.optional(planSchema),
  steps: z.array(stepSchema),
  version: z.number(),
});
export type AssistanceCase = z.infer<typeof assistanceCaseSchema>;

export const listAssistanceCases = defineContract({
  id: 'listAssistanceCases',
  method: 'GET',
  path: '/staff/assistance-cases',
  summary: '就业援助台账：辖区的援助对象（街道及以上管理员看全部，援助专员只看自己负责的）；status 按状态筛选',
  auth: ['staff'],
  query: z.strictObject({ status: z.optional(z.enum(ASSISTANCE_STATUSES)), cursor: z.optional(z.string().check(z.maxLength(400))) }),
  response: z.object({ items: z.array(assistanceCaseSchema), nextCursor: z.optional(z.string()) }),
  errors: [400, 401, 403],
});

export const getAssistanceCase = defineContract({
  id: 'getAssistanceCase',
  method: 'GET',
  path: '/staff/assistance-cases/{id}',
  summary: '一个援助对象的援助情况；辖区外或不是自己负责的 → 404',
  auth: ['staff'],
  params: z.strictObject({ id: ulidSchema }),
  response: z.object({ case: assistanceCaseSchema }),
  errors: [401, 403, 404],
});

export const assignSpecialist = defineContract({
  id: 'assignSpecialist',
  method: 'POST',
  path: '/staff/assistance-cases/{id}/specialist',
  summary: '街道管理员指派（或更换）援助专员：本街道或所辖社区的工作人员；专员须在2个工作日内联系本人',
  auth: ['admin'],
  params: z.strictObject({ id: ulidSchema }),
  body: z.strictObject({ staffId: z.string().check(z.minLength(1, '请选择援助专员'), z.maxLength(40)), version: z.number().check(z.int()) }),
  response: z.object({ case: assistanceCaseSchema }),
  errors: [400, 401, 403, 404, 409],
});

export const recordAssistanceContact = defineContract({
  id: 'recordAssistanceContact',
  method: 'POST',
  path: '/staff/assistance-cases/{id}/contact',
  summary: '援助专员记录与本人的联系：方式、日期、谈了什么（逾期也可补记，计入按时率）',
  auth: ['staff'],
  params: z.strictObject({ id: ulidSchema }),
  body: assistanceContactBodySchema,
  response: z.object({ case: assistanceCaseSchema }),
  errors: [400, 401, 403, 404, 409],
});

export const putAssistancePlan = defineContract({
  id: 'putAssistancePlan',
  method: 'PUT',
  path: '/staff/assistance-cases/{id}/plan',
  summary: '援助专员制定或调整个性化援助方案（原因、目标、每项服务和日期）；version 为读到的版本，他人已改 → 409',
  auth: ['staff'],
  params: z.strictObject({ id: ulidSchema }),
  body: z.extend(assistancePlanBodySchema, { version: z.number().check(z.int()) }),
  response: z.object({ case: assistanceCaseSchema }),
  errors: [400, 401, 403, 404, 409],
});

/** What the person reads: their specialist and how to reach them, the plan in plain words, what comes next. */
export const myAssistanceSchema = z.object({
  status: z.enum(ASSISTANCE_STATUSES),
  statusName: z.string(),
  recognisedOn: z.string(),
  specialist: z.optional(specialistSchema),
  plan: z.optional(planSchema),
  next: z.string(),
});

export const getMyAssistance = defineContract({
  id: 'getMyAssistance',
  method: 'GET',
  path: '/me/assistance',
  summary: '我的就业援助：援助专员的姓名和电话、援助方案、下一步（没有援助时 assistance 为空）',
  auth: 'user',
  proxy: '查看就业援助',
  response: z.object({ assistance: z.optional(myAssistanceSchema) }),
  errors: [401],
});
