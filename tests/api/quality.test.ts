// 好差评, complaints, the staff inbox and the figures over real HTTP (issue 7), with the table's
// stream consumed in-process as Lambda would: a person's reviewed registration is rated once; a
// bad rating reaches the street's inbox; a complaint is answered; the figures, their CSV and the
// big screen show it — inside the jurisdiction only. Bad input is a 400; nothing answers 500.
import { addWorkingDays, todayInChina } from '@doorstep/shared';
import { consumeTableStream, until } from '../support/streams';
import { apiClient } from '../support/http';
import { startApi, type RunningApi } from '../support/localStack';
import { uniqueTableName } from '../support/testConfig';
import { birthDateYearsAgo, makeIdNumber, registrationBody } from '../support/people';

jest.setTimeout(300_000);

let api: RunningApi;
let client: ReturnType<typeof apiClient>;
let stream: { stop(): void };
const tableName = uniqueTableName('quality');
let street: string;
let otherStreet: string;
let district: string;
let community: string;
let seeker: string;
let stranger: string;
let applicationId: string;
let ratingId: string;

beforeAll(async () => {
  api = await startApi({ tableName });
  client = apiClient(api.baseUrl);
  // The table's stream, consumed in-process as Lambda would (what `npm start` does).
  stream = await consumeTableStream(tableName, async () => (await import('../../functions/src/figures/handlers/stream')).onStream);

  street = await client.devLogin('q-street', { roles: ['staff'], level: 'street', areaCode: '350102001' });
  otherStreet = await client.devLogin('q-street-2', { roles: ['staff'], level: 'street', areaCode: '350102003' });
  district = await client.devLogin('q-district', { roles: ['staff'], level: 'district', areaCode: '350102' });
  community = await client.devLogin('q-community', { roles: ['staff'], level: 'community', areaCode: '350102001001' });
  seeker = await client.devLogin('q-seeker');
  stranger = await client.devLogin('q-stranger');
  const reg = registrationBody({ idNumber: makeIdNumber(birthDateYearsAgo(40), 931), name: '郑美华', phone: '13700009310' });
  expect((await client.put('/me/jobseeker-registration', reg, seeker)).status).toBe(200);
  const applied = await client.post('/me/unemployment-registration', { priorStatus: 'new_entrant', ableToWork: true, willingToWork: true, localResident: true }, seeker);
  expect(applied.status).toBe(201);
  applicationId = applied.body.application.id;
});

afterAll(async () => {
  stream?.stop();
  await api?.stop();
});

describe('rating', () => {
  it('answers 409 before the service is done and lists it to rate once it is', async () => {
    expect((await client.post('/ratings', { serviceType: 'review', serviceId: applicationId, score: 5 }, seeker)).status).toBe(409);
    const review = (await client.get('/staff/reviews?type=unemployment&limit=100', street)).body.items.find((r: { subjectId: string }) => r.subjectId === applicationId);
    expect((await client.post(`/staff/reviews/${review.id}/decision`, { decision: 'approve' }, street)).status).toBe(200);
    const mine = await client.get('/me/ratings', seeker);
    expect(mine.status).toBe(200);
    expect(mine.body.toRate).toEqual([expect.objectContaining({ serviceType: 'review', serviceId: applicationId })]);
  });

  it('refuses malformed ratings with the field named, and a stranger with 404', async () => {
    for (const body of [{}, { serviceType: 'review', serviceId: applicationId, score: 6 }, { serviceType: 'haircut', serviceId: applicationId, score: 3 }, { serviceType: 'review', serviceId: 'x', score: 3 }, { serviceType: 'review', serviceId: applicationId, score: 3, tags: ['很好'] }]) {
      const res = await client.post('/ratings', body, seeker);
      expect([res.status, res.body.error.code]).toEqual([400, 'invalid_input']);
    }
    expect((await client.call('POST', '/ratings', { token: seeker, rawBody: '{"score":' })).status).toBe(400);
    expect((await client.post('/ratings', { serviceType: 'review', serviceId: applicationId, score: 1 }, stranger)).status).toBe(404);
    expect((await client.post('/ratings', { serviceType: 'review', serviceId: applicationId, score: 1 })).status).toBe(401);
  });

  it('takes one rating; a bad one is in the street’s inbox, due in 15 working days', async () => {
    const rated = await client.post('/ratings', { serviceType: 'review', serviceId: applicationId, score: 1, tags: ['态度不好'], comment: '工作人员很不耐烦' }, seeker);
    expect(rated.status).toBe(201);
    ratingId = rated.body.rating.id;
    expect((await client.post('/ratings', { serviceType: 'review', serviceId: applicationId, score: 5 }, seeker)).status).toBe(409);
    const inbox = await client.get('/staff/tasks', street);
    const task = inbox.body.items.find((t: { subject: { id: string } }) => t.subject.id === ratingId);
    expect(task).toMatchObject({ kind: 'rectification', due: addWorkingDays(todayInChina(), 15), owner: 'street', overdue: false, escalated: false });
    expect((await client.get(`/staff/ratings/${ratingId}`, street)).body.rating).toMatchObject({ raterName: '郑美华', raterPhone: '13700009310' });
    expect((await client.get(`/staff/ratings/${ratingId}`, otherStreet)).status).toBe(404);
    expect((await client.get('/staff/tasks?status=bogus', street)).status).toBe(400);
    expect((await client.post(`/staff/tasks/${task.id}/complete`, {}, street)).status).toBe(400);
    expect((await client.post(`/staff/tasks/${task.id}/complete`, { note: '已约谈窗口人员，电话回访评价人，表示理解' }, street)).body.task).toMatchObject({ status: 'done', onTime: true });
    expect((await client.post(`/staff/tasks/${task.id}/complete`, { note: '再办一次' }, street)).status).toBe(409);
  });

  it('goes through an appeal decided by the district, never by the street itself', async () => {
    expect((await client.post(`/ratings/${ratingId}/appeal`, { reason: '短' }, street)).status).toBe(400);
    expect((await client.post(`/ratings/${ratingId}/appeal`, { reason: '评价人当天没有到窗口办理，属于误评' }, seeker)).status).toBe(403);
    expect((await client.post(`/ratings/${ratingId}/appeal`, { reason: '评价人当天没有到窗口办理，属于误评' }, street)).status).toBe(200);
    expect((await client.post(`/staff/appeals/${ratingId}/decision`, { decision: 'upheld', note: '属实' }, street)).status).toBe(403);
    const decided = await client.post(`/staff/appeals/${ratingId}/decision`, { decision: 'rejected', note: '窗口录像显示评价人当天办理过业务' }, district);
    expect(decided.status).toBe(200);
    expect(decided.body.rating).toMatchObject({ status: 'valid', appeal: { decision: 'rejected' } });
  });
});

