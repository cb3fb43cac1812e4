// Staff accounts over real HTTP (issue 18): a city's first administrator comes from the IAM-only
// bootstrap; administrators invite, move and remove the staff of their own jurisdiction (never
// above or beside, only roles they hold, administrators only below); the invited accept with phone
// and code. What an officer may do is what their account says now, read on every request — not
// what their token was signed with — so a move or a removal counts from the very next request.
import { apiClient } from '../support/http';
import { startApi, type RunningApi } from '../support/localStack';
import { testEnvironment, uniqueTableName } from '../support/testConfig';
import { PRIVACY_POLICY_VERSION } from '@doorstep/shared';
import { readServerlessYml } from '../../scripts/lib/table';

/** The test stage's flag threshold (serverless.yml `params.test.accessFlagPerHour`; 100 in production). */
const ACCESS_FLAG_PER_HOUR = Number(readServerlessYml().params.test.accessFlagPerHour);
import { employerBody, makeUscc } from '../support/employers';
import { makeIdNumber, registrationBody } from '../support/people';
import { mapLimit } from '../../functions/src/concurrency';

jest.setTimeout(120_000);

let api: RunningApi;
let client: ReturnType<typeof apiClient>;
const tableName = uniqueTableName('staff');
const ID_NUMBER = makeIdNumber('1975-03-09', 712);

