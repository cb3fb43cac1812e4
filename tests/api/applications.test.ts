// Person applications over real HTTP: unemployment registration reviewed by the street,
// hard-to-employ recognition through street then district, employment registration, derived
// categories, assisted filing by community staff, photo uploads, staff views and employer
// colleagues — each inside the four-level jurisdiction.
import { apiClient } from '../support/http';
import { startApi, type RunningApi } from '../support/localStack';
import { uniqueTableName } from '../support/testConfig';
import { makeIdNumber, registrationBody } from '../support/people';
import { employerBody, makeUscc } from '../support/employers';
import { pendingReview as pendingReviewOf, uploadPhoto as uploadPhotoVia } from '../support/hardship';

jest.setTimeout(240_000);

let api: RunningApi;
let client: ReturnType<typeof apiClient>;
const tableName = uniqueTableName('apps');

// 鼓东街道 (350102001) 的两个社区；鼓西街道 (350102002) 在隔壁；台江区 (350103) 是另一个区。
const COMMUNITY = '350102001001';
const staffAccounts = {
  community: { openid: 'ap-community', roles: ['staff'], level: 'community', areaCode: COMMUNITY },
  otherCommunity: { openid: 'ap-community-2', roles: ['staff'], level: 'community', areaCode: '350102001002' },
  street: { openid: 'ap-street', roles: ['staff'], level: 'street', areaCode: '350102001' },
  otherStreet: { openid: 'ap-street-2', roles: ['staff'], level: 'street', areaCode: '350102002' },
  district: { openid: 'ap-district', roles: ['staff'], level: 'district', areaCode: '350102' },
  otherDistrict: { openid: 'ap-district-2', roles: ['staff'], level: 'district', areaCode: '350103' },
};
const staff: Record<keyof typeof staffAccounts, string> = {} as never;

beforeAll(async () => {
  api = await startApi({ tableName });
  client = apiClient(api.baseUrl);
  for (const [name, body] of Object.entries(staffAccounts)) staff[name as keyof typeof staff] = await client.devLogin(body.openid, body);
});

afterAll(() => api?.stop());

let serial = 0;
/** A signed-in citizen with a job-seeker registration in 鼓东街道. */
async function citizen(overrides: Parameters<typeof registrationBody>[0] = {}) {
  serial += 1;
  const token = await client.devLogin(`ap-citizen-${serial}`);
  const res = await client.put('/me/jobseeker-registration', registrationBody({ idNumber: makeIdNumber('1980-05-17', 300 + serial), ...overrides }), token);
  expect({ status: res.status, text: res.text }).toMatchObject({ status: 200 });
  const me = await client.get('/me', token);
  return { token, userId: me.body.user.id as string };
}

const unemployment = {
  priorStatus: 'employed',
  lastEmployer: '福州鼓楼纺织厂',
  leavingReason: 'contract_ended',
  leftOn: '2026-03-31',
  ableToWork: true,
  willingToWork: true,
  localResident: true,
};

const pendingReview = (token: string, type: string, applicationId: string, step?: string) => pendingReviewOf(client, token, type, applicationId, step);

async function decide(token: string, reviewId: string, decision: 'approve' | 'reject', reason = '') {
  return client.post(`/staff/reviews/${reviewId}/decision`, { decision, reason }, token);
}

async function becomeUnemployed(overrides: Parameters<typeof registrationBody>[0] = {}) {
  const person = await citizen(overrides);
  const applied = await client.post('/me/unemployment-registration', unemployment, person.token);
  expect(applied.status).toBe(201);
  const review = await pendingReview(staff.street, 'unemployment', applied.body.application.id);
  expect((await decide(staff.street, review!.id, 'approve')).status).toBe(200);
  return person;
}

/** Uploads a small JPEG the way the mini-program does: ask for a form, then post the file. */
const uploadPhoto = (token: string, purpose: 'evidence' | 'licences') => uploadPhotoVia(client, api.baseUrl, token, purpose);

