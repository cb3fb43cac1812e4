// 政策 and 政策找人, 政策计算器 and 你问我答 (issue 19).
import * as z from 'zod/mini';
import { ASKER_TYPES, POLICY_GROUPS, QUESTION_TOPICS } from '../domain/policies';
import { EDUCATION_LEVELS } from '../domain/registration';
import { SERVICE_KEYS } from '../domain/serviceCatalogue';
import { defineContract, ulidSchema } from './contract';

const idParams = z.strictObject({ id: ulidSchema });
const dateSchema = z.iso.date({ message: '日期格式应为 2026-12-08' });
const areaSchema = z.string().check(z.regex(/^\d{4}(\d{2})?(\d{3})?(\d{3})?$/, '请选择地区'));

export const policyRuleSchema = z.strictObject({
    groups: z.array(z.enum(POLICY_GROUPS)).check(z.maxLength(POLICY_GROUPS.length)),
    minAge: z.optional(z.number().check(z.int(), z.gte(16, '最小16岁'), z.lte(70, '最大70岁'))),
    maxAge: z.optional(z.number().check(z.int(), z.gte(16, '最小16岁'), z.lte(70, '最大70岁'))),
    gender: z.optional(z.enum(['male', 'female'])),
    minEducation: z.optional(z.enum(EDUCATION_LEVELS)),
  }).check(
  z.refine((r) => r.minAge === undefined || r.maxAge === undefined || r.minAge <= r.maxAge, { message: '最小年龄不能大于最大年龄', path: ['maxAge'] }),
);

export const policyBodySchema = z.strictObject({
    title: z.string().check(z.trim(), z.minLength(4, '请填写政策名称'), z.maxLength(60, '名称最多60个字')),
    issuer: z.string().check(z.trim(), z.minLength(2, '请填写发文单位'), z.maxLength(40, '最多40个字')),
    docNumber: z.string().check(z.trim(), z.minLength(2, '请填写文号，如 榕人社〔2026〕12号'), z.maxLength(40, '最多40个字')),
    validFrom: dateSchema,
    validUntil: dateSchema,
    summary: z.string().check(z.trim(), z.minLength(10, '请用大白话写清楚这条政策讲什么（至少10个字）'), z.maxLength(500, '最多500个字')),
    benefits: z.string().check(z.trim(), z.minLength(2, '请写明能得到什么，如 每月社保补贴 500 元'), z.maxLength(200, '最多200个字')),
    howToApply: z.string().check(z.trim(), z.minLength(2, '请写明怎么申请'), z.maxLength(300, '最多300个字')),
    service: z.optional(z.enum(SERVICE_KEYS)),
    areaCode: areaSchema,
    rule: policyRuleSchema,
  }).check(
  z.refine((p) => p.validFrom <= p.validUntil, { message: '截止日期不能早于开始日期', path: ['validUntil'] }),
);

export const policySchema = z.object({
  id: z.string(),
  title: z.string(),
  issuer: z.string(),
  docNumber: z.string(),
  validFrom: z.string(),
  validUntil: z.string(),
  summary: z.string(),
  benefits: z.string(),
  howToApply: z.string(),
  service: z.optional(z.object({ key: z.enum(SERVICE_KEYS), name: z.string(), appPage: z.optional(z.string()) })),
  areaCode: z.string(),
  areaName: z.string(),
  /** Who qualifies, in words. */
  who: z.string(),
  inForce: z.boolean(),
  status: z.enum(['published', 'withdrawn']),
  /** Staff only: how far reaching the area's registered people has got. */
  matching: z.optional(z.object({ state: z.enum(['running', 'done']), checked: z.number().check(z.int()), matched: z.number().check(z.int()) })),
});

export const publishPolicy = defineContract({
  id: 'publishPolicy',
  method: 'POST',
  path: '/staff/policies',
  summary: '区、市工作人员发布政策：名称、发文单位、文号、有效期、大白话摘要、能得到什么、怎么申请、适用人群规则；发布后系统在后台逐人匹配本地区已登记的人（进度见政策详情）',
  auth: ['staff'],
  body: policyBodySchema,
  response: z.object({ policy: policySchema }),
  successStatus: 201,
  errors: [400, 401, 403],
});

