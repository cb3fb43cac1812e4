// Staff accounts over real HTTP (issue 18): what an officer may do is what their account says now,
// read on every request — not what their token was signed with — so a move or a removed role
// counts from the very next request, however long the old token has left.
import { apiClient } from '../support/http';
import { startApi, type RunningApi } from '../support/localStack';
import { uniqueTableName } from '../support/testConfig';
import { employerBody, makeUscc } from '../support/employers';

jest.setTimeout(120_000);

let api: RunningApi;
let client: ReturnType<typeof apiClient>;
const tableName = uniqueTableName('staff');

beforeAll(async () => {
  api = await startApi({ tableName });
  client = apiClient(api.baseUrl);
});

afterAll(async () => {
  await api?.stop();
});

describe('an officer’s rights count as they are now', () => {
  it('a moved officer’s old token sees the new street, and a removed one’s is refused', async () => {
    // A shop waiting for review in each of two streets.
    const owner = await client.devLogin('st-owner');
    const gudong = (await client.post('/employers', employerBody({ uscc: makeUscc(8801), name: '鼓东五金店' }), owner)).body.employer.id;
    const other = await client.devLogin('st-owner-2');
    const guxi = (await client.post('/employers', employerBody({ uscc: makeUscc(8802), name: '鼓西理发店', address: { areaCode: '350102002002', address: '鼓西路 8 号', lat: 26.08, lng: 119.29 } }), other)).body.employer.id;
    const queue = async (token: string) => {
      const res = await client.get('/staff/reviews?type=employer&limit=100', token);
      return { status: res.status, subjects: res.status === 200 ? res.body.items.map((r: { subjectId: string }) => r.subjectId) : [] };
    };

    const token = await client.devLogin('st-officer', { roles: ['staff'], level: 'street', areaCode: '350102001' });
    expect(await queue(token)).toEqual({ status: 200, subjects: [gudong] });
    // Moved to 鼓西街道 (the local stage's dev login stands in for the administrator here).
    await client.devLogin('st-officer', { roles: ['staff'], level: 'street', areaCode: '350102002' });
    expect(await queue(token)).toEqual({ status: 200, subjects: [guxi] });
    expect((await client.get(`/staff/employers/${gudong}`, token)).status).toBe(404);
    // No longer staff at all.
    await client.devLogin('st-officer', { roles: ['jobseeker'] });
    expect((await queue(token)).status).toBe(403);
    expect((await client.get(`/staff/employers/${guxi}`, token)).status).toBe(403);
  });
});
