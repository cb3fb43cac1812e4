// Money never waits on an unguarded stream, on DynamoDB Local: a redemption whose stream delivery
// is lost is still settled and paid (it queued itself); reconciliation finds no difference after
// races and names a queue row taken away; a poison record in each stream consumer ends in that
// consumer's dead-letter queue while the rest of its batch is processed, once.
import { DeleteItemCommand } from 'dynamodb-toolbox/entity/actions/delete';
import { GetItemCommand } from 'dynamodb-toolbox/entity/actions/get';
import { PutItemCommand } from 'dynamodb-toolbox/entity/actions/put';
import { BANK_RESULT_VALUES } from '@doorstep/shared';
import { deliverStream, dlqOf, drainLocalQueueOnce, readLocalQueue } from '../../../scripts/lib/localQueue';
import { birthDateYearsAgo, makeIdNumber, registrationBody } from '../../../tests/support/people';
import { designatedProvider } from '../../../tests/support/providers';
import { createTestTable } from '../../../tests/support/table';
import { citizen, financeOf, programmeBody, staffOf, voucherRecord } from '../../../tests/support/vouchers';
import { OutboxEntity } from '../db/entities';
import { SettlementQueueEntity, StatsAppliedEntity, VoucherEntity } from './entities';
import { FigureAppliedEntity } from '../figures/entities';
import { onStream as figureStream } from '../figures/handlers/stream';
import { onStream as dispatchMessages } from '../notifications/handlers';
import { outboxItem } from '../notifications/outbox';
import { putRegistration } from '../registration/service';
import { signHolderCode } from './codes';
import { work } from './handlers/settlement';
import { onStream as voucherStream } from './handlers/stream';
import { issueProgramme } from './issuing';
import { approveProgramme, createProgramme } from './programmes';
import { reconcileAll, reconcileProgramme } from './reconcile';
import { redeemVoucher, reverseVoucher } from './redemption';
import { approveBatch, getBatch, getRun, importBankResults, payoutFile, runSettlement, startRun } from './settlement';
import { claimVoucher, listMyVouchers } from './wallet';

beforeAll(createTestTable);
jest.setTimeout(180_000);

const STAFF = staffOf('guard-district');
const FINANCE = financeOf('guard-finance');
const PROVIDER = '01K0PRVG000000000000000GG0';
const AGENT = { userId: 'guard-agent', roles: ['jobseeker'] } as never;
const serviceRecord = { serviceDate: '2026-11-20', description: '职业指导一次' };
let serial = 400;

const load = async (voucherId: string) => (await VoucherEntity.build(GetItemCommand).key({ voucherId }).options({ consistent: true }).send()).Item!;

/** A programme, `n` registered people each holding a claimed voucher of it; returns the voucher ids. */
async function claimedVouchers(name: string, n: number): Promise<{ programmeId: string; voucherIds: string[] }> {
  const people = Array.from({ length: n }, (_, i) => `${name}-person-${i}`);
  for (const userId of people) {
    serial += 1;
    await putRegistration(userId, registrationBody({ idNumber: makeIdNumber(birthDateYearsAgo(20), serial), residence: { areaCode: '350102001001', address: '鼓东路', lat: 26.08, lng: 119.3 } }));
  }
  const p = await createProgramme(STAFF, programmeBody({ name }));
  await approveProgramme(FINANCE, p.id);
  let cursor: string | undefined;
  do cursor = (await issueProgramme(STAFF, p.id, cursor)).nextCursor;
  while (cursor);
  const voucherIds: string[] = [];
  for (const userId of people) {
    const v = (await listMyVouchers(citizen(userId))).find((x) => x.programmeId === p.id)!;
    await claimVoucher(citizen(userId), v.id, {}, undefined);
    voucherIds.push(v.id);
  }
  return { programmeId: p.id, voucherIds };
}

const redeem = async (voucherId: string) => redeemVoucher(AGENT, { code: (await signHolderCode(voucherId)).code, providerId: PROVIDER, serviceRecord }, undefined);