describe('unemployment registration (失业登记)', () => {
  it('needs a job-seeker registration first', async () => {
    const token = await client.devLogin('ap-no-registration');
    const res = await client.post('/me/unemployment-registration', unemployment, token);
    expect(res.status).toBe(409);
    expect(res.body.error.message).toContain('求职登记');
  });

  it('refuses a missing declaration or leaving date with a Chinese message per field, and writes nothing', async () => {
    const person = await citizen();
    const res = await client.post('/me/unemployment-registration', { ...unemployment, willingToWork: false, leftOn: undefined }, person.token);
    expect(res.status).toBe(400);
    const paths = (res.body.error.details as { path: string[]; message: string }[]).map((d) => `${d.path.join('.')}:${d.message}`);
    expect(paths).toEqual(expect.arrayContaining(['willingToWork:失业登记须有就业愿望', 'leftOn:请选择离职日期']));
    expect((await client.get('/me/person-applications', person.token)).body.items).toEqual([]);
  });

  it('refuses someone past working age, naming the bound', async () => {
    const person = await citizen({ idNumber: makeIdNumber('1960-01-02', 401) });
    const res = await client.post('/me/unemployment-registration', unemployment, person.token);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain('法定劳动年龄');
  });

  it('goes to its street; only that street decides; approval makes the person registered unemployed from the leaving date', async () => {
    const person = await citizen();
    const applied = await client.post('/me/unemployment-registration', unemployment, person.token);
    expect(applied.status).toBe(201);
    expect(applied.body.application).toMatchObject({ kind: 'unemployment', status: 'pending_street', assisted: false, ruleVersion: 'PR-2026-01' });
    const id = applied.body.application.id;

    expect((await client.post('/me/unemployment-registration', unemployment, person.token)).status).toBe(409);

    expect(await pendingReview(staff.otherStreet, 'unemployment', id)).toBeUndefined();
    const review = await pendingReview(staff.street, 'unemployment', id);
    expect(review).toMatchObject({ personId: person.userId, step: 'street' });
    expect((await decide(staff.otherStreet, review!.id, 'approve')).status).toBe(404);
    expect((await decide(staff.district, review!.id, 'approve')).status).toBe(403);
    expect((await decide(staff.community, review!.id, 'approve')).status).toBe(403);

    const approved = await decide(staff.street, review!.id, 'approve');
    expect(approved.status).toBe(200);
    expect(approved.body.review.status).toBe('approved');

    const categories = await client.get('/me/categories', person.token);
    expect(categories.body.categories).toEqual(
      expect.arrayContaining([expect.objectContaining({ code: 'registered_unemployed', since: '2026-03-31', source: 'review', ruleVersion: 'PR-2026-01' })]),
    );
    const [mine] = (await client.get('/me/person-applications', person.token)).body.items;
    expect(mine.status).toBe('approved');
    expect(mine.timeline.map((t: { label: string }) => t.label)).toEqual(['提交申请，等待街道审核', '审核通过']);

    const trail = await client.get(`/audit/PersonApplication/${id}`, person.token);
    expect(trail.body.verified).toBe(true);
    expect((await client.get(`/audit/PersonApplication/${id}`, staff.otherStreet)).status).toBe(404);
    expect((await client.post('/me/unemployment-registration', unemployment, person.token)).status).toBe(409);
  });

  it('a rejection carries its reason to the applicant and allows a new application', async () => {
    const person = await citizen();
    const applied = await client.post('/me/unemployment-registration', unemployment, person.token);
    const review = await pendingReview(staff.street, 'unemployment', applied.body.application.id);
    expect((await decide(staff.street, review!.id, 'reject', '')).status).toBe(400);
    expect((await decide(staff.street, review!.id, 'reject', '缺少解除劳动合同证明')).status).toBe(200);
    const [mine] = (await client.get('/me/person-applications', person.token)).body.items;
    expect(mine.status).toBe('rejected');
    expect(mine.timeline[1]).toMatchObject({ label: '未通过', reason: '缺少解除劳动合同证明' });
    expect((await client.post('/me/unemployment-registration', unemployment, person.token)).status).toBe(201);
  });
});

