// Settlement runs (拨付): each voucher is queued by its own redemption's transaction; a run (daily, or
// on demand by finance, done by the settlement worker off HTTP) moves a programme's queued vouchers
// into one batch, in transactions of a few dozen: each voucher `redeemed → settling` under a
// condition, its audit event, its queue entry deleted, and a chunk row holding that transaction's
// sums per payee. A batch's totals are the sum of its chunks, so whatever a crash interrupts, what
// is in a batch and what it adds up to never disagree.
import { DeleteItemCommand } from 'dynamodb-toolbox/entity/actions/delete';
import { GetItemCommand } from 'dynamodb-toolbox/entity/actions/get';
import { PutItemCommand } from 'dynamodb-toolbox/entity/actions/put';
import { $add, $append, UpdateItemCommand } from 'dynamodb-toolbox/entity/actions/update';
import { UpdateTransaction } from 'dynamodb-toolbox/entity/actions/transactUpdate';
import { ConditionCheck } from 'dynamodb-toolbox/entity/actions/transactCheck';
import { DeleteTransaction } from 'dynamodb-toolbox/entity/actions/transactDelete';
import { PutTransaction } from 'dynamodb-toolbox/entity/actions/transactPut';
import { execute } from 'dynamodb-toolbox/entity/actions/transactWrite';
import { QueryCommand } from 'dynamodb-toolbox/table/actions/query';
import { ulid } from 'ulid';
import { isWithinArea } from '@doorstep/shared';
import { formatAuditHead, nextAuditEvent, parseAuditHead } from '../../audit/events';
import { chunked, mapLimit, retryConflicts } from '../../concurrency';
import { queryAll } from '../../db/queryAll';
import { EmployerPayoutAccountEntity, PayoutAccountEntity } from '../../payouts/entities';
import { BATCHES_PARTITION, BUILDING_BATCHES_PARTITION, BatchChunkEntity, BatchEntity, PayoutLineEntity, ProviderEntity, SettlementQueueEntity, SettlementRunEntity, SettlementRunUnitEntity, VoucherEntity, VoucherProgrammeEntity, batchVouchersKeys } from '../entities';
import { cancelledTransaction } from '../../db/errors';
import { table } from '../../db/table';
import { getDependencies } from '../../deps';
import { NotFoundError } from '../../http/errors';
import type { RecordAnswer } from '../../http/idempotency';
import type { Principal } from '../../http/session';
import { logger } from '../../logger';
import { allProgrammes, type StoredProgramme, type StoredVoucher } from '../store';
import { scopeOf } from '../access';
import { StoredBatch, StoredRun, SettlementHooks, toBatchView, loadVouchers } from './common';

/** Vouchers per settlement transaction: 3 writes each (voucher, audit event, queue entry) plus the chunk row and the batch check. */
export const SETTLE_CHUNK = 32;
/** A batch still `building` this long after it was started belongs to a run that died: the next run finishes it. */
const BUILDING_LEASE_MS = 20 * 60 * 1000;

// ── Runs ──────────────────────────────────────────────────────────────────────────────────

class BatchClosedError extends Error {}

async function createBatch(p: StoredProgramme, runId: string, now: Date): Promise<StoredBatch> {
  const batchId = ulid(now.getTime());
  const at = now.toISOString();
  const batch: StoredBatch = {
    batchId,
    runId,
    programmeId: p.programmeId,
    programmeName: p.name,
    kind: p.kind,
    areaCode: p.areaCode,
    status: 'building',
    voucherCount: 0,
    amountFen: 0,
    lineCount: 0,
    paidFen: 0,
    failedFen: 0,
    createdAt: at,
    updatedAt: at,
    version: 1,
    auditHead: '0:0',
    gsi1pk: BATCHES_PARTITION,
    gsi1sk: `${at}#${batchId}`,
    gsi2pk: BUILDING_BATCHES_PARTITION,
    gsi2sk: `${at}#${batchId}`,
  };
  await BatchEntity.build(PutItemCommand).item(batch).options({ condition: { attr: 'batchId', exists: false } }).send();
  return batch;
}

