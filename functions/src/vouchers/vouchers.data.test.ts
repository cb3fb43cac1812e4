// Employment vouchers on DynamoDB Local: single-use redemption under 1,000 concurrent attempts,
// quota and budget under concurrent claims, and settlement that pays exactly what was redeemed
// — to the fen — through duplicate stream deliveries, a crash at every step and concurrent runs.
import { GetItemCommand } from 'dynamodb-toolbox/entity/actions/get';
import { PutItemCommand } from 'dynamodb-toolbox/entity/actions/put';
import { QueryCommand } from 'dynamodb-toolbox/table/actions/query';
import { ulid } from 'ulid';
import { BANK_RESULT_VALUES, PRIVACY_POLICY_VERSION, addCalendarDays, programmeBodySchema, todayInChina } from '@doorstep/shared';
import { onOwnDynamoLocal } from '../../../tests/support/ownDynamo';
import { testEnvironment } from '../../../tests/support/testConfig';
import { birthDateYearsAgo, makeIdNumber, registrationBody } from '../../../tests/support/people';
import { designatedProvider, employerFixture } from '../../../tests/support/providers';
import { citizen, financeOf, programmeBody, staffOf, streamEvent, voucherRecord } from '../../../tests/support/vouchers';
import { LedgerEntryEntity, QuotaShardEntity, VoucherEntity, VoucherStatsEntity } from './entities';
import { OutboxEntity, UserEntity } from '../db/entities';
import { table } from '../db/table';
import { isConditionFailure } from '../db/errors';
import { signSession } from '../http/session';
import { putRegistration } from '../registration/service';
import { signHolderCode } from './codes';
import { onStream } from './handlers/stream';
import { redeem as redeemHandler } from './handlers/redemption';
import { claim as claimHandler } from './handlers/wallet';
import { expireDue, revokeVoucher } from './lapse';
import { issueProgramme } from './issuing';
import { approveProgramme, createProgramme } from './programmes';
import type { StoredVoucher } from './store';
import { designateProvider, redeemVoucher, reverseVoucher } from './redemption';
import { approveBatch, getBatch, importBankResults, payoutFile, runSettlement, type SettlementHooks } from './settlement';
import { voucherStats } from './stats';
import { claimEmployerVoucher, claimVoucher, employerHolderCode, getEmployerVoucher, getMyVoucher, holderCode, listEmployerVouchers, listMyVouchers } from './wallet';
import { giveConsents } from '../privacy/consents';

// Thousands of transactions (issuing, redeeming, settling): on a DynamoDB Local of its own, so the
// other data suites do not wait on its lock.
onOwnDynamoLocal();
jest.setTimeout(240_000);

const JWT_SECRET = testEnvironment('x').JWT_SECRET;
const STAFF = staffOf('staff-district');
const FINANCE = financeOf('finance-district');
let serial = 100;

async function person(userId: string, areaCode = '350102001001') {
  serial += 1;
  await putRegistration(
    userId,
    registrationBody({ idNumber: makeIdNumber(birthDateYearsAgo(20), serial % 1000), residence: { areaCode, address: '鼓东路', lat: 26.08, lng: 119.3 } }),
  );
  // They have agreed to the guide and given the separate consents, a bank account's among them.
  await giveConsents(userId, { purposes: ['privacy', 'id_number', 'bank_account'], version: PRIVACY_POLICY_VERSION, channel: 'weapp' });
}

const provider = designatedProvider;

async function approvedProgramme(overrides: Parameters<typeof programmeBody>[0] = {}) {
  const p = await createProgramme(STAFF, programmeBody(overrides));
  return approveProgramme(FINANCE, p.id);
}

/** Issues to everyone registered in the district and returns the person's voucher of the programme. */
async function issueAll(programmeId: string) {
  let cursor: string | undefined;
  do {
    const page = await issueProgramme(STAFF, programmeId, cursor);
    cursor = page.nextCursor;
  } while (cursor);
}

async function voucherOf(userId: string, programmeId: string) {
  const mine = await listMyVouchers(citizen(userId));
  const v = mine.find((x) => x.programmeId === programmeId);
  if (!v) throw new Error(`no voucher of ${programmeId} for ${userId}`);
  return v;
}

const load = async (voucherId: string) => (await VoucherEntity.build(GetItemCommand).key({ voucherId }).options({ consistent: true }).send()).Item!;
const event = (token: string, body: unknown, params?: Record<string, string>, key?: string) =>
  ({ body: JSON.stringify(body), headers: { authorization: `Bearer ${token}`, ...(key ? { 'idempotency-key': key } : {}) }, pathParameters: params, isBase64Encoded: false }) as never;
/** A citizen's token, with the account the HTTP wrapper reads for their roles on every request. */
const tokenOf = async (userId: string) => {
  const now = new Date().toISOString();
  await UserEntity.build(PutItemCommand).item({ userId, roles: ['jobseeker'], createdAt: now, updatedAt: now }).options({ condition: { attr: 'userId', exists: false } }).send().catch((err) => {
    if (!isConditionFailure(err)) throw err; // the account is there already
  });
  return (await signSession({ id: userId, roles: ['jobseeker'], createdAt: '' }, JWT_SECRET, 600)).token;
};

