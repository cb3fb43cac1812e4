// Finance pays (WF-39's FINANCE_APPROVED → PAID): once a notice has ended, finance approves its
// cleared lines — and any failed line whose person has put the account right — as a payment; the
// payment file goes to the bank (the payout file voucher settlement uses), and the bank's result file
// marks each line paid or failed. Building a payment is long work, on the subsidy queue a part of the
// notice at a time; nothing is paid before the notice ends or while a line is held.
import { GetItemCommand } from 'dynamodb-toolbox/entity/actions/get';
import { PutTransaction } from 'dynamodb-toolbox/entity/actions/transactPut';
import { UpdateTransaction } from 'dynamodb-toolbox/entity/actions/transactUpdate';
import { $add, $remove } from 'dynamodb-toolbox/entity/actions/update/symbols';
import { execute } from 'dynamodb-toolbox/entity/actions/transactWrite';
import { QueryCommand } from 'dynamodb-toolbox/table/actions/query';
import type { FormattedItem } from 'dynamodb-toolbox/entity';
import { createHash } from 'node:crypto';
import { ulid } from 'ulid';
import { fenToYuanText, isWithinArea } from '@doorstep/shared';
import { formatAuditHead, nextAuditEvent, parseAuditHead } from '../audit/events';
import { chunked, mapLimit } from '../concurrency';
import { cancelledTransaction } from '../db/errors';
import { queryAll } from '../db/queryAll';
import { table } from '../db/table';
import { getDependencies } from '../deps';
import { ConflictError, ForbiddenError, NotFoundError } from '../http/errors';
import type { RecordAnswer } from '../http/idempotency';
import { scopeOf } from '../http/jurisdiction';
import type { Principal } from '../http/session';
import { parseBankResults, payoutCsv } from '../payouts/bankFile';
import { PayoutAccountEntity } from '../payouts/entities';
import { payeeOf, SubsidyNoticeEntity, SubsidyPaymentEntity, SubsidyPaymentLineEntity, SubsidyPaymentPartEntity } from './entities';
import { applicationPut, loadApplication, movedApplication, type StoredSubsidyApplication } from './applications';
import { LINES_PER_PART, loadNotice, readNoticeLines, type SubsidyWorkMessage } from './notices';

export type StoredPayment = FormattedItem<typeof SubsidyPaymentEntity>;
const MOVES_AT_ONCE = 4;

export const toPaymentView = (p: StoredPayment) => ({
  id: p.paymentId,
  noticeId: p.noticeId,
  programmeId: p.programmeId,
  programmeName: p.programmeName,
  areaCode: p.areaCode,
  status: p.status,
  lineCount: p.lineCount,
  amountFen: p.amountFen,
  paidFen: p.paidFen,
  failedFen: p.failedFen,
  approvedAt: p.approvedAt,
});

async function loadPayment(paymentId: string): Promise<StoredPayment | undefined> {
  const { Item } = await SubsidyPaymentEntity.build(GetItemCommand).key({ paymentId }).options({ consistent: true }).send();
  return Item;
}

/**
 * Finance approves payment of a notice that has ended: a payment is created (building) and its
 * parts queued. One payment builds at a time per notice (a condition on the notice), so two
 * approvals at once make one payment; a second payment later picks up re-sent lines.
 */
