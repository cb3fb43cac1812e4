// 服务网点, 预约办事 and 一次性告知 over real HTTP (issue 19): a district sets up a point; anyone
// finds it near home with today's hours and what to bring; a resident books a half hour (a retry
// with the same Idempotency-Key is the same booking), gets a queue number, moves and cancels; the
// community desk sees the day's list (outside the area: 404), marks the visit served, and the
// person can rate it; a desk writes a person's one-time notification slip. Bad input is a 400 in
// Chinese that changes nothing; nothing answers 500.
import { addCalendarDays, todayInChina } from '@doorstep/shared';
import { apiClient } from '../support/http';
import { startApi, type RunningApi } from '../support/localStack';
import { uniqueTableName } from '../support/testConfig';
import { birthDateYearsAgo, makeIdNumber, registrationBody } from '../support/people';

jest.setTimeout(300_000);

let api: RunningApi;
let client: ReturnType<typeof apiClient>;
const tableName = uniqueTableName('points');
let district: string;
let community: string;
let otherDistrict: string;
let resident: string;
let residentId: string;
let pointId: string;
const TOMORROW = addCalendarDays(todayInChina(), 1);

const pointBody = {
  name: '鼓东街道家门口就业服务站',
  kind: 'community_station',
  areaCode: '350102001001',
  address: '鼓东路 18 号 社区服务中心一楼',
  lat: 26.0865,
  lng: 119.3001,
  phone: '0591-87654321',
  // Open every day, so that tomorrow always has slots whatever day the suite runs.
  hours: { workday: [{ from: '08:30', to: '17:30' }], restDay: [{ from: '09:00', to: '17:00' }] },
  services: [
    { key: 'unemployment_registration', desks: 2 },
    { key: 'hardship_recognition', desks: 1 },
  ],
};

beforeAll(async () => {
  api = await startApi({ tableName });
  client = apiClient(api.baseUrl);
  district = await client.devLogin('sp-district', { roles: ['staff'], level: 'district', areaCode: '350102' });
  community = await client.devLogin('sp-community', { roles: ['staff'], level: 'community', areaCode: '350102001001' });
  otherDistrict = await client.devLogin('sp-other', { roles: ['staff'], level: 'district', areaCode: '350103' });
  resident = await client.devLogin('sp-resident');
  residentId = (await client.get('/me', resident)).body.user.id;
  expect((await client.put('/me/jobseeker-registration', registrationBody({ idNumber: makeIdNumber(birthDateYearsAgo(48), 931), name: '林秀英', phone: '13700009310' }), resident)).status).toBe(200);
});

afterAll(async () => {
  await api?.stop();
});

