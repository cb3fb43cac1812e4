// Training over real HTTP (issue 6): an institution publishes a course; people find it near home,
// sign up (a retry with the same Idempotency-Key is the same sign-up), wait in line, cancel and are
// promoted; the institution keeps the roster and records completions; the needs survey reaches
// staff as figures of their area. Bad input is a 400 that changes nothing; nothing answers 500.
import { apiClient } from '../support/http';
import { startApi, type RunningApi } from '../support/localStack';
import { uniqueTableName } from '../support/testConfig';
import { birthDateYearsAgo, makeIdNumber, registrationBody } from '../support/people';
import { employerBody, makeUscc } from '../support/employers';
import { chinaDay, courseBody } from '../support/courses';

jest.setTimeout(300_000);

let api: RunningApi;
let client: ReturnType<typeof apiClient>;
const tableName = uniqueTableName('training');
let district: string;
let community: string;
let otherCommunity: string;
let teacher: string;
let schoolId: string;
let ann: string;
let bo: string;
let boId: string;
let courseId: string;

async function registered(name: string, seq: number) {
  const token = await client.devLogin(`tr-${seq}`);
  expect((await client.put('/me/jobseeker-registration', registrationBody({ idNumber: makeIdNumber(birthDateYearsAgo(35), seq), name, phone: `1370000${String(seq).padStart(4, '0')}` }), token)).status).toBe(200);
  return token;
}

beforeAll(async () => {
  api = await startApi({ tableName });
  client = apiClient(api.baseUrl);
  district = await client.devLogin('tr-district', { roles: ['staff'], level: 'district', areaCode: '350102' });
  const street = await client.devLogin('tr-street', { roles: ['staff'], level: 'street', areaCode: '350102001' });
  community = await client.devLogin('tr-community', { roles: ['staff'], level: 'community', areaCode: '350102001001' });
  otherCommunity = await client.devLogin('tr-community-2', { roles: ['staff'], level: 'community', areaCode: '350102003001' });
  teacher = await client.devLogin('tr-teacher');
  schoolId = (await client.post('/employers', employerBody({ uscc: makeUscc(9601), name: '鼓楼区巧手职业培训学校' }), teacher)).body.employer.id;
  const review = (await client.get('/staff/reviews?type=employer&limit=100', street)).body.items.find((r: { subjectId: string }) => r.subjectId === schoolId);
  expect((await client.post(`/staff/reviews/${review.id}/decision`, { decision: 'approve' }, street)).status).toBe(200);
  expect((await client.post('/staff/providers', { employerId: schoolId, types: ['training_institution'], bankAccount: { accountName: '巧手培训', accountNo: '6222020200114455667', bankName: '工商银行' } }, district)).status).toBe(200);
  ann = await registered('陈安', 811);
  bo = await registered('王博', 812);
  boId = (await client.get('/me', bo)).body.user.id;
});

afterAll(async () => {
  await api?.stop();
});

describe('courses', () => {
  it('refuses a course that makes no sense, naming each field', async () => {
    const bad = await client.post('/courses', { ...courseBody(schoolId), seats: 0, feeFen: 12.5, signUpDeadline: '2020-01-01', schedule: { startsOn: chinaDay(5), endsOn: chinaDay(1), timetable: '', days: 0 } }, teacher);
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.map((d: { path: string[] }) => d.path.join('.'))).toEqual(expect.arrayContaining(['seats', 'feeFen', 'schedule.timetable', 'schedule.days']));
    expect((await client.post('/courses', courseBody(schoolId), ann)).status).toBe(403);
  });

  it('publishes a course that people find near home, by occupation', async () => {
    const created = await client.post('/courses', courseBody(schoolId, { seats: 1 }), teacher);
    expect(created.status).toBe(201);
    courseId = created.body.course.id;
    expect(created.body.course).toMatchObject({ providerName: '鼓楼区巧手职业培训学校', seats: 1, enrolled: 0, waiting: 0, open: true, place: { areaName: expect.stringContaining('鼓东') } });
    const near = await client.get('/courses/nearby?lat=26.0860&lng=119.3000&radiusKm=3&occupation=面点', ann);
    expect(near.status).toBe(200);
    expect(near.body.items).toEqual([expect.objectContaining({ course: expect.objectContaining({ id: courseId }), distanceM: expect.any(Number) })]);
    expect((await client.get('/courses/nearby?lat=26.0860&lng=119.3000&occupation=电工', ann)).body.items).toEqual([]);
    expect((await client.get('/courses/nearby?lat=0&lng=500', ann)).status).toBe(400);
    expect((await client.get(`/courses/${courseId}`, ann)).body.course.id).toBe(courseId);
    expect((await client.get(`/providers/${schoolId}/courses`, teacher)).body.items.map((c: { id: string }) => c.id)).toContain(courseId);
    expect((await client.get(`/providers/${schoolId}/courses`, ann)).status).toBe(404);
    // The vouchers a course may take: none approved in this area yet; only the institution's members may ask.
    expect((await client.get(`/providers/${schoolId}/programmes`, teacher)).body).toEqual({ items: [] });
    expect((await client.get(`/providers/${schoolId}/programmes`, ann)).status).toBe(403);
  });
});

