// 亲情代办 over real HTTP (issue 17): a mother invites her son by phone with a code; he accepts
// (both consents recorded), switches to acting for her, registers her and sees it recorded as his
// doing on her behalf — in her 代办记录, his, and the registration's audit trail, which staff read
// too. A proxy acts only for the person who invited them, only on the routes a proxy may use, and
// only while the binding stands: ended by either side, his next request is refused.
import { MAX_PROXIES_PER_PERSON, PRIVACY_POLICY_VERSION } from '@doorstep/shared';
import { apiClient } from '../support/http';
import { startApi, type RunningApi } from '../support/localStack';
import { testEnvironment, uniqueTableName } from '../support/testConfig';
import { birthDateYearsAgo, makeIdNumber, registrationBody } from '../support/people';

jest.setTimeout(120_000);

let api: RunningApi;
let client: ReturnType<typeof apiClient>;
const tableName = uniqueTableName('proxies');

const SON_PHONE = '13900001001';
const motherRegistration = registrationBody({ idNumber: makeIdNumber(birthDateYearsAgo(58), 811), name: '王秀英', phone: '13900001000' });

let mother: string;
let motherId: string;
let son: string;
let sonId: string;

const del = (path: string, token: string) => client.call('DELETE', path, { token });
const invite = (token: string, phone = SON_PHONE, extra: Record<string, unknown> = {}) => client.post('/me/proxies', { phone, relation: 'child', callName: '妈妈', channel: 'weapp', ...extra }, token);
const accept = (token: string, code: string, phone = SON_PHONE) => client.post('/me/proxy-invitations/accept', { phone, code, channel: 'weapp' }, token);

/** The mother invites `token`'s owner; they accept: the binding id. */
async function bind(motherToken: string, proxyToken: string, phone: string): Promise<string> {
  const invited = await invite(motherToken, phone);
  expect(invited.status).toBe(201);
  const accepted = await accept(proxyToken, invited.body.code, phone);
  expect(accepted.status).toBe(201);
  return accepted.body.binding.id;
}

async function actFor(proxyToken: string, bindingId: string) {
  const res = await client.post('/me/acting-for', { bindingId }, proxyToken);
  expect(res.status).toBe(200);
  return res.body as { token: string; user: { id: string; roles: string[] }; actingFor: { personId: string; callName: string } };
}

beforeAll(async () => {
  api = await startApi({ tableName });
  client = apiClient(api.baseUrl);
  // The stored binding is read in process, from the suite's table.
  Object.assign(process.env, testEnvironment(tableName));
  mother = await client.devLogin('px-mother', {}, { consents: ['privacy', 'id_number'] });
  motherId = (await client.get('/me', mother)).body.user.id;
  son = await client.devLogin('px-son', {}, { consents: ['privacy'] });
  sonId = (await client.get('/me', son)).body.user.id;
});

afterAll(async () => {
  await api?.stop();
});

