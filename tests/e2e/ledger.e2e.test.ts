// 实名制台账 on a phone (375×812, H5 build, real API; issue 31): the street's administrator opens the
// ledger and finds a resident who registered herself; imports the street's own 60-row ledger — the
// preview names the three bad rows with their reasons, nothing is written until she confirms, then
// the import's progress runs to the end — finds the imported people by category and work status,
// opens one person's 服务手册 and the resident's, exports the list (ID numbers masked); the list,
// a person and the import page also in 关怀模式. Screenshots: ledger-*.png.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { careModeProblems, downloadedText, field, layoutProblems, pick, screenshot, settled, shown } from '../support/browser';
import { startE2e, type E2eStack } from '../support/e2eStack';
import { ledgerFile } from '../support/ledgerFiles';
import { makeIdNumber, registrationBody } from '../support/people';
import { consumeLocalQueue, consumeTableStream, until } from '../support/streams';

jest.setTimeout(300_000);

let stack: E2eStack;
let admin: Page;
let stream: { stop(): void };
let worker: { stop(): void };
const file = ledgerFile(60, { series: 7, badKinds: ['idCheckDigit', 'areaOutside', 'name'], perKind: 1 });
const filePath = join(mkdtempSync(join(tmpdir(), 'ledger-')), '鼓东街道重点人员台账.csv');

beforeAll(async () => {
  writeFileSync(filePath, file.csv);
  stack = await startE2e('ledger');
  stream = await consumeTableStream(stack.tableName, async () => (await import('../../functions/src/figures/handlers/stream')).onStream, 'figureStream');
  worker = await consumeLocalQueue(stack.tableName, 'ledger-import', async () => (await import('../../functions/src/ledger/work')).work);
  const { client } = stack;
  await client.devLogin('e2e-lg-admin', { roles: ['staff', 'admin'], level: 'street', areaCode: '350102001' });
  const her = await client.devLogin('e2e-lg-her');
  expect((await client.put('/me/jobseeker-registration', registrationBody({ name: '郑晓燕', idNumber: makeIdNumber('1988-06-02', 742) }), her)).status).toBe(200);
  admin = await stack.phone('e2e-lg-admin');
  // She is listed once the stream has read her registration.
  const adminToken = await client.devLogin('e2e-lg-admin', { roles: ['staff', 'admin'], level: 'street', areaCode: '350102001' });
  await until(async () => ((await client.get('/staff/ledger', adminToken)).body.items?.length ? true : undefined), 'her row in the ledger');
});

afterAll(async () => {
  stream?.stop();
  worker?.stop();
  await stack?.stop();
});

