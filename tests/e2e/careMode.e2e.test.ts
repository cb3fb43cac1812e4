// 关怀模式 on every citizen page (issue 17), at 375×812 in the H5 build against the real API: a
// 54-year-old woman with everything a citizen can have — a registration, an approved unemployment
// registration, an application to a job nearby with an interview booked, a training course she
// signed up for, a claimed employment voucher, a complaint, a family member who acts for her —
// opens each page a citizen can reach with care mode on (工作人员加入 too: it is reached from 我的). On each: the text is 1.5×, nothing
// overlaps, nothing scrolls sideways, every button is at least 54 px tall and reachable by a
// finger once scrolled to. A screenshot of each is written (care-<page>.png) and looked at.
import type { Page } from 'playwright-core';
import { careModeProblems, phoneOf, settled, shown } from '../support/browser';
import { startE2e, type E2eStack } from '../support/e2eStack';
import { employerBody, makeUscc } from '../support/employers';
import { courseBody } from '../support/courses';
import { makeIdNumber, registrationBody } from '../support/people';
import { vacancyBody } from '../support/vacancies';
import { programmeBody } from '../support/vouchers';
import { consumeTableStream, until } from '../support/streams';

jest.setTimeout(300_000);

let stack: E2eStack;
let stream: { stop(): void };
let page: Page;
const ids: Record<string, string> = {};
const HOME = { lat: 26.0875, lng: 119.301 };

const quarterHourIn = (days: number, hourUtc: number) => {
  const d = new Date(Date.now() + days * 86_400_000);
  d.setUTCHours(hourUtc, 0, 0, 0);
  return d.toISOString();
};

beforeAll(async () => {
  stack = await startE2e('care');
  stream = await consumeTableStream(stack.tableName, async () => (await import('../../functions/src/vouchers/handlers/stream')).onStream);
  const { client } = stack;
  const street = await client.devLogin('e2e-cm-street', { roles: ['staff'], level: 'street', areaCode: '350102001' });
  const district = await client.devLogin('e2e-cm-district', { roles: ['staff'], level: 'district', areaCode: '350102' });
  const finance = await client.devLogin('e2e-cm-finance', { roles: ['finance'], level: 'district', areaCode: '350102' });
  const approve = async (type: string, subjectId: string) => {
    const review = (await client.get(`/staff/reviews?type=${type}&limit=100`, street)).body.items.find((r: { subjectId: string }) => r.subjectId === subjectId);
    expect((await client.post(`/staff/reviews/${review.id}/decision`, { decision: 'approve' }, street)).status).toBe(200);
  };
  // A shop with a job nearby, and a training school with a course nearby.
  const owner = await client.devLogin('e2e-cm-owner');
  const shopId = (await client.post('/employers', employerBody({ name: '鼓东社区便民超市', uscc: makeUscc(7801) }), owner)).body.employer.id;
  await approve('employer', shopId);
  ids.vacancy = (await client.post('/vacancies', vacancyBody(shopId, HOME, { title: '超市理货员' }), owner)).body.vacancy.id;
  await approve('vacancy', ids.vacancy);
  const teacher = await client.devLogin('e2e-cm-teacher');
  const schoolId = (await client.post('/employers', employerBody({ name: '鼓楼区家政职业培训学校', uscc: makeUscc(7802) }), teacher)).body.employer.id;
  await approve('employer', schoolId);
  expect((await client.post('/staff/providers', { employerId: schoolId, types: ['training_institution'], bankAccount: { accountName: '家政培训', accountNo: '6222020200117788111', bankName: '工商银行' } }, district)).status).toBe(200);
  ids.course = (await client.post('/courses', courseBody(schoolId, { title: '家政服务员（五级）', place: { areaCode: '350102001001', address: '鼓东路 18 号', ...HOME } }), teacher)).body.course.id;
  const programme = (await client.post('/voucher-programmes', programmeBody({ name: '鼓楼区再就业服务券', targetGroups: ['registered_unemployed'] }), district)).body.programme;
  expect((await client.post(`/voucher-programmes/${programme.id}/approve`, undefined, finance)).status).toBe(200);

  // Her: registered, unemployed (approved), applied, booked, signed up, a voucher claimed, a complaint.
  const her = await client.devLogin('e2e-cm-her');
  const reg = registrationBody({ idNumber: makeIdNumber('1972-09-15', 624), name: '陈美华', phone: '13905918801', residence: { areaCode: '350102001001', address: '鼓东路 36 号', ...HOME } });
  expect((await client.put('/me/jobseeker-registration', reg, her)).status).toBe(200);
  const applied = await client.post('/me/unemployment-registration', { priorStatus: 'employed', lastEmployer: '福州鼓楼纺织厂', leavingReason: 'contract_ended', leftOn: '2026-06-30', ableToWork: true, willingToWork: true, localResident: true }, her);
  expect(applied.status).toBe(201);
  await approve('unemployment', applied.body.application.id);
  ids.voucher = await until(async () => (await client.get('/me/vouchers', her)).body.items[0]?.id, 'her voucher issued');
  expect((await client.post(`/me/vouchers/${ids.voucher}/claim`, {}, her)).status).toBe(200);
  expect((await client.post(`/vacancies/${ids.vacancy}/applications`, { message: '我在超市做过五年。' }, her)).status).toBe(201);
  const slot = await client.post(`/vacancies/${ids.vacancy}/interview-slots`, { startsAt: quarterHourIn(3, 2), durationMinutes: 30, capacity: 3, mode: 'onsite', place: '超市二楼办公室' }, owner);
  expect(slot.status).toBe(201);
  expect((await client.call('POST', `/interview-slots/${slot.body.slot.id}/bookings`, { token: her })).status).toBe(201);
  expect((await client.post(`/courses/${ids.course}/enrolments`, {}, her)).status).toBe(201);
  expect((await client.post('/complaints', { kind: 'suggestion', topic: 'other', text: '希望社区服务站周六上午也能办理业务。' }, her)).status).toBe(201);
  // Her son acts for her.
  const son = await client.devLogin('e2e-cm-son', {}, { consents: ['privacy'] });
  const invited = await client.post('/me/proxies', { phone: '13905918802', relation: 'child', callName: '妈妈', channel: 'h5' }, her);
  expect((await client.post('/me/proxy-invitations/accept', { phone: '13905918802', code: invited.body.code, channel: 'h5' }, son)).status).toBe(201);

  page = await phoneOf(stack.browser, 'e2e-cm-her');
  await page.addInitScript(() => localStorage.setItem('doorstep.care-mode', JSON.stringify({ data: true })));
});

