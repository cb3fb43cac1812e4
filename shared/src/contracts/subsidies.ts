// Subsidies (issue 32; domain.md §2.D, §3.5, §4.4, §4.11): programmes set up by the district and
// approved by finance; a resident checks and applies on the phone; the street reviews (with a
// site check where the rule asks), the district reviews and reserves the budget, then publishes
// the approved applications as a public notice (公示) anyone can read and object to; finance
// approves payment when the notice has ended, and the bank's result file marks each line.
import * as z from 'zod/mini';
import { MAX_MONTHS_PER_APPLICATION, MONTH_PATTERN, SUBSIDY_EMPLOYMENT_KINDS, SUBSIDY_KINDS, SUBSIDY_STAGES } from '../domain/subsidies';
import { RECOGNISED_CATEGORIES } from '../domain/registration';
import { areaCodeSchema } from './auth';
import { defineContract, ulidSchema } from './contract';
import { uploadKeySchema } from './uploads';

const dateSchema = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, '请选择日期'));
const idParams = z.strictObject({ id: ulidSchema });
const cursorQuery = z.strictObject({ cursor: z.optional(z.string().check(z.maxLength(400))) });
const fen = (max: number, message: string) => z.number().check(z.int('金额须为整数（分）'), z.gte(1, '金额须大于0'), z.lte(max, message));
const reasonSchema = z.string().check(z.trim(), z.minLength(2, '请写明理由，至少2个字'), z.maxLength(200, '理由最多200字'));

// ── Programmes ────────────────────────────────────────────────────────────────────────────────

const branchSchema = z.strictObject({
  groups: z.array(z.enum(RECOGNISED_CATEGORIES)).check(z.maxLength(RECOGNISED_CATEGORIES.length)),
  employmentKinds: z.optional(z.array(z.enum(SUBSIDY_EMPLOYMENT_KINDS)).check(z.maxLength(3))),
  maxMonths: z.number().check(z.int('月数须为整数'), z.gte(1, '至少1个月'), z.lte(60, '最多60个月')),
});

export const subsidyAmountSchema = z.discriminatedUnion('mode', [
  z.strictObject({ mode: z.literal('fixed'), amountFen: fen(10_000_000, '一次最多10万元') }),
  z.strictObject({ mode: z.literal('per_month'), amountFen: fen(1_000_000, '每月最多1万元') }),
  z.strictObject({
    mode: z.literal('share'),
    shareBp: z.number().check(z.int('比例须为整数（万分之一）'), z.gte(1, '比例须大于0'), z.lte(10_000, '比例最多100%')),
    capFen: fen(1_000_000, '每月最多1万元'),
  }),
]);

export const subsidyProgrammeBodySchema = z
  .strictObject({
    name: z.string().check(z.trim(), z.minLength(2, '名称至少2个字'), z.maxLength(40, '名称最多40个字')),
    kind: z.enum(SUBSIDY_KINDS),
    /** A district (6 digits) or a city (4): applicants live inside it. */
    areaCode: areaCodeSchema.check(z.refine((c) => c.length === 4 || c.length === 6, '补贴项目须设在市或区县')),
    /** Who qualifies: the rule's branches when absent. */
    branches: z.optional(z.array(branchSchema).check(z.minLength(1, '至少一种申请条件'), z.maxLength(5))),
    /** The rule's amount when absent. */
    amount: z.optional(subsidyAmountSchema),
    /** At most this many months in all, under the rule's. */
    maxMonths: z.optional(z.number().check(z.int(), z.gte(1, '至少1个月'), z.lte(60, '最多60个月'))),
    budgetFen: fen(100_000_000_000, '预算最多10亿元'),
    applyFrom: dateSchema,
    applyUntil: dateSchema,
    /** 公示 days (calendar days unless `noticeWorkingDays`): the rule's 7 when absent. */
    noticeDays: z.optional(z.number().check(z.int(), z.gte(5, '公示至少5天'), z.lte(30, '公示最多30天'))),
    noticeWorkingDays: z.optional(z.boolean()),
  })
  .check(
    z.superRefine((v, ctx) => {
      if (v.applyUntil < v.applyFrom) ctx.addIssue({ code: 'custom', path: ['applyUntil'], message: '申请截止日不能早于开始日' });
    }),
  );
export type SubsidyProgrammeBody = z.infer<typeof subsidyProgrammeBodySchema>;

