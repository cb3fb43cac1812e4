// After and around the fair (WF-13 steps 3 and 5): the venue screen (the fair's employers and
// posts, public, ready the working day before), the employers' receipts (收到简历 / 达成意向 /
// 录用, within 5 working days after; filing closes the office's task in the same transaction,
// a later filing corrects the numbers), and each fair's figures: the counters it keeps, one read.
import { GetItemCommand } from 'dynamodb-toolbox/entity/actions/get';
import { UpdateTransaction } from 'dynamodb-toolbox/entity/actions/transactUpdate';
import { execute } from 'dynamodb-toolbox/entity/actions/transactWrite';
import { $set } from 'dynamodb-toolbox/entity/actions/update';
import { QueryCommand } from 'dynamodb-toolbox/table/actions/query';
import { fairHireWindowEnd, todayInChina, type z, type fairFiguresSchema } from '@doorstep/shared';
import { batchRead } from '../db/batchRead';
import { EmployerMemberEntity, TaskEntity } from '../db/entities';
import { queryAll } from '../db/queryAll';
import { cancelledTransaction } from '../db/errors';
import { table } from '../db/table';
import { ConflictError, ForbiddenError, NotFoundError, RuleError } from '../http/errors';
import type { Principal } from '../http/session';
import { closeTask } from '../tasks/tasks';
import { retryConflicts } from '../concurrency';
import { countOnFair, BoothEntity, FairCheckInEntity, FairCountEntity, FairEntity, FairIntentEntity, FairRegistrationEntity, type FairCounter } from './entities';
import { boothsOf, fairInScope, loadFair, toBoothView, toFairView, type StoredFair } from './fairs';

type FairFigures = z.infer<typeof fairFiguresSchema>;

async function memberOf(userId: string, employerId: string) {
  const { Item } = await EmployerMemberEntity.build(GetItemCommand).key({ employerId, userId }).send();
  if (!Item) throw new NotFoundError('找不到这个单位');
}

/** The unit's booths, fair by fair, newest fair first. */
export async function employerBooths(userId: string, employerId: string) {
  await memberOf(userId, employerId);
  const { Items = [] } = await table.build(QueryCommand).entities(BoothEntity).query({ index: 'gsi2', partition: `EMPLOYER_FAIRS#${employerId}` }).options({ reverse: true, limit: 50 }).send();
  const rows = await Promise.all(
    Items.map(async (b) => {
      const fair = await loadFair(b.fairId);
      return fair ? [{ fair: toFairView(fair), booth: await toBoothView(b, fair) }] : [];
    }),
  );
  return rows.flat();
}

/**
 * The unit files (or corrects) its receipt. Only an accepted booth, from the fair's first day on.
 * The first filing closes the office's collection task in the same transaction (on time when
 * filed by the due day); a task the office already closed (it phoned the unit) is left alone.
 */
