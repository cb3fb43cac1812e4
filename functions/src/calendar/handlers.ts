// GET /calendar: public, on the platform function (PUT /admin/calendar/{year} is in ./enter.ts,
// on the administration function, so the platform does not carry the staff module it needs).
import { getCalendar } from '@doorstep/shared';
import { httpHandler } from '../http/handler';
import { calendarYears } from './calendar';

export const calendar = httpHandler(getCalendar, async () => calendarYears());
