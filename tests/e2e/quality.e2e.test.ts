// 好差评 and complaints on phones (375×812, H5 build, real API, the table's stream consumed
// in-process): a resident rates her reviewed unemployment registration with one star and is told
// who will call her back; she files a complaint and later sees the street's answer; the street
// finds both in its inbox, answers the complaint, and reads the figures on its dashboard; the
// service hall's big screen (1920×1080) shows the jobs nearby and the month's figures.
// Screenshots go to tests/e2e/screenshots/.
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { RunningApi } from '../support/localStack';
import { birthDateYearsAgo, makeIdNumber, registrationBody } from '../support/people';
import { employerBody, makeUscc } from '../support/employers';
import { vacancyBody } from '../support/vacancies';
import { field, fill, largeTextProblems, layoutProblems, screenshot, settled, shown, SCREENSHOTS } from '../support/browser';
import { approveInQueue, startE2e, type E2eStack } from '../support/e2eStack';
import { consumeTableStream } from '../support/streams';

jest.setTimeout(300_000);

let api: RunningApi;
let stack: E2eStack;
let baseUrl: string;
let browser: Browser;
let stream: { stop(): void };

beforeAll(async () => {
  stack = await startE2e('quality');
  api = stack.api;
  stream = await consumeTableStream(stack.tableName, async () => (await import('../../functions/src/figures/handlers/stream')).onStream);

  const client = stack.client;
  const street = await client.devLogin('e2e-q-street', { roles: ['staff'], level: 'street', areaCode: '350102001' });
  // Mrs Zheng, registered, with an unemployment registration the street approved.
  const zheng = await client.devLogin('e2e-q-zheng');
  const home = { areaCode: '350102001001', address: '鼓东路 36 号', lat: 26.0875, lng: 119.301 };
  expect((await client.put('/me/jobseeker-registration', registrationBody({ idNumber: makeIdNumber(birthDateYearsAgo(52), 711), name: '郑美华', phone: '13905917001', residence: home }), zheng)).status).toBe(200);
  const applied = await client.post('/me/unemployment-registration', { priorStatus: 'new_entrant', ableToWork: true, willingToWork: true, localResident: true }, zheng);
  await approveInQueue(client, street, 'unemployment', applied.body.application.id);
  // Jobs near the service hall, for the big screen.
  const owner = await client.devLogin('e2e-q-owner');
  const employerId = (await client.post('/employers', employerBody({ name: '鼓东便民超市', uscc: makeUscc(7701) }), owner)).body.employer.id;
  await approveInQueue(client, street, 'employer', employerId);
  for (const [title, lat] of [['超市收银员', 26.0845], ['理货员', 26.0852], ['生鲜区售货员', 26.0861]] as const) {
    const vacancyId = (await client.post('/vacancies', vacancyBody(employerId, { lat, lng: 119.2962 }, { title }), owner)).body.vacancy.id;
    await approveInQueue(client, street, 'vacancy', vacancyId);
  }

  baseUrl = stack.baseUrl;
  browser = stack.browser;
});

afterAll(async () => {
  stream?.stop();
  await stack?.stop();
});

