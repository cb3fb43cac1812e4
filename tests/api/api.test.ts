// The HTTP API end to end: real `serverless offline` (stage test) over DynamoDB Local, with the
// run's loopback WeChat. Everything a client relies on: statuses, Chinese messages, field paths, masking.
import { allContracts } from '@doorstep/shared';
import { signIdentityTicket } from '../../functions/src/auth/cloudbaseTicket';
import { weChatCalls } from '../support/fakeWeChat';
import { apiClient } from '../support/http';
import { startApi, type RunningApi } from '../support/localStack';
import { birthDateYearsAgo, makeIdNumber, registrationBody } from '../support/people';
import { employerBody, makeUscc } from '../support/employers';
import { testEnvironment, uniqueTableName } from '../support/testConfig';

jest.setTimeout(180_000);

let api: RunningApi;
let client: ReturnType<typeof apiClient>;
const TICKET_SECRET = testEnvironment('x').CLOUDBASE_TICKET_SECRET;

beforeAll(async () => {
  api = await startApi({ tableName: uniqueTableName('api') });
  client = apiClient(api.baseUrl);
});

afterAll(async () => {
  await api?.stop();
});

describe('service endpoints', () => {
  it('reports health with the table reachable', async () => {
    const res = await client.get('/health');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'ok', stage: 'test' });
  });

  it('serves an OpenAPI document generated from the shared contracts', async () => {
    const res = await client.get('/openapi.json');
    expect(res.status).toBe(200);
    expect(res.body.openapi).toBe('3.1.0');
    expect(Object.keys(res.body.paths)).toEqual(
      expect.arrayContaining(['/auth/wechat', '/auth/cloudbase', '/me', '/me/jobseeker-registration', '/areas']),
    );
    expect(res.body.paths['/me/jobseeker-registration'].put.requestBody.content['application/json'].schema.properties).toHaveProperty(
      'idNumber',
    );
  });
});

