// Employment vouchers over real HTTP (issue 5): a programme from creation to the citizen seeing
// it paid, with the table's stream consumed in-process as Lambda would; bad input is a 400 that
// changes nothing, and no input produces a 500.
import { consumeLocalQueue, consumeTableStream, until } from '../support/streams';
import { apiClient } from '../support/http';
import { startApi, type RunningApi } from '../support/localStack';
import { uniqueTableName } from '../support/testConfig';
import { birthDateYearsAgo, makeIdNumber, registrationBody } from '../support/people';
import { employerBody, makeUscc } from '../support/employers';
import { programmeBody } from '../support/vouchers';

jest.setTimeout(300_000);

let api: RunningApi;
let client: ReturnType<typeof apiClient>;
let stream: { stop(): void };
let worker: { stop(): void };
const tableName = uniqueTableName('vouchers');
let district: string;
let street: string;
let finance: string;
let otherFinance: string;
let agent: string;
let youth: string;
let providerId: string;

beforeAll(async () => {
  api = await startApi({ tableName });
  client = apiClient(api.baseUrl);
  // The table's stream, consumed in-process as Lambda would (what `npm start` does).
  stream = await consumeTableStream(tableName, async () => (await import('../../functions/src/vouchers/handlers/stream')).onStream);
  // And the settlement queue's worker (SQS in AWS).
  worker = await consumeLocalQueue(tableName, 'settlement', async () => (await import('../../functions/src/vouchers/handlers/settlement')).work);

  district = await client.devLogin('vc-district', { roles: ['staff'], level: 'district', areaCode: '350102' });
  street = await client.devLogin('vc-street', { roles: ['staff'], level: 'street', areaCode: '350102001' });
  finance = await client.devLogin('vc-finance', { roles: ['finance'], level: 'district', areaCode: '350102' });
  otherFinance = await client.devLogin('vc-finance-other', { roles: ['finance'], level: 'district', areaCode: '350103' });
  agent = await client.devLogin('vc-agent');
  const created = await client.post('/employers', employerBody({ uscc: makeUscc(9501), name: '鼓楼区众业人力资源服务有限公司' }), agent);
  providerId = created.body.employer.id;
  const review = (await client.get('/staff/reviews?type=employer&limit=100', street)).body.items.find((r: { subjectId: string }) => r.subjectId === providerId);
  expect((await client.post(`/staff/reviews/${review.id}/decision`, { decision: 'approve' }, street)).status).toBe(200);
  youth = await client.devLogin('vc-youth');
  const reg = registrationBody({ idNumber: makeIdNumber(birthDateYearsAgo(19), 777), name: '黄小明', phone: '13700000001' });
  expect((await client.put('/me/jobseeker-registration', reg, youth)).status).toBe(200);
});

afterAll(async () => {
  stream?.stop();
  worker?.stop();
  await api?.stop();
});