describe('complaints', () => {
  it('files one per Idempotency-Key and shows the street’s answer to the person', async () => {
    const body = { kind: 'complaint', topic: 'efficiency', text: '办一个失业登记跑了三趟，希望一次说清楚要带什么' };
    const first = await client.call('POST', '/complaints', { token: seeker, body, headers: { 'idempotency-key': 'complaint-q-0001' } });
    const retry = await client.call('POST', '/complaints', { token: seeker, body, headers: { 'idempotency-key': 'complaint-q-0001' } });
    expect([first.status, retry.status]).toEqual([201, 201]);
    expect(retry.body.complaint.id).toBe(first.body.complaint.id);
    expect((await client.get('/me/complaints', seeker)).body.items).toHaveLength(1);
    expect((await client.post('/complaints', { ...body, text: '短' }, seeker)).status).toBe(400);
    expect((await client.post('/complaints', body, stranger)).status).toBe(422);

    const id = first.body.complaint.id;
    expect((await client.get(`/staff/complaints/${id}`, community)).status).toBe(404);
    expect((await client.post(`/staff/complaints/${id}/progress`, { status: 'resolved', note: '已答复' }, otherStreet)).status).toBe(404);
    expect((await client.post(`/staff/complaints/${id}/progress`, { status: 'resolved', note: '已在窗口张贴办理须知，并电话答复' }, street)).status).toBe(200);
    const [mine] = (await client.get('/me/complaints', seeker)).body.items;
    expect(mine).toMatchObject({ status: 'resolved', progress: [{ status: 'received' }, { status: 'resolved', note: '已在窗口张贴办理须知，并电话答复' }] });
  });
});

describe('figures', () => {
  it('show what happened at every level, within the jurisdiction only', async () => {
    const month = todayInChina().slice(0, 7);
    const stats = await until(async () => {
      const r = await client.get(`/stats?areaCode=350102&period=${month}`, district);
      return r.body?.total?.figures?.complaintsResolved === 1 && r.body.total.figures.tasksDone === 4 ? r.body : undefined;
    }, 'the figures to catch up with the stream');
    // Four tasks done: the review (closed by its decision), the rectification, the appeal, the complaint.
    expect(stats.total.figures).toMatchObject({ tasksOnTime: 4, jobseekerRegistrations: 1, unemploymentRegistrations: 1, reviewsDecided: 1, ratings: 1, ratingsSatisfied: 0, complaints: 1, complaintsResolved: 1, willing: 1 });
    expect(stats.total.rates.satisfactionRate).toBe(0);
    expect(stats.children.map((c: { areaCode: string }) => c.areaCode)).toContain('350102001');
    expect(stats.targets.satisfactionRate).toBe(0.95);
    // A street sees itself and its communities; not the district, not another street.
    const own = await client.get('/stats', street);
    expect(own.body.total.areaCode).toBe('350102001');
    expect(own.body.children.every((c: { areaCode: string }) => c.areaCode.startsWith('350102001'))).toBe(true);
    expect((await client.get('/stats?areaCode=350102', street)).status).toBe(404);
    expect((await client.get('/stats?areaCode=350102003', street)).status).toBe(404);
    expect((await client.get('/stats?period=2026-13', street)).status).toBe(400);
    expect((await client.get('/stats', seeker)).status).toBe(403);

    const csv = await client.get(`/stats/export.csv?areaCode=350102&period=${month}`, district);
    expect(csv.status).toBe(200);
    expect(csv.text.replace(/^\uFEFF/, '').startsWith('区域代码,区域,求职登记')).toBe(true);
    const rows = csv.text.trim().split('\r\n');
    expect(rows[rows.length - 1]).toMatch(/^350102,合计（福建省 福州市 鼓楼区）,1,1,/);
  });

  it('feed the public big screen, without any personal data', async () => {
    const screen = await client.get('/screen/350102001?lat=26.0845&lng=119.3012');
    expect(screen.status).toBe(200);
    expect(screen.body).toMatchObject({ areaCode: '350102001', month: { figures: { jobseekerRegistrations: 1 } }, vacancies: [] });
    expect(screen.text).not.toContain('郑美华');
    expect((await client.get('/screen/999999')).status).toBe(404);
    expect((await client.get('/screen/350102001?lat=abc')).status).toBe(400);
  });
});