async function ledgerOf(voucherId: string) {
  const { Items = [] } = await table.build(QueryCommand).entities(LedgerEntryEntity).query({ partition: `VOUCHER#${voucherId}`, range: { beginsWith: 'LEDGER#' } }).options({ consistent: true }).send();
  return Items;
}

/** What the table's stream would deliver for the vouchers as they are now, each record twice. */
async function deliverTwice(vouchers: StoredVoucher[], oldStatus: (v: StoredVoucher) => string | undefined) {
  const records = vouchers.map((v) => voucherRecord(v, oldStatus(v)));
  await onStream(streamEvent([...records, ...records]));
}

describe('redemption', () => {
  let programmeId: string;
  beforeAll(async () => {
    await provider('01K0PRVA000000000000000AA0', ['agent-a1', 'agent-a2']);
    await provider('01K0PRVB000000000000000BB0', ['agent-b1']);
    programmeId = (await approvedProgramme({ name: '单次核销测试券' })).id;
    await person('holder-one');
    await person('holder-two');
    await issueAll(programmeId);
  });

  it('lets exactly one of 1,000 concurrent redemptions of a voucher through; the rest answer 409 and the ledger has one row', async () => {
    const v = await voucherOf('holder-one', programmeId);
    await claimVoucher(citizen('holder-one'), v.id, {}, undefined);
    const { code } = await signHolderCode(v.id);
    const agents = [
      { user: 'agent-a1', providerId: '01K0PRVA000000000000000AA0' },
      { user: 'agent-a2', providerId: '01K0PRVA000000000000000AA0' },
      { user: 'agent-b1', providerId: '01K0PRVB000000000000000BB0' },
    ];
    const tokens = await Promise.all(agents.map((a) => tokenOf(a.user)));
    const results = await Promise.all(
      Array.from({ length: 1000 }, (_, i) =>
        redeemHandler(event(tokens[i % 3], { code, providerId: agents[i % 3].providerId, serviceRecord: { serviceDate: '2026-11-20', description: '职业指导一次，制定求职计划' } }, undefined, `attempt-${i}-key`)),
      ),
    );
    const statuses = results.map((r) => (r as { statusCode: number }).statusCode);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(999);
    const ledger = await ledgerOf(v.id);
    expect(ledger.map((e) => e.entry)).toEqual(['REDEEM']);
    expect((await load(v.id)).status).toBe('redeemed');
  });

  it('gives a replay with the same Idempotency-Key the first answer, and refuses the key for another request', async () => {
    const v = await voucherOf('holder-two', programmeId);
    const token = await tokenOf('holder-two');
    const first = await claimHandler(event(token, {}, { id: v.id }, 'claim-holder-two-1'));
    const again = await claimHandler(event(token, {}, { id: v.id }, 'claim-holder-two-1'));
    expect((first as { statusCode: number }).statusCode).toBe(200);
    expect((again as { body: string }).body).toBe((first as { body: string }).body);
    const { code } = await signHolderCode(v.id);
    const body = { code, providerId: '01K0PRVA000000000000000AA0', serviceRecord: { serviceDate: '2026-11-20', description: '职业指导一次' } };
    const agent = await tokenOf('agent-a1');
    const r1 = await redeemHandler(event(agent, body, undefined, 'redeem-holder-two'));
    const r2 = await redeemHandler(event(agent, body, undefined, 'redeem-holder-two'));
    expect((r1 as { statusCode: number }).statusCode).toBe(201);
    expect((r2 as { statusCode: number }).statusCode).toBe(201);
    expect((r2 as { body: string }).body).toBe((r1 as { body: string }).body);
    const other = await redeemHandler(event(agent, { ...body, serviceRecord: { ...body.serviceRecord, description: '另一次服务' } }, undefined, 'redeem-holder-two'));
    expect((other as { statusCode: number }).statusCode).toBe(409);
    expect(await ledgerOf(v.id)).toHaveLength(1);
  });

  it('refuses an expired voucher, and a provider of a type the programme does not accept', async () => {
    await person('holder-expired');
    await issueAll(programmeId);
    const v = await voucherOf('holder-expired', programmeId);
    await claimVoucher(citizen('holder-expired'), v.id, {}, undefined);
    const stored = await load(v.id);
    await VoucherEntity.build(PutItemCommand).item({ ...stored, expiresOn: '2026-01-01' }).send();
    const { code } = await signHolderCode(v.id);
    const serviceRecord = { serviceDate: '2026-11-20', description: '职业指导一次' };
    await expect(redeemVoucher({ userId: 'agent-a1', roles: ['jobseeker'] }, { code, providerId: '01K0PRVA000000000000000AA0', serviceRecord }, undefined)).rejects.toMatchObject({ statusCode: 422 });
    expect(await ledgerOf(v.id)).toHaveLength(0);

    await provider('01K0PRVC000000000000000CC0', ['agent-c1'], ['training_institution']);
    const employerOnly = await approvedProgramme({ name: '只限人力机构的券', providerTypes: ['hr_agency'] });
    await issueAll(employerOnly.id);
    const w = await voucherOf('holder-expired', employerOnly.id);
    await claimVoucher(citizen('holder-expired'), w.id, {}, undefined);
    const fresh = await signHolderCode(w.id);
    await expect(redeemVoucher({ userId: 'agent-c1', roles: ['jobseeker'] }, { code: fresh.code, providerId: '01K0PRVC000000000000000CC0', serviceRecord }, undefined)).rejects.toMatchObject({ statusCode: 422 });
  });

  it('refuses a code whose minute has passed, or that was not signed by us', async () => {
    const v = await voucherOf('holder-two', programmeId);
    const old = await signHolderCode(v.id, new Date(Date.now() - 5 * 60_000));
    const serviceRecord = { serviceDate: '2026-11-20', description: '职业指导一次' };
    await expect(redeemVoucher({ userId: 'agent-a1', roles: ['jobseeker'] }, { code: old.code, providerId: '01K0PRVA000000000000000AA0', serviceRecord }, undefined)).rejects.toMatchObject({
      statusCode: 422,
      message: '券码已过期，请让持券人刷新后再扫',
    });
    const forged = `${old.code.slice(0, -4)}AAAA`;
    await expect(redeemVoucher({ userId: 'agent-a1', roles: ['jobseeker'] }, { code: forged, providerId: '01K0PRVA000000000000000AA0', serviceRecord }, undefined)).rejects.toMatchObject({ statusCode: 422 });
  });
});