export const listStaffPolicies = defineContract({
  id: 'listStaffPolicies',
  method: 'GET',
  path: '/staff/policies',
  summary: '本辖区发布的政策（含已撤回、已过期），新的在前，附匹配进度',
  auth: ['staff'],
  response: z.object({ items: z.array(policySchema) }),
  errors: [401, 403],
});

export const getStaffPolicy = defineContract({
  id: 'getStaffPolicy',
  method: 'GET',
  path: '/staff/policies/{id}',
  summary: '一条政策和它的匹配进度（已核对多少人、找到多少人）；辖区外 404',
  auth: ['staff'],
  params: idParams,
  response: z.object({ policy: policySchema }),
  errors: [400, 401, 403, 404],
});

export const withdrawPolicy = defineContract({
  id: 'withdrawPolicy',
  method: 'POST',
  path: '/staff/policies/{id}/withdraw',
  summary: '撤回政策：立即从政策列表和每个人的“为您找到的政策”里消失；已撤回 409',
  auth: ['staff'],
  params: idParams,
  response: z.object({ policy: policySchema }),
  errors: [400, 401, 403, 404, 409],
});

export const browsePolicies = defineContract({
  id: 'browsePolicies',
  method: 'GET',
  path: '/policies',
  summary: '有效期内、适用于某地（社区代码，含上级地区发布的）的政策，可按字搜索；过期的不显示',
  auth: 'public',
  query: z.strictObject({ areaCode: z.string().check(z.regex(/^\d{12}$/, '请选择社区')), text: z.optional(z.string().check(z.trim(), z.maxLength(20, '最多20个字'))) }),
  response: z.object({ items: z.array(policySchema) }),
  errors: [400],
});

export const getPolicy = defineContract({
  id: 'getPolicy',
  method: 'GET',
  path: '/policies/{id}',
  summary: '一条有效的政策；做过求职登记的人同时看到自己是否符合、为什么',
  auth: 'user',
  proxy: '查看政策',
  params: idParams,
  response: z.object({
    policy: policySchema,
    mine: z.optional(z.object({ qualifies: z.boolean(), reasons: z.array(z.string()), unmet: z.optional(z.string()) })),
  }),
  errors: [400, 401, 404],
});

export const myPolicies = defineContract({
  id: 'myPolicies',
  method: 'GET',
  path: '/me/policies',
  summary: '为您找到的政策：按登记信息符合条件的有效政策，附符合的理由',
  auth: 'user',
  proxy: '查看为家人找到的政策',
  response: z.object({ items: z.array(z.object({ policy: policySchema, reasons: z.array(z.string()), matchedAt: z.string() })) }),
  errors: [401],
});

export const calculatePolicies = defineContract({
  id: 'calculatePolicies',
  method: 'POST',
  path: '/policy-calculator',
  summary: '政策计算器：我能享受哪些政策。useMyRecord=true 按本人求职登记算；否则按回答的几个问题算（住在哪、年龄、性别、学历、属于哪类人）',
  auth: 'user',
  proxy: '用政策计算器算一算',
  body: z.strictObject({
    useMyRecord: z.boolean(),
    areaCode: z.optional(z.string().check(z.regex(/^\d{12}$/, '请选择您住在哪个社区'))),
    age: z.optional(z.number().check(z.int(), z.gte(16, '年龄须在16岁以上'), z.lte(100))),
    gender: z.optional(z.enum(['male', 'female'])),
    education: z.optional(z.enum(EDUCATION_LEVELS)),
    groups: z.optional(z.array(z.enum(POLICY_GROUPS)).check(z.maxLength(POLICY_GROUPS.length))),
  }),
  response: z.object({
    basis: z.enum(['record', 'answers']),
    eligible: z.array(z.object({ policy: policySchema, reasons: z.array(z.string()) })),
    notEligible: z.array(z.object({ policy: policySchema, unmet: z.string() })),
  }),
  errors: [400, 401, 422],
});

