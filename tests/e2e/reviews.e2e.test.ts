// Two people and a street officer, each on their own phone (375×812, H5 build, real API):
// a citizen applies for unemployment registration and the street approves it; a shop onboards
// with a photo of its licence and the street approves it. Screenshots go to tests/e2e/screenshots/.
import type { Browser, Page } from 'playwright-core';
import type { RunningApi } from '../support/localStack';
import { makeIdNumber, registrationBody } from '../support/people';
import { makeUscc } from '../support/employers';
import { apiClient } from '../support/http';
import { confirmPicker, field, fill, largeTextProblems, layoutProblems, openPicker, pick, pickGudongCommunity, screenshot, shown } from '../support/browser';
import { startE2e, type E2eStack } from '../support/e2eStack';

jest.setTimeout(300_000);

let api: RunningApi;
let stack: E2eStack;
let baseUrl: string;
let browser: Browser;
const ID_NUMBER = makeIdNumber('1978-03-09', 624);


beforeAll(async () => {
  stack = await startE2e('reviews');
  api = stack.api;
  const client = apiClient(api.baseUrl);
  // The street officer's account and the citizen's job-seeker registration exist beforehand.
  await client.devLogin('e2e-street', { roles: ['staff'], level: 'street', areaCode: '350102001' });
  const citizen = await client.devLogin('e2e-citizen');
  const put = await client.put('/me/jobseeker-registration', registrationBody({ idNumber: ID_NUMBER, name: '陈美玲' }), citizen);
  expect(put.status).toBe(200);
  baseUrl = stack.baseUrl;
  browser = stack.browser;
});

afterAll(async () => {
  await stack?.stop();
});

async function fillUnemploymentForm(page: Page) {
  await pick(page, field(page, '失业前的情况'), '在单位工作');
  await fill(page, '原工作单位', '福州鼓楼纺织厂');
  await pick(page, field(page, '离职原因'), '劳动合同到期');
  const date = field(page, '离职日期');
  await openPicker(page, date);
  await confirmPicker(page, date); // today, the wheel's starting point
  for (const text of ['我有劳动能力', '我有就业愿望，愿意找工作', '我是本地常住人员']) await shown(page).getByText(text).click();
  expect(await shown(page).locator('.declaration__error').allTextContents()).toEqual(['', '', '']);
}

async function approveInQueue(officer: Page, tab: string, name: string, shot: string) {
  await officer.goto(baseUrl);
  await officer.getByText('审核工作台').click();
  await shown(officer).getByText(tab, { exact: true }).click();
  await shown(officer).getByText(name).click();
  await shown(officer).getByText('审核意见').waitFor();
  await screenshot(officer, shot);
  expect(await layoutProblems(officer)).toEqual([]);
  await shown(officer).getByText('通过', { exact: true }).click();
  await officer.getByText('确认通过', { exact: true }).click();
  await shown(officer).getByText('已通过。').waitFor({ timeout: 30_000 });
}

describe('a citizen applies for unemployment registration and the street approves it', () => {
  let citizen: Page;
  let officer: Page;

  beforeAll(async () => {
    citizen = await stack.phone('e2e-citizen');
    officer = await stack.phone('e2e-street');
  });

  it('shows what is missing next to each field', async () => {
    await citizen.goto(baseUrl);
    await citizen.getByText('失业登记、就业登记、就业困难人员认定和办理进度').click();
    await shown(citizen).getByText('我的人员类别').waitFor();
    await shown(citizen).getByText('失业登记', { exact: true }).click();
    await shown(citizen).getByText('提交申请').click();
    await expect(field(citizen, '失业前的情况').locator('.form-field__error').textContent()).resolves.toBe('请从列表中选择');
    expect(await shown(citizen).locator('.declaration__error').allTextContents()).toEqual(['失业登记须具有劳动能力', '失业登记须有就业愿望', '失业登记须为本地常住人员']);
    await screenshot(citizen, 'unemployment-errors.png');
    expect(await layoutProblems(citizen)).toEqual([]);
  });

  it('submits and shows the application waiting for the street', async () => {
    await fillUnemploymentForm(citizen);
    await screenshot(citizen, 'unemployment-form.png');

    await shown(citizen).getByText('提交申请').click();

    await shown(citizen).getByText('等待街道审核', { exact: true }).waitFor({ timeout: 60_000 });
    const text = await shown(citizen).innerText();
    expect(text).toContain('提交申请，等待街道审核');
    expect(text).toContain('下一步：街道审核');
    await screenshot(citizen, 'applications-pending.png');
    expect(await layoutProblems(citizen)).toEqual([]);
  });

  it('the street officer sees it in the queue with the ID number masked, and approves it', async () => {
    await officer.goto(baseUrl);
    await officer.getByText('审核工作台').click();
    await shown(officer).getByText('失业登记', { exact: true }).click();
    await shown(officer).getByText('陈美玲').waitFor();
    await screenshot(officer, 'staff-queue.png');
    expect(await layoutProblems(officer)).toEqual([]);
    await approveInQueue(officer, '失业登记', '陈美玲', 'staff-unemployment-review.png');
    const detail = await officer.locator('body').innerText();
    expect(detail).not.toContain(ID_NUMBER);
  });

  it('the citizen sees the approval on the timeline and is now a registered unemployed person', async () => {
    // Coming back later, from the home page.
    await citizen.goto(baseUrl);
    await citizen.getByText('失业登记、就业登记、就业困难人员认定和办理进度').click();
    await shown(citizen).getByText('审核通过').waitFor({ timeout: 30_000 });
    const text = await shown(citizen).innerText();
    expect(text).toContain('已通过');
    expect(text).toContain('登记失业人员');
    await screenshot(citizen, 'applications-approved.png');
    expect(await largeTextProblems(citizen, 'applications-approved-large-text.png')).toEqual([]);
  });
});

