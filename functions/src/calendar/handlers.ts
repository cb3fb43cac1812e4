// GET /calendar (public, on the platform function) and PUT /admin/calendar/{year} (a city
// administrator, on the administration function).
import { enterHolidayNotice, getCalendar } from '@doorstep/shared';
import { nameOf } from '../administration/staff';
import { httpHandler } from '../http/handler';
import { calendarYears, enterNotice } from './calendar';

export const calendar = httpHandler(getCalendar, async () => calendarYears());

export const enter = httpHandler(enterHolidayNotice, async ({ principal, params, body }) => ({
  year: await enterNotice(principal, params.year, body, await nameOf(principal)),
}));