describe('identity', () => {
  it('logs in with a WeChat code exchanged through jscode2session, with the configured app id', async () => {
    const res = await client.post('/auth/wechat', { code: 'code-alice' });

    expect(res.status).toBe(200);
    expect(res.body.user.roles).toEqual(['jobseeker']);
    expect((await weChatCalls()).filter((c) => c.code === 'code-alice').at(-1)).toEqual({ appid: 'wx-test-appid', secret: 'wx-test-secret', code: 'code-alice' });
    const me = await client.get('/me', res.body.token);
    expect(me.body.user.id).toBe(res.body.user.id);
  });

  it('gives the same account to the same WeChat user on every login', async () => {
    const a = await client.post('/auth/wechat', { code: 'code-bob' });
    const b = await client.post('/auth/wechat', { code: 'code-bob' });
    expect(a.body.user.id).toBe(b.body.user.id);
  });

  it('answers 401 in Chinese when WeChat rejects the code', async () => {
    const res = await client.post('/auth/wechat', { code: 'expired' });
    expect(res.status).toBe(401);
    expect(res.body.error).toMatchObject({ code: 'unauthenticated', message: expect.stringMatching(/微信/) });
  });

  it('answers 503 when WeChat itself fails, without leaking its answer', async () => {
    const res = await client.post('/auth/wechat', { code: 'busy' });
    expect(res.status).toBe(503);
    expect(res.text).not.toContain('system error');
  });

  it('exchanges a CloudBase identity ticket once, and only once', async () => {
    const ticket = await signIdentityTicket('openid-cloud-carol', TICKET_SECRET);

    const first = await client.post('/auth/cloudbase', { ticket });
    const replay = await client.post('/auth/cloudbase', { ticket });

    expect(first.status).toBe(200);
    expect(replay.status).toBe(401);
    // The CloudBase openid is the same WeChat identity as a code login would give.
    const viaCode = await client.post('/auth/wechat', { code: 'code-cloud-carol' });
    expect(viaCode.body.user.id).toBe(first.body.user.id);
  });

  it.each([
    ['signed with another secret', async () => signIdentityTicket('openid-x', 'another-secret-another-secret-0000')],
    ['expired', async () => signIdentityTicket('openid-x', TICKET_SECRET, new Date(Date.now() - 120_000))],
    ['not a token', async () => 'not-a-ticket'],
  ])('refuses a CloudBase ticket %s with 401', async (_, make) => {
    const res = await client.post('/auth/cloudbase', { ticket: await make() });
    expect(res.status).toBe(401);
  });

  it('puts roles and jurisdiction in the dev-login session (test stage only)', async () => {
    const res = await client.post('/auth/dev-login', { openid: 'staff-1', roles: ['staff'], level: 'street', areaCode: '350102001' });
    expect(res.status).toBe(200);
    expect(res.body.user).toMatchObject({ roles: ['jobseeker', 'staff'], level: 'street', areaCode: '350102001' });
  });

  it('refuses a staff dev login without a jurisdiction', async () => {
    const res = await client.post('/auth/dev-login', { openid: 'staff-2', roles: ['staff'] });
    expect(res.status).toBe(400);
    expect(res.body.error.details[0].path).toEqual(['level']);
  });

  it.each([
    ['no token', undefined],
    ['a malformed header', 'Basic abc'],
    ['a forged token', 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl'],
  ])('answers 401 to /me with %s', async (_, auth) => {
    const res = await client.call('GET', '/me', { headers: auth ? { authorization: auth } : {} });
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('unauthenticated');
  });
});

describe('job-seeker registration', () => {
  it('stores a registration and shows it back with the ID number masked', async () => {
    const token = await client.devLogin('seeker-1');
    const body = registrationBody({ idNumber: makeIdNumber('1978-04-05', 111) });

    const put = await client.put('/me/jobseeker-registration', body, token);
    const get = await client.get('/me/jobseeker-registration', token);

    expect(put.status).toBe(200);
    expect(get.status).toBe(200);
    expect(get.body.registration).toMatchObject({
      idNumberMasked: `3501**********${body.idNumber!.slice(-4)}`,
      gender: 'male',
      birthDate: '1978-04-05',
      residence: { areaName: expect.stringContaining('鼓楼区') },
      intention: { minMonthlySalaryFen: 350000 },
    });
    expect(get.text).not.toContain(body.idNumber);
  });

  it('answers 404 with a Chinese message before anything is registered', async () => {
    const token = await client.devLogin('seeker-empty');
    const res = await client.get('/me/jobseeker-registration', token);
    expect(res.status).toBe(404);
    expect(res.body.error.message).toBe('您还没有填写求职登记');
  });

  const body = registrationBody({ idNumber: makeIdNumber('1986-10-11', 222) });
  it.each([
    ['a wrong check digit', { ...body, idNumber: `${body.idNumber!.slice(0, 17)}${body.idNumber!.endsWith('0') ? '1' : '0'}` }, ['idNumber']],
    ['an impossible birth date', { ...body, idNumber: makeIdNumber('1986-02-30') }, ['idNumber']],
    ['a person under 16', { ...body, idNumber: makeIdNumber(birthDateYearsAgo(15)) }, ['idNumber']],
    ['a malformed mobile', { ...body, phone: '1234' }, ['phone']],
    ['an unknown community', { ...body, residence: { ...body.residence, areaCode: '350102999999' } }, ['residence', 'areaCode']],
    ['a negative salary', { ...body, intention: { ...body.intention, minMonthlySalaryFen: -1 } }, ['intention', 'minMonthlySalaryFen']],
    ['a résumé over the limit', { ...body, resume: '经'.repeat(2001) }, ['resume']],
    ['an unknown field', { ...body, role: 'admin' }, ['role']],
    ['a string for a number', { ...body, yearsOfExperience: '5' }, ['yearsOfExperience']],
  ])('answers 400 for %s, names the field in Chinese, and stores nothing', async (_, bad, path) => {
    const token = await client.devLogin(`bad-${path.join('-')}`);

    const res = await client.put('/me/jobseeker-registration', bad, token);

    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('invalid_input');
    expect(res.body.error.details).toEqual(expect.arrayContaining([expect.objectContaining({ path, message: expect.stringMatching(/\p{Script=Han}/u) })]));
    expect((await client.get('/me/jobseeker-registration', token)).status).toBe(404);
  });

  it.each([
    ['broken JSON', '{"name":'],
    ['a JSON array', '[]'],
    ['a JSON string', '"hello"'],
    ['null', 'null'],
    ['an empty body', ''],
    ['deeply nested junk', JSON.stringify({ residence: { areaCode: { $ne: 1 } }, intention: [[[[]]]] })],
    ['a huge body', JSON.stringify({ resume: 'x'.repeat(200_000) })],
  ])('answers 400, never 500, for %s', async (_, rawBody) => {
    const token = await client.devLogin('junk-sender');
    const res = await client.call('PUT', '/me/jobseeker-registration', { token, rawBody });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/\p{Script=Han}/u);
    expect(res.text).not.toMatch(/at \w+ \(|node_modules|Error:/);
  });

  it('answers 409 when the same ID number is registered from a second account', async () => {
    const idNumber = makeIdNumber('1992-12-12', 333);
    const first = await client.devLogin('owner-1');
    const second = await client.devLogin('owner-2');
    expect((await client.put('/me/jobseeker-registration', registrationBody({ idNumber }), first)).status).toBe(200);

    const res = await client.put('/me/jobseeker-registration', registrationBody({ idNumber }), second);

    expect(res.status).toBe(409);
    expect(res.body.error.details[0].path).toEqual(['idNumber']);
    expect((await client.get('/me/jobseeker-registration', second)).status).toBe(404);
  });

  it('lets the owner edit the registration later without typing the ID number again', async () => {
    const token = await client.devLogin('editor');
    await client.put('/me/jobseeker-registration', registrationBody({ idNumber: makeIdNumber('1984-01-20', 444) }), token);
    const { idNumber: _omit, ...rest } = registrationBody();

    const res = await client.put('/me/jobseeker-registration', { ...rest, intention: { ...rest.intention, shift: 'night' } }, token);

    expect(res.status).toBe(200);
    expect(res.body.registration).toMatchObject({ version: 2, intention: { shift: 'night' }, birthDate: '1984-01-20' });
  });
});

describe('areas', () => {
  it('lists provinces without a parent', async () => {
    const res = await client.get('/areas');
    expect(res.status).toBe(200);
    expect(res.body.items).toEqual(expect.arrayContaining([{ code: '35', name: '福建省', level: 'province', hasChildren: true }]));
    expect(res.body.items.length).toBeGreaterThanOrEqual(31);
  });

  it('lists the streets of a pilot district and the communities of a street', async () => {
    const streets = await client.get('/areas?parent=350102');
    expect(streets.body.items).toEqual(expect.arrayContaining([expect.objectContaining({ code: '350102001', name: '鼓东街道', level: 'street' })]));
    const communities = await client.get('/areas?parent=350102001');
    expect(communities.body.items.length).toBeGreaterThan(0);
    expect(communities.body.items.every((a: { level: string }) => a.level === 'community')).toBe(true);
  });

  it.each([
    ['abc', 400],
    ['3501020', 400],
    ['350102001001', 400],
    ['99', 404],
  ])('answers parent=%s with %i', async (parent, status) => {
    const res = await client.get(`/areas?parent=${parent}`);
    expect(res.status).toBe(status);
  });
});

describe('logs', () => {
  it('carry no ID number and no phone number, whatever was sent', async () => {
    const idNumber = makeIdNumber('1966-06-06', 606);
    const token = await client.devLogin('log-check');
    await client.put('/me/jobseeker-registration', registrationBody({ idNumber, phone: '13566667777' }), token);
    await client.put('/me/jobseeker-registration', { ...registrationBody({ idNumber }), phone: 'not-a-phone-13566668888' }, token);
    await client.call('PUT', '/me/jobseeker-registration', { token, rawBody: `{"idNumber":"${idNumber}",` });

    const logs = api.logs();
    expect(logs).toContain('/me/jobseeker-registration'); // the requests were logged at all
    for (const secret of [idNumber, '13566667777', '13566668888']) expect(logs).not.toContain(secret);
  });
});

describe('every route of the OpenAPI document', () => {
  it('is served over HTTP by its domain’s function: a signed-out call gets 401 (or the route’s own answer), never a missing route or a 500', async () => {
    const doc = (await client.get('/openapi.json')).body as { paths: Record<string, Record<string, { security?: unknown[] }>> };
    const calls = Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((method) => ({ method: method.toUpperCase(), path })));
    expect(calls.length).toBe(allContracts.length);
    const answers = [];
    for (const c of calls) {
      const res = await client.call(c.method, c.path.replace(/\{[^}]+\}/g, '01K0NOTHING0000000000000AA'), {});
      answers.push({ route: `${c.method} ${c.path}`, status: res.status, unrouted: res.body?.error?.message === '没有这个接口' });
    }
    expect(answers.filter((a) => a.status >= 500 || a.unrouted)).toEqual([]);
    const signedIn = allContracts.filter((c) => c.auth !== 'public').map((c) => `${c.method} ${c.path}`);
    expect(answers.filter((a) => signedIn.includes(a.route) && a.status !== 401)).toEqual([]);
  });
});

