// 就业援助 on three phones (375×812, H5 build, real API; issue 31): a woman recognised as hard to
// employ; the street's administrator assigns her a community worker as specialist; the specialist
// records the contact, makes the plan (what is missing shows beside each field) and offers two
// posts near her home from the vacancy search; she reads her plan, sees her specialist's phone and
// signs the agreement — her page and the specialist's case page also in 关怀模式. Then she applies
// for her household as a zero-employment household (a wrong answer shows beside its member's
// field), the street and the district recognise it, her husband finds a job and loses it, and the
// street's task list and household ledger show the household back at zero. Screenshots:
// assistance-*.png, household-*.png.
import type { Page } from 'playwright-core';
import { careModeProblems, confirmPicker, field, fill, layoutProblems, openPicker, pickGudongCommunity, screenshot, settled, shown } from '../support/browser';
import { startE2e, type E2eStack } from '../support/e2eStack';
import { todayInChina } from '@doorstep/shared';
import { approvedEmployer, makeUscc, publishedVacancy } from '../support/employers';
import { decideInQueue, recogniseHardToEmploy, registeredUnemployed } from '../support/hardship';

jest.setTimeout(300_000);

let stack: E2eStack;
let admin: Page;
let specialist: Page;
let her: Page;
let streetOfficer: Page;
let husband: { token: string; idNumber: string };
let shop: string;
const tokens = {} as Record<'street' | 'district', string>;
const HOME = { lat: 26.0845, lng: 119.3012 };

beforeAll(async () => {
  stack = await startE2e('assistance');
  const { client } = stack;
  const adminToken = await client.devLogin('e2e-as-admin', { roles: ['staff', 'admin'], level: 'street', areaCode: '350102001' });
  const street = await client.devLogin('e2e-as-street', { roles: ['staff'], level: 'street', areaCode: '350102001' });
  const district = await client.devLogin('e2e-as-district', { roles: ['staff'], level: 'district', areaCode: '350102' });
  // The specialist: a community worker the street's administrator added in 人员与权限.
  const invited = await client.post('/admin/staff', { phone: '13900005001', name: '陈美玲', areaCode: '350102001001', roles: ['staff'] }, adminToken);
  const specialistToken = await client.devLogin('e2e-as-specialist');
  expect((await client.post('/me/staff-invitations/accept', { phone: '13900005001', code: invited.body.code }, specialistToken)).status).toBe(201);
  await recogniseHardToEmploy(client, stack.api.baseUrl, { openid: 'e2e-as-her', sequence: 913, name: '林秀英' }, { street, district });
  // Her husband, out of work too, has his own account.
  husband = await registeredUnemployed(client, { openid: 'e2e-as-him', sequence: 915, name: '吴建国', birth: '1972-03-01' }, street);
  Object.assign(tokens, { street, district });
  // Two shops hiring near her home.
  const owner = await client.devLogin('e2e-as-owner');
  shop = await approvedEmployer(client, owner, street, { name: '鼓东社区便民超市', uscc: makeUscc(9131) });
  await publishedVacancy(client, owner, street, shop, HOME, { title: '超市收银员' });
  await publishedVacancy(client, owner, street, shop, { lat: HOME.lat + 0.004, lng: HOME.lng }, { title: '电话客服' });

  admin = await stack.phone('e2e-as-admin');
  specialist = await stack.phone('e2e-as-specialist');
  her = await stack.phone('e2e-as-her');
  streetOfficer = await stack.phone('e2e-as-street');
});

afterAll(async () => {
  await stack?.stop();
});

async function openCase(page: Page) {
  await page.goto(`${stack.baseUrl}/#/staff/assistance/index`);
  await page.reload();
  await shown(page).getByText('林秀英').click();
  await shown(page).getByText('认定为就业困难人员').waitFor();
}