describe('a service voucher from programme to payment', () => {
  let programmeId: string;
  let voucherId: string;
  let batchId: string;
  const serviceRecord = { serviceDate: '2026-11-20', description: '一对一职业指导，制定求职计划' };

  it('refuses a programme that makes no sense, or lies outside the creator’s district', async () => {
    const bad = await client.post('/voucher-programmes', { ...programmeBody(), budgetFen: 100, faceValueFen: 20_000, claimUntil: '2020-01-01' }, district);
    expect(bad.status).toBe(400);
    const paths = bad.body.error.details.map((d: { path: string[] }) => d.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['budgetFen', 'claimUntil']));
    expect((await client.post('/voucher-programmes', programmeBody({ areaCode: '350103' }), district)).status).toBe(400);
    expect((await client.post('/voucher-programmes', programmeBody(), street)).status).toBe(403);
    expect((await client.get('/voucher-programmes', district)).body.items).toEqual([]);
  });

  it('needs finance of the same area to approve it before anyone can be issued one', async () => {
    const created = await client.post('/voucher-programmes', programmeBody({ name: '鼓楼区职业指导服务券' }), district);
    expect(created.status).toBe(201);
    programmeId = created.body.programme.id;
    expect((await client.post(`/voucher-programmes/${programmeId}/issue`, {}, district)).status).toBe(409);
    expect((await client.post(`/voucher-programmes/${programmeId}/approve`, undefined, district)).status).toBe(403);
    expect((await client.post(`/voucher-programmes/${programmeId}/approve`, undefined, otherFinance)).status).toBe(404);
    const approved = await client.post(`/voucher-programmes/${programmeId}/approve`, undefined, finance);
    expect(approved.status).toBe(200);
    expect(approved.body.programme).toMatchObject({ status: 'approved', remaining: { quota: 100, budgetFen: 2_000_000 } });
    expect((await client.post(`/voucher-programmes/${programmeId}/approve`, undefined, finance)).status).toBe(409);
  });

  it('issues to the eligible people of the area, once however often staff press issue', async () => {
    const first = await client.post(`/voucher-programmes/${programmeId}/issue`, {}, district);
    expect(first.status).toBe(200);
    // On a loaded machine the stream consumer may read her registration only after the approval
    // and issue the voucher itself: either way she holds exactly one.
    expect(first.body.issued + first.body.alreadyHeld).toBe(1);
    const again = await client.post(`/voucher-programmes/${programmeId}/issue`, {}, district);
    expect(again.body).toMatchObject({ issued: 0, alreadyHeld: 1 });
    const mine = await client.get('/me/vouchers', youth);
    expect(mine.body.items).toHaveLength(1);
    expect(mine.body.items[0]).toMatchObject({ status: 'issued', faceValueFen: 20_000, programmeName: '鼓楼区职业指导服务券' });
    voucherId = mine.body.items[0].id;
    expect((await client.get(`/me/vouchers/${voucherId}`, agent)).status).toBe(404);
  });

  it('claims once: a retry with the same Idempotency-Key gets the same answer', async () => {
    expect((await client.get(`/me/vouchers/${voucherId}/code`, youth)).status).toBe(409);
    const headers = { 'idempotency-key': 'claim-vc-youth-0001' };
    const first = await client.call('POST', `/me/vouchers/${voucherId}/claim`, { body: {}, token: youth, headers });
    const retry = await client.call('POST', `/me/vouchers/${voucherId}/claim`, { body: {}, token: youth, headers });
    expect(first.status).toBe(200);
    expect(retry.text).toBe(first.text);
    expect(first.body.voucher.status).toBe('claimed');
    expect((await client.post(`/me/vouchers/${voucherId}/claim`, {}, youth)).status).toBe(409);
    const { body } = await client.get('/voucher-programmes', district);
    expect(body.items[0].remaining).toEqual({ quota: 99, budgetFen: 1_980_000 });
  });

  it('lets a designated provider redeem the code once; everyone else is told why not', async () => {
    const { code } = (await client.get(`/me/vouchers/${voucherId}/code`, youth)).body;
    // Not yet a provider.
    expect((await client.post('/vouchers/inspect', { code, providerId }, agent)).status).toBe(403);
    expect((await client.post('/staff/providers', { employerId: providerId, types: ['hr_agency'], bankAccount: { accountName: '众业人力', accountNo: '6222020200119876543', bankName: '工商银行' } }, district)).status).toBe(200);
    const inspected = await client.post('/vouchers/inspect', { code, providerId }, agent);
    expect(inspected.body.voucher).toMatchObject({ holderName: '黄**', faceValueFen: 20_000, serviceName: '职业指导' });
    expect((await client.post('/vouchers/redeem', { code: 'x'.repeat(40), providerId, serviceRecord }, agent)).status).toBe(422);
    expect((await client.post('/vouchers/redeem', { code, providerId, serviceRecord: { serviceDate: '明天', description: '' } }, agent)).status).toBe(400);
    expect((await client.post('/vouchers/redeem', { code, providerId, serviceRecord }, youth)).status).toBe(403);
    const redeemed = await client.post('/vouchers/redeem', { code, providerId, serviceRecord }, agent);
    expect(redeemed.status).toBe(201);
    expect(redeemed.body.redemption).toMatchObject({ amountFen: 20_000, status: 'redeemed' });
    const twice = await client.post('/vouchers/redeem', { code, providerId, serviceRecord }, agent);
    expect(twice.status).toBe(409);
    expect(twice.body.error.message).toBe('这张券已经使用过了，不能重复核销');
    const list = await client.get(`/providers/${providerId}/redemptions`, agent);
    expect(list.body.items.map((r: { voucherId: string }) => r.voucherId)).toEqual([voucherId]);
    expect((await client.get('/me/providers', agent)).body.items[0].redeemed).toEqual({ count: 1, amountFen: 20_000 });
  });

  it('lets district staff look a unit up by its credit code before designating it; nobody else', async () => {
    const uscc = makeUscc(9501);
    const found = await client.post('/staff/providers/lookup', { uscc }, district);
    expect(found.status).toBe(200);
    expect(found.body).toMatchObject({
      employer: { id: providerId, name: '鼓楼区众业人力资源服务有限公司', status: 'approved' },
      provider: { types: ['hr_agency'], accountMasked: '**** 6543', bankName: '工商银行' },
    });
    expect(JSON.stringify(found.body)).not.toContain('6222020200119876543');
    expect((await client.post('/staff/providers/lookup', { uscc }, street)).status).toBe(403);
    expect((await client.post('/staff/providers/lookup', { uscc }, agent)).status).toBe(403);
    const otherDistrict = await client.devLogin('vc-district-other', { roles: ['staff'], level: 'district', areaCode: '350103' });
    expect((await client.post('/staff/providers/lookup', { uscc }, otherDistrict)).status).toBe(404);
    const bad = await client.post('/staff/providers/lookup', { uscc: '91350102MA0000000X' }, district);
    expect(bad.status).toBe(400);
    expect(bad.body.error.details[0].path).toEqual(['uscc']);
  });

  it('settles it: the redemption queued itself, finance starts a run (202) and watches it finish, approves, downloads and imports the bank’s results', async () => {
    // The redemption's own transaction queued it: the run answers at once and the worker does it.
    const key = `run-${Date.now()}`;
    const started = await client.call('POST', '/settlement-runs', { token: finance, headers: { 'idempotency-key': key } });
    expect(started.status).toBe(202);
    expect(started.body.run).toMatchObject({ status: 'running', vouchersTotal: 1, unitsDone: 0 });
    const replay = await client.call('POST', '/settlement-runs', { token: finance, headers: { 'idempotency-key': key } });
    expect(replay.body.run.id).toBe(started.body.run.id);
    expect((await client.get(`/settlement-runs/${started.body.run.id}`, otherFinance)).status).toBe(404);
    expect((await client.get(`/settlement-runs/${started.body.run.id}`, district)).status).toBe(403);
    const run = await until(async () => {
      const r = await client.get(`/settlement-runs/${started.body.run.id}`, finance);
      return r.body.run.status === 'done' ? r.body.run : undefined;
    }, 'the settlement run to finish');
    expect(run).toMatchObject({ vouchersDone: 1, vouchersTotal: 1, voucherCount: 1, failures: 0 });
    expect(run.unitsDone).toBe(run.unitsTotal);
    expect(run.amountFen).toBe(20_000);
    batchId = run.batches[0].id;
    expect((await client.get(`/settlement-batches/${batchId}`, otherFinance)).status).toBe(404);
    expect((await client.get(`/settlement-batches/${batchId}/payout-file`, finance)).status).toBe(409);
    expect((await client.post(`/settlement-batches/${batchId}/approve`, undefined, finance)).status).toBe(200);

    const file = await client.get(`/settlement-batches/${batchId}/payout-file`, finance);
    expect(file.status).toBe(200);
    const rows = file.text.replace(/^\uFEFF/, '').split('\r\n');
    expect(rows[0]).toBe('"line_id","payee_type","payee_name","account_no","bank_name","amount_fen","amount_yuan","voucher_count","purpose"');
    expect(rows[1]).toContain('"6222020200119876543","工商银行","20000","200","1"');
    const lineId = JSON.parse(`[${rows[1]}]`)[0];

    // A broken result file changes nothing.
    const broken = await client.post(`/settlement-batches/${batchId}/bank-results`, { fileText: `line_id,result,reason\n${lineId},也许,\nnope,成功,` }, finance);
    expect(broken.status).toBe(400);
    expect(broken.body.error.details.map((d: { message: string }) => d.message)).toEqual(['第2行：结果须为“成功”或“失败”', '第3行：本批次没有明细 nope']);
    expect((await client.get(`/me/vouchers/${voucherId}`, youth)).body.voucher.status).toBe('settling');

    const imported = await client.post(`/settlement-batches/${batchId}/bank-results`, { fileText: `line_id,result,reason\n${lineId},成功,` }, finance);
    expect(imported.status).toBe(200);
    expect(imported.body).toMatchObject({ paid: 1, failed: 0, batch: { status: 'reconciled', paidFen: 20_000 } });
    const seen = (await client.get(`/me/vouchers/${voucherId}`, youth)).body.voucher;
    expect(seen).toMatchObject({ status: 'settled', payout: { status: 'paid' } });
    expect(seen.history.map((e: { action: string }) => e.action)).toEqual(['issue', 'claim', 'redeem', 'settling', 'settle']);

    // Every step of the voucher and of the batch is on a hash chain that verifies.
    const trail = await client.get(`/audit/Voucher/${voucherId}`, youth);
    expect(trail.body).toMatchObject({ verified: true });
    expect(trail.body.events.map((e: { toState: string }) => e.toState)).toEqual(['issued', 'claimed', 'redeemed', 'settling', 'settled']);
    expect((await client.get(`/audit/Voucher/${voucherId}`, agent)).status).toBe(200);
    expect((await client.get(`/audit/Voucher/${voucherId}`, otherFinance)).status).toBe(404);
    const batchTrail = await client.get(`/audit/SettlementBatch/${batchId}`, finance);
    expect(batchTrail.body.verified).toBe(true);
    expect(batchTrail.body.events.map((e: { action: string }) => e.action)).toEqual(['build', 'approve', 'download_payout_file', 'bank_results']);
    expect((await client.get(`/audit/SettlementBatch/${batchId}`, youth)).status).toBe(404);
  });

  it('shows the figures by programme, area and holder type, within the jurisdiction only', async () => {
    const stats = await until(async () => {
      const r = await client.get('/stats/vouchers?areaCode=350102', finance);
      return r.body.totals.settled.count === 1 ? r.body : undefined;
    }, 'the figures to catch up with the stream');
    expect(stats.totals).toEqual({
      issued: { count: 1, amountFen: 20_000 },
      claimed: { count: 1, amountFen: 20_000 },
      redeemed: { count: 1, amountFen: 20_000 },
      reversed: { count: 0, amountFen: 0 },
      settled: { count: 1, amountFen: 20_000 },
      expired: { count: 0, amountFen: 0 },
      revoked: { count: 0, amountFen: 0 },
    });
    expect(stats.rows[0]).toMatchObject({ areaCode: '350102001', holderType: 'person', programmeName: '鼓楼区职业指导服务券' });
    expect((await client.get('/stats/vouchers?areaCode=350102', otherFinance)).status).toBe(404);
  });

  it('lets district staff take back an unused voucher with a reason, which the holder then sees', async () => {
    const other = await client.devLogin('vc-revoked');
    const reg = registrationBody({ idNumber: makeIdNumber(birthDateYearsAgo(20), 778), name: '林小红', phone: '13700000002' });
    expect((await client.put('/me/jobseeker-registration', reg, other)).status).toBe(200);
    const mine = await until(async () => (await client.get('/me/vouchers', other)).body.items.find((v: { programmeId: string }) => v.programmeId === programmeId), 'the voucher issued on eligibility');
    expect((await client.post(`/vouchers/${mine.id}/revoke`, { reason: '骗' }, district)).status).toBe(400);
    expect((await client.post(`/vouchers/${mine.id}/revoke`, { reason: '冒用他人身份领取' }, street)).status).toBe(403);
    expect((await client.post(`/vouchers/${mine.id}/revoke`, { reason: '冒用他人身份领取' }, other)).status).toBe(403);
    const revoked = await client.post(`/vouchers/${mine.id}/revoke`, { reason: '冒用他人身份领取' }, district);
    expect(revoked.status).toBe(200);
    expect(revoked.body.voucher).toEqual({ id: mine.id, status: 'revoked', reason: '冒用他人身份领取' });
    expect((await client.post(`/vouchers/${mine.id}/revoke`, { reason: '冒用他人身份领取' }, district)).status).toBe(409);
    const seen = (await client.get(`/me/vouchers/${mine.id}`, other)).body.voucher;
    expect(seen.status).toBe('revoked');
    expect(seen.history.at(-1)).toMatchObject({ label: '已收回', reason: '冒用他人身份领取' });
    expect((await client.post(`/me/vouchers/${mine.id}/claim`, {}, other)).status).toBe(409);
  });

  it('gives an employers’ programme to the approved units of the area: members see the voucher, the administrator claims it, and a unit never redeems its own', async () => {
    expect((await client.post('/voucher-programmes', programmeBody({ holderType: 'employer' }), district)).status).toBe(400);
    const created = await client.post('/voucher-programmes', programmeBody({ name: '单位招聘服务券', holderType: 'employer', targetGroups: ['approved_employer'], providerTypes: ['hr_agency'] }), district);
    expect(created.status).toBe(201);
    expect(created.body.programme.holderType).toBe('employer');
    const id = created.body.programme.id;
    expect((await client.post(`/voucher-programmes/${id}/approve`, undefined, finance)).status).toBe(200);
    expect((await client.post(`/voucher-programmes/${id}/issue`, {}, district)).body).toMatchObject({ issued: 1, alreadyHeld: 0 });

    const wallet = await client.get(`/employers/${providerId}/vouchers`, agent);
    expect(wallet.status).toBe(200);
    expect(wallet.body.items).toEqual([expect.objectContaining({ programmeName: '单位招聘服务券', status: 'issued' })]);
    const v = wallet.body.items[0];
    expect((await client.get(`/employers/${providerId}/vouchers`, youth)).status).toBe(404);
    expect((await client.get(`/employers/${providerId}/vouchers/${v.id}`, youth)).status).toBe(404);
    expect((await client.get(`/me/vouchers/${v.id}`, agent)).status).toBe(404);
    expect((await client.get(`/employers/${providerId}/vouchers/${v.id}/code`, agent)).status).toBe(409);
    const headers = { 'idempotency-key': 'claim-vc-employer-0001' };
    const claimed = await client.call('POST', `/employers/${providerId}/vouchers/${v.id}/claim`, { body: {}, token: agent, headers });
    expect(claimed.status).toBe(200);
    expect((await client.call('POST', `/employers/${providerId}/vouchers/${v.id}/claim`, { body: {}, token: agent, headers })).text).toBe(claimed.text);
    const { code } = (await client.get(`/employers/${providerId}/vouchers/${v.id}/code`, agent)).body;
    const own = await client.post('/vouchers/redeem', { code, providerId, serviceRecord }, agent);
    expect(own.status).toBe(422);
    expect(own.body.error.message).toBe('单位持有的券要由别的服务机构核销，不能自己核销');
  });
});

