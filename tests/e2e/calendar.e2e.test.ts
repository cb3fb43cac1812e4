// 工作日历 on phones (375×812, H5 build, real API), issue 30: from 1 December a street officer's
// task list warns that next year's holidays are not in; the city's administrator opens 工作日历,
// sees the years built in, enters next year's notice — told beside the field when a make-up day
// is not a weekend — confirms it, and sees it listed with her name; the warning is gone. Also in
// 关怀模式. Screenshots are looked at.
import type { Page } from 'playwright-core';
import { todayInChina } from '@doorstep/shared';
import { careModeProblems, confirmPicker, field, fill, layoutProblems, openPicker, phoneOf, screenshot, shown } from '../support/browser';
import { startE2e, type E2eStack } from '../support/e2eStack';
import { testEnvironment } from '../support/testConfig';

jest.setTimeout(300_000);

let stack: E2eStack;
let admin: Page;
let officer: Page;
const NEXT = Number(todayInChina().slice(0, 4)) + 1;
// The warning shows from 1 December: what this run expects depends on the day it runs.
const DECEMBER = todayInChina().slice(5) >= '12-01';

beforeAll(async () => {
  stack = await startE2e('calendar');
  const { client } = stack;
  Object.assign(process.env, testEnvironment(stack.tableName));
  const { bootstrapAdmin } = await import('../../functions/src/administration/bootstrap');
  const boot = await bootstrapAdmin({ phone: '13900006000', areaCode: '3501', name: '刘建华' });
  const city = await client.devLogin('e2e-cal-city');
  expect((await client.post('/me/staff-invitations/accept', { phone: '13900006000', code: boot.code }, city)).status).toBe(201);
  await client.devLogin('e2e-cal-officer', { roles: ['staff'], level: 'street', areaCode: '350102001' });
  admin = await phoneOf(stack.browser, 'e2e-cal-city');
  officer = await phoneOf(stack.browser, 'e2e-cal-officer');
});

afterAll(async () => {
  await stack?.stop();
});

const warning = (page: Page) => shown(page).getByText(`${NEXT}年的节假日安排还没有录入`, { exact: false });

describe('工作日历', () => {
  it('the officer’s task list warns while next year is missing (from 1 December)', async () => {
    await officer.goto(`${stack.baseUrl}/#/staff/tasks/index`);
    await shown(officer).getByText('辖区内暂时没有待办任务。').waitFor();
    if (DECEMBER) await warning(officer).first().waitFor();
    else expect(await warning(officer).count()).toBe(0);
    await screenshot(officer, 'calendar-tasks-warning.png');
    expect(await layoutProblems(officer)).toEqual([]);
  });

  it('the city’s administrator enters next year: a weekday make-up day is refused beside its field, then saved with her name', async () => {
    await admin.goto(stack.baseUrl);
    await admin.getByText('工作日历').first().click();
    await shown(admin).getByText(`${NEXT - 1}年`, { exact: true }).waitFor();
    expect(await shown(admin).getByText('随系统内置').count()).toBeGreaterThanOrEqual(2);
    await shown(admin).getByText(`录入${NEXT}年的安排`).click();
    await fill(admin, '通知名称', `国务院办公厅关于${NEXT}年部分节假日安排的通知`);
    await fill(admin, '节假日 1', '元旦');
    // The wheels open on 1 January of that year: 元旦, one day.
    await openPicker(admin, field(admin, '放假第一天'));
    await confirmPicker(admin, field(admin, '放假第一天'), `${NEXT}-01-01`);
    await field(admin, '放假最后一天').locator('.choice-picker__value', { hasText: `${NEXT}-01-01` }).waitFor();
    // A make-up working day on 1 January: a holiday, and not a weekend unless it falls on one.
    await shown(admin).getByText('加一个调休上班日').click();
    await openPicker(admin, field(admin, '调休上班日 1'));
    await confirmPicker(admin, field(admin, '调休上班日 1'), `${NEXT}-01-01`);
    await shown(admin).getByText('保存', { exact: true }).click();
    await expect(field(admin, '调休上班日 1').locator('.form-field__error').textContent()).resolves.toMatch(/调休上班日应是周六或周日|这一天在放假期间/);
    await screenshot(admin, 'calendar-form-error.png');
    expect(await layoutProblems(admin)).toEqual([]);
    await shown(admin).getByText('删除这一天').click();
    await shown(admin).getByText('保存', { exact: true }).click();
    await admin.locator('.taro-model__confirm').click();
    await shown(admin).getByText('刘建华 于', { exact: false }).waitFor();
    await shown(admin).getByText(`${NEXT}年`, { exact: true }).waitFor();
    expect(await warning(admin).count()).toBe(0);
    await screenshot(admin, 'calendar-saved.png');
    expect(await layoutProblems(admin)).toEqual([]);
  });

  it('the warning is gone from the task list; the calendar page in 关怀模式 keeps large text and reachable buttons', async () => {
    await officer.goto(stack.baseUrl);
    await officer.reload();
    await officer.goto(`${stack.baseUrl}/#/staff/tasks/index`);
    await shown(officer).getByText('辖区内暂时没有待办任务。').waitFor();
    expect(await warning(officer).count()).toBe(0);
    await admin.goto(stack.baseUrl);
    await shown(admin).locator('.home-card__title').first().waitFor();
    await shown(admin).getByText('打开关怀模式').click();
    await shown(admin).getByText('✓ 关怀模式已打开').waitFor();
    await admin.goto(`${stack.baseUrl}/#/staff/calendar/index`);
    await shown(admin).getByText(`${NEXT}年`, { exact: true }).waitFor();
    expect(await careModeProblems(admin, 'calendar-care.png')).toEqual([]);
  });
});
