// 工作日历 (issue 30): the working-day calendar every deadline reads, with the years a city
// administrator enters from the State Council's notice each November, and the checks a notice
// must pass (noticeProblems in shared/src/domain/calendar.ts: the form and the server both run it).
import * as z from 'zod/mini';
import { defineContract } from './contract';

const isoDate = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, '请选择日期'));

export const holidayNoticeBodySchema = z.strictObject({
    /** The notice's name and date, as published (国务院办公厅关于2027年部分节假日安排的通知). */
    source: z.string().check(z.trim(), z.minLength(6, '请填写通知的名称'), z.maxLength(120, '通知名称太长了')),
    holidays: z.array(z.strictObject({ name: z.string().check(z.trim(), z.minLength(1, '请填写节日名称'), z.maxLength(20, '节日名称太长了')), from: isoDate, to: isoDate })).check(
      z.minLength(1, '请至少填写一个节假日'),
      z.maxLength(20, '节假日太多了'),
    ),
    /** Saturdays and Sundays that are working days (调休上班). */
    workdays: z.array(isoDate).check(z.maxLength(20, '调休上班日太多了')),
});
export type HolidayNoticeBody = z.infer<typeof holidayNoticeBodySchema>;

export const calendarYearSchema = z.object({
  year: z.number().check(z.int()),
  source: z.string(),
  holidays: z.array(z.object({ name: z.string(), from: z.string(), to: z.string() })),
  workdays: z.array(z.string()),
  /** Built into the release (a default), or entered by an administrator (who, when). */
  builtIn: z.boolean(),
  enteredBy: z.optional(z.string()),
  enteredAt: z.optional(z.string()),
  version: z.optional(z.number().check(z.int())),
});
export type CalendarYear = z.infer<typeof calendarYearSchema>;

export const getCalendar = defineContract({
  id: 'getCalendar',
  method: 'GET',
  path: '/calendar',
  summary: '工作日历：内置的和管理员录入的每年节假日与调休上班日；12 月起明年的还没有录入时提示',
  auth: 'public',
  response: z.object({
    years: z.array(calendarYearSchema),
    /** From 1 December, while next year's notice is not in: staff see a warning on their tasks. */
    nextYearMissing: z.boolean(),
  }),
  errors: [],
});

export const enterHolidayNotice = defineContract({
  id: 'enterHolidayNotice',
  method: 'PUT',
  path: '/admin/calendar/{year}',
  summary: '市级管理员录入（或更正）一年的节假日安排（国务院办公厅通知）：日期须在该年内、互不重叠，调休上班日须是周末；留痕',
  auth: ['admin'],
  params: z.object({ year: z.coerce.number().check(z.int(), z.gte(2020), z.lte(2100)) }),
  body: holidayNoticeBodySchema,
  response: z.object({ year: calendarYearSchema }),
  errors: [400, 401, 403, 409],
});
