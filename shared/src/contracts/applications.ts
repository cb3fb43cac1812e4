// Person applications (domain.md §2.B–2.C, §3.3–3.4): unemployment registration (失业登记),
// employment registration (就业登记) and hard-to-employ recognition (就业困难人员认定), and the
// person categories they lead to.
import { RECOGNISED_CATEGORIES } from '../domain/registration';
import * as z from 'zod/mini';
import { HARDSHIP_CATEGORIES } from '../domain/personRules';
import { todayInChina } from '../domain/idNumber';
import { defineContract, ulidSchema } from './contract';
import { uploadKeySchema } from './uploads';

export const APPLICATION_KINDS = ['unemployment', 'employment', 'hardship'] as const;
export type ApplicationKind = (typeof APPLICATION_KINDS)[number];
export const applicationKindLabels: Record<ApplicationKind, string> = {
  unemployment: '失业登记',
  employment: '就业登记',
  hardship: '就业困难人员认定',
};

export const APPLICATION_STATUSES = ['pending_street', 'pending_district', 'approved', 'rejected', 'recorded'] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];
export const applicationStatusLabels: Record<ApplicationStatus, string> = {
  pending_street: '等待街道审核',
  pending_district: '等待区级确认',
  approved: '已通过',
  rejected: '未通过',
  recorded: '已登记',
};

export const PRIOR_STATUSES = ['employed', 'self_employed', 'flexible', 'new_entrant'] as const;
export const priorStatusLabels: Record<(typeof PRIOR_STATUSES)[number], string> = {
  employed: '在单位工作',
  self_employed: '自己经营',
  flexible: '灵活就业',
  new_entrant: '从未就业（如应届毕业）',
};
export const LEAVING_REASONS = ['contract_ended', 'dismissed', 'resigned', 'business_closed', 'flexible_ended', 'other'] as const;
export const leavingReasonLabels: Record<(typeof LEAVING_REASONS)[number], string> = {
  contract_ended: '劳动合同到期',
  dismissed: '被单位解除合同',
  resigned: '本人辞职',
  business_closed: '经营的企业或个体户注销',
  flexible_ended: '灵活就业结束',
  other: '其他原因',
};
export const EMPLOYMENT_KINDS = ['unit', 'flexible', 'self_employed'] as const;
export const employmentKindLabels: Record<(typeof EMPLOYMENT_KINDS)[number], string> = {
  unit: '在单位就业',
  flexible: '灵活就业',
  self_employed: '自主创业/个体经营',
};
export const hardshipCategorySchema = z.enum(HARDSHIP_CATEGORIES);

const dateSchema = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, '请选择日期'));
const notFuture = (message: string) => dateSchema.check(z.refine((d) => d <= todayInChina(), message));
const declaration = (message: string) => z.literal(true, message);

/** Community staff filing for a citizen (assisted mode): the citizen's user id. */
const onBehalfOf = z.optional(ulidSchema);

export const unemploymentBodySchema = z.strictObject({
    priorStatus: z.enum(PRIOR_STATUSES),
    lastEmployer: z._default(z.string().check(z.trim(), z.maxLength(100, '单位名称最多100个字')), ''),
    leavingReason: z.optional(z.enum(LEAVING_REASONS)),
    leftOn: z.optional(notFuture('离职日期不能晚于今天')),
    ableToWork: declaration('失业登记须具有劳动能力'),
    willingToWork: declaration('失业登记须有就业愿望'),
    localResident: declaration('失业登记须为本地常住人员'),
    evidenceKeys: z._default(z.array(uploadKeySchema('evidence', '证明材料图片无效')).check(z.maxLength(6, '最多6张图片')), []),
    onBehalfOf,
  }).check(
  z.superRefine((v, ctx) => {
      if (v.priorStatus === 'new_entrant') return;
      if (v.priorStatus === 'employed' && (v.lastEmployer ?? '').length < 2) ctx.addIssue({ code: 'custom', path: ['lastEmployer'], message: '请填写原工作单位' });
      if (!v.leavingReason) ctx.addIssue({ code: 'custom', path: ['leavingReason'], message: '请选择离职原因' });
      if (!v.leftOn) ctx.addIssue({ code: 'custom', path: ['leftOn'], message: '请选择离职日期' });
    }, { when: (payload) => typeof payload.value === 'object' && payload.value !== null }),
);
export type UnemploymentBody = z.infer<typeof unemploymentBodySchema>;

export const employmentBodySchema = z.strictObject({
  employmentKind: z.enum(EMPLOYMENT_KINDS),
  employerName: z.string().check(z.trim(), z.minLength(2, '请填写单位或经营名称'), z.maxLength(100, '最多100个字')),
  workAreaCode: z.string().check(z.regex(/^\d{12}$/, '请选择到社区（村）')),
  workAddress: z.string().check(z.trim(), z.minLength(2, '请填写详细地址'), z.maxLength(100, '详细地址最多100个字')),
  post: z.string().check(z.trim(), z.minLength(1, '请填写岗位'), z.maxLength(30, '岗位最多30个字')),
  startedOn: notFuture('开始工作日期不能晚于今天'),
  weeklyHours: z.number().check(z.int('请输入整数'), z.gte(1, '每周至少1小时'), z.lte(84, '每周最多84小时')),
  monthlyIncomeFen: z.number().check(z.int('金额以分为单位，须为整数'), z.gte(0, '收入不能为负数'), z.lte(100_000_000, '收入过高，请核对')),
  onBehalfOf,
});
export type EmploymentBody = z.infer<typeof employmentBodySchema>;

