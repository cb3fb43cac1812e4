// 注销账号 over real HTTP (issue 17): a person with a registration, evidence photos, a complaint, a
// benefit voucher paid to their own bank account and a service voucher left unused asks to close
// their account; in the 7-day cooling-off they can cancel and nothing is lost; after it the
// erasure run removes every personal field — the table is scanned for their name, phone, ID number
// and its blind index, bank account and address — while the money still reconciles to the fen, the
// audit chains verify, and the same ID number can register a new account.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ScanCommand } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { ERASED_PERSON_LABEL } from '@doorstep/shared';
import { consumeLocalQueue, consumeTableStream, until } from '../support/streams';
import { apiClient } from '../support/http';
import { startApi, type RunningApi } from '../support/localStack';
import { uniqueTableName } from '../support/testConfig';
import { birthDateYearsAgo, makeIdNumber, registrationBody } from '../support/people';
import { employerBody, makeUscc } from '../support/employers';
import { programmeBody } from '../support/vouchers';
import { localClient } from '../../scripts/lib/dynamoLocal';

jest.setTimeout(300_000);

let api: RunningApi;
let client: ReturnType<typeof apiClient>;
let stream: { stop(): void };
let worker: { stop(): void };
const tableName = uniqueTableName('erasure');
let district: string;
let street: string;
let finance: string;
let agent: string;
let providerId: string;

const NAME = '郑晓燕';
const PHONE = '13755550123';
const ID_NUMBER = makeIdNumber(birthDateYearsAgo(19), 555);
const ADDRESS = '鼓东路 99 号 7 单元 502';
const ACCOUNT_NO = '6217001234567890123';
const COMPLAINT = `我是${NAME}，电话${PHONE}，窗口让我来回跑了三次还没办好。`;
const OPENID = 'er-person';

/** Everything in the suite's table, as plain objects. */
async function scanTable(): Promise<Record<string, unknown>[]> {
  const dynamo = localClient(process.env.DYNAMODB_ENDPOINT!);
  const items: Record<string, unknown>[] = [];
  let start: Record<string, never> | undefined;
  do {
    const page = await dynamo.send(new ScanCommand({ TableName: tableName, ConsistentRead: true, ...(start ? { ExclusiveStartKey: start } : {}) }));
    items.push(...(page.Items ?? []).map((i) => unmarshall(i)));
    start = page.LastEvaluatedKey as never;
  } while (start);
  dynamo.destroy();
  return items;
}

async function uploadEvidence(token: string): Promise<string> {
  const bytes = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0xff, 0xd9]);
  const target = await client.post('/uploads', { purpose: 'evidence', contentType: 'image/jpeg', size: bytes.length }, token);
  expect(target.status).toBe(201);
  const form = new FormData();
  for (const [k, v] of Object.entries(target.body.upload.fields as Record<string, string>)) form.append(k, v);
  form.append('file', new Blob([bytes], { type: 'image/jpeg' }), 'photo.jpg');
  expect((await fetch(`${api.baseUrl}${target.body.upload.url}`, { method: 'POST', body: form })).status).toBe(204);
  return target.body.upload.key;
}

async function approvedProgramme(overrides: Parameters<typeof programmeBody>[0]): Promise<string> {
  const created = await client.post('/voucher-programmes', programmeBody(overrides), district);
  expect(created.status).toBe(201);
  const id = created.body.programme.id;
  expect((await client.post(`/voucher-programmes/${id}/approve`, undefined, finance)).status).toBe(200);
  expect((await client.post(`/voucher-programmes/${id}/issue`, {}, district)).status).toBe(200);
  return id;
}

let person: string;
let userId: string;
let benefitVoucherId: string;
let serviceVoucherId: string;
let batchId: string;
let motherToken: string;
/** Her session acting for her mother, and her brother's acting for her (亲情代办 both ways). */
let actingForMother: string;
let brotherActing: string;

