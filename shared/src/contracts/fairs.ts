// 招聘会 (issue 20): fairs, booths, pre-registration, signed check-in codes and 我有意向.
import * as z from 'zod/mini';
import { BOOTH_STATUSES, FAIR_KINDS, FAIR_MODES, FAIR_STATUSES } from '../domain/fairs';
import { vacancySummarySchema } from './vacancies';
import { defineContract, ulidSchema } from './contract';

const idParams = z.strictObject({ id: ulidSchema });
const dateSchema = z.iso.date({ message: '日期格式应为 2026-12-08' });
const hhmm = z.string().check(z.regex(/^([01]\d|2[0-3]):[0-5]\d$/, '时间格式应为 09:00'));

export const fairBodySchema = z.strictObject({
    title: z.string().check(z.trim(), z.minLength(4, '请填写招聘会名称'), z.maxLength(40, '名称最多40个字')),
    kind: z.enum(FAIR_KINDS, { message: '请选择招聘会类型' }),
    mode: z.enum(FAIR_MODES, { message: '请选择现场或网络' }),
    areaCode: z.string().check(z.regex(/^\d{6}(\d{3})?(\d{3})?$/, '请选择举办地区')),
    startDate: dateSchema,
    endDate: dateSchema,
    hours: z.strictObject({ from: hhmm, to: hhmm }),
    venue: z.optional(z.strictObject({
        name: z.string().check(z.trim(), z.minLength(2, '请填写场地名称'), z.maxLength(40)),
        address: z.string().check(z.trim(), z.minLength(2, '请填写场地地址'), z.maxLength(100)),
        lat: z.number().check(z.gte(3), z.lte(54)),
        lng: z.number().check(z.gte(73), z.lte(136)),
      })),
    liveUrl: z.optional(z.url({ message: '直播链接须以 https:// 开头', protocol: /^https$/ }).check(z.maxLength(300))),
    /** WeChat Channels (视频号) id of the live room, opened with wx.openChannelsLive in the mini-program. */
    liveRoomId: z.optional(z.string().check(z.trim(), z.regex(/^sph[A-Za-z0-9_-]{3,40}$/, '视频号 ID 以 sph 开头，在视频号助手里能查到'))),
    intro: z.string().check(z.trim(), z.minLength(4, '请写几句介绍'), z.maxLength(500, '最多500个字')),
    booths: z.number().check(z.int(), z.gte(1, '至少1个展位'), z.lte(1000, '最多1000个展位')),
  }).check(
  z.superRefine((f, ctx) => {
    if (f.endDate < f.startDate) ctx.addIssue({ code: 'custom', path: ['endDate'], message: '结束日期不能早于开始日期' });
    if (f.hours.to <= f.hours.from) ctx.addIssue({ code: 'custom', path: ['hours', 'to'], message: '结束时间须晚于开始时间' });
    if (f.mode === 'onsite' && !f.venue) ctx.addIssue({ code: 'custom', path: ['venue'], message: '现场招聘会请填写场地' });
  }),
);
export type FairBody = z.infer<typeof fairBodySchema>;

export const fairSchema = z.object({
  id: z.string(),
  title: z.string(),
  kind: z.enum(FAIR_KINDS),
  kindName: z.string(),
  mode: z.enum(FAIR_MODES),
  areaCode: z.string(),
  areaName: z.string(),
  startDate: z.string(),
  endDate: z.string(),
  hours: z.object({ from: z.string(), to: z.string() }),
  venue: z.optional(z.object({ name: z.string(), address: z.string(), lat: z.number(), lng: z.number() })),
  liveUrl: z.optional(z.string()),
  liveRoomId: z.optional(z.string()),
  intro: z.string(),
  booths: z.number().check(z.int()),
  accepted: z.number().check(z.int()),
  status: z.enum(FAIR_STATUSES),
  /** The working day before it opens: the venue screens carry it from then (D24). */
  screenDue: z.string(),
  screenReadyAt: z.optional(z.string()),
});
export type Fair = z.infer<typeof fairSchema>;

