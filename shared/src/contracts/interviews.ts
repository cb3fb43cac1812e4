// Interview slots and bookings (issue 6, first slice): employers open slots for a vacancy; people
// who applied book one, see their interviews, and cancel.
import * as z from 'zod/mini';
import { BOOKING_CUTOFF_MINUTES, INTERVIEW_MODES } from '../domain/interviews';
import { defineContract, ulidSchema } from './contract';

const idParams = z.strictObject({ id: ulidSchema });

export const slotBodySchema = z.strictObject({
    startsAt: z.iso.datetime({ message: '请选择面试时间' }),
    durationMinutes: z.number().check(z.int(), z.gte(15, '至少15分钟'), z.lte(240, '最多4小时'), z.multipleOf(15, '按15分钟为单位')),
    capacity: z.number().check(z.int(), z.gte(1, '至少1人'), z.lte(50, '最多50人')),
    mode: z.enum(INTERVIEW_MODES),
    place: z.optional(z.string().check(z.trim(), z.minLength(2, '请写明面试地点'), z.maxLength(100, '最多100字'))),
  }).check(
  z.superRefine((v, ctx) => {
    const start = new Date(v.startsAt);
    if (start.getUTCMinutes() % 15 !== 0 || start.getUTCSeconds() !== 0 || start.getUTCMilliseconds() !== 0) {
      ctx.addIssue({ code: 'custom', path: ['startsAt'], message: '面试时间须为整点、15分、30分或45分' });
    } else if (start.getTime() <= Date.now() + BOOKING_CUTOFF_MINUTES * 60_000) {
      ctx.addIssue({ code: 'custom', path: ['startsAt'], message: '面试时间须在两小时以后' });
    }
    if (v.mode === 'onsite' && !v.place) ctx.addIssue({ code: 'custom', path: ['place'], message: '现场面试请写明地点' });
  }),
);
export type SlotBody = z.infer<typeof slotBodySchema>;

export const interviewSlotSchema = z.object({
  id: z.string(),
  vacancyId: z.string(),
  startsAt: z.string(),
  durationMinutes: z.number().check(z.int()),
  capacity: z.number().check(z.int()),
  remaining: z.number().check(z.int()),
  mode: z.enum(INTERVIEW_MODES),
  place: z.optional(z.string()),
  /** Only for the employer's members; people see it on their booking. */
  roomUrl: z.optional(z.string()),
  booked: z.optional(z.number().check(z.int())),
  bookable: z.boolean(),
});

export const interviewBookingSchema = z.object({
  id: z.string(),
  slotId: z.string(),
  vacancyId: z.string(),
  startsAt: z.string(),
  durationMinutes: z.number().check(z.int()),
  status: z.enum(['booked', 'cancelled']),
  mode: z.optional(z.enum(INTERVIEW_MODES)),
  place: z.optional(z.string()),
  /** The video room, while the booking stands. */
  roomUrl: z.optional(z.string()),
  vacancyTitle: z.optional(z.string()),
  employerName: z.optional(z.string()),
  outcome: z.optional(z.enum(['attended', 'no_show', 'hired', 'not_hired'])),
  /** Booked by community staff for the person. */
  assisted: z.boolean(),
  createdAt: z.string(),
});
export type InterviewBooking = z.infer<typeof interviewBookingSchema>;
export type InterviewSlot = z.infer<typeof interviewSlotSchema>;

export const openInterviewSlot = defineContract({
  id: 'openInterviewSlot',
  method: 'POST',
  path: '/vacancies/{id}/interview-slots',
  summary: '单位为岗位开放面试时段（时间、时长、人数、方式）',
  auth: 'user',
  params: idParams,
  body: slotBodySchema,
  response: z.object({ slot: interviewSlotSchema }),
  successStatus: 201,
  errors: [400, 401, 404],
});

export const listInterviewSlots = defineContract({
  id: 'listInterviewSlots',
  method: 'GET',
  path: '/vacancies/{id}/interview-slots',
  summary: '岗位的面试时段和剩余名额（单位成员和应聘过的人可见）',
  auth: 'user',
  proxy: '查看面试时间',
  params: idParams,
  response: z.object({ items: z.array(interviewSlotSchema) }),
  errors: [401, 404],
});

