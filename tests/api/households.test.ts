// 零就业家庭 over real HTTP (issue 31): a registered unemployed woman applies for her household —
// her husband (who has his own account), their schoolchild and their grown daughter; the four
// conditions are checked first with each failure beside its field; a member already in another
// household → 409; the street then the district recognise it; the husband's employment
// registration takes the household off zero and his new unemployment registration puts it back,
// with one 动态清零 task for the street; staff record the daughter's job; outside the street → 404.
import { addCalendarDays, todayInChina } from '@doorstep/shared';
import { apiClient } from '../support/http';
import { startApi, type RunningApi } from '../support/localStack';
import { uniqueTableName } from '../support/testConfig';
import { makeIdNumber } from '../support/people';
import { decideInQueue, registeredUnemployed, uploadPhoto } from '../support/hardship';

jest.setTimeout(240_000);

let api: RunningApi;
let client: ReturnType<typeof apiClient>;
const tableName = uniqueTableName('household');
const staff = {} as Record<'street' | 'district' | 'otherStreet', string>;

beforeAll(async () => {
  api = await startApi({ tableName });
  client = apiClient(api.baseUrl);
  staff.street = await client.devLogin('hh-street', { roles: ['staff'], level: 'street', areaCode: '350102001' });
  staff.district = await client.devLogin('hh-district', { roles: ['staff'], level: 'district', areaCode: '350102' });
  staff.otherStreet = await client.devLogin('hh-other-street', { roles: ['staff'], level: 'street', areaCode: '350102002' });
});

afterAll(() => api?.stop());

const member = (over: Record<string, unknown>) => ({ relation: 'child', activity: 'unemployed', ableToWork: true, willingToWork: true, stableIncome: false, ...over });