describe('sign-up', () => {
  it('takes the only seat once however often the request is retried, then puts the next person in line', async () => {
    const headers = { 'idempotency-key': 'enrol-tr-ann-0001' };
    const first = await client.call('POST', `/courses/${courseId}/enrolments`, { body: {}, token: ann, headers });
    const retry = await client.call('POST', `/courses/${courseId}/enrolments`, { body: {}, token: ann, headers });
    expect(first.status).toBe(201);
    expect(retry.text).toBe(first.text);
    expect(first.body.enrolment).toMatchObject({ status: 'enrolled', courseTitle: '中式面点师（初级）培训班' });
    const twice = await client.post(`/courses/${courseId}/enrolments`, {}, ann);
    expect(twice.status).toBe(409);
    expect(twice.body.error.message).toBe('您已经报名了这个培训班');
    // Community staff sign Bo up for him: the course is full, so he waits, first in line.
    expect((await client.post(`/courses/${courseId}/enrolments`, { personId: boId }, otherCommunity)).status).toBe(404);
    const assisted = await client.post(`/courses/${courseId}/enrolments`, { personId: boId }, community);
    expect(assisted.status).toBe(201);
    expect(assisted.body.enrolment).toMatchObject({ status: 'waitlisted', position: 1, assisted: true });
    expect((await client.get(`/courses/${courseId}`, bo)).body.course).toMatchObject({ enrolled: 1, waiting: 1 });
  });

  it('promotes the person in line when the seat comes free, and shows the roster to the institution only', async () => {
    const annEnrolment = (await client.get('/me/enrolments', ann)).body.items[0];
    expect((await client.call('DELETE', `/enrolments/${annEnrolment.id}`, { token: bo })).status).toBe(404);
    const cancelled = await client.call('DELETE', `/enrolments/${annEnrolment.id}`, { token: ann });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.enrolment.status).toBe('cancelled');
    expect((await client.call('DELETE', `/enrolments/${annEnrolment.id}`, { token: ann })).status).toBe(409);
    expect((await client.get('/me/enrolments', bo)).body.items[0]).toMatchObject({ status: 'enrolled' });
    const roster = await client.get(`/courses/${courseId}/roster`, teacher);
    expect(roster.status).toBe(200);
    expect(roster.body.items).toEqual([expect.objectContaining({ enrolment: expect.objectContaining({ status: 'enrolled' }), person: { name: '王博', phone: '13700000812' } })]);
    expect((await client.get(`/courses/${courseId}/roster`, ann)).status).toBe(404);
  });

  it('tells 40 people signing up at once for 10 seats their true places: distinct, and the ones they then see', async () => {
    const crowd = await Promise.all(Array.from({ length: 40 }, (_, i) => registered(`候补${'甲乙丙丁戊己庚辛壬癸'[i % 10]}${'春夏秋冬'[Math.floor(i / 10)]}`, 900 + i)));
    const course = (await client.post('/courses', courseBody(schoolId, { title: '电工（初级）培训班', occupationName: '电工', seats: 10 }), teacher)).body.course;
    const answers = await Promise.all(crowd.map((token) => client.post(`/courses/${course.id}/enrolments`, {}, token)));
    expect(answers.map((a) => a.status)).toEqual(Array(40).fill(201));
    const told = answers.map((a) => a.body.enrolment);
    expect(told.filter((e) => e.status === 'enrolled')).toHaveLength(10);
    const waiting = told.filter((e) => e.status === 'waitlisted');
    const places = waiting.map((e) => e.position).filter((p) => p !== undefined);
    // A told place is a true place: no two people are told the same one.
    expect(new Set(places).size).toBe(places.length);
    expect(places.every((p) => Number.isInteger(p) && p >= 1 && p <= 30)).toBe(true);
    const live = await Promise.all(crowd.map((token) => client.get('/me/enrolments', token)));
    const liveById = new Map(live.flatMap((r) => r.body.items).filter((e: { courseId: string }) => e.courseId === course.id).map((e: { id: string; position?: number }) => [e.id, e.position]));
    expect([...liveById.values()].filter((p) => p !== undefined).sort((a, b) => a! - b!)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
    for (const e of waiting) if (e.position !== undefined) expect(liveById.get(e.id)).toBe(e.position);
    expect((await client.get(`/courses/${course.id}`, teacher)).body.course).toMatchObject({ enrolled: 10, waiting: 30 });
  });

  it('records a completion once, from the first class day, by the institution only', async () => {
    const starting = (await client.post('/courses', courseBody(schoolId, { title: '育婴员（五级）培训班', occupationName: '育婴员', schedule: { startsOn: chinaDay(0), endsOn: chinaDay(10), timetable: '每天下午', days: 8 }, signUpDeadline: chinaDay(0) }), teacher)).body.course;
    const enrolment = (await client.post(`/courses/${starting.id}/enrolments`, {}, ann)).body.enrolment;
    const body = { enrolmentId: enrolment.id, result: 'completed', attendedDays: 8, certificateNo: 'YY-2026-0001' };
    expect((await client.post(`/courses/${starting.id}/completions`, { ...body, attendedDays: 9 }, teacher)).status).toBe(422);
    expect((await client.post(`/courses/${starting.id}/completions`, { ...body, result: 'maybe' }, teacher)).status).toBe(400);
    expect((await client.post(`/courses/${starting.id}/completions`, body, ann)).status).toBe(404);
    const headers = { 'idempotency-key': 'complete-tr-ann-0001' };
    const done = await client.call('POST', `/courses/${starting.id}/completions`, { body, token: teacher, headers });
    expect(done.status).toBe(200);
    expect(done.body.enrolment).toMatchObject({ status: 'completed', attendedDays: 8 });
    const again = await client.call('POST', `/courses/${starting.id}/completions`, { body, token: teacher, headers });
    expect(again.text).toBe(done.text);
    expect((await client.post(`/courses/${starting.id}/completions`, body, teacher)).status).toBe(409);
    // A completion asks the community to follow up employment in three months.
    const tasks = (await client.get('/staff/tasks', community)).body.items;
    expect(tasks).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'training_employment', subject: { type: 'Enrolment', id: enrolment.id } })]));
  });
});

