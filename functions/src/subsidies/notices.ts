// 公示 (WF-39's PUBLIC_NOTICE): the district publishes a programme's approved applications as a
// notice anyone can read without signing in — community, masked name, subsidy, months, amount; never
// an ID number or a phone — open a set number of days. Publishing is long work, so it runs on the
// subsidy queue: a plan message takes the roster (the approved applications of the district) and
// splits it into parts with their line numbers; each part moves its applications onto the notice,
// line by line in transactions; the last part opens the notice. A message received twice changes
// nothing (each part is counted once, each line written once). When the notice ends (the hourly
// run), its lines without an open objection are cleared for payment.
import { GetItemCommand } from 'dynamodb-toolbox/entity/actions/get';
import { PutTransaction } from 'dynamodb-toolbox/entity/actions/transactPut';
import { UpdateTransaction } from 'dynamodb-toolbox/entity/actions/transactUpdate';
import { UpdateItemCommand } from 'dynamodb-toolbox/entity/actions/update';
import { $add } from 'dynamodb-toolbox/entity/actions/update/symbols';
import { execute } from 'dynamodb-toolbox/entity/actions/transactWrite';
import { QueryCommand } from 'dynamodb-toolbox/table/actions/query';
import type { FormattedItem } from 'dynamodb-toolbox/entity';
import { ulid } from 'ulid';
import { addCalendarDays, isWithinArea, maskName, monthsText, noticeEndsOn, subsidyKindLabels, todayInChina, type SubsidyKind, type SubsidyNotice } from '@doorstep/shared';
import { areaFullName, areaShortName } from '../areas/dataset';
import { chunked, mapLimit } from '../concurrency';
import { decodeTableCursor, encodeKeyCursor } from '../db/cursor';
import { cancelledTransaction } from '../db/errors';
import { queryAll } from '../db/queryAll';
import { table } from '../db/table';
import { getDependencies } from '../deps';
import { ConflictError, ForbiddenError, NotFoundError } from '../http/errors';
import { scopeOf } from '../http/jurisdiction';
import type { RecordAnswer } from '../http/idempotency';
import type { Principal } from '../http/session';
import { logger } from '../logger';
import { SUBSIDY_NOTICES_PARTITION, SubsidyApplicationEntity, SubsidyNoticeEndPartEntity, SubsidyNoticeEntity, SubsidyNoticeLineEntity, SubsidyNoticePartEntity } from './entities';
import { applicationPut, loadApplication, movedApplication, type StoredSubsidyApplication } from './applications';
import { loadSubsidyProgramme } from './programmes';

export type StoredNotice = FormattedItem<typeof SubsidyNoticeEntity>;

/** Applications a part moves onto the notice (a message's work stays well inside the worker's 29 s). */
export const LINES_PER_PART = 250;
/** Applications moved at once within a part: each is its own small transaction (application, line, ledger row). */
const MOVES_AT_ONCE = 4;

export type SubsidyWorkMessage =
  | { kind: 'noticePlan'; noticeId: string }
  | { kind: 'noticePart'; noticeId: string; part: number; firstLine: number; applicationIds: string[] }
  | { kind: 'noticeEnd'; noticeId: string; part: number }
  | { kind: 'paymentPart'; paymentId: string; part: number };

export function toNoticeView(n: StoredNotice): SubsidyNotice {
  return {
    id: n.noticeId,
    programmeId: n.programmeId,
    title: n.title,
    subsidyName: n.subsidyName,
    areaCode: n.areaCode,
    areaName: n.areaName,
    // Ending (its lines being cleared) is over for the public: no more objections.
    status: n.status === 'ending' ? 'ended' : n.status,
    publishedOn: n.publishedOn,
    endsOn: n.endsOn,
    lineCount: n.lineCount,
    amountFen: n.amountFen,
    contactPhone: n.contactPhone,
  };
}

export async function loadNotice(noticeId: string): Promise<StoredNotice | undefined> {
  const { Item } = await SubsidyNoticeEntity.build(GetItemCommand).key({ noticeId }).options({ consistent: true }).send();
  return Item;
}