describe('实名制台账 for a street', () => {
  it('lists the resident who registered herself, with her categories', async () => {
    await admin.goto(stack.baseUrl);
    await shown(admin).getByText('实名制台账').first().click();
    await shown(admin).getByText('郑晓燕（女，', { exact: false }).waitFor();
    await shown(admin).getByText('未就业 · 求职登记人员').waitFor();
    await screenshot(admin, 'ledger-list.png');
    expect(await layoutProblems(admin)).toEqual([]);
  });

  it('previews the street’s file with each bad row’s reason, and imports the good rows only when confirmed', async () => {
    await shown(admin).getByText('导入街道台账').click();
    const chooser = admin.waitForEvent('filechooser');
    await shown(admin).getByText('选择文件并检查').click();
    await (await chooser).setFiles(filePath);
    await shown(admin).getByText('57 人', { exact: true }).waitFor();
    for (const [row] of file.bad) await shown(admin).getByText(`第 ${row} 行`, { exact: false }).waitFor();
    await shown(admin).getByText('身份证号校验位不正确，请核对后重新输入').waitFor();
    await shown(admin).getByText('社区不在您的辖区内').waitFor();
    await screenshot(admin, 'ledger-import-preview.png');
    expect(await layoutProblems(admin)).toEqual([]);
    // Nothing is written before she confirms.
    expect((await stack.client.get('/staff/ledger?category=imported', await stack.client.devLogin('e2e-lg-admin', { roles: ['staff', 'admin'], level: 'street', areaCode: '350102001' }))).body.items).toEqual([]);

    await shown(admin).getByText('导入 57 人').click();
    await admin.getByText('导入', { exact: true }).last().click(); // the confirmation
    await shown(admin).getByText('导入完成', { exact: false }).waitFor({ timeout: 60_000 });
    await shown(admin).getByText('57 人', { exact: true }).waitFor();
    await screenshot(admin, 'ledger-import-done.png');
    expect(await layoutProblems(admin)).toEqual([]);
  });

  it('finds the imported people by category and work status, and opens one person’s 服务手册', async () => {
    await shown(admin).getByText('查看实名制台账').click();
    await pick(admin, field(admin, '人员类别'), '街道台账导入（本人未登记）');
    await shown(admin).getByText('已就业', { exact: true }).click();
    const someone = shown(admin).locator('.queue-item').first();
    await someone.getByText('已就业 · ', { exact: false }).waitFor();
    expect(await shown(admin).getByText('郑晓燕', { exact: false }).count()).toBe(0);
    await screenshot(admin, 'ledger-filtered.png');
    await someone.click();
    await shown(admin).getByText('由街道台账导入').waitFor();
    await shown(admin).getByText('鼓东街道重点人员台账.csv 第', { exact: false }).first().waitFor();
    await screenshot(admin, 'ledger-person-imported.png');
    expect(await layoutProblems(admin)).toEqual([]);
    await shown(admin).getByText('返回台账').click();

    // Her own page: registered by herself, her service record from the product.
    await pick(admin, field(admin, '人员类别'), '求职登记人员');
    await shown(admin).getByText('全部', { exact: true }).click();
    await shown(admin).getByText('郑晓燕（女，', { exact: false }).click();
    await shown(admin).getByText('本人在小程序登记').waitFor();
    await shown(admin).getByText('求职登记', { exact: true }).waitFor();
    await screenshot(admin, 'ledger-person.png');
    expect(await layoutProblems(admin)).toEqual([]);
    await shown(admin).getByText('返回台账').click();
  });

  it('exports the list shown (here 求职登记人员) with ID numbers masked', async () => {
    const download = admin.waitForEvent('download');
    await shown(admin).getByText('导出台账（CSV）').click();
    const text = await downloadedText(await download);
    const lines = text.trim().split('\r\n');
    expect(lines[0]).toBe('姓名,身份证号,性别,年龄,社区,人员类别,就业状态,来源,更新日期');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(/^郑晓燕,3501\*{10}\d{3}[\dX],女,\d+,福建省 福州市 鼓楼区 鼓东街道 中山社区,求职登记人员,未就业,本人登记,/);
  });

  it('holds up in 关怀模式: the list, a person and the import page', async () => {
    await admin.addInitScript(() => localStorage.setItem('doorstep.care-mode', JSON.stringify({ data: true })));
    await admin.goto(`${stack.baseUrl}/#/staff/ledger/index`);
    await admin.reload();
    await shown(admin).locator('.queue-item').first().waitFor();
    await settled(admin);
    expect(await careModeProblems(admin, 'ledger-list-care.png')).toEqual([]);
    await shown(admin).locator('.queue-item').first().click();
    await shown(admin).getByText('服务记录', { exact: true }).waitFor();
    await settled(admin);
    expect(await careModeProblems(admin, 'ledger-person-care.png')).toEqual([]);
    await admin.goto(`${stack.baseUrl}/#/staff/ledger-import/index`);
    await admin.reload();
    await shown(admin).getByText('选择文件并检查').waitFor();
    await settled(admin);
    expect(await careModeProblems(admin, 'ledger-import-care.png')).toEqual([]);
  });
});
