// 关怀模式 and 亲情代办 on two phones (375×812, H5 build, real API, the table's stream consumed as
// Lambda would): a 52-year-old mother switches on 关怀模式, invites her son from 亲情代办 (told
// beside each field what is missing), agreeing there that he may use her ID number to register
// her; the son accepts with her code, switches to acting for her, registers her and — once her
// community has filed her unemployment registration and the street approved it — claims her
// employment voucher and shows its code. She sees what he did in 代办记录, then ends it; his next
// step is refused and his phone goes back to his own account. Screenshots are looked at.
import type { Page } from 'playwright-core';
import { field, fill, layoutProblems, phoneOf, pick, pickGudongCommunity, screenshot, shown } from '../support/browser';
import { startE2e, type E2eStack } from '../support/e2eStack';
import { makeIdNumber } from '../support/people';
import { programmeBody } from '../support/vouchers';
import { consumeTableStream, until } from '../support/streams';

jest.setTimeout(300_000);

let stack: E2eStack;
let stream: { stop(): void };
let mother: Page;
let son: Page;
let motherToken: string;
let motherId: string;
let code: string;

const MOTHER_ID_NUMBER = makeIdNumber('1974-05-12', 622);
const SON_PHONE = '13905917702';
const confirmModal = (page: Page) => page.locator('.taro-model__confirm').click();

beforeAll(async () => {
  stack = await startE2e('family');
  stream = await consumeTableStream(stack.tableName, async () => (await import('../../functions/src/vouchers/handlers/stream')).onStream);
  const { client } = stack;
  // A district voucher for registered unemployed people, approved.
  const district = await client.devLogin('e2e-fm-district', { roles: ['staff'], level: 'district', areaCode: '350102' });
  const finance = await client.devLogin('e2e-fm-finance', { roles: ['finance'], level: 'district', areaCode: '350102' });
  const programme = (await client.post('/voucher-programmes', programmeBody({ name: '鼓楼区再就业服务券', targetGroups: ['registered_unemployed'] }), district)).body.programme;
  expect((await client.post(`/voucher-programmes/${programme.id}/approve`, undefined, finance)).status).toBe(200);
  // The mother has agreed to the privacy guide only; the son too.
  motherToken = await client.devLogin('e2e-fm-mother', {}, { consents: ['privacy'] });
  motherId = (await client.get('/me', motherToken)).body.user.id;
  await client.devLogin('e2e-fm-son', {}, { consents: ['privacy'] });
  mother = await phoneOf(stack.browser, 'e2e-fm-mother');
  son = await phoneOf(stack.browser, 'e2e-fm-son');
});

afterAll(async () => {
  stream?.stop();
  await stack?.stop();
});

describe('关怀模式', () => {
  it('is one tap on the home page: larger text, the five most used tasks, the rest under 更多服务', async () => {
    await mother.goto(stack.baseUrl);
    // Signed in (the tasks shown) before the switch: it is measured against the usual home.
    await shown(mother).locator('.home-card__title').first().waitFor();
    const normal = await shown(mother).locator('.page__title').evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    await shown(mother).getByText('打开关怀模式').click();
    await shown(mother).getByText('✓ 关怀模式已打开').waitFor();
    const large = await shown(mother).locator('.page__title').evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    expect(large / normal).toBeCloseTo(1.5, 1);
    await shown(mother).locator('.home-card__title', { hasText: '找工作' }).waitFor();
    const titles = await shown(mother).locator('.home-card__title').allTextContents();
    expect(titles).toEqual(['找工作', '求职登记', '就业券', '学技能', '我的面试']);
    await screenshot(mother, 'care-home.png');
    expect(await layoutProblems(mother)).toEqual([]);
    // Remembered on her account (saved just after the switch turns): signing in on another phone brings it back.
    await until(async () => ((await stack.client.get('/me', motherToken)).body.user.careMode === true ? true : undefined), 'care mode saved on her account');
  });
});

