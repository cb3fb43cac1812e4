// Subsidies on phones (375×812, H5 build, real API, the subsidy queue worked as in AWS), issue 32:
// a graduate in flexible work sees she can apply and why, is told next to each field what is
// missing, applies with the months, her contribution, a photo of the receipt and her bank account
// under its own consent, and watches the application move; after the street and the district have
// reviewed it, the public notice is opened by someone signed out, who raises a question about her
// line — which then shows as held. Also in 关怀模式. Screenshots are looked at.
import type { Page } from 'playwright-core';
import { UpdateItemCommand } from 'dynamodb-toolbox/entity/actions/update';
import { careModeProblems, confirmPicker, downloadedText, field, fill, layoutProblems, openPicker, phoneContext, phoneOf, screenshot, shown } from '../support/browser';
import { startE2e, type E2eStack } from '../support/e2eStack';
import { GULOU_COMMUNITY, makeIdNumber, registrationBody } from '../support/people';
import { consumeLocalQueue, consumeTableStream, until } from '../support/streams';
import { PutItemCommand } from 'dynamodb-toolbox/entity/actions/put';
import { addCalendarDays, todayInChina } from '@doorstep/shared';
import { approvedEmployer, makeUscc } from '../support/employers';
import { approveInQueue } from '../support/reviews';
import { PersonCategoryEntity } from '../../functions/src/db/entities';
import { WelfarePlacementEntity } from '../../functions/src/welfarePosts/entities';

jest.setTimeout(300_000);

let stack: E2eStack;
let worker: { stop(): void };
let figures: { stop(): void };
let her: Page;
let neighbour: Page;
const tokens = {} as Record<'district' | 'finance' | 'street' | 'her', string>;
let programmeId: string;

beforeAll(async () => {
  stack = await startE2e('subsidies');
  worker = await consumeLocalQueue(stack.tableName, 'subsidy-work', async () => (await import('../../functions/src/subsidies/work')).work);
  figures = await consumeTableStream(stack.tableName, async () => (await import('../../functions/src/figures/handlers/stream')).onStream as never, 'figureStream');
  const { client } = stack;
  tokens.district = await client.devLogin('e2e-sb-district', { roles: ['staff'], level: 'district', areaCode: '350102' });
  tokens.finance = await client.devLogin('e2e-sb-finance', { roles: ['finance'], level: 'district', areaCode: '350102' });
  tokens.street = await client.devLogin('e2e-sb-street', { roles: ['staff'], level: 'street', areaCode: '350102001' });
  const created = await client.post('/staff/subsidy-programmes', { name: '高校毕业生灵活就业社保补贴', kind: 'flexible_si', areaCode: '350102', budgetFen: 10_000_000, applyFrom: '2026-01-01', applyUntil: '2027-12-31' }, tokens.district);
  programmeId = created.body.programme.id;
  expect((await client.post(`/staff/subsidy-programmes/${programmeId}/approve`, {}, tokens.finance)).status).toBe(200);
  // A graduate of this summer, registered, in flexible work; the bank consent she gives on the page.
  tokens.her = await client.devLogin('e2e-sb-her', {}, { consents: ['privacy', 'id_number'] });
  expect((await client.put('/me/jobseeker-registration', registrationBody({ idNumber: makeIdNumber('2002-09-09', 733), name: '郑雨欣', phone: '13600007330', graduationDate: '2026-06-30' }), tokens.her)).status).toBe(200);
  const job = { employmentKind: 'flexible', employerName: '网约配送（个人）', workAreaCode: GULOU_COMMUNITY, workAddress: '鼓东路 20 号', post: '配送员', startedOn: '2026-07-01', weeklyHours: 40, monthlyIncomeFen: 450_000 };
  expect((await client.post('/me/employment-registration', job, tokens.her)).status).toBe(201);
  her = await phoneOf(stack.browser, 'e2e-sb-her');
  // Someone who has never signed in, whose phone is set to 关怀模式 (kept on the phone itself).
  const context = await phoneContext(stack.browser);
  await context.addInitScript(() => localStorage.setItem('doorstep.care-mode', JSON.stringify({ data: true })));
  neighbour = await context.newPage();
});

afterAll(async () => {
  worker?.stop();
  figures?.stop();
  await stack?.stop();
});

