// 零工 (issue 21): odd jobs near home — post, find on a map, take a place, done, pay, ratings,
// reports; the station's staff see their area's jobs, post for walk-ins and handle disputes.
import * as z from 'zod/mini';
import { GIG_KINDS, GIG_MAX_HOURS, GIG_PAY_METHODS, GIG_PAY_UNITS, GIG_STATUSES, GIG_TAKE_STATUSES } from '../domain/gigs';
import { mobileSchema, personNameSchema, residenceSchema } from './registration';
import { defineContract, ulidSchema } from './contract';

const idParams = z.strictObject({ id: ulidSchema });
const takeParams = z.strictObject({ id: ulidSchema, workerId: z.string().check(z.minLength(1), z.maxLength(64)) });
const hhmm = z.string().check(z.regex(/^([01]\d|2[0-3]):[0-5]\d$/, '时间格式应为 14:00'));

export const gigWhenSchema = z.discriminatedUnion(
  'type',
  [
    z.strictObject({ type: z.literal('scheduled'), date: z.iso.date({ message: '日期格式应为 2026-12-08' }), from: hhmm, to: hhmm }).check(
      z.superRefine((w, ctx) => {
        if (w.to <= w.from) ctx.addIssue({ code: 'custom', path: ['to'], message: '结束时间须晚于开始时间' });
        const [fh, fm] = w.from.split(':').map(Number);
        const [th, tm] = w.to.split(':').map(Number);
        if (th! * 60 + tm! - (fh! * 60 + fm!) > GIG_MAX_HOURS * 60) ctx.addIssue({ code: 'custom', path: ['to'], message: `一天最多${GIG_MAX_HOURS}小时` });
      }),
    ),
    z.strictObject({ type: z.literal('asap'), hours: z.number().check(z.int('请填整数小时'), z.gte(1, '至少1小时'), z.lte(GIG_MAX_HOURS, `最多${GIG_MAX_HOURS}小时`)) }),
  ],
  { message: '请选择什么时候干' },
);

export const gigBodySchema = z.strictObject({
  kind: z.enum(GIG_KINDS, { message: '请选择活儿的种类' }),
  title: z.string().check(z.trim(), z.minLength(4, '请用几个字说清是什么活，如：修厨房水龙头'), z.maxLength(30, '最多30个字')),
  detail: z.optional(z.string().check(z.trim(), z.maxLength(300, '最多300个字'))),
  place: residenceSchema,
  when: gigWhenSchema,
  payFen: z.number({ message: '请填写报酬' }).check(
    z.int('报酬以分计，须为整数'),
    z.gte(100, '报酬至少1元'),
    z.lte(10_000_00, '报酬最多1万元'),
  ),
  payUnit: z.enum(GIG_PAY_UNITS, { message: '请选择按次、按小时还是按天' }),
  places: z.number({ message: '请填写要几个人' }).check(z.int(), z.gte(1, '至少1人'), z.lte(20, '最多20人')),
  /** Post as the unit (its member): reviewed before it goes live, as vacancies are. */
  employerId: z.optional(ulidSchema),
});
export type GigBody = z.infer<typeof gigBodySchema>;

/** A walk-in's job posted by station staff: the person's name and phone come with it. */
export const assistedGigBodySchema = z.extend(z.omit(gigBodySchema, { employerId: true }), { contactName: personNameSchema, contactPhone: mobileSchema });

export const gigSchema = z.object({
  id: z.string(),
  kind: z.enum(GIG_KINDS),
  kindName: z.string(),
  title: z.string(),
  detail: z.optional(z.string()),
  place: z.object({ lat: z.number(), lng: z.number(), address: z.string(), areaCode: z.string(), areaName: z.string() }),
  when: z.union([z.object({ type: z.literal('scheduled'), date: z.string(), from: z.string(), to: z.string() }), z.object({ type: z.literal('asap'), hours: z.number() })]),
  whenText: z.string(),
  payFen: z.number().check(z.int()),
  payUnit: z.enum(GIG_PAY_UNITS),
  payText: z.string(),
  places: z.number().check(z.int()),
  taken: z.number().check(z.int()),
  status: z.enum(GIG_STATUSES),
  postedAs: z.enum(['person', 'employer', 'staff']),
  employerName: z.optional(z.string()),
  lastDay: z.string(),
  createdAt: z.string(),
});
export type Gig = z.infer<typeof gigSchema>;