describe('hard-to-employ recognition (就业困难人员认定)', () => {
  it('is only for registered unemployed persons', async () => {
    const person = await citizen();
    const res = await client.post('/me/hardship-applications', { category: 'disabled', evidenceKeys: [] }, person.token);
    expect(res.status).toBe(409);
    expect(res.body.error.message).toContain('失业登记');
  });

  it('asks for the evidence the rules table names, and checks what it can compute', async () => {
    // Sequence 701 is odd: a man, 46 years old — not yet "over-age" (50 for men).
    const person = await becomeUnemployed({ idNumber: makeIdNumber('1980-05-17', 701) });
    const noEvidence = await client.post('/me/hardship-applications', { category: 'disabled' }, person.token);
    expect(noEvidence.status).toBe(400);
    expect(noEvidence.body.error.details[0]).toMatchObject({ path: ['evidenceKeys'], message: '请上传：残疾人证' });
    const tooYoung = await client.post('/me/hardship-applications', { category: 'over_age' }, person.token);
    expect(tooYoung.status).toBe(400);
    expect(tooYoung.body.error.details[0].message).toContain('男性满50周岁');
    const someoneElses = await uploadPhoto(staff.street, 'evidence');
    const stolen = await client.post('/me/hardship-applications', { category: 'disabled', evidenceKeys: [someoneElses.key] }, person.token);
    expect(stolen.status).toBe(400);
  });

  it('street first review, then district confirmation — never the other way round', async () => {
    const person = await becomeUnemployed();
    const photo = await uploadPhoto(person.token, 'evidence');
    const applied = await client.post('/me/hardship-applications', { category: 'disabled', evidenceKeys: [photo.key] }, person.token);
    expect(applied.status).toBe(201);
    const id = applied.body.application.id;

    // The district has nothing to confirm before the street has reviewed.
    expect(await pendingReview(staff.district, 'hardship', id, 'district')).toBeUndefined();
    const streetReview = await pendingReview(staff.street, 'hardship', id);
    expect((await decide(staff.district, streetReview!.id, 'approve')).status).toBe(403);

    // Staff see the evidence the decision needs, and the photo opens.
    const seen = await client.get(`/staff/people/${person.userId}`, staff.street);
    expect(seen.status).toBe(200);
    const app = seen.body.applications.find((a: { id: string }) => a.id === id);
    const photoRes = await fetch(`${api.baseUrl}${app.evidence[0].url}`);
    expect(photoRes.status).toBe(200);
    expect(Buffer.from(await photoRes.arrayBuffer())).toEqual(photo.bytes);

    expect((await decide(staff.street, streetReview!.id, 'approve')).status).toBe(200);
    let [mine] = (await client.get('/me/person-applications', person.token)).body.items;
    expect(mine.status).toBe('pending_district');
    expect((await client.get('/me/categories', person.token)).body.categories.map((c: { code: string }) => c.code)).not.toContain('hard_to_employ');

    const districtReview = await pendingReview(staff.district, 'hardship', id, 'district');
    expect(districtReview).toBeDefined();
    expect(await pendingReview(staff.otherDistrict, 'hardship', id, 'district')).toBeUndefined();
    expect((await decide(staff.street, districtReview!.id, 'approve')).status).toBe(403);
    expect((await decide(staff.otherDistrict, districtReview!.id, 'approve')).status).toBe(404);
    expect((await decide(staff.district, districtReview!.id, 'approve')).status).toBe(200);
    expect((await decide(staff.district, districtReview!.id, 'approve')).status).toBe(409);

    [mine] = (await client.get('/me/person-applications', person.token)).body.items;
    expect(mine.timeline.map((t: { status: string }) => t.status)).toEqual(['pending_street', 'pending_district', 'approved']);
    const categories = (await client.get('/me/categories', person.token)).body.categories;
    expect(categories).toEqual(expect.arrayContaining([expect.objectContaining({ code: 'hard_to_employ', detail: '残疾人', ruleVersion: 'PR-2026-01' })]));
  });
});