export async function approvePayment(principal: Principal, noticeId: string, record: RecordAnswer<{ payment: ReturnType<typeof toPaymentView> }> | undefined) {
  const n = await loadNotice(noticeId);
  const scope = scopeOf(principal);
  if (!n || !(isWithinArea(n.areaCode, scope) || isWithinArea(scope, n.areaCode))) throw new NotFoundError('找不到这份公示');
  if (n.status !== 'ended') throw new ConflictError(n.status === 'open' ? `公示到${n.endsOn}结束，结束后才能审批拨付` : '公示还在生成中');
  if (n.publishedBy === principal.userId) throw new ForbiddenError('发布公示的人不能审批拨付');
  const now = new Date().toISOString();
  const paymentId = ulid();
  const audit = nextAuditEvent(undefined, { recordType: 'SubsidyPayment', recordId: paymentId, actorId: principal.userId, at: now, action: 'approve', fromState: 'none', toState: 'building' });
  const payment: StoredPayment = {
    paymentId,
    noticeId,
    programmeId: n.programmeId,
    programmeName: n.title,
    areaCode: n.areaCode,
    status: 'building',
    lineCount: 0,
    amountFen: 0,
    paidFen: 0,
    failedFen: 0,
    parts: Math.max(1, Math.ceil((n.lastLine ?? 0) / LINES_PER_PART)),
    partsDone: 0,
    approvedBy: principal.userId,
    approvedAt: now,
    version: 1,
    auditHead: formatAuditHead(audit.head),
  };
  const answer = { payment: toPaymentView(payment) };
  try {
    await execute(
      SubsidyPaymentEntity.build(PutTransaction).item(payment).options({ condition: { attr: 'paymentId', exists: false } }),
      SubsidyNoticeEntity.build(UpdateTransaction).item({ noticeId, paymentId, building: paymentId }).options({ condition: { attr: 'building', exists: false } }),
      audit.put,
      ...(record ? [record(answer)] : []),
    );
  } catch (err) {
    if (cancelledTransaction(err)) throw new ConflictError('这份公示的拨付正在生成，请稍后刷新');
    throw err;
  }
  const parts = Array.from({ length: payment.parts }, (_, part) => ({ kind: 'paymentPart' as const, paymentId, part }));
  await getDependencies().subsidyQueue.send(parts);
  return answer;
}

/** One application into the payment: cleared → paying, its line with the account sealed as it is now. */
async function payLine(payment: StoredPayment, a: StoredSubsidyApplication): Promise<number> {
  if (a.paymentId === payment.paymentId) return a.amountFen; // an earlier delivery did it
  if (a.stage !== 'cleared') return 0;
  const { Item: account } = await PayoutAccountEntity.build(GetItemCommand).key({ userId: payeeOf(a) }).options({ consistent: true }).send();
  if (!account) return 0; // erased meanwhile: nothing to pay to
  const now = new Date().toISOString();
  const next = movedApplication(a, 'paying', 'system:payment', now, { paymentId: payment.paymentId });
  try {
    await execute(
      ...applicationPut(a, next),
      SubsidyPaymentLineEntity.build(PutTransaction)
        .item({ paymentId: payment.paymentId, applicationId: a.applicationId, payeeName: a.unitName ?? a.personName, accountCipher: account.accountCipher, accountMasked: account.accountMasked, bankName: account.bankName, amountFen: a.amountFen, status: 'sent' })
        .options({ condition: { attr: 'applicationId', exists: false } }),
    );
  } catch (err) {
    if (cancelledTransaction(err)) return 0;
    throw err;
  }
  return a.amountFen;
}

export async function workPaymentPart(message: Extract<SubsidyWorkMessage, { kind: 'paymentPart' }>): Promise<void> {
  const payment = await loadPayment(message.paymentId);
  if (!payment) throw new Error(`subsidy payment ${message.paymentId} not found`);
  if (payment.status !== 'building') return;
  const lines = await readNoticeLines(payment.noticeId, message.part);
  const amounts = await mapLimit(lines, MOVES_AT_ONCE, async (l) => {
    const a = await loadApplication(l.applicationId);
    return a ? payLine(payment, a) : 0;
  });
  const paid = amounts.filter((f) => f > 0);
  try {
    await execute(
      SubsidyPaymentPartEntity.build(PutTransaction).item({ paymentId: payment.paymentId, part: message.part, lines: paid.length, doneAt: new Date().toISOString() }).options({ condition: { attr: 'paymentId', exists: false } }),
      SubsidyPaymentEntity.build(UpdateTransaction).item({ paymentId: payment.paymentId, partsDone: $add(1), lineCount: $add(paid.length), amountFen: $add(paid.reduce((n, f) => n + f, 0)) }),
    );
  } catch (err) {
    if (cancelledTransaction(err)?.conditionFailed[0]) return; // counted by another delivery
    throw err;
  }
  const after = await loadPayment(payment.paymentId);
  if (after && after.status === 'building' && after.partsDone >= after.parts) {
    await execute(
      SubsidyPaymentEntity.build(PutTransaction).item({ ...after, status: 'approved', version: after.version + 1 }).options({ condition: { attr: 'version', eq: after.version } }),
      SubsidyNoticeEntity.build(UpdateTransaction).item({ noticeId: after.noticeId, building: $remove() }),
    ).catch((err) => {
      if (!cancelledTransaction(err)) throw err;
    });
  }
}