/**
 * Moves some queued vouchers into the batch in one transaction. Vouchers no longer `redeemed`
 * (reversed, or taken by a concurrent run) are dropped from the queue and left alone; a
 * voucher that changed under us makes the transaction fail, and the chunk is read again.
 */
async function settleChunk(batch: StoredBatch, voucherIds: string[], actorId: string): Promise<{ count: number; amountFen: number }> {
  for (let attempt = 0; attempt < 6; attempt += 1) {
    const vouchers = await loadVouchers(voucherIds);
    const live = vouchers.filter((v): v is StoredVoucher => v?.status === 'redeemed' && v.programmeId === batch.programmeId);
    const stale = voucherIds.filter((id, i) => vouchers[i]?.status !== 'redeemed');
    await Promise.all(stale.map((voucherId) => SettlementQueueEntity.build(DeleteItemCommand).key({ programmeId: batch.programmeId, voucherId }).send()));
    if (live.length === 0) return { count: 0, amountFen: 0 };

    const at = new Date().toISOString();
    const payees: Record<string, [number, number]> = {};
    const writes = live.flatMap((v) => {
      const audit = nextAuditEvent(parseAuditHead(v.auditHead), { recordType: 'Voucher', recordId: v.voucherId, actorId, at, action: 'settling', fromState: 'redeemed', toState: 'settling', reason: batch.batchId });
      const payeeKey = v.payeeKey ?? `person#${v.holderId}`;
      const [n, fen] = payees[payeeKey] ?? [0, 0];
      payees[payeeKey] = [n + 1, fen + v.faceValueFen];
      const { payoutReason: _gone, ...rest } = v;
      return [
        VoucherEntity.build(PutTransaction)
          .item({ ...rest, status: 'settling', batchId: batch.batchId, payoutStatus: 'pending', updatedAt: at, version: v.version + 1, auditHead: formatAuditHead(audit.head), ...batchVouchersKeys(batch.batchId, payeeKey, v.voucherId) })
          .options({ condition: { and: [{ attr: 'status', eq: 'redeemed' }, { attr: 'version', eq: v.version }] } }),
        audit.put,
        SettlementQueueEntity.build(DeleteTransaction).key({ programmeId: batch.programmeId, voucherId: v.voucherId }),
      ];
    });
    const amountFen = live.reduce((n, v) => n + v.faceValueFen, 0);
    try {
      await retryConflicts(() =>
        execute(
          BatchEntity.build(ConditionCheck).key({ batchId: batch.batchId }).condition({ and: [{ attr: 'status', eq: 'building' }, { attr: 'closedAt', exists: false }] }),
          BatchChunkEntity.build(PutTransaction)
            .item({ batchId: batch.batchId, chunkId: ulid(), voucherCount: live.length, amountFen, payeesJson: JSON.stringify(payees) })
            .options({ condition: { attr: 'chunkId', exists: false } }),
          ...writes,
        ),
      );
      return { count: live.length, amountFen };
    } catch (err) {
      const cancelled = cancelledTransaction(err);
      if (!cancelled) throw err;
      if (cancelled.conditionFailed[0]) throw new BatchClosedError();
      // A voucher moved under us (reversed, or taken by another run): read the chunk again.
    }
  }
  throw new Error('settlement chunk kept changing under concurrent writers');
}

