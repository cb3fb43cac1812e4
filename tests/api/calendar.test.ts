// 工作日历 over HTTP (issue 30): the calendar is public; a city administrator enters next year's
// notice; a bad one → 400 naming the field in Chinese; anyone else → 401/403, and nothing changes.
import { apiClient } from '../support/http';
import { startApi, type RunningApi } from '../support/localStack';
import { uniqueTableName } from '../support/testConfig';
import { NOTICE_2027 as NOTICE } from '../support/calendar';

jest.setTimeout(180_000);

let api: RunningApi;
let client: ReturnType<typeof apiClient>;

beforeAll(async () => {
  api = await startApi({ tableName: uniqueTableName('calendar') });
  client = apiClient(api.baseUrl);
});

afterAll(async () => {
  await api?.stop();
});

describe('工作日历', () => {
  it('is public: the built-in years, each with its notice', async () => {
    const res = await client.get('/calendar');
    expect(res.status).toBe(200);
    expect(res.body.years.filter((y: { builtIn: boolean }) => y.builtIn).map((y: { year: number }) => y.year)).toEqual([2025, 2026]);
    expect(res.body.years[1].source).toContain('2026');
  });

  it('a city administrator enters 2027; a bad notice → 400 at the field; anyone else → 401/403; nothing changes meanwhile', async () => {
    const city = await client.devLogin('cal-city-admin', { roles: ['admin', 'staff'], level: 'city', areaCode: '3501' });
    const district = await client.devLogin('cal-district-admin', { roles: ['admin', 'staff'], level: 'district', areaCode: '350102' });
    const staff = await client.devLogin('cal-street-staff', { roles: ['staff'], level: 'street', areaCode: '350102001' });
    const citizen = await client.devLogin('cal-citizen');

    expect((await client.put('/admin/calendar/2027', NOTICE)).status).toBe(401);
    for (const token of [staff, citizen]) expect((await client.put('/admin/calendar/2027', NOTICE, token)).status).toBe(403);
    const notCity = await client.put('/admin/calendar/2027', NOTICE, district);
    expect(notCity.status).toBe(403);
    expect(notCity.body.error.message).toBe('节假日安排由市级管理员录入');

    const bad = await client.put('/admin/calendar/2027', { ...NOTICE, workdays: ['2027-02-17'] }, city);
    expect(bad.status).toBe(400);
    expect(bad.body.error.details).toEqual([{ path: ['workdays', 0], message: '调休上班日应是周六或周日' }]);
    const malformed = await client.put('/admin/calendar/2027', { ...NOTICE, holidays: [{ name: '春节', from: '2月5日', to: '2027-02-11' }] }, city);
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.details[0].path).toEqual(['holidays', 0, 'from']);
    expect((await client.get('/calendar')).body.years.map((y: { year: number }) => y.year)).not.toContain(2027);

    const saved = await client.put('/admin/calendar/2027', NOTICE, city);
    expect(saved.status).toBe(200);
    expect(saved.body.year).toMatchObject({ year: 2027, builtIn: false, version: 1, holidays: NOTICE.holidays, workdays: NOTICE.workdays });
    const listed = await client.get('/calendar');
    expect(listed.body.years.find((y: { year: number }) => y.year === 2027)).toMatchObject({ builtIn: false, source: NOTICE.source });
    expect(listed.body.nextYearMissing).toBe(false);
  });
});