describe('community staff file for a resident who cannot use a phone (代办)', () => {
  it('finds the resident by ID number, files the unemployment registration, and the street sees it as assisted', async () => {
    const client = apiClient(api.baseUrl);
    await client.devLogin('e2e-community', { roles: ['staff'], level: 'community', areaCode: '350102001001' });
    const resident = await client.devLogin('e2e-resident');
    const residentId = makeIdNumber('1969-11-30', 843); // a man of 56: within working age (a woman of 56 is not)
    expect((await client.put('/me/jobseeker-registration', registrationBody({ idNumber: residentId, name: '郑阿婆' }), resident)).status).toBe(200);

    const staffPhone = await stack.phone('e2e-community');
    await staffPhone.goto(baseUrl);
    await staffPhone.getByText('为本社区居民代办失业登记').click();
    await fill(staffPhone, '居民身份证号', residentId);
    await shown(staffPhone).getByText('查找', { exact: true }).click();
    await shown(staffPhone).getByText('郑阿婆').waitFor({ timeout: 30_000 });
    expect(await shown(staffPhone).innerText()).not.toContain(residentId);
    await screenshot(staffPhone, 'staff-assist-found.png');
    expect(await layoutProblems(staffPhone)).toEqual([]);

    await shown(staffPhone).getByText('代办失业登记').click();
    await shown(staffPhone).getByText('您正在为郑阿婆代办', { exact: false }).waitFor();
    await fillUnemploymentForm(staffPhone);
    await shown(staffPhone).getByText('提交申请').click();
    await shown(staffPhone).getByText('已为郑阿婆提交失业登记', { exact: false }).waitFor({ timeout: 60_000 });

    const [application] = (await client.get('/me/person-applications', resident)).body.items;
    expect(application).toMatchObject({ status: 'pending_street', assisted: true });
    expect(application.timeline[0].label).toBe('社区工作人员代为提交，等待街道审核');
    const officer = await stack.phone('e2e-street');
    await officer.goto(baseUrl);
    await officer.getByText('审核工作台').click();
    await shown(officer).getByText('失业登记', { exact: true }).click();
    const item = shown(officer).locator('.queue-item', { hasText: '郑阿婆' });
    await item.waitFor();
    expect(await item.innerText()).toContain('社区代办');
  });
});

