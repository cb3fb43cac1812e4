// Applying, the employer's roster, outcomes, referral letters, follow-up tasks and
// recommendations over real HTTP (issue 4).
import { calendarDeadline, todayInChina } from '@doorstep/shared';
import { apiClient } from '../support/http';
import { startApi, type RunningApi } from '../support/localStack';
import { uniqueTableName } from '../support/testConfig';
import { makeIdNumber, registrationBody } from '../support/people';
import { approvedEmployer as approveEmployer, makeUscc, publishedVacancy as postVacancy } from '../support/employers';

jest.setTimeout(240_000);

let api: RunningApi;
let client: ReturnType<typeof apiClient>;
const tableName = uniqueTableName('jobs');
let street: string;
let community: string;
let otherCommunity: string;
let owner: string;
let colleague: string;
let otherOwner: string;
let seeker: string;
let seekerId: string;
let neighbour: string;
let neighbourId: string;
let vacancyId: string;

const HOME = { lat: 26.0845, lng: 119.3012 };
const COMMUNITY = '350102001001';
const north = (metres: number) => ({ lat: HOME.lat + metres / 111_195, lng: HOME.lng });

const approvedEmployer = (token: string, serial: number) => approveEmployer(client, token, street, { uscc: makeUscc(serial) });

const publishedVacancy = (token: string, employerId: string, overrides: Record<string, unknown> = {}, at = north(800)) =>
  postVacancy(client, token, street, employerId, at, { requirements: { minEducation: 'junior_high', other: '' }, ...overrides });

async function register(token: string, serial: number, name: string, phone: string) {
  const reg = registrationBody({
    idNumber: makeIdNumber('1980-05-17', serial),
    name,
    phone,
    residence: { areaCode: COMMUNITY, address: '鼓东路 18 号', ...HOME },
    intention: { occupations: ['收银员'], minMonthlySalaryFen: 350_000, maxDistanceKm: 3, shift: 'day' },
  });
  expect((await client.put('/me/jobseeker-registration', reg, token)).status).toBe(200);
  return (await client.get('/me', token)).body.user.id as string;
}

beforeAll(async () => {
  api = await startApi({ tableName });
  client = apiClient(api.baseUrl);
  street = await client.devLogin('jb-street', { roles: ['staff'], level: 'street', areaCode: '350102001' });
  community = await client.devLogin('jb-community', { roles: ['staff'], level: 'community', areaCode: COMMUNITY });
  otherCommunity = await client.devLogin('jb-community-2', { roles: ['staff'], level: 'community', areaCode: '350102002001' });
  owner = await client.devLogin('jb-owner');
  otherOwner = await client.devLogin('jb-other-owner');
  const employerId = await approvedEmployer(owner, 9101);
  await approvedEmployer(otherOwner, 9102);
  vacancyId = await publishedVacancy(owner, employerId);
  // A colleague joins through a join code.
  colleague = await client.devLogin('jb-colleague');
  const invite = await client.post(`/employers/${employerId}/members`, { phone: '13700001111' }, owner);
  expect((await client.post('/me/employer-invitations/accept', { phone: '13700001111', code: invite.body.invitation.code }, colleague)).status).toBe(200);
  seeker = await client.devLogin('jb-seeker');
  seekerId = await register(seeker, 701, '林秀英', '13812345678');
  neighbour = await client.devLogin('jb-neighbour');
  neighbourId = await register(neighbour, 702, '陈美华', '13812340000');
});

afterAll(() => api?.stop());

describe('applying', () => {
  it('takes one tap, and a second one answers 409', async () => {
    const res = await client.post(`/vacancies/${vacancyId}/applications`, { message: '下午都有空' }, seeker);
    expect(res.status).toBe(201);
    expect(res.body.application).toMatchObject({ status: 'applied', vacancy: { id: vacancyId, title: '超市收银员' }, message: '下午都有空' });
    expect((await client.post(`/vacancies/${vacancyId}/applications`, {}, seeker)).status).toBe(409);
    const mine = await client.get('/me/applications', seeker);
    expect(mine.body.items.map((a: { vacancy: { id: string } }) => a.vacancy.id)).toEqual([vacancyId]);
  });

  it('needs a registration first, and an open vacancy', async () => {
    const stranger = await client.devLogin('jb-unregistered');
    const res = await client.post(`/vacancies/${vacancyId}/applications`, {}, stranger);
    expect(res.status).toBe(403);
    expect(res.body.error.message).toContain('求职登记');
    expect((await client.post('/vacancies/01J00000000000000000000000/applications', {}, seeker)).status).toBe(404);
    expect((await client.post(`/vacancies/${vacancyId}/applications`, { message: 'x'.repeat(300) }, neighbour)).status).toBe(400);
  });
});