/** Drains the settlement queue's local stand-in until the run is done (the worker, as SQS would feed it). */
async function finishRun(runId: string) {
  for (let i = 0; i < 50; i += 1) {
    await drainLocalQueueOnce('settlement', work);
    const { run } = await getRun(FINANCE, runId);
    if (run.status === 'done') return run;
  }
  throw new Error('the run did not finish');
}

beforeAll(async () => {
  await designatedProvider(PROVIDER, ['guard-agent']);
});

describe('a redemption queues itself for settlement', () => {
  it('is settled and paid with no stream delivery at all', async () => {
    const { programmeId, voucherIds } = await claimedVouchers('无流核销券', 2);
    for (const id of voucherIds) await redeem(id);
    // No stream consumer runs in this test: only the redemption's own transaction queued them.
    const { run } = await startRun({ actorId: 'guard-finance', scope: '350102' });
    expect(run).toMatchObject({ status: 'running', vouchersDone: 0 });
    expect(run.vouchersTotal).toBeGreaterThanOrEqual(2);
    const done = await finishRun(run.id);
    expect(done).toMatchObject({ status: 'done', failures: 0 });
    expect(done.unitsDone).toBe(done.unitsTotal);
    const batch = done.batches.find((b) => b.programmeId === programmeId)!;
    expect(batch).toMatchObject({ voucherCount: 2, amountFen: 2 * 20_000 });

    await approveBatch(FINANCE, batch.id);
    await payoutFile(FINANCE, batch.id);
    const { lines } = await getBatch(FINANCE, batch.id);
    const fileText = `line_id,result,reason\n${lines.map((l) => `${l.lineId},${BANK_RESULT_VALUES.paid},`).join('\n')}`;
    expect(await importBankResults(FINANCE, batch.id, fileText)).toMatchObject({ batch: { status: 'reconciled', paidFen: 40_000 } });
    for (const id of voucherIds) expect((await load(id)).status).toBe('settled');
    expect(await reconcileProgramme({ programmeId, name: '无流核销券' })).toMatchObject({ redeemedFen: 40_000, settledFen: 40_000, differenceFen: 0, unqueued: [] });
  });

  it('counts a run’s unit once when its message is delivered twice', async () => {
    const { voucherIds } = await claimedVouchers('重复投递券', 1);
    await redeem(voucherIds[0]);
    const { run } = await startRun({ actorId: 'guard-finance', scope: '350102' });
    const messages = await readLocalQueue('settlement');
    // Every message of the run given to the worker twice, before and after the queue drains.
    for (const m of messages) await work({ Records: [{ messageId: m.messageId, body: m.body }] } as never);
    const done = await finishRun(run.id);
    expect(done.unitsDone).toBe(done.unitsTotal);
    expect(done.voucherCount).toBe(1);
  });
});

describe('reconciliation', () => {
  it('finds no difference after concurrent redemptions, a reversal and two runs at once, and names a queue row taken away', async () => {
    const { programmeId, voucherIds } = await claimedVouchers('对账券', 6);
    // Each voucher redeemed by three racing attempts (one wins), one reversed, two runs at once.
    await Promise.allSettled(voucherIds.flatMap((id) => [redeem(id), redeem(id), redeem(id)]));
    await reverseVoucher(AGENT, voucherIds[0], '录入错误，撤销核销');
    await Promise.all([runSettlement({ actorId: 'guard-a', scope: '350102' }), runSettlement({ actorId: 'guard-b', scope: '350102' })]);
    const after = await reconcileProgramme({ programmeId, name: '对账券' });
    expect(after).toMatchObject({ redeemedFen: 6 * 20_000, reversedFen: 20_000, settlingFen: 5 * 20_000, differenceFen: 0, unqueued: [] });

    // Two more redeemed and queued; then one queue row is removed by hand: money nobody would pay.
    const more = await claimedVouchers('对账券二', 2);
    for (const id of more.voucherIds) await redeem(id);
    await SettlementQueueEntity.build(DeleteItemCommand).key({ programmeId: more.programmeId, voucherId: more.voucherIds[1] }).send();
    const report = await reconcileProgramme({ programmeId: more.programmeId, name: '对账券二' });
    expect(report).toMatchObject({ redeemedFen: 40_000, queuedFen: 20_000, differenceFen: 20_000, unqueued: [more.voucherIds[1]] });
    const all = await reconcileAll();
    expect(all.differenceFen).toBe(20_000);
  });
});

