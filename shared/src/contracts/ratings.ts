// 好差评 and complaints (issue 7): a rating once per completed service by its recipient, bad
// ratings rectified and called back, appeals decided by the level above; complaints and
// suggestions tracked to resolution.
import * as z from 'zod/mini';
import {
  COMPLAINT_KINDS,
  COMPLAINT_STATUSES,
  COMPLAINT_TOPICS,
  RATING_STATUSES,
  RATING_TAGS,
  SERVICE_TYPES,
} from '../domain/ratings';
import { defineContract, ulidSchema } from './contract';
import { areaCodeSchema } from './auth';
import { uploadKeySchema } from './uploads';

const idParams = z.strictObject({ id: ulidSchema });

/** A service is named by its type and its own id: a review, job application, interview booking, enrolment, voucher (ULIDs) or referral letter (8-character code). */
const serviceIdSchema = z.string().check(z.regex(/^([0-9A-HJKMNP-TV-Z]{26}|[0-9A-HJKMNP-TV-Z]{8})$/, '服务编号格式不对'));

export const ratingBodySchema = z.strictObject({
  serviceType: z.enum(SERVICE_TYPES),
  serviceId: serviceIdSchema,
  score: z.number().check(z.int('请选择1到5颗星'), z.gte(1, '请选择1到5颗星'), z.lte(5, '请选择1到5颗星')),
  tags: z._default(z.array(z.enum(RATING_TAGS)).check(z.maxLength(5, '最多选5个')), []),
  comment: z.optional(z.string().check(z.trim(), z.maxLength(200, '评价最多200个字'))),
});
export type RatingBody = z.infer<typeof ratingBodySchema>;

export const ratingSchema = z.object({
  id: z.string(),
  serviceType: z.enum(SERVICE_TYPES),
  serviceId: z.string(),
  /** What was rated, in words: 失业登记审核、面试：某某餐厅 厨师. */
  serviceTitle: z.string(),
  score: z.number().check(z.int()),
  tags: z.array(z.string()),
  comment: z.optional(z.string()),
  status: z.enum(RATING_STATUSES),
  /** The service point it is attributed to. */
  servicePoint: z.object({ areaCode: z.string(), areaName: z.string() }),
  createdAt: z.string(),
  /** For a bad rating: the rectification, and what the service point answered when done. */
  rectification: z.optional(z.object({ due: z.string(), status: z.enum(['open', 'done']), note: z.optional(z.string()) })),
});
export type Rating = z.infer<typeof ratingSchema>;

export const staffRatingSchema = z.extend(ratingSchema, {
  raterName: z.string(),
  /** For the call-back. */
  raterPhone: z.optional(z.string()),
  staffId: z.optional(z.string()),
  providerName: z.optional(z.string()),
  appeal: z.optional(z.object({
      reason: z.string(),
      appealedAt: z.string(),
      decision: z.enum(['pending', 'upheld', 'rejected']),
      decisionNote: z.optional(z.string()),
      decidedAt: z.optional(z.string()),
    })),
});
export type StaffRating = z.infer<typeof staffRatingSchema>;

export const createRating = defineContract({
  id: 'createRating',
  method: 'POST',
  path: '/ratings',
  summary: '评价一项已办结的服务（每项服务只能评一次，只有接受服务的人可以评）；2星及以下转为服务网点的整改任务，15个工作日内整改并回访',
  auth: 'user',
  proxy: '评价服务',
  consents: ['privacy'],
  body: ratingBodySchema,
  response: z.object({ rating: ratingSchema }),
  successStatus: 201,
  errors: [400, 401, 404, 409],
});

export const myRatings = defineContract({
  id: 'myRatings',
  method: 'GET',
  path: '/me/ratings',
  summary: '我的评价，以及可以评价还没评的服务（toRate）',
  auth: 'user',
  proxy: '查看评价',
  response: z.object({
    items: z.array(ratingSchema),
    toRate: z.array(z.object({ serviceType: z.enum(SERVICE_TYPES), serviceId: z.string(), serviceTitle: z.string(), completedAt: z.string() })),
  }),
  errors: [401],
});

export const getStaffRating = defineContract({
  id: 'getStaffRating',
  method: 'GET',
  path: '/staff/ratings/{id}',
  summary: '辖区内的一条评价：评价人（回访用）、整改和申诉情况',
  auth: ['staff'],
  params: idParams,
  response: z.object({ rating: staffRatingSchema }),
  errors: [400, 401, 403, 404],
});

