// 服务网点, 预约办事 and 一次性告知 over HTTP: thin, the rules are in points.ts, visits.ts, notices.ts.
import {
  bookVisit as bookVisitContract,
  cancelVisit as cancelVisitContract,
  catalogueOn,
  createNotice as createNoticeContract,
  createServicePoint,
  getServiceCatalogue,
  getServicePoint,
  listStaffServicePoints,
  listVisitSlots,
  markVisit as markVisitContract,
  moveVisit as moveVisitContract,
  myNotices as myNoticesContract,
  myVisits as myVisitsContract,
  nearbyServicePoints,
  pointVisits as pointVisitsContract,
  todayInChina,
  updateServicePoint,
} from '@doorstep/shared';
import { httpHandler } from '../http/handler';
import { idempotencyKeyOf, idempotent } from '../http/idempotency';
import { createNotice, myNotices } from './notices';
import { createPoint, getPoint, nearbyPoints, staffPoints, updatePoint } from './points';
import { bookVisit, cancelVisit, listSlots, markVisit, moveVisit, myVisits, pointVisits, toVisitView } from './visits';

export const create = httpHandler(createServicePoint, async ({ principal, body }) => ({ point: await createPoint(principal, body) }));
export const update = httpHandler(updateServicePoint, async ({ principal, params, body }) => ({ point: await updatePoint(principal, params.id, body) }));
export const staffList = httpHandler(listStaffServicePoints, ({ principal, query }) => staffPoints(principal, query.cursor));
export const nearby = httpHandler(nearbyServicePoints, async ({ query }) => {
  const { items, nextCursor } = await nearbyPoints(query);
  return { items, ...(nextCursor ? { nextCursor } : {}) };
});
export const get = httpHandler(getServicePoint, ({ params }) => getPoint(params.id));
export const slots = httpHandler(listVisitSlots, ({ params, query }) => listSlots(params.id, query.service, query.date));

export const book = httpHandler(bookVisitContract, ({ principal, params, body, headers }) =>
  idempotent(`${principal.userId}:book-visit`, idempotencyKeyOf(headers), { pointId: params.id, ...body }, async (record) => ({
    visit: toVisitView(await bookVisit(principal.userId, params.id, body, { record })),
  })),
);
export const mine = httpHandler(myVisitsContract, async ({ principal }) => ({ items: await myVisits(principal.userId) }));
export const cancel = httpHandler(cancelVisitContract, async ({ principal, params }) => ({ visit: toVisitView(await cancelVisit(principal.userId, params.id)) }));
export const move = httpHandler(moveVisitContract, async ({ principal, params, body }) => ({ visit: toVisitView(await moveVisit(principal.userId, params.id, body)) }));
export const desk = httpHandler(pointVisitsContract, ({ principal, params, query }) => pointVisits(principal, params.id, query.date));
export const mark = httpHandler(markVisitContract, async ({ principal, params, body }) => ({ visit: toVisitView(await markVisit(principal, params.id, body.status)) }));

export const catalogue = httpHandler(getServiceCatalogue, async () => {
  const c = catalogueOn(todayInChina());
  return { version: c.version, services: c.services.map((s) => ({ ...s, conditions: [...s.conditions], documents: [...s.documents] })) };
});
export const notice = httpHandler(createNoticeContract, async ({ principal, body }) => ({ notice: await createNotice(principal, body) }));
export const notices = httpHandler(myNoticesContract, async ({ principal }) => ({ items: await myNotices(principal.userId) }));