/** The district publishes: the notice is created at once (publishing) and its roster is taken on the queue. */
export async function publishNotice(principal: Principal, body: { programmeId: string; contactPhone: string }, record?: RecordAnswer<{ notice: SubsidyNotice }>) {
  if (principal.level !== 'district') throw new ForbiddenError('公示由区人社部门发布');
  const scope = scopeOf(principal);
  const p = await loadSubsidyProgramme(body.programmeId);
  if (!p || !(isWithinArea(p.areaCode, scope) || isWithinArea(scope, p.areaCode))) throw new NotFoundError('找不到这个补贴项目');
  if (p.status === 'pending_approval') throw new ConflictError('补贴项目的预算尚未审批');
  const { Items: waiting = [] } = await table
    .build(QueryCommand)
    .entities(SubsidyApplicationEntity)
    .query({ index: 'gsi1', partition: `SUBQ#${p.programmeId}#approved`, range: { beginsWith: scope } })
    .options({ limit: 1 })
    .send();
  if (!waiting.length) throw new ConflictError('没有复审通过、等待公示的申请');
  const now = new Date().toISOString();
  const today = todayInChina();
  const noticeId = ulid();
  const notice: StoredNotice = {
    noticeId,
    programmeId: p.programmeId,
    title: `${areaShortName(scope)}${p.name}拟发放人员名单公示`,
    subsidyName: subsidyKindLabels[p.kind as SubsidyKind],
    areaCode: scope,
    areaName: areaFullName(scope),
    status: 'publishing',
    publishedOn: today,
    endsOn: noticeEndsOn(today, { days: p.noticeDays, unit: p.noticeWorkingDays ? 'working' : 'calendar' }),
    lineCount: 0,
    amountFen: 0,
    contactPhone: body.contactPhone,
    openObjections: 0,
    parts: 0,
    partsDone: 0,
    endPartsDone: 0,
    publishedBy: principal.userId,
    createdAt: now,
    updatedAt: now,
    gsi1pk: SUBSIDY_NOTICES_PARTITION,
    gsi1sk: `${today}#${noticeId}`,
  };
  const answer = { notice: toNoticeView(notice) };
  await execute(SubsidyNoticeEntity.build(PutTransaction).item(notice).options({ condition: { attr: 'noticeId', exists: false } }), ...(record ? [record(answer)] : []));
  await getDependencies().subsidyQueue.send([{ kind: 'noticePlan', noticeId } satisfies SubsidyWorkMessage]);
  return answer;
}

/** The roster: every approved application of the programme in the notice's area, in community order, split into parts. */
export async function planNotice(noticeId: string): Promise<void> {
  const notice = await loadNotice(noticeId);
  if (!notice || notice.parts > 0 || notice.status !== 'publishing') return; // planned already (a redelivery)
  const ids = (
    await queryAll((start) =>
      table
        .build(QueryCommand)
        .entities(SubsidyApplicationEntity)
        .query({ index: 'gsi1', partition: `SUBQ#${notice.programmeId}#approved`, range: { beginsWith: notice.areaCode } })
        .options({ attributes: ['applicationId'], ...(start ? { exclusiveStartKey: start } : {}) })
        .send(),
    )
  ).map((a) => a.applicationId);
  const parts = chunked(ids, LINES_PER_PART);
  try {
    await SubsidyNoticeEntity.build(UpdateItemCommand)
      .item({ noticeId, parts: Math.max(parts.length, 1), lastLine: ids.length })
      .options({ condition: { attr: 'parts', eq: 0 } })
      .send();
  } catch (err) {
    if ((err as Error).name === 'ConditionalCheckFailedException') return;
    throw err;
  }
  const messages: SubsidyWorkMessage[] = parts.map((applicationIds, part) => ({ kind: 'noticePart', noticeId, part, firstLine: part * LINES_PER_PART + 1, applicationIds }));
  // Nothing to list after all (all refused meanwhile): one empty part opens (and ends) it.
  await getDependencies().subsidyQueue.send(messages.length ? messages : [{ kind: 'noticePart', noticeId, part: 0, firstLine: 1, applicationIds: [] }]);
}

/** One application onto the notice: its line, its stage, its ledger row — or nothing, if it is no longer approved. */
async function moveOnto(notice: StoredNotice, applicationId: string, lineNo: number): Promise<number> {
  const a = await loadApplication(applicationId);
  if (!a) return 0;
  if (a.noticeId === notice.noticeId) return a.lineNo === lineNo ? a.amountFen : 0; // moved by an earlier delivery
  if (a.stage !== 'approved') return 0; // refused or moved since the roster was taken: a gap in the numbers
  const now = new Date().toISOString();
  const next = movedApplication(a, 'on_notice', 'system:notice', now, { noticeId: notice.noticeId, lineNo });
  try {
    await execute(
      ...applicationPut(a, next),
      SubsidyNoticeLineEntity.build(PutTransaction)
        .item({
          noticeId: notice.noticeId,
          lineNo,
          applicationId,
          communityName: areaFullName(a.areaCode).replace(areaFullName(notice.areaCode), ''),
          maskedName: maskName(a.personName),
          subsidyName: notice.subsidyName,
          months: a.months.length ? monthsText(a.months) : '一次性',
          amountFen: a.amountFen,
          held: false,
        })
        .options({ condition: { attr: 'lineNo', exists: false } }),
    );
  } catch (err) {
    if (cancelledTransaction(err)) return 0;
    throw err;
  }
  return a.amountFen;
}