export const bookInterview = defineContract({
  id: 'bookInterview',
  method: 'POST',
  path: '/interview-slots/{id}/bookings',
  summary: '应聘过的人预约面试时段（约满或时间冲突返回 409；开始前两小时截止）；支持 Idempotency-Key',
  auth: 'user',
  proxy: '预约面试',
  consents: ['privacy'],
  params: idParams,
  response: z.object({ booking: interviewBookingSchema }),
  successStatus: 201,
  errors: [401, 403, 404, 409, 422],
});

export const cancelInterview = defineContract({
  id: 'cancelInterview',
  method: 'DELETE',
  path: '/bookings/{id}',
  summary: '取消自己的面试预约（面试开始前）',
  auth: 'user',
  proxy: '取消面试预约',
  params: idParams,
  response: z.object({ booking: interviewBookingSchema }),
  errors: [401, 404, 409, 422],
});

export const vacancyInterviewBookings = defineContract({
  id: 'vacancyInterviewBookings',
  method: 'GET',
  path: '/vacancies/{id}/interview-bookings',
  summary: '单位查看岗位的面试预约：姓名、电话、以往爽约次数，用于记录面试结果',
  auth: 'user',
  params: idParams,
  response: z.object({
    items: z.array(
      z.object({
        booking: interviewBookingSchema,
        person: z.object({ name: z.string(), phone: z.string(), noShows: z.number().check(z.int()), attended: z.number().check(z.int()) }),
      }),
    ),
  }),
  errors: [401, 404],
});

export const assistedInterviewBooking = defineContract({
  id: 'assistedInterviewBooking',
  method: 'POST',
  path: '/staff/interview-slots/{id}/bookings',
  summary: '社区工作人员代辖区内已应聘或被推荐的人预约面试（代办，留有记录）；支持 Idempotency-Key',
  auth: ['staff'],
  params: idParams,
  body: z.strictObject({ personId: z.string().check(z.minLength(1), z.maxLength(64)) }),
  response: z.object({ booking: interviewBookingSchema }),
  successStatus: 201,
  errors: [400, 401, 403, 404, 409, 422],
});

export const myInterviews = defineContract({
  id: 'myInterviews',
  method: 'GET',
  path: '/me/interviews',
  summary: '我的面试预约，按时间先后',
  auth: 'user',
  proxy: '查看我的面试',
  response: z.object({ items: z.array(interviewBookingSchema) }),
  errors: [401],
});

export const rescheduleInterview = defineContract({
  id: 'rescheduleInterview',
  method: 'POST',
  path: '/bookings/{id}/reschedule',
  summary: '改约到同一岗位的另一个时段（一步完成：新时段约满或时间冲突返回 409，原预约不变）',
  auth: 'user',
  proxy: '改约面试时间',
  params: idParams,
  body: z.strictObject({ slotId: ulidSchema }),
  response: z.object({ booking: interviewBookingSchema }),
  errors: [400, 401, 404, 409, 422],
});

export const INTERVIEW_OUTCOMES = ['attended', 'no_show', 'hired', 'not_hired'] as const;
export const interviewOutcomeLabels: Record<(typeof INTERVIEW_OUTCOMES)[number], string> = {
  attended: '已参加面试',
  no_show: '未到场',
  hired: '已录用',
  not_hired: '未录用',
};

export const recordInterviewOutcome = defineContract({
  id: 'recordInterviewOutcome',
  method: 'POST',
  path: '/bookings/{id}/outcome',
  summary: '单位在面试开始后记录结果（只记一次）：未到场计入本人记录；录用则由社区一周后回访',
  auth: 'user',
  params: idParams,
  body: z.strictObject({ outcome: z.enum(INTERVIEW_OUTCOMES) }),
  response: z.object({ booking: interviewBookingSchema }),
  errors: [400, 401, 404, 409, 422],
});
