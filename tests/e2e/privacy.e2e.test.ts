// 我的数据 and 注销账号 in the browser (issue 17): a registered person opens 我的 → 我的数据 at
// 375×812, sees what is held by kind, downloads a copy, withdraws a consent, asks to close the
// account (after a confirmation), sees the cooling-off and undoes it. Screenshots are looked at.
import type { Page } from 'playwright-core';
import { makeIdNumber, registrationBody } from '../support/people';
import { downloadedText, largeTextProblems, layoutProblems, screenshot, shown } from '../support/browser';
import { startE2e, type E2eStack } from '../support/e2eStack';

jest.setTimeout(300_000);

let stack: E2eStack;
let page: Page;
let token: string;
const OPENID = 'e2e-my-data';
const ID_NUMBER = makeIdNumber('1962-03-08', 611);

beforeAll(async () => {
  stack = await startE2e('privacy');
  token = await stack.client.devLogin(OPENID);
  const reg = await stack.client.put('/me/jobseeker-registration', registrationBody({ idNumber: ID_NUMBER, name: '陈桂兰', phone: '13600006111' }), token);
  expect(reg.status).toBe(200);
  page = await stack.phone(OPENID);
});

afterAll(async () => {
  await stack?.stop();
});

describe('我的数据', () => {
  it('is reached from 我的 on the home page and lists what is held, by kind', async () => {
    await page.goto(stack.baseUrl);
    await page.getByText('关怀模式、我的数据、撤回同意、注销账号、隐私指引').click();
    await shown(page).getByText('我们保存了您哪些信息、下载副本、撤回同意、注销账号').waitFor();
    await screenshot(page, 'mine.png');
    expect(await layoutProblems(page)).toEqual([]);
    await shown(page).getByText('我的数据', { exact: true }).click();
    await shown(page).getByText('我们保存的您的信息').waitFor();
    const text = await shown(page).innerText();
    expect(text).toContain('求职登记（1 条）');
    expect(text).toContain('姓名、身份证号（加密）、手机号、住址');
    expect(text).not.toContain('投诉和建议（');
    await screenshot(page, 'my-data.png');
    expect(await layoutProblems(page)).toEqual([]);
    expect(await largeTextProblems(page, 'my-data-large-text.png')).toEqual([]);
  });

  it('downloads a copy to keep, with the ID number masked', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), shown(page).getByText('下载一份副本').click()]);
    expect(download.suggestedFilename()).toMatch(/^我的数据-\d{4}-\d{2}-\d{2}\.json$/);
    const copy = JSON.parse(await downloadedText(download));
    expect(copy.data.registration[0]).toMatchObject({ name: '陈桂兰', phone: '13600006111' });
    expect(JSON.stringify(copy)).not.toContain(ID_NUMBER);
  });

  it('withdraws a consent after saying what that means', async () => {
    const row = shown(page).locator('.my-data__row', { hasText: '提供困难认定材料' });
    await row.getByText('撤回', { exact: true }).click();
    await page.getByText('撤回后不能再申请就业困难人员认定').waitFor();
    await page.locator('.taro-model__confirm', { hasText: '撤回' }).click();
    await row.waitFor({ state: 'detached' });
    const held = (await stack.client.get('/me/consents', token)).body.items.map((c: { purpose: string }) => c.purpose);
    expect(held).toEqual(expect.arrayContaining(['privacy', 'id_number']));
    expect(held).not.toContain('hardship_evidence');
  });

  it('asks that separate consent again before a hardship application, and a refusal leaves the rest as it was', async () => {
    await page.goto(`${stack.baseUrl}/#/apply/hardship/index`);
    await shown(page).getByText('单独同意：使用您的困难认定材料').waitFor();
    await screenshot(page, 'hardship-consent.png');
    expect(await layoutProblems(page)).toEqual([]);
    await shown(page).getByText('不同意', { exact: true }).click();
    await shown(page).getByText('暂时不能申请就业困难人员认定').waitFor();
    await shown(page).getByText('同意，开始填写').click();
    await shown(page).getByText('困难类别').waitFor();
    expect((await stack.client.get('/me/consents', token)).body.items.map((c: { purpose: string }) => c.purpose)).toContain('hardship_evidence');
    await page.goto(stack.baseUrl);
    await page.getByText('关怀模式、我的数据、撤回同意、注销账号、隐私指引').click();
    await shown(page).getByText('我的数据', { exact: true }).click();
    await shown(page).getByText('我们保存的您的信息').waitFor();
  });
});

describe('注销账号', () => {
  it('asks for a confirmation, then shows the 7-day cooling-off; meanwhile nothing new can be filed', async () => {
    await shown(page).locator('.btn--danger', { hasText: '注销账号' }).click();
    await page.getByText('注销后有 7 天冷静期').waitFor();
    await screenshot(page, 'close-account-confirm.png');
    // Thinking again changes nothing.
    await page.locator('.taro-model__cancel', { hasText: '再想想' }).click();
    expect((await stack.client.get('/me/account-deletion', token)).body.deletion).toBeNull();

    await shown(page).locator('.btn--danger', { hasText: '注销账号' }).click();
    await page.locator('.taro-model__confirm', { hasText: '申请注销' }).click();
    await shown(page).locator('#closing-banner').getByText('您已申请注销账号').waitFor();
    expect(await shown(page).locator('#closing-banner').innerText()).toMatch(/冷静期到 \d+月\d+日/);
    await screenshot(page, 'close-account-cooling-off.png');
    expect(await layoutProblems(page)).toEqual([]);
    expect(await largeTextProblems(page, 'close-account-cooling-off-large-text.png')).toEqual([]);
    const refused = await stack.client.post('/complaints', { kind: 'suggestion', topic: 'other', text: '希望窗口周六也能开放办理业务。' }, token);
    expect(refused.status).toBe(403);
  });

  it('is undone with 撤销注销 in the cooling-off, and the account works as before', async () => {
    await shown(page).getByText('撤销注销，继续使用').click();
    await shown(page).locator('#closing-banner').waitFor({ state: 'detached' });
    await shown(page).locator('.btn--danger', { hasText: '注销账号' }).waitFor();
    expect((await stack.client.get('/me/account-deletion', token)).body.deletion).toBeNull();
    expect((await stack.client.get('/me/jobseeker-registration', token)).body.registration).toMatchObject({ name: '陈桂兰' });
  });
});
