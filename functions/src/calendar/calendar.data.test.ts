// 工作日历 on DynamoDB Local (issue 30): a city administrator enters next year's notice and every
// deadline follows it at once; a bad notice is refused naming the field, and nothing changes;
// only a city's administrator may enter one; each entry and correction is on the year's audit chain.
import { addWorkingDays, isWorkingDay, taskDue } from '@doorstep/shared';
import { createTestTable } from '../../../tests/support/table';
import { readAuditEvents } from '../audit/events';
import type { Principal } from '../http/session';
import { calendarYears, ensureCalendar } from './calendar';
import { enterNotice } from './enter';
import { NOTICE_2027 as NOTICE } from '../../../tests/support/calendar';

jest.setTimeout(120_000);
beforeAll(createTestTable);

const cityAdmin: Principal = { userId: 'cal-city', roles: ['admin', 'staff'], level: 'city', areaCode: '3501' };
const districtAdmin: Principal = { userId: 'cal-district', roles: ['admin', 'staff'], level: 'district', areaCode: '350102' };
describe('the working-day calendar', () => {
  it('says from 1 December that next year is missing, until its notice is entered', async () => {
    expect((await calendarYears('2026-11-30')).nextYearMissing).toBe(false);
    expect((await calendarYears('2026-12-07')).nextYearMissing).toBe(true);
    // Without the notice, 2027's lunar holidays are not known: 5 February is a working Friday.
    expect(isWorkingDay('2027-02-05')).toBe(true);
  });

  it('a due date runs across a configured 2027 holiday and counts its make-up Sunday', async () => {
    const year = await enterNotice(cityAdmin, 2027, NOTICE, '刘建华');
    expect(year).toMatchObject({ year: 2027, builtIn: false, enteredBy: '刘建华', version: 1 });
    await ensureCalendar({ force: true });
    expect(isWorkingDay('2027-02-05')).toBe(false);
    // Thursday 4 February + 1 working day: not the holiday week, but Friday the 12th.
    expect(addWorkingDays('2027-02-04', 1)).toBe('2027-02-12');
    // Friday the 12th + 1: Sunday the 14th is worked instead.
    expect(addWorkingDays('2027-02-12', 1)).toBe('2027-02-14');
    // A question asked on 3 February is due 3 working days later: 4th, 12th, 14th.
    expect(taskDue('question', '2027-02-03')).toBe('2027-02-14');
    const listed = await calendarYears('2026-12-07');
    expect(listed.nextYearMissing).toBe(false);
    expect(listed.years.map((y) => [y.year, y.builtIn])).toEqual([
      [2025, true],
      [2026, true],
      [2027, false],
    ]);
  });

  it('refuses a bad notice naming the field, and changes nothing', async () => {
    const bad = {
      ...NOTICE,
      holidays: [...NOTICE.holidays, { name: '清明节', from: '2027-02-10', to: '2027-02-12' }, { name: '劳动节', from: '2028-05-01', to: '2028-05-03' }],
      workdays: ['2027-02-17', '2027-02-06'],
    };
    await expect(enterNotice(cityAdmin, 2027, bad, '刘建华')).rejects.toMatchObject({
      statusCode: 400,
      details: expect.arrayContaining([
        { path: ['holidays', 2, 'from'], message: '和「春节」的日期重叠了' },
        { path: ['holidays', 3, 'from'], message: '请选择2027年内的日期' },
        { path: ['workdays', 0], message: '调休上班日应是周六或周日' },
        { path: ['workdays', 1], message: '这一天在放假期间' },
      ]),
    });
    expect((await calendarYears()).years.find((y) => y.year === 2027)).toMatchObject({ version: 1, holidays: NOTICE.holidays });
  });

  it('only a city’s administrator enters it; a correction is audited with who and which notice', async () => {
    await expect(enterNotice(districtAdmin, 2027, NOTICE, '陈志强')).rejects.toMatchObject({ statusCode: 403 });
    const corrected = await enterNotice(cityAdmin, 2027, { ...NOTICE, source: '国务院办公厅关于2027年部分节假日安排的通知（更正）', workdays: [] }, '刘建华');
    expect(corrected.version).toBe(2);
    await ensureCalendar({ force: true });
    expect(isWorkingDay('2027-02-14')).toBe(false);
    const events = await readAuditEvents('calendar', '2027');
    expect(events.map((e) => [e.action, e.actorId, e.fromState, e.toState])).toEqual([
      ['enter', 'cal-city', 'none', 'v1'],
      ['correct', 'cal-city', 'v1', 'v2'],
    ]);
  });
});