export const subsidyProgrammeSchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(SUBSIDY_KINDS),
  kindName: z.string(),
  applicant: z.enum(['person', 'employer']),
  areaCode: z.string(),
  areaName: z.string(),
  branches: z.array(branchSchema),
  amount: subsidyAmountSchema,
  amountText: z.string(),
  maxMonths: z.optional(z.number()),
  evidence: z.array(z.object({ code: z.string(), label: z.string() })),
  siteCheck: z.boolean(),
  budgetFen: z.number(),
  /** Reserved by district approvals; refusals give it back. Staff views only. */
  reservedFen: z.optional(z.number()),
  applyFrom: z.string(),
  applyUntil: z.string(),
  noticeDays: z.number(),
  noticeWorkingDays: z.boolean(),
  ruleVersion: z.string(),
  status: z.enum(['pending_approval', 'approved', 'withdrawn']),
  createdAt: z.string(),
  approvedAt: z.optional(z.string()),
  /** 追加预算 waiting for finance. */
  topUp: z.optional(z.object({ addFen: z.number(), reason: z.string(), at: z.string() })),
});
export type SubsidyProgramme = z.infer<typeof subsidyProgrammeSchema>;

export const createSubsidyProgramme = defineContract({
  id: 'createSubsidyProgramme',
  method: 'POST',
  path: '/staff/subsidy-programmes',
  summary: '区级或市级工作人员设立补贴项目（哪种补贴、谁能申请、金额、最长期限、材料、预算），待财务审批预算',
  auth: ['staff'],
  body: subsidyProgrammeBodySchema,
  response: z.object({ programme: subsidyProgrammeSchema }),
  successStatus: 201,
  errors: [400, 401, 403],
});

export const listSubsidyProgrammes = defineContract({
  id: 'listSubsidyProgrammes',
  method: 'GET',
  path: '/staff/subsidy-programmes',
  summary: '辖区内的补贴项目，含预算已占用金额',
  auth: ['staff', 'finance'],
  response: z.object({ items: z.array(subsidyProgrammeSchema) }),
  errors: [401, 403],
});

export const approveSubsidyProgramme = defineContract({
  id: 'approveSubsidyProgramme',
  method: 'POST',
  path: '/staff/subsidy-programmes/{id}/approve',
  summary: '财务审批补贴项目的预算（设立人不能自己审批）',
  auth: ['finance'],
  params: idParams,
  response: z.object({ programme: subsidyProgrammeSchema }),
  errors: [401, 403, 404, 409],
});

export const withdrawSubsidyProgramme = defineContract({
  id: 'withdrawSubsidyProgramme',
  method: 'POST',
  path: '/staff/subsidy-programmes/{id}/withdraw',
  summary: '撤回补贴项目：不再受理新申请（已受理的照常办理）',
  auth: ['staff'],
  params: idParams,
  body: z.strictObject({ reason: reasonSchema }),
  response: z.object({ programme: subsidyProgrammeSchema }),
  errors: [400, 401, 403, 404, 409],
});

export const requestSubsidyTopUp = defineContract({
  id: 'requestSubsidyTopUp',
  method: 'POST',
  path: '/staff/subsidy-programmes/{id}/top-up',
  summary: '区级或市级工作人员申请追加补贴预算（写明金额和理由），待财务审批；同一时间只有一笔待审批',
  auth: ['staff'],
  params: idParams,
  body: z.strictObject({ addFen: fen(100_000_000_000, '一次最多追加10亿元'), reason: reasonSchema }),
  response: z.object({ programme: subsidyProgrammeSchema }),
  errors: [400, 401, 403, 404, 409],
});

export const approveSubsidyTopUp = defineContract({
  id: 'approveSubsidyTopUp',
  method: 'POST',
  path: '/staff/subsidy-programmes/{id}/top-up/approve',
  summary: '财务审批追加预算（申请人不能自己审批）：预算和剩余额度同时增加，等待追加预算的申请可以重新复审；支持 Idempotency-Key',
  auth: ['finance'],
  params: idParams,
  response: z.object({ programme: subsidyProgrammeSchema }),
  errors: [401, 403, 404, 409],
});

// ── A resident: check, apply, follow ──────────────────────────────────────────────────────────

