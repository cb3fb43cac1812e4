// 政策找人 and 你问我答 on phones (375×812, H5 build, real API, the policy stream consumed as Lambda
// would), issue 19: the district publishes a policy for registered unemployed people over 40; a
// 47-year-old registered unemployed resident finds it under 为您找到的政策 with why, opens it, asks
// a question about it; the district answers from its task list; she reads the answer. The
// calculator answers for someone who is not registered. Also in 关怀模式. Screenshots are looked at.
import type { Page } from 'playwright-core';
import { ageOn, todayInChina } from '@doorstep/shared';
import { careModeProblems, field, layoutProblems, phoneOf, screenshot, shown } from '../support/browser';
import { startE2e, approveInQueue, type E2eStack } from '../support/e2eStack';
import { makeIdNumber, registrationBody } from '../support/people';
import { consumeLocalQueue, consumeTableStream, until } from '../support/streams';

jest.setTimeout(300_000);

let stack: E2eStack;
let stream: { stop(): void };
let worker: { stop(): void } | undefined;
let resident: Page;
let officer: Page;
let newcomer: Page;
const year = new Date().getFullYear();
const BIRTH = `${year - 48}-01-05`;
const AGE = ageOn(BIRTH, todayInChina());
const confirmModal = (page: Page) => page.locator('.taro-model__confirm').click();

beforeAll(async () => {
  stack = await startE2e('policies');
  stream = await consumeTableStream(stack.tableName, async () => (await import('../../functions/src/policies/handlers/stream')).onStream, 'policyStream');
  // A new policy waits on the policy queue for its worker, as in AWS.
  worker = await consumeLocalQueue(stack.tableName, 'policy-match', async () => (await import('../../functions/src/policies/handlers/work')).work);
  const { client } = stack;
  const district = await client.devLogin('e2e-po-district', { roles: ['staff'], level: 'district', areaCode: '350102' });
  const street = await client.devLogin('e2e-po-street', { roles: ['staff'], level: 'street', areaCode: '350102001' });
  const published = await client.post(
    '/staff/policies',
    {
      title: '大龄失业人员灵活就业社保补贴',
      issuer: '福州市鼓楼区人力资源和社会保障局',
      docNumber: '鼓人社〔2026〕8号',
      validFrom: `${year - 1}-01-01`,
      validUntil: `${year + 1}-12-31`,
      summary: '40岁以上的登记失业人员，灵活就业后自己缴纳社保的，区里按月补贴一部分。',
      benefits: '每月社保补贴 500 元，最长 3 年',
      howToApply: '带身份证到街道劳动保障事务所申请',
      service: 'unemployment_registration',
      areaCode: '350102',
      rule: { groups: ['registered_unemployed'], minAge: 40 },
    },
    district,
  );
  expect(published.status).toBe(201);
  // A resident in her late forties, registered and then recognised as registered unemployed by the street.
  const res = await client.devLogin('e2e-po-resident');
  expect((await client.put('/me/jobseeker-registration', registrationBody({ idNumber: makeIdNumber(BIRTH, 971), name: '卢美华', phone: '13900009710' }), res)).status).toBe(200);
  const applied = await client.post('/me/unemployment-registration', { priorStatus: 'employed', lastEmployer: '鼓楼区某超市', leavingReason: 'contract_ended', leftOn: `${year}-01-15`, ableToWork: true, willingToWork: true, localResident: true }, res);
  expect(applied.status).toBe(201);
  await approveInQueue(client, street, 'unemployment', applied.body.application.id);
  await until(async () => ((await client.get('/me/policies', res)).body.items.length ? true : undefined), 'the policy found for her');
  await client.devLogin('e2e-po-newcomer');
  resident = await phoneOf(stack.browser, 'e2e-po-resident');
  officer = await phoneOf(stack.browser, 'e2e-po-district');
  newcomer = await phoneOf(stack.browser, 'e2e-po-newcomer');
});

afterAll(async () => {
  stream?.stop();
  worker?.stop();
  await stack?.stop();
});