beforeAll(async () => {
  api = await startApi({ tableName });
  client = apiClient(api.baseUrl);
  // The bootstrap runs in process against the suite's table, as `npm run admin:bootstrap` does locally.
  Object.assign(process.env, testEnvironment(tableName));
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

describe('人员与权限', () => {
  const accept = (token: string, phone: string, code: string) => client.post('/me/staff-invitations/accept', { phone, code }, token);
  const invite = (token: string, body: Record<string, unknown>) => client.post('/admin/staff', body, token);
  const me = async (token: string) => (await client.get('/me', token)).body.user;
  let city: string;
  let district: string;
  let districtId: string;
  let officer: string;
  let officerId: string;

  it('starts from the bootstrap: a city administrator with every role, added by 系统初始化', async () => {
    const { bootstrapAdmin } = await import('../../functions/src/administration/bootstrap');
    await expect(bootstrapAdmin({ phone: '13900002000', areaCode: '35', name: '刘建华' })).rejects.toThrow('4 位区划代码');
    const { code, areaName } = await bootstrapAdmin({ phone: '13900002000', areaCode: '3501', name: '刘建华' });
    expect(areaName).toBe('福建省 福州市');
    city = await client.devLogin('sa-city');
    expect((await client.get('/admin/staff', city)).status).toBe(403);
    const joined = await accept(city, '13900002000', code);
    expect(joined.status).toBe(201);
    expect(joined.body.member).toMatchObject({ name: '刘建华', level: 'city', areaCode: '3501', roles: ['admin', 'staff', 'finance'], addedBy: '系统初始化', phone: '139****2000' });
    expect(await me(city)).toMatchObject({ roles: expect.arrayContaining(['jobseeker', 'admin', 'staff', 'finance']), level: 'city', areaCode: '3501' });
  });

  it('lets the city name a district administrator, who accepts on their own phone', async () => {
    const invited = await invite(city, { phone: '13900002001', name: '陈志强', areaCode: '350102', roles: ['staff', 'admin'] });
    expect(invited.status).toBe(201);
    expect(invited.body.invitation).toMatchObject({ level: 'district', areaName: '福建省 福州市 鼓楼区', invitedBy: '刘建华', phone: '139****2001' });
    district = await client.devLogin('sa-district');
    const joined = await accept(district, '13900002001', invited.body.code);
    expect(joined.status).toBe(201);
    districtId = joined.body.member.userId;
    const listed = (await client.get('/admin/staff', city)).body.items.map((m: { name: string; addedBy: string }) => [m.name, m.addedBy]);
    expect(listed).toEqual(expect.arrayContaining([['刘建华', '系统初始化'], ['陈志强', '刘建华']]));
  });

  it('refuses what a district administrator may not give, saying why, and stores nothing', async () => {
    const cases: [Record<string, unknown>, number, string][] = [
      [{ phone: '13900002009', name: '王伟', areaCode: '350102', roles: ['admin'] }, 403, '只能为下级区域设置管理员'],
      [{ phone: '13900002009', name: '王伟', areaCode: '350103001', roles: ['staff'] }, 403, '只能设置本辖区（及以下）的工作人员'],
      [{ phone: '13900002009', name: '王伟', areaCode: '3501', roles: ['staff'] }, 403, '只能设置本辖区（及以下）的工作人员'],
      [{ phone: '13900002009', name: '王伟', areaCode: '350102001', roles: ['finance'] }, 403, '您没有“财务（预算审批、结算拨付）”权限，不能授予别人'],
      [{ phone: '1390000', name: '王', areaCode: '3501021', roles: [] }, 400, '输入有误，请按提示修改'],
      [{ phone: '13900002009', name: '王伟', areaCode: '350102001', roles: ['root'] }, 400, '输入有误，请按提示修改'],
    ];
    for (const [body, status, message] of cases) {
      const res = await invite(district, body);
      expect({ body, status: res.status, message: res.body.error?.message }).toEqual({ body, status, message });
    }
    expect((await client.get('/admin/staff', district)).body.invitations).toEqual([]);
    // An officer who is not an administrator cannot use any of it.
    const plain = await client.devLogin('sa-plain', { roles: ['staff'], level: 'district', areaCode: '350102' });
    expect((await invite(plain, { phone: '13900002009', name: '王伟', areaCode: '350102001', roles: ['staff'] })).status).toBe(403);
  });

  it('counts wrong codes, then a street officer joins and sees the street’s review queue', async () => {
    const invited = await invite(district, { phone: '13900002002', name: '林晓东', areaCode: '350102001', roles: ['staff'] });
    officer = await client.devLogin('sa-officer');
    const wrong = invited.body.code === '000000' ? '111111' : '000000';
    expect((await accept(officer, '13900002002', wrong)).body.error.details[0]).toMatchObject({ path: ['code'], message: '加入码不对，请核对' });
    expect((await client.get('/staff/reviews?type=employer', officer)).status).toBe(403);
    const joined = await accept(officer, '13900002002', invited.body.code);
    expect(joined.status).toBe(201);
    officerId = joined.body.member.userId;
    expect((await client.get('/staff/reviews?type=employer', officer)).status).toBe(200);
    expect((await accept(officer, '13900002002', invited.body.code)).status).toBe(404);
  });

  it('moves the officer: the old token works in the new street from the next request; a stale change is refused', async () => {
    const { version } = (await client.get('/admin/staff?areaCode=350102001', district)).body.items.find((m: { userId: string }) => m.userId === officerId);
    const moved = await client.call('PATCH', `/admin/staff/${officerId}`, { token: district, body: { version, areaCode: '350102002' } });
    expect(moved.status).toBe(200);
    expect(moved.body.member).toMatchObject({ level: 'street', areaCode: '350102002', areaName: '福建省 福州市 鼓楼区 鼓西街道' });
    expect(await me(officer)).toMatchObject({ level: 'street', areaCode: '350102002' });
    expect((await client.call('PATCH', `/admin/staff/${officerId}`, { token: district, body: { version, roles: ['staff'] } })).status).toBe(409);
    // Nothing outside the district: not into another district, not the city administrator.
    expect((await client.call('PATCH', `/admin/staff/${officerId}`, { token: district, body: { version: version + 1, areaCode: '350103001' } })).status).toBe(403);
    const cityId = (await me(city)).id;
    expect((await client.call('DELETE', `/admin/staff/${cityId}`, { token: district })).status).toBe(404);
  });

  it('removes the officer: their next request has no staff rights, and the change trail verifies', async () => {
    expect((await client.call('DELETE', `/admin/staff/${officerId}`, { token: district })).status).toBe(200);
    expect((await client.get('/staff/reviews?type=employer', officer)).status).toBe(403);
    expect((await me(officer)).roles).toEqual(['jobseeker']);
    expect((await client.get('/admin/staff', district)).body.items.map((m: { userId: string }) => m.userId)).not.toContain(officerId);
    const trail = await client.get(`/audit/StaffAccount/${officerId}`, district);
    expect(trail.body.verified).toBe(true);
    expect(trail.body.events.map((e: { action: string }) => e.action)).toEqual(['join', 'change', 'remove']);
    // The officer reads their own; a plain officer of another area reads nothing.
    expect((await client.get(`/audit/StaffAccount/${officerId}`, officer)).status).toBe(200);
    expect((await client.get(`/audit/StaffAccount/${districtId}`, officer)).status).toBe(404);
  });

  it('keeps an administrator in every area: the last one cannot leave until another is named', async () => {
    const self = await client.call('DELETE', `/admin/staff/${districtId}`, { token: district });
    expect(self.status).toBe(409);
    expect(self.body.error.message).toContain('唯一的管理员');
    expect((await me(district)).roles).toContain('admin');
    const second = await invite(city, { phone: '13900002003', name: '黄丽', areaCode: '350102', roles: ['staff', 'admin'] });
    expect((await accept(await client.devLogin('sa-district-2'), '13900002003', second.body.code)).status).toBe(201);
    expect((await client.call('DELETE', `/admin/staff/${districtId}`, { token: district })).status).toBe(200);
    expect((await client.get('/admin/staff', district)).status).toBe(403);
  });
});

describe('访问记录', () => {
  let admin: string;
  let officer: string;
  let officerId: string;
  let person: string;
  let personId: string;

  beforeAll(async () => {
    // A district administrator (the dev login stands in for the bootstrap above) names a street officer.
    admin = await client.devLogin('ac-admin', { roles: ['staff', 'admin'], level: 'district', areaCode: '350102' });
    const invited = await client.post('/admin/staff', { phone: '13900003001', name: '林晓东', areaCode: '350102001', roles: ['staff'] }, admin);
    officer = await client.devLogin('ac-officer');
    officerId = (await client.post('/me/staff-invitations/accept', { phone: '13900003001', code: invited.body.code }, officer)).body.member.userId;
    person = await client.devLogin('ac-person');
    personId = (await client.get('/me', person)).body.user.id;
    expect((await client.put('/me/jobseeker-registration', registrationBody({ idNumber: ID_NUMBER, name: '郑美玲', phone: '13900003100' }), person)).status).toBe(200);
  });

  it('records each read of a person’s data once; the person sees which office looked and when, not who', async () => {
    expect((await client.get('/me/data-access', person)).body.items).toEqual([]);
    expect((await client.get(`/staff/people/${personId}`, officer)).status).toBe(200);
    expect((await client.post('/staff/people/search', { idNumber: ID_NUMBER }, officer)).status).toBe(200);
    const mine = await client.get('/me/data-access', person);
    expect(mine.body.items).toEqual([
      expect.objectContaining({ what: '用身份证号查找', office: '福建省 福州市 鼓楼区 鼓东街道', level: 'street' }),
      expect.objectContaining({ what: '查看求职登记和办理情况', office: '福建省 福州市 鼓楼区 鼓东街道', level: 'street' }),
    ]);
    expect(mine.text).not.toContain('林晓东');
    // A read that finds nothing in the officer's area reads nothing, and records nothing.
    const outsider = await client.devLogin('ac-outsider', { roles: ['staff'], level: 'street', areaCode: '350102002' });
    expect((await client.get(`/staff/people/${personId}`, outsider)).status).toBe(404);
    expect((await client.get('/me/data-access', person)).body.items).toHaveLength(2);
  });

  it('records reading a complaint’s author too', async () => {
    const filed = await client.post('/complaints', { kind: 'complaint', topic: 'efficiency', text: '社区窗口中午没有人，等了一个小时。' }, person);
    expect(filed.status).toBe(201);
    expect((await client.get(`/staff/complaints/${filed.body.complaint.id}`, officer)).status).toBe(200);
    expect((await client.get('/me/data-access', person)).body.items[0]).toMatchObject({ what: '查看投诉人的姓名和电话' });
  });

  it('shows the district administrator who read whose data, with filters; nothing outside their area', async () => {
    const log = await client.get('/admin/access-log', admin);
    expect(log.status).toBe(200);
    expect(log.body.items.map((e: { what: string }) => e.what)).toEqual(['查看投诉人的姓名和电话', '用身份证号查找', '查看求职登记和办理情况']);
    expect(log.body.items[0]).toMatchObject({ officer: { userId: officerId, name: '林晓东', level: 'street', areaName: '福建省 福州市 鼓楼区 鼓东街道' }, person: { id: personId, name: '郑**' }, route: 'GET /staff/complaints/{id}' });
    expect((await client.get(`/admin/access-log?personId=${personId}&officerId=${officerId}`, admin)).body.items).toHaveLength(3);
    expect((await client.get('/admin/access-log?areaCode=350102002', admin)).body.items).toEqual([]);
    expect((await client.get('/admin/access-log?from=2020-01-01&to=2020-01-31', admin)).body.items).toEqual([]);
    expect((await client.get('/admin/access-log?from=2026-13-01', admin)).status).toBe(400);
    expect((await client.get('/admin/access-log?to=2026-02-30', admin)).status).toBe(400);
    expect((await client.get('/admin/access-log?areaCode=350103', admin)).status).toBe(403);
    expect((await client.get('/admin/access-log', officer)).status).toBe(403);
  });

  it(`flags an officer reading more than ${ACCESS_FLAG_PER_HOUR} people’s ID-backed records in an hour, once, to the level above`, async () => {
    const { putRegistration } = await import('../../functions/src/registration/service');
    const { findOrCreateUser } = await import('../../functions/src/auth/users');
    const { giveConsents } = await import('../../functions/src/privacy/consents');
    const people = await mapLimit(Array.from({ length: ACCESS_FLAG_PER_HOUR + 1 }, (_, i) => i), 8, async (i) => {
      const u = await findOrCreateUser('dev', `ac-many-${i}`);
      await giveConsents(u.id, { purposes: ['privacy', 'id_number'], version: PRIVACY_POLICY_VERSION, channel: 'weapp' });
      await putRegistration(u.id, registrationBody({ idNumber: makeIdNumber('1980-01-01', 300 + i), name: '测试人员', phone: `1390000${String(4000 + i)}` }));
      return u.id;
    });
    const tasks = async () => (await client.get('/staff/tasks', admin)).body.items.filter((t: { kind: string }) => t.kind === 'access_anomaly');
    // The flag counts within a clock hour: a run that would straddle one (it takes well under two
    // minutes) waits for the next hour to begin, then reads the earlier person again so she counts
    // in this hour (seen here: a CI run crossing 07:00 split the count and never flagged).
    const msToNextHour = 3_600_000 - (Date.now() % 3_600_000);
    if (msToNextHour < 120_000) await new Promise((resolve) => setTimeout(resolve, msToNextHour + 1_000));
    expect((await client.get(`/staff/people/${personId}`, officer)).status).toBe(200);
    // The person read earlier counts as one; reading the same people again counts nobody twice.
    // Eight at a time, as an officer's browser tabs would: the count is a condition and an ADD.
    const statuses = await mapLimit(people.slice(0, ACCESS_FLAG_PER_HOUR - 1), 8, async (id) => (await client.get(`/staff/people/${id}`, officer)).status);
    expect(new Set(statuses)).toEqual(new Set([200]));
    expect((await client.get(`/staff/people/${people[0]}`, officer)).status).toBe(200);
    expect(await tasks()).toEqual([]);
    expect((await client.get(`/staff/people/${people[ACCESS_FLAG_PER_HOUR - 1]}`, officer)).status).toBe(200);
    expect(await tasks()).toHaveLength(1);
    expect((await client.get(`/staff/people/${people[ACCESS_FLAG_PER_HOUR]}`, officer)).status).toBe(200);
    const flagged = await tasks();
    expect(flagged).toHaveLength(1);
    expect(flagged[0]).toMatchObject({ areaCode: '350102', owner: 'district', subject: { type: 'StaffAccount', id: officerId } });
  }, 300_000); // up to two minutes waiting for the hour, then the reads
});