export const subsidyOfferSchema = z.object({
  programme: subsidyProgrammeSchema,
  ok: z.boolean(),
  reasons: z.array(z.string()),
  missing: z.array(z.string()),
  monthsLeft: z.number(),
  /** Months this subsidy is already claimed for, in applications not refused. */
  monthsClaimed: z.array(z.string()),
});

export const mySubsidies = defineContract({
  id: 'mySubsidies',
  method: 'GET',
  path: '/me/subsidies',
  summary: '我能申请的补贴：住地所在区的补贴项目，每项「可以申请」或「还差什么」（按本人的登记、认定和就业登记判断）',
  auth: 'user',
  response: z.object({ items: z.array(subsidyOfferSchema) }),
  errors: [401],
});

const monthSchema = z.string().check(z.regex(MONTH_PATTERN, '月份格式是 2026-07'));

export const subsidyApplicationBodySchema = z.strictObject({
  /** The months claimed (one-off subsidies: none; the month of applying is claimed). */
  months: z._default(z.array(monthSchema).check(z.maxLength(MAX_MONTHS_PER_APPLICATION, `一次最多申请${MAX_MONTHS_PER_APPLICATION}个月`)), []),
  /** For a share of contributions: what was paid each month, in fen. */
  contributionFenPerMonth: z.optional(z.number().check(z.int('金额须为整数（分）'), z.gte(1, '请填写每月缴费金额'), z.lte(1_000_000, '每月缴费金额过高，请核对'))),
  /** One photo per evidence item the programme asks for. */
  evidence: z.array(z.strictObject({ code: z.string().check(z.regex(/^[a-z_]{2,30}$/, '材料代码不对')), key: uploadKeySchema('evidence', '材料图片无效') })).check(z.maxLength(10, '最多10份材料')),
  /** Where the money goes: the person's social-security-card account (separate consent). */
  account: z.strictObject({
    accountNo: z.string().check(z.trim(), z.regex(/^\d{12,19}$/, '社保卡金融账号是12到19位数字')),
    bankName: z.string().check(z.trim(), z.minLength(2, '请填写开户银行'), z.maxLength(40, '开户银行最多40个字')),
  }),
});
export type SubsidyApplicationBody = z.infer<typeof subsidyApplicationBodySchema>;

const stepSchema = z.object({ at: z.string(), stage: z.enum(SUBSIDY_STAGES), label: z.string(), reason: z.optional(z.string()) });

export const subsidyApplicationSchema = z.object({
  id: z.string(),
  programmeId: z.string(),
  programmeName: z.string(),
  kind: z.enum(SUBSIDY_KINDS),
  kindName: z.string(),
  stage: z.enum(SUBSIDY_STAGES),
  stageName: z.string(),
  months: z.array(z.string()),
  monthsText: z.string(),
  amountFen: z.number(),
  accountMasked: z.string(),
  bankName: z.string(),
  areaCode: z.string(),
  areaName: z.string(),
  /** Who handles it now (街道 / 区人社局 / 财务), in words. */
  office: z.string(),
  /** Why it was refused (or a line failed), for the person to read. */
  reason: z.optional(z.string()),
  /** The budget ran out at district review: it waits there for more. */
  waitingForBudget: z.optional(z.boolean()),
  ruleVersion: z.string(),
  createdAt: z.string(),
  paidAt: z.optional(z.string()),
  steps: z.array(stepSchema),
  /** R21: the unit that applied (公益性岗位补贴), and the person it is for, masked (张*). */
  unitName: z.optional(z.string()),
  personMasked: z.optional(z.string()),
});
export type SubsidyApplication = z.infer<typeof subsidyApplicationSchema>;

export const applyForSubsidy = defineContract({
  id: 'applyForSubsidy',
  method: 'POST',
  path: '/me/subsidies/{id}/applications',
  summary: '申请一项补贴：月份、材料、本人社保卡账户（银行账户须单独同意）；同一月份已申请过返回 409 并说明是哪个月；支持 Idempotency-Key',
  auth: 'user',
  consents: ['privacy', 'bank_account'],
  params: idParams,
  body: subsidyApplicationBodySchema,
  response: z.object({ application: subsidyApplicationSchema }),
  successStatus: 201,
  errors: [400, 401, 403, 404, 409, 422],
});

