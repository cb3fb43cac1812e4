// PUT /admin/calendar/{year}: a city administrator enters or corrects a year's notice (on the
// administration function, beside 人员与权限, whose record names who entered it).
import { GetItemCommand } from 'dynamodb-toolbox/entity/actions/get';
import { PutTransaction } from 'dynamodb-toolbox/entity/actions/transactPut';
import { execute } from 'dynamodb-toolbox/entity/actions/transactWrite';
import { enterHolidayNotice, noticeProblems, type CalendarYear, type HolidayNoticeBody } from '@doorstep/shared';
import { nameOf } from '../administration/staff';
import { formatAuditHead, nextAuditEvent, parseAuditHead } from '../audit/events';
import { isConditionFailure } from '../db/errors';
import { ConflictError, ForbiddenError, ValidationError } from '../http/errors';
import { httpHandler } from '../http/handler';
import type { Principal } from '../http/session';
import { ensureCalendar } from './calendar';
import { CalendarYearEntity } from './entities';

export const enter = httpHandler(enterHolidayNotice, async ({ principal, params, body }) => ({
  year: await enterNotice(principal, params.year, body, await nameOf(principal)),
}));

/**
 * A city administrator enters (or corrects) a year's notice: checked (dates in that year, no
 * overlaps, make-up days on weekends), written with its audit event in one transaction (a
 * correction racing another loses on the version), and used at once.
 */
export async function enterNotice(principal: Principal, year: number, notice: HolidayNoticeBody, enteredByName: string, now = new Date()): Promise<CalendarYear> {
  if (principal.level !== 'city') throw new ForbiddenError('节假日安排由市级管理员录入');
  const problems = noticeProblems(year, notice);
  if (problems.length) throw new ValidationError(problems);
  const at = now.toISOString();
  const { Item: before } = await CalendarYearEntity.build(GetItemCommand).key({ year }).options({ consistent: true }).send();
  const version = (before?.version ?? 0) + 1;
  const audit = nextAuditEvent(before ? parseAuditHead(before.auditHead) : undefined, {
    recordType: 'calendar',
    recordId: String(year),
    actorId: principal.userId,
    at,
    action: before ? 'correct' : 'enter',
    fromState: before ? `v${before.version}` : 'none',
    toState: `v${version}`,
    reason: notice.source,
  });
  const item = { year, source: notice.source, holidays: notice.holidays, workdays: notice.workdays, enteredBy: principal.userId, enteredByName, enteredAt: at, version, auditHead: formatAuditHead(audit.head) };
  try {
    await execute(
      CalendarYearEntity.build(PutTransaction)
        .item(item)
        .options({ condition: before ? { attr: 'version', eq: before.version } : { attr: 'year', exists: false } }),
      audit.put,
    );
  } catch (err) {
    if (isConditionFailure(err)) throw new ConflictError('这一年的安排刚被别人改过，请刷新后再改');
    throw err;
  }
  await ensureCalendar({ force: true });
  return { year, source: item.source, holidays: item.holidays, workdays: item.workdays, builtIn: false, enteredBy: enteredByName, enteredAt: at, version };
}