describe('service points', () => {
  it('refuses a point that makes no sense, in Chinese, naming each field, and stores nothing', async () => {
    const bad = await client.post(
      '/staff/service-points',
      { ...pointBody, name: '', lat: 80, phone: '12', hours: { workday: [{ from: '25:00', to: '17:30' }], restDay: [] }, services: [{ key: 'unemployment_registration', desks: 0 }] },
      district,
    );
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.map((d: { path: string[] }) => d.path.join('.'))).toEqual(
      expect.arrayContaining(['name', 'lat', 'phone', 'hours.workday.0.from', 'services.0.desks']),
    );
    expect(bad.body.error.details.find((d: { path: string[] }) => d.path.join('.') === 'phone').message).toBe('请填写手机号或带区号的座机号');
    for (const raw of ['{', '[]', 'null', '"x"']) expect((await client.call('POST', '/staff/service-points', { rawBody: raw, token: district })).status).toBe(400);
    expect((await client.post('/staff/service-points', pointBody, community)).status).toBe(403);
    expect((await client.post('/staff/service-points', pointBody, resident)).status).toBe(403);
    expect((await client.get('/service-points/nearby?lat=26.0865&lng=119.3001')).body.items).toEqual([]);
  });

  it('a district sets one up; anyone finds it near home with today’s hours and what to bring', async () => {
    const created = await client.post('/staff/service-points', pointBody, district);
    expect(created.status).toBe(201);
    pointId = created.body.point.id;
    expect(created.body.point).toMatchObject({ kindName: '家门口就业服务站', areaName: expect.stringContaining('鼓东街道'), version: 1 });
    const near = await client.get('/service-points/nearby?lat=26.0855&lng=119.3001&radiusKm=3');
    expect(near.status).toBe(200);
    expect(near.body.items).toHaveLength(1);
    expect(near.body.items[0].distanceM).toBeGreaterThan(100);
    expect(near.body.items[0].distanceM).toBeLessThan(120);
    expect(near.body.items[0].point.opening.today).toMatch(/^今天 (8:30–17:30|9:00–17:00)$/);
    expect((await client.get('/service-points/nearby?lat=26.2&lng=119.3001&radiusKm=3')).body.items).toEqual([]);
    expect((await client.get('/service-points/nearby?lat=abc&lng=119&radiusKm=99')).status).toBe(400);
    const one = await client.get(`/service-points/${pointId}`);
    expect(one.body.catalogue.services.map((s: { key: string }) => s.key)).toEqual(['unemployment_registration', 'hardship_recognition']);
    expect(one.body.catalogue.services[0].documents.map((d: { label: string }) => d.label)).toContain('本人居民身份证（原件）');
    expect((await client.get('/service-points/01ARZ3NDEKTSV4RRFFQ69G5FAV')).status).toBe(404);
    expect((await client.get('/service-catalogue')).body.version).toBe('SC-2026-02');
    // The staff list of another district does not have it; a change needs the version read.
    expect((await client.get('/staff/service-points', otherDistrict)).body.items).toEqual([]);
    expect((await client.get('/staff/service-points', community)).body.items.map((p: { id: string }) => p.id)).toEqual([pointId]);
    expect((await client.call('PATCH', `/staff/service-points/${pointId}`, { body: { version: 1, name: '改名' }, token: otherDistrict })).status).toBe(404);
    expect((await client.call('PATCH', `/staff/service-points/${pointId}`, { body: { version: 9, name: '改名' }, token: district })).status).toBe(409);
  });
});