describe('employment registration (就业登记)', () => {
  const employment = {
    employmentKind: 'unit',
    employerName: '福州鼓东便民超市有限公司',
    workAreaCode: COMMUNITY,
    workAddress: '鼓东路 20 号',
    post: '收银员',
    startedOn: '2026-10-08',
    weeklyHours: 40,
    monthlyIncomeFen: 420000,
  };

  it('is recorded at once and ends the registered-unemployed status; a second one is 409', async () => {
    const person = await becomeUnemployed();
    const res = await client.post('/me/employment-registration', employment, person.token);
    expect(res.status).toBe(201);
    expect(res.body.application).toMatchObject({ kind: 'employment', status: 'recorded' });
    expect(res.body.application.details.workAreaName).toContain('鼓东街道');
    const codes = (await client.get('/me/categories', person.token)).body.categories.map((c: { code: string }) => c.code);
    expect(codes).toContain('employed');
    expect(codes).not.toContain('registered_unemployed');
    expect((await client.post('/me/employment-registration', employment, person.token)).status).toBe(409);
  });

  it('refuses a start date before the unemployment registration', async () => {
    const person = await becomeUnemployed();
    const res = await client.post('/me/employment-registration', { ...employment, startedOn: '2026-01-05' }, person.token);
    expect(res.status).toBe(400);
    expect(res.body.error.details[0].path).toEqual(['startedOn']);
  });
});

describe('derived categories', () => {
  it('a graduate within two years and a youth of 16–24 are derived from the registration', async () => {
    const person = await citizen({ idNumber: makeIdNumber('2003-02-11', 501), graduationDate: '2025-07-01' });
    const codes = (await client.get('/me/categories', person.token)).body.categories.map((c: { code: string; source: string }) => `${c.code}:${c.source}`);
    expect(codes).toEqual(expect.arrayContaining(['graduate_2y:derived', 'youth_16_24:derived']));
    const older = await citizen({ graduationDate: '2020-07-01' });
    expect((await client.get('/me/categories', older.token)).body.categories).toEqual([]);
  });
});

describe('assisted filing by community staff (代办)', () => {
  it('community staff file for a person of their community, recorded as assisted', async () => {
    const person = await citizen();
    const found = await client.post('/staff/people/search', { idNumber: makeIdNumber('1980-05-17', 300 + serial) }, staff.community);
    expect(found.status).toBe(200);
    expect(found.body.person).toMatchObject({ id: person.userId, idNumberMasked: expect.stringContaining('****'), phoneMasked: '138****5678', interviews: { attended: 0, noShows: 0 } });
    expect((await client.post('/staff/people/search', { idNumber: makeIdNumber('1980-05-17', 300 + serial) }, staff.otherCommunity)).status).toBe(404);

    const res = await client.post('/me/unemployment-registration', { ...unemployment, onBehalfOf: person.userId }, staff.community);
    expect(res.status).toBe(201);
    expect(res.body.application).toMatchObject({ personId: person.userId, assisted: true });
    const [mine] = (await client.get('/me/person-applications', person.token)).body.items;
    expect(mine.timeline[0].label).toBe('社区工作人员代为提交，等待街道审核');
    expect(await pendingReview(staff.street, 'unemployment', mine.id)).toMatchObject({ assisted: true });
  });

  it('nobody else may file for someone: other communities get 404, citizens 403', async () => {
    const person = await citizen();
    expect((await client.post('/me/unemployment-registration', { ...unemployment, onBehalfOf: person.userId }, staff.otherCommunity)).status).toBe(404);
    const other = await citizen();
    expect((await client.post('/me/unemployment-registration', { ...unemployment, onBehalfOf: person.userId }, other.token)).status).toBe(403);
    expect((await client.post('/me/unemployment-registration', { ...unemployment, onBehalfOf: person.userId }, staff.street)).status).toBe(403);
  });
});

