// Service points and visits on DynamoDB Local (issue 19): only points inside the radius, nearest
// first, at the right distance; a half hour never booked past its desks, even by 100 people at
// once; nobody holds two bookings at once; reminders written once and gone with a cancellation.
import { GetItemCommand } from 'dynamodb-toolbox/entity/actions/get';
import { QueryCommand } from 'dynamodb-toolbox/table/actions/query';
import { addCalendarDays, chinaInstant, haversineM, type ServicePointBody } from '@doorstep/shared';
import { createTestTable } from '../../../tests/support/table';
import { OutboxEntity } from '../db/entities';
import { table } from '../db/table';
import type { Principal } from '../http/session';
import { completedServicesOf, resolveService } from '../ratings/services';
import { VisitSlotEntity } from './entities';
import { createPoint, getPoint, nearbyPoints, updatePoint } from './points';
import { bookVisit, cancelVisit, listSlots, markVisit, moveVisit, myVisits, pointVisits } from './visits';

jest.setTimeout(60_000);
beforeAll(createTestTable);

const district: Principal = { userId: 'points-district', roles: ['staff'], level: 'district', areaCode: '350102' };
const otherDistrict: Principal = { userId: 'points-other', roles: ['staff'], level: 'district', areaCode: '350103' };
const community: Principal = { userId: 'points-community', roles: ['staff'], level: 'community', areaCode: '350102001001' };
const CENTRE = { lat: 26.08, lng: 119.3 };
/** A point `northM` metres north and `eastM` east of the centre. */
const offset = (northM: number, eastM: number) => ({ lat: CENTRE.lat + northM / 111_195, lng: CENTRE.lng + eastM / (111_195 * Math.cos((CENTRE.lat * Math.PI) / 180)) });
// Monday 7 December 2026, 8:00 in China: the visits below are booked from here.
const NOW = new Date('2026-12-07T00:00:00Z');
const TUESDAY = '2026-12-08';

const body = (name: string, at: { lat: number; lng: number }, desks = 5): ServicePointBody => ({
  name,
  kind: 'community_station',
  areaCode: '350102001001',
  address: '鼓东路 18 号',
  ...at,
  phone: '0591-87654321',
  hours: { workday: [{ from: '08:30', to: '12:00' }, { from: '14:00', to: '17:30' }], restDay: [] },
  services: [
    { key: 'unemployment_registration', desks },
    { key: 'policy_consultation', desks: 1 },
  ],
});

describe('service points', () => {
  it('are kept by district staff of the area only', async () => {
    await expect(createPoint(community, body('社区站', CENTRE))).rejects.toMatchObject({ statusCode: 403 });
    await expect(createPoint(otherDistrict, body('别区的站', CENTRE))).rejects.toMatchObject({ statusCode: 403 });
    const p = await createPoint(district, body('东街站', offset(5_000, 5_000)));
    await expect(updatePoint(otherDistrict, p.id, { version: 1, name: '改名' })).rejects.toMatchObject({ statusCode: 404 });
    await expect(updatePoint(district, p.id, { version: 7, name: '改名' })).rejects.toMatchObject({ statusCode: 409 });
  });

  it('near a place: only those inside the radius, nearest first, at their distance; a closed one disappears', async () => {
    const near = await createPoint(district, body('一公里站', offset(1_000, 0)));
    const edge = await createPoint(district, body('二点九公里站', offset(0, 2_900)));
    await createPoint(district, body('三点二公里站', offset(-3_200, 0)));
    const found = await nearbyPoints({ ...CENTRE, radiusKm: 3, limit: 20 });
    expect(found.items.map((i) => i.point.name)).toEqual(['一公里站', '二点九公里站']);
    for (const i of found.items) expect(Math.abs(i.distanceM - haversineM(CENTRE, i.point))).toBeLessThanOrEqual(1);
    expect(Math.abs(found.items[0]!.distanceM - 1_000)).toBeLessThan(5);
    // Paging: one a page gives the same order.
    const first = await nearbyPoints({ ...CENTRE, radiusKm: 3, limit: 1 });
    const second = await nearbyPoints({ ...CENTRE, radiusKm: 3, limit: 1, cursor: first.nextCursor! });
    expect([...first.items, ...second.items].map((i) => i.point.id)).toEqual([near.id, edge.id]);
    expect(second.nextCursor).toBeUndefined();
    // Filtered by a service none of them offers → nothing.
    expect((await nearbyPoints({ ...CENTRE, radiusKm: 3, limit: 20, service: 'training_signup' })).items).toEqual([]);
    await updatePoint(district, edge.id, { version: 1, status: 'closed' });
    expect((await nearbyPoints({ ...CENTRE, radiusKm: 3, limit: 20 })).items.map((i) => i.point.name)).toEqual(['一公里站']);
    await expect(getPoint(edge.id)).rejects.toMatchObject({ statusCode: 404 });
    // Moved: the card moves with it.
    await updatePoint(district, near.id, { version: 1, ...offset(10_000, 0) });
    expect((await nearbyPoints({ ...CENTRE, radiusKm: 3, limit: 20 })).items).toEqual([]);
  });
});