export const fairReceiptSchema = z.object({
  resumes: z.number().check(z.int()),
  intentions: z.number().check(z.int()),
  hires: z.number().check(z.int()),
  note: z.optional(z.string()),
  filedAt: z.string(),
});

const count = (what: string) => z.number({ message: `请填写${what}` }).check(
  z.int(`${what}须为整数`),
  z.gte(0, `${what}不能是负数`),
  z.lte(100_000, `${what}太大了，请核对`),
);
export const fairReceiptBodySchema = z.strictObject({
    resumes: count('收到简历份数'),
    intentions: count('达成意向人数'),
    hires: count('录用人数'),
    note: z.optional(z.string().check(z.trim(), z.maxLength(200, '最多200个字'))),
  }).check(
  z.superRefine((r, ctx) => {
    if (r.intentions > r.resumes) ctx.addIssue({ code: 'custom', path: ['intentions'], message: '达成意向的人数不能多于收到的简历份数' });
    if (r.hires > r.intentions) ctx.addIssue({ code: 'custom', path: ['hires'], message: '录用人数不能多于达成意向的人数' });
  }),
);

export const boothSchema = z.object({
  employerId: z.string(),
  employerName: z.string(),
  status: z.enum(BOOTH_STATUSES),
  boothNo: z.optional(z.number().check(z.int())),
  reason: z.optional(z.string()),
  vacancies: z.array(vacancySummarySchema),
  /** Accepted booths: the last day to file the receipt (5 working days after the fair). */
  receiptDue: z.optional(z.string()),
  receipt: z.optional(fairReceiptSchema),
});

export const createFair = defineContract({
  id: 'createFair',
  method: 'POST',
  path: '/staff/fairs',
  summary: '街道、区、市工作人员创建招聘会（综合或专场，现场或网络）；同时生成3个工作日内发布的待办',
  auth: ['staff'],
  body: fairBodySchema,
  response: z.object({ fair: fairSchema }),
  successStatus: 201,
  errors: [400, 401, 403],
});

export const publishFair = defineContract({
  id: 'publishFair',
  method: 'POST',
  path: '/staff/fairs/{id}/publish',
  summary: '发布招聘会（对群众可见，可报名），办结发布待办；辖区外 404，已发布 409',
  auth: ['staff'],
  params: idParams,
  response: z.object({ fair: fairSchema }),
  errors: [400, 401, 403, 404, 409],
});

export const listFairs = defineContract({
  id: 'listFairs',
  method: 'GET',
  path: '/fairs',
  summary: '某地近期已发布、还没结束的招聘会，按日期：社区、街道或区代码给覆盖它的招聘会，4位市代码给全市的（地图上按距离再筛）',
  auth: 'public',
  query: z.strictObject({ areaCode: z.string().check(z.regex(/^\d{4}(\d{2}(\d{3}(\d{3})?)?)?$/, '请选择地区')) }),
  response: z.object({ items: z.array(fairSchema) }),
  errors: [400],
});

export const getFair = defineContract({
  id: 'getFair',
  method: 'GET',
  path: '/fairs/{id}',
  summary: '招聘会详情：参会单位（已通过的展位）和它们带来的岗位；本人是否已报名、今天是否已签到、这些岗位里已投过哪些（在招聘会上或别处投的都算）',
  auth: 'user',
  proxy: '查看招聘会',
  params: idParams,
  response: z.object({ fair: fairSchema, booths: z.array(boothSchema), mine: z.object({ registered: z.boolean(), checkedInToday: z.boolean(), intended: z.array(z.string()) }) }),
  errors: [400, 401, 404],
});

export const applyForBooth = defineContract({
  id: 'applyForBooth',
  method: 'POST',
  path: '/fairs/{id}/booths',
  summary: '单位申请展位，带上本单位已发布的岗位；同一招聘会只能申请一次（409）',
  auth: ['employer'],
  params: idParams,
  body: z.strictObject({ employerId: ulidSchema, vacancyIds: z.array(ulidSchema).check(z.minLength(1, '请至少带一个岗位'), z.maxLength(20, '最多带20个岗位')) }),
  response: z.object({ booth: boothSchema }),
  successStatus: 201,
  errors: [400, 401, 403, 404, 409, 422],
});