afterAll(async () => {
  stream?.stop();
  await stack?.stop();
});

/** Every page a citizen reaches, with what shows once it has loaded. */
const PAGES: [name: string, path: () => string, shows: string][] = [
  ['home', () => 'pages/index/index', '更多服务'],
  ['registration-form', () => 'registration/form/index', '第 1 步，共 3 步：基本信息'],
  ['registration-mine', () => 'registration/mine/index', '登记有效'],
  ['applications', () => 'apply/index/index', '失业登记'],
  ['unemployment', () => 'apply/unemployment/index', '失业登记'],
  ['employment', () => 'apply/employment/index', '就业登记'],
  ['hardship', () => 'apply/hardship/index', '就业困难'],
  ['household', () => 'apply/household/index', '添加一位家庭成员'],
  ['jobs-nearby', () => 'jobs/nearby/index', '超市理货员'],
  ['jobs-recommended', () => 'jobs/nearby/index?mode=recommend', '超市理货员'],
  ['vacancy', () => `jobs/vacancy/index?id=${ids.vacancy}`, '超市理货员'],
  ['job-applications', () => 'jobs/applications/index', '超市理货员'],
  ['interview-book', () => `jobs/book/index?vacancyId=${ids.vacancy}`, '超市二楼办公室'],
  ['interviews', () => 'jobs/interviews/index', '超市二楼办公室'],
  ['courses', () => 'training/courses/index', '家政服务员（五级）'],
  ['course', () => `training/course/index?id=${ids.course}`, '家政服务员（五级）'],
  ['enrolments', () => 'training/enrolments/index', '家政服务员（五级）'],
  ['training-needs', () => 'training/needs/index', '想学'],
  ['vouchers', () => 'vouchers/wallet/index', '鼓楼区再就业服务券'],
  ['voucher', () => `vouchers/detail/index?id=${ids.voucher}`, '出示券码'],
  ['ratings', () => 'feedback/ratings/index', '评价'],
  ['rate', () => `feedback/rate/index?type=review&id=${ids.vacancy}&title=${encodeURIComponent('失业登记')}`, '失业登记'],
  ['complain', () => 'feedback/complain/index', '投诉'],
  ['complaints', () => 'feedback/complaints/index', '希望社区服务站周六上午也能办理业务'],
  ['mine', () => 'privacy/mine/index', '我的数据'],
  ['my-data', () => 'privacy/data/index', '我们保存的您的信息'],
  ['privacy-policy', () => 'privacy/policy/index', '个人信息保护指引'],
  ['family', () => 'family/index/index', '为我代办的家人'],
  ['family-invite', () => 'family/invite/index', '家人的手机号'],
  ['family-accept', () => 'family/accept/index', '邀请码'],
  ['family-records', () => 'family/records/index', '家人为我办的'],
  ['staff-join', () => 'staff/join/index', '加入码'],
  ['employer-onboard', () => 'employer/onboard/index', '统一社会信用代码'],
  ['employer-mine', () => 'employer/mine/index', '单位入驻'],
];

describe('关怀模式 on every citizen page', () => {
  it.each(PAGES)('%s: 1.5× text, nothing overlapping or off the screen, every button big and reachable', async (name, path, shows) => {
    await page.goto(`${stack.baseUrl}/#/${path()}`);
    await shown(page).getByText(shows).first().waitFor();
    await shown(page).locator('.page__loading').waitFor({ state: 'detached' });
    await settled(page);
    expect(await shown(page).locator('.notice--error').allInnerTexts()).toEqual([]);
    expect(await careModeProblems(page, `care-${name}.png`)).toEqual([]);
  });
});