beforeAll(async () => {
  api = await startApi({ tableName });
  client = apiClient(api.baseUrl);
  stream = await consumeTableStream(tableName, async () => (await import('../../functions/src/vouchers/handlers/stream')).onStream);
  worker = await consumeLocalQueue(tableName, 'settlement', async () => (await import('../../functions/src/vouchers/handlers/settlement')).work);

  district = await client.devLogin('er-district', { roles: ['staff'], level: 'district', areaCode: '350102' });
  street = await client.devLogin('er-street', { roles: ['staff'], level: 'street', areaCode: '350102001' });
  finance = await client.devLogin('er-finance', { roles: ['finance'], level: 'district', areaCode: '350102' });
  agent = await client.devLogin('er-agent');
  providerId = (await client.post('/employers', employerBody({ uscc: makeUscc(9601), name: '鼓楼区安业人力资源服务有限公司' }), agent)).body.employer.id;
  const review = (await client.get('/staff/reviews?type=employer&limit=100', street)).body.items.find((r: { subjectId: string }) => r.subjectId === providerId);
  expect((await client.post(`/staff/reviews/${review.id}/decision`, { decision: 'approve' }, street)).status).toBe(200);
  expect((await client.post('/staff/providers', { employerId: providerId, types: ['hr_agency'], bankAccount: { accountName: '安业人力', accountNo: '6222020200118765432', bankName: '工商银行' } }, district)).status).toBe(200);

  // The person: registered, unemployed with a photo of evidence, a complaint, and two vouchers.
  person = await client.devLogin(OPENID, {}, { consents: ['privacy', 'id_number', 'hardship_evidence', 'bank_account'] });
  userId = (await client.get('/me', person)).body.user.id;
  const reg = registrationBody({ idNumber: ID_NUMBER, name: NAME, phone: PHONE, residence: { ...registrationBody().residence, address: ADDRESS } });
  expect((await client.put('/me/jobseeker-registration', reg, person)).status).toBe(200);
  const photo = await uploadEvidence(person);
  const applied = await client.post('/me/unemployment-registration', {
    priorStatus: 'employed', lastEmployer: '福州鼓楼纺织厂', leavingReason: 'contract_ended', leftOn: '2026-03-31',
    ableToWork: true, willingToWork: true, localResident: true, evidenceKeys: [photo],
  }, person);
  expect({ status: applied.status, text: applied.text }).toMatchObject({ status: 201 });
  expect((await client.post('/complaints', { kind: 'complaint', topic: 'efficiency', text: COMPLAINT }, person)).status).toBe(201);

  const benefit = await approvedProgramme({ name: '青年求职创业补贴', kind: 'benefit', serviceName: '求职指导', targetGroups: ['youth_16_24'], providerTypes: ['hr_agency'] });
  const service = await approvedProgramme({ name: '青年职业指导服务券', targetGroups: ['youth_16_24'] });
  const mine = await until(async () => {
    const items = (await client.get('/me/vouchers', person)).body.items as { id: string; programmeId: string }[];
    return items.length === 2 ? items : undefined;
  }, 'both vouchers issued');
  benefitVoucherId = mine.find((v) => v.programmeId === benefit)!.id;
  serviceVoucherId = mine.find((v) => v.programmeId === service)!.id;
  expect((await client.post(`/me/vouchers/${benefitVoucherId}/claim`, { account: { accountNo: ACCOUNT_NO, bankName: '建设银行' } }, person)).status).toBe(200);
  expect((await client.post(`/me/vouchers/${serviceVoucherId}/claim`, {}, person)).status).toBe(200);

  // 亲情代办 both ways: she acts for her mother (her phone is on her mother's record), her brother for her.
  const bindAndAct = async (inviter: string, proxy: string, phone: string, callName: string) => {
    const invited = await client.post('/me/proxies', { phone, relation: 'child', callName, channel: 'weapp' }, inviter);
    const accepted = await client.post('/me/proxy-invitations/accept', { phone, code: invited.body.code, channel: 'weapp' }, proxy);
    expect(accepted.status).toBe(201);
    const acting = await client.post('/me/acting-for', { bindingId: accepted.body.binding.id }, proxy);
    expect(acting.status).toBe(200);
    return acting.body.token as string;
  };
  motherToken = await client.devLogin('er-mother', {}, { consents: ['privacy'] });
  actingForMother = await bindAndAct(motherToken, person, PHONE, '妈妈');
  brotherActing = await bindAndAct(person, await client.devLogin('er-brother', {}, { consents: ['privacy'] }), '13755550999', '姐姐');
}, 300_000);

afterAll(async () => {
  stream?.stop();
  worker?.stop();
  await api?.stop();
});

describe('我的数据', () => {
  it('shows what is held by kind and gives a copy in which secrets are masked', async () => {
    const res = await client.get('/me/data-export', person);
    expect(res.status).toBe(200);
    const count = Object.fromEntries(res.body.categories.map((c: { key: string; count: number }) => [c.key, c.count]));
    expect(count).toMatchObject({ registration: 1, applications: 1, vouchers: 2, payoutAccount: 1, complaints: 1, proxies: 2 });
    expect(count.consents).toBeGreaterThanOrEqual(2);
    expect(res.body.data.registration[0]).toMatchObject({ name: NAME, phone: PHONE });
    expect(res.text).not.toContain(ID_NUMBER);
    expect(res.text).not.toContain(ACCOUNT_NO);
    expect(res.text).not.toMatch(/"(pk|sk|idNumberHash|accountCipher|auditHead)"/);
    expect((await client.get('/me/data-export')).status).toBe(401);
  });
});

