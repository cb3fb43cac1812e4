// 就业援助 (issue 31): a recognised hard-to-employ person's assistance case — its specialist, the
// contact, the personalised plan (F31) — for the street, the specialist and the person.
import * as z from 'zod/mini';
import { ASSISTANCE_STATUSES, CONTACT_METHODS, INTERVIEW_RESULTS, PLAN_SERVICE_KINDS, STABILITIES } from '../domain/assistance';
import { defineContract, referralCodeSchema, ulidSchema } from './contract';
import { uploadKeySchema } from './uploads';

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

/** A post offered to the person: the referral letter, the interview (date, accompanied) and its result. */
const offerSchema = z.object({
  code: z.string(),
  vacancyId: z.string(),
  title: z.string(),
  employerName: z.string(),
  on: z.string(),
  interviewOn: z.optional(z.string()),
  accompanied: z.optional(z.boolean()),
  result: z.optional(z.enum(INTERVIEW_RESULTS)),
  resultName: z.optional(z.string()),
  resultNote: z.optional(z.string()),
});
export type AssistanceOffer = z.infer<typeof offerSchema>;

/** The signed agreement (F32): in the app by the person, or a photo of the signed paper copy recorded by the specialist. */
const agreementSchema = z.object({ how: z.enum(['app', 'paper']), signedOn: z.string() });

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
  offers: z.array(offerSchema),
  agreement: z.optional(agreementSchema),
  /** Placed: the day the job started, and the follow-ups since (newest last). */
  placedOn: z.optional(z.string()),
  followUps: z.array(z.object({ on: z.string(), stability: z.enum(STABILITIES), stabilityName: z.string(), note: z.string() })),
  closedOn: z.optional(z.string()),
  /** Where the person lives (from their registration), to look for posts near home first. */
  home: z.optional(z.object({ lat: z.number(), lng: z.number() })),
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

const offerParams = z.strictObject({ id: ulidSchema, code: referralCodeSchema });

export const recordAssistanceInterview = defineContract({
  id: 'recordAssistanceInterview',
  method: 'POST',
  path: '/staff/assistance-cases/{id}/offers/{code}/interview',
  summary: '援助专员记录推荐岗位的面试日期、是否陪同面试；面试5日后回访结果的任务随之生成',
  auth: ['staff'],
  params: offerParams,
  body: z.strictObject({ on: dateSchema, accompanied: z.boolean() }),
  response: z.object({ case: assistanceCaseSchema }),
  errors: [400, 401, 403, 404, 409],
});

export const recordAssistanceInterviewResult = defineContract({
  id: 'recordAssistanceInterviewResult',
  method: 'POST',
  path: '/staff/assistance-cases/{id}/offers/{code}/result',
  summary: '援助专员回访面试结果：已录用（转为跟踪回访）或未录用（写明原因，继续推荐）',
  auth: ['staff'],
  params: offerParams,
  body: z.strictObject({
    result: z.enum(INTERVIEW_RESULTS, { message: '请选择面试结果' }),
    note: z.string().check(z.trim(), z.minLength(2, '请写明回访情况'), z.maxLength(300, '最多300个字')),
  }),
  response: z.object({ case: assistanceCaseSchema }),
  errors: [400, 401, 403, 404, 409],
});

export const recordAssistanceFollowUp = defineContract({
  id: 'recordAssistanceFollowUp',
  method: 'POST',
  path: '/staff/assistance-cases/{id}/follow-ups',
  summary: '上岗后的跟踪回访：稳定的每月、不稳定的每10天、家庭困难需就近的每周一次，满6个月且稳定即结案',
  auth: ['staff'],
  params: z.strictObject({ id: ulidSchema }),
  body: z.strictObject({
    on: dateSchema,
    stability: z.enum(STABILITIES, { message: '请选择就业是否稳定' }),
    note: z.string().check(z.trim(), z.minLength(2, '请写明回访情况'), z.maxLength(300, '最多300个字')),
  }),
  response: z.object({ case: assistanceCaseSchema }),
  errors: [400, 401, 403, 404, 409],
});

export const recordPaperAgreement = defineContract({
  id: 'recordPaperAgreement',
  method: 'POST',
  path: '/staff/assistance-cases/{id}/agreement',
  summary: '没有手机的援助对象：援助专员上传已签字的纸质就业援助协议书照片',
  auth: ['staff'],
  params: z.strictObject({ id: ulidSchema }),
  body: z.strictObject({ photoKey: uploadKeySchema('evidence', '请上传协议书照片') }),
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
  offers: z.array(z.object({ title: z.string(), employerName: z.string(), on: z.string(), interviewOn: z.optional(z.string()), resultName: z.optional(z.string()) })),
  /** The agreement's words (once a specialist is assigned), and whether and how it was signed. */
  agreementText: z.optional(z.array(z.string())),
  agreement: z.optional(agreementSchema),
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

export const signAssistanceAgreement = defineContract({
  id: 'signAssistanceAgreement',
  method: 'POST',
  path: '/me/assistance/agreement',
  summary: '本人在小程序里签署就业援助协议书（已签过的再签不变）；还没有援助专员时不能签 → 409',
  auth: 'user',
  body: z.strictObject({ agree: z.literal(true, { message: '请阅读并同意协议内容' }) }),
  response: z.object({ assistance: myAssistanceSchema }),
  errors: [400, 401, 404, 409],
});