describe('malformed input', () => {
  const junk: unknown[] = [null, 42, 'text', [], { code: 7 }, { providerId: '../../etc' }, { fileText: {} }, { account: { accountNo: 'abc' } }, { cursor: '💥'.repeat(300) }];
  const routes = [
    '/voucher-programmes',
    '/voucher-programmes/01K0AAAAAAAAAAAAAAAAAAAAAA/issue',
    '/me/vouchers/01K0AAAAAAAAAAAAAAAAAAAAAA/claim',
    '/vouchers/inspect',
    '/vouchers/redeem',
    '/vouchers/01K0AAAAAAAAAAAAAAAAAAAAAA/reverse',
    '/vouchers/01K0AAAAAAAAAAAAAAAAAAAAAA/revoke',
    '/employers/01K0AAAAAAAAAAAAAAAAAAAAAA/vouchers/01K0AAAAAAAAAAAAAAAAAAAAAA/claim',
    '/staff/providers',
    '/staff/providers/lookup',
    '/settlement-batches/01K0AAAAAAAAAAAAAAAAAAAAAA/bank-results',
  ];

  it('never answers a 500, whatever is sent', async () => {
    const statuses: number[] = [];
    for (const route of routes) {
      for (const body of junk) statuses.push((await client.post(route, body, district)).status);
      statuses.push((await client.call('POST', route, { rawBody: '{"broken', token: district })).status);
    }
    statuses.push((await client.call('POST', '/vouchers/redeem', { body: {}, token: agent, headers: { 'idempotency-key': 'bad key!' } })).status);
    expect(statuses.filter((s) => s >= 500)).toEqual([]);
    expect(new Set(statuses)).toEqual(new Set([400, 403, 404]));
  });
});
