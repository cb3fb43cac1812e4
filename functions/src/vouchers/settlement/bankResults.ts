// The bank's result file: paid lines settle their vouchers, failed ones send them back to the
// queue for the next run; importing the same file again changes nothing.
import { GetItemCommand } from 'dynamodb-toolbox/entity/actions/get';
import { PutItemCommand } from 'dynamodb-toolbox/entity/actions/put';
import { PutTransaction } from 'dynamodb-toolbox/entity/actions/transactPut';
import { execute } from 'dynamodb-toolbox/entity/actions/transactWrite';
import { QueryCommand } from 'dynamodb-toolbox/table/actions/query';
import { fenToYuanText } from '@doorstep/shared';
import { parseBankResults, type ResultRow } from '../../payouts/bankFile';
import { formatAuditHead, nextAuditEvent, parseAuditHead } from '../../audit/events';
import { chunked } from '../../concurrency';
import { queryAll } from '../../db/queryAll';
import { BatchEntity, LedgerEntryEntity, PayoutLineEntity, SettlementQueueEntity, VoucherEntity } from '../entities';
import { cancelledTransaction } from '../../db/errors';
import { table } from '../../db/table';
import { ConflictError, ValidationError } from '../../http/errors';
import type { Principal } from '../../http/session';
import { outboxMessage } from '../../notifications/outbox';
import { type StoredVoucher } from '../store';
import { StoredBatch, StoredLine, SettlementHooks, toBatchView, loadVouchers, batchInScope, readLines } from './common';
import { advanceBatch } from './batches';

/** Vouchers per bank-result transaction: voucher, audit event, ledger row or queue entry, and a message for benefit holders. */
const RESULT_CHUNK = 24;

async function applyLineResult(batch: StoredBatch, line: StoredLine, row: ResultRow, actorId: string, hooks: SettlementHooks): Promise<void> {
  const partition = `BATCH_VOUCHERS#${batch.batchId}`;
  const vouchers = await queryAll((start) =>
    table
      .build(QueryCommand)
      .entities(VoucherEntity)
      .query({ index: 'gsi1', partition, range: { beginsWith: `${line.payeeKey}#` } })
      .options(start ? { exclusiveStartKey: start } : {})
      .send(),
  );
  const at = new Date().toISOString();
  for (const group of chunked(vouchers.map((v) => v.voucherId), RESULT_CHUNK)) {
    // Read again on every pass: a concurrent import may have applied some of these already.
    for (let attempt = 0; ; attempt += 1) {
      const fresh = (await loadVouchers(group)).filter((v): v is StoredVoucher => v?.status === 'settling' && v.batchId === batch.batchId);
      if (fresh.length === 0) break;
      const writes = fresh.flatMap((v) => {
        const paid = row.result === 'paid';
        const audit = nextAuditEvent(parseAuditHead(v.auditHead), {
          recordType: 'Voucher',
          recordId: v.voucherId,
          actorId,
          at,
          action: paid ? 'settle' : 'payment_failed',
          fromState: 'settling',
          toState: paid ? 'settled' : 'redeemed',
          reason: paid ? `${batch.batchId} ${v.faceValueFen}分` : row.reason,
        });
        const { gsi1pk: _a, gsi1sk: _b, batchId: _c, ...unbatched } = v;
        const next: StoredVoucher = paid
          ? { ...v, status: 'settled', payoutStatus: 'paid', payoutAt: at, updatedAt: at, version: v.version + 1, auditHead: formatAuditHead(audit.head) }
          : { ...unbatched, status: 'redeemed', payoutStatus: 'failed', payoutReason: row.reason, payoutAt: at, updatedAt: at, version: v.version + 1, auditHead: formatAuditHead(audit.head) };
        return [
          VoucherEntity.build(PutTransaction).item(next).options({ condition: { and: [{ attr: 'status', eq: 'settling' }, { attr: 'version', eq: v.version }] } }),
          audit.put,
          paid
            ? LedgerEntryEntity.build(PutTransaction)
                .item({ voucherId: v.voucherId, entry: `PAYMENT#${batch.batchId}`, amountFen: v.faceValueFen, programmeId: v.programmeId, batchId: batch.batchId, ...(v.providerId ? { providerId: v.providerId } : {}), actorId, at })
                .options({ condition: { attr: 'voucherId', exists: false } })
            : SettlementQueueEntity.build(PutTransaction).item({ programmeId: v.programmeId, voucherId: v.voucherId, queuedAt: at }),
          // People are told by subscription message; an employer sees it on its vouchers page.
          ...(v.kind === 'benefit' && v.holderType === 'person'
            ? [
                outboxMessage({
                  userId: v.holderId,
                  template: 'application_update',
                  page: `vouchers/detail/index?id=${v.voucherId}`,
                  data: { thing1: v.programmeName.slice(0, 20), thing2: '家门口就业', phrase3: paid ? '已拨付' : '拨付失败', thing4: paid ? `${fenToYuanText(v.faceValueFen)}元已打到社保卡` : (row.reason ?? '').slice(0, 20) },
                  at,
                }),
              ]
            : []),
        ];
      });
      try {
        await execute(...writes);
        break;
      } catch (err) {
        if (!cancelledTransaction(err) || attempt >= 5) throw err;
      }
    }
  }
  await hooks.step?.('line_vouchers');
  await PayoutLineEntity.build(PutItemCommand)
    .item({ ...line, status: row.result, ...(row.reason ? { reason: row.reason } : {}), resultAt: at })
    .options({ condition: { attr: 'status', eq: 'pending' } })
    .send()
    .catch((err) => {
      if ((err as { name?: string }).name !== 'ConditionalCheckFailedException') throw err;
    });
  await hooks.step?.('line_marked');
}