describe('quota and budget', () => {
  it('claims exactly the quota when more people claim at once than there are places', async () => {
    const p = await approvedProgramme({ name: '名额测试券', quota: 25, budgetFen: 25 * 20_000 });
    const people = Array.from({ length: 60 }, (_, i) => `quota-person-${i}`);
    for (const id of people) await person(id, '350102003001');
    await issueAll(p.id);
    const vouchers = await Promise.all(people.map((id) => voucherOf(id, p.id)));
    const results = await Promise.allSettled(vouchers.map((v, i) => claimVoucher(citizen(people[i]), v.id, {}, undefined)));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(25);
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(refused.every((r) => r.reason.statusCode === 409 && r.reason.message === '这个券种的名额已经领完了')).toBe(true);
    const { Items: shards = [] } = await table.build(QueryCommand).entities(QuotaShardEntity).query({ partition: `VPROG#${p.id}`, range: { beginsWith: 'SHARD#' } }).options({ consistent: true }).send();
    expect(shards.reduce((n, s) => n + s.quotaLeft, 0)).toBe(0);
    expect(shards.every((s) => s.quotaLeft >= 0 && s.budgetLeftFen >= 0)).toBe(true);
  });

  it('stops at the budget when the budget runs out before the quota', async () => {
    const p = await approvedProgramme({ name: '预算测试券', quota: 40, budgetFen: 7 * 20_000 + 5 });
    const people = Array.from({ length: 20 }, (_, i) => `budget-person-${i}`);
    for (const id of people) await person(id, '350102004001');
    await issueAll(p.id);
    const vouchers = await Promise.all(people.map((id) => voucherOf(id, p.id)));
    const results = await Promise.allSettled(vouchers.map((v, i) => claimVoucher(citizen(people[i]), v.id, {}, undefined)));
    const claimed = results.filter((r) => r.status === 'fulfilled').length;
    const { Items: shards = [] } = await table.build(QueryCommand).entities(QuotaShardEntity).query({ partition: `VPROG#${p.id}`, range: { beginsWith: 'SHARD#' } }).options({ consistent: true }).send();
    expect(claimed).toBe(7);
    expect(shards.every((s) => s.budgetLeftFen >= 0)).toBe(true);
    expect(shards.reduce((n, s) => n + s.budgetLeftFen, 0)).toBe(7 * 20_000 + 5 - claimed * 20_000);
  });
});

