// 零就业家庭 (issue 31, WF-26): a registered unemployed resident applies for the household on the
// phone; the street and then the district recognise it (the review queue's `household` type); the
// household ledger shows who is at zero and since when; staff record a member finding or losing
// work; the household back at zero is a task (动态清零).
import * as z from 'zod/mini';
import { MEMBER_ACTIVITIES, MEMBER_RELATIONS } from '../domain/households';
import { defineContract, ulidSchema } from './contract';
import { idNumberProblemMessages, parseIdNumber } from '../domain/idNumber';
import { personNameSchema } from './registration';
import { uploadKeySchema } from './uploads';

const memberIdNumber = z.string().check(
  z.superRefine((raw, ctx) => {
    const parsed = parseIdNumber(raw);
    if (!parsed.ok) ctx.addIssue({ code: 'custom', message: idNumberProblemMessages[parsed.problem] });
  }),
);
const yes = (message: string) => z.boolean({ message });

export const householdMemberBodySchema = z.strictObject({
  name: personNameSchema,
  idNumber: memberIdNumber,
  relation: z.enum(MEMBER_RELATIONS, { message: '请选择与您的关系' }),
  activity: z.enum(MEMBER_ACTIVITIES, { message: '请选择目前的情况' }),
  ableToWork: yes('请选择是否有劳动能力'),
  willingToWork: yes('请选择是否愿意工作'),
  stableIncome: yes('请选择是否有固定收入'),
});

export const householdBodySchema = z.strictObject({
  /** 城镇居民家庭 (the household register), condition 4. */
  urbanRegister: yes('请选择户口类型'),
  /** The applicant's own: a wage, a pension, rent (condition 3). */
  selfStableIncome: yes('请选择您本人是否有固定收入'),
  /** Everyone else in the household (the applicant is a member from their registration). */
  members: z.array(householdMemberBodySchema).check(z.maxLength(9, '最多填写9位家庭成员')),
  /** The household register (户口簿) and any proof of income. */
  evidenceKeys: z.array(uploadKeySchema('evidence', '证明材料图片无效')).check(z.minLength(1, '请上传户口簿照片'), z.maxLength(6, '最多6张图片')),
});
export type HouseholdBody = z.infer<typeof householdBodySchema>;

export const HOUSEHOLD_STATUSES = ['pending_street', 'pending_district', 'recognised', 'rejected'] as const;
export const householdStatusLabels: Record<(typeof HOUSEHOLD_STATUSES)[number], string> = {
  pending_street: '街道审核中',
  pending_district: '区级确认中',
  recognised: '已认定',
  rejected: '未通过',
};

const memberViewSchema = z.object({
  name: z.string(),
  idNumberMasked: z.string(),
  relation: z.string(),
  relationName: z.string(),
  activity: z.enum(MEMBER_ACTIVITIES),
  activityName: z.string(),
  ableToWork: z.boolean(),
  willingToWork: z.boolean(),
  stableIncome: z.boolean(),
  /** Counted by the rule: of working age (and not a student, unless the local rule counts them). */
  labour: z.boolean(),
});

export const householdSchema = z.object({
  id: z.string(),
  applicantName: z.string(),
  areaCode: z.string(),
  areaName: z.string(),
  urbanRegister: z.boolean(),
  members: z.array(memberViewSchema),
  status: z.enum(HOUSEHOLD_STATUSES),
  statusName: z.string(),
  reason: z.optional(z.string()),
  /** Recognised: at zero now, since when; or when a member found work. */
  atZero: z.boolean(),
  zeroSince: z.optional(z.string()),
  leftZeroOn: z.optional(z.string()),
  /** At zero again after recognition: the day a member must be placed by (动态清零). */
  clearBy: z.optional(z.string()),
  createdAt: z.string(),
  version: z.number(),
});
export type Household = z.infer<typeof householdSchema>;

export const applyForHousehold = defineContract({
  id: 'applyForHousehold',
  method: 'POST',
  path: '/me/zero-employment-households',
  summary: '登记失业人员为本户申请零就业家庭认定：家庭成员（身份证号、关系、就业情况、劳动能力和意愿、固定收入）、户口类型、户口簿照片；先按四项条件检查',
  auth: 'user',
  consents: ['privacy', 'id_number', 'hardship_evidence'],
  body: householdBodySchema,
  response: z.object({ household: householdSchema }),
  successStatus: 201,
  errors: [400, 401, 403, 409],
});

export const getMyHousehold = defineContract({
  id: 'getMyHousehold',
  method: 'GET',
  path: '/me/zero-employment-household',
  summary: '我家的零就业家庭认定：办理进度、是否仍为零就业',
  auth: 'user',
  response: z.object({ household: z.optional(householdSchema) }),
  errors: [401],
});

export const listHouseholds = defineContract({
  id: 'listHouseholds',
  method: 'GET',
  path: '/staff/households',
  summary: '零就业家庭台账：辖区内申请和认定的家庭，atZero=true 只看仍为零就业的',
  auth: ['staff'],
  query: z.strictObject({ atZero: z.optional(z.enum(['true', 'false'])), cursor: z.optional(z.string().check(z.maxLength(400))) }),
  response: z.object({ items: z.array(householdSchema), nextCursor: z.optional(z.string()) }),
  errors: [400, 401, 403],
});

export const getHousehold = defineContract({
  id: 'getHousehold',
  method: 'GET',
  path: '/staff/households/{id}',
  summary: '一户零就业家庭的成员和认定情况（身份证号部分隐去）；辖区外 → 404',
  auth: ['staff'],
  params: z.strictObject({ id: ulidSchema }),
  response: z.object({ household: householdSchema, evidence: z.array(z.object({ key: z.string(), url: z.string() })) }),
  errors: [401, 403, 404],
});

export const recordMemberActivity = defineContract({
  id: 'recordMemberActivity',
  method: 'POST',
  path: '/staff/households/{id}/members/{index}/activity',
  summary: '社区、街道工作人员记录成员就业或失业（没有账号的成员）；有人就业即脱离零就业，全部失业即回到零就业并生成动态清零任务',
  auth: ['staff'],
  params: z.strictObject({ id: ulidSchema, index: z.coerce.number().check(z.int(), z.gte(0), z.lte(9)) }),
  body: z.strictObject({ activity: z.enum(MEMBER_ACTIVITIES, { message: '请选择目前的情况' }), version: z.number().check(z.int()) }),
  response: z.object({ household: householdSchema }),
  errors: [400, 401, 403, 404, 409],
});
