// Training on four phones (375×812, H5 build, real API): a training school publishes a course
// (told first what is missing, beside each field); a young woman finds it under 学技能 and signs
// up paying with her training voucher; her neighbour, finding it full, joins the waitlist; she
// cancels and he moves up; she answers the training-needs survey and community staff see the
// figures; the school records a completion on another course's roster, which uses her voucher.
// Screenshots go to tests/e2e/screenshots/.
import type { Browser, Page } from 'playwright-core';
import type { RunningApi } from '../support/localStack';
import { birthDateYearsAgo, makeIdNumber, registrationBody } from '../support/people';
import { employerBody, makeUscc } from '../support/employers';
import { programmeBody } from '../support/vouchers';
import { chinaDay, courseBody } from '../support/courses';
import { apiClient } from '../support/http';
import { field, fill, largeTextProblems, layoutProblems, pick, pickGudongCommunity, screenshot, shown } from '../support/browser';
import { startE2e, type E2eStack } from '../support/e2eStack';

jest.setTimeout(300_000);

let api: RunningApi;
let stack: E2eStack;
let baseUrl: string;
let browser: Browser;
let client: ReturnType<typeof apiClient>;
let annToken: string;
let voucherId: string;
let todayCourseId: string;

// The school and both residents are in 鼓东街道 (GCJ-02 near 26.085, 119.296).
const SCHOOL_WGS84 = { latitude: 26.0845, longitude: 119.2962 };

beforeAll(async () => {
  stack = await startE2e('training');
  api = stack.api;
  client = apiClient(api.baseUrl);
  const street = await client.devLogin('e2e-tr-street', { roles: ['staff'], level: 'street', areaCode: '350102001' });
  const district = await client.devLogin('e2e-tr-district', { roles: ['staff'], level: 'district', areaCode: '350102' });
  const finance = await client.devLogin('e2e-tr-finance', { roles: ['finance'], level: 'district', areaCode: '350102' });
  await client.devLogin('e2e-tr-community', { roles: ['staff'], level: 'community', areaCode: '350102001001' });
  // An approved school designated a training institution, and a district training voucher.
  const teacher = await client.devLogin('e2e-tr-teacher');
  const schoolId = (await client.post('/employers', employerBody({ name: '鼓楼区巧手职业培训学校', uscc: makeUscc(7501) }), teacher)).body.employer.id;
  const review = (await client.get('/staff/reviews?type=employer&limit=100', street)).body.items.find((r: { subjectId: string }) => r.subjectId === schoolId);
  expect((await client.post(`/staff/reviews/${review.id}/decision`, { decision: 'approve' }, street)).status).toBe(200);
  expect((await client.post('/staff/providers', { employerId: schoolId, types: ['training_institution'], bankAccount: { accountName: '巧手培训', accountNo: '6222020200117788990', bankName: '工商银行' } }, district)).status).toBe(200);
  const programme = (await client.post('/voucher-programmes', programmeBody({ name: '鼓楼区技能培训券', serviceName: '职业技能培训', faceValueFen: 150_000, budgetFen: 150_000 * 50, quota: 50, targetGroups: ['youth_16_24'], providerTypes: ['training_institution'] }), district)).body.programme;
  expect((await client.post(`/voucher-programmes/${programme.id}/approve`, undefined, finance)).status).toBe(200);
  // Two neighbours: Ann (21, gets the voucher) and Bo.
  annToken = await client.devLogin('e2e-tr-ann');
  const home = { areaCode: '350102001001', address: '鼓东路 36 号', lat: 26.0875, lng: 119.3010 };
  expect((await client.put('/me/jobseeker-registration', registrationBody({ idNumber: makeIdNumber(birthDateYearsAgo(21), 611), name: '林小燕', phone: '13905910001', residence: home }), annToken)).status).toBe(200);
  const bo = await client.devLogin('e2e-tr-bo');
  expect((await client.put('/me/jobseeker-registration', registrationBody({ idNumber: makeIdNumber(birthDateYearsAgo(45), 612), name: '陈大海', phone: '13905910002', residence: { ...home, address: '鼓东路 38 号' } }), bo)).status).toBe(200);
  expect((await client.post(`/voucher-programmes/${programme.id}/issue`, {}, district)).status).toBe(200);
  voucherId = (await client.get('/me/vouchers', annToken)).body.items[0].id;
  expect((await client.post(`/me/vouchers/${voucherId}/claim`, {}, annToken)).status).toBe(200);
  // A course that starts today, for recording a completion.
  todayCourseId = (
    await client.post(
      '/courses',
      courseBody(schoolId, { title: '育婴员（五级）周末班', occupationName: '育婴员', acceptedProgrammeIds: [programme.id], schedule: { startsOn: chinaDay(0), endsOn: chinaDay(30), timetable: '每周六、周日 全天', days: 8 }, signUpDeadline: chinaDay(0), place: { areaCode: '350102001001', address: '鼓东路 18 号', lat: 26.083, lng: 119.298 } }),
      teacher,
    )
  ).body.course.id;
  baseUrl = stack.baseUrl;
  browser = stack.browser;
});