/** Sums a batch's chunks per payee, writes its payout lines and makes it `ready`. Safe to repeat after a crash. */
async function finaliseBatch(batch: StoredBatch, actorId: string, hooks: SettlementHooks): Promise<StoredBatch | undefined> {
  // Close it first: a chunk committing after this fails its check on the batch, and every chunk
  // committed before is in the consistent read below. So the lines hold every voucher in the batch.
  try {
    await BatchEntity.build(UpdateItemCommand)
      .item({ batchId: batch.batchId, closedAt: new Date().toISOString() })
      .options({ condition: { attr: 'status', eq: 'building' } })
      .send();
  } catch (err) {
    if ((err as { name?: string }).name === 'ConditionalCheckFailedException') return undefined; // finished by another run
    throw err;
  }
  const chunks = await queryAll((start) =>
    table
      .build(QueryCommand)
      .entities(BatchChunkEntity)
      .query({ partition: `BATCH#${batch.batchId}`, range: { beginsWith: 'CHUNK#' } })
      .options({ consistent: true, ...(start ? { exclusiveStartKey: start } : {}) })
      .send(),
  );
  const payees = new Map<string, [number, number]>();
  for (const c of chunks) {
    for (const [key, [n, fen]] of Object.entries(JSON.parse(c.payeesJson) as Record<string, [number, number]>)) {
      const [n0, fen0] = payees.get(key) ?? [0, 0];
      payees.set(key, [n0 + n, fen0 + fen]);
    }
  }
  if (payees.size === 0) {
    // Everything it was going to take went elsewhere: no batch.
    await BatchEntity.build(DeleteItemCommand).key({ batchId: batch.batchId }).options({ condition: { attr: 'status', eq: 'building' } }).send().catch(() => undefined);
    return undefined;
  }
  const keys = [...payees.keys()].sort();
  await mapLimit(keys, 8, async (payeeKey, i) => {
    const [type, id] = payeeKey.split('#');
    const account =
      type === 'provider'
        ? (await ProviderEntity.build(GetItemCommand).key({ employerId: id }).send()).Item
        : type === 'employer'
          ? (await EmployerPayoutAccountEntity.build(GetItemCommand).key({ employerId: id }).send()).Item
          : (await PayoutAccountEntity.build(GetItemCommand).key({ userId: id }).send()).Item;
    if (!account) throw new Error(`no payout account for ${type}`);
    const [voucherCount, amountFen] = payees.get(payeeKey)!;
    await PayoutLineEntity.build(PutItemCommand)
      .item({
        batchId: batch.batchId,
        lineNo: i + 1,
        lineId: `${batch.batchId}-${i + 1}`,
        payeeKey,
        payeeName: account.accountName,
        accountCipher: account.accountCipher,
        accountMasked: account.accountMasked,
        bankName: account.bankName,
        amountFen,
        voucherCount,
        status: 'pending',
      })
      .options({ condition: { or: [{ attr: 'lineId', exists: false }, { attr: 'status', eq: 'pending' }] } })
      .send();
  });
  await hooks.step?.('lines_written');
  const at = new Date().toISOString();
  const audit = nextAuditEvent(undefined, { recordType: 'SettlementBatch', recordId: batch.batchId, actorId, at, action: 'build', fromState: 'building', toState: 'ready' });
  const { Item: closed } = await BatchEntity.build(GetItemCommand).key({ batchId: batch.batchId }).options({ consistent: true }).send();
  if (!closed || closed.status !== 'building') return undefined;
  const { gsi2pk: _a, gsi2sk: _b, ...rest } = closed;
  const ready: StoredBatch = {
    ...rest,
    status: 'ready',
    voucherCount: [...payees.values()].reduce((n, [c]) => n + c, 0),
    amountFen: [...payees.values()].reduce((n, [, f]) => n + f, 0),
    lineCount: keys.length,
    updatedAt: at,
    version: closed.version + 1,
    auditHead: formatAuditHead(audit.head),
  };
  try {
    await execute(BatchEntity.build(PutTransaction).item(ready).options({ condition: { and: [{ attr: 'status', eq: 'building' }, { attr: 'version', eq: closed.version }] } }), audit.put);
  } catch (err) {
    if (!cancelledTransaction(err)) throw err;
    return undefined; // another run finished it
  }
  await hooks.step?.('batch_ready');
  return ready;
}