const ratingSchema = z.object({ score: z.number().check(z.int()), comment: z.optional(z.string()), at: z.string() });
export const gigTakeSchema = z.object({
  gigId: z.string(),
  workerId: z.string(),
  status: z.enum(GIG_TAKE_STATUSES),
  startsAt: z.string(),
  endsAt: z.string(),
  takenAt: z.string(),
  objectionUntil: z.optional(z.string()),
  doneAt: z.optional(z.string()),
  objection: z.optional(z.string()),
  pay: z.optional(z.object({ amountFen: z.number().check(z.int()), method: z.enum(GIG_PAY_METHODS), at: z.string() })),
  ratingOfWorker: z.optional(ratingSchema),
  ratingOfPoster: z.optional(ratingSchema),
  /** The worker, for the poster (after the match only). */
  worker: z.optional(z.object({ name: z.string(), phone: z.string() })),
});
export type GigTake = z.infer<typeof gigTakeSchema>;

export const createGig = defineContract({
  id: 'createGig',
  method: 'POST',
  path: '/gigs',
  summary: '发布零工：个人发布自动检查（歧视性内容、报酬不低于当地小时最低工资、联系电话）后立即上线，由所在地零工驿站事后核查；以单位名义发布的先审核',
  auth: 'user',
  proxy: '发布零工',
  consents: ['privacy'],
  body: gigBodySchema,
  response: z.object({ gig: gigSchema }),
  successStatus: 201,
  errors: [400, 401, 403, 404, 422],
});

const gigContactSchema = z.object({ name: z.string(), phoneMasked: z.string(), verifiedAt: z.string() });

export const getGigContact = defineContract({
  id: 'getGigContact',
  method: 'GET',
  path: '/gigs/contact',
  summary: '没有做求职登记的人发布零工用的联系人（称呼和微信验证过的手机号，脱敏）',
  auth: 'user',
  response: z.object({ contact: z.optional(gigContactSchema) }),
  errors: [401],
});

export const verifyGigContact = defineContract({
  id: 'verifyGigContact',
  method: 'POST',
  path: '/gigs/contact',
  summary: '用微信手机号（getPhoneNumber 的 code）验证发布零工的联系电话，并留下称呼；没有求职登记也能发布零工',
  auth: 'user',
  consents: ['privacy'],
  body: z.strictObject({
    code: z.string().check(z.trim(), z.minLength(1, '请点“用微信手机号验证”'), z.maxLength(200)),
    name: z.string().check(z.trim(), z.minLength(1, '请填写怎么称呼您，如：王女士'), z.maxLength(20, '称呼最多20个字')),
  }),
  response: z.object({ contact: gigContactSchema }),
  errors: [400, 401, 403, 503],
});

export const nearbyGigsQuerySchema = z.strictObject({
  lat: z.coerce.number().check(z.gte(3, '纬度不在中国境内'), z.lte(54, '纬度不在中国境内')),
  lng: z.coerce.number().check(z.gte(73, '经度不在中国境内'), z.lte(136, '经度不在中国境内')),
  radiusKm: z._default(z.coerce.number().check(z.gte(0.5, '范围至少0.5公里'), z.lte(20, '范围最多20公里')), 3),
  kind: z.optional(z.enum(GIG_KINDS)),
  /** Jobs on this day (ASAP jobs are on every day they are shown). */
  date: z.optional(z.iso.date({ message: '日期格式应为 2026-12-08' })),
  limit: z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(50)), 20),
  cursor: z.optional(z.string().check(z.maxLength(200))),
});

export const nearbyGigs = defineContract({
  id: 'nearbyGigs',
  method: 'GET',
  path: '/gigs/nearby',
  summary: '附近的零工：半径内（默认3公里）还有空位的零工，按距离排序；可按种类、日期筛选（不含任何个人信息）',
  auth: 'public',
  query: nearbyGigsQuerySchema,
  response: z.object({ items: z.array(z.object({ gig: gigSchema, distanceM: z.number().check(z.int()) })), nextCursor: z.optional(z.string()) }),
  errors: [400],
});

export const getGig = defineContract({
  id: 'getGig',
  method: 'GET',
  path: '/gigs/{id}',
  summary: '一条零工：发布人看到接单的人和电话；接单的人看到发布人的电话；其他人看不到任何电话',
  auth: 'user',
  proxy: '查看零工',
  params: idParams,
  response: z.object({
    gig: gigSchema,
    role: z.enum(['poster', 'worker', 'other']),
    takes: z.array(gigTakeSchema),
    contact: z.optional(z.object({ name: z.string(), phone: z.string() })),
  }),
  errors: [400, 401, 404],
});

export const takeGig = defineContract({
  id: 'takeGig',
  method: 'POST',
  path: '/gigs/{id}/takes',
  summary: '我来做：占一个名额（先到先得，名额满 409）；同一时间已接了别的活 409；未满16周岁、未满18周岁的夜间活 422；支持 Idempotency-Key',
  auth: 'user',
  proxy: '接零工',
  consents: ['privacy'],
  params: idParams,
  response: z.object({ take: gigTakeSchema }),
  successStatus: 201,
  errors: [400, 401, 403, 404, 409, 422],
});

