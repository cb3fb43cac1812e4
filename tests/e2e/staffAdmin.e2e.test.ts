// 人员与权限 on phones (375×812, H5 build, real API), issue 18: the city's first administrator comes
// from the bootstrap and names a district administrator; she invites a street officer from her phone
// (told beside each field what is missing), who joins on his own phone and sees the street's review
// queue. When he looks at a resident's record, the resident sees in 我的数据 which office looked, and
// the administrator sees it in 访问记录. She removes him; his next tap shows he no longer has access,
// and his home no longer offers the staff's work. Screenshots are looked at.
import type { Page } from 'playwright-core';
import { field, fill, layoutProblems, phoneOf, pick, screenshot, shown } from '../support/browser';
import { startE2e, type E2eStack } from '../support/e2eStack';
import { employerBody, makeUscc } from '../support/employers';
import { makeIdNumber, registrationBody } from '../support/people';
import { testEnvironment } from '../support/testConfig';

jest.setTimeout(300_000);

let stack: E2eStack;
let admin: Page;
let officer: Page;
let resident: Page;
let residentId: string;
let code: string;

beforeAll(async () => {
  stack = await startE2e('staff-admin');
  const { client } = stack;
  // The bootstrap (IAM-only in AWS; in process here, over the suite's table) and the district administrator.
  Object.assign(process.env, testEnvironment(stack.tableName));
  const { bootstrapAdmin } = await import('../../functions/src/administration/bootstrap');
  const boot = await bootstrapAdmin({ phone: '13900005000', areaCode: '3501', name: '刘建华' });
  const city = await client.devLogin('e2e-sa-city');
  expect((await client.post('/me/staff-invitations/accept', { phone: '13900005000', code: boot.code }, city)).status).toBe(201);
  const invited = await client.post('/admin/staff', { phone: '13900005001', name: '陈志强', areaCode: '350102', roles: ['staff', 'admin'] }, city);
  const district = await client.devLogin('e2e-sa-district');
  expect((await client.post('/me/staff-invitations/accept', { phone: '13900005001', code: invited.body.code }, district)).status).toBe(201);
  // A shop waiting for the street's review, and a registered resident of 鼓东街道.
  const owner = await client.devLogin('e2e-sa-owner');
  expect((await client.post('/employers', employerBody({ uscc: makeUscc(8901), name: '鼓东街口水果店' }), owner)).status).toBe(201);
  const res = await client.devLogin('e2e-sa-resident');
  residentId = (await client.get('/me', res)).body.user.id;
  expect((await client.put('/me/jobseeker-registration', registrationBody({ idNumber: makeIdNumber('1971-07-07', 731), name: '郑美玲', phone: '13900005100' }), res)).status).toBe(200);
  await client.devLogin('e2e-sa-officer');
  admin = await phoneOf(stack.browser, 'e2e-sa-district');
  officer = await phoneOf(stack.browser, 'e2e-sa-officer');
  resident = await phoneOf(stack.browser, 'e2e-sa-resident');
});

afterAll(async () => {
  await stack?.stop();
});

describe('人员与权限', () => {
  it('the district administrator invites a street officer, told beside each field what is missing', async () => {
    await admin.goto(stack.baseUrl);
    await admin.getByText('人员与权限').click();
    await shown(admin).getByText('福建省 福州市 鼓楼区及以下的工作人员。', { exact: false }).waitFor();
    await shown(admin).getByText('邀请工作人员', { exact: true }).click();
    await shown(admin).getByText('生成加入码').click();
    await expect(field(admin, '姓名').locator('.form-field__error').textContent()).resolves.toBe('姓名至少2个字');
    expect(await field(admin, '手机号').locator('.form-field__error').count()).toBe(1);
    await screenshot(admin, 'staff-invite-errors.png');
    expect(await layoutProblems(admin)).toEqual([]);
    await fill(admin, '姓名', '林晓东');
    await fill(admin, '手机号', '13900005002');
    await pick(admin, field(admin, '工作辖区'), '鼓东街道');
    await shown(admin).getByText('生成加入码').click();
    await shown(admin).locator('#staff-code').waitFor();
    code = ((await shown(admin).locator('.staff-code').textContent()) ?? '').trim();
    expect(code).toMatch(/^\d{6}$/);
    await shown(admin).getByText('林晓东').first().waitFor();
    await screenshot(admin, 'staff-invite-code.png');
    expect(await layoutProblems(admin)).toEqual([]);
  });

  it('the officer joins on his own phone and sees the street’s review queue', async () => {
    await officer.goto(stack.baseUrl);
    expect(await officer.getByText('审核工作台').count()).toBe(0);
    await officer.getByText('我的', { exact: true }).click();
    await shown(officer).getByText('工作人员加入').click();
    await fill(officer, '您的手机号', '13900005002');
    await fill(officer, '加入码', code);
    await shown(officer).getByText('加入', { exact: true }).click();
    await shown(officer).getByText('您已成为福建省 福州市 鼓楼区 鼓东街道的工作人员').waitFor();
    await screenshot(officer, 'staff-joined.png');
    await shown(officer).getByText('回到首页').click();
    await shown(officer).getByText('审核工作台').click();
    await shown(officer).getByText('鼓东街口水果店').waitFor();
    await screenshot(officer, 'staff-officer-queue.png');
    expect(await layoutProblems(officer)).toEqual([]);
  });

  it('the resident sees in 我的数据 which office looked at her record, and the administrator sees who in 访问记录', async () => {
    const token = await stack.client.devLogin('e2e-sa-officer');
    expect((await stack.client.get(`/staff/people/${residentId}`, token)).status).toBe(200);
    await resident.goto(stack.baseUrl);
    await resident.getByText('我的', { exact: true }).click();
    await shown(resident).getByText('我的数据', { exact: true }).click();
    const looked = shown(resident).locator('#data-access');
    await looked.getByText('福建省 福州市 鼓楼区 鼓东街道（街道）').waitFor();
    expect(await looked.innerText()).not.toContain('林晓东');
    await looked.scrollIntoViewIfNeeded();
    await screenshot(resident, 'staff-resident-data-access.png');

    await admin.goto(stack.baseUrl);
    await admin.getByText('访问记录').click();
    await shown(admin).getByText('工作人员：林晓东（福建省 福州市 鼓楼区 鼓东街道，街道）').waitFor();
    expect(await shown(admin).innerText()).toContain('查看的人员：郑**');
    await screenshot(admin, 'staff-access-log.png');
    expect(await layoutProblems(admin)).toEqual([]);
  });

  it('the administrator removes him after a confirmation; his next tap shows he has no access, and his home no longer offers it', async () => {
    await admin.goto(stack.baseUrl);
    await admin.getByText('人员与权限').click();
    const card = shown(admin).locator('.staff-member', { hasText: '林晓东' });
    await card.getByText('移除', { exact: true }).click();
    await admin.getByText('移除后对方下一次操作起不再是工作人员').waitFor();
    await admin.locator('.taro-model__confirm').click();
    await card.waitFor({ state: 'detached' });

    await shown(officer).getByText('鼓东街口水果店').click();
    await shown(officer).getByText('您没有权限进行此操作').waitFor();
    await screenshot(officer, 'staff-removed-next-tap.png');
    await shown(officer).getByText('回到首页').click();
    await shown(officer).getByText('附近的工作').waitFor();
    await shown(officer).getByText('审核工作台').waitFor({ state: 'detached' });
    await screenshot(officer, 'staff-removed-home.png');
  });
});