describe("the employer's roster", () => {
  it('shows applicants with their contact, referred people masked, best match first; only to its members', async () => {
    const referral = await client.post('/staff/referrals', { personId: neighbourId, vacancyId }, community);
    expect(referral.status).toBe(201);
    const roster = await client.get(`/vacancies/${vacancyId}/candidates`, colleague);
    expect(roster.status).toBe(200);
    const byKind = Object.fromEntries(roster.body.items.map((c: { kind: string }) => [c.kind, c]));
    expect(byKind.applied).toMatchObject({ name: '林秀英', phone: '13812345678', contactMasked: false, status: 'applied', message: '下午都有空' });
    expect(byKind.referred).toMatchObject({ name: '陈**', phone: '138****0000', contactMasked: true, referralCode: referral.body.referral.code });
    expect(byKind.applied.match.reasons).toEqual(expect.arrayContaining(['是其想做的工种（收银员）', '月薪最高4500元，达到其要求']));
    expect((await client.get(`/vacancies/${vacancyId}/candidates`, otherOwner)).status).toBe(404);
    expect((await client.get(`/vacancies/${vacancyId}/candidates`, seeker)).status).toBe(404);
  });

  it('records outcomes in order, tells the applicant, and refuses the impossible', async () => {
    const roster = await client.get(`/vacancies/${vacancyId}/candidates`, owner);
    const applicationId = roster.body.items.find((c: { kind: string }) => c.kind === 'applied').applicationId;
    expect((await client.post(`/applications/${applicationId}/outcome`, { outcome: 'invited' }, otherOwner)).status).toBe(404);
    const invited = await client.post(`/applications/${applicationId}/outcome`, { outcome: 'invited', note: '周三上午十点来店面试' }, owner);
    expect(invited.status).toBe(200);
    expect(invited.body.application).toMatchObject({ status: 'invited', employerNote: '周三上午十点来店面试' });
    expect((await client.post(`/applications/${applicationId}/outcome`, { outcome: 'invited' }, owner)).status).toBe(409);
    expect((await client.post(`/applications/${applicationId}/outcome`, { outcome: 'promoted' }, owner)).status).toBe(400);
    expect((await client.post(`/applications/${applicationId}/outcome`, { outcome: 'hired' }, colleague)).status).toBe(200);
    expect((await client.post(`/applications/${applicationId}/outcome`, { outcome: 'rejected' }, owner)).status).toBe(409);
    const mine = await client.get('/me/applications', seeker);
    expect(mine.body.items[0]).toMatchObject({ status: 'hired', employerNote: '周三上午十点来店面试' });
  });
});

describe('referral letters and follow-up tasks', () => {
  it('is verifiable by its code, names the person masked, and says when they applied', async () => {
    const letter = await client.post('/staff/referrals', { personId: seekerId, vacancyId, note: '有收银经验' }, community);
    expect(letter.status).toBe(201);
    const { code } = letter.body.referral;
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{8}$/);
    const seen = await client.get(`/referrals/${code}`, owner);
    expect(seen.body.referral).toMatchObject({ code, personName: '林**', applied: true, note: '有收银经验', vacancy: { id: vacancyId } });
    expect(seen.body.referral.issuedBy).toContain('鼓东街道');
    expect((await client.get('/referrals/AAAAAAAA', owner)).status).toBe(404);
    expect((await client.get('/referrals/bad', owner)).status).toBe(404);
    expect((await client.post('/staff/referrals', { personId: seekerId, vacancyId }, community)).status).toBe(409);
  });

  it('refers only people of the staff member’s own jurisdiction, to open vacancies', async () => {
    expect((await client.post('/staff/referrals', { personId: neighbourId, vacancyId }, otherCommunity)).status).toBe(404);
    expect((await client.post('/staff/referrals', { personId: neighbourId, vacancyId }, seeker)).status).toBe(403);
    expect((await client.post('/staff/referrals', { personId: neighbourId, vacancyId: '01J00000000000000000000000' }, community)).status).toBe(400);
  });

  it('creates a 7-day call-back and a 30-day employer visit, listed by due date in the jurisdiction', async () => {
    const tasks = await client.get('/staff/tasks', community);
    expect(tasks.status).toBe(200);
    const kinds = tasks.body.items.map((t: { kind: string }) => t.kind);
    expect(kinds.filter((k: string) => k === 'referral_call_seeker')).toHaveLength(2);
    expect(kinds.filter((k: string) => k === 'referral_visit_employer')).toHaveLength(2);
    const dues = tasks.body.items.map((t: { due: string }) => t.due);
    expect(dues).toEqual([...dues].sort());
    // 7 and 30 calendar days, moved to the next working day when that is a day off.
    const today = todayInChina();
    expect(new Set(tasks.body.items.map((t: { due: string }) => t.due))).toEqual(new Set([calendarDeadline(today, 7), calendarDeadline(today, 30)]));
    expect(tasks.body.items[0]).toMatchObject({ overdue: false, areaCode: COMMUNITY });
    // The street above sees them too; another community does not.
    expect((await client.get('/staff/tasks', street)).body.items).toHaveLength(4);
    expect((await client.get('/staff/tasks', otherCommunity)).body.items).toHaveLength(0);
    expect((await client.get('/staff/tasks', seeker)).status).toBe(403);
  });
});

