// Interviews on two phones (375×812, H5 build, real API): the restaurant opens interview times for
// its vacancy (an on-site one, after being told the place is missing, and a video one); the job
// seeker who applied books the first from 我的应聘, sees it in 我的面试, moves it to the video
// slot and gets the room link; the restaurant sees her booking with her phone.
// Screenshots go to tests/e2e/screenshots/.
import type { Browser, Page } from 'playwright-core';
import type { RunningApi } from '../support/localStack';
import { makeIdNumber, registrationBody } from '../support/people';
import { employerBody, makeUscc } from '../support/employers';
import { vacancyBody } from '../support/vacancies';
import { apiClient } from '../support/http';
import { field, fill, largeTextProblems, layoutProblems, pick, screenshot, shown } from '../support/browser';
import { startE2e, type E2eStack } from '../support/e2eStack';

jest.setTimeout(300_000);

let api: RunningApi;
let stack: E2eStack;
let baseUrl: string;
let browser: Browser;

beforeAll(async () => {
  stack = await startE2e('interviews');
  api = stack.api;
  const client = apiClient(api.baseUrl);
  const street = await client.devLogin('e2e-iv-street', { roles: ['staff'], level: 'street', areaCode: '350102001' });
  // An approved restaurant with a published vacancy, and a registered job seeker who applied.
  const owner = await client.devLogin('e2e-iv-owner');
  const employerId = (await client.post('/employers', employerBody({ name: '福州东街口家常菜馆', uscc: makeUscc(7401) }), owner)).body.employer.id;
  const approve = async (type: string, subjectId: string) => {
    const review = (await client.get(`/staff/reviews?type=${type}&limit=100`, street)).body.items.find((r: { subjectId: string }) => r.subjectId === subjectId);
    expect((await client.post(`/staff/reviews/${review.id}/decision`, { decision: 'approve' }, street)).status).toBe(200);
  };
  await approve('employer', employerId);
  const vacancyId = (await client.post('/vacancies', vacancyBody(employerId, { lat: 26.0845, lng: 119.2962 }, { title: '餐厅收银员' }), owner)).body.vacancy.id;
  await approve('vacancy', vacancyId);
  const seeker = await client.devLogin('e2e-iv-seeker');
  const reg = registrationBody({ idNumber: makeIdNumber('1979-06-02', 417), name: '郑秀兰', phone: '13905917788', residence: { areaCode: '350102001001', address: '鼓东路 36 号', lat: 26.0915, lng: 119.2962 } });
  expect((await client.put('/me/jobseeker-registration', reg, seeker)).status).toBe(200);
  expect((await client.post(`/vacancies/${vacancyId}/applications`, {}, seeker)).status).toBe(201);
  baseUrl = stack.baseUrl;
  browser = stack.browser;
});

afterAll(async () => {
  await stack?.stop();
});

