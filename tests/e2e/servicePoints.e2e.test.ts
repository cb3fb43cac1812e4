// 服务网点 and 预约办事 on phones (375×812, H5 build, real API), issue 19: a resident finds the
// nearest service point on the map with the 3-km circle and in the list (a farther one is outside
// the circle and never shown), reads what to bring, books a half hour and sees her queue number;
// the community desk finds her on the list, marks her arrived and served and writes her a one-time
// notification slip, which she reads in 我的预约 and rates the visit. Also in 关怀模式. Screenshots
// are looked at. Last, a district officer sets up a new point from the form.
import type { Page } from 'playwright-core';
import { careModeProblems, field, fill, layoutProblems, phoneOf, pickGudongCommunity, screenshot, shown } from '../support/browser';
import { approveInQueue, startE2e, type E2eStack } from '../support/e2eStack';
import { employerBody, makeUscc } from '../support/employers';
import { vacancyBody } from '../support/vacancies';
import { makeIdNumber, registrationBody } from '../support/people';

jest.setTimeout(300_000);

let stack: E2eStack;
let resident: Page;
let desk: Page;
let officer: Page;
const confirmModal = (page: Page) => page.locator('.taro-model__confirm').click();

const point = (name: string, lat: number, lng: number, address: string) => ({
  name,
  kind: 'community_station',
  areaCode: '350102001001',
  address,
  lat,
  lng,
  phone: '0591-87650000',
  // Open every day, so that tomorrow has slots whatever day the suite runs.
  hours: { workday: [{ from: '08:30', to: '12:00' }, { from: '14:00', to: '17:30' }], restDay: [{ from: '09:00', to: '12:00' }] },
  services: [
    { key: 'unemployment_registration', desks: 2 },
    { key: 'hardship_recognition', desks: 1 },
    { key: 'policy_consultation', desks: 1 },
  ],
});

beforeAll(async () => {
  stack = await startE2e('points');
  const { client } = stack;
  const district = await client.devLogin('e2e-sp-district', { roles: ['staff'], level: 'district', areaCode: '350102' });
  // Her home is at 26.0845, 119.3012: one point 400 m away, one 1.9 km, one 5 km (outside the circle).
  for (const p of [
    point('鼓东街道家门口就业服务站', 26.0881, 119.3012, '鼓东路 36 号 社区服务中心一楼'),
    point('东街口党群服务中心就业服务台', 26.0845, 119.3202, '东街 8 号 党群服务中心二楼'),
    point('五公里外的服务站', 26.1295, 119.3012, '北环路 1 号'),
  ]) {
    expect((await client.post('/staff/service-points', p, district)).status).toBe(201);
  }
  // A shop 800 m from her home with a published vacancy (the jobs layer of the map).
  const street = await client.devLogin('e2e-sp-street', { roles: ['staff'], level: 'street', areaCode: '350102001' });
  const owner = await client.devLogin('e2e-sp-owner');
  const employerId = (await client.post('/employers', employerBody({ name: '鼓东路便民超市', uscc: makeUscc(9801) }), owner)).body.employer.id;
  await approveInQueue(client, street, 'employer', employerId);
  const vacancyId = (await client.post('/vacancies', vacancyBody(employerId, { lat: 26.0845, lng: 119.2932 }, { title: '超市理货员' }), owner)).body.vacancy.id;
  await approveInQueue(client, street, 'vacancy', vacancyId);
  const res = await client.devLogin('e2e-sp-resident');
  expect((await client.put('/me/jobseeker-registration', registrationBody({ idNumber: makeIdNumber('1976-03-08', 941), name: '黄丽娟', phone: '13900009410' }), res)).status).toBe(200);
  await client.devLogin('e2e-sp-desk', { roles: ['staff'], level: 'community', areaCode: '350102001001' });
  resident = await phoneOf(stack.browser, 'e2e-sp-resident');
  desk = await phoneOf(stack.browser, 'e2e-sp-desk');
  officer = await phoneOf(stack.browser, 'e2e-sp-district');
});

afterAll(async () => {
  await stack?.stop();
});