describe('注销账号', () => {
  it('is refused while the person’s own benefit money is still on its way, and says so', async () => {
    const { code } = (await client.get(`/me/vouchers/${benefitVoucherId}/code`, person)).body;
    const redeemed = await client.post('/vouchers/redeem', { code, providerId, serviceRecord: { serviceDate: '2026-11-20', description: '一对一求职指导' } }, agent);
    expect(redeemed.status).toBe(201);
    const state = await client.get('/me/account-deletion', person);
    expect(state.body).toMatchObject({ deletion: null, coolingOffDays: 7 });
    expect(state.body.blockers.join('')).toContain('青年求职创业补贴');
    const refused = await client.post('/me/account-deletion', { confirm: true }, person);
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toContain('到账后才能注销');

    // Finance pays it: run, approve, the bank's file, the bank's results.
    const started = await client.call('POST', '/settlement-runs', { token: finance, headers: { 'idempotency-key': `er-run-${Date.now()}` } });
    expect(started.status).toBe(202);
    const run = await until(async () => {
      const r = await client.get(`/settlement-runs/${started.body.run.id}`, finance);
      return r.body.run.status === 'done' ? r.body.run : undefined;
    }, 'the settlement run');
    batchId = run.batches[0].id;
    expect((await client.post(`/settlement-batches/${batchId}/approve`, undefined, finance)).status).toBe(200);
    const file = await client.get(`/settlement-batches/${batchId}/payout-file`, finance);
    const line = file.text.replace(/^\uFEFF/, '').split('\r\n')[1];
    expect(line).toContain(ACCOUNT_NO);
    expect(line).toContain(NAME);
    const imported = await client.post(`/settlement-batches/${batchId}/bank-results`, { fileText: `line_id,result,reason\n${JSON.parse(`[${line}]`)[0]},成功,` }, finance);
    expect(imported.body).toMatchObject({ paid: 1, failed: 0 });
    expect((await client.get('/me/account-deletion', person)).body.blockers).toEqual([]);
  });

  it('needs an explicit confirmation, starts a 7-day cooling-off once however often it is asked, and refuses new personal writes meanwhile', async () => {
    const unconfirmed = await client.post('/me/account-deletion', {}, person);
    expect(unconfirmed.status).toBe(400);
    expect(unconfirmed.body.error.details[0]).toMatchObject({ path: ['confirm'], message: '请确认注销账号' });
    expect((await client.get('/me/account-deletion', person)).body.deletion).toBeNull();

    const first = await client.post('/me/account-deletion', { confirm: true }, person);
    expect(first.status).toBe(200);
    const { requestedAt, eraseAfter } = first.body.deletion;
    expect(Date.parse(eraseAfter) - Date.parse(requestedAt)).toBe(7 * 24 * 3600_000);
    const again = await client.post('/me/account-deletion', { confirm: true }, person);
    expect(again.body.deletion).toEqual(first.body.deletion);

    const write = await client.post('/complaints', { kind: 'suggestion', topic: 'other', text: '希望窗口周六也能开放办理业务。' }, person);
    expect(write.status).toBe(403);
    expect(write.body.error.message).toContain('冷静期');
    // Reading stays possible: the person can still see and copy their data.
    expect((await client.get('/me/data-export', person)).status).toBe(200);
  });

  it('can be cancelled in the cooling-off, and then everything is as it was', async () => {
    const cancelled = await client.call('DELETE', '/me/account-deletion', { token: person });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.deletion).toBeNull();
    expect((await client.call('DELETE', '/me/account-deletion', { token: person })).status).toBe(404);
    expect((await client.get('/me/jobseeker-registration', person)).body.registration).toMatchObject({ name: NAME });
    expect((await client.get(`/me/vouchers/${serviceVoucherId}`, person)).body.voucher.status).toBe('claimed');
    // An erasure run that had read the due list just before the cancel erases nothing.
    const { eraseAccount } = await import('../../functions/src/privacy/erasure');
    expect(await eraseAccount(userId, new Date(Date.now() + 8 * 24 * 3600_000))).toBeUndefined();
    expect((await client.get('/me/jobseeker-registration', person)).body.registration).toMatchObject({ name: NAME });
    expect((await client.post('/me/account-deletion', { confirm: true }, person)).status).toBe(200);
  });
});

