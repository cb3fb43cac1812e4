// Deadlines. Calendar days for now; the working-day calendar (holidays and make-up working
// days) comes with issue 7 and will live here.
import dayjs from 'dayjs';

/** `date` (YYYY-MM-DD) plus `days` calendar days. */
export function addCalendarDays(date: string, days: number): string {
  return dayjs(date).add(days, 'day').format('YYYY-MM-DD');
}