describe('服务网点', () => {
  it('shows the points within 3 km of home on the map and in the list, nearest first, with today’s hours', async () => {
    await resident.goto(stack.baseUrl);
    await shown(resident).getByText('服务网点', { exact: true }).click();
    await shown(resident).locator('.points-map circle').first().waitFor();
    const names = await shown(resident).locator('.point-card__name').allTextContents();
    expect(names).toEqual(['鼓东街道家门口就业服务站', '东街口党群服务中心就业服务台']);
    // Two numbered points on the map, none for the one outside the circle.
    expect(await shown(resident).locator('.points-map__point').count()).toBe(2);
    const first = shown(resident).locator('.point-card').first();
    await expect(first.locator('.point-card__meta').first().textContent()).resolves.toMatch(/^4\d\d米 · 家门口就业服务站$/);
    await expect(first.locator('.point-card__open').textContent()).resolves.toMatch(/^今天 (8:30–12:00、14:00–17:30|9:00–12:00)，/);
    await screenshot(resident, 'points-nearby.png');
    expect(await layoutProblems(resident)).toEqual([]);
    // Jobs near home on the same map: an orange square, tapping it opens the job.
    await shown(resident).locator('.toggle', { hasText: '附近的工作' }).click();
    await shown(resident).getByText('工作 1 个').waitFor();
    expect(await shown(resident).locator('.points-map__extra').count()).toBe(1);
    await screenshot(resident, 'points-nearby-jobs.png');
    await shown(resident).locator('.points-map__extra').click();
    await shown(resident).getByText('超市理货员').first().waitFor();
    await resident.goBack();
    await shown(resident).locator('.points-map circle').first().waitFor();
  });

  it('a point tells everything to bring at once; she books tomorrow and gets her queue number', async () => {
    await shown(resident).locator('.points-map__point').first().click();
    await shown(resident).getByText('能办的事和要带的材料').waitFor();
    const unemployment = shown(resident).locator('#service-unemployment_registration');
    await expect(unemployment.getByText('□ 本人居民身份证（原件）').count()).resolves.toBe(1);
    await screenshot(resident, 'points-point.png');
    expect(await layoutProblems(resident)).toEqual([]);
    await unemployment.getByText('预约到这里办').click();
    await shown(resident).getByText('哪天去').waitFor();
    await shown(resident).locator('.chip', { hasText: '明天' }).click();
    const slot = shown(resident).locator('.chip', { hasText: '剩2个' }).first();
    await slot.waitFor();
    await screenshot(resident, 'points-book.png');
    expect(await layoutProblems(resident)).toEqual([]);
    await slot.click();
    await confirmModal(resident);
    await shown(resident).getByText('预约成功').waitFor();
    await expect(shown(resident).locator('.queue-number').textContent()).resolves.toMatch(/^A\d{3}$/);
    await screenshot(resident, 'points-booked.png');
    await shown(resident).getByText('看我的预约').click();
    await shown(resident).getByText('排队号').waitFor();
    await expect(shown(resident).locator('.visit-card .point-card__name').textContent()).resolves.toBe('失业登记');
  });
});

