// Applying for a vacancy, the employer's candidate roster (推荐人员花名册), referral letters
// (推荐介绍信), staff follow-up tasks and subscription messages (issue 4; domain.md §3.1–3.2).
import * as z from 'zod/mini';
import { EDUCATION_LEVELS } from '../domain/registration';
import { defineContract, referralCodeSchema, ulidSchema } from './contract';
import { matchSchema, vacancySummarySchema } from './vacancies';

export const JOB_APPLICATION_STATUSES = ['applied', 'invited', 'hired', 'rejected'] as const;
export type JobApplicationStatus = (typeof JOB_APPLICATION_STATUSES)[number];
export const jobApplicationStatusLabels: Record<JobApplicationStatus, string> = {
  applied: '已投递，等待单位回复',
  invited: '单位邀请您面试',
  hired: '已录用',
  rejected: '未录用',
};
/** The outcomes an employer records, and from which states each may follow. */
export const OUTCOME_FROM: Record<Exclude<JobApplicationStatus, 'applied'>, readonly JobApplicationStatus[]> = {
  invited: ['applied'],
  hired: ['applied', 'invited'],
  rejected: ['applied', 'invited'],
};

const idParams = z.strictObject({ id: ulidSchema });

export const jobApplicationSchema = z.object({
  id: z.string(),
  vacancy: vacancySummarySchema,
  status: z.enum(JOB_APPLICATION_STATUSES),
  message: z.optional(z.string()),
  /** What the employer said with the outcome (an interview time, a reason). */
  employerNote: z.optional(z.string()),
  referralCode: z.optional(z.string()),
  /** Said at this job fair (我有意向 at its booth). */
  fairId: z.optional(z.string()),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type JobApplication = z.infer<typeof jobApplicationSchema>;

export const applyToVacancy = defineContract({
  id: 'applyToVacancy',
  method: 'POST',
  path: '/vacancies/{id}/applications',
  summary: '一键应聘招聘中的岗位（需先完成求职登记）；同一岗位再次应聘返回 409',
  auth: 'user',
  proxy: '投递简历',
  consents: ['privacy'],
  params: idParams,
  body: z.strictObject({ message: z.optional(z.string().check(z.trim(), z.maxLength(200, '留言最多200字'))) }),
  response: z.object({ application: jobApplicationSchema }),
  successStatus: 201,
  errors: [400, 401, 403, 404, 409],
});

export const listMyJobApplications = defineContract({
  id: 'listMyJobApplications',
  method: 'GET',
  path: '/me/applications',
  summary: '我应聘的岗位，最新的在前，含单位的回复',
  auth: 'user',
  proxy: '查看我的应聘',
  response: z.object({ items: z.array(jobApplicationSchema) }),
  errors: [401],
});

export const candidateSchema = z.object({
  /**
   * `applied`: the person applied (contact shown); `referred`: staff referred them (masked
   * until they apply). Job seekers who did neither are not listed: the registration has no
   * consent to being shown to employers yet.
   */
  kind: z.enum(['applied', 'referred']),
  applicationId: z.optional(z.string()),
  status: z.optional(z.enum(JOB_APPLICATION_STATUSES)),
  /** The full name and phone once the person has applied; masked (张**, 138****5678) before. */
  name: z.string(),
  phone: z.string(),
  contactMasked: z.boolean(),
  gender: z.enum(['male', 'female']),
  age: z.number().check(z.int()),
  education: z.enum(EDUCATION_LEVELS),
  yearsOfExperience: z.number().check(z.int()),
  distanceM: z.number().check(z.int()),
  match: matchSchema,
  message: z.optional(z.string()),
  referralCode: z.optional(z.string()),
  /** Met at this job fair. */
  fairId: z.optional(z.string()),
  at: z.string(),
});
export type Candidate = z.infer<typeof candidateSchema>;

export const vacancyCandidates = defineContract({
  id: 'vacancyCandidates',
  method: 'GET',
  path: '/vacancies/{id}/candidates',
  summary: '推荐人员花名册（本单位成员）：应聘者和工作人员推荐的人，按匹配度排序；未应聘者的联系方式隐去',
  auth: 'user',
  params: idParams,
  response: z.object({ items: z.array(candidateSchema) }),
  errors: [401, 404],
});

export const recordOutcome = defineContract({
  id: 'recordOutcome',
  method: 'POST',
  path: '/applications/{id}/outcome',
  summary: '单位答复应聘：邀请面试、录用或不录用（本单位成员）',
  auth: 'user',
  params: idParams,
  body: z.strictObject({
    outcome: z.enum(['invited', 'hired', 'rejected']),
    note: z.optional(z.string().check(z.trim(), z.maxLength(200, '说明最多200字'))),
  }),
  response: z.object({ application: jobApplicationSchema }),
  errors: [400, 401, 404, 409],
});

// ── Referral letters ───────────────────────────────────────────────────────────────────────

/** The eight-character verification code on a letter: Crockford base 32, no look-alike letters. */

export const referralSchema = z.object({
  code: referralCodeSchema,
  personName: z.string(),
  vacancy: vacancySummarySchema,
  issuedBy: z.string(),
  issuedAt: z.string(),
  validUntil: z.string(),
  note: z.optional(z.string()),
  /** Whether the referred person has applied for the vacancy through the platform. */
  applied: z.boolean(),
});
export type Referral = z.infer<typeof referralSchema>;

export const createReferral = defineContract({
  id: 'createReferral',
  method: 'POST',
  path: '/staff/referrals',
  summary: '开具推荐介绍信：把辖区内的求职者推荐到招聘中的岗位，生成核验码，并自动生成7日回访求职者、30日内回访单位的跟踪任务；带 caseId 时记为就业援助推荐的岗位',
  auth: ['staff'],
  body: z.strictObject({
    personId: ulidSchema,
    vacancyId: ulidSchema,
    note: z.optional(z.string().check(z.trim(), z.maxLength(200, '备注最多200字'))),
    /** 就业援助: the referral is a post offered to this case's person (its specialist or the street). */
    caseId: z.optional(ulidSchema),
  }),
  response: z.object({ referral: referralSchema }),
  successStatus: 201,
  errors: [400, 401, 403, 404, 409],
});

export const getReferral = defineContract({
  id: 'getReferral',
  method: 'GET',
  path: '/referrals/{code}',
  summary: '凭核验码查看推荐介绍信（单位核验用）；姓名部分隐去',
  auth: 'user',
  params: z.strictObject({ code: referralCodeSchema }),
  response: z.object({ referral: referralSchema }),
  errors: [400, 401, 404],
});

// ── Subscription messages ──────────────────────────────────────────────────────────────────

export const MESSAGE_TEMPLATES = ['new_match', 'application_update'] as const;
export type MessageTemplate = (typeof MESSAGE_TEMPLATES)[number];

export const recordSubscriptions = defineContract({
  id: 'recordSubscriptions',
  method: 'POST',
  path: '/me/subscriptions',
  summary: '记下用户在 wx.requestSubscribeMessage 中同意的一次性订阅（每同意一次可发一条）',
  auth: 'user',
  consents: ['privacy'],
  body: z.strictObject({ accepted: z.array(z.enum(MESSAGE_TEMPLATES)).check(z.minLength(1), z.maxLength(MESSAGE_TEMPLATES.length)) }),
  response: z.object({ remaining: z.record(z.string(), z.number().check(z.int())) }),
  errors: [400, 401],
});
