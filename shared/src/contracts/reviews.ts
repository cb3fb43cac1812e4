import * as z from 'zod/mini';
import { REVIEW_STEPS } from '../domain/jurisdiction';
import { defineContract, ulidSchema } from './contract';

/** What staff review: employer onboarding and the person applications that need a decision. */
export const REVIEW_TYPES = ['employer', 'vacancy', 'unemployment', 'hardship', 'household', 'welfare_post'] as const;
export const REVIEW_STATUSES = ['pending', 'approved', 'rejected'] as const;
export const reviewTypeLabels: Record<(typeof REVIEW_TYPES)[number], string> = {
  employer: '单位入驻',
  vacancy: '招聘岗位',
  unemployment: '失业登记',
  hardship: '就业困难人员认定',
  household: '零就业家庭认定',
  welfare_post: '公益性岗位认定',
};

export const reviewSchema = z.object({
  id: z.string(),
  type: z.enum(REVIEW_TYPES),
  subjectId: z.string(),
  subjectName: z.string(),
  /** The person a person application is about (GET /staff/people/{personId}). */
  personId: z.optional(z.string()),
  /** Filed by community staff for the person. */
  assisted: z.boolean(),
  areaCode: z.string(),
  areaName: z.string(),
  step: z.enum(REVIEW_STEPS),
  status: z.enum(REVIEW_STATUSES),
  createdAt: z.string(),
  decidedAt: z.optional(z.string()),
  decidedBy: z.optional(z.string()),
  reason: z.optional(z.string()),
});
export type Review = z.infer<typeof reviewSchema>;

export const listReviewsQuerySchema = z.strictObject({
  type: z.enum(REVIEW_TYPES),
  status: z._default(z.enum(REVIEW_STATUSES), 'pending'),
  /** Defaults to the step the caller's level decides (street or district). */
  step: z.optional(z.enum(REVIEW_STEPS)),
  cursor: z.optional(z.string().check(z.maxLength(2000))),
  limit: z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(100)), 20),
});

export const listReviews = defineContract({
  id: 'listReviews',
  method: 'GET',
  path: '/staff/reviews',
  summary: '审核队列：只含本人辖区内的申请，按提交时间排列',
  auth: ['staff'],
  query: listReviewsQuerySchema,
  response: z.object({ items: z.array(reviewSchema), nextCursor: z.optional(z.string()) }),
  errors: [400, 401, 403],
});

export const reviewIdParamsSchema = z.strictObject({ id: ulidSchema });

export const decideReviewBodySchema = z.strictObject({
    decision: z.enum(['approve', 'reject']),
    reason: z._default(z.string().check(z.trim(), z.maxLength(200, '理由最多200字')), ''),
  }).check(
  z.superRefine((v, ctx) => {
    if (v.decision === 'reject' && v.reason.length < 2) {
      ctx.addIssue({ code: 'custom', path: ['reason'], message: '不通过时请写明理由，申请人会看到' });
    }
  }),
);
export type DecideReviewBody = z.infer<typeof decideReviewBodySchema>;

export const decideReview = defineContract({
  id: 'decideReview',
  method: 'POST',
  path: '/staff/reviews/{id}/decision',
  summary: '审核决定：通过或不通过（须写理由），写入审计链',
  auth: ['staff'],
  params: reviewIdParamsSchema,
  body: decideReviewBodySchema,
  response: z.object({ review: reviewSchema }),
  errors: [400, 401, 403, 404, 409],
});