export const hardshipBodySchema = z.strictObject({
  category: hardshipCategorySchema,
  evidenceKeys: z._default(z.array(uploadKeySchema('evidence', '证明材料图片无效')).check(z.maxLength(6, '最多6张图片')), []),
  note: z._default(z.string().check(z.trim(), z.maxLength(200, '说明最多200字')), ''),
  onBehalfOf,
});
export type HardshipBody = z.infer<typeof hardshipBodySchema>;

export const timelineEntrySchema = z.object({
  at: z.string(),
  label: z.string(),
  status: z.enum(APPLICATION_STATUSES),
  reason: z.optional(z.string()),
});

/** An evidence photo; `url` (a short-lived link) only in staff views. */
const evidenceSchema = z.object({ key: z.string(), url: z.optional(z.string()) });

const applicationBase = {
  id: z.string(),
  personId: z.string(),
  status: z.enum(APPLICATION_STATUSES),
  areaCode: z.string(),
  /** Filed by community staff for the person. */
  assisted: z.boolean(),
  ruleVersion: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  evidence: z.array(evidenceSchema),
  timeline: z.array(timelineEntrySchema),
};
export const applicationSchema = z.discriminatedUnion('kind', [
  z.object({
    ...applicationBase,
    kind: z.literal('unemployment'),
    details: z.object({
      priorStatus: z.enum(PRIOR_STATUSES),
      lastEmployer: z.string(),
      leavingReason: z.optional(z.enum(LEAVING_REASONS)),
      leftOn: z.optional(z.string()),
    }),
  }),
  z.object({
    ...applicationBase,
    kind: z.literal('employment'),
    details: z.extend(z.omit(employmentBodySchema, { onBehalfOf: true }), { workAreaName: z.string() }),
  }),
  z.object({
    ...applicationBase,
    kind: z.literal('hardship'),
    details: z.object({ category: hardshipCategorySchema, categoryLabel: z.string(), note: z.string() }),
  }),
]);
export type Application = z.infer<typeof applicationSchema>;


export const categorySchema = z.object({
  code: z.enum(RECOGNISED_CATEGORIES),
  label: z.string(),
  since: z.string(),
  until: z.optional(z.string()),
  /** `review`: recognised by staff; `declared`: recorded from the person's report; `derived`: computed from the record. */
  source: z.enum(['review', 'declared', 'derived']),
  /** E.g. the hard-to-employ category (大龄失业人员). */
  detail: z.optional(z.string()),
  applicationId: z.optional(z.string()),
  ruleVersion: z.string(),
});
export type Category = z.infer<typeof categorySchema>;

const applicationResponse = z.object({ application: applicationSchema });

export const createUnemploymentRegistration = defineContract({
  id: 'createUnemploymentRegistration',
  method: 'POST',
  path: '/me/unemployment-registration',
  summary: '申请失业登记：街道审核通过后成为登记失业人员（社区工作人员可代办）',
  auth: 'user',
  consents: ['privacy'],
  body: unemploymentBodySchema,
  response: applicationResponse,
  successStatus: 201,
  errors: [400, 401, 403, 404, 409],
});

export const createEmploymentRegistration = defineContract({
  id: 'createEmploymentRegistration',
  method: 'POST',
  path: '/me/employment-registration',
  summary: '就业登记：登记后即结束登记失业状态（社区工作人员可代办）',
  auth: 'user',
  consents: ['privacy'],
  body: employmentBodySchema,
  response: applicationResponse,
  successStatus: 201,
  errors: [400, 401, 403, 404, 409],
});

export const createHardshipApplication = defineContract({
  id: 'createHardshipApplication',
  method: 'POST',
  path: '/me/hardship-applications',
  summary: '申请就业困难人员认定：街道初审、区级确认（社区工作人员可代办）',
  auth: 'user',
  consents: ['privacy', 'hardship_evidence'],
  body: hardshipBodySchema,
  response: applicationResponse,
  successStatus: 201,
  errors: [400, 401, 403, 404, 409],
});

export const listMyPersonApplications = defineContract({
  id: 'listMyPersonApplications',
  method: 'GET',
  path: '/me/person-applications',
  summary: '本人的各项申请及办理进度（时间线）',
  auth: 'user',
  proxy: '查看我的申请',
  response: z.object({ items: z.array(applicationSchema) }),
  errors: [401],
});

export const getMyCategories = defineContract({
  id: 'getMyCategories',
  method: 'GET',
  path: '/me/categories',
  summary: '本人已认定的人员类别（含由毕业日期、年龄推算的类别）',
  auth: 'user',
  proxy: '查看人员类别',
  response: z.object({ categories: z.array(categorySchema), ruleVersion: z.string() }),
  errors: [401],
});