describe('interview booking', () => {
  let owner: Page;
  let seeker: Page;

  beforeAll(async () => {
    owner = await stack.phone('e2e-iv-owner');
    seeker = await stack.phone('e2e-iv-seeker');
  });

  async function openSchedule() {
    await owner.goto(baseUrl);
    await owner.getByText('单位招聘').click();
    await shown(owner).getByText('我的岗位和应聘人员').click();
    await shown(owner).getByText('面试安排', { exact: true }).click();
    await shown(owner).getByText('已开放的时间').waitFor({ timeout: 30_000 });
  }

  it('the restaurant opens an on-site time, told first that the place is missing, then a video time', async () => {
    await openSchedule();
    await shown(owner).getByText('开放一个面试时间', { exact: true }).click();
    await shown(owner).getByText('开放预约', { exact: true }).click();
    await expect(field(owner, '面试地点').locator('.form-field__error').textContent()).resolves.toBe('现场面试请写明地点');
    await screenshot(owner, 'interview-slot-errors.png');
    expect(await layoutProblems(owner)).toEqual([]);
    await fill(owner, '面试地点', '东街 8 号二楼办公室');
    await shown(owner).getByText('开放预约', { exact: true }).click();
    await shown(owner).locator('.slot-card', { hasText: '东街 8 号二楼办公室' }).waitFor({ timeout: 30_000 });

    await shown(owner).getByText('开放一个面试时间', { exact: true }).click();
    await pick(owner, field(owner, '开始时间'), '10:00');
    await pick(owner, field(owner, '面试方式'), '视频面试');
    await shown(owner).getByText('开放预约', { exact: true }).click();
    const video = shown(owner).locator('.slot-card', { hasText: '视频面试' });
    await video.waitFor({ timeout: 30_000 });
    expect(await video.innerText()).toMatch(/会议链接：http:\/\/localhost:10086\/test-rooms\/doorstep-/);
    expect(await video.innerText()).toContain('已约 0/3 人');
    await screenshot(owner, 'interview-slots.png');
    expect(await layoutProblems(owner)).toEqual([]);
  });

  it('the job seeker books the on-site time from 我的应聘 after a confirmation', async () => {
    await seeker.goto(baseUrl);
    await seeker.getByText('我的应聘', { exact: true }).click();
    await shown(seeker).getByText('预约面试', { exact: true }).click();
    const first = shown(seeker).locator('.slot-card', { hasText: '东街 8 号二楼办公室' });
    await first.waitFor({ timeout: 30_000 });
    expect(await first.innerText()).toContain('还剩 3 个名额');
    await screenshot(seeker, 'interview-book.png');
    expect(await layoutProblems(seeker)).toEqual([]);
    await first.getByText('预约这个时间').click();
    await seeker.getByText(/开始前两小时内不能再取消或改约/).waitFor();
    await seeker.locator('.taro-model__confirm', { hasText: '预约' }).click();
    await shown(seeker).getByText('预约成功').waitFor({ timeout: 30_000 });
    await shown(seeker).getByText('查看我的面试').click();
    const mine = shown(seeker).locator('.slot-card', { hasText: '餐厅收银员' });
    await mine.waitFor({ timeout: 30_000 });
    expect(await mine.innerText()).toContain('地点：东街 8 号二楼办公室');
    expect(await mine.innerText()).toContain('09:00');
    await screenshot(seeker, 'my-interviews.png');
    expect(await layoutProblems(seeker)).toEqual([]);
    expect(await largeTextProblems(seeker, 'my-interviews-large-text.png')).toEqual([]);
  });

  it('she moves it to the video time and gets the room link', async () => {
    await shown(seeker).getByText('改个时间').click();
    const video = shown(seeker).locator('.slot-card', { hasText: '视频面试' });
    await video.waitFor({ timeout: 30_000 });
    await video.getByText('改约到这个时间').click();
    await seeker.locator('.taro-model__confirm', { hasText: '改约' }).click();
    await shown(seeker).getByText('已改约').waitFor({ timeout: 30_000 });
    await shown(seeker).getByText('查看我的面试').click();
    const mine = shown(seeker).locator('.slot-card', { hasText: '餐厅收银员' });
    await mine.getByText(/视频会议链接：http:\/\/localhost:10086\/test-rooms\/doorstep-/).waitFor({ timeout: 30_000 });
    expect(await shown(seeker).locator('.slot-card').count()).toBe(1);
    expect(await mine.innerText()).toContain('10:00');
    await screenshot(seeker, 'my-interviews-video.png');
    expect(await layoutProblems(seeker)).toEqual([]);
  });

  it('the restaurant sees who booked, with her phone, and records the result once the interview has started', async () => {
    await openSchedule();
    const booking = shown(owner).locator('.slot-card', { hasText: '郑秀兰' });
    await booking.waitFor({ timeout: 30_000 });
    expect(await booking.innerText()).toContain('13905917788');
    expect(await booking.innerText()).toContain('面试开始后在这里记录结果');
    expect(await shown(owner).locator('.slot-card', { hasText: '视频面试' }).first().innerText()).toContain('已约 1/3 人');
    await screenshot(owner, 'interview-bookings.png');
    expect(await layoutProblems(owner)).toEqual([]);
  });
});