describe('为您推荐 and subscription messages', () => {
  it('recommends open vacancies near home that fit the intention, best first', async () => {
    const res = await client.get('/me/recommendations', neighbour);
    expect(res.status).toBe(200);
    expect(res.body.basis).toEqual({ radiusKm: 3, occupations: ['收银员'] });
    expect(res.body.items.map((i: { vacancy: { id: string } }) => i.vacancy.id)).toContain(vacancyId);
    const scores = res.body.items.map((i: { match: { score: number } }) => i.match.score);
    expect(scores).toEqual([...scores].sort((a: number, b: number) => b - a));
    const stranger = await client.devLogin('jb-no-registration');
    expect((await client.get('/me/recommendations', stranger)).body).toEqual({ items: [] });
  });

  it('counts one-time authorisations per template', async () => {
    const first = await client.post('/me/subscriptions', { accepted: ['application_update'] }, seeker);
    expect(first.body.remaining).toEqual({ application_update: 1 });
    const second = await client.post('/me/subscriptions', { accepted: ['application_update', 'new_match'] }, seeker);
    expect(second.body.remaining).toEqual({ application_update: 2, new_match: 1 });
    expect((await client.post('/me/subscriptions', { accepted: ['spam'] }, seeker)).status).toBe(400);
  });

});

