// Subsidies for `npm run bench` (issue 32), in a process of its own on its own DynamoDB Local:
// 1. a district batch of 20,000 applications, approved by the district (seeded as the approvals
//    leave them: the application, its ledger row, the person's account), taken through the notice
//    (the roster and its parts on the queue), the notice's end (its parts) and finance's payment
//    (its parts) to the payout file — wall time beside the floor: the same transactions (the same
//    items, the same conditions) sent raw, 8 in flight;
// 2. the public notice of those 20,000 lines read page by page (50 a page) as the service answers
//    it, interleaved with its floor, a raw Query of the same page: p50/p99 and the ratio.
// Prints one JSON line last.
import { QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { PutItemCommand } from 'dynamodb-toolbox/entity/actions/put';
import { UpdateItemCommand } from 'dynamodb-toolbox/entity/actions/update';
import type { Principal } from '../../functions/src/http/session';
import { benchInProcess } from './inProcess';

const LINES = Number(process.env.BENCH_SUBSIDY_LINES ?? 20_000);
const district: Principal = { userId: 'bench-sb-district', roles: ['staff'], level: 'district', areaCode: '350102' };
const finance: Principal = { userId: 'bench-sb-finance', roles: ['finance'], level: 'district', areaCode: '350102' };
const quantile = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))];
const stats = (xs: number[]) => ({ p50: quantile(xs, 0.5), p99: quantile(xs, 0.99) });

async function inParallel<T>(items: readonly T[], width: number, fn: (item: T, i: number) => Promise<unknown>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < items.length) {
        const i = next;
        next += 1;
        await fn(items[i], i);
      }
    }),
  );
}