describe('training needs survey', () => {
  it('counts answers for staff of the area, and only theirs', async () => {
    expect((await client.post('/training-needs', { occupations: [], type: 'x', time: 'night' }, ann)).status).toBe(400);
    expect((await client.post('/training-needs', { occupations: ['育婴员', '电工'], type: 'employment_skills', time: 'evening' }, ann)).status).toBe(201);
    expect((await client.post('/training-needs', { occupations: ['育婴员'], type: 'entrepreneurship', time: 'evening' }, bo)).status).toBe(201);
    const figures = await client.get('/staff/training-needs?areaCode=350102001001', community);
    expect(figures.status).toBe(200);
    expect(figures.body).toMatchObject({ total: 2, occupations: [{ value: '育婴员', count: 2 }, { value: '电工', count: 1 }], times: [{ label: '晚上', count: 2 }] });
    expect((await client.get('/staff/training-needs?areaCode=350102001001', otherCommunity)).status).toBe(404);
    expect((await client.get('/staff/training-needs?areaCode=abc', community)).status).toBe(400);
    expect((await client.get('/staff/training-needs?areaCode=350102001001', ann)).status).toBe(403);
  });
});

describe('malformed input', () => {
  const junk: unknown[] = [null, 42, 'text', [], { voucherId: 7 }, { personId: '../../etc' }, { enrolmentId: {} }, { occupations: ['x'.repeat(500)] }];
  const routes = ['/courses', '/courses/01K0AAAAAAAAAAAAAAAAAAAAAA/enrolments', '/courses/01K0AAAAAAAAAAAAAAAAAAAAAA/completions', '/training-needs'];

  it('never answers a 500, whatever is sent', async () => {
    const statuses: number[] = [];
    for (const route of routes) {
      for (const body of junk) statuses.push((await client.post(route, body, ann)).status);
      statuses.push((await client.call('POST', route, { rawBody: '{"broken', token: ann })).status);
    }
    statuses.push((await client.call('DELETE', '/enrolments/not-an-id', { token: ann })).status);
    statuses.push((await client.call('POST', `/courses/${courseId}/enrolments`, { body: {}, token: ann, headers: { 'idempotency-key': 'bad key!' } })).status);
    expect(statuses.filter((s) => s >= 500)).toEqual([]);
    expect(new Set(statuses)).toEqual(new Set([400, 403, 404]));
  });
});
