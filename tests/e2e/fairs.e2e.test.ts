// 招聘会 on phones (375×812, H5 build, real API), issue 20: a street officer creates a fair from
// the form (told beside each field what is missing) and publishes it; a shop applies for a booth
// with its post and the officer accepts it; a job seeker pre-registers, shows her check-in code,
// the officer checks her in at the gate (once), she taps 我有意向 on the shop's post, and the shop
// sees her among its candidates, marked as met at the fair. Then the venue screen at 1920×1080
// shows the shop at booth 1 and her check-in, the officer confirms it, the shop files its receipt
// (told beside each field what is wrong first), and the fair's figures show on both sides.
// Screenshots are looked at.
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { field, fill, layoutProblems, phoneOf, SCREENSHOTS, screenshot, settled, shown } from '../support/browser';
import { approveInQueue, startE2e, type E2eStack } from '../support/e2eStack';
import { employerBody, makeUscc } from '../support/employers';
import { makeIdNumber, registrationBody } from '../support/people';
import { vacancyBody } from '../support/vacancies';

jest.setTimeout(300_000);

let stack: E2eStack;
let officer: Page;
let shop: Page;
let seeker: Page;
let vacancyId: string;
let fairId: string;
const confirmModal = (page: Page) => page.locator('.taro-model__confirm').click();

beforeAll(async () => {
  stack = await startE2e('fairs');
  const { client } = stack;
  const street = await client.devLogin('e2e-fa-street', { roles: ['staff'], level: 'street', areaCode: '350102001' });
  const owner = await client.devLogin('e2e-fa-owner');
  const employerId = (await client.post('/employers', employerBody({ name: '鼓东路便民超市', uscc: makeUscc(9911) }), owner)).body.employer.id;
  await approveInQueue(client, street, 'employer', employerId);
  vacancyId = (await client.post('/vacancies', vacancyBody(employerId, { lat: 26.0851, lng: 119.3019 }, { title: '超市理货员' }), owner)).body.vacancy.id;
  await approveInQueue(client, street, 'vacancy', vacancyId);
  const res = await client.devLogin('e2e-fa-seeker');
  expect((await client.put('/me/jobseeker-registration', registrationBody({ idNumber: makeIdNumber('1983-03-03', 992), name: '郭春燕', phone: '13900009920' }), res)).status).toBe(200);
  officer = await phoneOf(stack.browser, 'e2e-fa-street');
  shop = await phoneOf(stack.browser, 'e2e-fa-owner');
  seeker = await phoneOf(stack.browser, 'e2e-fa-seeker');
});

afterAll(async () => {
  await stack?.stop();
});

