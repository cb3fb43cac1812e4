// 公益性岗位 (issue 31, R20–R23): the street registers a post developed in its area (WF-31) or one a
// unit brings to its desk, or the unit applies from its own phone; the street checks it on site and the district confirms it in the review
// queue (type `welfare_post`); confirmed posts are the area's reserve; a specialist places a
// case's person into one as the safety net, with the term's dates.
import * as z from 'zod/mini';
import { WELFARE_FUNDING, WELFARE_POST_KINDS, WELFARE_POST_STATUSES } from '../domain/welfarePosts';
import { defineContract, ulidSchema } from './contract';

const dateSchema = z.iso.date({ message: '日期格式应为 2026-12-08' });

export const welfarePostBodySchema = z.strictObject({
  unitName: z.string().check(z.trim(), z.minLength(2, '请填写用人单位'), z.maxLength(50, '最多50个字')),
  title: z.string().check(z.trim(), z.minLength(2, '请填写岗位名称'), z.maxLength(30, '最多30个字')),
  duties: z.string().check(z.trim(), z.minLength(4, '请写明工作内容'), z.maxLength(300, '最多300个字')),
  /** Where the work is: a community (12 digits) or the street (9). */
  areaCode: z.string().check(z.regex(/^\d{9}(\d{3})?$/, '请选择岗位所在的街道或社区')),
  seats: z.number().check(z.int('请输入整数'), z.gte(1, '至少1个名额'), z.lte(200, '最多200个名额')),
  funding: z.enum(WELFARE_FUNDING, { message: '请选择资金来源' }),
  kind: z.enum(WELFARE_POST_KINDS, { message: '请选择岗位类别' }),
  forHardToEmploy: z.boolean({ message: '请确认是否主要安置就业困难人员' }),
  publicInterest: z.boolean({ message: '请确认是否为公共利益服务' }),
  monthlyWageFen: z.number().check(z.int('金额以分为单位，须为整数'), z.gte(0), z.lte(10_000_000, '金额过高，请核对')),
});
export type WelfarePostBody = z.infer<typeof welfarePostBodySchema>;

export const welfarePostSchema = z.object({
  id: z.string(),
  unitName: z.string(),
  title: z.string(),
  duties: z.string(),
  areaCode: z.string(),
  areaName: z.string(),
  seats: z.number(),
  filled: z.number(),
  funding: z.enum(WELFARE_FUNDING),
  fundingName: z.string(),
  kind: z.enum(WELFARE_POST_KINDS),
  kindName: z.string(),
  monthlyWageFen: z.number(),
  status: z.enum(WELFARE_POST_STATUSES),
  statusName: z.string(),
  reason: z.optional(z.string()),
  placements: z.array(z.object({ caseId: z.string(), personName: z.string(), from: z.string(), until: z.string() })),
  createdAt: z.string(),
});
export type WelfarePost = z.infer<typeof welfarePostSchema>;

export const createWelfarePost = defineContract({
  id: 'createWelfarePost',
  method: 'POST',
  path: '/staff/welfare-posts',
  summary: '登记公益性岗位（街道开发的，或用人单位到窗口申请的）：按三项条件检查后交街道实地核查、区级确认',
  auth: ['staff'],
  body: welfarePostBodySchema,
  response: z.object({ post: welfarePostSchema }),
  successStatus: 201,
  errors: [400, 401, 403, 404],
});

export const listWelfarePosts = defineContract({
  id: 'listWelfarePosts',
  method: 'GET',
  path: '/staff/welfare-posts',
  summary: '公益性岗位台账：辖区的岗位（status=confirmed 为可安置的岗位储备），名额和在岗人数',
  auth: ['staff'],
  query: z.strictObject({ status: z.optional(z.enum(WELFARE_POST_STATUSES)), cursor: z.optional(z.string().check(z.maxLength(400))) }),
  response: z.object({ items: z.array(welfarePostSchema), nextCursor: z.optional(z.string()) }),
  errors: [400, 401, 403],
});

export const getWelfarePost = defineContract({
  id: 'getWelfarePost',
  method: 'GET',
  path: '/staff/welfare-posts/{id}',
  summary: '一个公益性岗位和在岗人员；辖区外 → 404',
  auth: ['staff'],
  params: z.strictObject({ id: ulidSchema }),
  response: z.object({ post: welfarePostSchema }),
  errors: [401, 403, 404],
});

export const placeInWelfarePost = defineContract({
  id: 'placeInWelfarePost',
  method: 'POST',
  path: '/staff/assistance-cases/{id}/welfare-placement',
  summary: '托底安置：援助专员把援助对象安置到本辖区已确认的公益性岗位（有期限）；名额已满 → 409；支持 Idempotency-Key',
  auth: ['staff'],
  params: z.strictObject({ id: ulidSchema }),
  body: z.strictObject({ postId: ulidSchema, from: dateSchema, until: dateSchema }),
  response: z.object({ post: welfarePostSchema }),
  errors: [400, 401, 403, 404, 409],
});

export const exportWelfarePosts = defineContract({
  id: 'exportWelfarePosts',
  method: 'GET',
  path: '/staff/welfare-posts/export.csv',
  summary: '导出公益性岗位台账（CSV）：每个岗位一行，名额、在岗人数和在岗人员的期限',
  auth: ['staff'],
  produces: 'text/csv',
  response: z.object({ fileName: z.string(), content: z.string() }),
  errors: [401, 403],
});

/** What a unit fills in for its own post: everything but its name (that is the unit's). */
export const unitWelfarePostBodySchema = z.omit(welfarePostBodySchema, { unitName: true });
export type UnitWelfarePostBody = z.infer<typeof unitWelfarePostBodySchema>;

export const applyForWelfarePost = defineContract({
  id: 'applyForWelfarePost',
  method: 'POST',
  path: '/employers/{id}/welfare-posts',
  summary: '用人单位（审核通过的单位成员）在手机上申请公益性岗位认定：按三项条件检查后交岗位所在街道实地核查、区级确认',
  auth: 'user',
  params: z.strictObject({ id: ulidSchema }),
  body: unitWelfarePostBodySchema,
  response: z.object({ post: welfarePostSchema }),
  successStatus: 201,
  errors: [400, 401, 404, 409],
});

export const unitWelfarePosts = defineContract({
  id: 'unitWelfarePosts',
  method: 'GET',
  path: '/employers/{id}/welfare-posts',
  summary: '本单位申请的公益性岗位和办理进度（本单位成员），最新的在前；在岗人员姓名部分隐去',
  auth: 'user',
  params: z.strictObject({ id: ulidSchema }),
  response: z.object({ items: z.array(welfarePostSchema) }),
  errors: [401, 404],
});
