// The 3-km circle on three phones (375×812, H5 build, real API): a restaurant posts a vacancy
// from where it stands, the street approves it, a job seeker who lives 800 m away finds it in
// 附近的工作 with the distance and the reasons, applies, and the restaurant invites her; then
// her community's staff refer her with a letter and see the follow-up tasks.
// Screenshots go to tests/e2e/screenshots/.
import gcoord from 'gcoord';
import type { Browser, Page } from 'playwright-core';
import { calendarDeadline, haversineM, todayInChina } from '@doorstep/shared';
import type { RunningApi } from '../support/localStack';
import { makeIdNumber, registrationBody } from '../support/people';
import { employerBody, makeUscc } from '../support/employers';
import { apiClient } from '../support/http';
import { confirmPicker, field, fill, largeTextProblems, layoutProblems, openPicker, pick, pickGudongCommunity, screenshot, shown } from '../support/browser';
import { startE2e, type E2eStack } from '../support/e2eStack';

jest.setTimeout(300_000);

let api: RunningApi;
let stack: E2eStack;
let baseUrl: string;
let browser: Browser;

// Where the restaurant owner stands when posting (the browser's WGS-84), and what the app
// records (GCJ-02, six decimals, as LocationField keeps it).
const SHOP_WGS84 = { latitude: 26.0845, longitude: 119.2962 };
const [shopLng, shopLat] = gcoord.transform([SHOP_WGS84.longitude, SHOP_WGS84.latitude], gcoord.WGS84, gcoord.GCJ02);
const SHOP = { lat: Number(shopLat.toFixed(6)), lng: Number(shopLng.toFixed(6)) };
// The job seeker lives 800 m north of it.
const HOME = { lat: Number((SHOP.lat + 800 / 111_195).toFixed(6)), lng: SHOP.lng };
const EXPECTED_M = Math.round(haversineM(HOME, SHOP));
const SEEKER_ID = makeIdNumber('1976-04-12', 318);


beforeAll(async () => {
  stack = await startE2e('jobs');
  api = stack.api;
  const client = apiClient(api.baseUrl);
  const street = await client.devLogin('e2e-jobs-street', { roles: ['staff'], level: 'street', areaCode: '350102001' });
  await client.devLogin('e2e-jobs-community', { roles: ['staff'], level: 'community', areaCode: '350102001001' });
  // The restaurant is already an approved unit; the job seeker already registered.
  const owner = await client.devLogin('e2e-jobs-owner');
  const created = await client.post('/employers', employerBody({ name: '福州东街口家常菜馆', uscc: makeUscc(7301) }), owner);
  const review = (await client.get('/staff/reviews?type=employer&limit=100', street)).body.items.find((r: { subjectId: string }) => r.subjectId === created.body.employer.id);
  expect((await client.post(`/staff/reviews/${review.id}/decision`, { decision: 'approve' }, street)).status).toBe(200);
  const seeker = await client.devLogin('e2e-jobs-seeker');
  const reg = registrationBody({
    idNumber: SEEKER_ID,
    name: '郑秀兰',
    phone: '13905917788',
    education: 'senior_high',
    residence: { areaCode: '350102001001', address: '鼓东路 36 号', ...HOME },
    intention: { occupations: ['收银员'], minMonthlySalaryFen: 350_000, maxDistanceKm: 3, shift: 'day' },
  });
  expect((await client.put('/me/jobseeker-registration', reg, seeker)).status).toBe(200);
  baseUrl = stack.baseUrl;
  browser = stack.browser;
});

afterAll(async () => {
  await stack?.stop();
});