describe('网点窗口', () => {
  it('the community desk finds her on tomorrow’s list, marks her served and writes what she still lacks', async () => {
    await desk.goto(stack.baseUrl);
    await shown(desk).getByText('网点窗口').click();
    await shown(desk).getByText('这天还没有人预约。').waitFor();
    await shown(desk).locator('.toggle', { hasText: '明天' }).click();
    await shown(desk).getByText('黄丽娟').waitFor();
    await screenshot(desk, 'points-desk.png');
    expect(await layoutProblems(desk)).toEqual([]);
    await shown(desk).getByText('已到达', { exact: true }).click();
    await shown(desk).locator('.status-pill', { hasText: '已到达，等候办理' }).waitFor();
    await shown(desk).getByText('已办结', { exact: true }).click();
    await shown(desk).locator('.status-pill', { hasText: '已办结' }).waitFor();
    await shown(desk).getByText('开一次性告知单').click();
    await shown(desk).locator('.toggle', { hasText: '就业困难人员认定' }).click();
    await shown(desk).locator('.toggle', { hasText: '残疾人' }).first().click();
    await shown(desk).locator('.toggle', { hasText: '本人居民身份证（原件）' }).click();
    await shown(desk).getByText('生成告知单').click();
    await shown(desk).getByText('□ 户口簿或居住证').waitFor();
    await expect(shown(desk).getByText('□ 残疾人证').count()).resolves.toBe(1);
    await expect(shown(desk).getByText('□ 低保证或低收入家庭证明').count()).resolves.toBe(0);
    await expect(shown(desk).getByText('！先办理失业登记').count()).resolves.toBe(1);
    await screenshot(desk, 'points-notice.png');
    expect(await layoutProblems(desk)).toEqual([]);
  });

  it('she reads the slip in 我的预约 and rates the visit', async () => {
    await resident.reload();
    await shown(resident).getByText('一次性告知单').waitFor();
    await shown(resident).locator('.notice-slip').getByText('□ 残疾人证').waitFor();
    await shown(resident).locator('.status-pill', { hasText: '已办结' }).waitFor();
    await screenshot(resident, 'points-visits.png');
    expect(await layoutProblems(resident)).toEqual([]);
    await shown(resident).getByText('评价这次服务').click();
    await shown(resident).locator('.star').nth(4).click();
    await shown(resident).getByText('提交评价').click();
    await shown(resident).getByText('谢谢您的评价').waitFor();
  });

  it('in 关怀模式 the list and the booking page keep large text, nothing overlapping, every button reachable', async () => {
    await resident.goto(stack.baseUrl);
    await shown(resident).locator('.home-card__title').first().waitFor();
    await shown(resident).getByText('打开关怀模式').click();
    await shown(resident).getByText('✓ 关怀模式已打开').waitFor();
    await resident.goto(`${stack.baseUrl}/#/points/nearby/index`);
    await shown(resident).locator('.point-card').first().waitFor();
    expect(await careModeProblems(resident, 'points-nearby-care.png')).toEqual([]);
    await shown(resident).locator('.point-card__name').first().click();
    await shown(resident).getByText('能办的事和要带的材料').waitFor();
    expect(await careModeProblems(resident, 'points-point-care.png')).toEqual([]);
  });
});

describe('服务网点管理', () => {
  it('a district officer sets up a point from the form, told beside each field what is missing', async () => {
    await officer.goto(stack.baseUrl);
    await shown(officer).getByText('服务网点管理').click();
    await shown(officer).getByText('鼓东街道家门口就业服务站').waitFor();
    await shown(officer).getByText('设立网点', { exact: true }).click();
    await shown(officer).locator('.page__actions').getByText('设立网点').click();
    await expect(field(officer, '网点名称').locator('.form-field__error').textContent()).resolves.toBe('请填写网点名称');
    await expect(field(officer, '所在社区').locator('.form-field__error').textContent()).resolves.toBe('请选择所在社区');
    await screenshot(officer, 'points-form-errors.png');
    expect(await layoutProblems(officer)).toEqual([]);
    await fill(officer, '网点名称', '鼓东路零工驿站');
    await shown(officer).locator('.toggle', { hasText: '零工驿站' }).click();
    await pickGudongCommunity(officer, field(officer, '所在社区'));
    await fill(officer, '详细地址', '鼓东路 50 号 骑楼下');
    await shown(officer).getByText('使用我现在的位置').click();
    await shown(officer).getByText(/已定位/).waitFor();
    await fill(officer, '电话', '13905917799');
    await shown(officer).locator('.toggle', { hasText: '求职登记' }).first().click();
    await screenshot(officer, 'points-form.png');
    expect(await layoutProblems(officer)).toEqual([]);
    await shown(officer).locator('.page__actions').getByText('设立网点').click();
    await shown(officer).getByText('鼓东路零工驿站').waitFor();
    await expect(shown(officer).locator('.slot-card', { hasText: '鼓东路零工驿站' }).getByText('零工驿站 ·', { exact: false }).count()).resolves.toBe(1);
  });
});
