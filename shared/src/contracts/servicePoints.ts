// 服务网点 and 预约办事 (issue 19): the points of the 3-km circle, visits booked by the half hour,
// the desk's day list, and 一次性告知 (the catalogue and a person's own slip).
import * as z from 'zod/mini';
import { POINT_KINDS, VISIT_STATUSES, VISIT_BOOKING_DAYS } from '../domain/servicePoints';
import { SERVICE_KEYS } from '../domain/serviceCatalogue';
import { HARDSHIP_CATEGORIES } from '../domain/personRules';
import { defineContract, ulidSchema } from './contract';

const idParams = z.strictObject({ id: ulidSchema });
const hhmm = z.string().check(z.regex(/^([01]\d|2[0-3]):[0-5]\d$/, '时间格式应为 08:30'));
const periodSchema = z.strictObject({ from: hhmm, to: hhmm }).check(
  z.refine((p) => p.from !== p.to, { message: '开门和下班时间不能相同', path: ['to'] }),
);
const hoursSchema = z.strictObject({
  workday: z.array(periodSchema).check(z.maxLength(4, '每天最多4个时段')),
  restDay: z.array(periodSchema).check(z.maxLength(4, '每天最多4个时段')),
});
const dateSchema = z.iso.date({ message: '日期格式应为 2026-12-08' });

export const servicePointBodySchema = z.strictObject({
  name: z.string().check(z.trim(), z.minLength(2, '请填写网点名称'), z.maxLength(40, '名称最多40个字')),
  kind: z.enum(POINT_KINDS, { message: '请选择网点类型' }),
  areaCode: z.string().check(z.regex(/^\d{9}(\d{3})?$/, '请选择所在街道或社区')),
  address: z.string().check(z.trim(), z.minLength(2, '请填写详细地址'), z.maxLength(100, '地址最多100个字')),
  lat: z.number().check(z.gte(3, '纬度不在中国境内'), z.lte(54, '纬度不在中国境内')),
  lng: z.number().check(z.gte(73, '经度不在中国境内'), z.lte(136, '经度不在中国境内')),
  phone: z.string().check(z.regex(/^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/, '请填写手机号或带区号的座机号')),
  hours: hoursSchema,
  services: z.array(z.strictObject({ key: z.enum(SERVICE_KEYS), desks: z.number().check(z.int(), z.gte(1, '至少1个窗口'), z.lte(20, '最多20个窗口')) })).check(
    z.minLength(1, '请至少选择一项服务'),
    z.maxLength(SERVICE_KEYS.length),
    z.refine((s) => new Set(s.map((x) => x.key)).size === s.length, '同一项服务只能填一次'),
  ),
});
export type ServicePointBody = z.infer<typeof servicePointBodySchema>;

const documentSchema = z.object({ code: z.string(), label: z.string(), when: z.optional(z.string()) });
export const catalogueServiceSchema = z.object({
  key: z.enum(SERVICE_KEYS),
  name: z.string(),
  summary: z.string(),
  conditions: z.array(z.string()),
  documents: z.array(documentSchema),
  appPage: z.optional(z.string()),
  minutes: z.number().check(z.int()),
});

export const openingSchema = z.object({ open: z.boolean(), today: z.string(), status: z.string() });

export const servicePointSchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(POINT_KINDS),
  kindName: z.string(),
  areaCode: z.string(),
  areaName: z.string(),
  address: z.string(),
  lat: z.number(),
  lng: z.number(),
  phone: z.string(),
  hours: hoursSchema,
  services: z.array(z.object({ key: z.enum(SERVICE_KEYS), name: z.string(), desks: z.number().check(z.int()) })),
  status: z.enum(['open', 'closed']),
  version: z.number().check(z.int()),
  opening: openingSchema,
});
export type ServicePoint = z.infer<typeof servicePointSchema>;

export const createServicePoint = defineContract({
  id: 'createServicePoint',
  method: 'POST',
  path: '/staff/service-points',
  summary: '区、市工作人员设立服务网点：位置、开放时间、提供的服务和每项服务的窗口数',
  auth: ['staff'],
  body: servicePointBodySchema,
  response: z.object({ point: servicePointSchema }),
  successStatus: 201,
  errors: [400, 401, 403, 404],
});

