// 工作日历: a year's holidays and make-up working days as an administrator entered them from the
// State Council's notice (one item a year in the CALENDAR partition; its audit chain beside it).
import { Entity } from 'dynamodb-toolbox/entity';
import { item } from 'dynamodb-toolbox/schema/item';
import { list } from 'dynamodb-toolbox/schema/list';
import { map } from 'dynamodb-toolbox/schema/map';
import { number } from 'dynamodb-toolbox/schema/number';
import { string } from 'dynamodb-toolbox/schema/string';
import { table } from '../db/table';

export const CalendarYearEntity = new Entity({
  name: 'CalendarYear',
  table,
  timestamps: false,
  schema: item({
    year: number().key(),
    source: string(),
    holidays: list(map({ name: string(), from: string(), to: string() })),
    workdays: list(string()),
    enteredBy: string(),
    /** The administrator's name as 人员与权限 shows it, for the calendar page. */
    enteredByName: string(),
    enteredAt: string(),
    version: number(),
    auditHead: string(),
  }),
  computeKey: ({ year }) => ({ pk: 'CALENDAR', sk: `YEAR#${year}` }),
});