describe('招聘会', () => {
  it('the street officer creates a fair from the form and publishes it', async () => {
    await officer.goto(stack.baseUrl);
    await shown(officer).getByText('招聘会管理', { exact: true }).click();
    await shown(officer).getByText('举办招聘会').click();
    await shown(officer).getByText('创建招聘会').click();
    await expect(field(officer, '名称').locator('.form-field__error').textContent()).resolves.toBe('请填写招聘会名称');
    await screenshot(officer, 'fairs-form-errors.png');
    expect(await layoutProblems(officer)).toEqual([]);
    await fill(officer, '名称', '鼓东街道春风行动招聘会');
    await fill(officer, '场地名称', '鼓东街道文化广场');
    await fill(officer, '场地地址', '鼓东路 1 号');
    await shown(officer).getByText('使用我现在的位置').click();
    await shown(officer).getByText(/已定位/).waitFor();
    await field(officer, '介绍').locator('textarea').fill('社区周边商超、餐饮、物业企业现场招聘。');
    await shown(officer).getByText('创建招聘会').click();
    await shown(officer).getByText('待发布').waitFor();
    await shown(officer).getByText('发布', { exact: true }).click();
    await confirmModal(officer);
    await shown(officer).getByText('已发布').waitFor();
    await screenshot(officer, 'fairs-staff.png');
    expect(await layoutProblems(officer)).toEqual([]);
  });

  it('the shop applies for a booth with its post; the officer accepts it with booth 1', async () => {
    await shop.goto(stack.baseUrl);
    await shown(shop).getByText('参加招聘会').click();
    await shown(shop).getByText('申请展位').click();
    await shown(shop).locator('.toggle', { hasText: '超市理货员' }).click();
    await shown(shop).getByText('提交申请').click();
    await confirmModal(shop);
    await shown(shop).getByText('待审核').waitFor();
    await shown(shop).getByText('已申请', { exact: true }).waitFor();
    await screenshot(shop, 'fairs-employer.png');
    expect(await layoutProblems(shop)).toEqual([]);

    await shown(officer).getByText('展位和签到').click();
    await shown(officer).getByText('鼓东路便民超市').waitFor();
    await shown(officer).getByText('通过', { exact: true }).click();
    await confirmModal(officer);
    await shown(officer).getByText('已通过 · 1号展位').waitFor();
    fairId = new URL(officer.url().replace('/#/', '/')).searchParams.get('id')!;
    expect(fairId).toMatch(/^[0-9A-Z]{26}$/);
  });

  it('the job seeker signs up, is checked in once at the gate, and says 我有意向; the shop sees her as met at the fair', async () => {
    await seeker.goto(stack.baseUrl);
    await shown(seeker).getByText('招聘会', { exact: true }).click();
    await shown(seeker).getByText('鼓东街道春风行动招聘会').click();
    await shown(seeker).getByText('1号展位 · 鼓东路便民超市').waitFor();
    await shown(seeker).getByText('预约参加').click();
    await confirmModal(seeker);
    await shown(seeker).getByText('出示签到码').click();
    const code = (await shown(seeker).locator('.fair-code__text').textContent())!.trim();
    await screenshot(seeker, 'fairs-code.png');
    expect(await layoutProblems(seeker)).toEqual([]);

    await fill(officer, '签到码', code);
    await shown(officer).getByText('签到', { exact: true }).click();
    await shown(officer).getByText('郭春燕 签到成功').waitFor();
    await fill(officer, '签到码', code);
    await shown(officer).getByText('签到', { exact: true }).click();
    await shown(officer).getByText('今天已经签到过了').waitFor();
    await screenshot(officer, 'fairs-gate.png');

    await seeker.reload();
    await shown(seeker).getByText('您今天已经签到了。').waitFor();
    await shown(seeker).getByText('我有意向').click();
    await confirmModal(seeker);
    await shown(seeker).getByText('已投简历').waitFor();
    await screenshot(seeker, 'fairs-fair.png');
    expect(await layoutProblems(seeker)).toEqual([]);

    await shop.goto(`${stack.baseUrl}/#/employer/candidates/index?id=${vacancyId}`);
    await shown(shop).getByText('郭春燕').waitFor();
    await shown(shop).getByText('招聘会上投的').waitFor();
  });

  it('the venue screen shows the shop at booth 1 and today’s check-in, legible at 1920×1080; the officer confirms it', async () => {
    const context = await stack.browser.newContext({ viewport: { width: 1920, height: 1080 }, locale: 'zh-CN' });
    const screen = await context.newPage();
    await screen.goto(`${stack.baseUrl}/#/screen/fair/index?id=${fairId}`);
    await screen.locator('.fair-booth', { hasText: '鼓东路便民超市' }).waitFor({ timeout: 30_000 });
    await screen.getByText('今天已签到 1 人').waitFor();
    await screen.locator('.fair-booth__no', { hasText: '1号' }).waitFor();
    await screen.locator('.job__title', { hasText: '超市理货员' }).waitFor();
    await settled(screen);
    await screen.screenshot({ path: join(SCREENSHOTS, 'fairs-screen.png') });
    const sizes = await screen.evaluate(() => ({
      name: parseFloat(getComputedStyle(document.querySelector('.fair-booth__name')!).fontSize),
      post: parseFloat(getComputedStyle(document.querySelector('.job__title')!).fontSize),
      overflow: document.documentElement.scrollWidth > document.documentElement.clientWidth + 1,
    }));
    expect(sizes).toEqual({ name: expect.any(Number), post: expect.any(Number), overflow: false });
    expect(Math.min(sizes.name, sizes.post)).toBeGreaterThanOrEqual(40);
    await context.close();

    await officer.reload();
    await shown(officer).getByText('确认大屏内容已备好').click();
    await confirmModal(officer);
    await shown(officer).getByText(/大屏内容已核对/).waitFor();
    await shown(officer).getByText('招聘会数据（录用统计到', { exact: false }).waitFor();
    await screenshot(officer, 'fairs-desk-after.png');
    expect(await layoutProblems(officer)).toEqual([]);
  });

  it('the shop files its receipt, told beside each field what is wrong first; her fair page shows how it went', async () => {
    await shop.goto(stack.baseUrl);
    await shown(shop).getByText('参加招聘会').click();
    await shown(shop).getByText('1号展位').waitFor();
    await shown(shop).getByText('填写回执').click();
    await shown(shop).getByText('交回执', { exact: true }).click();
    await expect(field(shop, '收到简历').locator('.form-field__error').textContent()).resolves.toBe('请填写收到简历份数');
    await fill(shop, '收到简历', '3');
    await fill(shop, '达成意向', '5');
    await fill(shop, '已录用', '1');
    await shown(shop).getByText('交回执', { exact: true }).click();
    await expect(field(shop, '达成意向').locator('.form-field__error').textContent()).resolves.toBe('达成意向的人数不能多于收到的简历份数');
    await screenshot(shop, 'fairs-receipt-errors.png');
    expect(await layoutProblems(shop)).toEqual([]);
    await fill(shop, '达成意向', '2');
    await shown(shop).getByText('交回执', { exact: true }).click();
    await shown(shop).getByText('回执已交：收到简历 3 份，达成意向 2 人，录用 1 人').waitFor();
    await screenshot(shop, 'fairs-receipt.png');

    await seeker.goto(`${stack.baseUrl}/#/fairs/fair/index?id=${fairId}`);
    // Coming back, the post she chose says so (not a second 我有意向).
    await shown(seeker).getByText('已投简历').waitFor();
    await shown(seeker).locator('.detail-row', { hasText: '到场' }).getByText('1 人').waitFor();
    await shown(seeker).locator('.detail-row', { hasText: '现场投递意向' }).getByText('1 人次').waitFor();
    await screenshot(seeker, 'fairs-figures.png');
    expect(await layoutProblems(seeker)).toEqual([]);
  });
});