export const cancelGigTake = defineContract({
  id: 'cancelGigTake',
  method: 'POST',
  path: '/gigs/{id}/takes/{workerId}/cancel',
  summary: '开工前不做了（接单的人）或不用来了（发布人）：名额空出来给别人',
  auth: 'user',
  params: takeParams,
  response: z.object({ take: gigTakeSchema }),
  errors: [400, 401, 404, 409, 422],
});

export const gigDone = defineContract({
  id: 'gigDone',
  method: 'POST',
  path: '/gigs/{id}/takes/{workerId}/done',
  summary: '完工：发布人确认即完工；接单的人报完工，发布人24小时内可提出异议，不提即算完工',
  auth: 'user',
  params: takeParams,
  response: z.object({ take: gigTakeSchema }),
  errors: [400, 401, 404, 409],
});

export const objectGigDone = defineContract({
  id: 'objectGigDone',
  method: 'POST',
  path: '/gigs/{id}/takes/{workerId}/objection',
  summary: '发布人对“已完工”提出异议（24小时内）：交所在地零工驿站在5个工作日内调解',
  auth: 'user',
  params: takeParams,
  body: z.strictObject({ reason: z.string().check(z.trim(), z.minLength(4, '请写明哪里没做好'), z.maxLength(200, '最多200个字')) }),
  response: z.object({ take: gigTakeSchema }),
  errors: [400, 401, 404, 409],
});

export const recordGigPay = defineContract({
  id: 'recordGigPay',
  method: 'POST',
  path: '/gigs/{id}/takes/{workerId}/pay',
  summary: '接单的人记下拿到的报酬（金额和方式），完工后记一次；计入灵活就业收入',
  auth: 'user',
  params: takeParams,
  body: z.strictObject({
    amountFen: z.number({ message: '请填写拿到多少钱' }).check(
      z.int('金额以分计，须为整数'),
      z.gte(0, '金额不能是负数'),
      z.lte(10_000_00, '金额最多1万元'),
    ),
    method: z.enum(GIG_PAY_METHODS, { message: '请选择怎么付的' }),
  }),
  response: z.object({ take: gigTakeSchema }),
  errors: [400, 401, 404, 409, 422],
});

export const rateGig = defineContract({
  id: 'rateGig',
  method: 'POST',
  path: '/gigs/{id}/takes/{workerId}/rating',
  summary: '完工后互相评价：发布人评接单的人，接单的人评发布人，各一次',
  auth: 'user',
  params: takeParams,
  body: z.strictObject({ score: z.number({ message: '请打分' }).check(z.int(), z.gte(1, '请打1到5分'), z.lte(5, '请打1到5分')), comment: z.optional(z.string().check(z.trim(), z.maxLength(200, '最多200个字'))) }),
  response: z.object({ take: gigTakeSchema }),
  errors: [400, 401, 404, 409, 422],
});

export const closeGig = defineContract({
  id: 'closeGig',
  method: 'POST',
  path: '/gigs/{id}/close',
  summary: '发布人不再招人（已接单的照常）',
  auth: 'user',
  params: idParams,
  response: z.object({ gig: gigSchema }),
  errors: [400, 401, 404, 409],
});

export const myGigs = defineContract({
  id: 'myGigs',
  method: 'GET',
  path: '/me/gigs',
  summary: '我发布的零工和我接的零工；接零工完工的天数（灵活就业天数）和记下的收入',
  auth: 'user',
  proxy: '查看零工',
  response: z.object({
    posted: z.array(gigSchema),
    taken: z.array(z.object({ gig: gigSchema, take: gigTakeSchema })),
    flexibleDays: z.number().check(z.int()),
    incomeFen: z.number().check(z.int()),
  }),
  errors: [401],
});

export const reportGig = defineContract({
  id: 'reportGig',
  method: 'POST',
  path: '/gigs/{id}/reports',
  summary: '举报对方（发布人或接单的人）：交所在地零工驿站5个工作日内处理；成立3次的人不能再发布零工',
  auth: 'user',
  params: idParams,
  body: z.strictObject({ workerId: z.optional(z.string().check(z.minLength(1), z.maxLength(64))), reason: z.string().check(z.trim(), z.minLength(4, '请写明发生了什么'), z.maxLength(300, '最多300个字')) }),
  response: z.object({ reportId: z.string() }),
  successStatus: 201,
  errors: [400, 401, 404, 409],
});

const staffGigSchema = z.extend(gigSchema, { contactName: z.string(), contactPhone: z.string(), checked: z.boolean() });

