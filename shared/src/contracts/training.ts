// Training (issue 6): training institutions publish courses; people find them near home, sign up
// (seats, then an ordered waitlist), cancel before the deadline, pay with a training voucher that
// is redeemed on completion; the institution keeps the roster and records completions; a survey
// of training needs is counted by area for staff.
import * as z from 'zod/mini';
import { todayInChina } from '../domain/idNumber';
import { COURSE_LEVELS, COURSE_TYPES, ENROLMENT_STATUSES, NEED_TIMES } from '../domain/training';
import { VOUCHER_TARGET_GROUPS } from '../domain/vouchers';
import { defineContract, ulidSchema } from './contract';
import { residenceSchema } from './registration';
import { areaCodeSchema } from './auth';
import { NEARBY_MAX_KM } from './vacancies';

const idParams = z.strictObject({ id: ulidSchema });
const dateSchema = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, '请选择日期'));

const scheduleSchema = z.strictObject({
  startsOn: dateSchema,
  endsOn: dateSchema,
  /** When the classes are, in words: 每周一至周五 上午9:00—12:00. */
  timetable: z.string().check(z.trim(), z.minLength(2, '请写明上课时间'), z.maxLength(60, '上课时间最多60个字')),
  /** Class days, for attendance and the completion threshold. */
  days: z.number().check(z.int('课时天数须为整数'), z.gte(1, '至少1天'), z.lte(365, '最多365天')),
});

const courseFields = {
  providerId: ulidSchema,
  title: z.string().check(z.trim(), z.minLength(2, '班级名称至少2个字'), z.maxLength(30, '班级名称最多30个字')),
  occupationName: z.string().check(z.trim(), z.minLength(1, '请填写培训工种'), z.maxLength(20, '工种最多20个字')),
  level: z.enum(COURSE_LEVELS),
  type: z.enum(COURSE_TYPES),
  schedule: scheduleSchema,
  place: residenceSchema,
  seats: z.number().check(z.int('名额须为整数'), z.gte(1, '至少1个名额'), z.lte(500, '最多500个名额')),
  feeFen: z.number().check(z.int('金额以分为单位，须为整数'), z.gte(0, '费用不能为负数'), z.lte(10_000_000, '费用过高，请核对')),
  /** Voucher programmes whose training vouchers pay for it (redeemed on completion). */
  acceptedProgrammeIds: z._default(z.array(ulidSchema).check(z.maxLength(5, '最多5种就业券')), []),
  /** A subsidised course only for these groups; empty: open to everyone. */
  eligibleGroups: z._default(z.array(z.enum(VOUCHER_TARGET_GROUPS)).check(z.maxLength(VOUCHER_TARGET_GROUPS.length)), []),
  materials: z._default(z.array(z.string().check(z.trim(), z.minLength(1), z.maxLength(30, '每项材料最多30个字'))).check(
    z.maxLength(10, '最多10项材料'),
  ), []),
  signUpDeadline: dateSchema,
};

export const courseBodySchema = z.strictObject(courseFields).check(
  z.refine((c) => c.schedule.endsOn >= c.schedule.startsOn, { path: ['schedule', 'endsOn'], message: '结束日期不能早于开班日期' }),
  z.refine((c) => c.signUpDeadline <= c.schedule.startsOn, { path: ['signUpDeadline'], message: '报名截止日期不能晚于开班日期' }),
  z.refine((c) => c.signUpDeadline >= todayInChina(), { path: ['signUpDeadline'], message: '报名截止日期已过' }),
);
export type CourseBody = z.infer<typeof courseBodySchema>;

export const courseSchema = z.object({
  id: z.string(),
  providerId: z.string(),
  providerName: z.string(),
  title: z.string(),
  occupationName: z.string(),
  level: z.enum(COURSE_LEVELS),
  type: z.enum(COURSE_TYPES),
  schedule: z.object({ startsOn: z.string(), endsOn: z.string(), timetable: z.string(), days: z.number().check(z.int()) }),
  place: z.extend(residenceSchema, { areaName: z.string() }),
  seats: z.number().check(z.int()),
  enrolled: z.number().check(z.int()),
  waiting: z.number().check(z.int()),
  feeFen: z.number().check(z.int()),
  acceptedProgrammes: z.array(z.object({ id: z.string(), name: z.string() })),
  eligibleGroups: z.array(z.enum(VOUCHER_TARGET_GROUPS)),
  materials: z.array(z.string()),
  signUpDeadline: z.string(),
  /** Sign-up (and cancelling) still open today. */
  open: z.boolean(),
});
export type Course = z.infer<typeof courseSchema>;