export async function fileReceipt(userId: string, fairId: string, employerId: string, r: { resumes: number; intentions: number; hires: number; note?: string }, now = new Date()) {
  await memberOf(userId, employerId);
  const [fair, { Item: booth }] = await Promise.all([loadFair(fairId), BoothEntity.build(GetItemCommand).key({ fairId, employerId }).options({ consistent: true }).send()]);
  if (!fair || !booth) throw new NotFoundError('找不到这个展位');
  if (booth.status !== 'accepted') throw new RuleError('展位审核通过的单位才需要交回执');
  if (todayInChina(now) < fair.startDate) throw new RuleError(`招聘会${fair.startDate}开始，开始后才能交回执`);
  const at = now.toISOString();
  const receipt = { resumes: r.resumes, intentions: r.intentions, hires: r.hires, ...(r.note ? { note: r.note } : {}), filedAt: at, filedBy: userId };
  const task = booth.receiptTaskId ? (await TaskEntity.build(GetItemCommand).key({ taskId: booth.receiptTaskId }).options({ consistent: true }).send()).Item : undefined;
  // The fair's figures move by the difference from the receipt as read; the booth is written only
  // if that receipt is still the one on it (two filings at once: the second is asked to refresh).
  const was = booth.receipt;
  const counted = countOnFair(fairId, {
    receiptsFiled: was ? 0 : 1,
    reportedResumes: r.resumes - (was?.resumes ?? 0),
    reportedIntentions: r.intentions - (was?.intentions ?? 0),
    reportedHires: r.hires - (was?.hires ?? 0),
  });
  const sameReceipt = was ? ({ attr: 'receipt.filedAt', eq: was.filedAt } as const) : ({ attr: 'receipt', exists: false } as const);
  try {
    await retryConflicts(() =>
      execute(
        BoothEntity.build(UpdateTransaction)
          .item({ fairId, employerId, receipt: $set(receipt), updatedAt: at })
          .options({ condition: { and: [{ attr: 'status', eq: 'accepted' }, sameReceipt] } }),
        ...(task && task.status === 'open' ? [closeTask(task, userId, at, `单位已交回执：收到简历${r.resumes}份，达成意向${r.intentions}人，录用${r.hires}人`)] : []),
        counted,
      ),
    );
  } catch (err) {
    // The office closed its task at the same moment: file again without it.
    if (cancelledTransaction(err)?.conditionFailed[1]) return fileReceipt(userId, fairId, employerId, r, now);
    if (cancelledTransaction(err)) throw new ConflictError('展位状态刚刚变了，请刷新后再试');
    throw err;
  }
  return toBoothView({ ...booth, receipt, updatedAt: at }, fair);
}

// ── The venue screen ────────────────────────────────────────────────────────────────────────

/** What the venue screen shows: the accepted booths in number order with their posts. */
export async function screenOf(fairId: string, now = new Date()) {
  const fair = await loadFair(fairId);
  if (!fair || fair.status !== 'published') throw new NotFoundError('找不到这个招聘会');
  const today = todayInChina(now);
  const [booths, { Count = 0 }] = await Promise.all([
    boothsOf(fairId),
    table.build(QueryCommand).entities(FairCheckInEntity).query({ partition: `FAIR#${fairId}`, range: { beginsWith: `CHECKIN#${today}#` } }).options({ select: 'COUNT' }).send(),
  ]);
  const accepted = booths.filter((b) => b.status === 'accepted').sort((a, b) => (a.boothNo ?? 0) - (b.boothNo ?? 0));
  const views = await Promise.all(accepted.map((b) => toBoothView(b, fair)));
  // The screen names units and posts only; receipts stay between the unit and the office.
  return { fair: toFairView(fair), booths: views.map(({ receipt: _r, receiptDue: _d, ...b }) => b), checkedInToday: Count, today, updatedAt: now.toISOString() };
}

/** Staff checked the screen's content: the screen task is done. */
export async function markScreenReady(principal: Principal, fairId: string, now = new Date()) {
  const fair = await fairInScope(principal, fairId);
  if (fair.status !== 'published' || fair.mode !== 'onsite') throw new RuleError('已发布的现场招聘会才有现场大屏');
  if (fair.screenReadyAt) throw new ConflictError('已经确认过大屏内容了');
  const at = now.toISOString();
  const task = fair.screenTaskId ? (await TaskEntity.build(GetItemCommand).key({ taskId: fair.screenTaskId }).options({ consistent: true }).send()).Item : undefined;
  try {
    await execute(
      FairEntity.build(UpdateTransaction).item({ fairId, screenReadyAt: at, updatedAt: at }).options({ condition: { attr: 'screenReadyAt', exists: false } }),
      ...(task && task.status === 'open' ? [closeTask(task, principal.userId, at, '现场大屏内容已核对')] : []),
    );
  } catch (err) {
    if (cancelledTransaction(err)) throw new ConflictError('已经确认过大屏内容了');
    throw err;
  }
  return toFairView({ ...fair, screenReadyAt: at });
}

// ── Figures ─────────────────────────────────────────────────────────────────────────────────