export const staffGigs = defineContract({
  id: 'staffGigs',
  method: 'GET',
  path: '/staff/gigs',
  summary: '辖区的零工（新发布的在前），含发布人联系方式和是否已核查；给出零工驿站（pointId）时，是驿站周围3公里内还没结束的零工，近的在前',
  auth: ['staff'],
  query: z.strictObject({ cursor: z.optional(z.string().check(z.maxLength(400))), pointId: z.optional(ulidSchema) }),
  response: z.object({ items: z.array(z.extend(staffGigSchema, { distanceM: z.optional(z.number().check(z.int())) })), nextCursor: z.optional(z.string()) }),
  errors: [400, 401, 403, 404],
});

export const stationWorkersSchema = z.object({
  userId: z.string(),
  name: z.string(),
  phone: z.string(),
  /** Jobs taken around the station among its recent ones, and how many of them were done. */
  taken: z.number().check(z.int()),
  done: z.number().check(z.int()),
  /** The posters' ratings of this worker, averaged (1–5), when any. */
  rating: z.optional(z.number()),
  lastAt: z.string(),
});

export const stationWorkers = defineContract({
  id: 'stationWorkers',
  method: 'GET',
  path: '/staff/gig-stations/{id}/workers',
  summary: '零工驿站周围接过活的人：驿站所在街道、驿站3公里内最近200条零工的接活人，接了几次、完工几次、发布人的评分；每看一人记入访问记录',
  auth: ['staff'],
  params: idParams,
  response: z.object({ items: z.array(stationWorkersSchema) }),
  errors: [400, 401, 403, 404],
});

export const postGigForPerson = defineContract({
  id: 'postGigForPerson',
  method: 'POST',
  path: '/staff/gigs',
  summary: '零工驿站帮上门的人发布零工（留下其姓名和电话），辖区内',
  auth: ['staff'],
  body: assistedGigBodySchema,
  response: z.object({ gig: gigSchema }),
  successStatus: 201,
  errors: [400, 401, 403, 422],
});

export const assistGigTake = defineContract({
  id: 'assistGigTake',
  method: 'POST',
  path: '/staff/gigs/{id}/takes',
  summary: '驿站电话联系好的人，凭身份证号替他接下这个活（辖区内的人和活；与本人接单同样的名额、时间和年龄规则）；号码放在请求体中',
  auth: ['staff'],
  params: idParams,
  body: z.strictObject({ idNumber: z.string().check(z.trim(), z.minLength(15, '请输入身份证号'), z.maxLength(18, '请输入身份证号')) }),
  response: z.object({ take: gigTakeSchema }),
  successStatus: 201,
  errors: [400, 401, 403, 404, 409, 422],
});

export const checkGig = defineContract({
  id: 'checkGig',
  method: 'POST',
  path: '/staff/gigs/{id}/check',
  summary: '驿站核查零工：没问题（单位发布的即上线）或下架（写明原因，告知发布人）；辖区外 404',
  auth: ['staff'],
  params: idParams,
  body: z.discriminatedUnion('decision', [
    z.strictObject({ decision: z.literal('ok') }),
    z.strictObject({ decision: z.literal('take_down'), reason: z.string().check(z.trim(), z.minLength(4, '请写明下架原因'), z.maxLength(200)) }),
  ]),
  response: z.object({ gig: gigSchema }),
  errors: [400, 401, 403, 404, 409],
});

export const gigReportSchema = z.object({
  id: z.string(),
  gigId: z.string(),
  gigTitle: z.string(),
  /** `report`: misconduct (upheld ones count towards suspension); `dispute`: the poster objected to a completion. */
  kind: z.enum(['report', 'dispute']),
  against: z.enum(['poster', 'worker']),
  againstName: z.string(),
  reason: z.string(),
  status: z.enum(['open', 'upheld', 'dismissed']),
  note: z.optional(z.string()),
  due: z.string(),
  createdAt: z.string(),
});

export const staffGigReports = defineContract({
  id: 'staffGigReports',
  method: 'GET',
  path: '/staff/gig-reports',
  summary: '辖区的零工举报和完工异议，待处理的在前',
  auth: ['staff'],
  response: z.object({ items: z.array(gigReportSchema) }),
  errors: [401, 403],
});

export const decideGigReport = defineContract({
  id: 'decideGigReport',
  method: 'POST',
  path: '/staff/gig-reports/{id}/decision',
  summary: '处理举报：成立或不成立，写明经过；成立满3次的人不能再发布零工；办结待办',
  auth: ['staff'],
  params: idParams,
  body: z.strictObject({ upheld: z.boolean({ message: '请选择举报是否成立' }), note: z.string().check(z.trim(), z.minLength(4, '请写明核实经过'), z.maxLength(300)) }),
  response: z.object({ report: gigReportSchema }),
  errors: [400, 401, 403, 404, 409],
});