describe('settlement', () => {
  const SERVICE_PROVIDERS = ['01K0SETTAAA000000000000000', '01K0SETTBBB000000000000000'];
  let service: { id: string };
  let benefit: { id: string };
  const holders = Array.from({ length: 70 }, (_, i) => `settle-holder-${i}`);

  /** Every voucher of the two programmes as stored now. */
  async function all(): Promise<StoredVoucher[]> {
    const out: StoredVoucher[] = [];
    for (const h of holders) {
      for (const v of await listMyVouchers(citizen(h))) if (v.programmeId === service.id || v.programmeId === benefit.id) out.push(await load(v.id));
    }
    return out;
  }


  beforeAll(async () => {
    await provider(SERVICE_PROVIDERS[0], ['settle-agent-a'], ['hr_agency'], '350102005002');
    await provider(SERVICE_PROVIDERS[1], ['settle-agent-b'], ['hr_agency'], '350102005003');
    service = await approvedProgramme({ name: '结算测试服务券', faceValueFen: 12_345, budgetFen: 200 * 12_345, quota: 200, areaCode: '350102005' });
    benefit = await approvedProgramme({ name: '结算测试补贴券', kind: 'benefit', faceValueFen: 50_001, budgetFen: 200 * 50_001, quota: 200, areaCode: '350102005' });
    for (const h of holders) await person(h, '350102005001');
    await issueAll(service.id);
    await issueAll(benefit.id);
    for (const [i, h] of holders.entries()) {
      for (const p of [service, benefit]) {
        const v = await voucherOf(h, p.id);
        await claimVoucher(citizen(h), v.id, p === benefit ? { account: { accountNo: `62170000${String(i).padStart(8, '0')}`, bankName: '建设银行' } } : {}, undefined);
        const { code } = await signHolderCode(v.id);
        const agent = i % 2 === 0 ? 'settle-agent-a' : 'settle-agent-b';
        await redeemVoucher({ userId: agent, roles: ['jobseeker'] }, { code, providerId: SERVICE_PROVIDERS[i % 2], serviceRecord: { serviceDate: '2026-11-20', description: '培训结业' } }, undefined);
      }
    }
  });

  it('pays exactly what was redeemed, to the fen, through duplicate deliveries, a crash at every step, concurrent runs and a failed payment', async () => {
    // Five redemptions are reversed before settlement: those are never paid.
    const redeemed = await all();
    const reversed = redeemed.slice(0, 5);
    for (const v of reversed) await reverseVoucher({ userId: v.providerId === SERVICE_PROVIDERS[0] ? 'settle-agent-a' : 'settle-agent-b', roles: ['jobseeker'] }, v.voucherId, '服务未实际提供');
    // The stream delivers the first half of the redemptions twice (and the reversals after them).
    const firstWave = redeemed.slice(0, 70);
    await deliverTwice(firstWave, () => 'claimed');
    const expected = redeemed.slice(5).reduce((n, v) => n + v.faceValueFen, 0);

    // Runs crash right after each kind of step; each next run (20 minutes on, past the lease) carries on.
    let later = Date.now();
    for (const at of ['chunk', 'lines_written', 'batch_ready', 'batch_created'] as const) {
      const hooks: SettlementHooks = {
        step: (name) => {
          if (name === at) throw new Error(`crash injected after ${name}`);
        },
      };
      await expect(runSettlement({ actorId: 'test', hooks, now: new Date(later) })).rejects.toThrow(`crash injected after ${at}`);
      later += 21 * 60_000;
    }
    // The second half arrives, twice; two runs start together, then one more finishes whatever is left.
    await deliverTwice(redeemed.slice(70), () => 'claimed');
    await Promise.all([runSettlement({ actorId: 'test' }), runSettlement({ actorId: 'test' })]);
    await runSettlement({ actorId: 'test', now: new Date(later + 21 * 60_000) });

    const settling = (await all()).filter((v) => v.status === 'settling');
    expect(settling).toHaveLength(redeemed.length - 5);
    const batchIds = [...new Set(settling.map((v) => v.batchId!))];
    let batchTotal = 0;
    for (const id of batchIds) {
      const { batch, lines } = await getBatch(FINANCE, id);
      expect(batch.status).toBe('ready');
      expect(lines.reduce((n, l) => n + l.amountFen, 0)).toBe(batch.amountFen);
      expect(batch.amountFen).toBe(settling.filter((v) => v.batchId === id).reduce((n, v) => n + v.faceValueFen, 0));
      batchTotal += batch.amountFen;
    }
    expect(batchTotal).toBe(expected);

    // Finance approves, downloads, and imports the bank's results: the first line of each batch fails once; a crash mid-import is finished by importing again.
    for (const id of batchIds) {
      await approveBatch(FINANCE, id);
      const file = await payoutFile(FINANCE, id);
      const rows = file.content.split('\r\n').slice(1).map((r) => JSON.parse(`[${r}]`) as string[]);
      expect(rows.reduce((n, r) => n + Number(r[5]), 0)).toBe((await getBatch(FINANCE, id)).batch.amountFen);
      const results = ['line_id,result,reason', ...rows.map((r, i) => (i === 0 ? `${r[0]},${BANK_RESULT_VALUES.failed},户名与账号不符` : `${r[0]},${BANK_RESULT_VALUES.paid},`))].join('\n');
      await expect(importBankResults(FINANCE, id, results, { step: (name) => { if (name === 'line_vouchers') throw new Error('crash injected'); } })).rejects.toThrow('crash injected');
      const done = await importBankResults(FINANCE, id, results);
      expect(done.batch.status).toBe('reconciled');
      const again = await importBankResults(FINANCE, id, results);
      expect(again).toMatchObject({ paid: 0, failed: 0, unchanged: rows.length });
    }
    // The failed lines' vouchers went back to the queue; their stream records arrive twice; the next run pays them.
    const requeued = (await all()).filter((v) => v.status === 'redeemed');
    expect(requeued.length).toBeGreaterThan(0);
    await deliverTwice(requeued, () => 'settling');
    const retry = await runSettlement({ actorId: 'test' });
    for (const b of retry.batches) {
      await approveBatch(FINANCE, b.batchId);
      const file = await payoutFile(FINANCE, b.batchId);
      const ids = file.content.split('\r\n').slice(1).map((r) => (JSON.parse(`[${r}]`) as string[])[0]);
      await importBankResults(FINANCE, b.batchId, ['line_id,result,reason', ...ids.map((id) => `${id},${BANK_RESULT_VALUES.paid},`)].join('\n'));
    }

    const final = await all();
    const ledgers = await Promise.all(final.map((v) => ledgerOf(v.voucherId)));
    const payments = ledgers.flat().filter((e) => e.entry.startsWith('PAYMENT#'));
    expect(payments.reduce((n, e) => n + e.amountFen, 0)).toBe(expected);
    // Each voucher paid once at most; reversed ones never.
    expect(new Set(payments.map((e) => e.voucherId)).size).toBe(payments.length);
    expect(final.filter((v) => v.status === 'settled')).toHaveLength(redeemed.length - 5);
    for (const v of reversed) expect(payments.some((e) => e.voucherId === v.voucherId)).toBe(false);
  });

  it('keeps figures that match a recount of the vouchers, however often the stream delivered', async () => {
    const vouchers = await all();
    // Deliver every settled voucher's last change twice more: nothing may be counted again.
    await deliverTwice(vouchers, (v) => (v.status === 'settled' ? 'settling' : undefined));
    const stats = await voucherStats(FINANCE, '350102005');
    const mine = stats.rows.filter((r) => r.programmeId === service.id || r.programmeId === benefit.id);
    const sum = (k: 'settled' | 'redeemed' | 'reversed') => mine.reduce((n, r) => n + r[k].amountFen, 0);
    const settled = vouchers.filter((v) => v.status === 'settled');
    expect(sum('settled')).toBe(settled.reduce((n, v) => n + v.faceValueFen, 0));
    expect(sum('reversed')).toBe(vouchers.filter((v) => v.status === 'reversed').reduce((n, v) => n + v.faceValueFen, 0));
    expect(sum('redeemed')).toBe(vouchers.reduce((n, v) => n + v.faceValueFen, 0));
    expect(mine.every((r) => r.holderType === 'person' && r.areaCode === '350102005001')).toBe(true);
  });
});