export async function workNoticePart(message: Extract<SubsidyWorkMessage, { kind: 'noticePart' }>): Promise<void> {
  const notice = await loadNotice(message.noticeId);
  if (!notice) throw new Error(`subsidy notice ${message.noticeId} not found`);
  const { Item: done } = await SubsidyNoticePartEntity.build(GetItemCommand).key({ noticeId: message.noticeId, part: message.part }).options({ consistent: true }).send();
  if (done) return;
  const amounts = await mapLimit(message.applicationIds, MOVES_AT_ONCE, (id, i) => moveOnto(notice, id, message.firstLine + i));
  const listed = amounts.filter((f) => f > 0).length;
  const amountFen = amounts.reduce((n, f) => n + f, 0);
  try {
    await execute(
      SubsidyNoticePartEntity.build(PutTransaction).item({ noticeId: message.noticeId, part: message.part, listed, amountFen, doneAt: new Date().toISOString() }).options({ condition: { attr: 'noticeId', exists: false } }),
      SubsidyNoticeEntity.build(UpdateTransaction).item({ noticeId: message.noticeId, partsDone: $add(1), amountFen: $add(amountFen), lineCount: $add(listed) }),
    );
  } catch (err) {
    if (cancelledTransaction(err)?.conditionFailed[0]) return;
    throw err;
  }
  const after = await loadNotice(message.noticeId);
  if (after && after.status === 'publishing' && after.partsDone >= after.parts) await openNotice(after);
}

/** Every part is in: the notice opens today, its last day counted from today. */
async function openNotice(n: StoredNotice): Promise<void> {
  const p = await loadSubsidyProgramme(n.programmeId);
  const today = todayInChina();
  const endsOn = noticeEndsOn(today, { days: p?.noticeDays ?? 7, unit: p?.noticeWorkingDays ? 'working' : 'calendar' });
  await SubsidyNoticeEntity.build(UpdateItemCommand)
    .item({ noticeId: n.noticeId, status: 'open', publishedOn: today, endsOn, gsi1sk: `${today}#${n.noticeId}`, updatedAt: new Date().toISOString() })
    .options({ condition: { attr: 'status', eq: 'publishing' } })
    .send()
    .catch((err: Error) => {
      if (err.name !== 'ConditionalCheckFailedException') throw err;
    });
}

/** Notices, newest first. Few (a district publishes a batch a month or so): one partition. */
async function allNotices(): Promise<StoredNotice[]> {
  return queryAll((start) =>
    table
      .build(QueryCommand)
      .entities(SubsidyNoticeEntity)
      .query({ index: 'gsi1', partition: SUBSIDY_NOTICES_PARTITION })
      .options({ reverse: true, ...(start ? { exclusiveStartKey: start } : {}) })
      .send(),
  );
}

/** The public list: notices open now, and those ended in the last 30 days. */
export async function publicNotices() {
  const since = addCalendarDays(todayInChina(), -30);
  const items = (await allNotices()).filter((n) => n.status !== 'publishing' && n.endsOn >= since);
  return { items: items.map(toNoticeView) };
}

export async function staffNotices(principal: Principal) {
  const scope = scopeOf(principal);
  const items = (await allNotices()).filter((n) => isWithinArea(n.areaCode, scope) || isWithinArea(scope, n.areaCode));
  return { items: items.map((n) => ({ ...toNoticeView(n), openObjections: n.openObjections, ...(n.paymentId ? { paymentBatchId: n.paymentId } : {}) })) };
}

/** A page of a notice's lines, for anyone: masked, never an ID number or a phone. */
export async function publicNotice(noticeId: string, cursor?: string) {
  const n = await loadNotice(noticeId);
  if (!n || n.status === 'publishing') throw new NotFoundError('找不到这份公示');
  const partition = `SUBNOTICE#${noticeId}`;
  const page = await table
    .build(QueryCommand)
    .entities(SubsidyNoticeLineEntity)
    .query({ partition, range: { beginsWith: 'LINE#' } })
    .options({ limit: 50, ...(cursor ? { exclusiveStartKey: decodeTableCursor(cursor, partition, 'LINE#') } : {}) })
    .send();
  return {
    notice: toNoticeView(n),
    lines: (page.Items ?? []).map((l) => ({ lineNo: l.lineNo, communityName: l.communityName, maskedName: l.maskedName, subsidyName: l.subsidyName, months: l.months, amountFen: l.amountFen, held: l.held })),
    ...(page.LastEvaluatedKey ? { nextCursor: encodeKeyCursor(page.LastEvaluatedKey as Record<string, string>) } : {}),
  };
}

