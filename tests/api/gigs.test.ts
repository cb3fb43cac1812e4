// 零工 over real HTTP (issue 21): a resident posts 修水龙头 for this afternoon at 100 元; bad input is
// a 400 in Chinese naming the field, never a 500; anyone finds it nearby without a name or phone;
// a worker takes it (the same Idempotency-Key twice is one take), both see each other's phone,
// the poster confirms the work, the worker records the pay, both rate once; the station of the
// place sees it, another street does not, and takes a place for someone it matched by phone; the
// figures count the matches through the stream.
import { addCalendarDays, todayInChina } from '@doorstep/shared';
import { apiClient } from '../support/http';
import { startApi, type RunningApi } from '../support/localStack';
import { consumeTableStream, until } from '../support/streams';
import { uniqueTableName } from '../support/testConfig';
import { makeIdNumber, registrationBody } from '../support/people';

jest.setTimeout(300_000);

let api: RunningApi;
let stream: { stop(): void };
let client: ReturnType<typeof apiClient>;
const tableName = uniqueTableName('gigs');
let poster: string;
let worker: string;
let street: string;
let otherStreet: string;
let gigId: string;
const HOME = { lat: 26.0845, lng: 119.3012 };
const TOMORROW = addCalendarDays(todayInChina(), 1);

const gigBody = {
  kind: 'pipe_clearing',
  title: '修水龙头',
  place: { areaCode: '350102001001', address: '鼓东路 18 号', ...HOME },
  when: { type: 'scheduled', date: TOMORROW, from: '14:00', to: '17:00' },
  payFen: 10_000,
  payUnit: 'job',
  places: 1,
};

beforeAll(async () => {
  api = await startApi({ tableName });
  stream = await consumeTableStream(tableName, async () => (await import('../../functions/src/figures/handlers/stream')).onStream, 'figureStream');
  client = apiClient(api.baseUrl);
  poster = await client.devLogin('gg-poster');
  worker = await client.devLogin('gg-worker');
  street = await client.devLogin('gg-street', { roles: ['staff'], level: 'street', areaCode: '350102001' });
  otherStreet = await client.devLogin('gg-other', { roles: ['staff'], level: 'street', areaCode: '350102003' });
  expect((await client.put('/me/jobseeker-registration', registrationBody({ idNumber: makeIdNumber('1958-03-03', 412), name: '张阿姨', phone: '13700004120' }), poster)).status).toBe(200);
  expect((await client.put('/me/jobseeker-registration', registrationBody({ idNumber: makeIdNumber('1979-07-07', 431), name: '李师傅', phone: '13700004310', residence: { areaCode: '350102001001', address: '东街 2 号', lat: HOME.lat + 0.009, lng: HOME.lng } }), worker)).status).toBe(200);
});

afterAll(async () => {
  stream?.stop();
  await api?.stop();
});

describe('posting', () => {
  it('refuses what makes no sense with a 400 in Chinese naming each field; malformed JSON is a 400 too', async () => {
    const bad = await client.post('/gigs', { ...gigBody, title: '', payFen: 12.5, places: 0, when: { type: 'scheduled', date: TOMORROW, from: '17:00', to: '14:00' } }, poster);
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.map((d: { path: string[] }) => d.path.join('.'))).toEqual(expect.arrayContaining(['title', 'payFen', 'places', 'when.to']));
    const low = await client.post('/gigs', { ...gigBody, payFen: 3000 }, poster);
    expect(low.status).toBe(400);
    expect(low.body.error.details[0]).toMatchObject({ path: ['payFen'], message: expect.stringContaining('低于当地小时最低工资') });
    for (const body of [{ ...gigBody, when: { type: 'someday' } }, { ...gigBody, kind: 'bank_robbery' }, { ...gigBody, place: null }, [], 'x']) {
      expect((await client.post('/gigs', body, poster)).status).toBe(400);
    }
    expect((await client.call('POST', '/gigs', { token: poster, rawBody: '{"kind":' })).status).toBe(400);
    expect((await client.post('/gigs', gigBody)).status).toBe(401);
  });

  it('a resident posts 修水龙头 for 100 元 and it is live at once', async () => {
    const res = await client.post('/gigs', gigBody, poster);
    expect(res.status).toBe(201);
    expect(res.body.gig).toMatchObject({ status: 'open', payText: '100元/次', kindName: '管道疏通' });
    gigId = res.body.gig.id;
  });
});

