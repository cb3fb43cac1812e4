// 零工 on phones (375×812, H5 build, real API), issue 21: a resident posts “修水龙头，今天下午，100 元”
// from the form (told beside the field what is missing first); a worker 1 km away finds it on the
// map and takes it; he reports it done and the resident confirms; she rates him, he records the
// pay and rates her; 我的零工 counts the day; the station of the street sees and checks it, also
// as the jobs around its 零工驿站. In
// 关怀模式 too. Screenshots are looked at.
import type { Page } from 'playwright-core';
import { careModeProblems, field, fill, layoutProblems, phoneOf, screenshot, shown } from '../support/browser';
import { startE2e, type E2eStack } from '../support/e2eStack';
import { makeIdNumber, registrationBody } from '../support/people';

jest.setTimeout(300_000);

let stack: E2eStack;
let resident: Page;
let worker: Page;
let station: Page;
const HOME = { lat: 26.0845, lng: 119.3012 };
const confirmModal = (page: Page) => page.locator('.taro-model__confirm').click();
// "This afternoon": a window that has begun already, so the work can be confirmed in this run.
const hour = (new Date().getUTCHours() + 8) % 24;
const pad = (n: number) => String(n).padStart(2, '0');
const FROM = `${pad(hour)}:00`;
const TO = hour + 3 <= 23 ? `${pad(hour + 3)}:00` : '23:59';

beforeAll(async () => {
  stack = await startE2e('gigs');
  const { client } = stack;
  await client.devLogin('e2e-gg-street', { roles: ['staff'], level: 'street', areaCode: '350102001' });
  const district = await client.devLogin('e2e-gg-district', { roles: ['staff'], level: 'district', areaCode: '350102' });
  const point = {
    name: '鼓东零工驿站',
    kind: 'gig_station',
    areaCode: '350102001001',
    address: '鼓东路 20 号',
    lat: HOME.lat + 0.002,
    lng: HOME.lng,
    phone: '0591-87650001',
    hours: { workday: [{ from: '07:00', to: '18:00' }], restDay: [] },
    services: [{ key: 'policy_consultation', desks: 1 }],
  };
  expect((await client.post('/staff/service-points', point, district)).status).toBe(201);
  const her = await client.devLogin('e2e-gg-resident');
  const him = await client.devLogin('e2e-gg-worker');
  expect((await client.put('/me/jobseeker-registration', registrationBody({ idNumber: makeIdNumber('1956-04-04', 512), name: '张桂英', phone: '13700005120', residence: { areaCode: '350102001001', address: '鼓东路 18 号', ...HOME } }), her)).status).toBe(200);
  // He lives about 1 km north of her.
  expect((await client.put('/me/jobseeker-registration', registrationBody({ idNumber: makeIdNumber('1978-09-09', 531), name: '李建国', phone: '13700005310', residence: { areaCode: '350102001001', address: '东街 2 号', lat: HOME.lat + 0.009, lng: HOME.lng } }), him)).status).toBe(200);
  resident = await phoneOf(stack.browser, 'e2e-gg-resident', { latitude: HOME.lat, longitude: HOME.lng });
  worker = await phoneOf(stack.browser, 'e2e-gg-worker', { latitude: HOME.lat + 0.009, longitude: HOME.lng });
  station = await phoneOf(stack.browser, 'e2e-gg-street');
});

afterAll(async () => {
  await stack?.stop();
});