describe('a shop onboards from a phone and the street approves it', () => {
  let owner: Page;
  let officer: Page;
  let joinCode = '';

  beforeAll(async () => {
    owner = await stack.phone('e2e-shop-owner');
    officer = await stack.phone('e2e-street');
  });

  it('fills in the unit, photographs the licence and submits', async () => {
    await owner.goto(baseUrl);
    await owner.getByText('单位入驻、发布岗位、查看应聘人员').click();
    await shown(owner).getByText('您还没有入驻的单位', { exact: false }).waitFor();
    await shown(owner).getByText('单位入驻', { exact: true }).last().click();
    await shown(owner).getByText('单位信息', { exact: true }).waitFor();

    await fill(owner, '单位名称', '福州鼓东便民超市有限公司');
    await fill(owner, '统一社会信用代码', makeUscc(7001).slice(0, 17) + (makeUscc(7001).endsWith('0') ? '1' : '0'));
    await shown(owner).getByText('提交审核').click();
    await expect(field(owner, '统一社会信用代码').locator('.form-field__error').textContent()).resolves.toContain('校验');
    await fill(owner, '统一社会信用代码', makeUscc(7001));
    await pick(owner, field(owner, '所属行业'), '批发和零售业');
    await pick(owner, field(owner, '经济类型'), '有限责任公司');

    const licence = await owner.screenshot({ type: 'png', clip: { x: 0, y: 0, width: 300, height: 200 } });
    const chooser = owner.waitForEvent('filechooser');
    await field(owner, '营业执照照片').getByText('拍照或选择照片').click();
    await (await chooser).setFiles({ name: 'licence.png', mimeType: 'image/png', buffer: licence });
    await field(owner, '营业执照照片').getByText('已上传').waitFor({ timeout: 30_000 });

    await pickGudongCommunity(owner, field(owner, '所在社区'));
    await fill(owner, '详细地址', '鼓东路 20 号');
    await shown(owner).getByText('使用我现在的位置').click();
    await shown(owner).getByText(/已定位/).waitFor();
    await fill(owner, '联系人', '王建国');
    await fill(owner, '联系电话', '13905911234');
    await screenshot(owner, 'employer-onboard.png');
    expect(await layoutProblems(owner)).toEqual([]);

    await shown(owner).getByText('提交审核').click();

    await shown(owner).getByText('待街道审核').waitFor({ timeout: 60_000 });
    expect(await shown(owner).innerText()).toContain('等待所在街道审核');
    await screenshot(owner, 'employer-pending.png');
  });

  it('the street officer checks the licence photo and approves', async () => {
    await officer.goto(baseUrl);
    await officer.getByText('审核工作台').click();
    await shown(officer).getByText('福州鼓东便民超市有限公司').click();
    const photo = shown(officer).locator('.review-photo__image img, img.review-photo__image').first();
    await photo.waitFor();
    // The picture arrives (its link goes through GET /files/view to the store): loaded, not broken.
    await photo.evaluate((img: HTMLImageElement) =>
      img.complete
        ? undefined
        : new Promise((done) => {
            img.addEventListener('load', done, { once: true });
            img.addEventListener('error', done, { once: true });
          }),
    );
    expect(await photo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
    expect(await shown(officer).innerText()).toContain('139****1234');
    await shown(officer).getByText('办理记录完整，未被改动（审计链校验通过）').waitFor();
    expect(await shown(officer).innerText()).toContain('提交入驻');
    expect(await largeTextProblems(officer, 'staff-employer-review-large-text.png')).toEqual([]);
    await officer.goBack();
    await approveInQueue(officer, '单位入驻', '福州鼓东便民超市有限公司', 'staff-employer-review.png');
  });

  it('the owner sees the approval and can add a colleague', async () => {
    await owner.reload();
    await shown(owner).getByText('审核已通过', { exact: false }).waitFor({ timeout: 30_000 });
    await fill(owner, '添加同事', '13700001111');
    await shown(owner).getByText('生成加入码', { exact: true }).click();
    const invitation = shown(owner).getByText(/请把加入码 \d{6} 告诉/);
    await invitation.waitFor({ timeout: 30_000 });
    joinCode = /加入码 (\d{6})/.exec((await invitation.textContent()) ?? '')![1];
    await screenshot(owner, 'employer-approved.png');
    expect(await layoutProblems(owner)).toEqual([]);
  });

  it('the colleague joins on their own phone with that phone number and code', async () => {
    const colleague = await stack.phone('e2e-colleague');
    await colleague.goto(baseUrl);
    await colleague.getByText('单位入驻、发布岗位、查看应聘人员').click();
    await shown(colleague).getByText('加入同事的单位').waitFor();
    await fill(colleague, '您的手机号', '13700001111');
    await fill(colleague, '加入码', joinCode === '000000' ? '000001' : '000000');
    await shown(colleague).getByText('加入单位', { exact: true }).click();
    await expect(field(colleague, '加入码').locator('.form-field__error').textContent()).resolves.toBe('加入码不对，请核对');
    await fill(colleague, '加入码', joinCode);
    await shown(colleague).getByText('加入单位', { exact: true }).click();
    await shown(colleague).getByText('您已加入“福州鼓东便民超市有限公司”。').waitFor({ timeout: 30_000 });
    expect(await shown(colleague).innerText()).toContain('您是单位成员');
    await screenshot(colleague, 'employer-colleague-joined.png');
    expect(await layoutProblems(colleague)).toEqual([]);
  });
});