describe('inviting and accepting', () => {
  it('refuses malformed invitations and acceptances with a 400 in Chinese, storing nothing', async () => {
    const badPhone = await invite(mother, '1390000');
    expect(badPhone.status).toBe(400);
    expect(badPhone.body.error.details[0].path).toEqual(['phone']);
    const noRelation = await client.post('/me/proxies', { phone: SON_PHONE, callName: '妈妈', channel: 'weapp' }, mother);
    expect(noRelation.status).toBe(400);
    expect(noRelation.body.error.details[0]).toMatchObject({ path: ['relation'], message: '请选择对方是您的什么人' });
    expect((await invite(mother, SON_PHONE, { callName: '' })).body.error.details[0].message).toBe('请填写对方怎么称呼您');
    expect((await client.post('/me/proxy-invitations/accept', { phone: SON_PHONE, code: '12ab56', channel: 'weapp' }, son)).status).toBe(400);
    expect((await client.call('POST', '/me/proxies', { token: mother, rawBody: '{"phone":' })).status).toBe(400);
    expect((await client.post('/me/acting-for', { bindingId: 'not-an-id' }, son)).status).toBe(400);
    // A paging cursor is only ever a position in one's own records.
    const someoneElses = Buffer.from(JSON.stringify({ pk: 'USER#01HZZZZZZZZZZZZZZZZZZZZZZZ', sk: 'PROXYACT#01HZZZZZZZZZZZZZZZZZZZZZZZ' })).toString('base64url');
    for (const cursor of ['abc', someoneElses, Buffer.from('{"pk":"x"}').toString('base64url'), Buffer.from('null').toString('base64url')]) {
      const res = await client.get(`/me/proxy-actions?side=for_me&cursor=${cursor}`, mother);
      expect({ cursor, status: res.status, path: res.body.error?.details?.[0]?.path }).toEqual({ cursor, status: 400, path: ['cursor'] });
    }
    expect((await client.get('/me/proxy-actions?side=sideways', mother)).status).toBe(400);
    expect((await client.get('/me/proxies', mother)).body).toEqual({ proxies: [], actingFor: [], invitations: [] });
  });

  it('needs the inviter to have agreed to the privacy guide', async () => {
    const newcomer = await client.devLogin('px-newcomer', {}, { consents: [] });
    const refused = await invite(newcomer);
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('consent_required');
  });

  it('counts wrong codes, refuses one’s own invitation, then binds the son with both consents', async () => {
    const invited = await invite(mother);
    expect(invited.status).toBe(201);
    expect(invited.body.code).toMatch(/^\d{6}$/);
    expect(invited.body.invitation).toMatchObject({ phone: SON_PHONE, relation: 'child', callName: '妈妈' });
    expect((await client.get('/me/proxies', mother)).body.invitations).toHaveLength(1);

    const wrongCode = invited.body.code === '000000' ? '111111' : '000000';
    const wrong = await accept(son, wrongCode);
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.details[0]).toMatchObject({ path: ['code'], message: '邀请码不对，请核对' });
    expect((await accept(mother, invited.body.code)).status).toBe(422);

    const accepted = await accept(son, invited.body.code);
    expect(accepted.status).toBe(201);
    expect(accepted.body.binding).toMatchObject({ relation: 'child', callName: '妈妈', proxyPhone: '139****1001', status: 'active' });
    // The code is spent.
    expect((await accept(son, invited.body.code)).status).toBe(404);

    const { ProxyBindingEntity } = await import('../../functions/src/proxies/entities');
    const { GetItemCommand } = await import('dynamodb-toolbox/entity/actions/get');
    const { Item: stored } = await ProxyBindingEntity.build(GetItemCommand).key({ personId: motherId, bindingId: accepted.body.binding.id }).send();
    expect(stored).toMatchObject({ personConsent: { version: PRIVACY_POLICY_VERSION, channel: 'weapp' }, proxyConsent: { version: PRIVACY_POLICY_VERSION, channel: 'weapp' }, proxyUserId: sonId });

    const mine = (await client.get('/me/proxies', mother)).body;
    expect(mine.proxies.map((b: { id: string }) => b.id)).toEqual([accepted.body.binding.id]);
    expect(mine.invitations).toEqual([]);
    expect((await client.get('/me/proxies', son)).body.actingFor.map((b: { callName: string }) => b.callName)).toEqual(['妈妈']);
  });

  it('binds the same family member once, and at most three family members', async () => {
    const again = await invite(mother);
    expect((await accept(son, again.body.code)).body.error.message).toBe('您已经在为这位家人代办');
    await del(`/me/proxy-invitations/${SON_PHONE}`, mother);
    const others = await Promise.all([1, 2].map((n) => client.devLogin(`px-relative-${n}`, {}, { consents: ['privacy'] })));
    await bind(mother, others[0], '13900001011');
    await bind(mother, others[1], '13900001012');
    expect(MAX_PROXIES_PER_PERSON).toBe(3);
    const full = await invite(mother, '13900001013');
    expect(full.status).toBe(409);
    expect(full.body.error.message).toContain('最多可以有 3 位代办人');
  });
});

