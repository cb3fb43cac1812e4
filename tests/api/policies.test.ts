// 政策, 政策找人, 政策计算器 and 你问我答 over real HTTP (issue 19), with the table's stream consumed as
// Lambda would: a district publishes a policy; a registered resident who fits finds it in 为您找到的
// 政策 with why, and a message; anyone browses the policies in force; the calculator answers for
// the person's record or for a few answers; a question becomes the street's task and its answer
// reaches the resident; another district's staff get 404. Bad input is a 400 in Chinese.
import { addWorkingDays, todayInChina } from '@doorstep/shared';
import { apiClient } from '../support/http';
import { startApi, type RunningApi } from '../support/localStack';
import { uniqueTableName } from '../support/testConfig';
import { makeIdNumber, registrationBody } from '../support/people';
import { consumeLocalQueue, consumeTableStream, until } from '../support/streams';

jest.setTimeout(300_000);

let api: RunningApi;
let client: ReturnType<typeof apiClient>;
let stream: { stop(): void };
let worker: { stop(): void } | undefined;
const tableName = uniqueTableName('policies');
let district: string;
let street: string;
let otherDistrict: string;
let resident: string;
let policyId: string;
const year = Number(todayInChina().slice(0, 4));

const policyBody = {
  title: '大龄登记失业人员灵活就业社保补贴',
  issuer: '福州市鼓楼区人力资源和社会保障局',
  docNumber: '鼓人社〔2026〕8号',
  validFrom: `${year - 1}-01-01`,
  validUntil: `${year + 1}-12-31`,
  summary: '40岁以上的登记失业人员灵活就业后自己缴纳社保的，区里补贴一部分。',
  benefits: '每月社保补贴 500 元，最长 3 年',
  howToApply: '带身份证到街道劳动保障事务所申请，或在小程序里预约',
  service: 'unemployment_registration',
  areaCode: '350102',
  rule: { groups: ['registered_unemployed', 'hard_to_employ'], minAge: 40 },
};

beforeAll(async () => {
  api = await startApi({ tableName });
  client = apiClient(api.baseUrl);
  stream = await consumeTableStream(tableName, async () => (await import('../../functions/src/policies/handlers/stream')).onStream, 'policyStream');
  // A new policy waits on the policy queue for its worker, as in AWS.
  worker = await consumeLocalQueue(tableName, 'policy-match', async () => (await import('../../functions/src/policies/handlers/work')).work);
  district = await client.devLogin('po-district', { roles: ['staff'], level: 'district', areaCode: '350102' });
  street = await client.devLogin('po-street', { roles: ['staff'], level: 'street', areaCode: '350102001' });
  otherDistrict = await client.devLogin('po-other', { roles: ['staff'], level: 'district', areaCode: '350103' });
  resident = await client.devLogin('po-resident');
  expect((await client.put('/me/jobseeker-registration', registrationBody({ idNumber: makeIdNumber('1976-02-02', 961), name: '何秀珍', phone: '13700009610' }), resident)).status).toBe(200);
});

afterAll(async () => {
  stream?.stop();
  worker?.stop();
  await api?.stop();
});