describe('a poison record on the stream', () => {
  let seq = 1000;
  const sequenced = <T extends { dynamodb: Record<string, unknown> }>(r: T) => ({ ...r, dynamodb: { ...r.dynamodb, SequenceNumber: String((seq += 1)) } });
  const redeemedRecord = (voucherId: string) =>
    sequenced(voucherRecord({ voucherId, programmeId: 'PGUARD', status: 'redeemed', holderAreaCode: '350102001001', holderType: 'person', faceValueFen: 5_000, redeemedAt: new Date().toISOString() }, 'claimed'));

  it.each([
    ['voucherStream', voucherStream, { faceValueFen: { N: 'not-a-number' } }],
    ['figureStream', figureStream, undefined],
  ] as const)('in %s goes to its dead-letter queue; the records around it are processed once', async (name, consumer, badImage) => {
    const [before, after] = [`${name}-V1`, `${name}-V2`];
    const poison = redeemedRecord(`${name}-POISON`);
    const broken = badImage
      ? { ...poison, dynamodb: { ...poison.dynamodb, NewImage: { ...(poison.dynamodb.NewImage as object), ...badImage } } }
      : { ...poison, dynamodb: { ...poison.dynamodb, Keys: { pk: { S: `VOUCHER#${name}-POISON` } } } };
    await deliverStream(name, consumer as never, [redeemedRecord(before), broken, redeemedRecord(after)] as never);

    const dlq = await readLocalQueue(dlqOf(name));
    expect(dlq.map((m) => JSON.parse(m.body).record.dynamodb.SequenceNumber)).toEqual([broken.dynamodb.SequenceNumber]);
    for (const voucherId of [before, after]) {
      const counted =
        name === 'voucherStream'
          ? (await StatsAppliedEntity.build(GetItemCommand).key({ voucherId, status: 'redeemed' }).options({ consistent: true }).send()).Item
          : (await FigureAppliedEntity.build(GetItemCommand).key({ eventKey: `VOUCHER#${voucherId}#redeemed` }).options({ consistent: true }).send()).Item;
      expect({ voucherId, counted: Boolean(counted) }).toEqual({ voucherId, counted: true });
    }
  });

  it('in dispatchMessages goes to its dead-letter queue; the messages around it are sent', async () => {
    const at = new Date().toISOString();
    const messages = ['MSGGUARD1', 'MSGGUARD2'].map((id) => outboxItem({ userId: 'nobody-guard', template: 'application_update', page: 'index', data: {}, at }, id));
    for (const m of messages) await OutboxEntity.build(PutItemCommand).item(m).send();
    const insert = (pk: string) => sequenced({ eventName: 'INSERT', dynamodb: { Keys: { pk: { S: pk }, sk: { S: 'MESSAGE' } } } });
    const poison = insert('OUTBOX#');
    await deliverStream('dispatchMessages', dispatchMessages as never, [insert('OUTBOX#MSGGUARD1'), poison, insert('OUTBOX#MSGGUARD2')] as never);

    const dlq = await readLocalQueue(dlqOf('dispatchMessages'));
    expect(dlq.map((m) => JSON.parse(m.body).record.dynamodb.SequenceNumber)).toEqual([poison.dynamodb.SequenceNumber]);
    for (const messageId of ['MSGGUARD1', 'MSGGUARD2']) {
      const { Item } = await OutboxEntity.build(GetItemCommand).key({ messageId }).options({ consistent: true }).send();
      // Dispatched: no WeChat identity for this user, so recorded as skipped rather than left pending.
      expect({ messageId, status: Item?.status }).toEqual({ messageId, status: 'skipped' });
    }
  });
});