describe('就业援助 from the street to the person', () => {
  it('the street’s administrator finds her in the ledger and assigns a specialist', async () => {
    await admin.goto(stack.baseUrl);
    await shown(admin).getByText('就业援助台账').click();
    await shown(admin).getByText('下一步：指派援助专员').waitFor();
    await screenshot(admin, 'assistance-ledger.png');
    expect(await layoutProblems(admin)).toEqual([]);
    await shown(admin).getByText('林秀英').click();
    await shown(admin).getByText('指派援助专员', { exact: true }).last().click();
    await shown(admin).getByText('确认指派').click();
    await expect(field(admin, '援助专员').locator('.form-field__error').textContent()).resolves.toBe('请选择援助专员');
    await shown(admin).getByText('陈美玲（', { exact: false }).click();
    await screenshot(admin, 'assistance-assign.png');
    await shown(admin).getByText('确认指派').click();
    await shown(admin).getByText('更换援助专员').waitFor();
    await shown(admin).getByText('13900005001').waitFor();
    expect(await layoutProblems(admin)).toEqual([]);
  });

  it('the specialist records the contact, makes the plan and offers two posts near her home', async () => {
    await openCase(specialist);
    await shown(specialist).getByText('记录联系情况', { exact: true }).click();
    await shown(specialist).getByText('电话', { exact: true }).click();
    const on = field(specialist, '联系日期');
    await openPicker(specialist, on);
    await confirmPicker(specialist, on);
    await fill(specialist, '谈了什么', '电话联系，本人希望在家附近做坐着的工作');
    await shown(specialist).getByText('保存', { exact: true }).click();
    await shown(specialist).getByText('电话联系，本人希望在家附近做坐着的工作').waitFor();

    await shown(specialist).getByText('制定援助方案', { exact: true }).last().click();
    await shown(specialist).getByText('保存方案').click();
    await expect(field(specialist, '未就业的原因').locator('.form-field__error').textContent()).resolves.toBe('请写明未就业的原因');
    await expect(field(specialist, '具体内容').locator('.form-field__error').textContent()).resolves.toBe('请写明具体内容');
    await screenshot(specialist, 'assistance-plan-errors.png');
    expect(await layoutProblems(specialist)).toEqual([]);
    await fill(specialist, '未就业的原因', '腿脚不便，原单位关停后一直没有合适的岗位');
    await fill(specialist, '援助目标', '一个月内在家附近找到坐着做的工作');
    await fill(specialist, '具体内容', '推荐社区超市收银、电话客服岗位');
    const by = field(specialist, '完成日期');
    await openPicker(specialist, by);
    await confirmPicker(specialist, by);
    await shown(specialist).getByText('保存方案').click();
    await shown(specialist).getByText('调整援助方案').waitFor();

    // Two posts from the search near her home, each with its letter.
    for (const title of ['超市收银员', '电话客服']) {
      await shown(specialist).getByText('从附近岗位推荐').click();
      const card = shown(specialist).locator('.card').filter({ hasText: title });
      await card.getByText('开推荐信').click();
      await specialist.getByText('开推荐信', { exact: true }).last().click(); // the confirmation
      await shown(specialist).getByText('核验码').first().waitFor();
      if (title === '超市收银员') await screenshot(specialist, 'assistance-referral.png');
      await shown(specialist).getByText('返回', { exact: true }).click();
      await shown(specialist).locator('.case-offer').filter({ hasText: title }).waitFor();
    }
    await shown(specialist).getByText('✓ 推荐2个岗位').waitFor();
    await screenshot(specialist, 'assistance-case.png');
    expect(await layoutProblems(specialist)).toEqual([]);
  });

  it('she reads her plan, sees her specialist’s phone and signs the agreement', async () => {
    await her.goto(stack.baseUrl);
    await shown(her).getByText('我的申请').first().click();
    await shown(her).getByText('查看我的就业援助').click();
    await shown(her).getByText('13900005001').waitFor();
    await shown(her).getByText('推荐岗位：推荐社区超市收银、电话客服岗位').waitFor();
    await shown(her).getByText('鼓东社区便民超市 · 超市收银员').waitFor();
    await shown(her).getByText('我同意，签署协议', { exact: true }).click();
    await her.getByText('同意签署', { exact: true }).click();
    await shown(her).getByText(/已于 \d{4}-\d{2}-\d{2} 签署/).waitFor();
    await screenshot(her, 'assistance-mine.png');
    expect(await layoutProblems(her)).toEqual([]);
  });

  it('her page and the specialist’s case page hold up in 关怀模式', async () => {
    for (const page of [her, specialist]) await page.addInitScript(() => localStorage.setItem('doorstep.care-mode', JSON.stringify({ data: true })));
    await her.goto(`${stack.baseUrl}/#/apply/assistance/index`);
    await her.reload();
    await shown(her).getByText('13900005001').waitFor();
    await settled(her);
    expect(await careModeProblems(her, 'assistance-mine-care.png')).toEqual([]);
    await openCase(specialist);
    await shown(specialist).getByText('本人在小程序签署').waitFor();
    expect(await careModeProblems(specialist, 'assistance-case-care.png')).toEqual([]);
  });

  it('she applies for her household; a wrong answer shows beside her husband’s field', async () => {
    await her.addInitScript(() => localStorage.setItem('doorstep.care-mode', JSON.stringify({ data: false })));
    await her.goto(`${stack.baseUrl}/#/apply/household/index`);
    await her.reload();
    await shown(her).getByText('城镇户口').click();
    await field(her, '您本人有固定收入吗').getByText('否', { exact: true }).click();
    await shown(her).getByText('添加一位家庭成员').click();
    await fill(her, '姓名', '吴建国');
    await fill(her, '身份证号', husband.idNumber);
    await field(her, '与您的关系').getByText('配偶').click();
    await field(her, '目前的情况').getByText('在单位上班').click();
    await field(her, '有劳动能力吗').getByText('是', { exact: true }).click();
    await field(her, '愿意工作吗').getByText('是', { exact: true }).click();
    const card = shown(her).locator('.case-service').first();
    await card.locator('.form-field').filter({ has: her.locator('.form-field__label', { hasText: '有固定收入吗' }) }).getByText('否', { exact: true }).click();
    const register = await her.screenshot({ type: 'png', clip: { x: 0, y: 0, width: 300, height: 200 } });
    const chooser = her.waitForEvent('filechooser');
    await field(her, '户口簿').getByText('拍照上传户口簿').click();
    await (await chooser).setFiles({ name: 'register.png', mimeType: 'image/png', buffer: register });
    await field(her, '户口簿').getByText('已上传').waitFor({ timeout: 30_000 });
    await shown(her).getByText('提交申请', { exact: true }).click();
    await her.getByText('确认提交', { exact: true }).click();
    await expect(field(her, '目前的情况').locator('.form-field__error').textContent()).resolves.toBe('吴建国目前在单位上班，零就业家庭须劳动年龄内成员均处于失业状态');
    await screenshot(her, 'household-error.png');
    expect(await layoutProblems(her)).toEqual([]);
    await field(her, '目前的情况').getByText('失业、没有工作').click();
    await shown(her).getByText('提交申请', { exact: true }).click();
    await her.getByText('确认提交', { exact: true }).click();
    await shown(her).getByText('街道审核中').waitFor();
  });

  it('recognised by the street and the district; when her husband’s job ends, the street’s task list shows the household', async () => {
    const { client } = stack;
    const household = (await client.get('/me/zero-employment-household', husband.token)).body.household;
    await decideInQueue(client, tokens.street, 'household', household.id);
    await decideInQueue(client, tokens.district, 'household', household.id, 'district');
    // He finds a job, then loses it and is registered unemployed again.
    const today = todayInChina();
    const job = { employmentKind: 'unit', employerName: '鼓东社区便民超市', workAreaCode: '350102001001', workAddress: '鼓东路 20 号', post: '理货员', startedOn: today, weeklyHours: 40, monthlyIncomeFen: 380_000 };
    expect((await client.post('/me/employment-registration', job, husband.token)).status).toBe(201);
    const again = await client.post('/me/unemployment-registration', { priorStatus: 'employed', lastEmployer: '鼓东社区便民超市', leavingReason: 'dismissed', leftOn: today, ableToWork: true, willingToWork: true, localResident: true }, husband.token);
    await decideInQueue(client, tokens.street, 'unemployment', again.body.application.id);

    await streetOfficer.goto(stack.baseUrl);
    await shown(streetOfficer).getByText('待办任务').click();
    await shown(streetOfficer).getByText('动态清零：零就业家庭至少一人实现就业').first().waitFor();
    await screenshot(streetOfficer, 'household-task.png');
    expect(await layoutProblems(streetOfficer)).toEqual([]);
    await streetOfficer.goto(`${stack.baseUrl}/#/staff/households/index`);
    await streetOfficer.reload();
    await shown(streetOfficer).getByText('零就业中', { exact: true }).click();
    await shown(streetOfficer).getByText(/须至少一人就业/).waitFor();
    await shown(streetOfficer).getByText('林秀英家（2人）').click();
    await shown(streetOfficer).getByText('配偶 吴建国').waitFor();
    await screenshot(streetOfficer, 'household-ledger.png');
    expect(await layoutProblems(streetOfficer)).toEqual([]);
    await her.goto(`${stack.baseUrl}/#/apply/household/index`);
    await her.reload();
    await shown(her).getByText(/起是零就业家庭/).waitFor();
    await screenshot(her, 'household-mine.png');
  });

  it('the street’s administrator reads each deadline’s on-time figures', async () => {
    await admin.goto(`${stack.baseUrl}/#/staff/assistance/index`);
    await admin.reload();
    await shown(admin).getByText('各项期限按时率').click();
    await shown(admin).getByText('援助对象 1 人，已就业 0 人').waitFor();
    await shown(admin).getByText('陈美玲（1人）').waitFor();
    await screenshot(admin, 'assistance-report.png');
    expect(await layoutProblems(admin)).toEqual([]);
    // The same figures on 数据看板, under the headline targets.
    await admin.goto(`${stack.baseUrl}/#/staff/stats/index`);
    await admin.reload();
    await shown(admin).getByText('就业援助各项期限按时率（截至今日）').waitFor();
    await shown(admin).getByText('陈美玲（1人）').waitFor();
    await screenshot(admin, 'assistance-stats.png');
    expect(await layoutProblems(admin)).toEqual([]);
  });

  it('the street registers a public-welfare post, told beside each field what is missing', async () => {
    await streetOfficer.goto(`${stack.baseUrl}/#/staff/welfare-posts/index`);
    await streetOfficer.reload();
    await shown(streetOfficer).getByText('登记公益性岗位', { exact: true }).click();
    await shown(streetOfficer).getByText('登记，交街道核查').click();
    await expect(field(streetOfficer, '主要安置就业困难人员吗').locator('.form-field__error').textContent()).resolves.toBe('请确认是否主要安置就业困难人员');
    await fill(streetOfficer, '用人单位', '鼓东街道社区服务中心');
    await fill(streetOfficer, '岗位名称', '社区保洁员');
    await fill(streetOfficer, '工作内容', '负责小区公共区域保洁，每天上午');
    await fill(streetOfficer, '名额', '2');
    await fill(streetOfficer, '月工资（元）', '2100');
    await field(streetOfficer, '岗位类别').getByText(/^公共服务类/).click();
    await field(streetOfficer, '资金来源').getByText('政府投资开发').click();
    await field(streetOfficer, '主要安置就业困难人员吗').getByText('是', { exact: true }).click();
    await field(streetOfficer, '为公共利益服务吗').getByText('否', { exact: true }).click();
    await shown(streetOfficer).getByText('登记，交街道核查').click();
    await expect(field(streetOfficer, '为公共利益服务吗').locator('.form-field__error').textContent()).resolves.toBe('公益性岗位须是满足社会公共利益需要的服务或辅助管理岗位');
    await screenshot(streetOfficer, 'welfare-post-form.png');
    expect(await layoutProblems(streetOfficer)).toEqual([]);
    await field(streetOfficer, '为公共利益服务吗').getByText('是', { exact: true }).click();
    await shown(streetOfficer).getByText('登记，交街道核查').click();
    await shown(streetOfficer).getByText('待街道实地核查').waitFor();
    await screenshot(streetOfficer, 'welfare-posts.png');
  });

  it('a unit applies for a public-welfare post from its phone, told beside each field what is missing', async () => {
    const owner = await stack.phone('e2e-as-owner');
    await owner.goto(`${stack.baseUrl}/#/employer/welfare-posts/index?employerId=${shop}`);
    await owner.reload();
    await shown(owner).getByText('本单位还没有申请公益性岗位。').waitFor();
    await shown(owner).getByText('申请公益性岗位', { exact: true }).last().click();
    await shown(owner).getByText('提交申请').click();
    await expect(field(owner, '岗位所在社区（村）').locator('.form-field__error').textContent()).resolves.toBe('请选择岗位所在的社区（村）');
    await expect(field(owner, '岗位名称').locator('.form-field__error').textContent()).resolves.toBe('请填写岗位名称');
    await screenshot(owner, 'welfare-unit-errors.png');
    expect(await layoutProblems(owner)).toEqual([]);
    await pickGudongCommunity(owner, field(owner, '岗位所在社区（村）'));
    await fill(owner, '岗位名称', '超市理货助理');
    await fill(owner, '工作内容', '社区便民超市理货、帮助老人购物');
    await fill(owner, '名额', '2');
    await fill(owner, '月工资（元）', '2200');
    await field(owner, '岗位类别').locator('.toggle').first().click();
    await field(owner, '资金来源').getByText('政府扶持').click();
    await field(owner, '主要安置就业困难人员吗').getByText('是', { exact: true }).click();
    await field(owner, '为公共利益服务吗').getByText('是', { exact: true }).click();
    await shown(owner).getByText('提交申请').click();
    await shown(owner).getByText('超市理货助理').waitFor();
    await shown(owner).getByText('待街道实地核查').waitFor();
    await screenshot(owner, 'welfare-unit.png');
    expect(await layoutProblems(owner)).toEqual([]);
  });

  it('the two ledgers hold up in 关怀模式', async () => {
    await streetOfficer.addInitScript(() => localStorage.setItem('doorstep.care-mode', JSON.stringify({ data: true })));
    await streetOfficer.goto(`${stack.baseUrl}/#/staff/households/index`);
    await streetOfficer.reload();
    await shown(streetOfficer).getByText('林秀英家（2人）').waitFor();
    expect(await careModeProblems(streetOfficer, 'household-ledger-care.png')).toEqual([]);
    await specialist.goto(`${stack.baseUrl}/#/staff/assistance/index`);
    await specialist.reload();
    await shown(specialist).getByText('林秀英').waitFor();
    expect(await careModeProblems(specialist, 'assistance-ledger-care.png')).toEqual([]);
  });
});
