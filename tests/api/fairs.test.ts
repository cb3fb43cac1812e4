// 招聘会 over real HTTP (issue 20): a street creates and publishes a fair; an approved employer
// applies for a booth with its published post; the street accepts; a resident sees the fair with
// its employers, pre-registers, shows her code at the gate once, and says 我有意向; the employer
// sees her among the candidates, marked as from the fair. The venue screen and the fair's figures
// are public; the unit files its receipt (a funnel that makes no sense is a 400 naming the field);
// the street confirms the screen once; the fair and its check-in reach the assessment figures
// through the stream. Bad input is a 400 in Chinese; another street's staff get 404.
import { addCalendarDays, todayInChina } from '@doorstep/shared';
import { apiClient } from '../support/http';
import { consumeTableStream, until } from '../support/streams';
import { startApi, type RunningApi } from '../support/localStack';
import { uniqueTableName } from '../support/testConfig';
import { employerBody, makeUscc } from '../support/employers';
import { makeIdNumber, registrationBody } from '../support/people';
import { vacancyBody } from '../support/vacancies';

jest.setTimeout(300_000);

let api: RunningApi;
let stream: { stop(): void };
let client: ReturnType<typeof apiClient>;
const tableName = uniqueTableName('fairs');
let street: string;
let otherStreet: string;
let owner: string;
let resident: string;
let employerId: string;
let vacancyId: string;
let fairId: string;
const TODAY = todayInChina();

const fairBody = {
  title: '鼓东街道春风行动招聘会',
  kind: 'general',
  mode: 'onsite',
  areaCode: '350102001',
  startDate: TODAY,
  endDate: addCalendarDays(TODAY, 1),
  hours: { from: '09:00', to: '12:00' },
  venue: { name: '鼓东街道文化广场', address: '鼓东路 1 号', lat: 26.086, lng: 119.301 },
  intro: '社区周边商超、餐饮、物业企业现场招聘。',
  booths: 20,
};

beforeAll(async () => {
  api = await startApi({ tableName });
  // The assessment figures are kept by the stream.
  stream = await consumeTableStream(tableName, async () => (await import('../../functions/src/figures/handlers/stream')).onStream, 'figureStream');
  client = apiClient(api.baseUrl);
  street = await client.devLogin('fa-street', { roles: ['staff'], level: 'street', areaCode: '350102001' });
  otherStreet = await client.devLogin('fa-other', { roles: ['staff'], level: 'street', areaCode: '350102003' });
  owner = await client.devLogin('fa-owner');
  employerId = (await client.post('/employers', employerBody({ name: '鼓东路便民超市', uscc: makeUscc(9901) }), owner)).body.employer.id;
  const review = (await client.get('/staff/reviews?type=employer&limit=100', street)).body.items.find((r: { subjectId: string }) => r.subjectId === employerId);
  expect((await client.post(`/staff/reviews/${review.id}/decision`, { decision: 'approve' }, street)).status).toBe(200);
  vacancyId = (await client.post('/vacancies', vacancyBody(employerId, { lat: 26.0851, lng: 119.3019 }, { title: '超市理货员' }), owner)).body.vacancy.id;
  const vreview = (await client.get('/staff/reviews?type=vacancy&limit=100', street)).body.items.find((r: { subjectId: string }) => r.subjectId === vacancyId);
  expect((await client.post(`/staff/reviews/${vreview.id}/decision`, { decision: 'approve' }, street)).status).toBe(200);
  resident = await client.devLogin('fa-resident');
  expect((await client.put('/me/jobseeker-registration', registrationBody({ idNumber: makeIdNumber('1982-08-08', 982), name: '黄秀梅', phone: '13700009820' }), resident)).status).toBe(200);
});

afterAll(async () => {
  stream?.stop();
  await api?.stop();
});