export const decideBooth = defineContract({
  id: 'decideBooth',
  method: 'POST',
  path: '/staff/fairs/{id}/booths/{employerId}/decision',
  summary: '受理展位申请：通过（分配展位号，展位满了 409）或不通过（写明原因）；辖区外 404',
  auth: ['staff'],
  params: z.strictObject({ id: ulidSchema, employerId: ulidSchema }),
  body: z.discriminatedUnion('decision', [
    z.strictObject({ decision: z.literal('accept') }),
    z.strictObject({ decision: z.literal('refuse'), reason: z.string().check(z.trim(), z.minLength(2, '请写明不通过的原因'), z.maxLength(200)) }),
  ]),
  response: z.object({ booth: boothSchema }),
  errors: [400, 401, 403, 404, 409],
});

export const registerForFair = defineContract({
  id: 'registerForFair',
  method: 'POST',
  path: '/fairs/{id}/registrations',
  summary: '求职者预约参加招聘会；专场只接受对应人群（不符合 422，说明原因）；已报名 409',
  auth: 'user',
  proxy: '预约参加招聘会',
  consents: ['privacy'],
  params: idParams,
  response: z.object({ fairId: z.string(), registeredAt: z.string() }),
  successStatus: 201,
  errors: [400, 401, 403, 404, 409, 422],
});

export const myFairs = defineContract({
  id: 'myFairs',
  method: 'GET',
  path: '/me/fairs',
  summary: '我预约的招聘会',
  auth: 'user',
  proxy: '查看预约的招聘会',
  response: z.object({ items: z.array(fairSchema) }),
  errors: [401],
});

export const fairCheckinCode = defineContract({
  id: 'fairCheckinCode',
  method: 'GET',
  path: '/fairs/{id}/checkin-code',
  summary: '招聘会当天本人的签到码（签名，只在当天有效）；没有预约或不是举办日 422',
  auth: 'user',
  params: idParams,
  response: z.object({ code: z.string(), date: z.string() }),
  errors: [400, 401, 404, 422],
});

export const scanFairCheckin = defineContract({
  id: 'scanFairCheckin',
  method: 'POST',
  path: '/staff/fairs/{id}/checkins',
  summary: '入口扫求职者的签到码：每人每天一次（再扫 409），伪造或别的日子的码 422',
  auth: ['staff'],
  params: idParams,
  body: z.strictObject({ code: z.string().check(z.minLength(10), z.maxLength(1000)) }),
  response: z.object({ checkedIn: z.object({ userId: z.string(), name: z.string(), date: z.string() }) }),
  successStatus: 201,
  errors: [400, 401, 403, 404, 409, 422],
});

export const fairGateCode = defineContract({
  id: 'fairGateCode',
  method: 'GET',
  path: '/staff/fairs/{id}/gate-code',
  summary: '贴在入口的当天签到码（签名，只在当天有效），求职者自己扫',
  auth: ['staff'],
  params: idParams,
  response: z.object({ code: z.string(), date: z.string() }),
  errors: [400, 401, 403, 404, 422],
});

export const selfFairCheckin = defineContract({
  id: 'selfFairCheckin',
  method: 'POST',
  path: '/fairs/{id}/self-checkin',
  summary: '求职者扫入口的签到码自己签到：每天一次（409），码不对或不是今天 422',
  auth: 'user',
  proxy: '招聘会签到',
  params: idParams,
  body: z.strictObject({ gateCode: z.string().check(z.minLength(10), z.maxLength(1000)) }),
  response: z.object({ date: z.string() }),
  successStatus: 201,
  errors: [400, 401, 404, 409, 422],
});

export const fairIntention = defineContract({
  id: 'fairIntention',
  method: 'POST',
  path: '/fairs/{id}/intentions',
  summary: '我有意向：把求职登记作为简历投给招聘会上某个展位的岗位（记为来自招聘会）；已投过 409',
  auth: 'user',
  proxy: '在招聘会上投简历',
  consents: ['privacy'],
  params: idParams,
  body: z.strictObject({ vacancyId: ulidSchema }),
  response: z.object({ applicationId: z.string() }),
  successStatus: 201,
  errors: [400, 401, 403, 404, 409],
});

