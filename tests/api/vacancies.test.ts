// Vacancies over real HTTP (issue 4, first slice): posted by an approved employer's member,
// reviewed by the street of the work address with discriminatory requirements flagged, and
// found near home only while published, open and inside the radius.
import { DynamoDBDocumentClient, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { localClient } from '../../scripts/lib/dynamoLocal';
import { apiClient } from '../support/http';
import { startApi, type RunningApi } from '../support/localStack';
import { uniqueTableName } from '../support/testConfig';
import { makeIdNumber, registrationBody } from '../support/people';
import { employerBody, makeUscc } from '../support/employers';
import { addCalendarDays, geoKeys } from '@doorstep/shared';
import { vacancyBody as testVacancy } from '../support/vacancies';

jest.setTimeout(240_000);

let api: RunningApi;
let client: ReturnType<typeof apiClient>;
const tableName = uniqueTableName('vacancies');
let street: string;
let otherStreet: string;
let owner: string;
let employerId: string;

// 鼓东街道's community; the job seeker lives at HOME.
const HOME = { lat: 26.0845, lng: 119.3012 };
const COMMUNITY = '350102001001';

/** A point `metres` due north of HOME (one degree of latitude is 111.2 km). */
const north = (metres: number) => ({ lat: HOME.lat + metres / 111_195, lng: HOME.lng });

const vacancyBody = (overrides: Record<string, unknown> = {}, at = north(800)) => testVacancy(employerId, at, overrides);

async function decide(reviewSubject: string, decision: 'approve' | 'reject', reason = '') {
  const queue = await client.get('/staff/reviews?type=vacancy&limit=100', street);
  const review = queue.body.items.find((r: { subjectId: string }) => r.subjectId === reviewSubject);
  return client.post(`/staff/reviews/${review.id}/decision`, { decision, reason }, street);
}

/** Posts a vacancy and has the street publish it. */
async function published(overrides: Record<string, unknown> = {}, at = north(800)) {
  const res = await client.post('/vacancies', vacancyBody(overrides, at), owner);
  expect({ status: res.status, text: res.text }).toMatchObject({ status: 201 });
  expect((await decide(res.body.vacancy.id, 'approve')).status).toBe(200);
  return res.body.vacancy.id as string;
}

beforeAll(async () => {
  api = await startApi({ tableName });
  client = apiClient(api.baseUrl);
  street = await client.devLogin('vc-street', { roles: ['staff'], level: 'street', areaCode: '350102001' });
  otherStreet = await client.devLogin('vc-street-2', { roles: ['staff'], level: 'street', areaCode: '350102002' });
  owner = await client.devLogin('vc-owner');
  const created = await client.post('/employers', employerBody({ uscc: makeUscc(8801) }), owner);
  employerId = created.body.employer.id;
});

afterAll(() => api?.stop());

describe('posting', () => {
  it('needs an approved employer the caller belongs to', async () => {
    expect((await client.post('/vacancies', vacancyBody(), owner)).status).toBe(409);
    const review = (await client.get('/staff/reviews?type=employer&limit=100', street)).body.items.find((r: { subjectId: string }) => r.subjectId === employerId);
    expect((await client.post(`/staff/reviews/${review.id}/decision`, { decision: 'approve' }, street)).status).toBe(200);
    const stranger = await client.devLogin('vc-stranger');
    expect((await client.post('/vacancies', vacancyBody(), stranger)).status).toBe(404);
  });

  it('refuses inconsistent pay and dates with Chinese messages on the fields', async () => {
    const res = await client.post(
      '/vacancies',
      vacancyBody({ pay: { salaryMinFen: 500_000, salaryMaxFen: 400_000, accommodation: 'none' }, time: { recruitFrom: '2026-11-01', recruitUntil: '2026-01-01' } }),
      owner,
    );
    expect(res.status).toBe(400);
    const details = res.body.error.details.map((d: { path: string[]; message: string }) => `${d.path.join('.')}:${d.message}`);
    expect(details).toEqual(expect.arrayContaining(['pay.salaryMaxFen:最高月薪不能低于最低月薪', 'time.recruitUntil:招聘截止日期不能早于开始日期']));
  });

  it('flags discriminatory requirements for the street, which can refuse with the reason', async () => {
    const res = await client.post('/vacancies', vacancyBody({ requirements: { other: '限男性，本地户口优先' } }), owner);
    expect(res.status).toBe(201);
    expect(res.body.vacancy.status).toBe('pending_review');
    expect(res.body.vacancy.flags.map((f: { ground: string }) => f.ground)).toEqual(['gender', 'region']);
    expect((await client.get(`/vacancies/${res.body.vacancy.id}`, otherStreet)).status).toBe(404);
    const seen = await client.get(`/vacancies/${res.body.vacancy.id}`, street);
    expect(seen.body.vacancy.flags[0].reason).toContain('就业促进法');
    expect((await decide(res.body.vacancy.id, 'reject', '含性别、户籍限制，请修改')).status).toBe(200);
    const after = await client.get(`/vacancies/${res.body.vacancy.id}`, owner);
    expect(after.body.vacancy).toMatchObject({ status: 'rejected', reviewReason: '含性别、户籍限制，请修改' });
  });
});

describe('附近的工作', () => {
  let seeker: string;
  const near = (query = '') => client.get(`/vacancies/nearby?lat=${HOME.lat}&lng=${HOME.lng}${query}`, seeker);

  beforeAll(async () => {
    seeker = await client.devLogin('vc-seeker');
    const reg = registrationBody({
      idNumber: makeIdNumber('1980-05-17', 901),
      residence: { areaCode: COMMUNITY, address: '鼓东路 18 号', ...HOME },
      intention: { occupations: ['收银员', '保洁员'], minMonthlySalaryFen: 350_000, maxDistanceKm: 3, shift: 'day' },
    });
    expect((await client.put('/me/jobseeker-registration', reg, seeker)).status).toBe(200);
  });

  it('finds published vacancies inside the radius, nearest first, with distance and reasons', async () => {
    const far = await published({ title: '仓库理货员', occupationName: '理货员' }, north(2500));
    const close = await published({}, north(600));
    const outside = await published({ title: '保洁员', occupationName: '保洁员' }, north(3600));
    const pending = (await client.post('/vacancies', vacancyBody({}, north(300)), owner)).body.vacancy.id;

    const res = await near();
    expect(res.status).toBe(200);
    const ids = res.body.items.map((i: { vacancy: { id: string } }) => i.vacancy.id);
    expect(ids.indexOf(close)).toBeGreaterThanOrEqual(0);
    expect(ids.indexOf(close)).toBeLessThan(ids.indexOf(far));
    expect(ids).not.toContain(outside);
    expect(ids).not.toContain(pending);
    const first = res.body.items.find((i: { vacancy: { id: string } }) => i.vacancy.id === close);
    expect(first.distanceM).toBeGreaterThan(590);
    expect(first.distanceM).toBeLessThan(610);
    expect(first.match.reasons).toEqual(expect.arrayContaining(['是您想做的工种（收银员）', '离家600米']));
    expect(first.vacancy.flags).toBeUndefined();

    // A wider circle reaches it; the employer closing it takes it away.
    expect((await near('&radiusKm=5')).body.items.map((i: { vacancy: { id: string } }) => i.vacancy.id)).toContain(outside);
    expect((await client.post(`/vacancies/${close}/close`, {}, owner)).status).toBe(200);
    expect((await near()).body.items.map((i: { vacancy: { id: string } }) => i.vacancy.id)).not.toContain(close);
    expect((await client.post(`/vacancies/${close}/close`, {}, owner)).status).toBe(409);
  });

  it('drops vacancies past their end date by themselves', async () => {
    const id = await published({ title: '早餐店帮工', occupationName: '帮工' }, north(900));
    expect((await near('&occupation=帮工')).body.items).toHaveLength(1);
    const doc = DynamoDBDocumentClient.from(localClient(process.env.DYNAMODB_ENDPOINT!));
    // Its search card says it ended yesterday (as if time had passed).
    const { cell, hash } = geoKeys(north(900));
    await doc.send(new UpdateCommand({ TableName: tableName, Key: { pk: `VACANCY_GEO#${cell}`, sk: `${hash}#${id}` }, UpdateExpression: 'SET recruitUntil = :d', ExpressionAttributeValues: { ':d': '2026-01-01' } }));
    expect((await near('&occupation=帮工')).body.items).toHaveLength(0);
  });

  it('filters by occupation, salary, form and shift, and sorts by match when asked', async () => {
    await published({ title: '夜班保安', occupationName: '保安员', shift: 'night', pay: { salaryMinFen: 300_000, salaryMaxFen: 320_000, accommodation: 'provided' } }, north(1200));
    const night = await near('&shift=night');
    expect(night.body.items.every((i: { vacancy: { shift: string } }) => i.vacancy.shift === 'night')).toBe(true);
    expect(night.body.items.length).toBeGreaterThan(0);
    const paid = await near('&minSalaryFen=400000');
    expect(paid.body.items.every((i: { vacancy: { salaryMaxFen: number } }) => i.vacancy.salaryMaxFen >= 400_000)).toBe(true);
    expect(paid.body.items.length).toBeGreaterThan(0);
    const byMatch = await near('&sort=match');
    const scores = byMatch.body.items.map((i: { match: { score: number } }) => i.match.score);
    expect(scores).toEqual([...scores].sort((a: number, b: number) => b - a));
    expect((await near('&radiusKm=50')).status).toBe(400);
    expect((await client.get(`/vacancies/nearby?lat=abc&lng=${HOME.lng}`, seeker)).status).toBe(400);
  });

  it('pages through the results without repeats', async () => {
    await published({ title: '便利店店员', occupationName: '店员' }, north(1500));
    const first = await near('&limit=2');
    expect(first.body.items).toHaveLength(2);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await near(`&limit=2&cursor=${first.body.nextCursor}`);
    expect(second.status).toBe(200);
    const ids = [...first.body.items, ...second.body.items].map((i: { vacancy: { id: string } }) => i.vacancy.id);
    expect(ids.length).toBe(3);
    expect(new Set(ids).size).toBe(ids.length);
    expect((await near('&cursor=zzz')).status).toBe(400);
  });
});

describe('editing, pausing and extending', () => {
  let seeker: string;
  const visible = async (id: string) =>
    (await client.get(`/vacancies/nearby?lat=${HOME.lat}&lng=${HOME.lng}&limit=50`, seeker)).body.items.some((i: { vacancy: { id: string } }) => i.vacancy.id === id);
  const patch = (id: string, body: Record<string, unknown>, token = owner) => client.call('PATCH', `/vacancies/${id}`, { body, token });

  beforeAll(async () => {
    seeker = await client.devLogin('vc-seeker-edit');
  });

  it('pauses out of search and resumes into it; the other direction is refused', async () => {
    const id = await published({ title: '面包店学徒', occupationName: '面点师' }, north(700));
    const { version } = (await client.get(`/vacancies/${id}`, owner)).body.vacancy;
    const paused = await patch(id, { version, status: 'paused' });
    expect(paused.status).toBe(200);
    expect(paused.body).toMatchObject({ needsReview: false, vacancy: { status: 'paused' } });
    expect(await visible(id)).toBe(false);
    expect((await patch(id, { version: paused.body.vacancy.version, status: 'paused' })).status).toBe(409);
    const resumed = await patch(id, { version: paused.body.vacancy.version, status: 'published' });
    expect(resumed.body.vacancy.status).toBe('published');
    expect(await visible(id)).toBe(true);
  });

  it('extends at once, but sends a changed requirement back to the street', async () => {
    const id = await published({ title: '水果店店员', occupationName: '店员' }, north(650));
    let v = (await client.get(`/vacancies/${id}`, owner)).body.vacancy;
    const later = addCalendarDays(v.time.recruitUntil, 60);
    const extended = await patch(id, { version: v.version, time: { recruitFrom: '2026-11-01', recruitUntil: later }, headcount: 3 });
    expect(extended.body).toMatchObject({ needsReview: false, vacancy: { status: 'published', headcount: 3, time: { recruitUntil: later } } });
    expect(await visible(id)).toBe(true);

    v = extended.body.vacancy;
    const edited = await patch(id, { version: v.version, requirements: { other: '限女性' } });
    expect(edited.body).toMatchObject({ needsReview: true, vacancy: { status: 'pending_review' } });
    expect(edited.body.vacancy.flags.map((f: { ground: string }) => f.ground)).toEqual(['gender']);
    expect(await visible(id)).toBe(false);
    // The street's queue has it again.
    expect((await decide(id, 'approve')).status).toBe(200);
    expect(await visible(id)).toBe(true);
  });

  it('refuses a stale version, an empty edit, strangers and closed vacancies', async () => {
    const id = await published({ title: '社区食堂帮厨', occupationName: '帮厨' }, north(750));
    const { version } = (await client.get(`/vacancies/${id}`, owner)).body.vacancy;
    expect((await patch(id, { version: version - 1, headcount: 5 })).status).toBe(409);
    expect((await patch(id, { version })).status).toBe(400);
    expect((await patch(id, { version, status: 'paused', headcount: 4 })).status).toBe(400);
    expect((await patch(id, { version, headcount: 5 }, seeker)).status).toBe(404);
    expect((await client.post(`/vacancies/${id}/close`, {}, owner)).status).toBe(200);
    const closed = (await client.get(`/vacancies/${id}`, owner)).body.vacancy;
    expect((await patch(id, { version: closed.version, status: 'published' })).status).toBe(409);
    expect(await visible(id)).toBe(false);
  });

  it("lists the employer's vacancies, newest first, to its members only", async () => {
    const mine = await client.get(`/employers/${employerId}/vacancies`, owner);
    expect(mine.status).toBe(200);
    const created = mine.body.items.map((v: { createdAt: string }) => v.createdAt);
    expect(created).toEqual([...created].sort().reverse());
    expect(mine.body.items[0]).toMatchObject({ applicantCount: 0, expired: false });
    expect((await client.get(`/employers/${employerId}/vacancies`, seeker)).status).toBe(404);
  });
});

describe('a refused vacancy, corrected', () => {
  it('goes back to the street with any change, and is published once approved', async () => {
    const res = await client.post('/vacancies', vacancyBody({ title: '药店营业员', occupationName: '营业员', requirements: { other: '限本地户口' } }), owner);
    const id = res.body.vacancy.id as string;
    expect((await decide(id, 'reject', '请删去户籍限制')).status).toBe(200);
    const refused = (await client.get(`/vacancies/${id}`, owner)).body.vacancy;
    const corrected = await client.call('PATCH', `/vacancies/${id}`, { token: owner, body: { version: refused.version, requirements: { other: '' }, headcount: 3 } });
    expect(corrected.body).toMatchObject({ needsReview: true, vacancy: { status: 'pending_review', flags: [] } });
    expect((await decide(id, 'approve')).status).toBe(200);
    expect((await client.get(`/vacancies/${id}`, owner)).body.vacancy).toMatchObject({ status: 'published', headcount: 3 });
  });
});