describe('issuing', () => {
  it('does not let an expired, unused voucher stand in the way of the next one', async () => {
    const p = await approvedProgramme({ name: '过期后再发测试券', areaCode: '350102008', perPersonLimit: 2 });
    await person('expired-holder', '350102008001');
    await issueAll(p.id);
    const [first] = (await listMyVouchers(citizen('expired-holder'))).filter((v) => v.programmeId === p.id);
    await claimVoucher(citizen('expired-holder'), first.id, {}, undefined);
    await VoucherEntity.build(PutItemCommand).item({ ...(await load(first.id)), expiresOn: '2026-01-01' }).send();
    await issueAll(p.id);
    const mine = (await listMyVouchers(citizen('expired-holder'))).filter((v) => v.programmeId === p.id);
    expect(mine.map((v) => v.status).sort()).toEqual(['expired', 'issued']);
  });

  it('gives one unused voucher at a time, and the next only after the last is used, up to the limit', async () => {
    await provider('01K0PRVD000000000000000DD0', ['agent-d1'], ['hr_agency'], '350102007002');
    const p = await approvedProgramme({ name: '每人两张测试券', areaCode: '350102007', perPersonLimit: 2 });
    await person('twice-holder', '350102007001');
    await issueAll(p.id);
    await issueAll(p.id);
    const first = (await listMyVouchers(citizen('twice-holder'))).filter((v) => v.programmeId === p.id);
    expect(first).toHaveLength(1);
    await claimVoucher(citizen('twice-holder'), first[0].id, {}, undefined);
    const { code } = await signHolderCode(first[0].id);
    await redeemVoucher({ userId: 'agent-d1', roles: ['jobseeker'] }, { code, providerId: '01K0PRVD000000000000000DD0', serviceRecord: { serviceDate: '2026-11-20', description: '职业指导一次' } }, undefined);
    await issueAll(p.id);
    await issueAll(p.id);
    expect((await listMyVouchers(citizen('twice-holder'))).filter((v) => v.programmeId === p.id)).toHaveLength(2);
    const second = (await listMyVouchers(citizen('twice-holder'))).find((v) => v.programmeId === p.id && v.status === 'issued')!;
    await claimVoucher(citizen('twice-holder'), second.id, {}, undefined);
    const again = await signHolderCode(second.id);
    await redeemVoucher({ userId: 'agent-d1', roles: ['jobseeker'] }, { code: again.code, providerId: '01K0PRVD000000000000000DD0', serviceRecord: { serviceDate: '2026-11-20', description: '职业指导一次' } }, undefined);
    await issueAll(p.id);
    expect((await listMyVouchers(citizen('twice-holder'))).filter((v) => v.programmeId === p.id)).toHaveLength(2);
  });

  it('issues a voucher when someone becomes eligible, once however often the stream says so', async () => {
    const p = await approvedProgramme({ name: '自动发放测试券', areaCode: '350102006' });
    const userId = `auto-${ulid()}`;
    await person(userId, '350102006001');
    const record = { eventName: 'INSERT', dynamodb: { Keys: { pk: { S: `USER#${userId}` }, sk: { S: 'JOBSEEKER_REG' } } } };
    await onStream(streamEvent([record, record]));
    await onStream(streamEvent([record]));
    const mine = (await listMyVouchers(citizen(userId))).filter((v) => v.programmeId === p.id);
    expect(mine).toHaveLength(1);
    expect(mine[0].status).toBe('issued');
    const stats = await VoucherStatsEntity.build(GetItemCommand).key({ programmeId: p.id, areaCode: '350102006001', holderType: 'person' }).send();
    expect(stats.Item).toBeUndefined(); // counted by the stream record of the voucher itself, not by this one
  });
});