export const updateServicePoint = defineContract({
  id: 'updateServicePoint',
  method: 'PATCH',
  path: '/staff/service-points/{id}',
  summary: '修改网点（带上读到的 version；别人先改了返回 409）；status=closed 停止服务，不再出现在附近网点里',
  auth: ['staff'],
  params: idParams,
  body: z.extend(z.partial(servicePointBodySchema), { version: z.number().check(z.int(), z.gte(1)), status: z.optional(z.enum(['open', 'closed'])) }),
  response: z.object({ point: servicePointSchema }),
  errors: [400, 401, 403, 404, 409],
});

export const listStaffServicePoints = defineContract({
  id: 'listStaffServicePoints',
  method: 'GET',
  path: '/staff/service-points',
  summary: '本辖区的服务网点（社区、街道工作人员用来打开自己网点的预约名单）',
  auth: ['staff'],
  query: z.strictObject({ cursor: z.optional(z.string().check(z.maxLength(300))) }),
  response: z.object({ items: z.array(servicePointSchema), nextCursor: z.optional(z.string()) }),
  errors: [400, 401, 403],
});

export const nearbyServicePointsQuerySchema = z.strictObject({
  lat: z.coerce.number().check(z.gte(3, '纬度不在中国境内'), z.lte(54, '纬度不在中国境内')),
  lng: z.coerce.number().check(z.gte(73, '经度不在中国境内'), z.lte(136, '经度不在中国境内')),
  radiusKm: z._default(z.coerce.number().check(z.gte(0.5, '范围至少0.5公里'), z.lte(20, '范围最多20公里')), 3),
  service: z.optional(z.enum(SERVICE_KEYS)),
  limit: z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(50)), 20),
  cursor: z.optional(z.string().check(z.maxLength(200))),
});

export const nearbyServicePoints = defineContract({
  id: 'nearbyServicePoints',
  method: 'GET',
  path: '/service-points/nearby',
  summary: '附近的服务网点：半径内（默认3公里）开放的网点，按距离排序，附今天的开放时间；可按服务筛选',
  auth: 'public',
  query: nearbyServicePointsQuerySchema,
  response: z.object({ items: z.array(z.object({ point: servicePointSchema, distanceM: z.number().check(z.int()) })), nextCursor: z.optional(z.string()) }),
  errors: [400],
});

export const getServicePoint = defineContract({
  id: 'getServicePoint',
  method: 'GET',
  path: '/service-points/{id}',
  summary: '一个网点：开放时间、提供的服务，以及每项服务要带的材料（一次性告知）',
  auth: 'public',
  params: idParams,
  response: z.object({ point: servicePointSchema, catalogue: z.object({ version: z.string(), services: z.array(catalogueServiceSchema) }) }),
  errors: [400, 404],
});

export const visitSlotSchema = z.object({ start: z.string(), startsAt: z.string(), capacity: z.number().check(z.int()), remaining: z.number().check(z.int()), bookable: z.boolean() });

export const listVisitSlots = defineContract({
  id: 'listVisitSlots',
  method: 'GET',
  path: '/service-points/{id}/slots',
  summary: '某天某项服务的预约时段（每半小时，名额 = 窗口数）和剩余名额；只能约今天起14天内',
  auth: 'public',
  params: idParams,
  query: z.strictObject({ service: z.enum(SERVICE_KEYS, { message: '请选择要办的事' }), date: dateSchema }),
  response: z.object({ date: z.string(), closed: z.boolean(), items: z.array(visitSlotSchema) }),
  errors: [400, 404, 422],
});

export const visitSchema = z.object({
  id: z.string(),
  pointId: z.string(),
  pointName: z.string(),
  pointAddress: z.string(),
  service: z.enum(SERVICE_KEYS),
  serviceName: z.string(),
  date: z.string(),
  start: z.string(),
  startsAt: z.string(),
  queueNumber: z.string(),
  status: z.enum(VISIT_STATUSES),
  statusName: z.string(),
  assisted: z.boolean(),
  createdAt: z.string(),
});
export type Visit = z.infer<typeof visitSchema>;

const slotChoice = z.strictObject({ date: dateSchema, start: hhmm });

export const bookVisit = defineContract({
  id: 'bookVisit',
  method: 'POST',
  path: '/service-points/{id}/visits',
  summary: `预约到网点办事：选服务、日期（${VISIT_BOOKING_DAYS}天内）和半小时时段 → 排队号；约满或同一时间已有预约 → 409；支持 Idempotency-Key`,
  auth: 'user',
  proxy: '预约到网点办事',
  consents: ['privacy'],
  params: idParams,
  body: z.extend(slotChoice, { service: z.enum(SERVICE_KEYS, { message: '请选择要办的事' }) }),
  response: z.object({ visit: visitSchema }),
  successStatus: 201,
  errors: [400, 401, 403, 404, 409, 422],
});