describe('政策找人', () => {
  it('she finds the policy under 为您找到的政策 with why, and its page says she qualifies', async () => {
    await resident.goto(stack.baseUrl);
    await shown(resident).getByText('政策', { exact: true }).click();
    await shown(resident).getByText('为您找到的政策').waitFor();
    const card = shown(resident).locator('.policy-card', { hasText: '大龄失业人员灵活就业社保补贴' }).first();
    await expect(card.locator('.policy-card__why').textContent()).resolves.toBe(`符合的理由：您是登记失业人员；年龄${AGE}岁；住在鼓楼区`);
    await screenshot(resident, 'policies-found.png');
    expect(await layoutProblems(resident)).toEqual([]);
    await card.click();
    await shown(resident).locator('.verdict--yes').waitFor();
    await expect(shown(resident).locator('.verdict--yes').textContent()).resolves.toBe(`您符合条件：您是登记失业人员；年龄${AGE}岁；住在鼓楼区。`);
    await screenshot(resident, 'policies-policy.png');
    expect(await layoutProblems(resident)).toEqual([]);
  });

  it('she asks about it (told beside each field what is missing), the district answers from its tasks, and she reads the answer', async () => {
    await shown(resident).getByText('对这条政策有疑问？问一问').click();
    await shown(resident).getByText('提交问题').click();
    await expect(field(resident, '问的是').locator('.form-field__error').textContent()).resolves.toBe('请选择问题的类别');
    await screenshot(resident, 'policies-ask-errors.png');
    await shown(resident).locator('.toggle', { hasText: '社会保险' }).click();
    await shown(resident).locator('.toggle', { hasText: '失业人员' }).click();
    await field(resident, '您的问题').locator('textarea').fill('我在外区打零工，这个社保补贴还能申请吗？');
    await shown(resident).getByText('提交问题').click();
    await shown(resident).getByText('问题已收到').waitFor();

    await officer.goto(stack.baseUrl);
    await shown(officer).getByText('待办任务').click();
    await shown(officer).getByText('答复问题').first().click();
    await shown(officer).getByText('我在外区打零工，这个社保补贴还能申请吗？').waitFor();
    await field(officer, '答复').locator('textarea').fill('您好，只要户籍或居住在鼓楼区、已登记失业，在外区灵活就业也可以申请，请带身份证到街道劳动保障事务所办理。');
    await screenshot(officer, 'policies-answer.png');
    expect(await layoutProblems(officer)).toEqual([]);
    await shown(officer).getByText('发出答复').click();
    await confirmModal(officer);
    await shown(officer).getByText(/^已答复：您好/).waitFor();

    await resident.goto(`${stack.baseUrl}/#/policies/questions/index`);
    await shown(resident).locator('.answer', { hasText: '您好，只要户籍或居住在鼓楼区' }).waitFor();
    await screenshot(resident, 'policies-questions.png');
    expect(await layoutProblems(resident)).toEqual([]);
  });

  it('someone not registered works out what they could get by answering a few questions', async () => {
    await newcomer.goto(`${stack.baseUrl}/#/policies/calculator/index`);
    await shown(newcomer).getByText('按回答算').click();
    await expect(field(newcomer, '住在哪个社区').locator('.form-field__error').textContent()).resolves.toBe('请选择您住在哪个社区');
    await shown(newcomer).getByText('按我的登记信息算').waitFor();
    await screenshot(newcomer, 'policies-calculator.png');
    expect(await layoutProblems(newcomer)).toEqual([]);
  });

  it('in 关怀模式 her policy pages keep large text, nothing overlapping, every button reachable', async () => {
    await resident.goto(stack.baseUrl);
    await shown(resident).locator('.home-card__title').first().waitFor();
    await shown(resident).getByText('打开关怀模式').click();
    await shown(resident).getByText('✓ 关怀模式已打开').waitFor();
    await resident.goto(`${stack.baseUrl}/#/policies/list/index`);
    await shown(resident).locator('.policy-card').first().waitFor();
    expect(await careModeProblems(resident, 'policies-found-care.png')).toEqual([]);
    await shown(resident).locator('.policy-card').first().click();
    await shown(resident).locator('.verdict--yes').waitFor();
    expect(await careModeProblems(resident, 'policies-policy-care.png')).toEqual([]);
  });
});