async function paymentInScope(principal: Principal, paymentId: string): Promise<StoredPayment> {
  const p = await loadPayment(paymentId);
  const scope = scopeOf(principal);
  if (!p || !(isWithinArea(p.areaCode, scope) || isWithinArea(scope, p.areaCode))) throw new NotFoundError('找不到这个拨付批次');
  return p;
}

async function paymentLines(paymentId: string) {
  return queryAll((start) =>
    table
      .build(QueryCommand)
      .entities(SubsidyPaymentLineEntity)
      .query({ partition: `SUBPAY#${paymentId}`, range: { beginsWith: 'LINE#' } })
      .options({ consistent: true, ...(start ? { exclusiveStartKey: start } : {}) })
      .send(),
  );
}

/** The payment file for the bank; each download an audit event carrying its SHA-256. */
export async function payoutFile(principal: Principal, paymentId: string) {
  const p = await paymentInScope(principal, paymentId);
  if (p.status === 'building') throw new ConflictError('拨付批次还在生成中，请稍后再下载');
  const vault = getDependencies().accounts;
  const content = payoutCsv(
    (await paymentLines(paymentId)).map((l) => [
      l.applicationId,
      'person',
      l.payeeName,
      l.accountCipher ? vault.decrypt(l.accountCipher) : '',
      l.bankName,
      String(l.amountFen),
      fenToYuanText(l.amountFen),
      '0',
      `补贴发放 ${p.programmeName}`,
    ]),
  );
  const sha256 = createHash('sha256').update(content).digest('hex');
  const audit = nextAuditEvent(parseAuditHead(p.auditHead), { recordType: 'SubsidyPayment', recordId: paymentId, actorId: principal.userId, at: new Date().toISOString(), action: 'download_payout_file', fromState: p.status, toState: p.status, reason: sha256 });
  await execute(
    SubsidyPaymentEntity.build(PutTransaction).item({ ...p, fileSha256: p.fileSha256 ?? sha256, version: p.version + 1, auditHead: formatAuditHead(audit.head) }).options({ condition: { attr: 'version', eq: p.version } }),
    audit.put,
  );
  return { fileName: `subsidy-payout-${paymentId}.csv`, content };
}

/**
 * The bank's result file: each line paid or failed (with the bank's reason, which the person reads
 * and fixes). The same file again changes nothing: a line is marked once, from `sent`.
 */
export async function importBankResults(principal: Principal, paymentId: string, fileText: string) {
  const p = await paymentInScope(principal, paymentId);
  if (p.status === 'building') throw new ConflictError('拨付批次还在生成中');
  const lines = new Map((await paymentLines(paymentId)).map((l) => [l.applicationId, l]));
  const rows = parseBankResults(fileText, lines);
  let paid = 0;
  let failed = 0;
  let unchanged = 0;
  for (const group of chunked(rows, MOVES_AT_ONCE)) {
    await Promise.all(
      group.map(async (row) => {
        const line = lines.get(row.lineId)!;
        const a = await loadApplication(row.lineId);
        if (line.status !== 'sent' || !a || a.stage !== 'paying' || a.paymentId !== paymentId) {
          unchanged += 1;
          return;
        }
        const now = new Date().toISOString();
        const ok = row.result === 'paid';
        const reason = ok ? undefined : `银行退回：${row.reason}。请核对并改正银行账户，改正后重新发放`;
        const next = movedApplication(a, ok ? 'paid' : 'failed', principal.userId, now, ok ? { paidAt: now } : { reason }, reason);
        try {
          await execute(
            ...applicationPut(a, next),
            SubsidyPaymentLineEntity.build(PutTransaction).item({ ...line, status: ok ? 'paid' : 'failed', ...(row.reason ? { reason: row.reason } : {}) }).options({ condition: { attr: 'status', eq: 'sent' } }),
            SubsidyPaymentEntity.build(UpdateTransaction).item({ paymentId, ...(ok ? { paidFen: $add(a.amountFen) } : { failedFen: $add(a.amountFen) }) }),
          );
          if (ok) paid += 1;
          else failed += 1;
        } catch (err) {
          if (!cancelledTransaction(err)) throw err;
          unchanged += 1;
        }
      }),
    );
  }
  const after = (await loadPayment(paymentId))!;
  return { payment: toPaymentView(after), paid, failed, unchanged };
}
