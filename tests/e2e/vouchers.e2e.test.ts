// An employment voucher on four phones (375×812, H5 build, real API, the table's stream consumed
// as Lambda would): the district sets up a programme, finance approves its budget, the district
// issues it; a young job seeker claims it and shows the code; a training provider redeems it;
// finance settles, downloads the payout file, imports the bank's result; the holder sees it paid.
// Then a voucher held by an employer: a shop's administrator claims it into the shop's account
// from 我的单位, the school redeems it, and the payout file pays the shop.
import type { Browser, Page } from 'playwright-core';
import type { RunningApi } from '../support/localStack';
import { birthDateYearsAgo, makeIdNumber, registrationBody } from '../support/people';
import { programmeBody } from '../support/vouchers';
import { employerBody, makeUscc } from '../support/employers';
import { confirmPicker, downloadedText, field, fill, largeTextProblems, layoutProblems, openPicker, screenshot, shown } from '../support/browser';
import { approveInQueue, startE2e, type E2eStack } from '../support/e2eStack';
import { consumeLocalQueue, consumeTableStream } from '../support/streams';

jest.setTimeout(300_000);

const SCHOOL_USCC = makeUscc(7601);

let api: RunningApi;
let stack: E2eStack;
let baseUrl: string;
let browser: Browser;
let stream: { stop(): void };
let worker: { stop(): void };

beforeAll(async () => {
  stack = await startE2e('vouchers');
  api = stack.api;
  stream = await consumeTableStream(stack.tableName, async () => (await import('../../functions/src/vouchers/handlers/stream')).onStream);
  worker = await consumeLocalQueue(stack.tableName, 'settlement', async () => (await import('../../functions/src/vouchers/handlers/settlement')).work);

  const client = stack.client;
  const street = await client.devLogin('e2e-v-street', { roles: ['staff'], level: 'street', areaCode: '350102001' });
  await client.devLogin('e2e-v-district', { roles: ['staff'], level: 'district', areaCode: '350102' });
  await client.devLogin('e2e-v-finance', { roles: ['finance'], level: 'district', areaCode: '350102' });
  // A training school, approved; the district designates it a provider in the browser below.
  const school = await client.devLogin('e2e-v-school');
  const created = await client.post('/employers', employerBody({ name: '鼓楼区巧手职业培训学校', uscc: SCHOOL_USCC }), school);
  await approveInQueue(client, street, 'employer', created.body.employer.id);
  // A 19-year-old job seeker of the district, already registered.
  const youth = await client.devLogin('e2e-v-youth');
  const reg = registrationBody({ idNumber: makeIdNumber(birthDateYearsAgo(19), 611), name: '林晓燕', phone: '13905916611' });
  expect((await client.put('/me/jobseeker-registration', reg, youth)).status).toBe(200);

  // A small shop of the district, approved: it will hold a voucher of its own.
  const shop = await client.devLogin('e2e-v-shop');
  const shopCreated = await client.post('/employers', employerBody({ name: '鼓东便民五金店', uscc: makeUscc(7602) }), shop);
  await approveInQueue(client, street, 'employer', shopCreated.body.employer.id);

  baseUrl = stack.baseUrl;
  browser = stack.browser;
});

afterAll(async () => {
  stream?.stop();
  worker?.stop();
  await stack?.stop();
});

const confirmModal = async (page: Page) => {
  await page.locator('.taro-model__confirm').click();
};

/**
 * A provider's member on 核销就业券: types the holder's code, checks whose voucher it is, says
 * what service was given (the screenshot is taken then), confirms, and waits for 核销成功.
 */
async function redeemOnPage(provider: Page, r: { code: string; holder: string; service: string; done: string; screenshotName?: string }) {
  await provider.goto(baseUrl);
  await provider.getByText('核销就业券').click();
  await fill(provider, '券码', r.code);
  await shown(provider).getByText('查看这张券').click();
  await shown(provider).getByText(`持券人：${r.holder}`).waitFor();
  await fill(provider, '提供了什么服务', r.service);
  if (r.screenshotName) await screenshot(provider, r.screenshotName);
  await shown(provider).getByText('确认核销').click();
  await confirmModal(provider);
  await shown(provider).getByText(r.done).waitFor();
}

/**
 * Finance presses 立即结算 on 结算拨付: the run answers at once and the page shows its progress
 * bar until the worker has done it (the redemption queued itself, so one run finds it).
 */