describe('finding and taking it', () => {
  it('anyone finds it nearby, without a name or a phone', async () => {
    const near = await client.get(`/gigs/nearby?lat=${HOME.lat + 0.009}&lng=${HOME.lng}&radiusKm=3`);
    expect(near.status).toBe(200);
    expect(near.body.items).toEqual([expect.objectContaining({ gig: expect.objectContaining({ id: gigId, title: '修水龙头' }), distanceM: expect.any(Number) })]);
    expect(near.body.items[0].distanceM).toBeGreaterThan(950);
    expect(near.body.items[0].distanceM).toBeLessThan(1050);
    expect(JSON.stringify(near.body)).not.toMatch(/13700004120|张阿姨/);
    expect((await client.get(`/gigs/nearby?lat=abc&lng=${HOME.lng}`)).status).toBe(400);
    expect((await client.get(`/gigs/nearby?lat=${HOME.lat}&lng=${HOME.lng}&radiusKm=100`)).status).toBe(400);
    const seen = await client.get(`/gigs/${gigId}`, worker);
    expect(seen.body).toMatchObject({ role: 'other', takes: [] });
    expect(seen.body.contact).toBeUndefined();
  });

  it('the worker takes it once (the same Idempotency-Key is the same answer); both then see each other’s phone', async () => {
    const key = 'take-gig-key-0001';
    const first = await client.call('POST', `/gigs/${gigId}/takes`, { token: worker, headers: { 'Idempotency-Key': key } });
    expect(first.status).toBe(201);
    const again = await client.call('POST', `/gigs/${gigId}/takes`, { token: worker, headers: { 'Idempotency-Key': key } });
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect((await client.post(`/gigs/${gigId}/takes`, undefined, worker)).status).toBe(409);
    expect((await client.post(`/gigs/${gigId}/takes`, undefined, poster)).status).toBe(422);
    expect((await client.get(`/gigs/${gigId}`, worker)).body.contact).toEqual({ name: '张阿姨', phone: '13700004120' });
    expect((await client.get(`/gigs/${gigId}`, poster)).body.takes).toEqual([expect.objectContaining({ status: 'taken', worker: { name: '李师傅', phone: '13700004310' } })]);
  });

  it('the poster cannot confirm before it starts; a stranger cannot touch the take', async () => {
    const workerId = (await client.get(`/gigs/${gigId}`, poster)).body.takes[0].workerId;
    expect((await client.post(`/gigs/${gigId}/takes/${workerId}/done`, undefined, poster)).status).toBe(422);
    expect((await client.post(`/gigs/${gigId}/takes/${workerId}/done`, undefined, otherStreet)).status).toBe(404);
    expect((await client.post(`/gigs/${gigId}/takes/${workerId}/pay`, { amountFen: -5, method: 'cash' }, worker)).status).toBe(400);
    expect((await client.post(`/gigs/${gigId}/takes/${workerId}/rating`, { score: 9 }, poster)).status).toBe(400);
  });
});

