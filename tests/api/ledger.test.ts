// 实名制台账 over real HTTP (issue 31): a street previews and imports its ledger file through the
// API and its queue; the list and a person's 服务手册 stay inside the jurisdiction (outside → 404,
// a community worker may not import → 403); malformed files, bodies and cursors → 400 in Chinese
// (a malformed key names nobody: 404), never 500, and nothing written.
import { apiClient } from '../support/http';
import { startApi, type RunningApi } from '../support/localStack';
import { uniqueTableName } from '../support/testConfig';
import { ledgerFile, toBase64 } from '../support/ledgerFiles';
import { consumeLocalQueue, until } from '../support/streams';

jest.setTimeout(240_000);

let api: RunningApi;
let client: ReturnType<typeof apiClient>;
let worker: { stop(): void };
const tableName = uniqueTableName('ledger');
const staff = {} as Record<'street' | 'otherStreet' | 'community', string>;
const file = ledgerFile(30, { series: 11, badKinds: ['idCheckDigit'], perKind: 1 });
const body = { fileName: '台账.csv', contentBase64: toBase64(file.csv) };

beforeAll(async () => {
  api = await startApi({ tableName });
  client = apiClient(api.baseUrl);
  worker = await consumeLocalQueue(tableName, 'ledger-import', async () => (await import('../../functions/src/ledger/work')).work);
  staff.street = await client.devLogin('lg-street', { roles: ['staff', 'admin'], level: 'street', areaCode: '350102001' });
  staff.otherStreet = await client.devLogin('lg-other', { roles: ['staff', 'admin'], level: 'street', areaCode: '350102002' });
  staff.community = await client.devLogin('lg-community', { roles: ['staff'], level: 'community', areaCode: '350102001001' });
});

afterAll(async () => {
  worker?.stop();
  await api?.stop();
});

describe('实名制台账 over HTTP', () => {
  it('refuses what it cannot take with 400 in Chinese, and writes nothing', async () => {
    const cases: [unknown, string][] = [
      [{ fileName: '台账.txt', contentBase64: body.contentBase64 }, 'fileName'],
      [{ fileName: '台账.csv', contentBase64: '***' }, 'contentBase64'],
      [{ fileName: '台账.csv', contentBase64: toBase64('姓名\n张三') }, 'contentBase64'],
      [{ fileName: '台账.xlsx', contentBase64: toBase64('not excel') }, 'contentBase64'],
      [{ fileName: '台账.csv' }, 'contentBase64'],
    ];
    for (const [sent, path] of cases) {
      const res = await client.post('/staff/ledger-imports', sent, staff.street);
      expect({ sent, status: res.status, path: res.body.error?.details?.[0]?.path?.[0] }).toEqual({ sent, status: 400, path });
      expect(res.body.error.details[0].message).toMatch(/[\u4e00-\u9fa5]/);
    }
    expect((await client.get('/staff/ledger?category=imported', staff.street)).body.items).toEqual([]);
    expect((await client.get('/staff/ledger?category=nobody', staff.street)).status).toBe(400);
    expect((await client.get('/staff/ledger?cursor=bm90IGEgY3Vyc29y', staff.street)).status).toBe(400);
    // A malformed key names nobody: 404, as for anyone one may not see.
    expect((await client.get('/staff/ledger/people/Unot-a-key', staff.street)).status).toBe(404);
    expect((await client.post('/staff/ledger-imports/preview', body, staff.community)).status).toBe(403);
  });

  it('previews, imports through its queue, and keeps the people inside the jurisdiction', async () => {
    const preview = await client.post('/staff/ledger-imports/preview', body, staff.street);
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({ rows: 30, good: 29, bad: [{ row: 9, problems: ['idCheckDigit'], reasons: ['身份证号校验位不正确，请核对后重新输入'] }] });
    const started = await client.post('/staff/ledger-imports', body, staff.street);
    expect(started.status).toBe(202);
    const id = started.body.import.id;
    const done = await until(async () => {
      const s = await client.get(`/staff/ledger-imports/${id}`, staff.street);
      return s.body.import.state === 'done' ? s.body : undefined;
    }, 'the import applied');
    expect(done.import).toMatchObject({ rows: 30, good: 29, applied: 29, refusedOnApply: 0 });

    const page = await client.get('/staff/ledger?category=imported', staff.street);
    expect(page.body.items).toHaveLength(20);
    expect(page.body.nextCursor).toEqual(expect.any(String));
    const rest = await client.get(`/staff/ledger?category=imported&cursor=${encodeURIComponent(page.body.nextCursor)}`, staff.street);
    expect(rest.body.items).toHaveLength(9);
    expect(rest.body.nextCursor).toBeUndefined();
    const someone = page.body.items[0];
    const seen = await client.get(`/staff/ledger/people/${someone.key}`, staff.community);
    expect(seen.status).toBe(200);
    expect(seen.body.person).toMatchObject({ key: someone.key, source: 'import', importedFrom: { fileName: '台账.csv' } });
    expect(JSON.stringify(seen.body)).not.toMatch(/\d{17}[\dX]/);
    // Outside the jurisdiction the person, the import and the list are not there.
    expect((await client.get(`/staff/ledger/people/${someone.key}`, staff.otherStreet)).status).toBe(404);
    expect((await client.get(`/staff/ledger-imports/${id}`, staff.otherStreet)).status).toBe(404);
    expect((await client.get('/staff/ledger', staff.otherStreet)).body.items).toEqual([]);
    // The look is in the street's 访问记录.
    const log = await client.get('/admin/access-log', staff.street);
    expect(log.body.items.some((e: { kind: string }) => e.kind === 'ledger')).toBe(true);
  });
});