describe('visits', () => {
  let visitId: string;

  it('books a half hour once per Idempotency-Key, with a queue number; refuses what cannot be booked', async () => {
    const slots = await client.get(`/service-points/${pointId}/slots?service=unemployment_registration&date=${TOMORROW}`);
    expect(slots.status).toBe(200);
    const first = slots.body.items[0];
    expect(first).toMatchObject({ capacity: 2, remaining: 2, bookable: true });
    const headers = { 'Idempotency-Key': 'visit-once-1' };
    const body = { service: 'unemployment_registration', date: TOMORROW, start: first.start };
    const a = await client.call('POST', `/service-points/${pointId}/visits`, { body, token: resident, headers });
    const b = await client.call('POST', `/service-points/${pointId}/visits`, { body, token: resident, headers });
    expect(a.status).toBe(201);
    expect(b.body.visit.id).toBe(a.body.visit.id);
    expect(a.body.visit.queueNumber).toMatch(/^A\d{3}$/);
    visitId = a.body.visit.id;
    expect((await client.get(`/service-points/${pointId}/slots?service=unemployment_registration&date=${TOMORROW}`)).body.items[0].remaining).toBe(1);
    // The same person, the same half hour, another service → 409; a service not offered, a time closed, bad input.
    expect((await client.post(`/service-points/${pointId}/visits`, { service: 'hardship_recognition', date: TOMORROW, start: first.start }, resident)).status).toBe(409);
    expect((await client.post(`/service-points/${pointId}/visits`, { service: 'training_signup', date: TOMORROW, start: first.start }, resident)).status).toBe(422);
    expect((await client.post(`/service-points/${pointId}/visits`, { service: 'hardship_recognition', date: TOMORROW, start: '03:00' }, resident)).status).toBe(422);
    const bad = await client.post(`/service-points/${pointId}/visits`, { service: 'x', date: '2026-13-45', start: '9点' }, resident);
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.map((d: { message: string }) => d.message)).toEqual(expect.arrayContaining(['请选择要办的事', '时间格式应为 08:30']));
    expect((await client.post(`/service-points/${pointId}/visits`, body, undefined)).status).toBe(401);
  });

  it('moves and shows it in 我的预约; someone else cannot touch it', async () => {
    const slots = (await client.get(`/service-points/${pointId}/slots?service=unemployment_registration&date=${TOMORROW}`)).body.items;
    const moved = await client.post(`/visits/${visitId}/move`, { date: TOMORROW, start: slots[2].start }, resident);
    expect(moved.status).toBe(200);
    expect(moved.body.visit.start).toBe(slots[2].start);
    const mine = await client.get('/me/visits', resident);
    expect(mine.body.items[0]).toMatchObject({ id: visitId, status: 'booked', pointName: pointBody.name, serviceName: '失业登记' });
    expect((await client.call('DELETE', `/visits/${visitId}`, { token: community })).status).toBe(404);
  });

  it("the community desk sees the day's list with names; another district gets 404; no-show only once it has begun", async () => {
    const list = await client.get(`/staff/service-points/${pointId}/visits?date=${TOMORROW}`, community);
    expect(list.status).toBe(200);
    expect(list.body.items).toEqual([expect.objectContaining({ person: { id: residentId, name: '林秀英', phone: '13700009310' } })]);
    expect((await client.get(`/staff/service-points/${pointId}/visits?date=${TOMORROW}`, otherDistrict)).status).toBe(404);
    expect((await client.post(`/staff/visits/${visitId}/status`, { status: 'arrived' }, otherDistrict)).status).toBe(404);
    expect((await client.post(`/staff/visits/${visitId}/status`, { status: 'lost' }, community)).status).toBe(400);
    // Not come yet: no-show only once the half hour has begun.
    expect((await client.post(`/staff/visits/${visitId}/status`, { status: 'no_show' }, community)).status).toBe(422);
    // The look at the visitor's name is on the person's record of who looked.
    const access = await client.get('/me/data-access', resident);
    expect(access.body.items.map((i: { what: string }) => i.what)).toContain('查看预约办事人的姓名和电话');
  });

  it('cancels once: the place comes back', async () => {
    expect((await client.call('DELETE', `/visits/${visitId}`, { token: resident })).status).toBe(200);
    expect((await client.call('DELETE', `/visits/${visitId}`, { token: resident })).status).toBe(409);
    const slots = (await client.get(`/service-points/${pointId}/slots?service=unemployment_registration&date=${TOMORROW}`)).body.items;
    expect(slots.every((s: { remaining: number }) => s.remaining === 2)).toBe(true);
    expect((await client.post(`/staff/visits/${visitId}/status`, { status: 'served' }, community)).status).toBe(409);
  });

  it('served at the desk (come a day early): the person rates it once', async () => {
    const slots = (await client.get(`/service-points/${pointId}/slots?service=hardship_recognition&date=${TOMORROW}`)).body.items;
    const booked = await client.post(`/service-points/${pointId}/visits`, { service: 'hardship_recognition', date: TOMORROW, start: slots[1].start }, resident);
    expect(booked.status).toBe(201);
    const id = booked.body.visit.id;
    expect((await client.post(`/staff/visits/${id}/status`, { status: 'arrived' }, community)).body.visit.statusName).toBe('已到达，等候办理');
    expect((await client.post(`/staff/visits/${id}/status`, { status: 'served' }, community)).body.visit.status).toBe('served');
    expect((await client.post(`/staff/visits/${id}/status`, { status: 'served' }, community)).status).toBe(409);
    expect((await client.get('/me/ratings', resident)).body.toRate.map((s: { serviceId: string }) => s.serviceId)).toContain(id);
    expect((await client.post('/ratings', { serviceType: 'visit', serviceId: id, score: 5, tags: ['办事快'] }, resident)).status).toBe(201);
    expect((await client.post('/ratings', { serviceType: 'visit', serviceId: id, score: 5, tags: [] }, resident)).status).toBe(409);
  });
});

describe('一次性告知', () => {
  it("names what this person still lacks, and the person reads it in the app; outside the desk's area → 404", async () => {
    const slip = await client.post('/staff/notices', { service: 'hardship_recognition', have: ['id_card'], hardshipCategories: ['disabled'], personId: residentId, pointId }, community);
    expect(slip.status).toBe(201);
    expect(slip.body.notice.missing.map((m: { label: string }) => m.label)).toEqual(['户口簿或居住证', '残疾人证']);
    expect(slip.body.notice.unmet).toEqual(['先办理失业登记']);
    expect((await client.get('/me/notices', resident)).body.items[0]).toMatchObject({ id: slip.body.notice.id, serviceName: '就业困难人员认定', pointName: pointBody.name });
    expect((await client.post('/staff/notices', { service: 'hardship_recognition', have: [], personId: residentId }, otherDistrict)).status).toBe(404);
    expect((await client.post('/staff/notices', { service: 'nope', have: 'id_card' }, community)).status).toBe(400);
  });
});