describe('零工', () => {
  it('the resident posts 修水龙头, this afternoon, 100 元 in under a minute, told first what is missing', async () => {
    await resident.goto(stack.baseUrl);
    await shown(resident).getByText('零工', { exact: true }).click();
    await shown(resident).getByText('发布零工').first().click();
    await shown(resident).getByText('发布', { exact: true }).click();
    await expect(field(resident, '一句话说清楚').locator('.form-field__error').textContent()).resolves.toBe('请用几个字说清是什么活，如：修厨房水龙头');
    await expect(field(resident, '报酬（元）').locator('.form-field__error').textContent()).resolves.toBe('请填写报酬');
    await screenshot(resident, 'gigs-post-errors.png');
    expect(await layoutProblems(resident)).toEqual([]);
    await shown(resident).locator('.toggle', { hasText: '管道疏通' }).click();
    await fill(resident, '一句话说清楚', '修水龙头');
    const times = field(resident, '几点到几点').locator('input');
    await times.nth(0).fill(FROM);
    await times.nth(1).fill(TO);
    await fill(resident, '报酬（元）', '100');
    await shown(resident).getByText('发布', { exact: true }).click();
    await shown(resident).getByText('100元/次').waitFor();
    await shown(resident).getByText('还没有人接。', { exact: false }).waitFor();
    await screenshot(resident, 'gigs-posted.png');
    expect(await layoutProblems(resident)).toEqual([]);
  });

  it('a worker 1 km away finds it on the map, takes it, and sees her phone', async () => {
    await worker.goto(stack.baseUrl);
    await shown(worker).getByText('零工', { exact: true }).click();
    await shown(worker).locator('.gig-card', { hasText: '修水龙头' }).waitFor();
    await expect(shown(worker).locator('.gig-card', { hasText: '修水龙头' }).textContent()).resolves.toMatch(/1\.0公里|9\d\d米|1公里/);
    await screenshot(worker, 'gigs-nearby.png');
    expect(await layoutProblems(worker)).toEqual([]);
    await shown(worker).locator('.points-map__point').first().click();
    await shown(worker).getByText('我来做').click();
    await confirmModal(worker);
    await shown(worker).getByText('张桂英 13700005120').waitFor();
    await screenshot(worker, 'gigs-taken.png');
    expect(await layoutProblems(worker)).toEqual([]);
    await shown(worker).getByText('我干完了').click();
    await confirmModal(worker);
    await shown(worker).getByText('已报完工，等发布人确认').waitFor();
  });

  it('she confirms the work and rates him; he records the pay and rates her; the day counts', async () => {
    await resident.reload();
    await shown(resident).getByText('李建国 13700005310').waitFor();
    await shown(resident).getByText('确认完工').click();
    await confirmModal(resident);
    await shown(resident).getByText('已完工').waitFor();
    await shown(resident).getByText('评价干活的人').click();
    await fill(resident, '说两句', '修得很好，很细心');
    await shown(resident).getByText('提交评价').click();
    await shown(resident).getByText('发布人的评价：★★★★★ 修得很好，很细心').waitFor();
    await screenshot(resident, 'gigs-rated.png');
    expect(await layoutProblems(resident)).toEqual([]);

    await worker.reload();
    await shown(worker).getByText('记下拿到的报酬').click();
    await expect(field(worker, '拿到多少钱').locator('input').inputValue()).resolves.toBe('100');
    await shown(worker).getByText('记下收入').click();
    await shown(worker).getByText('收入：100 元（微信）').waitFor();
    await shown(worker).getByText('评价发布人').click();
    await shown(worker).getByText('提交评价').click();
    await shown(worker).getByText(/对发布人的评价：★★★★★/).waitFor();
    await screenshot(worker, 'gigs-done.png');
    expect(await layoutProblems(worker)).toEqual([]);
    await worker.goto(`${stack.baseUrl}/#/gigs/mine/index`);
    await shown(worker).getByText('干过零工 1 天，记下的收入 100 元').waitFor();
  });

  it('the station of the street sees it with her phone and checks it', async () => {
    await station.goto(stack.baseUrl);
    await shown(station).getByText('零工驿站', { exact: true }).click();
    await shown(station).locator('.slot-card', { hasText: '修水龙头' }).getByText(/张桂英 13700005120/).waitFor();
    await shown(station).locator('.slot-card', { hasText: '修水龙头' }).getByText('没问题').click();
    await shown(station).getByText(/已核查/).waitFor();
    // Around the 零工驿站 set up as a service point: the same job, with how far from the station.
    await shown(station).locator('.toggle', { hasText: '鼓东零工驿站' }).click();
    await shown(station).getByText('驿站周围3公里的零工').waitFor();
    await shown(station).locator('.slot-card', { hasText: '修水龙头' }).getByText(/离驿站2\d\d米/).waitFor();
    await shown(station).locator('.slot-card', { hasText: '李建国 13700005310' }).getByText('接过 1 次，完工 1 次，发布人评分 5').waitFor();
    await screenshot(station, 'gigs-station.png');
    expect(await layoutProblems(station)).toEqual([]);
  });

  it('in 关怀模式 the nearby list, the job and the form keep large text, nothing overlapping, every button reachable', async () => {
    await worker.goto(stack.baseUrl);
    await shown(worker).locator('.home-card__title').first().waitFor();
    await shown(worker).getByText('打开关怀模式').click();
    await shown(worker).getByText('✓ 关怀模式已打开').waitFor();
    await worker.goto(`${stack.baseUrl}/#/gigs/nearby/index`);
    await shown(worker).getByText('零工', { exact: true }).waitFor();
    await shown(worker).getByText(/这个范围内暂时没有缺人的零活/).waitFor();
    expect(await careModeProblems(worker, 'gigs-nearby-care.png')).toEqual([]);
    await worker.goto(`${stack.baseUrl}/#/gigs/mine/index`);
    await shown(worker).locator('.slot-card', { hasText: '修水龙头' }).click();
    await shown(worker).getByText(/收入：100 元/).waitFor();
    expect(await careModeProblems(worker, 'gigs-done-care.png')).toEqual([]);
    await worker.goto(`${stack.baseUrl}/#/gigs/post/index`);
    await shown(worker).getByText('发布', { exact: true }).waitFor();
    expect(await careModeProblems(worker, 'gigs-post-care.png')).toEqual([]);
  });
});