describe('a fair', () => {
  it('refuses a fair that makes no sense, in Chinese, naming each field', async () => {
    const bad = await client.post('/staff/fairs', { ...fairBody, title: '', booths: 0, endDate: '2020-01-01', venue: undefined, hours: { from: '12:00', to: '09:00' } }, street);
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.map((d: { path: string[] }) => d.path.join('.'))).toEqual(expect.arrayContaining(['title', 'booths', 'endDate', 'hours.to', 'venue']));
    expect((await client.post('/staff/fairs', fairBody, resident)).status).toBe(403);
    expect((await client.post('/staff/fairs', { ...fairBody, areaCode: '350102003' }, street)).status).toBe(403);
  });

  it('is created and published by the street; an employer applies with its post and is accepted with a booth number', async () => {
    const created = await client.post('/staff/fairs', fairBody, street);
    expect(created.status).toBe(201);
    fairId = created.body.fair.id;
    expect((await client.get('/fairs?areaCode=350102001001')).body.items).toEqual([]); // not published yet
    expect((await client.post(`/staff/fairs/${fairId}/publish`, undefined, otherStreet)).status).toBe(404);
    expect((await client.post(`/staff/fairs/${fairId}/publish`, undefined, street)).status).toBe(200);
    expect((await client.get('/fairs?areaCode=350102001001')).body.items.map((f: { id: string }) => f.id)).toEqual([fairId]);
    const applied = await client.post(`/fairs/${fairId}/booths`, { employerId, vacancyIds: [vacancyId] }, owner);
    expect(applied.status).toBe(201);
    expect((await client.post(`/fairs/${fairId}/booths`, { employerId, vacancyIds: [vacancyId] }, owner)).status).toBe(409);
    expect((await client.get(`/staff/fairs/${fairId}/booths`, street)).body.booths).toEqual([expect.objectContaining({ employerName: '鼓东路便民超市', status: 'applied' })]);
    expect((await client.get(`/staff/fairs/${fairId}/booths`, otherStreet)).status).toBe(404);
    expect((await client.get('/staff/fairs', street)).body.items).toEqual([expect.objectContaining({ fair: expect.objectContaining({ id: fairId }), applications: 1 })]);
    expect((await client.get('/staff/fairs', otherStreet)).body.items).toEqual([]);
    expect((await client.post(`/staff/fairs/${fairId}/booths/${employerId}/decision`, { decision: 'refuse' }, street)).status).toBe(400);
    expect((await client.post(`/staff/fairs/${fairId}/booths/${employerId}/decision`, { decision: 'accept' }, otherStreet)).status).toBe(404);
    const accepted = await client.post(`/staff/fairs/${fairId}/booths/${employerId}/decision`, { decision: 'accept' }, street);
    expect(accepted.body.booth).toMatchObject({ status: 'accepted', boothNo: 1, vacancies: [{ id: vacancyId, title: '超市理货员' }] });
  });
});

describe('going to it', () => {
  it('she sees its employers, pre-registers, checks in once with her code, and says 我有意向; the employer sees her', async () => {
    const seen = await client.get(`/fairs/${fairId}`, resident);
    expect(seen.body).toMatchObject({ booths: [{ employerName: '鼓东路便民超市', boothNo: 1 }], mine: { registered: false, checkedInToday: false } });
    expect((await client.post(`/fairs/${fairId}/registrations`, undefined, resident)).status).toBe(201);
    expect((await client.post(`/fairs/${fairId}/registrations`, undefined, resident)).status).toBe(409);
    const { code } = (await client.get(`/fairs/${fairId}/checkin-code`, resident)).body;
    expect((await client.post(`/staff/fairs/${fairId}/checkins`, { code: `${code}x` }, street)).status).toBe(422);
    expect((await client.post(`/staff/fairs/${fairId}/checkins`, { code }, otherStreet)).status).toBe(404);
    const scanned = await client.post(`/staff/fairs/${fairId}/checkins`, { code }, street);
    expect(scanned.status).toBe(201);
    expect(scanned.body.checkedIn.name).toBe('黄秀梅');
    expect((await client.post(`/staff/fairs/${fairId}/checkins`, { code }, street)).status).toBe(409);
    expect((await client.get(`/fairs/${fairId}`, resident)).body.mine).toEqual({ registered: true, checkedInToday: true, intended: [] });
    expect((await client.post(`/fairs/${fairId}/intentions`, { vacancyId }, resident)).status).toBe(201);
    expect((await client.get(`/fairs/${fairId}`, resident)).body.mine.intended).toEqual([vacancyId]);
    expect((await client.post(`/fairs/${fairId}/intentions`, { vacancyId: 'nope' }, resident)).status).toBe(400);
    const candidates = (await client.get(`/vacancies/${vacancyId}/candidates`, owner)).body.items;
    expect(candidates).toEqual([expect.objectContaining({ name: '黄秀梅', fairId })]);
    expect((await client.get('/me/fairs', resident)).body.items.map((f: { id: string }) => f.id)).toEqual([fairId]);
  });
});