export const mySubsidyApplications = defineContract({
  id: 'mySubsidyApplications',
  method: 'GET',
  path: '/me/subsidy-applications',
  summary: '我的补贴申请，新的在前，每份的进度、日期和办理单位',
  auth: 'user',
  query: cursorQuery,
  response: z.object({ items: z.array(subsidyApplicationSchema), nextCursor: z.optional(z.string()) }),
  errors: [400, 401],
});

export const getMySubsidyApplication = defineContract({
  id: 'getMySubsidyApplication',
  method: 'GET',
  path: '/me/subsidy-applications/{id}',
  summary: '我的一份补贴申请（含单位为我申请的）：进度、日期和办理单位',
  auth: 'user',
  params: idParams,
  response: z.object({ application: subsidyApplicationSchema }),
  errors: [401, 404],
});

export const withdrawSubsidyApplication = defineContract({
  id: 'withdrawSubsidyApplication',
  method: 'POST',
  path: '/me/subsidy-applications/{id}/withdraw',
  summary: '区里审核前撤回申请：申请的月份可以重新申请',
  auth: 'user',
  params: idParams,
  response: z.object({ application: subsidyApplicationSchema }),
  errors: [401, 404, 409],
});

export const fixSubsidyAccount = defineContract({
  id: 'fixSubsidyAccount',
  method: 'POST',
  path: '/me/subsidy-applications/{id}/account',
  summary: '发放失败后改正银行账户：这一笔在下一批拨付中重新发放',
  auth: 'user',
  consents: ['privacy', 'bank_account'],
  params: idParams,
  body: z.strictObject({ account: subsidyApplicationBodySchema.shape.account }),
  response: z.object({ application: subsidyApplicationSchema }),
  errors: [400, 401, 403, 404, 409],
});

// ── A unit's applications (R21: 公益性岗位补贴 for the people it placed) ─────────────────────────

const unitParams = z.strictObject({ id: ulidSchema, appId: ulidSchema });

/** A unit's bank account: its settlement account, not a person's card (no personal consent needed). */
export const unitAccountSchema = z.strictObject({
  accountNo: z.string().check(z.trim(), z.regex(/^\d{8,30}$/, '单位银行账号是8到30位数字')),
  bankName: z.string().check(z.trim(), z.minLength(2, '请填写开户银行'), z.maxLength(40, '开户银行最多40个字')),
});

export const unitPlacementOfferSchema = z.object({
  postId: z.string(),
  postTitle: z.string(),
  caseId: z.string(),
  personMasked: z.string(),
  from: z.string(),
  until: z.string(),
  ok: z.boolean(),
  reasons: z.array(z.string()),
  missing: z.array(z.string()),
  monthsLeft: z.number(),
  monthsClaimed: z.array(z.string()),
});

export const unitSubsidyOffers = defineContract({
  id: 'unitSubsidyOffers',
  method: 'GET',
  path: '/employers/{id}/subsidies',
  summary: '单位能申请的公益性岗位补贴：本单位已认定岗位上安置的每位人员，「可以申请」或「还差什么」',
  auth: 'user',
  params: idParams,
  response: z.object({ items: z.array(z.object({ programme: subsidyProgrammeSchema, placements: z.array(unitPlacementOfferSchema) })) }),
  errors: [401, 404],
});

export const unitSubsidyApplicationBodySchema = z.strictObject({
  programmeId: ulidSchema,
  postId: ulidSchema,
  caseId: ulidSchema,
  months: subsidyApplicationBodySchema.shape.months,
  evidence: subsidyApplicationBodySchema.shape.evidence,
  account: unitAccountSchema,
});
export type UnitSubsidyApplicationBody = z.infer<typeof unitSubsidyApplicationBodySchema>;

export const applyForUnitSubsidy = defineContract({
  id: 'applyForUnitSubsidy',
  method: 'POST',
  path: '/employers/{id}/subsidy-applications',
  summary: '单位为安置在公益性岗位上的人员申请补贴：月份须在上岗期间，同一人的同一月份只能申请一次；支持 Idempotency-Key',
  auth: 'user',
  params: idParams,
  body: unitSubsidyApplicationBodySchema,
  response: z.object({ application: subsidyApplicationSchema }),
  successStatus: 201,
  errors: [400, 401, 404, 409, 422],
});