describe('staff views (masked, in jurisdiction only)', () => {
  it('a person: masked ID and phone to staff in scope, 404 outside', async () => {
    const person = await citizen();
    const res = await client.get(`/staff/people/${person.userId}`, staff.district);
    expect(res.status).toBe(200);
    expect(res.body.person.idNumberMasked).toMatch(/^3501\*+\d{3}[\dX]$/);
    expect(res.text).not.toContain('13812345678');
    for (const outside of [staff.otherStreet, staff.otherDistrict, staff.otherCommunity]) {
      expect((await client.get(`/staff/people/${person.userId}`, outside)).status).toBe(404);
    }
    expect((await client.get(`/staff/people/${person.userId}`, person.token)).status).toBe(403);
  });

  it('an employer: licence photo viewable, phone masked, 404 outside', async () => {
    const owner = await client.devLogin('ap-owner-licence');
    const licence = await uploadPhoto(owner, 'licences');
    const created = await client.post('/employers', employerBody({ uscc: makeUscc(9101), licenceImageKey: licence.key }), owner);
    expect(created.status).toBe(201);
    const id = created.body.employer.id;
    const res = await client.get(`/staff/employers/${id}`, staff.street);
    expect(res.status).toBe(200);
    expect(res.body.employer.contactPhoneMasked).toBe('139****1234');
    expect(res.text).not.toContain('13905911234');
    const photo = await fetch(`${api.baseUrl}${res.body.employer.licenceUrl}`);
    expect(Buffer.from(await photo.arrayBuffer())).toEqual(licence.bytes);
    expect((await client.get(`/staff/employers/${id}`, staff.otherStreet)).status).toBe(404);
    expect((await client.get(`/staff/employers/${id}`, staff.otherDistrict)).status).toBe(404);
  });
});

describe('uploads', () => {
  it('refuses other file types and oversize photos up front, and a tampered form at upload', async () => {
    const token = await client.devLogin('ap-uploader');
    expect((await client.post('/uploads', { purpose: 'evidence', contentType: 'application/pdf', size: 10 }, token)).status).toBe(400);
    expect((await client.post('/uploads', { purpose: 'evidence', contentType: 'image/jpeg', size: 6 * 1024 * 1024 }, token)).status).toBe(400);
    const target = await client.post('/uploads', { purpose: 'evidence', contentType: 'image/jpeg', size: 3 }, token);
    const form = new FormData();
    form.append('key', `evidence/${'0'.repeat(26)}/${'1'.repeat(26)}.jpg`);
    form.append('Content-Type', 'image/jpeg');
    form.append('token', target.body.upload.fields.token);
    form.append('file', new Blob([Buffer.from([1, 2, 3])]), 'x.jpg');
    expect((await fetch(`${api.baseUrl}${target.body.upload.url}`, { method: 'POST', body: form })).status).toBe(403);
    // Someone else's licence key cannot be attached to an employer.
    const other = await uploadPhoto(await client.devLogin('ap-uploader-2'), 'licences');
    const res = await client.post('/employers', employerBody({ uscc: makeUscc(9102), licenceImageKey: other.key }), token);
    expect(res.status).toBe(400);
  });
});