async function settleNow(finance: Page, expected: string, opts: { screenshotName?: string; leaveAndReturn?: boolean } = {}) {
  const { screenshotName, leaveAndReturn } = opts;
  await finance.goto(baseUrl);
  await finance.getByText('结算拨付').click();
  await shown(finance).getByText('立即结算', { exact: true }).click();
  await confirmModal(finance);
  if (leaveAndReturn) {
    // Leaving once the run has started and coming back: the page picks the run up again and shows how it ended.
    await shown(finance).locator('[role="progressbar"]').or(shown(finance).getByText(expected)).first().waitFor();
    await finance.goto(baseUrl);
    await finance.getByText('结算拨付').click();
  }
  await shown(finance).locator('[role="progressbar"]').or(shown(finance).getByText(expected)).first().waitFor();
  if (screenshotName && (await shown(finance).locator('[role="progressbar"]').count()) > 0) await screenshot(finance, screenshotName);
  await shown(finance).getByText(expected).waitFor({ timeout: 60_000 });
  expect(await shown(finance).locator('[role="progressbar"]').count()).toBe(0);
}

describe('a voucher from programme to payment', () => {
  let district: Page;
  let finance: Page;
  let youth: Page;
  let school: Page;
  let holderCode = '';

  beforeAll(async () => {
    district = await stack.phone('e2e-v-district');
    finance = await stack.phone('e2e-v-finance');
    youth = await stack.phone('e2e-v-youth');
    school = await stack.phone('e2e-v-school');
  });

  it('the district sets up a programme; what is missing shows next to each field', async () => {
    await district.goto(baseUrl);
    await district.getByText('就业券券种').click();
    await shown(district).getByText('新建券种').click();
    await shown(district).getByText('提交财务审批').click();
    await expect(field(district, '名称').locator('.form-field__error').textContent()).resolves.toBe('名称至少2个字');
    await expect(field(district, '发放对象').locator('.form-field__error').textContent()).resolves.toBe('至少选择一类发放对象');
    await screenshot(district, 'voucher-programme-errors.png');
    await fill(district, '名称', '鼓楼区岗前技能培训券');
    await fill(district, '用途', '岗前技能培训');
    await fill(district, '面值', '800');
    await shown(district).getByText('16–24岁青年').click();
    await shown(district).getByText('登记失业人员').click();
    await shown(district).getByText('培训机构').click();
    await fill(district, '预算', '80000');
    await fill(district, '名额', '100');
    const until = field(district, '领取截止日');
    await openPicker(district, until);
    await confirmPicker(district, until);
    await screenshot(district, 'voucher-programme-form.png');
    expect(await layoutProblems(district)).toEqual([]);
    await shown(district).getByText('提交财务审批').click();
    await shown(district).getByText('待财务审批').waitFor();
  });

  it('finance approves the budget, and the district issues it to the eligible', async () => {
    await finance.goto(baseUrl);
    await finance.getByText('就业券券种').click();
    await shown(finance).getByText('批准预算').click();
    await confirmModal(finance);
    await shown(finance).getByText('剩余名额 100 张 · 剩余预算 80000 元').waitFor();
    await screenshot(finance, 'voucher-programme-approved.png');

    await district.reload();
    await shown(district).getByText('向符合条件的人员发放').click();
    await confirmModal(district);
    await shown(district).getByText('发放完成：新发 1 人').waitFor();
  });

  it('the young job seeker claims the voucher and shows its code', async () => {
    await youth.goto(baseUrl);
    await youth.getByText('我的就业券').click();
    await shown(youth).getByText('800 元').waitFor();
    await screenshot(youth, 'voucher-wallet.png');
    await shown(youth).getByText('鼓楼区岗前技能培训券').click();
    await shown(youth).getByText('领取这张券').click();
    await confirmModal(youth);
    await shown(youth).getByText('出示券码').click();
    await shown(youth).locator('.holder-code__image').waitFor();
    holderCode = (await shown(youth).locator('.holder-code__text').textContent()) ?? '';
    expect(holderCode.split('.')).toHaveLength(3);
    await screenshot(youth, 'voucher-code.png');
    expect(await layoutProblems(youth)).toEqual([]);
    // 关怀模式: twice the text size, nothing overlaps.
    expect(await largeTextProblems(youth, 'voucher-code-large-text.png')).toEqual([]);
  });

  it('the district finds the school by its credit code and designates it a training provider, told beside each field what is missing', async () => {
    await district.goto(baseUrl);
    await district.getByText('认定服务机构').click();
    await fill(district, '统一社会信用代码', '91350102MA0000000X');
    await shown(district).getByText('查找单位').click();
    await expect(field(district, '统一社会信用代码').locator('.form-field__error').textContent()).resolves.toBeTruthy();
    await fill(district, '统一社会信用代码', SCHOOL_USCC);
    await shown(district).getByText('查找单位').click();
    await shown(district).getByText('鼓楼区巧手职业培训学校').waitFor();
    await shown(district).getByText('认定为服务机构').click();
    await confirmModal(district);
    await expect(field(district, '机构类型').locator('.form-field__error').textContent()).resolves.toBeTruthy();
    await expect(field(district, '收款账号').locator('.form-field__error').textContent()).resolves.toBe('账号是12到19位数字');
    await screenshot(district, 'voucher-provider-errors.png');
    await shown(district).locator('.toggle', { hasText: '培训机构' }).click();
    await fill(district, '收款账号', '6222020200117654321');
    await fill(district, '开户银行', '工商银行福州分行');
    expect(await layoutProblems(district)).toEqual([]);
    await shown(district).getByText('认定为服务机构').click();
    await confirmModal(district);
    await shown(district).getByText('已认定「鼓楼区巧手职业培训学校」为就业券服务机构（培训机构）。', { exact: false }).waitFor();
    await screenshot(district, 'voucher-provider-designated.png');
    expect(await largeTextProblems(district, 'voucher-provider-large-text.png')).toEqual([]);
  });

  it('the training school redeems it after seeing whose it is', async () => {
    await redeemOnPage(school, {
      code: holderCode,
      holder: '林**',
      service: '岗前技能培训结业（中式面点，40课时）',
      done: '核销成功：林** 的「鼓楼区岗前技能培训券」800 元。拨付后到账。',
      screenshotName: 'voucher-redeem-preview.png',
    });
    await screenshot(school, 'voucher-redeemed.png');
    expect(await layoutProblems(school)).toEqual([]);
    expect(await largeTextProblems(school, 'voucher-redeemed-large-text.png')).toEqual([]);
  });

  it('finance settles, downloads the payout file and imports the bank’s result', async () => {
    await settleNow(finance, '结算完成：生成 1 个批次，共 1 张、800 元。', { screenshotName: 'voucher-settlement-progress.png' });
    await screenshot(finance, 'voucher-batches.png');
    await shown(finance).getByText('待财务审批').click();
    await shown(finance).getByText('审批批次').click();
    await confirmModal(finance);
    const [download] = await Promise.all([finance.waitForEvent('download'), shown(finance).getByText('下载拨付文件').click()]);
    const csv = await downloadedText(download);
    const [, row] = csv.split('\r\n');
    expect(row).toContain('"6222020200117654321","工商银行福州分行","80000","800","1"');
    const lineId = JSON.parse(`[${row}]`)[0];
    await fill(finance, '银行回盘结果', `line_id,result,reason\n${lineId},成功,`);
    await screenshot(finance, 'voucher-batch.png');
    await shown(finance).getByText('导入银行结果').click();
    await shown(finance).getByText('导入完成：成功 1 行，失败 0 行。失败的会进入下一次结算重新拨付。').waitFor();
    await shown(finance).getByText('已对账').waitFor();
    expect(await layoutProblems(finance)).toEqual([]);
  });

  it('the holder sees it paid', async () => {
    await youth.reload();
    await shown(youth).locator('.voucher-status').getByText('已拨付', { exact: true }).waitFor();
    await shown(youth).getByText('服务费已付给服务机构').waitFor();
    await screenshot(youth, 'voucher-paid.png');
  });
});