export const unitSubsidyApplications = defineContract({
  id: 'unitSubsidyApplications',
  method: 'GET',
  path: '/employers/{id}/subsidy-applications',
  summary: '本单位的补贴申请，新的在前，每份的进度和办理单位',
  auth: 'user',
  params: idParams,
  query: cursorQuery,
  response: z.object({ items: z.array(subsidyApplicationSchema), nextCursor: z.optional(z.string()) }),
  errors: [400, 401, 404],
});

export const getUnitSubsidyApplication = defineContract({
  id: 'getUnitSubsidyApplication',
  method: 'GET',
  path: '/employers/{id}/subsidy-applications/{appId}',
  summary: '本单位的一份补贴申请：进度和办理单位',
  auth: 'user',
  params: unitParams,
  response: z.object({ application: subsidyApplicationSchema }),
  errors: [401, 404],
});

export const withdrawUnitSubsidyApplication = defineContract({
  id: 'withdrawUnitSubsidyApplication',
  method: 'POST',
  path: '/employers/{id}/subsidy-applications/{appId}/withdraw',
  summary: '区里审核前撤回单位的申请',
  auth: 'user',
  params: unitParams,
  response: z.object({ application: subsidyApplicationSchema }),
  errors: [400, 401, 404, 409],
});

export const fixUnitSubsidyAccount = defineContract({
  id: 'fixUnitSubsidyAccount',
  method: 'POST',
  path: '/employers/{id}/subsidy-applications/{appId}/account',
  summary: '发放失败后改正单位银行账户：这一笔在下一批拨付中重新发放',
  auth: 'user',
  params: unitParams,
  body: z.strictObject({ account: unitAccountSchema }),
  response: z.object({ application: subsidyApplicationSchema }),
  errors: [400, 401, 404, 409],
});

// ── Staff: review level by level ──────────────────────────────────────────────────────────────

export const staffSubsidyRowSchema = z.object({
  ...subsidyApplicationSchema.shape,
  personName: z.string(),
  idNumberMasked: z.string(),
  communityName: z.string(),
  /** Days the district review has left (negative: overdue), while it waits there. */
  districtDueOn: z.optional(z.string()),
});

export const listSubsidyApplications = defineContract({
  id: 'listSubsidyApplications',
  method: 'GET',
  path: '/staff/subsidy-applications',
  summary: '辖区内一个补贴项目某一环节的申请，每页 20 份',
  auth: ['staff', 'finance'],
  query: z.strictObject({
    programmeId: ulidSchema,
    stage: z.enum(SUBSIDY_STAGES),
    cursor: z.optional(z.string().check(z.maxLength(400))),
  }),
  response: z.object({ items: z.array(staffSubsidyRowSchema), nextCursor: z.optional(z.string()) }),
  errors: [400, 401, 403],
});

export const getStaffSubsidyApplication = defineContract({
  id: 'getStaffSubsidyApplication',
  method: 'GET',
  path: '/staff/subsidy-applications/{id}',
  summary: '一份补贴申请：申请人、月份、金额、证明材料照片（短时有效的链接）、入户核查记录和办理经过；记入申请人的访问记录；辖区外 → 404',
  auth: ['staff', 'finance'],
  params: idParams,
  response: z.object({
    application: z.object({
      ...staffSubsidyRowSchema.shape,
      evidence: z.array(z.object({ code: z.string(), label: z.string(), url: z.string() })),
      siteCheck: z.optional(z.object({ checkedAt: z.string(), place: z.string(), finding: z.string(), photoUrl: z.string() })),
      /** What the caller may do now: the review of this level, or nothing. */
      canReview: z.boolean(),
      siteCheckRequired: z.boolean(),
    }),
  }),
  errors: [401, 403, 404],
});

export const siteCheckSchema = z.strictObject({
  /** When and where the check was made. */
  checkedAt: z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/, '请填写核查时间')),
  place: z.string().check(z.trim(), z.minLength(2, '请填写核查地点'), z.maxLength(100, '地点最多100个字')),
  photoKey: uploadKeySchema('evidence', '核查照片无效'),
  /** What was found (still in flexible work, business operating, contract and wages seen…). */
  finding: z.string().check(z.trim(), z.minLength(2, '请填写核查情况'), z.maxLength(300, '核查情况最多300字')),
});

