// The working-day calendar (工作日历) every deadline in the product uses: weekends off, China's
// public holidays off, and the make-up working days (调休上班) that fall on a Saturday or Sunday
// on. Each year is configured from the State Council's notice (国务院办公厅关于 N 年部分节假日
// 安排的通知), published each November for the next year: a city administrator enters it in the
// app (工作日历, setEnteredCalendar below); the years below are built in as the defaults.
// A year not configured counts weekends and the holidays fixed by date in the national rules
// (元旦 1 January, 劳动节 1–2 May, 国庆节 1–3 October; 全国年节及纪念日放假办法) — the lunar ones
// and the make-up days need the notice — and `calendarYearsMissing` names such years (a unit
// test pins which are in).
import dayjs from 'dayjs';

export interface HolidayYear {
  /** Days off beyond weekends: each holiday's range, inclusive. */
  holidays: ReadonlyArray<{ name: string; from: string; to: string }>;
  /** Saturdays and Sundays that are working days. */
  workdays: readonly string[];
  /** The notice it was taken from. */
  source: string;
}

export const HOLIDAY_CALENDAR: Readonly<Record<number, HolidayYear>> = {
  2025: {
    source: '国办发明电〔2024〕12号',
    holidays: [
      { name: '元旦', from: '2025-01-01', to: '2025-01-01' },
      { name: '春节', from: '2025-01-28', to: '2025-02-04' },
      { name: '清明节', from: '2025-04-04', to: '2025-04-06' },
      { name: '劳动节', from: '2025-05-01', to: '2025-05-05' },
      { name: '端午节', from: '2025-05-31', to: '2025-06-02' },
      { name: '国庆节、中秋节', from: '2025-10-01', to: '2025-10-08' },
    ],
    workdays: ['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11'],
  },
  2026: {
    source: '国务院办公厅关于2026年部分节假日安排的通知（2025年11月4日）',
    holidays: [
      { name: '元旦', from: '2026-01-01', to: '2026-01-03' },
      { name: '春节', from: '2026-02-15', to: '2026-02-23' },
      { name: '清明节', from: '2026-04-04', to: '2026-04-06' },
      { name: '劳动节', from: '2026-05-01', to: '2026-05-05' },
      { name: '端午节', from: '2026-06-19', to: '2026-06-21' },
      { name: '中秋节', from: '2026-09-25', to: '2026-09-27' },
      { name: '国庆节', from: '2026-10-01', to: '2026-10-07' },
    ],
    workdays: ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'],
  },
};

interface DayTable {
  off: Set<string>;
  on: Set<string>;
}

function expand(calendar: Readonly<Record<number, HolidayYear>>): DayTable {
  const off = new Set<string>();
  const on = new Set<string>();
  for (const year of Object.values(calendar)) {
    for (const h of year.holidays) {
      for (let d = dayjs(h.from); !d.isAfter(dayjs(h.to)); d = d.add(1, 'day')) off.add(d.format('YYYY-MM-DD'));
    }
    for (const w of year.workdays) on.add(w);
  }
  return { off, on };
}

let DAYS = expand(HOLIDAY_CALENDAR);

/** Holidays fixed by date in the national rules, for a year whose notice is not configured yet. */
const FIXED_HOLIDAYS = ['01-01', '05-01', '05-02', '10-01', '10-02', '10-03'];

/** Whether `date` (YYYY-MM-DD) is a working day: a weekday that is not a holiday, or a make-up working day. */
export function isWorkingDay(date: string): boolean {
  if (DAYS.on.has(date)) return true;
  if (DAYS.off.has(date)) return false;
  if (!calendarYearOf(Number(date.slice(0, 4))) && FIXED_HOLIDAYS.includes(date.slice(5))) return false;
  const weekday = dayjs(date).day();
  return weekday !== 0 && weekday !== 6;
}

/**
 * `date` plus `n` working days (n ≥ 0): the n-th working day after it. "Within 15 working days"
 * of a rating given on a Friday before a holiday ends 15 working days later, not counting the
 * holiday, counting a make-up Saturday.
 */
export function addWorkingDays(date: string, n: number): string {
  let d = dayjs(date);
  let left = n;
  while (left > 0) {
    d = d.add(1, 'day');
    if (isWorkingDay(d.format('YYYY-MM-DD'))) left -= 1;
  }
  return d.format('YYYY-MM-DD');
}

/** The last working day before `date` (the day a fair's screen content must be ready). */
export function previousWorkingDay(date: string): string {
  let d = dayjs(date).subtract(1, 'day');
  while (!isWorkingDay(d.format('YYYY-MM-DD'))) d = d.subtract(1, 'day');
  return d.format('YYYY-MM-DD');
}

/** The first working day on or after `date`. */
export function nextWorkingDay(date: string): string {
  let d = dayjs(date);
  while (!isWorkingDay(d.format('YYYY-MM-DD'))) d = d.add(1, 'day');
  return d.format('YYYY-MM-DD');
}