/**
 * Imports the bank's result file. Each pending line is applied once: paid lines settle their
 * vouchers (with a PAYMENT ledger row that can exist only once), failed ones send their vouchers
 * back to the queue for the next run. Importing the same file again changes nothing; a crash
 * half-way is finished by importing it again.
 */
export async function importBankResults(principal: Principal, batchId: string, fileText: string, hooks: SettlementHooks = {}) {
  const batch = await batchInScope(principal, batchId);
  if (batch.status === 'building' || batch.status === 'ready') throw new ConflictError('批次审批并下载拨付文件后才能导入银行结果');
  const lines = await readLines(batchId);
  const byId = new Map(lines.map((l) => [l.lineId, l]));
  const rows = parseBankResults(fileText, byId);
  let paid = 0;
  let failed = 0;
  let unchanged = 0;
  for (const row of rows) {
    const line = byId.get(row.lineId)!;
    if (line.status !== 'pending') {
      unchanged += 1;
      continue;
    }
    await applyLineResult(batch, line, row, principal.userId, hooks);
    if (row.result === 'paid') paid += 1;
    else failed += 1;
  }
  const after = await readLines(batchId);
  const paidFen = after.filter((l) => l.status === 'paid').reduce((n, l) => n + l.amountFen, 0);
  const failedFen = after.filter((l) => l.status === 'failed').reduce((n, l) => n + l.amountFen, 0);
  const allDone = after.every((l) => l.status !== 'pending');
  const { Item: fresh } = await BatchEntity.build(GetItemCommand).key({ batchId }).options({ consistent: true }).send();
  let current = fresh!;
  if (paid + failed > 0 || (allDone && current.status !== 'reconciled')) {
    current = await advanceBatch(
      current,
      principal.userId,
      'bank_results',
      allDone ? 'reconciled' : current.status,
      { paidFen, failedFen, ...(allDone ? { reconciledAt: new Date().toISOString() } : {}) },
      `成功${paid}行，失败${failed}行`,
    );
  }
  return { batch: toBatchView(current), paid, failed, unchanged };
}
