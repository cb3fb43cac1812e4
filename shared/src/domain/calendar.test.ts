import { addWorkingDays, calendarDeadline, calendarYearsMissing, dueDate, HOLIDAY_CALENDAR, isWorkingDay, nextWorkingDay, previousWorkingDay } from './calendar';
import dayjs from 'dayjs';

describe('the working-day calendar', () => {
  it('counts ordinary weekdays and skips a weekend', () => {
    // Friday 2026-11-20 + 1 working day = Monday 2026-11-23
    expect(addWorkingDays('2026-11-20', 1)).toBe('2026-11-23');
    expect(addWorkingDays('2026-11-23', 5)).toBe('2026-11-30');
    expect(addWorkingDays('2026-11-23', 0)).toBe('2026-11-23');
  });

  it('skips the National Day holiday and counts its make-up Saturday', () => {
    // 2026-09-30 (Wed) + 1 → Oct 1–7 off, Thu Oct 8 is the first working day
    expect(addWorkingDays('2026-09-30', 1)).toBe('2026-10-08');
    // Oct 8 (Thu), Oct 9 (Fri), Oct 10 (Saturday, a make-up working day)
    expect(addWorkingDays('2026-09-30', 3)).toBe('2026-10-10');
    expect(isWorkingDay('2026-10-10')).toBe(true);
    expect(isWorkingDay('2026-10-11')).toBe(false);
    // Sunday 2026-09-20 is a make-up working day before the mid-autumn festival
    expect(addWorkingDays('2026-09-19', 1)).toBe('2026-09-20');
  });

  it('gives 15 working days across the Spring Festival', () => {
    // Friday 2026-02-13; Sat 14 is worked; 15–23 off; then working days from Tue 24.
    const due = addWorkingDays('2026-02-13', 15);
    // 14 (Sat, make-up), 24, 25, 26, 27, 28 (Sat, make-up), Mar 2, 3, 4, 5, 6, 9, 10, 11, 12
    expect(due).toBe('2026-03-12');
  });

  it('moves a calendar-day deadline that ends on a day off to the next working day', () => {
    expect(calendarDeadline('2026-09-24', 7)).toBe('2026-10-08'); // Oct 1 is a holiday
    expect(calendarDeadline('2026-11-16', 7)).toBe('2026-11-23'); // a Monday stays
    expect(calendarDeadline('2026-11-14', 7)).toBe('2026-11-23'); // Saturday → Monday
    expect(nextWorkingDay('2026-02-14')).toBe('2026-02-14'); // a make-up Saturday stays
    expect(dueDate('2026-09-30', { days: 1, unit: 'working' })).toBe('2026-10-08');
    expect(dueDate('2026-09-24', { days: 7, unit: 'calendar' })).toBe('2026-10-08');
  });

  it('finds the working day before a date (a fair’s screens are loaded then), across weekends and holidays', () => {
    expect(previousWorkingDay('2026-12-08')).toBe('2026-12-07'); // Tuesday → Monday
    expect(previousWorkingDay('2026-12-07')).toBe('2026-12-04'); // Monday → Friday
    expect(previousWorkingDay('2026-10-08')).toBe('2026-09-30'); // after 国庆 → the last day before it
    expect(previousWorkingDay('2026-02-16')).toBe('2026-02-14'); // a make-up Saturday counts
  });

  it('keeps make-up working days on weekends and every date inside its own year', () => {
    for (const [year, cal] of Object.entries(HOLIDAY_CALENDAR)) {
      for (const w of cal.workdays) {
        expect([0, 6]).toContain(dayjs(w).day());
        expect(w.startsWith(year)).toBe(true);
      }
      for (const h of cal.holidays) expect(h.from <= h.to && h.from.startsWith(year)).toBe(true);
    }
  });

  it('names the years it has no notice for, and keeps their holidays fixed by date', () => {
    expect(calendarYearsMissing(2025, 2027)).toEqual([2027]);
    // 2027-01-01 is a Friday: off by law even before the notice is configured.
    expect(isWorkingDay('2027-01-01')).toBe(false);
    expect(addWorkingDays('2026-12-31', 1)).toBe('2027-01-04');
    expect(isWorkingDay('2027-10-01')).toBe(false);
    expect(isWorkingDay('2027-03-01')).toBe(true);
  });
});