describe('a subsidy applied for on the phone', () => {
  it('she sees she can apply and why, is told what is missing beside each field, applies, and sees where it is', async () => {
    await her.goto(stack.baseUrl);
    await shown(her).getByText('补贴申请', { exact: true }).click();
    const card = shown(her).locator('.subsidy-card', { hasText: '高校毕业生灵活就业社保补贴' });
    await expect(card.locator('.subsidy-card__reason').first().textContent()).resolves.toContain('您是离校2年内高校毕业生');
    await screenshot(her, 'subsidies-offers.png');
    expect(await layoutProblems(her)).toEqual([]);
    await card.getByText('申请这项补贴').click();

    await shown(her).getByText('提交申请', { exact: true }).click();
    await expect(field(her, '申请哪几个月').locator('.form-field__error').textContent()).resolves.toBe('请选择申请补贴的月份');
    await expect(field(her, '每月实际缴纳').locator('.form-field__error').textContent()).resolves.toContain('请填写每月实际缴纳的社会保险费');
    await expect(field(her, '社会保险缴费凭证').locator('.form-field__error').textContent()).resolves.toBe('请上传社会保险缴费凭证');
    await expect(field(her, '单独同意').locator('.form-field__error').textContent()).resolves.toContain('请先勾选同意');
    await screenshot(her, 'subsidies-apply-errors.png');
    expect(await layoutProblems(her)).toEqual([]);

    const months = field(her, '申请哪几个月').locator('.toggle');
    await months.nth(0).click();
    await months.nth(1).click();
    await fill(her, '每月实际缴纳', '812.37');
    const receipt = await her.screenshot({ type: 'png', clip: { x: 0, y: 0, width: 300, height: 200 } });
    const chooser = her.waitForEvent('filechooser');
    await field(her, '社会保险缴费凭证').getByText('拍照或选择社会保险缴费凭证').click();
    await (await chooser).setFiles({ name: 'receipt.png', mimeType: 'image/png', buffer: receipt });
    await field(her, '社会保险缴费凭证').getByText('已上传').waitFor({ timeout: 30_000 });
    await field(her, '单独同意').getByText('我同意提供银行账户').click();
    await fill(her, '社保卡金融账号', '6217000010007330123');
    await fill(her, '开户银行', '建设银行福州鼓楼支行');
    // Two thirds of 812.37 yuan is 541.60 a month (rounded down to the fen), for two months.
    await shown(her).getByText('1083.20元').waitFor();
    await screenshot(her, 'subsidies-apply.png');
    expect(await layoutProblems(her)).toEqual([]);
    await shown(her).getByText('提交申请', { exact: true }).click();
    await her.locator('.taro-model__confirm').click();
    await shown(her).getByText('已提交，等待街道初审').first().waitFor();
    await shown(her).getByText('下一步：街道工作人员初审，可能上门或打电话核实').waitFor();
    await screenshot(her, 'subsidies-mine.png');
    expect(await layoutProblems(her)).toEqual([]);
    // The same page in 关怀模式.
    await her.goto(stack.baseUrl);
    await shown(her).getByText('打开关怀模式').click();
    await shown(her).getByText('✓ 关怀模式已打开').waitFor();
    await her.goto(`${stack.baseUrl}/#/subsidies/list/index`);
    await shown(her).locator('.subsidy-card').first().waitFor();
    expect(await careModeProblems(her, 'subsidies-offers-care.png')).toEqual([]);
    await shown(her).getByText('已提交，等待街道初审').first().click();
    await shown(her).getByText('办理经过').waitFor();
    expect(await careModeProblems(her, 'subsidies-mine-care.png')).toEqual([]);
  });

  it('the street checks on site and approves, the district approves and publishes the notice — on their phones', async () => {
    const street = await phoneOf(stack.browser, 'e2e-sb-street');
    await street.goto(`${stack.baseUrl}/#/staff/subsidies/index`);
    await shown(street).locator('.card', { hasText: '郑雨欣' }).click();
    await shown(street).getByText('入户（实地）核查').waitFor();
    await shown(street).locator('.review-photo__label', { hasText: '社会保险缴费凭证' }).waitFor();
    await shown(street).getByText('审核通过', { exact: true }).click();
    await expect(field(street, '核查地点').locator('.form-field__error').textContent()).resolves.toBe('请填写核查地点');
    await expect(field(street, '核查照片').locator('.form-field__error').textContent()).resolves.toBe('请拍一张核查现场的照片');
    await fill(street, '核查地点', '鼓东路 20 号');
    await fill(street, '核查情况', '本人在做网约配送，灵活就业属实');
    const site = await street.screenshot({ type: 'png', clip: { x: 0, y: 0, width: 300, height: 200 } });
    const chooser = street.waitForEvent('filechooser');
    await field(street, '核查照片').getByText('拍一张核查现场的照片', { exact: true }).click();
    await (await chooser).setFiles({ name: 'site.png', mimeType: 'image/png', buffer: site });
    await field(street, '核查照片').getByText('已上传').waitFor({ timeout: 30_000 });
    await screenshot(street, 'subsidies-street-check.png');
    expect(await layoutProblems(street)).toEqual([]);
    await shown(street).getByText('审核通过', { exact: true }).click();
    await street.locator('.taro-model__confirm').click();
    await shown(street).getByText('没有等待办理的申请。').waitFor();

    const district = await phoneOf(stack.browser, 'e2e-sb-district');
    await district.goto(`${stack.baseUrl}/#/staff/subsidies/index`);
    await shown(district).locator('.card', { hasText: '郑雨欣' }).click();
    await shown(district).getByText('入户核查记录').waitFor();
    await screenshot(district, 'subsidies-district-review.png');
    expect(await layoutProblems(district)).toEqual([]);
    await shown(district).getByText('审核通过', { exact: true }).click();
    await district.locator('.taro-model__confirm').click();
    await shown(district).getByText('待公示').click();
    await shown(district).locator('.card', { hasText: '郑雨欣' }).waitFor();
    await fill(district, '监督电话', '0591-87654321');
    await shown(district).getByText('发布公示', { exact: true }).click();
    await district.locator('.taro-model__confirm').click();
    await until(async () => ((await stack.client.get('/public/subsidy-notices')).body.items.some((n: { status: string }) => n.status === 'open') ? true : undefined), 'the notice opens');
  });

  it('someone signed out reads the list — surname only — and raises a question that holds her line', async () => {
    await neighbour.goto(`${stack.baseUrl}/#/subsidies/notices/index`);
    await shown(neighbour).getByText('公示中').first().click();
    const line = shown(neighbour).locator('.notice-line', { hasText: '郑**' });
    await line.waitFor();
    expect(await shown(neighbour).textContent()).not.toContain('郑雨欣');
    expect(await careModeProblems(neighbour, 'subsidies-notice-care.png')).toEqual([]);
    await line.getByText('对这一行反映问题').click();
    await shown(neighbour).getByText('提交反映', { exact: true }).click();
    await expect(field(neighbour, '反映什么问题').locator('.form-field__error').textContent()).resolves.toBe('请写明反映的问题，至少5个字');
    await fill(neighbour, '反映什么问题', '她还在外地读书，并没有在本地灵活就业');
    await fill(neighbour, '您的联系方式', '王先生');
    await shown(neighbour).getByText('提交反映', { exact: true }).click();
    await shown(neighbour).getByText('有人反映问题，核实中，暂缓发放').waitFor();
    expect(await careModeProblems(neighbour, 'subsidies-notice-held-care.png')).toEqual([]);

    await her.goto(`${stack.baseUrl}/#/subsidies/list/index`);
    await shown(her).getByText('公示中（有人反映问题，核实中）').waitFor();
  });

  it('the district finds nothing in the objection; the notice ends; finance pays and imports the bank’s result; she sees 已发放', async () => {
    const district = await phoneOf(stack.browser, 'e2e-sb-district');
    await district.goto(`${stack.baseUrl}/#/staff/subsidy-notices/index`);
    await shown(district).getByText('处理反映（1 条待处理）').click();
    await shown(district).getByText('反映：她还在外地读书，并没有在本地灵活就业').waitFor();
    await fill(district, '核实情况', '经核实本人已毕业，在鼓楼区做网约配送');
    await screenshot(district, 'subsidies-objection.png');
    expect(await layoutProblems(district)).toEqual([]);
    await shown(district).getByText('反映不属实', { exact: true }).click();
    await district.locator('.taro-model__confirm').click();
    await shown(district).getByText('已核实不属实，恢复发放：经核实本人已毕业，在鼓楼区做网约配送').waitFor();

    // The notice's last day passes: the hourly run ends it and clears her line.
    const { SubsidyNoticeEntity } = await import('../../functions/src/subsidies/entities');
    const { endNotices } = await import('../../functions/src/subsidies/notices');
    const [notice] = (await stack.client.get('/public/subsidy-notices')).body.items;
    await SubsidyNoticeEntity.build(UpdateItemCommand).item({ noticeId: notice.id, endsOn: '2026-01-01' }).send();
    await endNotices();
    await until(async () => ((await stack.client.get(`/public/subsidy-notices/${notice.id}`)).body.notice.status === 'ended' ? true : undefined), 'the notice ends');

    const finance = await phoneOf(stack.browser, 'e2e-sb-finance');
    await finance.goto(`${stack.baseUrl}/#/staff/subsidy-notices/index`);
    await shown(finance).getByText('审批拨付', { exact: true }).click();
    await finance.locator('.taro-model__confirm').click();
    await shown(finance).getByText('已审批，拨付批次正在生成，稍后可以下载拨付文件。').waitFor();
    await until(async () => ((await stack.client.get('/staff/subsidy-notices', tokens.finance)).body.items[0].paymentBatchId ? true : undefined), 'the payment is built');
    const payment = (await stack.client.get('/staff/subsidy-notices', tokens.finance)).body.items[0].paymentBatchId;
    await until(async () => ((await stack.client.get(`/staff/subsidy-payments/${payment}/payout.csv`, tokens.finance)).status === 200 ? true : undefined), 'the payout file is ready');
    await finance.goto(`${stack.baseUrl}/#/staff/subsidy-notices/index`);
    const [download] = await Promise.all([finance.waitForEvent('download'), shown(finance).getByText('下载拨付文件').click()]);
    const [, row] = (await downloadedText(download)).replace(/^\uFEFF/, '').split('\r\n');
    const lineId = JSON.parse(`[${row}]`)[0] as string;
    expect(row).toContain('6217000010007330123');
    await fill(finance, '银行回盘结果', `line_id,result,reason\n${lineId},成功,`);
    await shown(finance).getByText('导入银行结果', { exact: true }).click();
    await shown(finance).getByText(/导入完成：已发放 1 人，失败 0 人/).waitFor();
    await screenshot(finance, 'subsidies-finance.png');
    expect(await layoutProblems(finance)).toEqual([]);

    await her.goto(`${stack.baseUrl}/#/subsidies/list/index`);
    await shown(her).getByText('已发放', { exact: true }).first().click();
    await shown(her).getByText('已发放到账').waitFor();
    await screenshot(her, 'subsidies-paid.png');
    expect(await careModeProblems(her, 'subsidies-paid-care.png')).toEqual([]);

    // 数据看板: the district reads what was applied for, approved and paid this month, by subsidy.
    const board = await phoneOf(stack.browser, 'e2e-sb-district');
    await board.goto(`${stack.baseUrl}/#/staff/stats/index`);
    const paidRow = shown(board).locator('.detail-row', { hasText: '补贴发放' }).first();
    await until(async () => {
      await board.reload();
      const text = await paidRow.textContent({ timeout: 10_000 }).catch(() => '');
      return /1（1,?083\.2元）/.test(text ?? '') ? true : undefined;
    }, 'the payment on 数据看板');
    await shown(board).locator('.detail-row', { hasText: '其中灵活就业社会保险补贴' }).getByText(/1,?083\.2元/).waitFor();
    await shown(board).locator('.detail-row', { hasText: '从申请到发放平均' }).getByText('0 天').waitFor();
    await screenshot(board, 'subsidies-stats.png');
    expect(await layoutProblems(board)).toEqual([]);
  });

  it('the district sets up a programme and finance approves its budget, each on their phone', async () => {
    const district = await phoneOf(stack.browser, 'e2e-sb-district');
    await district.goto(`${stack.baseUrl}/#/staff/subsidy-programmes/index`);
    await shown(district).getByText('新建补贴项目', { exact: true }).click();
    await shown(district).getByText('提交财务审批', { exact: true }).click();
    await expect(field(district, '名称').locator('.form-field__error').textContent()).resolves.toBe('名称至少2个字');
    await fill(district, '名称', '鼓楼区技能鉴定补贴（2027年）');
    await field(district, '哪种补贴').getByText('技能鉴定补贴').click();
    await fill(district, '预算（元）', '200000');
    await screenshot(district, 'subsidies-programme-form.png');
    expect(await layoutProblems(district)).toEqual([]);
    // 受理截止 from the date wheel: its default (a year on) is taken as it stands.
    await openPicker(district, field(district, '受理截止'));
    await confirmPicker(district, field(district, '受理截止'));
    await shown(district).getByText('提交财务审批', { exact: true }).click();
    await district.locator('.taro-model__confirm').click();
    await shown(district).locator('.card', { hasText: '鼓楼区技能鉴定补贴（2027年）' }).getByText('待财务审批预算').waitFor();

    const finance = await phoneOf(stack.browser, 'e2e-sb-finance');
    await finance.goto(`${stack.baseUrl}/#/staff/subsidy-programmes/index`);
    const card = shown(finance).locator('.card', { hasText: '鼓楼区技能鉴定补贴（2027年）' });
    await card.getByText('批准预算', { exact: true }).click();
    await finance.locator('.taro-model__confirm').click();
    await card.getByText('受理中').waitFor();
    await card.getByText('预算 200000 元，已占用 0 元').waitFor();
    await screenshot(finance, 'subsidies-programmes.png');
    expect(await layoutProblems(finance)).toEqual([]);

    // The budget runs short: the district asks for more on its own page (told beside each field
    // what is missing), finance approves it.
    await district.reload();
    await shown(district).locator('.card', { hasText: '鼓楼区技能鉴定补贴（2027年）' }).getByText('追加预算', { exact: true }).click();
    await shown(district).getByText('提交财务审批', { exact: true }).click();
    await expect(field(district, '追加金额').locator('.form-field__error').textContent()).resolves.toContain('请填写追加的金额');
    await expect(field(district, '追加理由').locator('.form-field__error').textContent()).resolves.toContain('请写明追加的理由');
    await fill(district, '追加金额', '100000');
    await fill(district, '追加理由', '申请人数超过预期');
    await screenshot(district, 'subsidies-top-up.png');
    expect(await layoutProblems(district)).toEqual([]);
    await shown(district).getByText('提交财务审批', { exact: true }).click();
    await district.locator('.taro-model__confirm').click();
    await shown(district).locator('.card', { hasText: '鼓楼区技能鉴定补贴（2027年）' }).getByText('待财务审批：追加 100000 元（申请人数超过预期）').waitFor();
    await finance.reload();
    await card.getByText('批准追加预算', { exact: true }).click();
    await finance.locator('.taro-model__confirm').click();
    await card.getByText('预算 300000 元，已占用 0 元').waitFor();
    expect(await card.getByText('批准追加预算').count()).toBe(0);
  });
});

