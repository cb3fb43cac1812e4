// Every route of the OpenAPI document as every kind of person who signs in: a citizen, an
// employer's member, a voucher provider, finance, an administrator, and staff at each of the four
// levels. Whatever each may or may not do there, none of them ever gets a 500, and every 200
// carries exactly what the route's contract documents. Then what no route serves: an unknown path
// (404 in Chinese) and a served path with a method it does not take (405 naming the methods).
import { allContracts, type Contract } from '@doorstep/shared';
import { apiClient } from '../support/http';
import { startApi, type RunningApi } from '../support/localStack';
import { uniqueTableName } from '../support/testConfig';

jest.setTimeout(600_000);

let api: RunningApi;
let client: ReturnType<typeof apiClient>;

beforeAll(async () => {
  api = await startApi({ tableName: uniqueTableName('every') });
  client = apiClient(api.baseUrl);
});

afterAll(async () => {
  await api?.stop();
});

// 福州市 (3501) › 鼓楼区 (350102) › 鼓东街道 (350102001) › a community of it.
const PEOPLE: [string, Record<string, unknown>][] = [
  ['citizen', {}],
  ['employer', { roles: ['employer'] }],
  ['provider', { roles: ['provider'] }],
  ['finance', { roles: ['finance'], level: 'district', areaCode: '350102' }],
  ['admin', { roles: ['admin', 'staff'], level: 'city', areaCode: '3501' }],
  ['community staff', { roles: ['staff'], level: 'community', areaCode: '350102001001' }],
  ['street staff', { roles: ['staff'], level: 'street', areaCode: '350102001' }],
  ['district staff', { roles: ['staff'], level: 'district', areaCode: '350102' }],
  ['city staff', { roles: ['staff'], level: 'city', areaCode: '3501' }],
];

// Closing one's account is the one route that would end the sweep for that person: it runs last.
const LAST = new Set(['POST /me/account-deletion']);
const routes = [...allContracts]
  .filter((c) => c.id !== 'devLogin')
  .sort((a, b) => Number(LAST.has(`${a.method} ${a.path}`)) - Number(LAST.has(`${b.method} ${b.path}`)));
const NO_RECORD = '01K0NOTHING0000000000000AA';

async function sweep(token: string): Promise<{ route: string; status: number; problem?: string }[]> {
  const answers = [];
  for (const c of routes as Contract[]) {
    const path = c.path.replace(/\{[^}]+\}/g, NO_RECORD);
    const res = await client.call(c.method, path, { token, ...(c.method === 'GET' || c.method === 'DELETE' ? {} : { body: {} }) });
    let problem: string | undefined;
    if (res.status >= 500) problem = res.text.slice(0, 200);
    else if (res.status === 200 && !c.produces) {
      const parsed = c.response.safeParse(res.body);
      if (!parsed.success) problem = `not the documented answer: ${parsed.error.message.slice(0, 200)}`;
    }
    answers.push({ route: `${c.method} ${c.path}`, status: res.status, ...(problem ? { problem } : {}) });
  }
  return answers;
}

describe('every route as every role and level', () => {
  it('never answers a 500 to anyone, and every 200 is what its contract documents', async () => {
    // The nine people sweep side by side, each through every route in turn.
    const swept = await Promise.all(
      PEOPLE.map(async ([who, session]) => {
        const token = await client.devLogin(`every-${who.replace(/ /g, '-')}`, session);
        return { who, answers: await sweep(token) };
      }),
    );
    expect(swept.flatMap(({ who, answers }) => answers.filter((a) => a.problem).map((a) => ({ who, ...a })))).toEqual([]);
    // Each sweep reached the routes: some answered with their work, not only with refusals.
    for (const { who, answers } of swept) expect({ who, worked: answers.filter((a) => a.status === 200).length > 5 }).toEqual({ who, worked: true });
  });
});

describe('what no route serves', () => {
  it('answers an unknown path, under a domain’s prefix or not, with 404 没有这个接口', async () => {
    for (const path of ['/gigs/nearby/extra', '/staff/nothing-here', '/no-such-thing', '/vouchers/redeem/x/y']) {
      const res = await client.get(path);
      expect({ path, status: res.status, body: res.body }).toEqual({ path, status: 404, body: { error: { code: 'not_found', message: '没有这个接口' } } });
    }
  });

  it('answers a served path asked with another method with 405, naming the methods it takes', async () => {
    const res = await client.call('DELETE', '/gigs/nearby');
    expect(res.status).toBe(405);
    expect(res.body.error).toEqual({ code: 'method_not_allowed', message: '这个接口不支持这种请求方式' });
    const put = await client.call('PUT', `/gigs/${NO_RECORD}/takes`, { body: {} });
    expect(put.status).toBe(405);
  });
});