async function shardsLeft(programmeId: string) {
  const { Items = [] } = await table.build(QueryCommand).entities(QuotaShardEntity).query({ partition: `VPROG#${programmeId}`, range: { beginsWith: 'SHARD#' } }).options({ consistent: true }).send();
  return { quota: Items.reduce((n, x) => n + x.quotaLeft, 0), budgetFen: Items.reduce((n, x) => n + x.budgetLeftFen, 0) };
}

describe('unused vouchers: expiry and revocation', () => {
  it('expires unused vouchers after their last day, once under two runs at the same moment, and gives a claimed one its place and face value back', async () => {
    await provider('01K0PRVE000000000000000EE0', ['agent-e1'], ['hr_agency'], '350102009002');
    const today = todayInChina();
    const p = await approvedProgramme({ name: '到期测试券', areaCode: '350102009', quota: 3, budgetFen: 3 * 20_000, claimUntil: addCalendarDays(today, 10), validityDays: 5 });
    for (const who of ['exp-used', 'exp-claimed', 'exp-unclaimed']) await person(who, '350102009001');
    await issueAll(p.id);
    const used = await voucherOf('exp-used', p.id);
    const claimed = await voucherOf('exp-claimed', p.id);
    const unclaimed = await voucherOf('exp-unclaimed', p.id);
    await claimVoucher(citizen('exp-used'), used.id, {}, undefined);
    await claimVoucher(citizen('exp-claimed'), claimed.id, {}, undefined);
    const { code } = await signHolderCode(used.id);
    await redeemVoucher({ userId: 'agent-e1', roles: ['jobseeker'] } as never, { code, providerId: '01K0PRVE000000000000000EE0', serviceRecord: { serviceDate: today, description: '职业指导一次' } }, undefined);
    expect(await shardsLeft(p.id)).toEqual({ quota: 1, budgetFen: 20_000 });

    // Nothing is due before the last days have passed.
    expect(await expireDue(today)).toEqual({ expired: 0, returned: 0 });
    const later = addCalendarDays(today, 11);
    const runs = await Promise.all([expireDue(later), expireDue(later)]);
    expect(runs.reduce((n, r) => n + r.expired, 0)).toBe(2);
    expect(runs.reduce((n, r) => n + r.returned, 0)).toBe(1);
    expect((await load(claimed.id)).status).toBe('expired');
    expect((await load(unclaimed.id)).status).toBe('expired');
    expect((await load(used.id)).status).toBe('redeemed');
    // The claimed one's place and face value are back; the unclaimed one had taken none.
    expect(await shardsLeft(p.id)).toEqual({ quota: 2, budgetFen: 2 * 20_000 });
    expect(await expireDue(later)).toEqual({ expired: 0, returned: 0 });
    const history = (await getMyVoucher(citizen('exp-claimed'), claimed.id)).history!;
    expect(history.at(-1)).toMatchObject({ action: 'expire', label: '已过期' });
    await expect(holderCode(citizen('exp-claimed'), claimed.id)).rejects.toMatchObject({ statusCode: 422 });

    // Counted once in the figures as expired, however often the stream delivers it.
    await deliverTwice([await load(claimed.id), await load(unclaimed.id)], () => 'claimed');
    const stats = await VoucherStatsEntity.build(GetItemCommand).key({ programmeId: p.id, areaCode: '350102009001', holderType: 'person' }).send();
    expect(stats.Item).toMatchObject({ expiredCount: 2, expiredFen: 40_000 });
  });

  it("lets district staff of the holder's area revoke an unused voucher with a reason: its place comes back, the holder is told, and it can no longer be shown or revoked again", async () => {
    const p = await approvedProgramme({ name: '收回测试券', areaCode: '350102002', quota: 2, budgetFen: 2 * 20_000 });
    await person('rev-holder', '350102002002');
    await issueAll(p.id);
    const v = await voucherOf('rev-holder', p.id);
    await claimVoucher(citizen('rev-holder'), v.id, {}, undefined);
    expect(await shardsLeft(p.id)).toEqual({ quota: 1, budgetFen: 20_000 });

    await expect(revokeVoucher(staffOf('other-district', 'district', '350103'), v.id, '骗领，经核查属实')).rejects.toMatchObject({ statusCode: 404 });
    await expect(revokeVoucher(staffOf('street-staff', 'street', '350102002'), v.id, '骗领，经核查属实')).rejects.toMatchObject({ statusCode: 403 });
    expect((await revokeVoucher(STAFF, v.id, '骗领，经核查属实')).voucher).toEqual({ id: v.id, status: 'revoked', reason: '骗领，经核查属实' });
    await expect(revokeVoucher(STAFF, v.id, '骗领，经核查属实')).rejects.toMatchObject({ statusCode: 409 });

    expect(await shardsLeft(p.id)).toEqual({ quota: 2, budgetFen: 2 * 20_000 });
    expect((await getMyVoucher(citizen('rev-holder'), v.id)).history!.at(-1)).toMatchObject({ action: 'revoke', label: '已收回', reason: '骗领，经核查属实' });
    await expect(holderCode(citizen('rev-holder'), v.id)).rejects.toMatchObject({ statusCode: 409 });
    const { Items: messages = [] } = await table.build(QueryCommand).entities(OutboxEntity).query({ index: 'gsi1', partition: 'OUTBOX#pending' }).options({ consistent: false }).send();
    expect(messages.some((m) => m.userId === 'rev-holder' && m.page === `vouchers/detail/index?id=${v.id}` && m.dataJson.includes('已收回'))).toBe(true);
  });

  it('takes back an unclaimed voucher when the holder moves out of its area, and leaves the claimed one theirs', async () => {
    const kept = await approvedProgramme({ name: '搬走后保留测试券', areaCode: '350102100' });
    const taken = await approvedProgramme({ name: '搬走后收回测试券', areaCode: '350102100' });
    const userId = `mover-${ulid()}`;
    await person(userId, '350102100001');
    const record = { eventName: 'MODIFY', dynamodb: { Keys: { pk: { S: `USER#${userId}` }, sk: { S: 'JOBSEEKER_REG' } } } };
    await onStream(streamEvent([record]));
    const toKeep = await voucherOf(userId, kept.id);
    const toTake = await voucherOf(userId, taken.id);
    await claimVoucher(citizen(userId), toKeep.id, {}, undefined);

    await person(userId, '350102001001'); // moved to another street of the district
    await onStream(streamEvent([record, record]));
    expect((await load(toKeep.id)).status).toBe('claimed');
    expect((await load(toTake.id)).status).toBe('revoked');
    expect((await getMyVoucher(citizen(userId), toTake.id)).history!.at(-1)).toMatchObject({ action: 'revoke', reason: '已不符合这张券的领取条件' });
  });
});