export const createCourse = defineContract({
  id: 'createCourse',
  method: 'POST',
  path: '/courses',
  summary: '培训机构发布培训班（工种、等级、类型、时间、地点、名额、费用、可用的培训券、所需材料、报名截止）',
  auth: 'user',
  body: courseBodySchema,
  response: z.object({ course: courseSchema }),
  successStatus: 201,
  errors: [400, 401, 403, 422],
});

export const getCourse = defineContract({
  id: 'getCourse',
  method: 'GET',
  path: '/courses/{id}',
  summary: '培训班详情，含剩余名额和候补人数',
  auth: 'user',
  proxy: '查看培训班',
  params: idParams,
  response: z.object({ course: courseSchema }),
  errors: [401, 404],
});

export const nearbyCoursesQuerySchema = z.strictObject({
  lat: z.coerce.number().check(z.gte(3, '纬度不在中国境内'), z.lte(54, '纬度不在中国境内')),
  lng: z.coerce.number().check(z.gte(73, '经度不在中国境内'), z.lte(136, '经度不在中国境内')),
  radiusKm: z._default(z.coerce.number().check(z.gte(0.5, '范围至少0.5公里'), z.lte(NEARBY_MAX_KM, `范围最多${NEARBY_MAX_KM}公里`)), 3),
  occupation: z.optional(z.string().check(z.trim(), z.maxLength(20))),
  limit: z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(50)), 20),
  cursor: z.optional(z.string().check(z.maxLength(200))),
});

export const nearbyCourses = defineContract({
  id: 'nearbyCourses',
  method: 'GET',
  path: '/courses/nearby',
  summary: '附近的培训班：半径内还能报名的培训班，按距离排序，可按工种筛选',
  auth: 'user',
  proxy: '查看附近的培训班',
  query: nearbyCoursesQuerySchema,
  response: z.object({ items: z.array(z.object({ course: courseSchema, distanceM: z.number().check(z.int()) })), nextCursor: z.optional(z.string()) }),
  errors: [400, 401],
});

export const providerCourses = defineContract({
  id: 'providerCourses',
  method: 'GET',
  path: '/providers/{id}/courses',
  summary: '本机构的培训班（机构成员）',
  auth: 'user',
  params: idParams,
  response: z.object({ items: z.array(courseSchema) }),
  errors: [401, 404],
});

export const institutionProgrammes = defineContract({
  id: 'institutionProgrammes',
  method: 'GET',
  path: '/providers/{id}/programmes',
  summary: '本培训机构可以收的培训券（已批准、对培训机构、覆盖本机构所在地），发布培训班时选用',
  auth: 'user',
  params: idParams,
  response: z.object({ items: z.array(z.object({ id: z.string(), name: z.string(), serviceName: z.string(), faceValueFen: z.number().check(z.int()) })) }),
  errors: [401, 403],
});

export const enrolmentSchema = z.object({
  id: z.string(),
  courseId: z.string(),
  courseTitle: z.string(),
  providerName: z.string(),
  startsOn: z.string(),
  signUpDeadline: z.string(),
  status: z.enum(ENROLMENT_STATUSES),
  /** For a waitlisted sign-up: 1 is next in line. */
  position: z.optional(z.number().check(z.int())),
  voucher: z.optional(z.object({
      id: z.string(),
      programmeName: z.string(),
      faceValueFen: z.number().check(z.int()),
      /** reserved at sign-up; redeemed on completion; released if the sign-up ends otherwise. */
      state: z.enum(['reserved', 'redeemed', 'released', 'not_redeemed']),
      note: z.optional(z.string()),
    })),
  attendedDays: z.optional(z.number().check(z.int())),
  /** Community staff signed the person up (assisted mode). */
  assisted: z.boolean(),
  createdAt: z.string(),
});
export type Enrolment = z.infer<typeof enrolmentSchema>;

export const enrolBodySchema = z.strictObject({
  /** A claimed training voucher of the person's to pay with; redeemed when they complete. */
  voucherId: z.optional(ulidSchema),
  /** Assisted mode: community staff sign up a person of their jurisdiction. */
  personId: z.optional(z.string().check(z.minLength(1), z.maxLength(64))),
});