export const appealRating = defineContract({
  id: 'appealRating',
  method: 'POST',
  path: '/ratings/{id}/appeal',
  summary: '服务网点对误评、恶意差评提出申诉（只限2星及以下、每条一次），由上一级核实决定',
  auth: ['staff'],
  params: idParams,
  body: z.strictObject({ reason: z.string().check(z.trim(), z.minLength(10, '请写明申诉理由，至少10个字'), z.maxLength(300, '申诉理由最多300个字')) }),
  response: z.object({ rating: staffRatingSchema }),
  errors: [400, 401, 403, 404, 409],
});

export const decideAppeal = defineContract({
  id: 'decideAppeal',
  method: 'POST',
  path: '/staff/appeals/{id}/decision',
  summary: '上一级对差评申诉作决定（id 为评价编号）：upheld 撤销评价、不计入满意率，rejected 评价保留、继续整改',
  auth: ['staff'],
  params: idParams,
  body: z.strictObject({
    decision: z.enum(['upheld', 'rejected']),
    note: z.string().check(z.trim(), z.minLength(2, '请写明核实情况'), z.maxLength(300, '核实情况最多300个字')),
  }),
  response: z.object({ rating: staffRatingSchema }),
  errors: [400, 401, 403, 404, 409],
});

// ── Complaints and suggestions ─────────────────────────────────────────────────────────────

export const complaintBodySchema = z.strictObject({
  kind: z.enum(COMPLAINT_KINDS),
  topic: z.enum(COMPLAINT_TOPICS),
  text: z.string().check(z.trim(), z.minLength(10, '请把情况写清楚，至少10个字'), z.maxLength(500, '最多500个字')),
  photoKeys: z._default(z.array(uploadKeySchema('complaints', '图片无效，请重新上传')).check(z.maxLength(3, '最多3张图片')), []),
  /** The community it is about; the caller's registered community when left out. */
  areaCode: z.optional(areaCodeSchema),
  /** Optional: the service it is about. */
  serviceType: z.optional(z.enum(SERVICE_TYPES)),
  serviceId: z.optional(serviceIdSchema),
});
export type ComplaintBody = z.infer<typeof complaintBodySchema>;

const progressSchema = z.object({ at: z.string(), status: z.enum(COMPLAINT_STATUSES), note: z.string() });

export const complaintSchema = z.object({
  id: z.string(),
  kind: z.enum(COMPLAINT_KINDS),
  topic: z.enum(COMPLAINT_TOPICS),
  text: z.string(),
  photoCount: z.number().check(z.int()),
  areaCode: z.string(),
  areaName: z.string(),
  status: z.enum(COMPLAINT_STATUSES),
  /** When an answer is due (15 working days). */
  due: z.string(),
  progress: z.array(progressSchema),
  createdAt: z.string(),
});
export type Complaint = z.infer<typeof complaintSchema>;

export const staffComplaintSchema = z.extend(complaintSchema, {
  complainantName: z.string(),
  complainantPhone: z.optional(z.string()),
  /** Five-minute links to the photos. */
  photoUrls: z.array(z.string()),
});

export const createComplaint = defineContract({
  id: 'createComplaint',
  method: 'POST',
  path: '/complaints',
  summary: '提交投诉或意见建议（可附3张图片）；由所在街道受理，15个工作日内答复',
  auth: 'user',
  consents: ['privacy'],
  body: complaintBodySchema,
  response: z.object({ complaint: complaintSchema }),
  successStatus: 201,
  errors: [400, 401, 409, 422],
});

export const myComplaints = defineContract({
  id: 'myComplaints',
  method: 'GET',
  path: '/me/complaints',
  summary: '我的投诉和意见，以及办理进度',
  auth: 'user',
  response: z.object({ items: z.array(complaintSchema) }),
  errors: [401],
});

export const getStaffComplaint = defineContract({
  id: 'getStaffComplaint',
  method: 'GET',
  path: '/staff/complaints/{id}',
  summary: '辖区内的一件投诉或意见：内容、图片、投诉人联系方式和办理进度',
  auth: ['staff'],
  params: idParams,
  response: z.object({ complaint: staffComplaintSchema }),
  errors: [400, 401, 403, 404],
});

export const complaintProgress = defineContract({
  id: 'complaintProgress',
  method: 'POST',
  path: '/staff/complaints/{id}/progress',
  summary: '记录办理进度（processing）或办结答复（resolved，同时办结待办任务）；办结后不能再改 → 409',
  auth: ['staff'],
  params: idParams,
  body: z.strictObject({
    status: z.enum(['processing', 'resolved']),
    note: z.string().check(z.trim(), z.minLength(2, '请写明办理情况'), z.maxLength(300, '最多300个字')),
  }),
  response: z.object({ complaint: staffComplaintSchema }),
  errors: [400, 401, 403, 404, 409],
});
