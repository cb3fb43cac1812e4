// 工作日历 (issue 30): the years an administrator entered from the State Council's notice, kept
// in the table (one item a year, its audit chain beside it), read by every function and used in
// place of the built-in years (shared/src/domain/calendar.ts) — so every deadline the product
// computes (tasks, answers, disputes, fairs) follows the notice from the moment it is entered,
// without a deploy.
import { QueryCommand } from 'dynamodb-toolbox/table/actions/query';
import type { FormattedItem } from 'dynamodb-toolbox/entity';
import { HOLIDAY_CALENDAR, nextYearMissing, setEnteredCalendar, todayInChina, type CalendarYear, type HolidayYear } from '@doorstep/shared';
import { table, tableName } from '../db/table';
import { logger } from '../logger';
import { CalendarYearEntity } from './entities';

type Stored = FormattedItem<typeof CalendarYearEntity>;

async function enteredYears(): Promise<Stored[]> {
  const { Items = [] } = await table.build(QueryCommand).entities(CalendarYearEntity).query({ partition: 'CALENDAR' }).send();
  return Items;
}

const asYear = (y: Stored): HolidayYear => ({ source: y.source, holidays: y.holidays.map((h) => ({ ...h })), workdays: [...y.workdays] });

/** How long a function keeps the entered years before reading them again. */
const FRESH_MS = 5 * 60_000;
const loaded = new Map<string, number>();

/**
 * Every function calls this before computing a date (the HTTP wrapper, the stream and queue
 * consumers): the entered years read at most every five minutes per table, and used.
 */
export async function ensureCalendar({ force = false }: { force?: boolean } = {}): Promise<void> {
  try {
    const key = tableName();
    const at = loaded.get(key);
    if (!force && at !== undefined && Date.now() - at < FRESH_MS) return;
    const years = await enteredYears();
    setEnteredCalendar(Object.fromEntries(years.map((y) => [y.year, asYear(y)])));
    loaded.set(key, Date.now());
  } catch (err) {
    // The calendar in use stays (the built-in years, or those read last); the next call tries again.
    logger.warn('working-day calendar not read', { error: err as Error });
  }
}

/** Every year the calendar knows: the built-in ones, each replaced by its entered notice if there is one. */
export async function calendarYears(today = todayInChina()): Promise<{ years: CalendarYear[]; nextYearMissing: boolean }> {
  const entered = await enteredYears();
  setEnteredCalendar(Object.fromEntries(entered.map((y) => [y.year, asYear(y)])));
  const years = new Map<number, CalendarYear>();
  for (const [year, y] of Object.entries(HOLIDAY_CALENDAR)) {
    years.set(Number(year), { year: Number(year), source: y.source, holidays: y.holidays.map((h) => ({ ...h })), workdays: [...y.workdays], builtIn: true });
  }
  for (const y of entered) {
    years.set(y.year, { year: y.year, source: y.source, holidays: y.holidays.map((h) => ({ ...h })), workdays: [...y.workdays], builtIn: false, enteredBy: y.enteredByName, enteredAt: y.enteredAt, version: y.version });
  }
  return { years: [...years.values()].sort((a, b) => a.year - b.year), nextYearMissing: nextYearMissing(today) };
}