benchInProcess('bench-subsidies', async (doc, table) => {
  const { createSubsidyProgramme, approveSubsidyProgramme } = await import('../../functions/src/subsidies/programmes');
  const { SubsidyApplicationEntity, SubsidyLedgerRowEntity, SubsidyBudgetEntity, SubsidyNoticeEntity, subsidyQueueKeys } = await import('../../functions/src/subsidies/entities');
  const { PayoutAccountEntity } = await import('../../functions/src/payouts/entities');
  const { publishNotice, endNotices, publicNotice } = await import('../../functions/src/subsidies/notices');
  const { approvePayment, payoutFile } = await import('../../functions/src/subsidies/payments');
  const { workMessage } = await import('../../functions/src/subsidies/work');
  const { deleteLocalMessage, readLocalQueue } = await import('../../scripts/lib/localQueue');
  const { getDependencies } = await import('../../functions/src/deps');

  /** The subsidy queue's messages, four at a time as Lambda takes them, until it is empty. */
  async function drain(): Promise<number> {
    let messages = 0;
    for (let page = await readLocalQueue('subsidy-work'); page.length; page = await readLocalQueue('subsidy-work')) {
      messages += page.length;
      await inParallel(page, 4, async (m) => {
        await workMessage(JSON.parse(m.body));
        await deleteLocalMessage('subsidy-work', m.messageId);
      });
    }
    return messages;
  }

  // Seeding (not timed): the programme, and 20,000 applications the district approved.
  const programme = await createSubsidyProgramme(district, { name: '灵活就业社保补贴（基准）', kind: 'flexible_si', areaCode: '350102', budgetFen: 100_000_000_000, applyFrom: '2026-01-01', applyUntil: '2027-12-31' });
  await approveSubsidyProgramme({ ...finance, userId: 'bench-sb-finance-2' }, programme.id);
  const communities = Array.from({ length: 12 }, (_, i) => `350102001${String(1 + i).padStart(3, '0')}`);
  const at = new Date().toISOString();
  const cipher = getDependencies().accounts.encrypt('6217000010001234567');
  const ids = Array.from({ length: LINES }, (_, i) => `01BENCHSUBSIDY${String(i).padStart(12, '0')}`);
  await inParallel(ids, 16, async (applicationId, i) => {
    const userId = `bench-sb-person-${i}`;
    const areaCode = communities[i % communities.length];
    await SubsidyApplicationEntity.build(PutItemCommand)
      .item({
        applicationId,
        programmeId: programme.id,
        programmeName: programme.name,
        kind: 'flexible_si',
        userId,
        personName: '林秀英',
        idNumberMasked: '3501**********1234',
        areaCode,
        months: ['2026-10', '2026-11'],
        contributionFenPerMonth: 90_000,
        amountFen: 120_000,
        evidence: [{ code: 'si_receipt', key: `evidence/${userId}/si.jpg` }],
        accountMasked: '**** 4567',
        bankName: '建设银行福州鼓楼支行',
        stage: 'approved',
        ruleVersion: 'SR-2026-01',
        steps: [{ at, stage: 'submitted', by: userId }, { at, stage: 'street_approved', by: 'street' }, { at, stage: 'approved', by: district.userId }],
        createdAt: at,
        updatedAt: at,
        version: 3,
        auditHead: '1:genesis',
        ...subsidyQueueKeys(programme.id, 'approved', areaCode, at, applicationId),
        gsi2pk: `USER_SUBAPPS#${userId}`,
        gsi2sk: `${at}#${applicationId}`,
      })
      .send();
    await SubsidyLedgerRowEntity.build(PutItemCommand).item({ programmeId: programme.id, applicationId, amountFen: 120_000, stage: 'approved', month: at.slice(0, 7) }).send();
    await PayoutAccountEntity.build(PutItemCommand).item({ userId, accountName: '林秀英', accountCipher: cipher, accountMasked: '**** 4567', bankName: '建设银行福州鼓楼支行', updatedAt: at }).send();
  });
  await SubsidyBudgetEntity.build(UpdateItemCommand).item({ programmeId: programme.id, leftFen: 100_000_000_000 - 120_000 * LINES }).send();

  // 1. Through the notice, its end and the payment to the payout file.
  const t0 = performance.now();
  const { notice } = await publishNotice(district, { programmeId: programme.id, contactPhone: '0591-87654321' });
  const publishMessages = await drain();
  const publishedMs = performance.now() - t0;
  await SubsidyNoticeEntity.build(UpdateItemCommand).item({ noticeId: notice.id, endsOn: '2026-01-01' }).send();
  const e0 = performance.now();
  await endNotices();
  const endMessages = await drain();
  const endedMs = performance.now() - e0;
  const p0 = performance.now();
  const { payment } = await approvePayment(finance, notice.id, undefined);
  const payMessages = await drain();
  const file = await payoutFile(finance, payment.id);
  const paidMs = performance.now() - p0;
  const totalMs = performance.now() - t0;
  const fileLines = file.content.split('\r\n').length - 1;
  if (fileLines !== LINES) throw new Error(`the payout file has ${fileLines} lines, not ${LINES}`);

  // The floor: the same transactions raw — onto the notice (application, line, ledger row, its audit
  // event, her message), cleared (application, ledger row, audit event, message), paying
  // (application, payment line, ledger row, audit event) — each item conditional as the service's
  // are, 8 in flight, under keys of their own.
  const put = (pk: string, sk: string, extra: Record<string, unknown> = {}) => ({ Put: { TableName: table, Item: { pk, sk, name: '林秀英', amountFen: 120_000, stage: 'x', version: 4, ...extra }, ConditionExpression: 'attribute_not_exists(pk)' } });
  const audit = (id: string, seq: number) => put(`BFAUDIT#${id}`, `EVENT#${seq}`, { hash: 'f'.repeat(64), prevHash: 'e'.repeat(64) });
  const message = (id: string, n: number) => put(`BFOUTBOX#${id}#${n}`, 'MESSAGE', { dataJson: '{"thing1":"灵活就业社保补贴（2026年）","phrase3":"公示中","thing4":"名单已公示，公示期满后拨付"}' });
  const floorTransactions = ids.flatMap((id, i) => [
    [put(`BFAPP#${id}`, 'A1'), put(`BFNOTICE`, `LINE#${String(i).padStart(6, '0')}`), put(`BFPROG`, `LEDGER#${id}#1`), audit(id, 4), message(id, 1)],
    [put(`BFAPP#${id}`, 'A2'), put(`BFPROG`, `LEDGER#${id}#2`), audit(id, 5), message(id, 2)],
    [put(`BFAPP#${id}`, 'A3'), put(`BFPAY`, `LINE#${id}`, { accountCipher: cipher }), put(`BFPROG`, `LEDGER#${id}#3`), audit(id, 6)],
  ]);
  const f0 = performance.now();
  await inParallel(floorTransactions, 8, (items) => doc.send(new TransactWriteCommand({ TransactItems: items as never })));
  const floorMs = performance.now() - f0;

  // 2. The public notice, page by page, beside a raw Query of the same page.
  const service: number[] = [];
  const floor: number[] = [];
  let cursor: string | undefined;
  let startKey: Record<string, unknown> | undefined;
  let pages = 0;
  do {
    const q0 = performance.now();
    const rawPage = await doc.send(new QueryCommand({ TableName: table, KeyConditionExpression: 'pk = :p AND begins_with(sk, :s)', ExpressionAttributeValues: { ':p': `SUBNOTICE#${notice.id}`, ':s': 'LINE#' }, Limit: 50, ...(startKey ? { ExclusiveStartKey: startKey } : {}) }));
    const q1 = performance.now();
    const page = await publicNotice(notice.id, cursor);
    const q2 = performance.now();
    floor.push(q1 - q0);
    service.push(q2 - q1);
    if (page.lines.length !== (rawPage.Items ?? []).length) throw new Error(`page ${pages}: ${page.lines.length} lines, raw ${rawPage.Items?.length}`);
    cursor = page.nextCursor;
    startKey = rawPage.LastEvaluatedKey;
    pages += 1;
  } while (cursor);

  return {
    lines: LINES,
    messages: { publish: publishMessages, end: endMessages, pay: payMessages },
    publishedMs,
    endedMs,
    paidMs,
    totalMs,
    floorMs,
    floorTransactions: floorTransactions.length,
    notice: { pages, service: stats(service), floor: stats(floor) },
  };
});
