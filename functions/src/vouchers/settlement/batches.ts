// Finance's batches: the list, one batch with its lines, approval, and the payout file (each
// download an audit event carrying the file's SHA-256).
import { createHash } from 'node:crypto';
import { PutTransaction } from 'dynamodb-toolbox/entity/actions/transactPut';
import { execute } from 'dynamodb-toolbox/entity/actions/transactWrite';
import { QueryCommand } from 'dynamodb-toolbox/table/actions/query';
import { fenToYuanText, isWithinArea } from '@doorstep/shared';
import { payoutCsv } from '../../payouts/bankFile';
import { formatAuditHead, nextAuditEvent, parseAuditHead } from '../../audit/events';
import { decodeKeyCursor, encodeKeyCursor } from '../../db/cursor';
import { BATCHES_PARTITION, BatchEntity } from '../entities';
import { cancelledTransaction } from '../../db/errors';
import { table } from '../../db/table';
import { getDependencies } from '../../deps';
import { ConflictError } from '../../http/errors';
import type { Principal } from '../../http/session';
import { scopeOf } from '../access';
import { StoredBatch, StoredLine, toBatchView, batchInScope, readLines } from './common';

// ── Finance: batches, approval, payout file, bank results ────────────────────────────────


export async function listBatches(principal: Principal, cursor?: string) {
  const scope = scopeOf(principal);
  const items: StoredBatch[] = [];
  let start: Record<string, string> | undefined = decodeKeyCursor(cursor, 'gsi1', BATCHES_PARTITION);
  // Batches are few (one per programme per day); read pages until 20 of this jurisdiction are found.
  do {
    const page = await table
      .build(QueryCommand)
      .entities(BatchEntity)
      .query({ index: 'gsi1', partition: BATCHES_PARTITION })
      .options({ reverse: true, limit: 50, ...(start ? { exclusiveStartKey: start } : {}) })
      .send();
    for (const b of page.Items ?? []) if (isWithinArea(b.areaCode, scope) || isWithinArea(scope, b.areaCode)) items.push(b);
    start = page.LastEvaluatedKey as Record<string, string> | undefined;
  } while (start && items.length < 20);
  return { items: items.map(toBatchView), ...(start ? { nextCursor: encodeKeyCursor(start) } : {}) };
}


/** `provider`, `person` or `employer`: the part of the payee key before `#`. */
const payeeTypeOf = (payeeKey: string) => payeeKey.slice(0, payeeKey.indexOf('#')) as 'provider' | 'person' | 'employer';

const lineView = (l: StoredLine) => ({
  lineId: l.lineId,
  payeeType: payeeTypeOf(l.payeeKey),
  payeeName: l.payeeName,
  accountMasked: l.accountMasked,
  bankName: l.bankName,
  amountFen: l.amountFen,
  voucherCount: l.voucherCount,
  status: l.status,
  ...(l.reason ? { reason: l.reason } : {}),
});

export async function getBatch(principal: Principal, batchId: string) {
  const batch = await batchInScope(principal, batchId);
  return { batch: toBatchView(batch), lines: (await readLines(batchId)).map(lineView) };
}

export async function advanceBatch(batch: StoredBatch, actorId: string, action: string, to: StoredBatch['status'], extra: Partial<StoredBatch>, reason?: string): Promise<StoredBatch> {
  const at = new Date().toISOString();
  const audit = nextAuditEvent(parseAuditHead(batch.auditHead), { recordType: 'SettlementBatch', recordId: batch.batchId, actorId, at, action, fromState: batch.status, toState: to, ...(reason ? { reason } : {}) });
  const next: StoredBatch = { ...batch, ...extra, status: to, updatedAt: at, version: batch.version + 1, auditHead: formatAuditHead(audit.head) };
  try {
    await execute(BatchEntity.build(PutTransaction).item(next).options({ condition: { attr: 'version', eq: batch.version } }), audit.put);
  } catch (err) {
    if (cancelledTransaction(err)) throw new ConflictError('这个批次刚刚被同事处理过，请刷新');
    throw err;
  }
  return next;
}

export async function approveBatch(principal: Principal, batchId: string) {
  const batch = await batchInScope(principal, batchId);
  if (batch.status !== 'ready') throw new ConflictError(batch.status === 'building' ? '批次还在生成中' : '这个批次已经审批过了');
  return { batch: toBatchView(await advanceBatch(batch, principal.userId, 'approve', 'approved', { approvedBy: principal.userId, approvedAt: new Date().toISOString() })) };
}

/** The payout file of an approved batch. Each download is an audit event carrying the file's SHA-256. */
export async function payoutFile(principal: Principal, batchId: string) {
  const batch = await batchInScope(principal, batchId);
  if (batch.status !== 'approved' && batch.status !== 'reconciled') throw new ConflictError('批次审批后才能下载拨付文件');
  const lines = await readLines(batchId);
  const vault = getDependencies().accounts;
  const rows = lines.map((l) => [
    l.lineId,
    payeeTypeOf(l.payeeKey),
    l.payeeName,
    // A paid line of an erased account keeps its amount, not the account (privacy/erasure.ts).
    l.accountCipher ? vault.decrypt(l.accountCipher) : '',
    l.bankName,
    String(l.amountFen),
    fenToYuanText(l.amountFen),
    String(l.voucherCount),
    `就业券拨付 ${batch.programmeName}`,
  ]);
  // Every field quoted, and "=+-@" at the start of a name defused, so no spreadsheet runs a formula from it.
  const content = payoutCsv(rows);
  const sha256 = createHash('sha256').update(content).digest('hex');
  await advanceBatch(batch, principal.userId, 'download_payout_file', batch.status, { fileSha256: batch.fileSha256 ?? sha256 }, sha256);
  return { fileName: `payout-${batchId}.csv`, content };
}
