// Subsidies over real HTTP (issue 32): a graduate in flexible work checks and applies with her bank
// account under its separate consent; a replay with the same Idempotency-Key is the same application
// and the same month again is 409 naming it; the street (with its site check) and the district review
// inside their jurisdiction; the notice is published on the subsidy queue and read signed out —
// masked, with no ID number, phone or account anywhere in it — and an objection from anyone holds its
// line; finance cannot pay before the notice ends; bad input → 400 in Chinese (a malformed id: 404),
// never 500.
import { PRIVACY_POLICY_VERSION } from '@doorstep/shared';
import { apiClient } from '../support/http';
import { startApi, type RunningApi } from '../support/localStack';
import { uniqueTableName } from '../support/testConfig';
import { GULOU_COMMUNITY, makeIdNumber, registrationBody } from '../support/people';
import { consumeLocalQueue, until } from '../support/streams';
import { approvedEmployer, makeUscc } from '../support/employers';
import { approveInQueue } from '../support/reviews';

jest.setTimeout(240_000);

let api: RunningApi;
let client: ReturnType<typeof apiClient>;
let worker: { stop(): void };
const tableName = uniqueTableName('subsidies');
const staff = {} as Record<'district' | 'finance' | 'street' | 'otherStreet' | 'community', string>;
const ID_NUMBER = makeIdNumber('2002-06-15', 512);
const PHONE = '13600005120';
const ACCOUNT = '6217000010009876543';