describe('rating and complaining, and the street answering', () => {
  let zheng: Page;
  let street: Page;

  beforeAll(async () => {
    zheng = await stack.phone('e2e-q-zheng');
    street = await stack.phone('e2e-q-street');
  });

  it('Mrs Zheng rates her registration with one star, with the words to choose from, and is told who will call', async () => {
    await zheng.goto(baseUrl);
    await zheng.getByText('评价和投诉', { exact: true }).click();
    const waiting = shown(zheng).locator('.card', { hasText: '失业登记审核' });
    await waiting.waitFor({ timeout: 30_000 });
    await screenshot(zheng, 'ratings-to-rate.png');
    expect(await layoutProblems(zheng)).toEqual([]);
    await waiting.getByText('去评价', { exact: true }).click();

    // Sending nothing says what is missing beside the stars.
    await shown(zheng).getByText('提交评价', { exact: true }).click();
    await expect(field(zheng, '您满意吗').locator('.form-field__error').textContent()).resolves.toBe('请选择满意程度');
    await shown(zheng).locator('.star', { hasText: '非常不满意' }).click();
    await shown(zheng).locator('.toggle', { hasText: '等太久' }).click();
    await fill(zheng, '想说的话', '排了两个小时的队，窗口只开了一个');
    await shown(zheng).getByText('差评会转给负责的服务网点整改', { exact: false }).waitFor();
    await screenshot(zheng, 'rating-sheet.png');
    expect(await layoutProblems(zheng)).toEqual([]);
    expect(await largeTextProblems(zheng, 'rating-sheet-large-text.png')).toEqual([]);
    await shown(zheng).getByText('提交评价', { exact: true }).click();
    await shown(zheng).getByText('谢谢您的评价', { exact: true }).waitFor();
    expect(await shown(zheng).innerText()).toMatch(/鼓东街道.*前整改，并打电话回访您/);
    await screenshot(zheng, 'rating-thanks.png');
  });

  it('she files a complaint, told first what is missing', async () => {
    await zheng.goto(`${baseUrl}/#/feedback/complain/index`);
    await shown(zheng).getByText('提交', { exact: true }).click();
    await expect(field(zheng, '是关于什么的').locator('.form-field__error').textContent()).resolves.toBe('请选择是关于什么的');
    await expect(field(zheng, '具体情况').locator('.form-field__error').textContent()).resolves.toBeTruthy();
    await screenshot(zheng, 'complaint-errors.png');
    await shown(zheng).locator('.toggle', { hasText: '办事效率' }).click();
    await fill(zheng, '具体情况', '办失业登记要我跑了三趟，每次只说缺一样材料，希望一次说清楚');
    await screenshot(zheng, 'complaint-form.png');
    expect(await layoutProblems(zheng)).toEqual([]);
    expect(await largeTextProblems(zheng, 'complaint-form-large-text.png')).toEqual([]);
    await shown(zheng).getByText('提交', { exact: true }).click();
    await shown(zheng).getByText('已收到', { exact: true }).waitFor();
    await shown(zheng).getByText('查看办理进度', { exact: true }).click();
    const card = shown(zheng).locator('.card', { hasText: '办事效率' });
    await card.waitFor();
    expect(await card.innerText()).toContain('已受理');
  });

  it('the street finds the rectification and the complaint in its inbox, and answers the complaint', async () => {
    await street.goto(baseUrl);
    await street.getByText('待办任务', { exact: true }).click();
    const complaint = shown(street).locator('.task', { hasText: '投诉意见办理' });
    await complaint.waitFor({ timeout: 30_000 });
    await shown(street).locator('.task', { hasText: '差评整改' }).waitFor();
    await screenshot(street, 'staff-inbox.png');
    expect(await layoutProblems(street)).toEqual([]);
    await complaint.getByText('答复投诉', { exact: true }).click();
    await shown(street).getByText('13905917001', { exact: true }).waitFor();
    await shown(street).getByText('办结并答复', { exact: true }).click();
    await expect(field(street, '办理情况或答复').locator('.form-field__error').textContent()).resolves.toBe('请写明给投诉人的答复');
    await fill(street, '办理情况或答复', '已在窗口张贴失业登记材料清单，并电话向您致歉');
    await shown(street).getByText('办结并答复', { exact: true }).click();
    await street.locator('.taro-model__confirm', { hasText: '办结' }).click();
    await shown(street).locator('.status-pill', { hasText: '已办结' }).waitFor();
    await screenshot(street, 'staff-complaint-answered.png');
    expect(await layoutProblems(street)).toEqual([]);
  });

  it('she sees the answer', async () => {
    await zheng.goto(`${baseUrl}/#/feedback/complaints/index`);
    const card = shown(zheng).locator('.card', { hasText: '办事效率' });
    await card.waitFor({ timeout: 30_000 });
    await card.getByText('已在窗口张贴失业登记材料清单，并电话向您致歉').waitFor();
    expect(await card.innerText()).toContain('已办结');
    await screenshot(zheng, 'complaints-answered.png');
  });

  it('the street reads its figures: one rating, not satisfied, below the 95% target', async () => {
    await street.goto(`${baseUrl}/#/staff/stats/index`);
    const satisfaction = shown(street).locator('.figure', { hasText: '服务满意率' });
    await satisfaction.waitFor({ timeout: 30_000 });
    for (let i = 0; i < 40 && !(await satisfaction.innerText()).includes('1 条评价'); i += 1) {
      await new Promise((r) => setTimeout(r, 500));
      await street.reload();
      await satisfaction.waitFor();
    }
    expect(await satisfaction.innerText()).toContain('0%');
    expect(await satisfaction.innerText()).toContain('未达标');
    await screenshot(street, 'staff-stats.png');
    expect(await layoutProblems(street)).toEqual([]);
    expect(await largeTextProblems(street, 'staff-stats-large-text.png')).toEqual([]);
    // Behind the headline figures: the households ledger, one tap away.
    await shown(street).getByText('零就业家庭台账', { exact: true }).click();
    await shown(street).getByText('辖区内还没有零就业家庭的申请。').waitFor();
  });
});

describe('the service hall’s big screen', () => {
  it('shows the jobs within 3 km and the month’s figures, legible at 1920×1080', async () => {
    const context = await browser.newContext({ viewport: { width: 1920, height: 1080 }, locale: 'zh-CN' });
    const screen = await context.newPage();
    await screen.goto(`${baseUrl}/#/screen/index/index?area=350102001&lat=26.0845&lng=119.2962`);
    await screen.locator('.job', { hasText: '超市收银员' }).waitFor({ timeout: 30_000 });
    expect(await screen.locator('.job').count()).toBe(3);
    await screen.locator('.tile', { hasText: '本月求职登记' }).waitFor();
    await settled(screen);
    await screen.screenshot({ path: join(SCREENSHOTS, 'big-screen.png') });
    // Legible from across a room: job titles and figures are large on a 1080-line screen.
    const sizes = await screen.evaluate(() => ({
      job: parseFloat(getComputedStyle(document.querySelector('.job__title')!).fontSize),
      figure: parseFloat(getComputedStyle(document.querySelector('.tile__value')!).fontSize),
    }));
    expect(sizes.job).toBeGreaterThanOrEqual(40);
    expect(sizes.figure).toBeGreaterThanOrEqual(80);
    await context.close();
  });
});