describe('a unit applies for its public-welfare post subsidy on the phone (R21)', () => {
  it('the unit sees the person it placed, is told what is missing beside each field, applies to its own account and follows it — also in 关怀模式', async () => {
    const { client } = stack;
    const owner = await client.devLogin('e2e-sb-unit');
    const unitId = await approvedEmployer(client, owner, tokens.street, { name: '鼓东街道养老服务中心', uscc: makeUscc(7331) });
    const post = { title: '助老员', duties: '上门陪护社区独居老人，每天下午', areaCode: GULOU_COMMUNITY, seats: 2, funding: 'supported', kind: 'service', forHardToEmploy: true, publicInterest: true, monthlyWageFen: 230_000 };
    const postId = (await client.post(`/employers/${unitId}/welfare-posts`, post, owner)).body.post.id as string;
    await approveInQueue(client, tokens.street, 'welfare_post', postId);
    await approveInQueue(client, tokens.district, 'welfare_post', postId, 'district');
    const welfare = await client.post('/staff/subsidy-programmes', { name: '鼓楼区公益性岗位补贴', kind: 'welfare_post', areaCode: '350102', budgetFen: 10_000_000, applyFrom: '2026-01-01', applyUntil: '2027-12-31' }, tokens.district);
    expect((await client.post(`/staff/subsidy-programmes/${welfare.body.programme.id}/approve`, {}, tokens.finance)).status).toBe(200);
    // A hard-to-employ man the street's specialist placed on the post half a year ago (recognition and
    // placement are their own contexts, tested there: here they are written as they leave them).
    const his = await client.devLogin('e2e-sb-placed', {}, { consents: ['privacy', 'id_number'] });
    expect((await client.put('/me/jobseeker-registration', registrationBody({ idNumber: makeIdNumber('1975-05-05', 735), name: '吴建国', phone: '13600007350' }), his)).status).toBe(200);
    const userId = (await client.get('/me', his)).body.user.id as string;
    const at = new Date().toISOString();
    await PersonCategoryEntity.build(PutItemCommand).item({ userId, code: 'hard_to_employ', since: '2026-01-05', source: 'review', applicationId: 'e2e-sb-hte', ruleVersion: 'PR-2026-01', updatedAt: at }).send();
    const from = addCalendarDays(todayInChina(), -180);
    await WelfarePlacementEntity.build(PutItemCommand).item({ postId, caseId: '01JE2ECASE0000000000000001', userId, personName: '吴建国', from, until: addCalendarDays(from, 365), placedBy: 'e2e-sb-specialist', at }).send();

    const unit = await phoneOf(stack.browser, 'e2e-sb-unit');
    await unit.goto(`${stack.baseUrl}/#/employer/mine/index`);
    await shown(unit).getByText('公益性岗位补贴', { exact: true }).click();
    const card = shown(unit).locator('.subsidy-card', { hasText: '吴** · 助老员' });
    await expect(card.locator('.subsidy-card__reason').first().textContent()).resolves.toContain('就业困难人员');
    await screenshot(unit, 'subsidies-unit.png');
    expect(await layoutProblems(unit)).toEqual([]);
    await card.getByText('为这位人员申请').click();

    await shown(unit).getByText('提交申请', { exact: true }).click();
    await expect(field(unit, '申请哪几个月').locator('.form-field__error').textContent()).resolves.toBe('请选择申请补贴的月份');
    await expect(field(unit, '劳动合同').locator('.form-field__error').textContent()).resolves.toBe('请上传劳动合同');
    await expect(field(unit, '单位银行账号').locator('.form-field__error').textContent()).resolves.toBe('单位银行账号是8到30位数字');
    await screenshot(unit, 'subsidies-unit-apply-errors.png');
    expect(await layoutProblems(unit)).toEqual([]);
    const months = field(unit, '申请哪几个月').locator('.toggle');
    await months.nth(0).click();
    await months.nth(1).click();
    const photo = await unit.screenshot({ type: 'png', clip: { x: 0, y: 0, width: 300, height: 200 } });
    for (const label of ['劳动合同', '工资发放记录', '社会保险缴费凭证']) {
      const chooser = unit.waitForEvent('filechooser');
      await field(unit, label).getByText(`拍照或选择${label}`).click();
      await (await chooser).setFiles({ name: 'doc.png', mimeType: 'image/png', buffer: photo });
      await field(unit, label).getByText('已上传').waitFor({ timeout: 30_000 });
    }
    await fill(unit, '单位银行账号', '35001866000052500123');
    await fill(unit, '开户银行', '建设银行福州鼓楼支行');
    await shown(unit).getByText('3600元', { exact: true }).waitFor();
    await screenshot(unit, 'subsidies-unit-apply.png');
    expect(await layoutProblems(unit)).toEqual([]);
    await shown(unit).getByText('提交申请', { exact: true }).click();
    await unit.locator('.taro-model__confirm').click();
    await shown(unit).getByText('已提交，等待街道初审').first().waitFor();
    await shown(unit).getByText('吴**').first().waitFor();
    await shown(unit).getByText('撤回申请').waitFor();
    await screenshot(unit, 'subsidies-unit-mine.png');
    expect(await layoutProblems(unit)).toEqual([]);

    // He reads it among his own, and cannot withdraw what the unit applied for.
    const placed = await client.get('/me/subsidy-applications', his);
    expect(placed.body.items).toEqual([expect.objectContaining({ unitName: '鼓东街道养老服务中心', stage: 'submitted' })]);

    // The unit's pages in 关怀模式.
    const context = await phoneContext(stack.browser);
    await context.addInitScript(() => {
      localStorage.setItem('doorstep.h5-device-id', JSON.stringify({ data: 'e2e-sb-unit' }));
      localStorage.setItem('doorstep.care-mode', JSON.stringify({ data: true }));
    });
    const care = await context.newPage();
    await care.goto(`${stack.baseUrl}/#/subsidies/unit/index?employerId=${unitId}`);
    await shown(care).locator('.subsidy-card').first().waitFor();
    expect(await careModeProblems(care, 'subsidies-unit-care.png')).toEqual([]);
    await shown(care).getByText('为这位人员申请').click();
    await shown(care).getByText('提交申请', { exact: true }).waitFor();
    expect(await careModeProblems(care, 'subsidies-unit-apply-care.png')).toEqual([]);
  });
});
