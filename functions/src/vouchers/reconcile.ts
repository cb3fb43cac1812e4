// Settlement reconciliation: per programme, every fen redeemed must be exactly in one place —
// queued for settlement, settling in a batch, settled (paid), or reversed — so
// redeemed = queued + settling + settled + reversed. A redeemed voucher missing from the queue
// (the money would never be paid) is a difference, named by voucher. Read-only: it reports.
import { QueryCommand } from 'dynamodb-toolbox/table/actions/query';
import { mapLimit } from '../concurrency';
import { batchRead } from '../db/batchRead';
import { queryAll } from '../db/queryAll';
import { SettlementQueueEntity, VoucherHoldingEntity } from './entities';
import { table } from '../db/table';
import { allProgrammes, type StoredProgramme } from './store';

export interface ProgrammeReconciliation {
  programmeId: string;
  name: string;
  redeemedFen: number;
  queuedFen: number;
  settlingFen: number;
  settledFen: number;
  reversedFen: number;
  /** redeemed − (queued + settling + settled + reversed): 0 when every redeemed fen is accounted for. */
  differenceFen: number;
  /** Redeemed vouchers with no queue entry: nobody would pay them. */
  unqueued: string[];
  /** Queue entries whose voucher is no longer redeemed (a run drops these; not money). */
  strayQueueEntries: number;
}

type VoucherFacts = { voucherId: string; status: string; faceValueFen: number; redeemedAt?: string };

/** The vouchers' status and face value (consistent reads). */
const readVouchers = (ids: string[]) =>
  batchRead<VoucherFacts>(ids.map((id) => ({ pk: `VOUCHER#${id}`, sk: 'VOUCHER' })), ['voucherId', 'status', 'faceValueFen', 'redeemedAt'], true);

export async function reconcileProgramme(p: Pick<StoredProgramme, 'programmeId' | 'name'>): Promise<ProgrammeReconciliation> {
  const [holdings, queue] = await Promise.all([
    queryAll((start) =>
      table
        .build(QueryCommand)
        .entities(VoucherHoldingEntity)
        .query({ partition: `VPROG#${p.programmeId}`, range: { beginsWith: 'HOLDER#' } })
        .options({ consistent: true, ...(start ? { exclusiveStartKey: start } : {}) })
        .send(),
    ),
    queryAll((start) =>
      table
        .build(QueryCommand)
        .entities(SettlementQueueEntity)
        .query({ partition: `SETTLE_Q#${p.programmeId}` })
        .options({ consistent: true, ...(start ? { exclusiveStartKey: start } : {}) })
        .send(),
    ),
  ]);
  const queued = new Set(queue.map((q) => q.voucherId));
  const vouchers = await readVouchers(holdings.map((h) => h.voucherId));
  const r: ProgrammeReconciliation = { programmeId: p.programmeId, name: p.name, redeemedFen: 0, queuedFen: 0, settlingFen: 0, settledFen: 0, reversedFen: 0, differenceFen: 0, unqueued: [], strayQueueEntries: 0 };
  for (const v of vouchers) {
    if (!v.redeemedAt) continue; // never redeemed: no money owed
    r.redeemedFen += v.faceValueFen;
    if (v.status === 'redeemed') {
      if (queued.has(v.voucherId)) r.queuedFen += v.faceValueFen;
      else r.unqueued.push(v.voucherId);
    } else if (v.status === 'settling') r.settlingFen += v.faceValueFen;
    else if (v.status === 'settled') r.settledFen += v.faceValueFen;
    else if (v.status === 'reversed') r.reversedFen += v.faceValueFen;
  }
  const redeemedNow = new Set(vouchers.filter((v) => v.status === 'redeemed').map((v) => v.voucherId));
  r.strayQueueEntries = [...queued].filter((id) => !redeemedNow.has(id)).length;
  r.differenceFen = r.redeemedFen - (r.queuedFen + r.settlingFen + r.settledFen + r.reversedFen);
  return r;
}

/** Every programme's reconciliation, and the total difference (what the alarm watches). */
export async function reconcileAll(): Promise<{ programmes: ProgrammeReconciliation[]; differenceFen: number }> {
  const programmes = await mapLimit(await allProgrammes(), 4, (p) => reconcileProgramme(p));
  return { programmes, differenceFen: programmes.reduce((n, p) => n + p.differenceFen, 0) };
}
