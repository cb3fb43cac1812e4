// The working-day calendar as administrators entered it (工作日历): read once from GET /calendar
// and handed to the shared calendar, so dates the app computes (a service point's hours today,
// due dates) follow the years entered since the release, not only the built-in ones.
import { getCalendar, setEnteredCalendar, type CalendarYear } from '@doorstep/shared';
import { request } from './request';

/** The entered years (not the built-in ones) used from now on. */
export function applyCalendar(years: readonly CalendarYear[]): void {
  setEnteredCalendar(Object.fromEntries(years.filter((y) => !y.builtIn).map((y) => [y.year, { source: y.source, holidays: y.holidays, workdays: y.workdays }])));
}

let loading: Promise<{ nextYearMissing: boolean }> | undefined;

/** Once per app start (again after a failure): the entered years, and whether next year's notice is missing. */
export function loadCalendar(): Promise<{ nextYearMissing: boolean }> {
  loading ??= request(getCalendar, {})
    .then((c) => {
      applyCalendar(c.years);
      return { nextYearMissing: c.nextYearMissing };
    })
    .catch((err: unknown) => {
      loading = undefined;
      throw err;
    });
  return loading;
}