const thisMonth = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 7);
const monthBefore = (m: string, n: number) => {
  const d = new Date(`${m}-15T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() - n);
  return d.toISOString().slice(0, 7);
};
const [m1, m2] = [monthBefore(thisMonth, 1), monthBefore(thisMonth, 2)];

beforeAll(async () => {
  api = await startApi({ tableName });
  client = apiClient(api.baseUrl);
  worker = await consumeLocalQueue(tableName, 'subsidy-work', async () => (await import('../../functions/src/subsidies/work')).work);
  staff.district = await client.devLogin('sb-district', { roles: ['staff'], level: 'district', areaCode: '350102' });
  staff.finance = await client.devLogin('sb-finance', { roles: ['finance'], level: 'district', areaCode: '350102' });
  staff.street = await client.devLogin('sb-street', { roles: ['staff'], level: 'street', areaCode: '350102001' });
  staff.otherStreet = await client.devLogin('sb-other-street', { roles: ['staff'], level: 'street', areaCode: '350102002' });
  staff.community = await client.devLogin('sb-community', { roles: ['staff'], level: 'community', areaCode: GULOU_COMMUNITY });
});

afterAll(async () => {
  worker?.stop();
  await api?.stop();
});

const programmeBody = { name: '高校毕业生灵活就业社保补贴', kind: 'flexible_si', areaCode: '350102', budgetFen: 10_000_000, applyFrom: '2026-01-01', applyUntil: '2027-12-31' };

/** A graduate of this summer in flexible work (registered, employment registered), signed in without the bank consent. */
async function graduate(): Promise<{ token: string; evidenceKey: string }> {
  const token = await client.devLogin('sb-graduate', {}, { consents: ['privacy', 'id_number'] });
  const reg = registrationBody({ idNumber: ID_NUMBER, name: '陈晓雯', phone: PHONE, graduationDate: '2026-06-30' });
  expect((await client.put('/me/jobseeker-registration', reg, token)).status).toBe(200);
  const employment = { employmentKind: 'flexible', employerName: '网约配送（个人）', workAreaCode: GULOU_COMMUNITY, workAddress: '鼓东路 20 号', post: '配送员', startedOn: '2026-07-01', weeklyHours: 40, monthlyIncomeFen: 450000 };
  expect((await client.post('/me/employment-registration', employment, token)).status).toBe(201);
  const upload = await client.post('/uploads', { purpose: 'evidence', contentType: 'image/jpeg', size: 2048 }, token);
  expect(upload.status).toBe(201);
  return { token, evidenceKey: upload.body.upload.key };
}

describe('subsidies over HTTP', () => {
  let programmeId: string;
  let person: { token: string; evidenceKey: string };
  let applicationId: string;

  it('lets the district set up a programme and finance — not its creator — approve the budget', async () => {
    expect((await client.post('/staff/subsidy-programmes', programmeBody, staff.street)).status).toBe(403);
    const created = await client.post('/staff/subsidy-programmes', programmeBody, staff.district);
    expect(created.status).toBe(201);
    programmeId = created.body.programme.id;
    expect(created.body.programme).toMatchObject({ status: 'pending_approval', kindName: '灵活就业社会保险补贴', ruleVersion: 'SR-2026-01' });
    expect((await client.post(`/staff/subsidy-programmes/${programmeId}/approve`, {}, staff.district)).status).toBe(403);
    const approved = await client.post(`/staff/subsidy-programmes/${programmeId}/approve`, {}, staff.finance);
    expect(approved.status).toBe(200);
    expect(approved.body.programme).toMatchObject({ status: 'approved', reservedFen: 0 });
  });

  it('adds budget only when the district asks with a reason and finance — not the one who asked — approves, once per key', async () => {
    const body = { addFen: 5_000_000, reason: '申请人数超过预期' };
    expect((await client.post(`/staff/subsidy-programmes/${programmeId}/top-up`, body, staff.street)).status).toBe(403);
    expect((await client.post(`/staff/subsidy-programmes/${programmeId}/top-up`, { ...body, addFen: 1.5 }, staff.district)).status).toBe(400);
    expect((await client.post(`/staff/subsidy-programmes/${programmeId}/top-up`, { addFen: 100 }, staff.district)).body.error.details).toEqual([{ path: ['reason'], message: expect.stringMatching(/[\u4e00-\u9fa5]/) }]);
    const asked = await client.post(`/staff/subsidy-programmes/${programmeId}/top-up`, body, staff.district);
    expect(asked.status).toBe(200);
    expect(asked.body.programme).toMatchObject({ budgetFen: 10_000_000, topUp: { addFen: 5_000_000, reason: '申请人数超过预期' } });
    expect((await client.post(`/staff/subsidy-programmes/${programmeId}/top-up/approve`, {}, staff.district)).status).toBe(403);
    const key = { 'Idempotency-Key': 'subsidy-top-up-0001' };
    const first = await client.call('POST', `/staff/subsidy-programmes/${programmeId}/top-up/approve`, { token: staff.finance, headers: key });
    const replay = await client.call('POST', `/staff/subsidy-programmes/${programmeId}/top-up/approve`, { token: staff.finance, headers: key });
    expect(first.status).toBe(200);
    expect(replay.body).toEqual(first.body);
    expect(first.body.programme.budgetFen).toBe(15_000_000);
    expect(first.body.programme.topUp).toBeUndefined();
    expect((await client.post(`/staff/subsidy-programmes/${programmeId}/top-up/approve`, {}, staff.finance)).status).toBe(409);
    expect((await client.get('/staff/subsidy-programmes', staff.finance)).body.items.find((p: { id: string }) => p.id === programmeId).budgetFen).toBe(15_000_000);
  });

  it('tells her she can apply and why, takes her application only with the bank consent, once per key and once per month', async () => {
    person = await graduate();
    const offers = await client.get('/me/subsidies', person.token);
    expect(offers.status).toBe(200);
    expect(offers.body.items[0]).toMatchObject({ ok: true, monthsLeft: 24, reasons: expect.arrayContaining(['您是离校2年内高校毕业生', '已办理就业登记（灵活就业）']) });
    const body = { months: [m2, m1], contributionFenPerMonth: 81_237, evidence: [{ code: 'si_receipt', key: person.evidenceKey }], account: { accountNo: ACCOUNT, bankName: '建设银行福州鼓楼支行' } };
    const refused = await client.post(`/me/subsidies/${programmeId}/applications`, body, person.token);
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toContain('提供银行账户');
    expect((await client.post('/me/consents', { purposes: ['bank_account'], version: PRIVACY_POLICY_VERSION, channel: 'weapp' }, person.token)).status).toBe(200);
    const headers = { 'Idempotency-Key': 'subsidy-apply-0001' };
    const first = await client.call('POST', `/me/subsidies/${programmeId}/applications`, { body, token: person.token, headers });
    expect(first.status).toBe(201);
    // Two thirds of 812.37 yuan, rounded down to the fen, for two months.
    expect(first.body.application).toMatchObject({ stage: 'submitted', amountFen: 54_160 * 2, accountMasked: '**** 6543', office: '所在街道（乡镇）' });
    applicationId = first.body.application.id;
    const replay = await client.call('POST', `/me/subsidies/${programmeId}/applications`, { body, token: person.token, headers });
    expect(replay.status).toBe(201);
    expect(replay.body.application.id).toBe(applicationId);
    const again = await client.post(`/me/subsidies/${programmeId}/applications`, { ...body, months: [m1] }, person.token);
    expect(again.status).toBe(409);
    expect(again.body.error.message).toContain(`${Number(m1.slice(5))}月已经申请过`);
    expect((await client.get('/me/subsidy-applications', person.token)).body.items).toHaveLength(1);
  });

  it('answers bad input with 400 in Chinese, never 500', async () => {
    const good = { months: [monthBefore(thisMonth, 5)], contributionFenPerMonth: 80_000, evidence: [{ code: 'si_receipt', key: person.evidenceKey }], account: { accountNo: ACCOUNT, bankName: '建设银行' } };
    const bad: unknown[] = [
      { ...good, months: ['2026-13'] },
      { ...good, months: 'all' },
      { ...good, account: { accountNo: '12ab', bankName: '建设银行' } },
      { ...good, contributionFenPerMonth: 1.5 },
      { ...good, evidence: [{ code: 'si_receipt', key: '../../etc/passwd' }] },
      { ...good, extra: true },
      null,
      [],
    ];
    for (const body of bad) {
      const res = await client.post(`/me/subsidies/${programmeId}/applications`, body, person.token);
      expect({ body, status: res.status }).toEqual({ body, status: 400 });
      expect(res.body.error.message).toMatch(/[\u4e00-\u9fa5]/);
    }
    // A malformed id names nothing: 404, as everywhere.
    expect((await client.post('/me/subsidies/not-an-id/applications', good, person.token)).status).toBe(404);
    expect((await client.get('/staff/subsidy-applications?programmeId=x&stage=submitted', staff.street)).status).toBe(400);
    expect((await client.post('/public/subsidy-notices/01ARZ3NDEKTSV4RRFFQ69G5FAV/objections', { lineNo: 0, what: '?', contact: '' })).status).toBe(400);
    expect((await client.get('/me/subsidy-applications', person.token)).body.items).toHaveLength(1);
  });

  it('is reviewed by the street with its site check and then the district, each inside its jurisdiction', async () => {
    const queue = await client.get(`/staff/subsidy-applications?programmeId=${programmeId}&stage=submitted`, staff.street);
    expect(queue.body.items.map((a: { id: string }) => a.id)).toEqual([applicationId]);
    expect(queue.body.items[0]).toMatchObject({ personName: '陈晓雯', idNumberMasked: expect.stringContaining('*') });
    expect((await client.get(`/staff/subsidy-applications?programmeId=${programmeId}&stage=submitted`, staff.otherStreet)).body.items).toEqual([]);
    expect((await client.post(`/staff/subsidy-applications/${applicationId}/review`, { decision: 'approve' }, staff.otherStreet)).status).toBe(404);
    // The reviewer's view: the evidence as links, what they may do; the look is in her 访问记录.
    const one = await client.get(`/staff/subsidy-applications/${applicationId}`, staff.street);
    expect(one.status).toBe(200);
    expect(one.body.application).toMatchObject({ canReview: true, siteCheckRequired: true, evidence: [{ code: 'si_receipt', label: '社会保险缴费凭证', url: expect.any(String) }] });
    expect((await client.get(`/staff/subsidy-applications/${applicationId}`, staff.otherStreet)).status).toBe(404);
    expect((await client.get(`/staff/subsidy-applications/${applicationId}`, staff.district)).body.application.canReview).toBe(false);
    expect((await client.get('/me/data-access', person.token)).body.items.map((a: { what: string }) => a.what)).toContain('查看补贴申请和证明材料');
    const noCheck = await client.post(`/staff/subsidy-applications/${applicationId}/review`, { decision: 'approve' }, staff.street);
    expect(noCheck.status).toBe(400);
    expect(noCheck.body.error.details[0].message).toContain('核查');
    const photo = await client.post('/uploads', { purpose: 'evidence', contentType: 'image/jpeg', size: 2048 }, staff.street);
    const siteCheck = { checkedAt: `${thisMonth}-01T10:00`, place: '鼓东路 20 号', photoKey: photo.body.upload.key, finding: '本人在做网约配送，灵活就业属实' };
    const streetOk = await client.post(`/staff/subsidy-applications/${applicationId}/review`, { decision: 'approve', siteCheck }, staff.street);
    expect(streetOk.status).toBe(200);
    expect(streetOk.body.application).toMatchObject({ stage: 'street_approved', districtDueOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
    expect((await client.post(`/staff/subsidy-applications/${applicationId}/review`, { decision: 'refuse' }, staff.district)).status).toBe(400);
    const districtOk = await client.post(`/staff/subsidy-applications/${applicationId}/review`, { decision: 'approve' }, staff.district);
    expect(districtOk.status).toBe(200);
    expect(districtOk.body.application.stage).toBe('approved');
    const mine = (await client.get('/me/subsidy-applications', person.token)).body.items[0];
    expect(mine.steps.map((s: { stage: string }) => s.stage)).toEqual(['submitted', 'street_approved', 'approved']);
    // The one application, as its page reads it; nobody else's.
    const mineOne = await client.get(`/me/subsidy-applications/${applicationId}`, person.token);
    expect(mineOne.body.application).toEqual(mine);
    expect((await client.get(`/me/subsidy-applications/${applicationId}`, staff.street)).status).toBe(404);
    // The same steps on the audit trail, its chain verified: hers, finance's and the district's to read; nobody else's.
    const trail = await client.get(`/audit/SubsidyApplication/${applicationId}`, person.token);
    expect(trail.body).toMatchObject({ verified: true, events: [{ toState: 'submitted' }, { toState: 'street_approved' }, { toState: 'approved' }] });
    expect((await client.get(`/audit/SubsidyApplication/${applicationId}`, staff.finance)).status).toBe(200);
    expect((await client.get(`/audit/SubsidyApplication/${applicationId}`, staff.otherStreet)).status).toBe(404);
  });

  it('publishes the notice for anyone to read signed out — masked only — and an objection holds its line; nothing is paid before it ends', async () => {
    expect((await client.post('/staff/subsidy-notices', { programmeId, contactPhone: '0591-87654321' }, staff.street)).status).toBe(403);
    const published = await client.call('POST', '/staff/subsidy-notices', { body: { programmeId, contactPhone: '0591-87654321' }, token: staff.district, headers: { 'Idempotency-Key': 'subsidy-notice-0001' } });
    expect(published.status).toBe(202);
    const noticeId = published.body.notice.id;
    const open = await until(async () => {
      const res = await client.get('/public/subsidy-notices');
      return res.body.items.find((n: { id: string; status: string }) => n.id === noticeId && n.status === 'open');
    }, 'the notice opens');
    expect(open).toMatchObject({ lineCount: 1, amountFen: 108_320 });
    const page = await client.get(`/public/subsidy-notices/${noticeId}`);
    expect(page.status).toBe(200);
    expect(page.body.lines).toEqual([{ lineNo: 1, communityName: expect.any(String), maskedName: '陈**', subsidyName: '灵活就业社会保险补贴', months: expect.stringContaining('（2个月）'), amountFen: 108_320, held: false }]);
    expect(page.text).not.toContain(ID_NUMBER);
    expect(page.text).not.toContain(PHONE);
    expect(page.text).not.toContain(ACCOUNT);
    expect(page.text).not.toContain('陈晓雯');

    const objection = await client.post(`/public/subsidy-notices/${noticeId}/objections`, { lineNo: 1, what: '她在外地读研究生，并未灵活就业', contact: '张先生 13900001111' });
    expect(objection.status).toBe(201);
    expect((await client.get(`/public/subsidy-notices/${noticeId}`)).body.lines[0].held).toBe(true);
    expect((await client.get('/me/subsidy-applications', person.token)).body.items[0].stage).toBe('held');
    expect((await client.post(`/public/subsidy-notices/${noticeId}/objections`, { lineNo: 9, what: '这一行不存在的问题', contact: '张先生' })).status).toBe(404);
    // Anyone may object without signing in, but not without end from one address: at most 10 an hour, then 429 in Chinese.
    const statuses: number[] = [];
    for (let i = 0; i < 12 && !statuses.includes(429); i += 1) statuses.push((await client.post(`/public/subsidy-notices/${noticeId}/objections`, { lineNo: 9, what: '这一行不存在的问题', contact: '张先生' })).status);
    expect(statuses.filter((s) => s !== 429).length).toBeLessThanOrEqual(8);
    expect(statuses.at(-1)).toBe(429);
    const refused = await client.post(`/public/subsidy-notices/${noticeId}/objections`, { lineNo: 1, what: '再反映一次同样的问题', contact: '张先生' });
    expect(refused.status).toBe(429);
    expect(refused.body.error.message).toContain('一小时后再试');
    const listed = await client.get(`/staff/subsidy-notices/${noticeId}/objections`, staff.district);
    expect(listed.body.items).toEqual([expect.objectContaining({ lineNo: 1, status: 'open', contact: '张先生 13900001111' })]);
    // The district finds nothing in it: the line goes back on notice.
    expect((await client.post(`/staff/subsidy-objections/${listed.body.items[0].id}/resolve`, { upheld: false, resolution: '经核实本人已毕业，在鼓楼区做网约配送' }, staff.street)).status).toBe(403);
    const resolved = await client.post(`/staff/subsidy-objections/${listed.body.items[0].id}/resolve`, { upheld: false, resolution: '经核实本人已毕业，在鼓楼区做网约配送' }, staff.district);
    expect(resolved.status).toBe(200);
    expect((await client.get('/me/subsidy-applications', person.token)).body.items[0].stage).toBe('on_notice');

    // Finance alone approves payment.
    expect((await client.post(`/staff/subsidy-notices/${noticeId}/payment`, {}, staff.district)).status).toBe(403);
    const early = await client.post(`/staff/subsidy-notices/${noticeId}/payment`, {}, staff.finance);
    expect(early.status).toBe(409);
    expect(early.body.error.message).toContain('结束后才能审批拨付');
  });
});

describe('a unit’s public-welfare post subsidy over HTTP (R21)', () => {
  let owner: string;
  let unitId: string;
  let programmeId: string;

  beforeAll(async () => {
    owner = await client.devLogin('sb-unit-owner');
    unitId = await approvedEmployer(client, owner, staff.street, { name: '鼓东街道养老服务中心', uscc: makeUscc(9321) });
    const created = await client.post('/staff/subsidy-programmes', { ...programmeBody, name: '公益性岗位补贴', kind: 'welfare_post' }, staff.district);
    programmeId = created.body.programme.id;
    await client.post(`/staff/subsidy-programmes/${programmeId}/approve`, {}, staff.finance);
  });

  it('shows a unit only its own placements, refuses a resident and strangers, and answers bad input with 400 in Chinese', async () => {
    // Its post confirmed, nobody placed yet: nothing to apply for, said as an empty list.
    const post = { title: '助老员', duties: '上门陪护社区独居老人，每天下午', areaCode: GULOU_COMMUNITY, seats: 2, funding: 'supported', kind: 'service', forHardToEmploy: true, publicInterest: true, monthlyWageFen: 230_000 };
    const applied = await client.post(`/employers/${unitId}/welfare-posts`, post, owner);
    await approveInQueue(client, staff.street, 'welfare_post', applied.body.post.id);
    await approveInQueue(client, staff.district, 'welfare_post', applied.body.post.id, 'district');
    const offers = await client.get(`/employers/${unitId}/subsidies`, owner);
    expect(offers.status).toBe(200);
    expect(offers.body.items).toEqual([]);
    const stranger = await client.devLogin('sb-unit-stranger');
    expect((await client.get(`/employers/${unitId}/subsidies`, stranger)).status).toBe(404);
    expect((await client.get(`/employers/${unitId}/subsidy-applications`, stranger)).status).toBe(404);
    expect((await client.get(`/employers/${unitId}/subsidy-applications`, owner)).body).toEqual({ items: [] });
    expect((await client.get(`/employers/${unitId}/subsidy-applications/01ARZ3NDEKTSV4RRFFQ69G5FAV`, owner)).status).toBe(404);

    const upload = await client.post('/uploads', { purpose: 'evidence', contentType: 'image/jpeg', size: 2048 }, owner);
    const good = {
      programmeId,
      postId: applied.body.post.id,
      caseId: '01ARZ3NDEKTSV4RRFFQ69G5FAV',
      months: [m1],
      evidence: ['labour_contract', 'payroll', 'si_receipt'].map((code) => ({ code, key: upload.body.upload.key })),
      account: { accountNo: '35001866000052500123', bankName: '建设银行鼓楼支行' },
    };
    // A person nobody placed on the post: 404; another unit's member: 404.
    expect((await client.call('POST', `/employers/${unitId}/subsidy-applications`, { token: owner, body: good, headers: { 'Idempotency-Key': 'unit-apply-0001' } })).status).toBe(404);
    expect((await client.post(`/employers/${unitId}/subsidy-applications`, good, stranger)).status).toBe(404);
    for (const body of [{ ...good, account: { accountNo: '12', bankName: '建设银行' } }, { ...good, months: ['2026-00'] }, { ...good, postId: 'x' }, { ...good, extra: 1 }, null]) {
      const res = await client.post(`/employers/${unitId}/subsidy-applications`, body, owner);
      expect({ body, status: res.status }).toEqual({ body, status: 400 });
      expect(res.body.error.message).toMatch(/[\u4e00-\u9fa5]/);
    }
    // A resident cannot apply for the unit's subsidy themselves.
    const residentToken = await client.devLogin('sb-unit-resident', {}, { consents: ['privacy', 'bank_account'] });
    const resident = await client.post(`/me/subsidies/${programmeId}/applications`, { months: [m1], evidence: [], account: { accountNo: ACCOUNT, bankName: '建设银行' } }, residentToken);
    expect(resident.status).toBe(422);
    expect(resident.body.error.message).toBe('公益性岗位补贴由用人单位申请');
  });
});