describe('on the screen, in its figures, and after it', () => {
  it('the venue screen and the figures are public and name no person; hiring her counts as a hire from the fair', async () => {
    const screen = await client.get(`/fairs/${fairId}/screen`);
    expect(screen.status).toBe(200);
    expect(screen.body).toMatchObject({ fair: { id: fairId }, booths: [{ boothNo: 1, employerName: '鼓东路便民超市', vacancies: [{ title: '超市理货员' }] }], checkedInToday: 1, today: TODAY });
    expect(JSON.stringify(screen.body)).not.toContain('黄秀梅');
    expect(screen.body.booths[0]).not.toHaveProperty('receiptDue');
    expect((await client.get('/fairs/not-an-id/screen')).status).toBe(404); // a malformed id is not found, as everywhere

    const before = await client.get(`/fairs/${fairId}/figures`);
    expect(before.body.figures).toEqual({ registered: 1, attendees: 1, employers: 1, posts: 1, intentions: 1, hires: 0, receiptsFiled: 0, reported: { resumes: 0, intentions: 0, hires: 0 } });
    expect(before.body.final).toBe(false);
    const [candidate] = (await client.get(`/vacancies/${vacancyId}/candidates`, owner)).body.items;
    expect((await client.post(`/applications/${candidate.applicationId}/outcome`, { outcome: 'hired' }, owner)).status).toBe(200);
    expect((await client.get(`/fairs/${fairId}/figures`)).body.figures.hires).toBe(1);
  });

  it('the unit files its receipt; numbers that make no sense are a 400 naming the field; a stranger cannot', async () => {
    const path = `/fairs/${fairId}/booths/${employerId}/receipt`;
    const bad = await client.post(path, { resumes: 3, intentions: 5, hires: 9 }, owner);
    expect(bad.status).toBe(400);
    expect(bad.body.error.details).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: ['intentions'], message: '达成意向的人数不能多于收到的简历份数' }),
        expect.objectContaining({ path: ['hires'], message: '录用人数不能多于达成意向的人数' }),
      ]),
    );
    expect((await client.post(path, { resumes: -1, intentions: 0, hires: 0 }, owner)).body.error.details[0]).toMatchObject({ path: ['resumes'], message: '收到简历份数不能是负数' });
    expect((await client.post(path, { resumes: 8, intentions: 3, hires: 1 }, resident)).status).toBe(403);
    const filed = await client.post(path, { resumes: 8, intentions: 3, hires: 1, note: '还有两人约了复试' }, owner);
    expect(filed.status).toBe(200);
    const mine = (await client.get(`/employers/${employerId}/fair-booths`, owner)).body.items;
    expect(mine).toEqual([expect.objectContaining({ fair: expect.objectContaining({ id: fairId }), booth: expect.objectContaining({ boothNo: 1, receipt: expect.objectContaining({ resumes: 8, intentions: 3, hires: 1 }) }) })]);
    expect((await client.get(`/employers/${employerId}/fair-booths`, resident)).status).toBe(403);
    expect((await client.get(`/fairs/${fairId}/figures`)).body.figures).toMatchObject({ receiptsFiled: 1, reported: { resumes: 8, intentions: 3, hires: 1 } });
    // The office's collection task is done.
    const done = (await client.get('/staff/tasks?status=done', street)).body.items;
    expect(done).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'fair_receipt', subject: { type: 'Fair', id: fairId } })]));
  });

  it('the street confirms the screen once; the fair and her check-in are in the assessment figures', async () => {
    expect((await client.post(`/staff/fairs/${fairId}/screen-ready`, undefined, otherStreet)).status).toBe(404);
    expect((await client.post(`/staff/fairs/${fairId}/screen-ready`, undefined, street)).status).toBe(200);
    expect((await client.post(`/staff/fairs/${fairId}/screen-ready`, undefined, street)).status).toBe(409);
    const month = TODAY.slice(0, 7);
    const district = await client.devLogin('fa-district', { roles: ['staff'], level: 'district', areaCode: '350102' });
    const figures = await until(async () => {
      const r = await client.get(`/stats?areaCode=350102&period=${month}`, district);
      return r.body?.total?.figures?.fairsHeld === 1 && r.body.total.figures.fairAttendances === 1 ? r.body.total.figures : undefined;
    }, 'the fair to reach the figures');
    expect(figures).toMatchObject({ fairsHeld: 1, fairAttendances: 1 });
  });
});