describe('acting for the person', () => {
  let bindingId: string;
  let acting: Awaited<ReturnType<typeof actFor>>;

  beforeAll(async () => {
    bindingId = (await client.get('/me/proxies', son)).body.actingFor[0].id;
    acting = await actFor(son, bindingId);
  });

  it('gives a session on her account, with the citizen role only', async () => {
    expect(acting.user).toMatchObject({ id: motherId, roles: ['jobseeker'] });
    expect(acting.actingFor).toMatchObject({ personId: motherId, callName: '妈妈' });
  });

  it('registers her, recorded as his doing on her behalf in both 代办记录 and in the audit trail staff read', async () => {
    const registered = await client.put('/me/jobseeker-registration', motherRegistration, acting.token);
    expect(registered.status).toBe(200);
    expect((await client.get('/me/jobseeker-registration', mother)).body.registration).toMatchObject({ name: '王秀英' });
    // His own account is untouched.
    expect((await client.get('/me/jobseeker-registration', son)).status).toBe(404);

    const forHer = (await client.get('/me/proxy-actions?side=for_me', mother)).body.items;
    expect(forHer).toEqual([expect.objectContaining({ outcome: 'done', side: 'for_me', relation: 'child', proxyPhone: '139****1001' })]);
    expect(forHer[0].what).toContain('求职登记');
    const byHim = (await client.get('/me/proxy-actions?side=by_me', son)).body.items;
    expect(byHim).toEqual([expect.objectContaining({ id: forHer[0].id, outcome: 'done', side: 'by_me', callName: '妈妈' })]);

    const trail = await client.get(`/audit/JobseekerRegistration/${motherId}`, mother);
    expect(trail.body.verified).toBe(true);
    expect(trail.body.events.at(-1)).toMatchObject({ actorId: motherId, proxyId: sonId });
    const street = await client.devLogin('px-street', { roles: ['staff'], level: 'street', areaCode: '350102001' });
    const seenByStaff = await client.get(`/audit/JobseekerRegistration/${motherId}`, street);
    expect(seenByStaff.body.events.at(-1)).toMatchObject({ proxyId: sonId });
  });

  it('records a refused action as not done', async () => {
    const refused = await client.post('/vacancies/01HZZZZZZZZZZZZZZZZZZZZZZZ/applications', {}, acting.token);
    expect(refused.status).toBe(404);
    const lines = (await client.get('/me/proxy-actions?side=for_me', mother)).body.items;
    expect(lines[0]).toMatchObject({ outcome: 'refused' });
  });

  it('leaves what is her own to her: consents, her data, closing the account, family members', async () => {
    for (const [method, path, body] of [
      ['POST', '/me/consents', { purposes: ['bank_account'], version: PRIVACY_POLICY_VERSION, channel: 'weapp' }],
      ['GET', '/me/data-export', undefined],
      ['POST', '/me/account-deletion', { confirm: true }],
      ['POST', '/me/proxies', { phone: '13900001099', relation: 'child', callName: '妈妈', channel: 'weapp' }],
      ['GET', '/me/proxies', undefined],
      ['POST', '/employers', {}],
    ] as const) {
      const res = await client.call(method, path, { token: acting.token, body });
      expect({ path, status: res.status, code: res.body?.error?.code }).toEqual({ path, status: 403, code: 'proxy_not_allowed' });
    }
    expect((await client.get('/me/account-deletion', mother)).body.deletion).toBeNull();
  });

  it('acts only for the person who invited him: another binding’s id is not his', async () => {
    const stranger = await client.devLogin('px-stranger', {}, { consents: ['privacy'] });
    expect((await client.post('/me/acting-for', { bindingId }, stranger)).status).toBe(404);
  });

  it('ends when she revokes it: his very next request is refused, and the binding shows who ended it', async () => {
    expect((await client.get('/me/vouchers', acting.token)).status).toBe(200);
    const revoked = await del(`/me/proxies/${bindingId}`, mother);
    expect(revoked.status).toBe(200);
    expect(revoked.body.binding).toMatchObject({ status: 'revoked', revokedBy: 'person' });
    const refused = await client.get('/me/vouchers', acting.token);
    expect(refused.status).toBe(403);
    expect(refused.body.error).toMatchObject({ code: 'proxy_revoked', message: '代办关系已解除，不能再为对方办理' });
    expect((await client.put('/me/jobseeker-registration', motherRegistration, acting.token)).status).toBe(403);
    expect((await client.post('/me/acting-for', { bindingId }, son)).status).toBe(403);
    // Revoking again changes nothing; a place is free again for a new family member.
    expect((await del(`/me/proxies/${bindingId}`, mother)).body.binding.revokedBy).toBe('person');
    expect((await invite(mother, '13900001013')).status).toBe(201);
  });

  it('ends when the family member steps back, too', async () => {
    const niece = await client.devLogin('px-niece', {}, { consents: ['privacy'] });
    const aunt = await client.devLogin('px-aunt', {}, { consents: ['privacy'] });
    const id = await bind(aunt, niece, '13900001021');
    const session = await actFor(niece, id);
    const ended = await del(`/me/proxies/${id}`, niece);
    expect(ended.body.binding).toMatchObject({ status: 'revoked', revokedBy: 'proxy' });
    expect((await client.get('/me/vouchers', session.token)).body.error.code).toBe('proxy_revoked');
    expect((await client.get('/me/proxies', aunt)).body.proxies[0]).toMatchObject({ status: 'revoked', revokedBy: 'proxy' });
    // Someone who is neither side sees no such binding.
    expect((await del(`/me/proxies/${id}`, son)).status).toBe(404);
  });

  it('counts the person’s own consents, not the proxy’s', async () => {
    const grandma = await client.devLogin('px-grandma', {}, { consents: ['privacy'] });
    const grandson = await client.devLogin('px-grandson', {}, { consents: ['privacy', 'id_number'] });
    const session = await actFor(grandson, await bind(grandma, grandson, '13900001031'));
    const body = registrationBody({ idNumber: makeIdNumber(birthDateYearsAgo(70), 812), name: '林阿婆', phone: '13900001030' });
    const refused = await client.put('/me/jobseeker-registration', body, session.token);
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('consent_required');
    expect(refused.body.error.details.map((d: { path: string[] }) => d.path.join('.'))).toEqual(['consents.id_number']);
  });
});