describe('the station', () => {
  it('sees the job with the poster’s phone, checks it; another street does not see it', async () => {
    const mine = (await client.get('/staff/gigs', street)).body.items;
    expect(mine).toEqual([expect.objectContaining({ id: gigId, contactPhone: '13700004120', checked: false })]);
    expect((await client.get('/staff/gigs', otherStreet)).body.items).toEqual([]);
    expect((await client.post(`/staff/gigs/${gigId}/check`, { decision: 'ok' }, otherStreet)).status).toBe(404);
    expect((await client.post(`/staff/gigs/${gigId}/check`, { decision: 'take_down' }, street)).status).toBe(400);
    expect((await client.post(`/staff/gigs/${gigId}/check`, { decision: 'ok' }, street)).status).toBe(200);
    expect((await client.get('/staff/gigs', worker)).status).toBe(403);
  });

  it('matches someone by phone: takes a place for them by ID number, in its area only', async () => {
    const other = (await client.post('/gigs', { ...gigBody, title: '搬两个柜子', kind: 'moving', when: { type: 'scheduled', date: TOMORROW, from: '18:00', to: '19:00' } }, poster)).body.gig.id;
    expect((await client.post(`/staff/gigs/${other}/takes`, { idNumber: '123' }, street)).status).toBe(400);
    expect((await client.post(`/staff/gigs/${other}/takes`, { idNumber: makeIdNumber('1979-07-07', 431) }, otherStreet)).status).toBe(404);
    const taken = await client.post(`/staff/gigs/${other}/takes`, { idNumber: makeIdNumber('1979-07-07', 431) }, street);
    expect(taken.status).toBe(201);
    expect((await client.get(`/gigs/${other}`, worker)).body).toMatchObject({ role: 'worker', contact: { phone: '13700004120' } });
  });

  it('a 零工驿站 set up as a service point sees the jobs within 3 km of it, with how far', async () => {
    const district = await client.devLogin('gg-district-points', { roles: ['staff'], level: 'district', areaCode: '350102' });
    const point = await client.post(
      '/staff/service-points',
      {
        name: '鼓东零工驿站',
        kind: 'gig_station',
        areaCode: '350102001001',
        address: '鼓东路 20 号',
        lat: HOME.lat + 0.002,
        lng: HOME.lng,
        phone: '0591-87650001',
        hours: { workday: [{ from: '07:00', to: '18:00' }], restDay: [] },
        services: [{ key: 'policy_consultation', desks: 1 }],
      },
      district,
    );
    expect(point.status).toBe(201);
    const around = await client.get(`/staff/gigs?pointId=${point.body.point.id}`, street);
    expect(around.status).toBe(200);
    expect(around.body.items.map((g: { id: string }) => g.id)).toContain(gigId);
    expect(around.body.items.find((g: { id: string }) => g.id === gigId).distanceM).toBeGreaterThan(150);
    expect((await client.get(`/staff/gigs?pointId=${point.body.point.id}`, otherStreet)).status).toBe(404);
    expect((await client.get('/staff/gigs?pointId=nope', street)).status).toBe(400);
    // …and who took jobs around it, to call.
    const workers = await client.get(`/staff/gig-stations/${point.body.point.id}/workers`, street);
    expect(workers.body.items).toEqual([expect.objectContaining({ name: '李师傅', phone: '13700004310', taken: 2, done: 0 })]);
    expect((await client.get(`/staff/gig-stations/${point.body.point.id}/workers`, otherStreet)).status).toBe(404);
  });

  it('the match is in the figures, through the stream', async () => {
    const district = await client.devLogin('gg-district', { roles: ['staff'], level: 'district', areaCode: '350102' });
    const month = todayInChina().slice(0, 7);
    const figures = await until(async () => {
      const r = await client.get(`/stats?areaCode=350102&period=${month}`, district);
      return r.body?.total?.figures?.gigMatches === 2 ? r.body.total.figures : undefined;
    }, 'the match to reach the figures');
    expect(figures.gigMatches).toBe(2);
  });
});

describe('a household without a registration', () => {
  it('verifies its phone with WeChat (getPhoneNumber) and a name to be called by, then posts', async () => {
    const household = await client.devLogin('gg-household');
    expect((await client.post('/gigs', gigBody, household)).status).toBe(403);
    expect((await client.get('/gigs/contact', household)).body).toEqual({});
    const stale = await client.post('/gigs/contact', { code: 'stale', name: '王女士' }, household);
    expect(stale.status).toBe(400);
    expect(stale.body.error.details[0]).toMatchObject({ path: ['code'] });
    expect((await client.post('/gigs/contact', { code: 'phone-13700007777' }, household)).status).toBe(400);
    const verified = await client.post('/gigs/contact', { code: 'phone-13700007777', name: '王女士' }, household);
    expect(verified.status).toBe(200);
    expect(verified.body.contact).toMatchObject({ name: '王女士', phoneMasked: '137****7777' });
    expect((await client.get('/gigs/contact', household)).body.contact).toMatchObject({ name: '王女士' });
    const posted = await client.post('/gigs', { ...gigBody, title: '帮忙擦油烟机', kind: 'cleaning', when: { type: 'scheduled', date: TOMORROW, from: '09:00', to: '11:00' } }, household);
    expect(posted.status).toBe(201);
    expect((await client.get('/staff/gigs', street)).body.items.find((g: { id: string }) => g.id === posted.body.gig.id)).toMatchObject({ contactName: '王女士', contactPhone: '13700007777' });
  });
});