/**
 * A fair's figures: sign-ups, people who checked in (once however many days), units with a booth
 * and the posts they brought, 我有意向 said there and those of them hired by 30 days after the
 * last day, and the units' receipts added up. `final` once the 30 days are over. Public: counts
 * only. One read: the counters the fair keeps (./entities.ts); a fair from before they were kept is
 * counted from its partition.
 */
export async function figuresOf(fairId: string, now = new Date()) {
  // One Query: the fair's counter shards (`COUNT#…`) sort just before the fair itself (`FAIR`).
  const { Items = [] } = await table
    .build(QueryCommand)
    .entities(FairEntity, FairCountEntity)
    .query({ partition: `FAIR#${fairId}`, range: { between: ['COUNT#', 'FAIR'] } })
    .options({ consistent: true })
    .send();
  const fair = Items.find((i): i is StoredFair => !('shard' in i));
  if (!fair || fair.status !== 'published') throw new NotFoundError('找不到这个招聘会');
  const windowEnd = fairHireWindowEnd(fair.endDate);
  // Fairs counted before the shards kept their counts on the fair item: both add up.
  const counts = [fair, ...Items.filter((i) => 'shard' in i)] as Partial<Record<FairCounter, number>>[];
  const sum = (k: FairCounter) => counts.reduce((n, c) => n + (c[k] ?? 0), 0);
  const figures: FairFigures = fair.countsKept
    ? {
        registered: sum('registered'),
        attendees: sum('attendees'),
        employers: fair.accepted,
        posts: fair.posts ?? 0,
        intentions: sum('intentions'),
        hires: sum('hires'),
        receiptsFiled: sum('receiptsFiled'),
        reported: { resumes: sum('reportedResumes'), intentions: sum('reportedIntentions'), hires: sum('reportedHires') },
      }
    : await countedFromPartition(fairId, windowEnd);
  return { fair: toFairView(fair), figures, hireWindowEnd: windowEnd, final: todayInChina(now) > windowEnd };
}

/** The figures counted from the fair's own records (fairs from before the counters; the tests' check on them). */
export async function countedFromPartition(fairId: string, windowEnd: string): Promise<FairFigures> {
  const partition = `FAIR#${fairId}`;
  const query = <E extends typeof FairRegistrationEntity | typeof FairCheckInEntity | typeof FairIntentEntity>(entity: E, prefix: string) =>
    queryAll((cursor) =>
      table
        .build(QueryCommand)
        .entities(entity)
        .query({ partition, range: { beginsWith: prefix } })
        .options({ ...(cursor ? { exclusiveStartKey: cursor } : {}) })
        .send() as Promise<{ Items?: unknown[]; LastEvaluatedKey?: Record<string, unknown> }>,
    );
  const [registrations, checkins, intents, booths] = await Promise.all([
    query(FairRegistrationEntity, 'REG#'),
    query(FairCheckInEntity, 'CHECKIN#') as Promise<{ userId: string }[]>,
    query(FairIntentEntity, 'INTENT#') as Promise<{ applicationId: string }[]>,
    boothsOf(fairId),
  ]);
  const applications = await batchRead<{ status: string; updatedAt: string }>(
    intents.map((t) => ({ pk: `JOBAPP#${t.applicationId}`, sk: 'JOBAPP' })),
    ['status', 'updatedAt'],
  );
  const hires = applications.filter((a) => a.status === 'hired' && todayInChina(new Date(a.updatedAt)) <= windowEnd).length;
  const accepted = booths.filter((b) => b.status === 'accepted');
  const filed = accepted.flatMap((b) => (b.receipt ? [b.receipt] : []));
  return {
    registered: registrations.length,
    attendees: new Set(checkins.map((c) => c.userId)).size,
    employers: accepted.length,
    posts: new Set(accepted.flatMap((b) => b.vacancyIds)).size,
    intentions: intents.length,
    hires,
    receiptsFiled: filed.length,
    reported: {
      resumes: filed.reduce((n, r) => n + r.resumes, 0),
      intentions: filed.reduce((n, r) => n + r.intentions, 0),
      hires: filed.reduce((n, r) => n + r.hires, 0),
    },
  };
}