describe('interview slots and bookings (issue 6, first slice)', () => {
  const quarterHourIn = (days: number, hourUtc: number) => {
    const d = new Date(Date.now() + days * 86_400_000);
    d.setUTCHours(hourUtc, 0, 0, 0);
    return d.toISOString();
  };

  it('lets the employer open a slot, and refuses one that makes no sense', async () => {
    const bad = await client.post(`/vacancies/${vacancyId}/interview-slots`, { startsAt: '2020-01-01T00:07:00Z', durationMinutes: 20, capacity: 0, mode: 'onsite' }, owner);
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.map((d: { path: string[] }) => d.path.join('.'))).toEqual(expect.arrayContaining(['startsAt', 'durationMinutes', 'capacity', 'place']));
    expect((await client.post(`/vacancies/${vacancyId}/interview-slots`, { startsAt: quarterHourIn(3, 2), durationMinutes: 30, capacity: 1, mode: 'video' }, otherOwner)).status).toBe(404);
    const slot = await client.post(`/vacancies/${vacancyId}/interview-slots`, { startsAt: quarterHourIn(3, 2), durationMinutes: 30, capacity: 1, mode: 'onsite', place: '东街 8 号二楼' }, owner);
    expect(slot.status).toBe(201);
    expect(slot.body.slot).toMatchObject({ capacity: 1, remaining: 1, bookable: true });
  });

  it('books the only place once (a retry with the same key is the same booking), and tells the next person it is full', async () => {
    const [slot] = (await client.get(`/vacancies/${vacancyId}/interview-slots`, seeker)).body.items;
    const headers = { 'idempotency-key': 'book-jb-seeker-0001' };
    const first = await client.call('POST', `/interview-slots/${slot.id}/bookings`, { token: seeker, headers });
    const retry = await client.call('POST', `/interview-slots/${slot.id}/bookings`, { token: seeker, headers });
    expect(first.status).toBe(201);
    expect(retry.text).toBe(first.text);
    const referred = await client.post(`/vacancies/${vacancyId}/applications`, {}, neighbour);
    expect([201, 409]).toContain(referred.status);
    const full = await client.call('POST', `/interview-slots/${slot.id}/bookings`, { token: neighbour });
    expect(full.status).toBe(409);
    expect(full.body.error.message).toBe('这个时段已经约满了，请选其他时段');
    expect((await client.get('/me/interviews', seeker)).body.items).toEqual([expect.objectContaining({ slotId: slot.id, status: 'booked' })]);

    // Cancelled, the place goes to the next person.
    expect((await client.call('DELETE', `/bookings/${first.body.booking.id}`, { token: neighbour })).status).toBe(404);
    expect((await client.call('DELETE', `/bookings/${first.body.booking.id}`, { token: seeker })).status).toBe(200);
    const taken = await client.call('POST', `/interview-slots/${slot.id}/bookings`, { token: neighbour });
    expect(taken.status).toBe(201);

    // Moved to a later slot in one step; the outcome waits for the interview to start.
    const later = await client.post(`/vacancies/${vacancyId}/interview-slots`, { startsAt: quarterHourIn(4, 3), durationMinutes: 30, capacity: 2, mode: 'video' }, owner);
    const moved = await client.post(`/bookings/${taken.body.booking.id}/reschedule`, { slotId: later.body.slot.id }, neighbour);
    expect(moved.status).toBe(200);
    expect(moved.body.booking).toMatchObject({ slotId: later.body.slot.id, status: 'booked', mode: 'video' });
    // A video slot's room: made by the meeting adapter, on the booking, and on the employer's list of bookings.
    expect(moved.body.booking.roomUrl).toMatch(/^http:\/\/localhost:10086\/test-rooms\/doorstep-/);
    const roster = await client.get(`/vacancies/${vacancyId}/interview-bookings`, owner);
    expect(roster.status).toBe(200);
    expect(roster.body.items).toEqual([expect.objectContaining({ booking: expect.objectContaining({ id: moved.body.booking.id, roomUrl: moved.body.booking.roomUrl }), person: expect.objectContaining({ noShows: 0 }) })]);
    expect((await client.get(`/vacancies/${vacancyId}/interview-bookings`, neighbour)).status).toBe(404);
    expect((await client.post(`/bookings/${moved.body.booking.id}/outcome`, { outcome: 'maybe' }, owner)).status).toBe(400);
    const early = await client.post(`/bookings/${moved.body.booking.id}/outcome`, { outcome: 'hired' }, owner);
    expect(early.status).toBe(422);
    expect(early.body.error.message).toBe('面试开始后才能记录结果');
    expect((await client.post(`/bookings/${moved.body.booking.id}/outcome`, { outcome: 'hired' }, otherOwner)).status).toBe(404);
  });

  it('lets community staff book for a person of their community they referred, and no one else', async () => {
    const slot = await client.post(`/vacancies/${vacancyId}/interview-slots`, { startsAt: quarterHourIn(5, 2), durationMinutes: 30, capacity: 3, mode: 'onsite', place: '东街 8 号二楼' }, owner);
    expect((await client.get(`/vacancies/${vacancyId}/interview-slots`, community)).status).toBe(200);
    expect((await client.post(`/staff/interview-slots/${slot.body.slot.id}/bookings`, { personId: seekerId }, otherCommunity)).status).toBe(404);
    expect((await client.post(`/staff/interview-slots/${slot.body.slot.id}/bookings`, { personId: seekerId }, seeker)).status).toBe(403);
    expect((await client.post(`/staff/interview-slots/${slot.body.slot.id}/bookings`, {}, community)).status).toBe(400);
    const assisted = await client.post(`/staff/interview-slots/${slot.body.slot.id}/bookings`, { personId: seekerId }, community);
    expect(assisted.status).toBe(201);
    expect(assisted.body.booking).toMatchObject({ assisted: true, place: '东街 8 号二楼' });
    expect((await client.get('/me/interviews', seeker)).body.items).toEqual(expect.arrayContaining([expect.objectContaining({ id: assisted.body.booking.id, assisted: true })]));
  });

  it('shows the slots only to the employer and to people who applied', async () => {
    const stranger = await client.devLogin('jb-slot-stranger');
    expect((await client.get(`/vacancies/${vacancyId}/interview-slots`, stranger)).status).toBe(404);
    expect((await client.get(`/vacancies/${vacancyId}/interview-slots`, colleague)).status).toBe(200);
  });
});