export const reviewSubsidyApplication = defineContract({
  id: 'reviewSubsidyApplication',
  method: 'POST',
  path: '/staff/subsidy-applications/{id}/review',
  summary: '审核一份补贴申请：街道初审（规则要求时附入户核查记录），区里复审（通过时从预算中占用金额，预算不足返回 409）；不通过须写理由，申请人能看到；支持 Idempotency-Key',
  auth: ['staff'],
  params: idParams,
  body: z.strictObject({
    decision: z.enum(['approve', 'refuse']),
    reason: z.optional(reasonSchema),
    siteCheck: z.optional(siteCheckSchema),
  }),
  response: z.object({ application: staffSubsidyRowSchema }),
  errors: [400, 401, 403, 404, 409],
});

// ── 公示 ───────────────────────────────────────────────────────────────────────────────────────

export const subsidyNoticeSchema = z.object({
  id: z.string(),
  programmeId: z.string(),
  title: z.string(),
  subsidyName: z.string(),
  areaCode: z.string(),
  areaName: z.string(),
  status: z.enum(['publishing', 'open', 'ended']),
  publishedOn: z.string(),
  endsOn: z.string(),
  lineCount: z.number(),
  amountFen: z.number(),
  /** Where to call about it, as on a paper notice. */
  contactPhone: z.string(),
});
export type SubsidyNotice = z.infer<typeof subsidyNoticeSchema>;

export const publishSubsidyNotice = defineContract({
  id: 'publishSubsidyNotice',
  method: 'POST',
  path: '/staff/subsidy-notices',
  summary: '区里把一个补贴项目已复审通过的申请公示（默认7天），公示在后台生成；支持 Idempotency-Key',
  auth: ['staff'],
  body: z.strictObject({
    programmeId: ulidSchema,
    contactPhone: z.string().check(z.trim(), z.regex(/^[\d-]{7,20}$/, '请填写监督电话')),
  }),
  response: z.object({ notice: subsidyNoticeSchema }),
  successStatus: 202,
  errors: [400, 401, 403, 404, 409],
});

export const listStaffSubsidyNotices = defineContract({
  id: 'listStaffSubsidyNotices',
  method: 'GET',
  path: '/staff/subsidy-notices',
  summary: '辖区内的公示，新的在前，含每份公示待处理的反映',
  auth: ['staff', 'finance'],
  response: z.object({ items: z.array(z.object({ ...subsidyNoticeSchema.shape, openObjections: z.number(), paymentBatchId: z.optional(z.string()) })) }),
  errors: [401, 403],
});

export const noticeLineSchema = z.object({
  lineNo: z.number(),
  communityName: z.string(),
  maskedName: z.string(),
  subsidyName: z.string(),
  months: z.string(),
  amountFen: z.number(),
  /** Someone raised a question about this line: its payment waits until the district has looked. */
  held: z.boolean(),
});

export const listPublicSubsidyNotices = defineContract({
  id: 'listPublicSubsidyNotices',
  method: 'GET',
  path: '/public/subsidy-notices',
  summary: '补贴公示（无需登录）：正在公示和近30天结束的公示',
  auth: 'public',
  response: z.object({ items: z.array(subsidyNoticeSchema) }),
  errors: [],
});

export const getPublicSubsidyNotice = defineContract({
  id: 'getPublicSubsidyNotice',
  method: 'GET',
  path: '/public/subsidy-notices/{id}',
  summary: '一份补贴公示的名单（无需登录）：社区、姓名（只显示姓）、补贴、月份、金额，每页 50 行；从不显示身份证号和电话',
  auth: 'public',
  params: idParams,
  query: cursorQuery,
  response: z.object({ notice: subsidyNoticeSchema, lines: z.array(noticeLineSchema), nextCursor: z.optional(z.string()) }),
  errors: [400, 404],
});

export const raiseSubsidyObjection = defineContract({
  id: 'raiseSubsidyObjection',
  method: 'POST',
  path: '/public/subsidy-notices/{id}/objections',
  summary: '对公示中的一行反映问题（无需登录）：这一行暂缓发放，区里核实后处理',
  auth: 'public',
  params: idParams,
  body: z.strictObject({
    lineNo: z.number().check(z.int('请选择名单中的一行'), z.gte(1, '请选择名单中的一行'), z.lte(100_000, '没有这一行')),
    what: z.string().check(z.trim(), z.minLength(5, '请写明反映的问题，至少5个字'), z.maxLength(500, '最多500字')),
    contact: z.string().check(z.trim(), z.minLength(2, '请留下联系方式，方便核实'), z.maxLength(50, '联系方式最多50个字')),
  }),
  response: z.object({ objection: z.object({ id: z.string(), lineNo: z.number(), receivedAt: z.string() }) }),
  successStatus: 201,
  errors: [400, 404, 409, 429],
});