describe('零就业家庭', () => {
  it('is applied for, checked, recognised, and kept at zero as its members find and lose work', async () => {
    const her = await registeredUnemployed(client, { openid: 'hh-her', sequence: 822, name: '林秀英' }, staff.street);
    const him = await registeredUnemployed(client, { openid: 'hh-him', sequence: 821, name: '吴建国', birth: '1972-03-01' }, staff.street);
    const photo = await uploadPhoto(client, api.baseUrl, her.token, 'evidence');
    const husband = member({ name: '吴建国', idNumber: him.idNumber, relation: 'spouse' });
    const schoolchild = member({ name: '吴小明', idNumber: makeIdNumber('2015-06-01', 823), activity: 'student', ableToWork: false, willingToWork: false });
    const daughter = member({ name: '吴晓燕', idNumber: makeIdNumber('2000-08-08', 824) });
    const body = { urbanRegister: true, selfStableIncome: false, members: [husband, schoolchild, daughter], evidenceKeys: [photo.key] };

    // The conditions first, each failure beside its field.
    const failing = await client.post('/me/zero-employment-households', { ...body, urbanRegister: false, members: [{ ...husband, activity: 'employed' }, schoolchild, { ...daughter, stableIncome: true }] }, her.token);
    expect(failing.status).toBe(400);
    expect(failing.body.error.details).toEqual([
      { path: ['members', 0, 'activity'], message: '吴建国目前在单位上班，零就业家庭须劳动年龄内成员均处于失业状态' },
      { path: ['members', 2, 'stableIncome'], message: '吴晓燕有相对固定的收入，零就业家庭须均无固定收入' },
      { path: ['urbanRegister'], message: '零就业家庭须为城镇居民家庭' },
    ]);
    const malformed = await client.post('/me/zero-employment-households', { ...body, members: [{ ...husband, idNumber: '350102197203010000', relation: 'self' }], evidenceKeys: [] }, her.token);
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.details.map((d: { path: (string | number)[] }) => d.path.join('.')).sort()).toEqual(['evidenceKeys', 'members.0.idNumber', 'members.0.relation']);
    expect((await client.post('/me/zero-employment-households', { ...body, members: [husband, husband] }, her.token)).body.error.details).toEqual([{ path: ['members', 1, 'idNumber'], message: '与其他成员的身份证号重复' }]);
    // Not registered unemployed: 409.
    const stranger = await client.devLogin('hh-stranger');
    expect((await client.post('/me/zero-employment-households', body, stranger)).status).toBe(409);

    const applied = await client.post('/me/zero-employment-households', body, her.token);
    expect(applied.status).toBe(201);
    const id = applied.body.household.id;
    expect(applied.body.household).toMatchObject({ status: 'pending_street', atZero: false, applicantName: '林秀英' });
    expect(applied.body.household.members.map((m: { name: string; labour: boolean; idNumberMasked: string }) => [m.name, m.labour, m.idNumberMasked.includes('*')])).toEqual([
      ['林秀英', true, true],
      ['吴建国', true, true],
      ['吴小明', false, true],
      ['吴晓燕', true, true],
    ]);
    // Her husband is in this household now: his cousin cannot put him in another.
    const cousin = await registeredUnemployed(client, { openid: 'hh-cousin', sequence: 825, name: '吴建军', birth: '1980-01-01' }, staff.street);
    const cousinPhoto = await uploadPhoto(client, api.baseUrl, cousin.token, 'evidence');
    const twice = await client.post('/me/zero-employment-households', { ...body, members: [{ ...husband, relation: 'sibling' }], evidenceKeys: [cousinPhoto.key] }, cousin.token);
    expect(twice.status).toBe(409);
    expect(twice.body.error.message).toBe('吴建国已在另一户零就业家庭的申请或认定中');

    // The street, then the district.
    await decideInQueue(client, staff.street, 'household', id);
    expect((await client.get(`/staff/households/${id}`, staff.street)).body.household.status).toBe('pending_district');
    await decideInQueue(client, staff.district, 'household', id, 'district');
    const today = todayInChina();
    let seen = (await client.get(`/staff/households/${id}`, staff.street)).body;
    expect(seen.household).toMatchObject({ status: 'recognised', statusName: '已认定', atZero: true, zeroSince: today });
    expect(seen.evidence).toHaveLength(1);
    expect((await client.get('/staff/households?atZero=true', staff.street)).body.items.map((h: { id: string }) => h.id)).toEqual([id]);
    expect((await client.get(`/staff/households/${id}`, staff.otherStreet)).status).toBe(404);
    expect((await client.get('/staff/households', staff.otherStreet)).body.items).toEqual([]);
    expect((await client.get('/me/zero-employment-household', him.token)).body.household).toMatchObject({ id, atZero: true });

    // He finds work: off zero. He loses it: back at zero, the street has 30 days, one task.
    const job = { employmentKind: 'unit', employerName: '福州鼓东便民超市有限公司', workAreaCode: '350102001001', workAddress: '鼓东路 20 号', post: '理货员', startedOn: today, weeklyHours: 40, monthlyIncomeFen: 380_000 };
    expect((await client.post('/me/employment-registration', job, him.token)).status).toBe(201);
    expect((await client.get('/staff/households?atZero=false', staff.street)).body.items[0]).toMatchObject({ id, atZero: false, leftZeroOn: today });
    const unemployedAgain = await client.post('/me/unemployment-registration', { priorStatus: 'employed', lastEmployer: '福州鼓东便民超市有限公司', leavingReason: 'dismissed', leftOn: today, ableToWork: true, willingToWork: true, localResident: true }, him.token);
    await decideInQueue(client, staff.street, 'unemployment', unemployedAgain.body.application.id);
    seen = (await client.get(`/staff/households/${id}`, staff.street)).body;
    expect(seen.household).toMatchObject({ atZero: true, zeroSince: today, clearBy: addCalendarDays(today, 30) });
    const clearTasks = async () =>
      ((await client.get('/staff/tasks', staff.street)).body.items as { kind: string; subject: { id: string }; status: string }[]).filter((t) => t.kind === 'household_clear' && t.subject.id === id);
    expect(await clearTasks()).toEqual([expect.objectContaining({ status: 'open', due: addCalendarDays(today, 30) })]);

    // The daughter (no account) finds work, recorded by staff: off zero, the task done.
    const path = `/staff/households/${id}/members/3/activity`;
    expect((await client.post(path, { activity: 'working', version: seen.household.version }, staff.street)).status).toBe(400);
    expect((await client.post(`/staff/households/${id}/members/9/activity`, { activity: 'employed', version: seen.household.version }, staff.street)).status).toBe(404);
    expect((await client.post(path, { activity: 'employed', version: seen.household.version - 1 }, staff.street)).status).toBe(409);
    expect((await client.post(path, { activity: 'employed', version: seen.household.version }, staff.otherStreet)).status).toBe(404);
    const recorded = await client.post(path, { activity: 'employed', version: seen.household.version }, staff.street);
    expect(recorded.status).toBe(200);
    expect(recorded.body.household).toMatchObject({ atZero: false, leftZeroOn: today });
    expect(recorded.body.household.clearBy).toBeUndefined();
    expect(await clearTasks()).toEqual([]);

    // The ledger as a file: no ID numbers.
    const csv = await client.get('/staff/households/export.csv', staff.street);
    expect(csv.status).toBe(200);
    const rows = csv.text.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(rows).toEqual(['家庭,社区,人数,认定状态,仍为零就业,零就业起始日,已零就业天数,动态清零期限,脱离零就业日期', `林秀英家,福建省 福州市 鼓楼区 鼓东街道 中山社区,4,已认定,否,,,,${today}`]);
    expect(csv.text).not.toContain(him.idNumber.slice(-4) + ',');
  });
});