afterAll(async () => {
  await stack?.stop();
});

describe('training from course to completion', () => {
  let teacher: Page;
  let ann: Page;
  let bo: Page;
  let staff: Page;

  beforeAll(async () => {
    teacher = await stack.phone('e2e-tr-teacher', SCHOOL_WGS84);
    ann = await stack.phone('e2e-tr-ann');
    bo = await stack.phone('e2e-tr-bo');
    staff = await stack.phone('e2e-tr-community');
  });

  it('the school is told what is missing beside each field, then publishes a one-seat course', async () => {
    await teacher.goto(baseUrl);
    await teacher.getByText('培训班管理').click();
    await shown(teacher).getByText('发布培训班', { exact: true }).click();
    await shown(teacher).getByText('发布', { exact: true }).click();
    await expect(field(teacher, '班级名称').locator('.form-field__error').textContent()).resolves.toBe('班级名称至少2个字');
    await expect(field(teacher, '上课时间').locator('.form-field__error').textContent()).resolves.toBe('请写明上课时间');
    await screenshot(teacher, 'course-form-errors.png');
    expect(await layoutProblems(teacher)).toEqual([]);

    await fill(teacher, '班级名称', '中式面点师（初级）晚班');
    await fill(teacher, '培训工种', '中式面点师');
    await pick(teacher, field(teacher, '等级'), '五级/初级工');
    await fill(teacher, '上课时间', '每周一至周五 晚上7:00—9:00');
    await fill(teacher, '上课天数', '20');
    await pickGudongCommunity(teacher, field(teacher, '所在社区'));
    await fill(teacher, '详细地址', '东街 8 号三楼教室');
    await shown(teacher).getByText('使用我现在的位置').click();
    await shown(teacher).getByText(/^已定位/).waitFor();
    await fill(teacher, '名额', '1');
    await fill(teacher, '学费', '1500');
    await shown(teacher).locator('.toggle', { hasText: '鼓楼区技能培训券' }).click();
    await screenshot(teacher, 'course-form.png');
    await shown(teacher).getByText('发布', { exact: true }).click();
    await teacher.locator('.taro-model__confirm', { hasText: '发布' }).click();
    const row = shown(teacher).locator('.course-card', { hasText: '中式面点师（初级）晚班' });
    await row.waitFor({ timeout: 30_000 });
    expect(await row.innerText()).toContain('已报 0/1 人');
    await screenshot(teacher, 'course-manage.png');
    expect(await layoutProblems(teacher)).toEqual([]);
  });

  it('Ann finds it under 学技能 and signs up, paying with her training voucher', async () => {
    await ann.goto(baseUrl);
    await ann.getByText('学技能', { exact: true }).click();
    const card = shown(ann).locator('.course-card', { hasText: '中式面点师（初级）晚班' });
    await card.waitFor({ timeout: 30_000 });
    expect(await card.innerText()).toContain('还剩 1 个名额');
    expect(await card.innerText()).toContain('可用培训券');
    await screenshot(ann, 'courses-nearby.png');
    expect(await layoutProblems(ann)).toEqual([]);
    await card.click();
    await shown(ann).locator('.toggle', { hasText: '鼓楼区技能培训券' }).click();
    await screenshot(ann, 'course-detail.png');
    expect(await layoutProblems(ann)).toEqual([]);
    expect(await largeTextProblems(ann, 'course-detail-large-text.png')).toEqual([]);
    await shown(ann).getByText('我要报名').click();
    await ann.getByText(/结业时核销/).waitFor();
    await ann.locator('.taro-model__confirm', { hasText: '报名' }).click();
    await shown(ann).getByText('报名成功').waitFor({ timeout: 30_000 });
    await screenshot(ann, 'course-enrolled.png');
    await shown(ann).getByText('查看我的培训').click();
    const mine = shown(ann).locator('.course-card', { hasText: '中式面点师（初级）晚班' });
    await mine.waitFor({ timeout: 30_000 });
    expect(await mine.innerText()).toContain('已报上名');
    expect(await mine.innerText()).toContain('结业时核销');
  });

  it('Bo finds the course full and joins the waitlist, first in line', async () => {
    await bo.goto(baseUrl);
    await bo.getByText('学技能', { exact: true }).click();
    const card = shown(bo).locator('.course-card', { hasText: '中式面点师（初级）晚班' });
    await card.waitFor({ timeout: 30_000 });
    expect(await card.innerText()).toContain('名额已满');
    await card.click();
    await shown(bo).getByText('候补报名').click();
    await bo.getByText(/报名后进入候补/).waitFor();
    await bo.locator('.taro-model__confirm', { hasText: '候补报名' }).click();
    await shown(bo).getByText('已进入候补').waitFor({ timeout: 30_000 });
    await shown(bo).getByText('候补第 1 位').waitFor();
    await screenshot(bo, 'course-waitlisted.png');
    expect(await layoutProblems(bo)).toEqual([]);
  });

  it('Ann cancels after a confirmation; Bo moves up and her voucher comes back', async () => {
    await shown(ann).getByText('取消报名').click();
    await ann.locator('.taro-model__confirm', { hasText: '取消报名' }).click();
    const mine = shown(ann).locator('.course-card', { hasText: '中式面点师（初级）晚班' });
    await mine.getByText('已取消').waitFor({ timeout: 30_000 });
    expect(await mine.innerText()).toContain('已退回，可以再用');
    await screenshot(ann, 'my-training-cancelled.png');

    await bo.goto(baseUrl);
    await bo.getByText('学技能', { exact: true }).click();
    await shown(bo).getByText('我的培训', { exact: true }).click();
    await shown(bo).locator('.course-card', { hasText: '中式面点师（初级）晚班' }).getByText('已报上名').waitFor({ timeout: 30_000 });
    await screenshot(bo, 'my-training-promoted.png');
    expect(await layoutProblems(bo)).toEqual([]);
  });

  it('Ann answers the training-needs survey, and community staff see the figures', async () => {
    await ann.goto(baseUrl);
    await ann.getByText('学技能', { exact: true }).click();
    await shown(ann).getByText('想学什么？填培训需求').click();
    await shown(ann).getByText('提交', { exact: true }).click();
    await expect(field(ann, '想学的工种').locator('.form-field__error').textContent()).resolves.toBe('请至少填一个想学的工种');
    await expect(field(ann, '方便上课的时间').locator('.form-field__error').textContent()).resolves.toBe('请选择方便上课的时间');
    await screenshot(ann, 'training-needs-errors.png');
    expect(await layoutProblems(ann)).toEqual([]);
    await field(ann, '想学的工种').locator('input').first().fill('育婴员');
    await field(ann, '想学的工种').locator('input').nth(1).fill('电子商务师');
    await shown(ann).locator('.toggle', { hasText: '晚上' }).click();
    await shown(ann).getByText('提交', { exact: true }).click();
    await shown(ann).getByText('谢谢您').waitFor({ timeout: 30_000 });

    await staff.goto(baseUrl);
    await staff.getByText('培训需求汇总').click();
    await shown(staff).getByText(/1 人填了培训需求/).waitFor({ timeout: 30_000 });
    expect(await shown(staff).locator('.count-row', { hasText: '育婴员' }).innerText()).toContain('1 人');
    await screenshot(staff, 'staff-training-needs.png');
    expect(await layoutProblems(staff)).toEqual([]);
  });

  it('the school records Ann’s completion on a course that has started, which uses her voucher', async () => {
    expect((await client.post(`/courses/${todayCourseId}/enrolments`, { voucherId }, annToken)).status).toBe(201);
    await teacher.goto(baseUrl);
    await teacher.getByText('培训班管理').click();
    await shown(teacher).locator('.course-card', { hasText: '育婴员（五级）周末班' }).click();
    const trainee = shown(teacher).locator('.course-card', { hasText: '林小燕' });
    await trainee.waitFor({ timeout: 30_000 });
    expect(await trainee.innerText()).toContain('13905910001');
    await trainee.getByText('结业', { exact: true }).click();
    await expect(trainee.locator('.form-field__error').first().textContent()).resolves.toBe('请填写出勤天数');
    await trainee.locator('input').first().fill('8');
    await trainee.locator('input').nth(1).fill('YY-2026-0001');
    await screenshot(teacher, 'roster.png');
    expect(await layoutProblems(teacher)).toEqual([]);
    await trainee.getByText('结业', { exact: true }).click();
    await teacher.getByText(/结业会核销他的培训券/).waitFor();
    await teacher.locator('.taro-model__confirm', { hasText: '确定' }).click();
    await trainee.getByText('已结业').waitFor({ timeout: 30_000 });
    await screenshot(teacher, 'roster-completed.png');

    await ann.goto(baseUrl);
    await ann.getByText('学技能', { exact: true }).click();
    await shown(ann).getByText('我的培训', { exact: true }).click();
    const done = shown(ann).locator('.course-card', { hasText: '育婴员（五级）周末班' });
    await done.getByText('已结业').waitFor({ timeout: 30_000 });
    expect(await done.innerText()).toContain('已核销');
    expect((await client.get(`/me/vouchers/${voucherId}`, annToken)).body.voucher.status).toBe('redeemed');
    // A finished course can be rated from its card (once; the sheet is the same as under 服务评价).
    expect(await shown(ann).locator('.course-card', { hasText: '育婴员（五级）周末班' }).getByText('评价这次服务', { exact: true }).count()).toBe(1);
    await screenshot(ann, 'my-training-completed.png');
  });
});