export const listStaffFairs = defineContract({
  id: 'listStaffFairs',
  method: 'GET',
  path: '/staff/fairs',
  summary: '本辖区的招聘会（待发布、已发布），按日期，附展位申请数',
  auth: ['staff'],
  response: z.object({ items: z.array(z.object({ fair: fairSchema, applications: z.number().check(z.int()) })) }),
  errors: [401, 403],
});

export const listFairBooths = defineContract({
  id: 'listFairBooths',
  method: 'GET',
  path: '/staff/fairs/{id}/booths',
  summary: '一个招聘会的全部展位申请（待审核在前），带每家单位的岗位；辖区外 404',
  auth: ['staff'],
  params: idParams,
  response: z.object({ fair: fairSchema, booths: z.array(boothSchema) }),
  errors: [400, 401, 403, 404],
});

export const employerFairBooths = defineContract({
  id: 'employerFairBooths',
  method: 'GET',
  path: '/employers/{id}/fair-booths',
  summary: '本单位申请过的招聘会展位（本单位成员）：审核结果、展位号、回执期限和已交的回执',
  auth: ['employer'],
  params: idParams,
  response: z.object({ items: z.array(z.object({ fair: fairSchema, booth: boothSchema })) }),
  errors: [400, 401, 403, 404],
});

export const fileFairReceipt = defineContract({
  id: 'fileFairReceipt',
  method: 'POST',
  path: '/fairs/{id}/booths/{employerId}/receipt',
  summary: '参会单位交招聘会回执（收到简历、达成意向、录用人数）：招聘会开始后可交，会后5个工作日内交；之后录用人数变了可以再交（以最后一次为准）',
  auth: ['employer'],
  params: z.strictObject({ id: ulidSchema, employerId: ulidSchema }),
  body: fairReceiptBodySchema,
  response: z.object({ booth: boothSchema }),
  errors: [400, 401, 403, 404, 409, 422],
});

export const fairScreen = defineContract({
  id: 'fairScreen',
  method: 'GET',
  path: '/fairs/{id}/screen',
  summary: '招聘会现场大屏：参会单位、展位号和岗位，今天已签到人数（公开，不含个人信息）',
  auth: 'public',
  params: idParams,
  response: z.object({ fair: fairSchema, booths: z.array(boothSchema), checkedInToday: z.number().check(z.int()), today: z.string(), updatedAt: z.string() }),
  errors: [400, 404],
});

export const markFairScreenReady = defineContract({
  id: 'markFairScreenReady',
  method: 'POST',
  path: '/staff/fairs/{id}/screen-ready',
  summary: '核对现场大屏内容后确认已备好（开始前1个工作日内），办结大屏待办；辖区外 404',
  auth: ['staff'],
  params: idParams,
  response: z.object({ fair: fairSchema }),
  errors: [400, 401, 403, 404, 409],
});

export const fairFiguresSchema = z.object({
  registered: z.number().check(z.int()),
  attendees: z.number().check(z.int()),
  employers: z.number().check(z.int()),
  posts: z.number().check(z.int()),
  intentions: z.number().check(z.int()),
  /** Intentions that became hires within 30 days of the fair's end. */
  hires: z.number().check(z.int()),
  receiptsFiled: z.number().check(z.int()),
  /** What the employers' receipts say, added up. */
  reported: z.object({ resumes: z.number().check(z.int()), intentions: z.number().check(z.int()), hires: z.number().check(z.int()) }),
});

export const getFairFigures = defineContract({
  id: 'getFairFigures',
  method: 'GET',
  path: '/fairs/{id}/figures',
  summary: '招聘会的数据：预约、到场人数，参会单位、岗位数，现场投递意向，会后30天内录用，单位回执（公开，只有人数）',
  auth: 'public',
  params: idParams,
  response: z.object({ fair: fairSchema, figures: fairFiguresSchema, hireWindowEnd: z.string(), final: z.boolean() }),
  errors: [400, 404],
});