describe('a vacancy from post to application', () => {
  let owner: Page;
  let officer: Page;
  let seeker: Page;

  beforeAll(async () => {
    owner = await stack.phone('e2e-jobs-owner', SHOP_WGS84);
    officer = await stack.phone('e2e-jobs-street');
    seeker = await stack.phone('e2e-jobs-seeker');
  });

  it('the restaurant opens the form from 我的单位 and sees what is missing next to each field', async () => {
    await owner.goto(baseUrl);
    await owner.getByText('单位招聘').click();
    await shown(owner).getByText('发布招聘岗位', { exact: true }).click();
    await shown(owner).getByText('提交审核').click();
    await expect(field(owner, '岗位名称').locator('.form-field__error').textContent()).resolves.toBe('岗位名称至少2个字');
    await expect(field(owner, '截止日期').locator('.form-field__error').textContent()).resolves.not.toBe('');
    await screenshot(owner, 'vacancy-form-errors.png');
    expect(await layoutProblems(owner)).toEqual([]);
  });

  it('posts the vacancy from where it stands and waits for the street', async () => {
    await fill(owner, '岗位名称', '餐厅收银员');
    await fill(owner, '工种', '收银员');
    await pick(owner, field(owner, '用工形式'), '全职');
    await fill(owner, '招聘人数', '2');
    await pick(owner, field(owner, '班次'), '白班');
    await pick(owner, field(owner, '最低学历'), '初中');
    await fill(owner, '最低月薪', '3800');
    await fill(owner, '最高月薪', '4500');
    await fill(owner, '其他福利', '包午餐');
    const until = field(owner, '截止日期');
    await openPicker(owner, until);
    await confirmPicker(owner, until); // a month from today, where the wheel starts
    await pickGudongCommunity(owner, field(owner, '所在社区'));
    await fill(owner, '详细地址', '东街 8 号');
    await shown(owner).getByText('使用我现在的位置').click();
    await shown(owner).getByText(`已定位：北纬 ${SHOP.lat}，东经 ${SHOP.lng}`).waitFor();
    await screenshot(owner, 'vacancy-form.png');

    await shown(owner).getByText('提交审核').click();

    await shown(owner).getByText('岗位已提交，等待街道审核。审核通过后求职者就能看到。').waitFor({ timeout: 60_000 });
    await shown(owner).getByText('待街道审核', { exact: true }).waitFor();
    await screenshot(owner, 'vacancy-mine-pending.png');
    expect(await layoutProblems(owner)).toEqual([]);
  });

  it('the street approves it from its queue', async () => {
    await officer.goto(baseUrl);
    await officer.getByText('审核工作台').click();
    await shown(officer).getByText('招聘岗位', { exact: true }).click();
    await shown(officer).getByText('福州东街口家常菜馆 · 餐厅收银员').click();
    await shown(officer).getByText('审核意见').waitFor();
    await screenshot(officer, 'staff-vacancy-review.png');
    expect(await layoutProblems(officer)).toEqual([]);
    await shown(officer).getByText('通过', { exact: true }).click();
    await officer.getByText('确认通过', { exact: true }).click();
    await shown(officer).getByText('已通过。').waitFor({ timeout: 30_000 });
  });

  it('the job seeker finds it near home with the distance and the reasons', async () => {
    await seeker.goto(baseUrl);
    await seeker.getByText('附近的工作', { exact: true }).click();
    const card = shown(seeker).locator('.job-card', { hasText: '餐厅收银员' });
    await card.waitFor({ timeout: 30_000 });
    const text = await card.innerText();
    expect(text).toContain(`${EXPECTED_M}米`);
    expect(text).toContain('3800–4500 元/月');
    expect(text).toContain('是您想做的工种（收银员）');
    expect(text).toContain(`离家${EXPECTED_M}米`);
    // Registered: 高中, 收银员, 3,500 yuan, day shift, 3 km — every requirement met.
    expect(text).toContain('匹配度 100');
    await screenshot(seeker, 'nearby.png');
    expect(await layoutProblems(seeker)).toEqual([]);
    expect(await largeTextProblems(seeker, 'nearby-large-text.png')).toEqual([]);
  });

  it('narrows the list with a filter and widens it again', async () => {
    await shown(seeker).getByText(/^更多筛选/).click();
    const shift = shown(seeker).locator('.choice-picker', { hasText: '班次' });
    await pick(seeker, shift, '班次：夜班');
    await shown(seeker).getByText('没有符合这些条件的岗位。可以少选几个条件，或把范围放大一些。').waitFor({ timeout: 30_000 });
    await screenshot(seeker, 'nearby-filtered-empty.png');
    expect(await layoutProblems(seeker)).toEqual([]);
    await shift.getByText('清除').click();
    await shown(seeker).locator('.job-card', { hasText: '餐厅收银员' }).waitFor({ timeout: 30_000 });
  });

  it('applies in one tap after being told what the employer will see', async () => {
    await shown(seeker).locator('.job-card', { hasText: '餐厅收银员' }).click();
    await shown(seeker).getByText('我要应聘').waitFor();
    await screenshot(seeker, 'vacancy-detail.png');
    expect(await layoutProblems(seeker)).toEqual([]);
    await shown(seeker).getByText('我要应聘').click();
    await seeker.getByText(/能看到您的姓名、电话和求职登记信息/).waitFor();
    await seeker.locator('.taro-model__confirm', { hasText: '确认应聘' }).click();
    await shown(seeker).getByText(/已投递。单位回复后会通知您/).waitFor({ timeout: 30_000 });
    expect(await shown(seeker).getByText('我要应聘').count()).toBe(0);
    await screenshot(seeker, 'vacancy-applied.png');
  });

  it('the restaurant sees her with her phone and invites her; she sees the answer', async () => {
    await owner.goto(baseUrl);
    await owner.getByText('单位招聘').click();
    await shown(owner).getByText('我的岗位和应聘人员').click();
    await shown(owner).getByText('应聘 1 人').waitFor({ timeout: 30_000 });
    await shown(owner).getByText('查看应聘人员').click();
    const row = shown(owner).locator('.candidate', { hasText: '郑秀兰' });
    await row.waitFor();
    expect(await row.innerText()).toContain('13905917788');
    await screenshot(owner, 'candidates.png');
    expect(await layoutProblems(owner)).toEqual([]);
    await row.getByText('邀请面试').click();
    await owner.locator('.taro-model__confirm', { hasText: '确定' }).click();
    await shown(owner).getByText('已邀请面试：郑秀兰').waitFor({ timeout: 30_000 });

    await seeker.goto(baseUrl);
    await seeker.getByText('我的应聘', { exact: true }).click();
    await shown(seeker).getByText('单位邀请您面试').waitFor({ timeout: 30_000 });
    await screenshot(seeker, 'my-applications.png');
    expect(await layoutProblems(seeker)).toEqual([]);
  });
});