describe('a voucher held by an employer', () => {
  let district: Page;
  let finance: Page;
  let shop: Page;
  let school: Page;
  let shopCode = '';

  beforeAll(async () => {
    district = await stack.phone('e2e-v-district');
    finance = await stack.phone('e2e-v-finance');
    shop = await stack.phone('e2e-v-shop');
    school = await stack.phone('e2e-v-school');
    // The programme for employers is set up and approved over the API; the form itself is tried above.
    const client = stack.client;
    const staff = await client.devLogin('e2e-v-district', { roles: ['staff'], level: 'district', areaCode: '350102' });
    const money = await client.devLogin('e2e-v-finance', { roles: ['finance'], level: 'district', areaCode: '350102' });
    const body = programmeBody({ name: '小微企业招工补贴券', kind: 'benefit', holderType: 'employer', targetGroups: ['approved_employer'], providerTypes: ['training_institution'], serviceName: '新招员工岗前培训', faceValueFen: 150_000, budgetFen: 20 * 150_000, quota: 20 });
    const created = await client.post('/voucher-programmes', body, staff);
    expect(created.status).toBe(201);
    expect((await client.post(`/voucher-programmes/${created.body.programme.id}/approve`, undefined, money)).status).toBe(200);
  });

  it('the district issues it to the approved units of the district', async () => {
    await district.goto(baseUrl);
    await district.getByText('就业券券种').click();
    await shown(district).getByText('发给用人单位 · 补贴券（钱打到单位对公账户）').waitFor();
    await shown(district).getByText('向符合条件的单位发放').click();
    await confirmModal(district);
    // The shop and the school are both approved units of 鼓楼区.
    await shown(district).getByText('发放完成：新发 2 家').waitFor();
    await screenshot(district, 'voucher-employer-issued.png');
  });

  it('the shop’s administrator finds it under 我的单位 and claims it into the shop’s account; a wrong account is told beside the field', async () => {
    await shop.goto(baseUrl);
    await shop.getByText('单位入驻、发布岗位、查看应聘人员').click();
    await shown(shop).getByText('单位就业券').click();
    await shown(shop).getByText('单位就业券', { exact: true }).first().waitFor();
    await shown(shop).getByText('1500 元').waitFor();
    await screenshot(shop, 'voucher-employer-wallet.png');
    await shown(shop).getByText('小微企业招工补贴券').click();
    await shown(shop).getByText('补贴券（钱打到单位对公账户）').waitFor();
    await fill(shop, '单位对公账号', '12345');
    await fill(shop, '开户银行', '兴业银行福州鼓楼支行');
    await shown(shop).getByText('领取这张券').click();
    await confirmModal(shop);
    await expect(field(shop, '单位对公账号').locator('.form-field__error').textContent()).resolves.toBe('对公账号是12到19位数字');
    await fill(shop, '单位对公账号', '117010100100012345');
    await shown(shop).getByText('领取这张券').click();
    await confirmModal(shop);
    await shown(shop).getByText('收款账户：**** 2345').waitFor();
    await shown(shop).getByText('出示券码').click();
    await shown(shop).locator('.holder-code__image').waitFor();
    shopCode = (await shown(shop).locator('.holder-code__text').textContent()) ?? '';
    expect(shopCode.split('.')).toHaveLength(3);
    await screenshot(shop, 'voucher-employer-code.png');
    expect(await layoutProblems(shop)).toEqual([]);
    expect(await largeTextProblems(shop, 'voucher-employer-code-large-text.png')).toEqual([]);
  });

  it('the school redeems the shop’s voucher, and finance’s payout file pays the shop', async () => {
    await redeemOnPage(school, {
      code: shopCode,
      holder: '鼓东便民五金店',
      service: '为新招的两名店员做岗前培训（16课时）',
      done: '核销成功：鼓东便民五金店 的「小微企业招工补贴券」1500 元。拨付后到账。',
    });

    await settleNow(finance, '结算完成：生成 1 个批次，共 1 张、1500 元。', { leaveAndReturn: true });
    await shown(finance).getByText('待财务审批').click();
    await shown(finance).getByText('审批批次').click();
    await confirmModal(finance);
    const [download] = await Promise.all([finance.waitForEvent('download'), shown(finance).getByText('下载拨付文件').click()]);
    const [, row] = (await downloadedText(download)).split('\r\n');
    expect(row).toContain('"employer","鼓东便民五金店","117010100100012345","兴业银行福州鼓楼支行","150000","1500","1"');
    await fill(finance, '银行回盘结果', `line_id,result,reason\n${JSON.parse(`[${row}]`)[0]},成功,`);
    await shown(finance).getByText('导入银行结果').click();
    await shown(finance).getByText('已对账').waitFor();

    await shop.reload();
    await shown(shop).locator('.voucher-status').getByText('已拨付', { exact: true }).waitFor();
    await shown(shop).getByText('补贴已打到单位账户').waitFor();
    await screenshot(shop, 'voucher-employer-paid.png');
  });
});