/** `date` (YYYY-MM-DD) plus `days` calendar days (a validity, not a deadline). */
export function addCalendarDays(date: string, days: number): string {
  return dayjs(date).add(days, 'day').format('YYYY-MM-DD');
}

/**
 * A deadline of `days` calendar days: when the last day is a day off, the deadline moves to the
 * next working day (the rule for periods in Chinese administrative procedure).
 */
export function calendarDeadline(date: string, days: number): string {
  return nextWorkingDay(addCalendarDays(date, days));
}

/** A deadline as the seeds write it: working days (工作日) or calendar days (日). */
export interface Deadline {
  days: number;
  unit: 'working' | 'calendar';
}

export function dueDate(from: string, deadline: Deadline): string {
  return deadline.unit === 'working' ? addWorkingDays(from, deadline.days) : calendarDeadline(from, deadline.days);
}

/** Years between `from` and `to` (inclusive) the calendar has no holidays for. */
export function calendarYearsMissing(fromYear: number, toYear: number): number[] {
  const missing: number[] = [];
  for (let y = fromYear; y <= toYear; y += 1) if (!calendarYearOf(y)) missing.push(y);
  return missing;
}

// ── Years an administrator enters (issue 30) ─────────────────────────────────────────────────
// Each November a city administrator enters next year's notice in the app (工作日历). The
// server reads the entered years (functions/src/calendar) and the mini-program gets them from
// GET /calendar; both hand them here, and they take the place of the built-in years above, which
// stay as the defaults. The checks a notice must pass are here too, so the form and the API agree.

let enteredYears: Readonly<Record<number, HolidayYear>> = {};

/** The entered years, used from now on in place of the built-in ones (and of each other's older copy). */
export function setEnteredCalendar(years: Readonly<Record<number, HolidayYear>>): void {
  enteredYears = years;
  DAYS = expand({ ...HOLIDAY_CALENDAR, ...years });
}

/** A year's notice as the calendar uses it now: entered, or built in, or none. */
export function calendarYearOf(year: number): HolidayYear | undefined {
  return enteredYears[year] ?? HOLIDAY_CALENDAR[year];
}

/** From 1 December on, while next year's notice is not in the calendar (built in or entered). */
export function nextYearMissing(today: string): boolean {
  return today.slice(5) >= '12-01' && !calendarYearOf(Number(today.slice(0, 4)) + 1);
}

export interface NoticeProblem {
  path: (string | number)[];
  message: string;
}

/**
 * What is wrong with a year's notice, each with the field it is about: every date a real day of
 * that year, a holiday not ending before it begins nor overlapping another, a make-up working day
 * on a Saturday or Sunday and not inside a holiday, no day twice.
 */
export function noticeProblems(year: number, notice: { holidays: readonly { name: string; from: string; to: string }[]; workdays: readonly string[] }): NoticeProblem[] {
  const problems: NoticeProblem[] = [];
  const inYear = (d: string) => /^\d{4}-\d{2}-\d{2}$/.test(d) && d.startsWith(`${year}-`) && dayjs(d).format('YYYY-MM-DD') === d;
  const outside = `请选择${year}年内的日期`;
  notice.holidays.forEach((h, i) => {
    if (h.from && !inYear(h.from)) problems.push({ path: ['holidays', i, 'from'], message: outside });
    if (h.to && !inYear(h.to)) problems.push({ path: ['holidays', i, 'to'], message: outside });
    else if (h.to && inYear(h.from) && h.to < h.from) problems.push({ path: ['holidays', i, 'to'], message: '最后一天不能早于第一天' });
  });
  const ranges = notice.holidays
    .map((h, i) => ({ ...h, i }))
    .filter((h) => inYear(h.from) && inYear(h.to) && h.from <= h.to)
    .sort((a, b) => (a.from < b.from ? -1 : 1));
  for (let k = 1; k < ranges.length; k += 1) {
    if (ranges[k].from <= ranges[k - 1].to) problems.push({ path: ['holidays', ranges[k].i, 'from'], message: `和「${ranges[k - 1].name || `节假日 ${ranges[k - 1].i + 1}`}」的日期重叠了` });
  }
  notice.workdays.forEach((d, i) => {
    if (!inYear(d)) problems.push({ path: ['workdays', i], message: d ? outside : '请选择日期' });
    else if (![0, 6].includes(dayjs(d).day())) problems.push({ path: ['workdays', i], message: '调休上班日应是周六或周日' });
    else if (ranges.some((r) => d >= r.from && d <= r.to)) problems.push({ path: ['workdays', i], message: '这一天在放假期间' });
    else if (notice.workdays.indexOf(d) !== i) problems.push({ path: ['workdays', i], message: '这一天已经填过了' });
  });
  return problems;
}