describe('vouchers held by employers', () => {
  const AGENCY = '01K0EMPAGENCY0000000000000';
  const SHOP = '01K0EMPSHOP000000000000000';
  const PENDING = '01K0EMPPENDING000000000000';
  const ELSEWHERE = '01K0EMPELSEWHERE0000000000';
  const agent = { userId: 'emp-agent', roles: ['jobseeker'] } as never;
  const admin = citizen('shop-admin');
  const clerk = citizen('shop-clerk');

  it('keeps people’s groups and employers’ groups apart in a programme', () => {
    const mixed = programmeBodySchema.safeParse({ ...programmeBody(), holderType: 'employer' });
    expect(mixed.success).toBe(false);
    expect(mixed.error?.issues.map((i) => [i.path.join('.'), i.message])).toContainEqual(['targetGroups', '单位券只能发给用人单位']);
    expect(programmeBodySchema.safeParse({ ...programmeBody(), targetGroups: ['approved_employer'] }).success).toBe(false);
    const { holderType: _absent, ...older } = programmeBody();
    expect(programmeBodySchema.parse(older).holderType).toBe('person');
  });

  it('issues to approved employers of the area, lets the administrator claim into the unit’s account and a member show the code, and pays the employer — never the provider, which may not redeem its own', async () => {
    await designatedProvider(AGENCY, ['emp-agent'], ['hr_agency'], '350102003002');
    const shopName = await employerFixture(SHOP, ['shop-admin', 'shop-clerk'], '350102003001', { roles: ['admin', 'member'] });
    await employerFixture(PENDING, ['pending-admin'], '350102003001', { status: 'pending_review' });
    await employerFixture(ELSEWHERE, ['elsewhere-admin'], '350102004001');
    const p = await approvedProgramme({
      name: '单位招用补贴券',
      kind: 'benefit',
      holderType: 'employer',
      targetGroups: ['approved_employer'],
      providerTypes: ['hr_agency'],
      areaCode: '350102003',
      faceValueFen: 150_000,
      budgetFen: 10 * 150_000,
      quota: 10,
    });
    expect(p.holderType).toBe('employer');
    const issued = await issueProgramme(STAFF, p.id);
    expect(issued).toMatchObject({ issued: 2, notEligible: 1 }); // the shop and the agency; not the unit still in review
    expect(await listEmployerVouchers(citizen('pending-admin'), PENDING)).toEqual([]);
    expect(await listEmployerVouchers(citizen('elsewhere-admin'), ELSEWHERE)).toEqual([]);
    expect((await issueProgramme(STAFF, p.id)).issued).toBe(0);

    const [v] = await listEmployerVouchers(clerk, SHOP);
    expect(v).toMatchObject({ programmeName: '单位招用补贴券', status: 'issued', faceValueFen: 150_000 });
    await expect(listEmployerVouchers(citizen('stranger'), SHOP)).rejects.toMatchObject({ statusCode: 404 });
    await expect(getEmployerVoucher(citizen('pending-admin'), PENDING, v.id)).rejects.toMatchObject({ statusCode: 404 });
    expect((await listMyVouchers(admin)).some((x) => x.id === v.id)).toBe(false);
    await expect(getMyVoucher(admin, v.id)).rejects.toMatchObject({ statusCode: 404 });

    await expect(claimEmployerVoucher(clerk, SHOP, v.id, { account: { accountNo: '3500123456789012', bankName: '兴业银行鼓楼支行' } }, undefined)).rejects.toMatchObject({ statusCode: 403 });
    await expect(claimEmployerVoucher(admin, SHOP, v.id, {}, undefined)).rejects.toMatchObject({ statusCode: 400 });
    const claimed = await claimEmployerVoucher(admin, SHOP, v.id, { account: { accountNo: '3500123456789012', bankName: '兴业银行鼓楼支行' } }, undefined);
    expect(claimed.voucher).toMatchObject({ status: 'claimed', accountMasked: '**** 9012' });

    // The shop is a provider too: it may not redeem the voucher it holds.
    await designateProvider(STAFF, { employerId: SHOP, types: ['hr_agency'], bankAccount: { accountName: shopName, accountNo: '3500999988887777', bankName: '兴业银行' } });
    const { code } = await employerHolderCode(clerk, SHOP, v.id);
    const serviceRecord = { serviceDate: todayInChina(), description: '招聘专场一次，到岗3人' };
    await expect(redeemVoucher({ userId: 'shop-admin', roles: ['jobseeker'] } as never, { code, providerId: SHOP, serviceRecord }, undefined)).rejects.toMatchObject({ statusCode: 422 });
    await redeemVoucher(agent, { code, providerId: AGENCY, serviceRecord }, undefined);
    const redeemed = await load(v.id);
    expect(redeemed).toMatchObject({ status: 'redeemed', holderType: 'employer', holderName: shopName, payeeKey: `employer#${SHOP}` });

    await deliverTwice([redeemed], () => 'claimed');
    const run = await runSettlement({ actorId: 'test' });
    const batch = run.batches.find((b) => b.programmeId === p.id)!;
    const { lines } = await getBatch(FINANCE, batch.batchId);
    expect(lines).toEqual([expect.objectContaining({ payeeType: 'employer', payeeName: shopName, accountMasked: '**** 9012', amountFen: 150_000, voucherCount: 1 })]);
    await approveBatch(FINANCE, batch.batchId);
    const [header, row] = (await payoutFile(FINANCE, batch.batchId)).content.replace(/^\uFEFF/, '').split('\r\n');
    expect(header).toContain('payee_type');
    const fields = JSON.parse(`[${row}]`) as string[];
    expect(fields.slice(1, 6)).toEqual(['employer', shopName, '3500123456789012', '兴业银行鼓楼支行', '150000']);
    await importBankResults(FINANCE, batch.batchId, `line_id,result,reason\n${fields[0]},${BANK_RESULT_VALUES.paid},`);
    const paid = await getEmployerVoucher(clerk, SHOP, v.id);
    expect(paid).toMatchObject({ status: 'settled', payout: { status: 'paid' } });
    expect(paid.history!.slice(0, 2).map((e) => e.label)).toEqual(['发放给本单位', '本单位已领取']);

    // The agency's own voucher, never claimed, is revoked: no message is addressed to a unit id (not a user).
    const [agencyVoucher] = await listEmployerVouchers(citizen('emp-agent'), AGENCY);
    expect((await revokeVoucher(STAFF, agencyVoucher.id, '单位已注销，收回未用的券')).voucher.status).toBe('revoked');
    const { Items: pending = [] } = await table.build(QueryCommand).entities(OutboxEntity).query({ index: 'gsi1', partition: 'OUTBOX#pending' }).send();
    expect(pending.filter((m) => m.userId === AGENCY || m.userId === SHOP)).toEqual([]);

    // Counted apart from people's vouchers.
    await deliverTwice([await load(v.id)], () => 'settling');
    const stats = await voucherStats(FINANCE, '350102003');
    const row3 = stats.rows.find((r) => r.programmeId === p.id && r.holderType === 'employer')!;
    expect(row3).toMatchObject({ areaCode: '350102003001', redeemed: { count: 1, amountFen: 150_000 }, settled: { count: 1, amountFen: 150_000 } });
  });

  it('issues an employers’ programme to a unit the moment the street approves it, once however often the stream says so', async () => {
    const LATE = '01K0EMPLATE000000000000000';
    const p = await approvedProgramme({ name: '新入驻单位服务券', holderType: 'employer', targetGroups: ['approved_employer'], providerTypes: ['hr_agency'], areaCode: '350102004' });
    await employerFixture(LATE, ['late-admin'], '350102004002');
    const record = {
      eventName: 'MODIFY',
      dynamodb: { Keys: { pk: { S: `EMPLOYER#${LATE}` }, sk: { S: 'PROFILE' } }, NewImage: { status: { S: 'approved' } }, OldImage: { status: { S: 'pending_review' } } },
    };
    await onStream(streamEvent([record, record]));
    const mine = (await listEmployerVouchers(citizen('late-admin'), LATE)).filter((x) => x.programmeId === p.id);
    expect(mine).toHaveLength(1);
    expect(mine[0].status).toBe('issued');
  });
});