describe('policies', () => {
  it('refuses a policy that makes no sense, naming each field in Chinese; only district and city staff publish', async () => {
    const bad = await client.post('/staff/policies', { ...policyBody, title: '', validUntil: `${year - 2}-01-01`, rule: { groups: ['nobody'], minAge: 50, maxAge: 30 } }, district);
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.map((d: { path: string[] }) => d.path.join('.'))).toEqual(expect.arrayContaining(['title', 'rule.groups.0']));
    expect((await client.post('/staff/policies', policyBody, street)).status).toBe(403);
    expect((await client.post('/staff/policies', policyBody, resident)).status).toBe(403);
    expect((await client.post('/staff/policies', { ...policyBody, areaCode: '350103' }, district)).status).toBe(403);
  });

  it('published, it reaches the resident once she is registered unemployed, with why; the staff see the progress', async () => {
    const published = await client.post('/staff/policies', policyBody, district);
    expect(published.status).toBe(201);
    policyId = published.body.policy.id;
    expect(published.body.policy).toMatchObject({ who: '登记失业人员或就业困难人员；40岁及以上；住在鼓楼区', inForce: true, matching: { state: 'running' } });
    await until(async () => ((await client.get(`/staff/policies/${policyId}`, district)).body.policy.matching.state === 'done' ? true : undefined), 'matching done');
    // Not registered unemployed yet: not hers; the page says what is missing.
    expect((await client.get('/me/policies', resident)).body.items).toEqual([]);
    expect((await client.get(`/policies/${policyId}`, resident)).body.mine).toEqual({ qualifies: false, reasons: [], unmet: '适用于登记失业人员或就业困难人员' });
    // Her unemployment registration approved by the street → the stream finds the policy for her.
    expect((await client.post('/me/unemployment-registration', { priorStatus: 'employed', lastEmployer: '鼓楼区某超市', leavingReason: 'contract_ended', leftOn: `${year}-01-15`, ableToWork: true, willingToWork: true, localResident: true }, resident)).status).toBe(201);
    const queue = (await client.get('/staff/reviews?type=unemployment&limit=50', street)).body.items;
    expect((await client.post(`/staff/reviews/${queue[0].id}/decision`, { decision: 'approve' }, street)).status).toBe(200);
    const mine = await until(async () => {
      const items = (await client.get('/me/policies', resident)).body.items;
      return items.length ? items : undefined;
    }, 'the policy found for her');
    expect(mine[0]).toMatchObject({ policy: { id: policyId }, reasons: ['您是登记失业人员', expect.stringMatching(/^年龄\d+岁$/), '住在鼓楼区'] });
    expect((await client.get(`/policies/${policyId}`, resident)).body.mine.qualifies).toBe(true);
    // Another district's staff cannot see or withdraw it.
    expect((await client.get(`/staff/policies/${policyId}`, otherDistrict)).status).toBe(404);
    expect((await client.post(`/staff/policies/${policyId}/withdraw`, undefined, otherDistrict)).status).toBe(404);
  });

  it('anyone browses the policies in force where they live, by words; the calculator answers from a record or from answers', async () => {
    expect((await client.get('/policies?areaCode=350102001001')).body.items.map((p: { id: string }) => p.id)).toEqual([policyId]);
    expect((await client.get(`/policies?areaCode=350102001001&text=${encodeURIComponent('社保')}`)).body.items).toHaveLength(1);
    expect((await client.get(`/policies?areaCode=350102001001&text=${encodeURIComponent('创业担保')}`)).body.items).toHaveLength(0);
    expect((await client.get('/policies?areaCode=350103001001')).body.items).toHaveLength(0);
    expect((await client.get('/policies?areaCode=3501')).status).toBe(400);
    const byRecord = await client.post('/policy-calculator', { useMyRecord: true }, resident);
    expect(byRecord.body).toMatchObject({ basis: 'record', eligible: [{ policy: { id: policyId } }] });
    const young = await client.post('/policy-calculator', { useMyRecord: false, areaCode: '350102001001', age: 30, groups: ['registered_unemployed'] }, resident);
    expect(young.body).toMatchObject({ basis: 'answers', eligible: [], notEligible: [{ policy: { id: policyId }, unmet: '须年满40岁' }] });
    expect((await client.post('/policy-calculator', { useMyRecord: false }, resident)).status).toBe(400);
  });
});

describe('你问我答', () => {
  it('a question is the street’s task due in 3 working days; the answer reaches the resident; outside → 404', async () => {
    const asked = await client.call('POST', '/questions', { body: { text: '我在外区打零工，社保补贴还能申请吗？', topic: 'insurance', askerType: 'unemployed', policyId }, token: resident, headers: { 'Idempotency-Key': 'question-once-1' } });
    expect(asked.status).toBe(201);
    const again = await client.call('POST', '/questions', { body: { text: '我在外区打零工，社保补贴还能申请吗？', topic: 'insurance', askerType: 'unemployed', policyId }, token: resident, headers: { 'Idempotency-Key': 'question-once-1' } });
    expect(again.body.question.id).toBe(asked.body.question.id);
    const id = asked.body.question.id;
    expect(asked.body.question.due).toBe(addWorkingDays(todayInChina(), 3));
    // About the district's policy: the district answers it, among its tasks.
    const tasks = (await client.get('/staff/tasks', district)).body.items;
    expect(tasks.map((t: { kind: string; subject: { id: string } }) => `${t.kind}:${t.subject.id}`)).toContain(`question:${id}`);
    expect((await client.get(`/staff/questions/${id}`, otherDistrict)).status).toBe(404);
    const bad = await client.post(`/staff/questions/${id}/answer`, { answer: '可以。' }, district);
    expect(bad.status).toBe(400);
    expect(bad.body.error.details[0].message).toBe('请把答复写完整（至少10个字）');
    expect((await client.post(`/staff/questions/${id}/answer`, { answer: '您好，只要在鼓楼区登记失业、灵活就业后自己缴纳社保，就可以申请。' }, district)).status).toBe(200);
    expect((await client.get('/me/questions', resident)).body.items[0]).toMatchObject({ id, status: 'answered', answer: expect.stringMatching(/^您好/) });
    const topics = await client.get(`/staff/questions/topics?month=${todayInChina().slice(0, 7)}`, district);
    expect(topics.body).toMatchObject({ total: 1, answered: 1, byTopic: [{ key: 'insurance', label: '社会保险', count: 1 }] });
    expect((await client.post('/questions', { text: '短', topic: 'x', askerType: 'y' }, resident)).status).toBe(400);
  });

  it('withdrawn, the policy leaves her list and the browse at once', async () => {
    expect((await client.post(`/staff/policies/${policyId}/withdraw`, undefined, district)).status).toBe(200);
    expect((await client.get('/me/policies', resident)).body.items).toEqual([]);
    expect((await client.get('/policies?areaCode=350102001001')).body.items).toEqual([]);
    expect((await client.get(`/policies/${policyId}`, resident)).status).toBe(404);
  });
});