export const subsidyObjectionSchema = z.object({
  id: z.string(),
  noticeId: z.string(),
  lineNo: z.number(),
  applicationId: z.string(),
  what: z.string(),
  contact: z.string(),
  status: z.enum(['open', 'upheld', 'dismissed']),
  receivedAt: z.string(),
  resolvedAt: z.optional(z.string()),
  resolution: z.optional(z.string()),
});

export const listSubsidyObjections = defineContract({
  id: 'listSubsidyObjections',
  method: 'GET',
  path: '/staff/subsidy-notices/{id}/objections',
  summary: '一份公示收到的反映',
  auth: ['staff'],
  params: idParams,
  response: z.object({ items: z.array(subsidyObjectionSchema) }),
  errors: [401, 403, 404],
});

export const resolveSubsidyObjection = defineContract({
  id: 'resolveSubsidyObjection',
  method: 'POST',
  path: '/staff/subsidy-objections/{id}/resolve',
  summary: '区里处理一条反映：属实 → 这份申请不予发放（理由申请人能看到）；不属实 → 恢复发放',
  auth: ['staff'],
  params: idParams,
  body: z.strictObject({ upheld: z.boolean(), resolution: reasonSchema }),
  response: z.object({ objection: subsidyObjectionSchema }),
  errors: [400, 401, 403, 404, 409],
});

// ── Finance: payment ──────────────────────────────────────────────────────────────────────────

export const subsidyPaymentSchema = z.object({
  id: z.string(),
  noticeId: z.string(),
  programmeId: z.string(),
  programmeName: z.string(),
  areaCode: z.string(),
  /** Building: its lines are being put together (a minute or so for a large notice); then approved. */
  status: z.enum(['building', 'approved']),
  lineCount: z.number(),
  amountFen: z.number(),
  paidFen: z.number(),
  failedFen: z.number(),
  approvedAt: z.string(),
});

export const approveSubsidyPayment = defineContract({
  id: 'approveSubsidyPayment',
  method: 'POST',
  path: '/staff/subsidy-notices/{id}/payment',
  summary: '财务审批拨付：公示结束后，名单中没有待处理反映的申请（及改正账户后重新发放的）生成拨付批次；支持 Idempotency-Key',
  auth: ['finance'],
  params: idParams,
  response: z.object({ payment: subsidyPaymentSchema }),
  successStatus: 201,
  errors: [401, 403, 404, 409],
});

export const subsidyPayoutFile = defineContract({
  id: 'subsidyPayoutFile',
  method: 'GET',
  path: '/staff/subsidy-payments/{id}/payout.csv',
  summary: '补贴拨付文件（交银行），每次下载记入审计',
  auth: ['finance'],
  params: idParams,
  response: z.object({ fileName: z.string(), content: z.string() }),
  produces: 'text/csv',
  errors: [401, 403, 404],
});

export const importSubsidyBankResults = defineContract({
  id: 'importSubsidyBankResults',
  method: 'POST',
  path: '/staff/subsidy-payments/{id}/bank-results',
  summary: '导入银行回盘文件：每行标记已发放或失败（失败写明原因，申请人改正账户后重新发放）；同一文件再导入不重复记账',
  auth: ['finance'],
  params: idParams,
  body: z.strictObject({ fileText: z.string().check(z.minLength(1, '请选择银行回盘文件'), z.maxLength(5_000_000, '文件过大')) }),
  response: z.object({ payment: subsidyPaymentSchema, paid: z.number(), failed: z.number(), unchanged: z.number() }),
  errors: [400, 401, 403, 404, 409],
});

export const subsidyReconciliationSchema = z.object({
  programmeId: z.string(),
  name: z.string(),
  reservedFen: z.number(),
  approvedFen: z.number(),
  onNoticeFen: z.number(),
  heldFen: z.number(),
  clearedFen: z.number(),
  payingFen: z.number(),
  paidFen: z.number(),
  failedFen: z.number(),
  differenceFen: z.number(),
  missingRows: z.array(z.string()),
});