const lineKey = (lineNo: number) => `LINE#${String(lineNo).padStart(6, '0')}`;

/** A part's lines (`part` of LINES_PER_PART), or every line. */
export async function readNoticeLines(noticeId: string, part?: number) {
  const range = part === undefined ? { beginsWith: 'LINE#' } : { between: [lineKey(part * LINES_PER_PART + 1), lineKey((part + 1) * LINES_PER_PART)] as [string, string] };
  return queryAll((start) =>
    table
      .build(QueryCommand)
      .entities(SubsidyNoticeLineEntity)
      .query({ partition: `SUBNOTICE#${noticeId}`, range })
      .options({ consistent: true, ...(start ? { exclusiveStartKey: start } : {}) })
      .send(),
  );
}

/**
 * The hourly run: a notice whose last day has passed stops taking objections (ending), and its
 * parts are queued; each part clears its lines still on notice for payment (a held one waits for
 * its objection's decision), counted once; the last part ends the notice, and finance may pay.
 */
export async function endNotices(today = todayInChina()): Promise<number> {
  const due = (await allNotices()).filter((n) => (n.status === 'open' && n.endsOn < today) || n.status === 'ending');
  for (const n of due) {
    if (n.status === 'open') {
      const started = await SubsidyNoticeEntity.build(UpdateItemCommand)
        .item({ noticeId: n.noticeId, status: 'ending', updatedAt: new Date().toISOString() })
        .options({ condition: { attr: 'status', eq: 'open' } })
        .send()
        .then(() => true)
        .catch((err: Error) => {
          if (err.name === 'ConditionalCheckFailedException') return false;
          throw err;
        });
      if (!started) continue;
    } else if (n.endPartsDone >= n.parts) {
      await finishEnding(n.noticeId);
      continue;
    }
    // Parts already counted are skipped by their markers: queuing them again (a run that stopped half way) is harmless.
    const parts = Array.from({ length: Math.max(n.parts, 1) }, (_, part) => ({ kind: 'noticeEnd' as const, noticeId: n.noticeId, part }));
    await getDependencies().subsidyQueue.send(parts);
  }
  return due.length;
}

export async function workNoticeEnd(message: Extract<SubsidyWorkMessage, { kind: 'noticeEnd' }>): Promise<void> {
  const n = await loadNotice(message.noticeId);
  if (!n || n.status !== 'ending') return;
  const { Item: done } = await SubsidyNoticeEndPartEntity.build(GetItemCommand).key({ noticeId: n.noticeId, part: message.part }).options({ consistent: true }).send();
  if (done) return;
  const lines = await readNoticeLines(n.noticeId, message.part);
  await mapLimit(lines, MOVES_AT_ONCE, async (line) => {
    const a = await loadApplication(line.applicationId);
    if (a?.stage === 'on_notice') await clearForPayment(a);
  });
  try {
    await execute(
      SubsidyNoticeEndPartEntity.build(PutTransaction).item({ noticeId: n.noticeId, part: message.part, lines: lines.length, doneAt: new Date().toISOString() }).options({ condition: { attr: 'noticeId', exists: false } }),
      SubsidyNoticeEntity.build(UpdateTransaction).item({ noticeId: n.noticeId, endPartsDone: $add(1) }),
    );
  } catch (err) {
    if (cancelledTransaction(err)?.conditionFailed[0]) return;
    throw err;
  }
  const after = await loadNotice(n.noticeId);
  if (after && after.endPartsDone >= after.parts) await finishEnding(n.noticeId);
  logger.info('subsidy notice part ended', { noticeId: n.noticeId, part: message.part, lines: lines.length });
}

async function finishEnding(noticeId: string): Promise<void> {
  await SubsidyNoticeEntity.build(UpdateItemCommand)
    .item({ noticeId, status: 'ended', updatedAt: new Date().toISOString() })
    .options({ condition: { attr: 'status', eq: 'ending' } })
    .send()
    .catch((err: Error) => {
      if (err.name !== 'ConditionalCheckFailedException') throw err;
    });
}

/** On notice (or released from a hold) after the notice ended: waiting for finance. */
export async function clearForPayment(a: StoredSubsidyApplication, by = 'system:notice'): Promise<void> {
  const now = new Date().toISOString();
  const next = movedApplication(a, 'cleared', by, now);
  try {
    await execute(...applicationPut(a, next));
  } catch (err) {
    if (!cancelledTransaction(err)) throw err; // moved meanwhile: its new stage decides
  }
}