export const myVisits = defineContract({
  id: 'myVisits',
  method: 'GET',
  path: '/me/visits',
  summary: '我的预约：还没到的在前（按时间），之后是办过的',
  auth: 'user',
  proxy: '查看我的预约',
  response: z.object({ items: z.array(visitSchema) }),
  errors: [401],
});

export const cancelVisit = defineContract({
  id: 'cancelVisit',
  method: 'DELETE',
  path: '/visits/{id}',
  summary: '取消自己的预约（开始前）：名额还回去，提醒不再发',
  auth: 'user',
  proxy: '取消预约',
  params: idParams,
  response: z.object({ visit: visitSchema }),
  errors: [400, 401, 404, 409, 422],
});

export const moveVisit = defineContract({
  id: 'moveVisit',
  method: 'POST',
  path: '/visits/{id}/move',
  summary: '改约到同一网点同一服务的另一个时段（一步完成：新时段约满返回 409，原预约不变）',
  auth: 'user',
  proxy: '改约办事时间',
  params: idParams,
  body: slotChoice,
  response: z.object({ visit: visitSchema }),
  errors: [400, 401, 404, 409, 422],
});

export const pointVisits = defineContract({
  id: 'pointVisits',
  method: 'GET',
  path: '/staff/service-points/{id}/visits',
  summary: '网点当天（或某天）的预约名单，按时段和排队号；辖区外的网点 404',
  auth: ['staff'],
  params: idParams,
  query: z.strictObject({ date: z.optional(dateSchema) }),
  response: z.object({
    date: z.string(),
    items: z.array(z.object({ visit: visitSchema, person: z.object({ id: z.string(), name: z.string(), phone: z.string() }) })),
  }),
  errors: [400, 401, 403, 404],
});

export const markVisit = defineContract({
  id: 'markVisit',
  method: 'POST',
  path: '/staff/visits/{id}/status',
  summary: '窗口登记：已到达、已办结（之后本人可以评价）、未到场（时段开始后）；只能往前走',
  auth: ['staff'],
  params: idParams,
  body: z.strictObject({ status: z.enum(['arrived', 'served', 'no_show'], { message: '请选择办理情况' }) }),
  response: z.object({ visit: visitSchema }),
  errors: [400, 401, 403, 404, 409, 422],
});

export const getServiceCatalogue = defineContract({
  id: 'getServiceCatalogue',
  method: 'GET',
  path: '/service-catalogue',
  summary: '一次性告知目录：每项服务的办理条件和要带的材料（当前版本）',
  auth: 'public',
  response: z.object({ version: z.string(), services: z.array(catalogueServiceSchema) }),
  errors: [],
});

export const noticeSchema = z.object({
  id: z.string(),
  service: z.enum(SERVICE_KEYS),
  serviceName: z.string(),
  catalogueVersion: z.string(),
  missing: z.array(documentSchema),
  unmet: z.array(z.string()),
  pointName: z.optional(z.string()),
  createdAt: z.string(),
});

export const createNotice = defineContract({
  id: 'createNotice',
  method: 'POST',
  path: '/staff/notices',
  summary: '窗口为来办事的人开一次性告知单：勾选已带的材料，列出这个人还缺的材料和没满足的条件；留存，本人在小程序里能看到',
  auth: ['staff'],
  body: z.strictObject({
    service: z.enum(SERVICE_KEYS, { message: '请选择要办的事' }),
    have: z.array(z.string().check(z.maxLength(80))).check(z.maxLength(30)),
    hardshipCategories: z.optional(z.array(z.enum(HARDSHIP_CATEGORIES)).check(z.maxLength(HARDSHIP_CATEGORIES.length))),
    personId: z.optional(z.string().check(z.minLength(1), z.maxLength(64))),
    pointId: z.optional(ulidSchema),
  }),
  response: z.object({ notice: noticeSchema }),
  successStatus: 201,
  errors: [400, 401, 403, 404],
});

export const myNotices = defineContract({
  id: 'myNotices',
  method: 'GET',
  path: '/me/notices',
  summary: '我的一次性告知单：办事还缺什么，新开的在前',
  auth: 'user',
  proxy: '查看一次性告知单',
  response: z.object({ items: z.array(noticeSchema) }),
  errors: [401],
});