describe('亲情代办', () => {
  it('the mother invites her son, told beside each field what is missing, and agrees he may use her ID number', async () => {
    await shown(mother).getByText('更多服务').click();
    await shown(mother).getByText('亲情代办', { exact: true }).click();
    await shown(mother).getByText('还没有家人为您代办。').waitFor();
    await shown(mother).getByText('邀请家人为我代办').click();
    await shown(mother).getByText('同意并生成邀请码').click();
    await expect(field(mother, 'TA 是您的').locator('.form-field__error').textContent()).resolves.toBe('请选择对方是您的什么人');
    await expect(field(mother, 'TA 怎么称呼您').locator('.form-field__error').textContent()).resolves.toBe('请填写对方怎么称呼您');
    expect(await field(mother, '家人的手机号').locator('.form-field__error').count()).toBe(1);
    await screenshot(mother, 'family-invite-errors.png');
    expect(await layoutProblems(mother)).toEqual([]);

    await fill(mother, '家人的手机号', SON_PHONE);
    await field(mother, 'TA 是您的').getByText('子女', { exact: true }).click();
    await fill(mother, 'TA 怎么称呼您', '妈妈');
    await shown(mother).getByText('同意，让家人可以为我办求职登记').click();
    await shown(mother).getByText('同意并生成邀请码').click();
    await shown(mother).locator('#proxy-code').waitFor();
    code = ((await shown(mother).locator('.family-code').textContent()) ?? '').trim();
    expect(code).toMatch(/^\d{6}$/);
    await screenshot(mother, 'family-invite-code.png');
    expect(await layoutProblems(mother)).toEqual([]);
    expect((await stack.client.get('/me/consents', motherToken)).body.items.map((c: { purpose: string }) => c.purpose)).toContain('id_number');
  });

  it('the son accepts with her code and switches to acting for her: every page says for whom', async () => {
    await son.goto(stack.baseUrl);
    await son.getByText('亲情代办', { exact: true }).click();
    await shown(son).getByText('接受家人的邀请').click();
    await fill(son, '您的手机号', SON_PHONE);
    await fill(son, '邀请码', code);
    await screenshot(son, 'family-accept.png');
    await shown(son).getByText('同意并接受').click();
    await shown(son).getByText('您现在可以为「妈妈」代办了').waitFor();
    await shown(son).getByText('现在为「妈妈」代办').click();
    await shown(son).getByText('为「妈妈」代办', { exact: true }).waitFor();
    await shown(son).locator('#proxy-banner').getByText('退出代办').waitFor();
    const tasks = await shown(son).locator('.home-card__title').allTextContents();
    expect(tasks).toContain('求职登记');
    expect(tasks).not.toContain('我的');
    expect(tasks).not.toContain('单位招聘');
    await screenshot(son, 'family-acting-home.png');
    expect(await layoutProblems(son)).toEqual([]);
  });

  it('the son registers his mother', async () => {
    await shown(son).getByText('填写或修改您的求职信息').click();
    await shown(son).getByText('第 1 步，共 3 步：基本信息').waitFor();
    await shown(son).locator('#proxy-banner').waitFor();
    await fill(son, '姓名', '王秀英');
    await fill(son, '身份证号', MOTHER_ID_NUMBER);
    await fill(son, '手机号码', '13905917701');
    await pick(son, field(son, '文化程度'), '初中');
    await fill(son, '从业年限', '30');
    await son.getByText('下一步').click();
    await pickGudongCommunity(son, field(son, '居住的社区'));
    await fill(son, '详细地址', '鼓东路 20 号 2 单元');
    await son.getByText('获取当前位置').click();
    await son.getByText(/已获取位置/).waitFor();
    await son.getByText('下一步').click();
    await fill(son, '想做的工种', '保洁员');
    await fill(son, '最低月薪', '2800');
    await pick(son, field(son, '班次'), '白班');
    await son.getByText('提交登记').click();
    const notice = shown(son).locator('.notice__text').first();
    await notice.waitFor({ timeout: 60_000 });
    expect(await notice.textContent()).toContain('登记有效，有效期至');
    await screenshot(son, 'family-registered-for-mother.png');
    expect((await stack.client.get('/me/jobseeker-registration', motherToken)).body.registration).toMatchObject({ name: '王秀英' });
  });

  it('once her unemployment is recorded, the son claims her voucher and shows its code', async () => {
    // Her community files the unemployment registration for her at the desk; the street approves it.
    const { client } = stack;
    const community = await client.devLogin('e2e-fm-community', { roles: ['staff'], level: 'community', areaCode: (await client.get('/me/jobseeker-registration', motherToken)).body.registration.residence.areaCode });
    const filed = await client.post('/me/unemployment-registration', { priorStatus: 'employed', lastEmployer: '福州鼓楼纺织厂', leavingReason: 'contract_ended', leftOn: '2026-06-30', ableToWork: true, willingToWork: true, localResident: true, onBehalfOf: motherId }, community);
    if (filed.status !== 201) throw new Error(`filing her unemployment: ${filed.status} ${filed.text}`);
    const street = await client.devLogin('e2e-fm-street', { roles: ['staff'], level: 'street', areaCode: '350102001' });
    const review = (await client.get('/staff/reviews?type=unemployment&limit=100', street)).body.items.find((r: { subjectId: string }) => r.subjectId === filed.body.application.id);
    expect((await client.post(`/staff/reviews/${review.id}/decision`, { decision: 'approve' }, street)).status).toBe(200);
    await until(async () => ((await client.get('/me/vouchers', motherToken)).body.items.length ? true : undefined), 'her voucher issued by the stream');

    await son.goto(stack.baseUrl);
    await son.getByText('我的就业券').click();
    await shown(son).getByText('鼓楼区再就业服务券').click();
    await shown(son).getByText('领取这张券').click();
    await confirmModal(son);
    await shown(son).getByText('出示券码').click();
    await shown(son).locator('.holder-code__image').waitFor();
    await shown(son).locator('#proxy-banner').waitFor();
    await shown(son).getByText('您已领取（家人代办）').waitFor();
    await screenshot(son, 'family-voucher-code.png');
    expect(await layoutProblems(son)).toEqual([]);
    expect((await client.get('/me/vouchers', motherToken)).body.items[0].status).toBe('claimed');
  });

  it('the mother sees in 代办记录 what her son did for her', async () => {
    await mother.goto(stack.baseUrl);
    await shown(mother).getByText('更多服务').click();
    await shown(mother).getByText('亲情代办', { exact: true }).click();
    await shown(mother).getByText('子女 139****7702').waitFor();
    await shown(mother).getByText('代办记录', { exact: true }).click();
    await shown(mother).locator('.family-record').first().waitFor();
    const lines = await shown(mother).locator('.family-record').allInnerTexts();
    expect(lines.some((l) => l.includes('求职登记') && l.includes('已办理') && l.includes('子女 139****7702 代办'))).toBe(true);
    expect(lines.some((l) => l.includes('领取') && l.includes('已办理'))).toBe(true);
    await screenshot(mother, 'family-records.png');
    expect(await layoutProblems(mother)).toEqual([]);
  });

  it('she ends it after a confirmation; his next step is refused and his phone is his own again', async () => {
    await mother.goBack();
    await shown(mother).getByText('解除代办').click();
    await mother.getByText('解除后对方立即不能再为您办理任何事').waitFor();
    await screenshot(mother, 'family-end-confirm.png');
    await confirmModal(mother);
    await shown(mother).getByText('（本人解除）', { exact: false }).waitFor();

    await son.goto(stack.baseUrl);
    await son.getByText('我的就业券').click();
    await shown(son).getByText('代办关系已解除，不能再为对方办理').waitFor();
    await son.locator('#proxy-banner').waitFor({ state: 'detached' });
    await screenshot(son, 'family-ended-son.png');
    await son.goto(stack.baseUrl);
    await shown(son).getByText('家门口就业', { exact: true }).waitFor();
  });
});