export const enrol = defineContract({
  id: 'enrol',
  method: 'POST',
  path: '/courses/{id}/enrolments',
  summary: '报名培训班：有名额即报上，满员进入候补并按先后递补；重复报名 409；补贴班核对人员类别；可用培训券（结业时核销）；支持 Idempotency-Key',
  auth: 'user',
  proxy: '报名培训',
  consents: ['privacy'],
  params: idParams,
  body: enrolBodySchema,
  response: z.object({ enrolment: enrolmentSchema }),
  successStatus: 201,
  errors: [400, 401, 403, 404, 409, 422],
});

export const cancelEnrolment = defineContract({
  id: 'cancelEnrolment',
  method: 'DELETE',
  path: '/enrolments/{id}',
  summary: '取消报名（报名截止前）或退出候补（任何时候）；空出的名额给候补第一位',
  auth: 'user',
  proxy: '取消培训报名',
  params: idParams,
  response: z.object({ enrolment: enrolmentSchema }),
  errors: [401, 404, 409, 422],
});

export const myEnrolments = defineContract({
  id: 'myEnrolments',
  method: 'GET',
  path: '/me/enrolments',
  summary: '我的培训报名，新的在前',
  auth: 'user',
  proxy: '查看我的培训',
  response: z.object({ items: z.array(enrolmentSchema) }),
  errors: [401],
});

export const rosterEntrySchema = z.object({
  enrolment: enrolmentSchema,
  person: z.object({ name: z.string(), phone: z.string() }),
});

export const courseRoster = defineContract({
  id: 'courseRoster',
  method: 'GET',
  path: '/courses/{id}/roster',
  summary: '培训班花名册：报上名、候补（按先后）、已结业的学员（机构成员）',
  auth: 'user',
  params: idParams,
  response: z.object({ course: courseSchema, items: z.array(rosterEntrySchema) }),
  errors: [401, 404],
});

export const completionBodySchema = z.strictObject({
  enrolmentId: ulidSchema,
  result: z.enum(['completed', 'not_completed']),
  attendedDays: z.number().check(z.int('出勤天数须为整数'), z.gte(0, '出勤天数不能为负数'), z.lte(365)),
  /** The certificate number, when the course awards one. */
  certificateNo: z.optional(z.string().check(z.trim(), z.maxLength(40))),
});

export const recordCompletion = defineContract({
  id: 'recordCompletion',
  method: 'POST',
  path: '/courses/{id}/completions',
  summary: '机构记录学员结业结果（一次）：结业时核销其培训券（就业券台账），并在三个月后由社区回访就业情况；支持 Idempotency-Key',
  auth: 'user',
  params: idParams,
  body: completionBodySchema,
  response: z.object({ enrolment: enrolmentSchema }),
  errors: [400, 401, 404, 409, 422],
});

export const trainingNeedBodySchema = z.strictObject({
  occupations: z.array(z.string().check(z.trim(), z.minLength(1, '工种不能为空'), z.maxLength(20, '每个工种最多20个字'))).check(
    z.minLength(1, '请至少填一个想学的工种'),
    z.maxLength(3, '最多填3个工种'),
  ),
  type: z.enum(COURSE_TYPES),
  time: z.enum(NEED_TIMES),
});

export const submitTrainingNeed = defineContract({
  id: 'submitTrainingNeed',
  method: 'POST',
  path: '/training-needs',
  summary: '培训需求调查：想学的工种、培训类型、方便的时间（每人一份，可修改；按居住地统计）',
  auth: 'user',
  proxy: '填写培训意愿',
  consents: ['privacy'],
  body: trainingNeedBodySchema,
  response: z.object({ need: z.extend(trainingNeedBodySchema, { areaCode: z.string(), updatedAt: z.string() }) }),
  successStatus: 201,
  errors: [400, 401, 403],
});

const countSchema = z.array(z.object({ value: z.string(), label: z.string(), count: z.number().check(z.int()) }));

export const staffTrainingNeeds = defineContract({
  id: 'staffTrainingNeeds',
  method: 'GET',
  path: '/staff/training-needs',
  summary: '辖区培训需求汇总：填报人数，按工种、培训类型、时间统计',
  auth: ['staff'],
  query: z.strictObject({ areaCode: areaCodeSchema }),
  response: z.object({ areaCode: z.string(), areaName: z.string(), total: z.number().check(z.int()), occupations: countSchema, types: countSchema, times: countSchema }),
  errors: [400, 401, 404],
});