describe('employers', () => {
  it('onboards an employer from a phone: 201, pending review, readable by its admin only', async () => {
    const owner = await client.devLogin('employer-owner');
    const created = await client.post('/employers', employerBody({ uscc: makeUscc(901) }), owner);

    expect(created.status).toBe(201);
    expect(created.body.employer).toMatchObject({ status: 'pending_review', name: '福州鼓东便民超市有限公司' });
    const id = created.body.employer.id;
    expect((await client.get(`/employers/${id}`, owner)).status).toBe(200);
    expect((await client.get(`/employers/${id}`, await client.devLogin('someone-else'))).status).toBe(404);
  });

  it('answers 400 in Chinese for a code with a wrong check character', async () => {
    const bad = `${makeUscc(902).slice(0, 17)}${makeUscc(902).endsWith('0') ? '1' : '0'}`;
    const res = await client.post('/employers', employerBody({ uscc: bad }), await client.devLogin('employer-bad'));
    expect(res.status).toBe(400);
    expect(res.body.error.details).toEqual([{ path: ['uscc'], message: '统一社会信用代码校验位不正确，请对照营业执照核对' }]);
  });

  it('answers 409 for a code already onboarded', async () => {
    await client.post('/employers', employerBody({ uscc: makeUscc(903) }), await client.devLogin('employer-first'));
    const res = await client.post('/employers', employerBody({ uscc: makeUscc(903) }), await client.devLogin('employer-second'));
    expect(res.status).toBe(409);
    expect(res.body.error.details[0].path).toEqual(['uscc']);
  });

  it.each(['not-an-id', '01ARZ3NDEKTSV4RRFFQ69G5FA']) ('answers 404 for the malformed id %s', async (id) => {
    expect((await client.get(`/employers/${id}`, await client.devLogin('employer-owner'))).status).toBe(404);
  });
});