describe('a refused employer', () => {
  it('sees the reason and may onboard again with the same credit code', async () => {
    const owner = await client.devLogin('ap-owner-refused');
    const body = employerBody({ uscc: makeUscc(9301) });
    const id = (await client.post('/employers', body, owner)).body.employer.id;
    const review = (await client.get('/staff/reviews?type=employer&limit=100', staff.street)).body.items.find((r: { subjectId: string }) => r.subjectId === id);
    expect((await decide(staff.street, review.id, 'reject', '营业执照照片看不清')).status).toBe(200);
    const mine = await client.get('/me/employers', owner);
    expect(mine.body.items[0].employer).toMatchObject({ status: 'rejected', reviewReason: '营业执照照片看不清' });
    expect((await client.post('/employers', body, owner)).status).toBe(201);
  });
});

describe('employer colleagues', () => {
  it('the admin of an approved employer adds a colleague by phone; the colleague joins with the code', async () => {
    const owner = await client.devLogin('ap-owner-members');
    const created = await client.post('/employers', employerBody({ uscc: makeUscc(9201) }), owner);
    const id = created.body.employer.id;
    expect((await client.post(`/employers/${id}/members`, { phone: '13700001111' }, owner)).status).toBe(409);

    const review = (await client.get('/staff/reviews?type=employer&limit=100', staff.street)).body.items.find((r: { subjectId: string }) => r.subjectId === id);
    expect((await decide(staff.street, review.id, 'approve')).status).toBe(200);
    const reLogin = await client.post('/auth/dev-login', { openid: 'ap-owner-members' });
    expect(reLogin.body.user.roles).toContain('employer');

    const invited = await client.post(`/employers/${id}/members`, { phone: '13700001111' }, owner);
    expect(invited.status).toBe(201);
    const code = invited.body.invitation.code as string;
    expect(code).toMatch(/^\d{6}$/);

    const colleague = await client.devLogin('ap-colleague');
    expect((await client.post(`/employers/${id}/members`, { phone: '13700002222' }, colleague)).status).toBe(404);
    expect((await client.get(`/employers/${id}`, colleague)).status).toBe(404);
    const wrong = code === '000000' ? '000001' : '000000';
    expect((await client.post('/me/employer-invitations/accept', { phone: '13700001111', code: wrong }, colleague)).status).toBe(400);
    expect((await client.post('/me/employer-invitations/accept', { phone: '13700009999', code }, colleague)).status).toBe(404);
    const joined = await client.post('/me/employer-invitations/accept', { phone: '13700001111', code }, colleague);
    expect(joined.status).toBe(200);
    expect((await client.get(`/employers/${id}`, colleague)).status).toBe(200);
    expect((await client.get('/me/employers', colleague)).body.items).toEqual([expect.objectContaining({ role: 'member' })]);
    // The code is used up, and a member cannot invite.
    expect((await client.post('/me/employer-invitations/accept', { phone: '13700001111', code }, await client.devLogin('ap-late'))).status).toBe(404);
    expect((await client.post(`/employers/${id}/members`, { phone: '13700003333' }, colleague)).status).toBe(403);
    expect((await client.get(`/audit/Employer/${id}`, owner)).body.events.map((e: { action: string }) => e.action)).toEqual(['create', 'approve', 'member_joined']);
  });

  it('five wrong codes lock the invitation', async () => {
    const owner = await client.devLogin('ap-owner-lock');
    const id = (await client.post('/employers', employerBody({ uscc: makeUscc(9202) }), owner)).body.employer.id;
    const review = (await client.get('/staff/reviews?type=employer&limit=100', staff.street)).body.items.find((r: { subjectId: string }) => r.subjectId === id);
    await decide(staff.street, review.id, 'approve');
    const { code } = (await client.post(`/employers/${id}/members`, { phone: '13700004444' }, owner)).body.invitation;
    const guesser = await client.devLogin('ap-guesser');
    const wrong = code === '000000' ? '000001' : '000000';
    for (let i = 0; i < 5; i += 1) await client.post('/me/employer-invitations/accept', { phone: '13700004444', code: wrong }, guesser);
    const res = await client.post('/me/employer-invitations/accept', { phone: '13700004444', code }, guesser);
    expect(res.status).toBe(409);
  });
});