async function settleProgramme(p: StoredProgramme, runId: string, actorId: string, hooks: SettlementHooks): Promise<StoredBatch[]> {
  const done: StoredBatch[] = [];
  let batch: StoredBatch | undefined;
  let start: Record<string, unknown> | undefined;
  const queuePage = (from?: Record<string, unknown>) =>
    table
      .build(QueryCommand)
      .entities(SettlementQueueEntity)
      .query({ partition: `SETTLE_Q#${p.programmeId}` })
      .options({ consistent: true, limit: SETTLE_CHUNK * 32, ...(from ? { exclusiveStartKey: from } : {}) })
      .send();
  let next = queuePage();
  do {
    const page = await next;
    // The next page is read while this one settles (its keys are past this page's, which only shrinks).
    if (page.LastEvaluatedKey) {
      next = queuePage(page.LastEvaluatedKey);
      next.catch(() => undefined); // awaited on the next turn; a failure there is thrown there
    }
    const ids = (page.Items ?? []).map((q) => q.voucherId);
    for (const group of chunked(chunked(ids, SETTLE_CHUNK), 4)) {
      if (!batch) {
        batch = await createBatch(p, runId, new Date());
        await hooks.step?.('batch_created');
      }
      const current: StoredBatch = batch;
      try {
        await Promise.all(
          group.map(async (chunk) => {
            const { count } = await settleChunk(current, chunk, actorId);
            if (count > 0) await hooks.settled?.(count);
            await hooks.step?.('chunk');
          }),
        );
      } catch (err) {
        if (!(err instanceof BatchClosedError)) throw err;
        batch = undefined; // another run finished ours: what is left goes into a new one on the next page
      }
    }
    start = page.LastEvaluatedKey;
  } while (start);
  if (batch) {
    const ready = await finaliseBatch(batch, actorId, hooks);
    if (ready) done.push(ready);
  }
  return done;
}

/** Finishes the batches that runs which died left `building` (past their lease), within `inScope`. */
async function finishLeftovers(inScope: (area: string) => boolean, actorId: string, hooks: SettlementHooks, now: Date): Promise<StoredBatch[]> {
  const leftovers = await queryAll((start) =>
    table
      .build(QueryCommand)
      .entities(BatchEntity)
      .query({ index: 'gsi2', partition: BUILDING_BATCHES_PARTITION, range: { lt: new Date(now.getTime() - BUILDING_LEASE_MS).toISOString() } })
      .options(start ? { exclusiveStartKey: start } : {})
      .send(),
  );
  const batches: StoredBatch[] = [];
  for (const b of leftovers.filter((x) => inScope(x.areaCode))) {
    const { Item: fresh } = await BatchEntity.build(GetItemCommand).key({ batchId: b.batchId }).options({ consistent: true }).send();
    if (fresh?.status !== 'building') continue;
    const ready = await finaliseBatch(fresh, actorId, hooks);
    if (ready) batches.push(ready);
  }
  return batches;
}

const scopeTest = (scope: string) => (area: string) => !scope || isWithinArea(area, scope) || isWithinArea(scope, area);

/**
 * One settlement run over the approved programmes (of a jurisdiction, when finance asks), in
 * this process: first any batch a dead run left `building`, then each programme's queue. The
 * worker does the same one unit per queue message; this is what the tests and benchmarks drive.
 */
export async function runSettlement(opts: { actorId: string; scope?: string; now?: Date; hooks?: SettlementHooks }) {
  const hooks = opts.hooks ?? {};
  const now = opts.now ?? new Date();
  const runId = ulid(now.getTime());
  const inScope = scopeTest(opts.scope ?? '');
  const batches = await finishLeftovers(inScope, opts.actorId, hooks, now);
  for (const p of (await allProgrammes()).filter((x) => x.status === 'approved' && inScope(x.areaCode))) {
    batches.push(...(await settleProgramme(p, runId, opts.actorId, hooks)));
  }
  const summary = { runId, batches, voucherCount: batches.reduce((n, b) => n + b.voucherCount, 0), amountFen: batches.reduce((n, b) => n + b.amountFen, 0) };
  logger.info('settlement run', { runId, batches: batches.length, vouchers: summary.voucherCount, amountFen: summary.amountFen });
  return summary;
}