describe('visits', () => {
  let pointId: string;
  beforeAll(async () => {
    pointId = (await createPoint(district, body('预约站', offset(20_000, 20_000), 5))).id;
  });

  it('100 people booking a 5-desk half hour at once: exactly 5 get it, each with their own queue number', async () => {
    const people = Array.from({ length: 100 }, (_, i) => `visitor-${i}`);
    const results = await Promise.allSettled(people.map((p) => bookVisit(p, pointId, { service: 'unemployment_registration', date: TUESDAY, start: '09:00' }, { now: NOW })));
    const booked = results.filter((r): r is PromiseFulfilledResult<Awaited<ReturnType<typeof bookVisit>>> => r.status === 'fulfilled');
    expect(booked).toHaveLength(5);
    expect(new Set(booked.map((b) => b.value.queueNo)).size).toBe(5);
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    // Refused in words: full, or (when DynamoDB still saw a collision after every retry) try again.
    const said = new Set(refused.map((r) => `${r.reason.statusCode} ${r.reason.message}`));
    for (const s of said) expect(['409 这个时段已经约满了，请选其他时段', '409 这个时段正有很多人在约，请稍后再试一次']).toContain(s);
    const { Item } = await VisitSlotEntity.build(GetItemCommand).key({ pointId, service: 'unemployment_registration', startsAt: chinaInstant(TUESDAY, '09:00') }).options({ consistent: true }).send();
    expect(Item?.booked).toBe(5);
    const slots = await listSlots(pointId, 'unemployment_registration', TUESDAY, NOW);
    expect(slots.items.find((s) => s.start === '09:00')).toMatchObject({ capacity: 5, remaining: 0, bookable: false });
    expect(slots.items.find((s) => s.start === '09:30')).toMatchObject({ remaining: 5, bookable: true });
  });

  it('refuses a second booking of one person at the same time (another service, same half hour), and closed hours', async () => {
    await bookVisit('two-places', pointId, { service: 'unemployment_registration', date: TUESDAY, start: '10:00' }, { now: NOW });
    await expect(bookVisit('two-places', pointId, { service: 'policy_consultation', date: TUESDAY, start: '10:00' }, { now: NOW })).rejects.toMatchObject({
      statusCode: 409,
      message: '您在这个时间已经有别的预约了（办事或面试），请换一个时段',
    });
    await bookVisit('two-places', pointId, { service: 'policy_consultation', date: TUESDAY, start: '10:30' }, { now: NOW });
    await expect(bookVisit('closed', pointId, { service: 'policy_consultation', date: TUESDAY, start: '12:30' }, { now: NOW })).rejects.toMatchObject({ statusCode: 422 });
    await expect(bookVisit('closed', pointId, { service: 'policy_consultation', date: '2026-12-12', start: '09:00' }, { now: NOW })).rejects.toMatchObject({ statusCode: 422 });
    await expect(bookVisit('closed', pointId, { service: 'training_signup', date: TUESDAY, start: '09:00' }, { now: NOW })).rejects.toMatchObject({ statusCode: 422 });
    await expect(bookVisit('closed', pointId, { service: 'policy_consultation', date: addCalendarDays(TUESDAY, 20), start: '09:00' }, { now: NOW })).rejects.toMatchObject({ statusCode: 422 });
  });

  it('writes the two reminders once; moving rewrites them; cancelling drops them and frees the place', async () => {
    const remindersOf = async (visitId: string) => {
      const { Items = [] } = await table.build(QueryCommand).entities(OutboxEntity).query({ index: 'gsi1', partition: 'OUTBOX#pending' }).options({ consistent: false }).send();
      return Items.filter((m) => m.messageId.startsWith(`visit-${visitId}-`)).map((m) => m.sendAfter).sort();
    };
    const visit = await bookVisit('reminded', pointId, { service: 'policy_consultation', date: TUESDAY, start: '15:00' }, { now: NOW });
    expect(await remindersOf(visit.visitId)).toEqual([chinaInstant('2026-12-07', '15:00'), chinaInstant(TUESDAY, '14:00')]);
    const moved = await moveVisit('reminded', visit.visitId, { date: TUESDAY, start: '16:00' }, NOW);
    expect(moved.queueNo).toBe(visit.queueNo);
    expect(await remindersOf(visit.visitId)).toEqual([chinaInstant('2026-12-07', '16:00'), chinaInstant(TUESDAY, '15:00')]);
    expect((await listSlots(pointId, 'policy_consultation', TUESDAY, NOW)).items.find((s) => s.start === '15:00')?.remaining).toBe(1);
    await cancelVisit('reminded', visit.visitId, NOW);
    expect(await remindersOf(visit.visitId)).toEqual([]);
    expect((await listSlots(pointId, 'policy_consultation', TUESDAY, NOW)).items.find((s) => s.start === '16:00')?.remaining).toBe(1);
    await expect(cancelVisit('reminded', visit.visitId, NOW)).rejects.toMatchObject({ statusCode: 409 });
    await expect(cancelVisit('someone-else', visit.visitId, NOW)).rejects.toMatchObject({ statusCode: 404 });
    expect((await myVisits('reminded', NOW))[0]).toMatchObject({ status: 'cancelled', statusName: '已取消' });
  });

  it("the desk of the point's area sees the day's list and marks visits forward only", async () => {
    const visit = await bookVisit('desk-visitor', pointId, { service: 'policy_consultation', date: TUESDAY, start: '11:00' }, { now: NOW });
    const tuesdayMorning = new Date(chinaInstant(TUESDAY, '10:50'));
    await expect(pointVisits(otherDistrict, pointId, TUESDAY)).rejects.toMatchObject({ statusCode: 404 });
    await expect(markVisit(otherDistrict, visit.visitId, 'arrived', tuesdayMorning)).rejects.toMatchObject({ statusCode: 404 });
    const list = await pointVisits(community, pointId, TUESDAY, tuesdayMorning);
    expect(list.items.map((i) => i.visit.id)).toContain(visit.visitId);
    await expect(markVisit(community, visit.visitId, 'no_show', tuesdayMorning)).rejects.toMatchObject({ statusCode: 422 });
    await markVisit(community, visit.visitId, 'arrived', tuesdayMorning);
    const served = await markVisit(community, visit.visitId, 'served', tuesdayMorning);
    expect(served.status).toBe('served');
    // Served: the person finds it among the services to rate (好差评), attributed to the point's area.
    expect(await completedServicesOf('desk-visitor')).toEqual([expect.objectContaining({ serviceType: 'visit', serviceId: visit.visitId, serviceTitle: '网点办事：预约站 政策咨询' })]);
    expect(await resolveService('visit', visit.visitId)).toMatchObject({ complete: true, servicePoint: '350102001001', staffId: community.userId });
    await expect(markVisit(community, visit.visitId, 'arrived', tuesdayMorning)).rejects.toMatchObject({ statusCode: 409 });
    // Served: the half hour is free in the person's diary again.
    await bookVisit('desk-visitor', pointId, { service: 'unemployment_registration', date: TUESDAY, start: '11:00' }, { now: NOW });
  });
});