describe('community staff refer a resident and follow up', () => {
  it('finds her by ID number, issues a referral letter with a code, and sees the follow-ups by due date', async () => {
    const staff = await stack.phone('e2e-jobs-community');
    await staff.goto(baseUrl);
    await staff.getByText('代办业务').click();
    await fill(staff, '居民身份证号', SEEKER_ID);
    await shown(staff).getByText('查找', { exact: true }).click();
    await shown(staff).getByText('推荐岗位（开推荐信）').click();
    const vacancy = shown(staff).locator('.card', { hasText: '餐厅收银员' });
    await vacancy.waitFor({ timeout: 30_000 });
    expect(await vacancy.innerText()).toContain(`${EXPECTED_M}米`);
    await vacancy.getByText('开推荐信').click();
    await staff.locator('.taro-model__confirm', { hasText: '开推荐信' }).click();
    const code = shown(staff).locator('.referral-letter__code');
    await code.waitFor({ timeout: 30_000 });
    expect(await code.innerText()).toMatch(/^[0-9A-HJKMNP-TV-Z]{8}$/);
    expect(await shown(staff).innerText()).toContain('郑**');
    await screenshot(staff, 'staff-referral-letter.png');
    expect(await layoutProblems(staff)).toEqual([]);

    await staff.goto(baseUrl);
    await staff.getByText('待办任务', { exact: true }).click();
    // 7 and 30 days, moved to the next working day when that is a day off.
    await shown(staff).getByText(`（${calendarDeadline(todayInChina(), 7)}）`, { exact: false }).waitFor({ timeout: 30_000 });
    await shown(staff).getByText(`（${calendarDeadline(todayInChina(), 30)}）`, { exact: false }).waitFor();
    await screenshot(staff, 'staff-tasks.png');
    expect(await layoutProblems(staff)).toEqual([]);
  });
});