// ── Runs off HTTP: started at once, done by the worker one unit per queue message ──────────

/** The unit that finishes batches dead runs left `building`; every other unit is a programme id. */
export const LEFTOVERS_UNIT = 'leftovers';
export interface RunUnitMessage {
  runId: string;
  unit: string;
}

async function countQueued(programmeId: string): Promise<number> {
  let n = 0;
  let start: Record<string, unknown> | undefined;
  do {
    const page = await table
      .build(QueryCommand)
      .entities(SettlementQueueEntity)
      .query({ partition: `SETTLE_Q#${programmeId}` })
      .options({ select: 'COUNT', ...(start ? { exclusiveStartKey: start } : {}) })
      .send();
    n += page.Count ?? 0;
    start = page.LastEvaluatedKey;
  } while (start);
  return n;
}

/**
 * Starts a run: writes it with what there is to do (and, for finance's request, the answer to its
 * Idempotency-Key, in the same transaction), then puts one message per unit on the settlement
 * queue. Answers at once; `GET /settlement-runs/{id}` shows the progress. Should the queue refuse
 * the messages, the run and its recorded answer are taken back, so a retry starts it again.
 */
export async function startRun(
  opts: { actorId: string; scope: string; now?: Date },
  record?: RecordAnswer<{ run: Awaited<ReturnType<typeof runView>> }>,
  forgetAnswer?: () => Promise<void>,
): Promise<{ run: Awaited<ReturnType<typeof runView>> }> {
  const now = opts.now ?? new Date();
  const inScope = scopeTest(opts.scope);
  const programmes = (await allProgrammes()).filter((x) => x.status === 'approved' && inScope(x.areaCode));
  const queued = await mapLimit(programmes, 8, (p) => countQueued(p.programmeId));
  const run: StoredRun = {
    runId: ulid(now.getTime()),
    actorId: opts.actorId,
    scope: opts.scope,
    status: 'running',
    unitsTotal: programmes.length + 1,
    unitsDone: 0,
    vouchersTotal: queued.reduce((a, b) => a + b, 0),
    vouchersDone: 0,
    voucherCount: 0,
    amountFen: 0,
    batchIds: [],
    failures: 0,
    createdAt: now.toISOString(),
  };
  const answer = { run: await runView(run) };
  await execute(SettlementRunEntity.build(PutTransaction).item(run).options({ condition: { attr: 'runId', exists: false } }), ...(record ? [record(answer)] : []));
  const units: RunUnitMessage[] = [{ runId: run.runId, unit: LEFTOVERS_UNIT }, ...programmes.map((p) => ({ runId: run.runId, unit: p.programmeId }))];
  try {
    await getDependencies().settlementQueue.send(units);
  } catch (err) {
    await SettlementRunEntity.build(DeleteItemCommand).key({ runId: run.runId }).send().catch(() => undefined);
    await forgetAnswer?.().catch(() => undefined);
    throw err;
  }
  logger.info('settlement run started', { runId: run.runId, units: units.length, vouchers: run.vouchersTotal });
  return answer;
}

/**
 * Does one unit of a run. A unit already done (a redelivered message) does nothing; one that
 * fails half-way is safe to do again: the batches it built are finished or continued, and each
 * voucher moves once under its condition. The unit's result and the run's counters are written
 * in one transaction, so they are counted once.
 */
