// A job seeker registers from a phone: the H5 build of the mini-program in Chromium at 375×812,
// against the real API (serverless offline) and DynamoDB Local. Screenshots go to
// tests/e2e/screenshots/ for people to look at.
import type { Browser, Page } from 'playwright-core';
import type { RunningApi } from '../support/localStack';
import { makeIdNumber } from '../support/people';
import { confirmPicker, fill, field, largeTextProblems, layoutProblems, openPicker, phoneContext, pick, screenshot, shown } from '../support/browser';
import { startE2e, type E2eStack } from '../support/e2eStack';

jest.setTimeout(300_000);

let api: RunningApi;
let stack: E2eStack;
let baseUrl: string;
let browser: Browser;
let page: Page;

const ID_NUMBER = makeIdNumber('1979-08-21', 517);
const WRONG_CHECK_DIGIT = `${ID_NUMBER.slice(0, 17)}${ID_NUMBER.endsWith('0') ? '1' : '0'}`;

beforeAll(async () => {
  stack = await startE2e('registration');
  api = stack.api;
  baseUrl = stack.baseUrl;
  browser = stack.browser;
  page = await (await phoneContext(browser)).newPage();
});

afterAll(async () => {
  await stack?.stop();
});

describe('job-seeker registration in the browser', () => {
  it('asks a new visitor to agree to the privacy guide before anything else, and remembers it', async () => {
    await page.goto(baseUrl);
    const dialog = page.locator('.privacy-dialog');
    await dialog.getByText('使用前，请您花一分钟了解').waitFor();
    await screenshot(page, 'privacy-dialog.png');
    expect(await layoutProblems(page)).toEqual([]);
    expect(await largeTextProblems(page, 'privacy-dialog-large-text.png')).toEqual([]);
    // The full guide, and back.
    await dialog.getByText('查看完整的《个人信息保护指引》').click();
    await shown(page).getByText('一、我们收集哪些信息').waitFor();
    expect(await shown(page).innerText()).toContain('单独同意：使用您的身份证号');
    await screenshot(page, 'privacy-policy.png');
    await shown(page).getByText('返回', { exact: true }).click();
    // Saying no says what that means, and lets the person read again.
    await dialog.getByText('不同意', { exact: true }).click();
    await dialog.getByText('暂时不能使用').waitFor();
    await dialog.getByText('重新阅读', { exact: true }).click();
    await dialog.getByText('同意并继续').click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByText('填写或修改您的求职信息').waitFor();
    await screenshot(page, 'home.png');
    expect(await layoutProblems(page)).toEqual([]);
    // Recorded on the server with its version and channel: a reload does not ask again.
    await page.reload();
    await page.getByText('填写或修改您的求职信息').waitFor();
    expect(await page.locator('.privacy-dialog').count()).toBe(0);
  });

  it('asks the separate consent for the ID number before the form', async () => {
    await page.getByText('填写或修改您的求职信息').click();
    await shown(page).getByText('单独同意：使用您的身份证号').waitFor();
    await screenshot(page, 'registration-id-consent.png');
    expect(await largeTextProblems(page, 'registration-id-consent-large-text.png')).toEqual([]);
    await shown(page).getByText('不同意', { exact: true }).click();
    await shown(page).getByText('暂时不能办理求职登记').waitFor();
    await shown(page).getByText('同意，开始填写').click();
    await shown(page).getByText('第 1 步，共 3 步：基本信息').waitFor();
  });

  it('shows Chinese errors next to the fields that are wrong', async () => {
    await fill(page, '姓名', '林秀英');
    await fill(page, '身份证号', WRONG_CHECK_DIGIT);
    await fill(page, '手机号码', '1381234');

    await page.getByText('下一步').click();

    await expect(field(page, '身份证号').locator('.form-field__error').textContent()).resolves.toContain('校验位不正确');
    await expect(field(page, '手机号码').locator('.form-field__error').textContent()).resolves.toContain('11位手机号码');
    await expect(field(page, '文化程度').locator('.form-field__error').textContent()).resolves.toBe('此项为必填项');
    expect(await field(page, '姓名').locator('.form-field__error').count()).toBe(0);
    await screenshot(page, 'registration-errors.png');
    expect(await layoutProblems(page)).toEqual([]);
  });

  it('moves on once the first step is right', async () => {
    await fill(page, '身份证号', ID_NUMBER);
    await fill(page, '手机号码', '13812345678');
    await pick(page, field(page, '文化程度'), '高中');
    await fill(page, '从业年限', '12');
    expect(await field(page, '身份证号').locator('.form-field__error').count()).toBe(0);

    await page.getByText('下一步').click();

    await page.getByText('第 2 步，共 3 步：居住地址').waitFor();
  });

  it('picks the community level by level and takes the position from the device', async () => {
    const area = field(page, '居住的社区');
    await pick(page, area.locator('.area-picker__level').nth(0), '福建省');
    await pick(page, area.locator('.area-picker__level').nth(1), '福州市');
    await pick(page, area.locator('.area-picker__level').nth(2), '鼓楼区');
    await pick(page, area.locator('.area-picker__level').nth(3), '鼓东街道');
    const community = area.locator('.area-picker__level').nth(4);
    await openPicker(page, community);
    await confirmPicker(page, community); // the first community on the list
    await fill(page, '详细地址', '鼓东路 18 号 3 单元');
    await page.getByText('获取当前位置').click();
    await page.getByText(/已获取位置/).waitFor();
    await screenshot(page, 'registration-address.png');
    expect(await layoutProblems(page)).toEqual([]);

    await page.getByText('下一步').click();

    await page.getByText('第 3 步，共 3 步：求职意向').waitFor();
  });

  it('submits the registration and shows it with the ID number masked', async () => {
    await fill(page, '想做的工种', '保洁员、收银员');
    await fill(page, '最低月薪', '3500');
    await pick(page, field(page, '班次'), '白班');
    await fill(page, '个人简历', '在服装厂做过十年缝纫工。');
    await screenshot(page, 'registration-intention.png');

    await page.getByText('提交登记').click();

    // Either the saved registration or the form's error notice: a failure then shows its message.
    const notice = shown(page).locator('.notice__text').first();
    await notice.waitFor({ timeout: 60_000 });
    expect(await notice.textContent()).toContain('登记有效，有效期至');
    const text = await page.locator('body').innerText();
    expect(text).toContain(`3501**********${ID_NUMBER.slice(-4)}`);
    expect(text).not.toContain(ID_NUMBER);
    expect(text).toContain('林秀英');
    expect(text).toContain('3500 元');
    expect(text).toContain('鼓楼区');
    expect(text).toContain('男');
    await screenshot(page, 'registration-mine.png');
    expect(await layoutProblems(page)).toEqual([]);
  });

  it('keeps the page usable with double-size text (关怀模式)', async () => {
    expect(await largeTextProblems(page, 'registration-mine-large-text.png')).toEqual([]);
  });

  it('lets the person change the registration later without retyping the ID number', async () => {
    await page.getByText('修改登记').click();
    await page.getByText(/已登记：3501\*+/).waitFor();
    await expect(field(page, '姓名').locator('input').inputValue()).resolves.toBe('林秀英');
    await fill(page, '手机号码', '13900001111');
    await page.getByText('下一步').click();
    await page.getByText('第 2 步，共 3 步：居住地址').waitFor();
    await page.getByText('下一步').click();

    await page.getByText('保存修改').click();

    await shown(page).getByText('13900001111').waitFor();
    expect(await page.locator('.taro_page').count()).toBe(2); // home and this page: back goes home
    await shown(page).getByText('返回首页').click();
    await shown(page).getByText('填写或修改您的求职信息').waitFor();
  });
});