export const questionSchema = z.object({
  id: z.string(),
  text: z.string(),
  topic: z.enum(QUESTION_TOPICS),
  topicName: z.string(),
  askerType: z.enum(ASKER_TYPES),
  policyId: z.optional(z.string()),
  policyTitle: z.optional(z.string()),
  due: z.string(),
  complex: z.boolean(),
  status: z.enum(['asked', 'answered']),
  answer: z.optional(z.string()),
  answeredAt: z.optional(z.string()),
  createdAt: z.string(),
});

export const askQuestion = defineContract({
  id: 'askQuestion',
  method: 'POST',
  path: '/questions',
  summary: '你问我答：问一个政策或办事的问题，3个工作日内答复（复杂问题10个工作日）；支持 Idempotency-Key',
  auth: 'user',
  proxy: '替家人提问',
  consents: ['privacy'],
  body: z.strictObject({
    text: z.string().check(z.trim(), z.minLength(5, '请把问题写清楚一点（至少5个字）'), z.maxLength(500, '最多500个字')),
    topic: z.enum(QUESTION_TOPICS, { message: '请选择问题的类别' }),
    askerType: z.enum(ASKER_TYPES, { message: '请选择您的情况' }),
    policyId: z.optional(ulidSchema),
  }),
  response: z.object({ question: questionSchema }),
  successStatus: 201,
  errors: [400, 401, 403, 404, 422],
});

export const myQuestions = defineContract({
  id: 'myQuestions',
  method: 'GET',
  path: '/me/questions',
  summary: '我问过的问题和答复，新的在前',
  auth: 'user',
  proxy: '查看问题的答复',
  response: z.object({ items: z.array(questionSchema) }),
  errors: [401],
});

export const getStaffQuestion = defineContract({
  id: 'getStaffQuestion',
  method: 'GET',
  path: '/staff/questions/{id}',
  summary: '辖区里的一个问题（从待办任务打开）；辖区外 404',
  auth: ['staff'],
  params: idParams,
  response: z.object({ question: questionSchema }),
  errors: [400, 401, 403, 404],
});

export const answerQuestion = defineContract({
  id: 'answerQuestion',
  method: 'POST',
  path: '/staff/questions/{id}/answer',
  summary: '答复问题（以“您好”开头），同时办结它的待办任务；已答复 409',
  auth: ['staff'],
  params: idParams,
  body: z.strictObject({ answer: z.string().check(
    z.trim(),
    z.minLength(10, '请把答复写完整（至少10个字）'),
    z.maxLength(1000, '最多1000个字'),
    z.refine((a) => a.startsWith('您好'), '答复请以“您好”开头'),
  ) }),
  response: z.object({ question: questionSchema }),
  errors: [400, 401, 403, 404, 409],
});

export const markQuestionComplex = defineContract({
  id: 'markQuestionComplex',
  method: 'POST',
  path: '/staff/questions/{id}/complex',
  summary: '标为复杂问题：答复期限改为提问之日起10个工作日',
  auth: ['staff'],
  params: idParams,
  response: z.object({ question: questionSchema }),
  errors: [400, 401, 403, 404, 409],
});

export const questionTopics = defineContract({
  id: 'questionTopics',
  method: 'GET',
  path: '/staff/questions/topics',
  summary: '热点问题：辖区某月的问题按类别、按提问人类型计数',
  auth: ['staff'],
  query: z.strictObject({ month: z.string().check(z.regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式应为 2026-12')) }),
  response: z.object({
    month: z.string(),
    total: z.number().check(z.int()),
    answered: z.number().check(z.int()),
    byTopic: z.array(z.object({ key: z.string(), label: z.string(), count: z.number().check(z.int()) })),
    byAsker: z.array(z.object({ key: z.string(), label: z.string(), count: z.number().check(z.int()) })),
  }),
  errors: [400, 401, 403],
});