export async function workRunUnit(message: RunUnitMessage, hooks: SettlementHooks = {}): Promise<void> {
  const { runId, unit } = message;
  const { Item: run } = await SettlementRunEntity.build(GetItemCommand).key({ runId }).options({ consistent: true }).send();
  if (!run) throw new Error(`settlement run ${runId} does not exist`);
  const { Item: done } = await SettlementRunUnitEntity.build(GetItemCommand).key({ runId, unit }).options({ consistent: true }).send();
  if (done) return;
  const progress: SettlementHooks = {
    ...hooks,
    settled: async (count) => {
      await SettlementRunEntity.build(UpdateItemCommand).item({ runId, vouchersDone: $add(count) }).send();
      await hooks.settled?.(count);
    },
  };
  let batches: StoredBatch[];
  if (unit === LEFTOVERS_UNIT) {
    batches = await finishLeftovers(scopeTest(run.scope), run.actorId, progress, new Date());
  } else {
    const { Item: p } = await VoucherProgrammeEntity.build(GetItemCommand).key({ programmeId: unit }).send();
    batches = p && p.status === 'approved' ? await settleProgramme(p, runId, run.actorId, progress) : [];
  }
  const voucherCount = batches.reduce((n, b) => n + b.voucherCount, 0);
  const amountFen = batches.reduce((n, b) => n + b.amountFen, 0);
  const at = new Date().toISOString();
  try {
    await execute(
      SettlementRunUnitEntity.build(PutTransaction).item({ runId, unit, voucherCount, amountFen, at }).options({ condition: { attr: 'unit', exists: false } }),
      SettlementRunEntity.build(UpdateTransaction).item({
        runId,
        unitsDone: $add(1),
        voucherCount: $add(voucherCount),
        amountFen: $add(amountFen),
        batchIds: $append(batches.map((b) => b.batchId)),
      }),
    );
  } catch (err) {
    if (cancelledTransaction(err)?.conditionFailed[0]) return; // a twin delivery finished it first
    throw err;
  }
  // The last unit closes the run.
  await SettlementRunEntity.build(UpdateItemCommand)
    .item({ runId, status: 'done', finishedAt: at })
    .options({ condition: { and: [{ attr: 'status', eq: 'running' }, { attr: 'unitsDone', gte: run.unitsTotal }] } })
    .send()
    .catch((err) => {
      if ((err as { name?: string }).name !== 'ConditionalCheckFailedException') throw err;
    });
}

/** A unit attempt failed: counted on the run, so finance sees it (the queue retries it). */
export async function recordRunFailure(runId: string): Promise<void> {
  await SettlementRunEntity.build(UpdateItemCommand).item({ runId, failures: $add(1) }).options({ condition: { attr: 'runId', exists: true } }).send();
}

export async function runView(run: StoredRun) {
  const batches = (await Promise.all(run.batchIds.map((batchId) => BatchEntity.build(GetItemCommand).key({ batchId }).send()))).flatMap(({ Item }) => (Item ? [toBatchView(Item)] : []));
  return {
    id: run.runId,
    status: run.status,
    unitsTotal: run.unitsTotal,
    unitsDone: run.unitsDone,
    // Vouchers redeemed during the run may join it: the total is never below what was done.
    vouchersTotal: Math.max(run.vouchersTotal, run.vouchersDone),
    vouchersDone: run.vouchersDone,
    voucherCount: run.voucherCount,
    amountFen: run.amountFen,
    batches,
    failures: run.failures,
    createdAt: run.createdAt,
    ...(run.finishedAt ? { finishedAt: run.finishedAt } : {}),
  };
}

/** A run of the caller's jurisdiction (finance sees only runs started within it). */
export async function getRun(principal: Principal, runId: string) {
  const scope = scopeOf(principal);
  const { Item } = await SettlementRunEntity.build(GetItemCommand).key({ runId }).options({ consistent: true }).send();
  if (!Item || !Item.scope || !isWithinArea(Item.scope, scope)) throw new NotFoundError('找不到这次结算');
  return { run: await runView(Item) };
}