describe('the erasure run', () => {
  /** What would identify the person, as the table holds it now: plain, as a blind index, or enciphered. */
  let secrets: string[];

  beforeAll(async () => {
    const { getDependencies } = await import('../../functions/src/deps');
    const items = await scanTable();
    const own = items.filter((i) => i.pk === `USER#${userId}`).flatMap((i) => [i.idNumberCipher, i.accountCipher]).filter((c): c is string => typeof c === 'string' && c.length > 0);
    expect(own).toHaveLength(2); // the registration's ID number and the claim's bank account
    secrets = [NAME, PHONE, ADDRESS, COMPLAINT, OPENID, getDependencies().idNumbers.blindIndex(ID_NUMBER), ...own];
    const before = JSON.stringify(items);
    for (const secret of secrets) expect({ secret, found: before.includes(secret) }).toEqual({ secret, found: true });
  });

  it('leaves the account alone until the cooling-off has ended', async () => {
    const { eraseDue } = await import('../../functions/src/privacy/erasure');
    expect(await eraseDue(new Date(Date.now() + 6 * 24 * 3600_000))).toEqual([]);
    expect((await client.get('/me', person)).status).toBe(200);
  });

  it('then erases every personal field: nothing in the table names the person, their photos are gone', async () => {
    const { eraseDue } = await import('../../functions/src/privacy/erasure');
    const done = await eraseDue(new Date(Date.now() + 8 * 24 * 3600_000));
    expect(done.map((d) => d.userId)).toEqual([userId]);
    expect(done[0]).toMatchObject({ released: 1, objects: 1 });
    // A second run finds nothing to do.
    expect(await eraseDue(new Date(Date.now() + 9 * 24 * 3600_000))).toEqual([]);

    const text = JSON.stringify(await scanTable());
    for (const secret of [...secrets, ID_NUMBER, ACCOUNT_NO, '窗口让我来回跑']) expect({ secret, found: text.includes(secret) }).toEqual({ secret, found: false });
    expect(existsSync(join('.data/test-uploads/evidence', userId))).toBe(false);
  });

  it('keeps the money records without the person: the paid line reads 已注销用户, amounts intact, and everything reconciles to the fen', async () => {
    const batch = await client.get(`/settlement-batches/${batchId}`, finance);
    expect(batch.status).toBe(200);
    expect(JSON.stringify(batch.body)).toContain(ERASED_PERSON_LABEL);
    expect(batch.body.batch).toMatchObject({ status: 'reconciled', paidFen: 20_000 });
    const { reconcileAll } = await import('../../functions/src/vouchers/reconcile');
    expect((await reconcileAll()).differenceFen).toBe(0);
    const stats = await until(async () => {
      const r = await client.get('/stats/vouchers?areaCode=350102', finance);
      return r.body.totals.revoked.count === 1 ? r.body : undefined;
    }, 'the unused voucher given back in the figures');
    expect(stats.totals.settled).toEqual({ count: 1, amountFen: 20_000 });
  });

  it('keeps the audit chains whole: the vouchers’ and the registration’s chains still verify, ending in the erasure', async () => {
    const { readAuditEvents } = await import('../../functions/src/audit/service');
    const { findBrokenLink } = await import('../../functions/src/audit/chain');
    for (const [type, id] of [['Voucher', benefitVoucherId], ['Voucher', serviceVoucherId], ['JobseekerRegistration', userId]]) {
      const events = await readAuditEvents(type, id);
      expect(events.length).toBeGreaterThan(1);
      expect(findBrokenLink(events as never)).toBe(-1);
    }
    const reg = await readAuditEvents('JobseekerRegistration', userId);
    expect(reg[reg.length - 1]).toMatchObject({ action: 'erase', toState: 'erased' });
    expect((await readAuditEvents('Voucher', serviceVoucherId)).map((e) => e.toState)).toEqual(['issued', 'claimed', 'revoked']);
  });

  it('ends 亲情代办 both ways: her brother can no longer act for her, nor she for her mother, whose record keeps no phone of hers', async () => {
    expect((await client.get('/me/vouchers', brotherActing)).body.error.code).toBe('proxy_revoked');
    expect((await client.get('/me/vouchers', actingForMother)).body.error.code).toBe('proxy_revoked');
    const mothers = (await client.get('/me/proxies', motherToken)).body.proxies;
    expect(mothers).toEqual([expect.objectContaining({ status: 'revoked', revokedBy: 'proxy', proxyPhone: '' })]);
  });

  it('ends the old session, and lets the same WeChat user and the same ID number start again as a new account', async () => {
    expect((await client.get('/me', person)).status).toBe(401);
    expect((await client.post('/complaints', { kind: 'suggestion', topic: 'other', text: '希望窗口周六也能开放办理业务。' }, person)).status).toBe(401);
    const fresh = await client.devLogin(OPENID);
    const me = (await client.get('/me', fresh)).body.user;
    expect(me.id).not.toBe(userId);
    const again = await client.put('/me/jobseeker-registration', registrationBody({ idNumber: ID_NUMBER, name: NAME, phone: PHONE }), fresh);
    expect({ status: again.status, text: again.text }).toMatchObject({ status: 200 });
    expect((await client.get('/me/vouchers', fresh)).body.items.map((v: { id: string }) => v.id)).not.toContain(benefitVoucherId);
  });
});
