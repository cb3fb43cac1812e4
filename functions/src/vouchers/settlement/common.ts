// Settlement's shared parts: the stored batch, run and line, the test seam, the batch as shown,
// a chunk's vouchers read at once, a batch in the caller's jurisdiction and its lines.
import { GetItemCommand } from 'dynamodb-toolbox/entity/actions/get';
import { QueryCommand } from 'dynamodb-toolbox/table/actions/query';
import { BatchGetCommand, execute as executeBatchGet } from 'dynamodb-toolbox/table/actions/batchGet';
import { BatchGetRequest } from 'dynamodb-toolbox/entity/actions/batchGet';
import type { FormattedItem } from 'dynamodb-toolbox/entity';
import { isWithinArea, type Batch } from '@doorstep/shared';
import { queryAll } from '../../db/queryAll';
import { BatchEntity, PayoutLineEntity, SettlementRunEntity, VoucherEntity } from '../entities';
import { table } from '../../db/table';
import { NotFoundError } from '../../http/errors';
import type { Principal } from '../../http/session';
import { type StoredVoucher } from '../store';
import { scopeOf } from '../access';

export type StoredBatch = FormattedItem<typeof BatchEntity>;
export type StoredRun = FormattedItem<typeof SettlementRunEntity>;
export type StoredLine = FormattedItem<typeof PayoutLineEntity>;


/** Test seam: called after each step, so a test can crash a run at any point. */
export interface SettlementHooks {
  step?: (name: 'batch_created' | 'chunk' | 'lines_written' | 'batch_ready' | 'line_vouchers' | 'line_marked') => void | Promise<void>;
  /** Vouchers moved into a batch by one committed chunk (the run's progress). */
  settled?: (count: number) => void | Promise<void>;
}

export function toBatchView(b: StoredBatch): Batch {
  return {
    id: b.batchId,
    programmeId: b.programmeId,
    programmeName: b.programmeName,
    kind: b.kind,
    areaCode: b.areaCode,
    status: b.status,
    voucherCount: b.voucherCount,
    amountFen: b.amountFen,
    lineCount: b.lineCount,
    paidFen: b.paidFen,
    failedFen: b.failedFen,
    createdAt: b.createdAt,
    ...(b.approvedAt ? { approvedAt: b.approvedAt } : {}),
    ...(b.reconciledAt ? { reconciledAt: b.reconciledAt } : {}),
  };
}

/**
 * A chunk's vouchers in one consistent BatchGetItem (at most 100 keys), in the order asked. A key
 * DynamoDB left unprocessed after the retries fails the chunk (it is tried again): read as missing,
 * it would be dropped from the queue.
 */
export async function loadVouchers(voucherIds: string[]): Promise<(StoredVoucher | undefined)[]> {
  const out = await executeBatchGet(
    { maxAttempts: 8 },
    table
      .build(BatchGetCommand)
      .requests(...voucherIds.map((voucherId) => VoucherEntity.build(BatchGetRequest).key({ voucherId })))
      .options({ consistent: true }),
  );
  if (Object.keys(out.UnprocessedKeys ?? {}).length > 0) throw new Error('settlement: DynamoDB left vouchers of a chunk unread');
  return (out.Responses?.[0] ?? []) as (StoredVoucher | undefined)[];
}

export async function batchInScope(principal: Principal, batchId: string): Promise<StoredBatch> {
  const scope = scopeOf(principal);
  const { Item } = await BatchEntity.build(GetItemCommand).key({ batchId }).options({ consistent: true }).send();
  if (!Item || !(isWithinArea(Item.areaCode, scope) || isWithinArea(scope, Item.areaCode))) throw new NotFoundError('找不到这个结算批次');
  return Item;
}

export async function readLines(batchId: string): Promise<StoredLine[]> {
  return queryAll((start) =>
    table
      .build(QueryCommand)
      .entities(PayoutLineEntity)
      .query({ partition: `BATCH#${batchId}`, range: { beginsWith: 'LINE#' } })
      .options({ consistent: true, ...(start ? { exclusiveStartKey: start } : {}) })
      .send(),
  );
}
