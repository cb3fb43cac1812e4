// 就业援助 over real HTTP (issue 31, first part): the district's confirmation of a hard-to-employ
// recognition opens the person's case in the street's ledger; the street's administrator assigns a
// specialist its administrator named in 人员与权限; the specialist records the contact and the plan;
// the person reads their specialist's phone and the plan. Outside the street → 404; not the
// specialist → 403/404; bad input → 400 in Chinese; nothing is a 500.
import { apiClient } from '../support/http';
import { startApi, type RunningApi } from '../support/localStack';
import { uniqueTableName } from '../support/testConfig';
import { decideInQueue, pendingReview, recogniseHardToEmploy, uploadPhoto } from '../support/hardship';
import { todayInChina } from '@doorstep/shared';
import { approvedEmployer, employerBody, makeUscc, publishedVacancy } from '../support/employers';

jest.setTimeout(240_000);

let api: RunningApi;
let client: ReturnType<typeof apiClient>;
const tableName = uniqueTableName('assist');
const staff = {} as Record<'admin' | 'street' | 'district' | 'otherAdmin' | 'specialist', string>;
let specialistId: string;

beforeAll(async () => {
  api = await startApi({ tableName });
  client = apiClient(api.baseUrl);
  staff.admin = await client.devLogin('as-admin', { roles: ['staff', 'admin'], level: 'street', areaCode: '350102001' });
  staff.street = await client.devLogin('as-street', { roles: ['staff'], level: 'street', areaCode: '350102001' });
  staff.district = await client.devLogin('as-district', { roles: ['staff'], level: 'district', areaCode: '350102' });
  staff.otherAdmin = await client.devLogin('as-other-admin', { roles: ['staff', 'admin'], level: 'street', areaCode: '350102002' });
  // The specialist: a community's worker the street's administrator added in 人员与权限.
  const invited = await client.post('/admin/staff', { phone: '13900004001', name: '陈美玲', areaCode: '350102001001', roles: ['staff'] }, staff.admin);
  expect(invited.status).toBe(201);
  staff.specialist = await client.devLogin('as-specialist');
  const joined = await client.post('/me/staff-invitations/accept', { phone: '13900004001', code: invited.body.code }, staff.specialist);
  expect(joined.status).toBe(201);
  specialistId = joined.body.member.userId;
});

afterAll(() => api?.stop());

describe('就业援助', () => {
  it('opens with the recognition, is assigned, contacted and planned, and the person reads it', async () => {
    const person = await recogniseHardToEmploy(client, api.baseUrl, { openid: 'as-person-1', sequence: 811, name: '林秀英' }, staff);
    const ledger = await client.get('/staff/assistance-cases?status=awaiting_specialist', staff.admin);
    expect(ledger.status).toBe(200);
    const opened = ledger.body.items.find((c: { personId: string }) => c.personId === person.userId);
    expect(opened).toMatchObject({ personName: '林秀英', status: 'awaiting_specialist', statusName: '待指派援助专员', version: 1 });
    expect(opened.steps.map((s: { name: string; done: boolean }) => [s.name, s.done])).toEqual([
      ['指派援助专员', false],
      ['制定援助方案', false],
      ['推荐2个岗位', false],
    ]);
    const mine = await client.get('/me/assistance', person.token);
    expect(mine.body.assistance).toMatchObject({ status: 'awaiting_specialist', next: expect.stringContaining('援助专员') });

    // Only the street's administrator assigns; another street does not see the case.
    const path = `/staff/assistance-cases/${opened.id}`;
    expect((await client.post(`${path}/specialist`, { staffId: specialistId, version: 1 }, staff.street)).status).toBe(403);
    expect((await client.post(`${path}/specialist`, { staffId: specialistId, version: 1 }, staff.otherAdmin)).status).toBe(404);
    const wrong = await client.post(`${path}/specialist`, { staffId: '', version: 1 }, staff.admin);
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.details).toEqual([{ path: ['staffId'], message: '请选择援助专员' }]);
    const assigned = await client.post(`${path}/specialist`, { staffId: specialistId, version: 1 }, staff.admin);
    expect(assigned.status).toBe(200);
    expect(assigned.body.case).toMatchObject({ status: 'in_progress', specialist: { name: '陈美玲', phone: '13900004001' } });

    // The specialist's own ledger, the contact and the plan; bad input names the field.
    expect((await client.get('/staff/assistance-cases', staff.specialist)).body.items.map((c: { id: string }) => c.id)).toEqual([opened.id]);
    const badContact = await client.post(`${path}/contact`, { how: 'fax', on: '2026-13-01', note: '' }, staff.specialist);
    expect(badContact.status).toBe(400);
    expect(badContact.body.error.details.map((d: { path: string[] }) => d.path[0]).sort()).toEqual(['how', 'note', 'on']);
    expect((await client.post(`${path}/contact`, { how: 'phone', on: '2026-01-05', note: '电话联系' }, staff.admin)).status).toBe(403);
    const contacted = await client.post(`${path}/contact`, { how: 'phone', on: '2026-01-05', note: '电话联系，约好周四上门' }, staff.specialist);
    expect(contacted.status).toBe(200);
    const plan = {
      causes: '腿脚不便，原单位关停后一直没有合适的岗位',
      goals: '三个月内在家附近找到坐着做的工作',
      services: [{ kind: 'post', what: '推荐社区便民服务中心收银岗位', by: '2026-12-20' }],
      version: contacted.body.case.version,
    };
    const planned = await client.put(`${path}/plan`, plan, staff.specialist);
    expect(planned.status).toBe(200);
    expect((await client.put(`${path}/plan`, plan, staff.specialist)).status).toBe(409);
    expect((await client.put(`${path}/plan`, { ...plan, services: [] }, staff.specialist)).body.error.details).toEqual([{ path: ['services'], message: '方案至少要有一项服务' }]);

    // The person: who helps them, how to reach them, the plan in plain words.
    const read = (await client.get('/me/assistance', person.token)).body.assistance;
    expect(read).toMatchObject({
      status: 'in_progress',
      specialist: { name: '陈美玲', phone: '13900004001', areaName: expect.stringContaining('鼓东街道') },
      plan: { goals: '三个月内在家附近找到坐着做的工作', services: [{ kindName: '推荐岗位', what: '推荐社区便民服务中心收银岗位', by: '2026-12-20' }] },
    });
    // Staff reading the case is in the person's 访问记录.
    expect((await client.get(path, staff.specialist)).status).toBe(200);
    expect((await client.get(path, staff.otherAdmin)).status).toBe(404);
    expect((await client.get('/me/data-access', person.token)).body.items.map((a: { what: string }) => a.what)).toContain('查看就业援助档案（援助情况和方案）');
  });

  it('offers two posts from the search with referral letters, checks the interview, and the person signs the agreement', async () => {
    const person = await recogniseHardToEmploy(client, api.baseUrl, { openid: 'as-person-2', sequence: 812, name: '吴建国' }, staff);
    const opened = (await client.get('/staff/assistance-cases', staff.admin)).body.items.find((c: { personId: string }) => c.personId === person.userId);
    const path = `/staff/assistance-cases/${opened.id}`;
    // Not yet anyone to sign with.
    expect((await client.post('/me/assistance/agreement', { agree: true }, person.token)).status).toBe(409);
    expect((await client.post(`${path}/specialist`, { staffId: specialistId, version: 1 }, staff.admin)).status).toBe(200);

    // Two posts near the person's home (the case says where that is), each with its letter.
    const home = (await client.get(path, staff.specialist)).body.case.home;
    expect(home).toEqual({ lat: expect.any(Number), lng: expect.any(Number) });
    const owner = await client.devLogin('as-owner');
    const employerId = await approvedEmployer(client, owner, staff.street, { uscc: makeUscc(8811) });
    const vacancies = [await publishedVacancy(client, owner, staff.street, employerId, home), await publishedVacancy(client, owner, staff.street, employerId, home, { title: '理货员' })];
    // Someone else's case, or not the case's person: refused, no letter.
    expect((await client.post('/staff/referrals', { personId: specialistId, vacancyId: vacancies[0], caseId: opened.id }, staff.specialist)).status).toBe(400);
    expect((await client.post('/staff/referrals', { personId: person.userId, vacancyId: vacancies[0], caseId: opened.id }, staff.otherAdmin)).status).toBe(404);
    const codes: string[] = [];
    for (const vacancyId of vacancies) {
      const letter = await client.post('/staff/referrals', { personId: person.userId, vacancyId, caseId: opened.id }, staff.specialist);
      expect(letter.status).toBe(201);
      codes.push(letter.body.referral.code);
    }
    let seen = (await client.get(path, staff.specialist)).body.case;
    expect(seen.offers.map((o: { code: string }) => o.code)).toEqual(codes);
    expect(seen.steps.find((s: { name: string }) => s.name === '推荐2个岗位')).toMatchObject({ done: true, onTime: true });

    // The interview (accompanied), its check, and the result.
    const badInterview = await client.post(`${path}/offers/${codes[0]}/interview`, { on: '明天', accompanied: 'yes' }, staff.specialist);
    expect(badInterview.status).toBe(400);
    expect(badInterview.body.error.details.map((d: { path: string[] }) => d.path[0]).sort()).toEqual(['accompanied', 'on']);
    expect((await client.post(`${path}/offers/ZZZZZZZZ/interview`, { on: seen.offers[0].on, accompanied: true }, staff.specialist)).status).toBe(404);
    expect((await client.post(`${path}/offers/${codes[0]}/interview`, { on: seen.offers[0].on, accompanied: true }, staff.specialist)).status).toBe(200);
    const noResult = await client.post(`${path}/offers/${codes[0]}/result`, { note: '' }, staff.specialist);
    expect(noResult.body.error.details.map((d: { message: string }) => d.message).sort()).toEqual(['请写明回访情况', '请选择面试结果']);
    const result = await client.post(`${path}/offers/${codes[0]}/result`, { result: 'not_hired', note: '单位要求会用电脑，继续推荐' }, staff.specialist);
    expect(result.status).toBe(200);
    seen = result.body.case;
    expect(seen.offers[0]).toMatchObject({ interviewOn: expect.any(String), accompanied: true, resultName: '未录用' });
    expect(seen.steps.find((s: { name: string }) => s.name.startsWith('回访面试结果'))).toMatchObject({ done: true, onTime: true });

    // The person reads the agreement and signs it once; the posts offered are on their page.
    const before = (await client.get('/me/assistance', person.token)).body.assistance;
    expect(before.agreementText.length).toBeGreaterThan(2);
    expect(before.offers.map((o: { resultName?: string }) => o.resultName ?? '')).toEqual(['未录用', '']);
    expect((await client.post('/me/assistance/agreement', {}, person.token)).body.error.details).toEqual([{ path: ['agree'], message: '请阅读并同意协议内容' }]);
    const signed = await client.post('/me/assistance/agreement', { agree: true }, person.token);
    expect(signed.status).toBe(200);
    expect(signed.body.assistance.agreement).toMatchObject({ how: 'app' });
    expect((await client.post('/me/assistance/agreement', { agree: true }, person.token)).body).toEqual(signed.body);
    // A paper copy on top of it: 409; a photo that is not an evidence photo: 400.
    const photo = await uploadPhoto(client, api.baseUrl, staff.specialist, 'evidence');
    expect((await client.post(`${path}/agreement`, { photoKey: photo.key }, staff.specialist)).status).toBe(409);
    expect((await client.post(`${path}/agreement`, { photoKey: 'licences/x/y.jpg' }, staff.specialist)).body.error.details).toEqual([{ path: ['photoKey'], message: '请上传协议书照片' }]);

    // Hired at the second post; her own employment registration places the case and starts the follow-ups.
    expect((await client.post(`${path}/offers/${codes[1]}/result`, { result: 'hired', note: '录用，明天上岗' }, staff.specialist)).status).toBe(200);
    const today = todayInChina();
    const job = { employmentKind: 'unit', employerName: '福州鼓东便民超市有限公司', workAreaCode: '350102001001', workAddress: '鼓东路 20 号', post: '理货员', startedOn: today, weeklyHours: 40, monthlyIncomeFen: 380_000 };
    expect((await client.post('/me/employment-registration', job, person.token)).status).toBe(201);
    seen = (await client.get(path, staff.specialist)).body.case;
    expect(seen).toMatchObject({ status: 'placed', placedOn: today });
    expect(seen.steps.find((s: { name: string }) => s.name === '告知并办理就业登记')).toMatchObject({ done: true, onTime: true });
    expect(seen.steps.find((s: { name: string }) => s.name === '跟踪回访')).toMatchObject({ done: false });
    const badFollowUp = await client.post(`${path}/follow-ups`, { on: today, stability: 'so-so', note: '' }, staff.specialist);
    expect(badFollowUp.body.error.details.map((d: { message: string }) => d.message).sort()).toEqual(['请写明回访情况', '请选择就业是否稳定']);
    expect((await client.post(`${path}/follow-ups`, { on: today, stability: 'stable', note: '上岗顺利' }, staff.admin)).status).toBe(403);
    const followed = await client.post(`${path}/follow-ups`, { on: today, stability: 'stable', note: '上岗顺利，同事照顾' }, staff.specialist);
    expect(followed.status).toBe(200);
    expect(followed.body.case.followUps).toEqual([{ on: today, stability: 'stable', stabilityName: '稳定', note: '上岗顺利，同事照顾' }]);

    // She loses the job and is registered unemployed again: the case re-opens, once.
    const unemployment = { priorStatus: 'employed', lastEmployer: '福州鼓东便民超市有限公司', leavingReason: 'dismissed', leftOn: today, ableToWork: true, willingToWork: true, localResident: true };
    const again = await client.post('/me/unemployment-registration', unemployment, person.token);
    expect(again.status).toBe(201);
    const review = await pendingReview(client, staff.street, 'unemployment', again.body.application.id);
    expect((await client.post(`/staff/reviews/${review!.id}/decision`, { decision: 'approve', reason: '' }, staff.street)).status).toBe(200);
    seen = (await client.get(path, staff.specialist)).body.case;
    expect(seen).toMatchObject({ status: 'in_progress', statusName: '援助中' });
    expect(seen.placedOn).toBeUndefined();
    expect(seen.steps.filter((s: { name: string; done: boolean }) => s.name === '推荐2个岗位')).toEqual([expect.objectContaining({ done: false })]);
  });

  it('tallies each deadline on time, late and overdue by street and specialist, and exports the F30 ledger', async () => {
    expect((await client.get('/staff/assistance-report', staff.specialist)).status).toBe(403);
    const { report } = (await client.get('/staff/assistance-report', staff.admin)).body;
    expect(report).toMatchObject({ cases: 2, placed: 0, welfareSeats: 0, welfareFilled: 0 });
    const step = (kind: string) => report.steps.find((s: { kind: string }) => s.kind === kind);
    // Both cases: the specialist named, contacted (one), plans (one), posts (two) — all on time today.
    expect(step('assist_assign')).toEqual({ kind: 'assist_assign', name: '为新认定的就业困难人员指派援助专员', done: 2, onTime: 2, overdue: 0 });
    expect(step('assist_interview')).toMatchObject({ done: 1, onTime: 1 });
    expect(report.byStreet).toEqual([expect.objectContaining({ areaCode: '350102001', cases: 2 })]);
    expect(report.bySpecialist).toEqual([expect.objectContaining({ id: specialistId, name: '陈美玲', cases: 2 })]);
    // Someone else's street sees nothing of it.
    expect((await client.get('/staff/assistance-report', staff.otherAdmin)).body.report).toMatchObject({ cases: 0, steps: [], byStreet: [] });

    const csv = await client.get('/staff/assistance-cases/export.csv', staff.admin);
    expect(csv.status).toBe(200);
    const rows = csv.text.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(rows[0]).toBe('姓名,社区,认定日期,援助状态,援助专员,首次联系,援助目标,推荐岗位数,面试次数,协议签署,上岗日期,跟踪回访次数,结案日期');
    expect(rows.slice(1).map((r) => r.split(',')[0]).sort()).toEqual(['吴建国', '林秀英']);
    expect((await client.get('/staff/assistance-cases/export.csv', staff.specialist)).status).toBe(403);
    // The assessment CSV carries the deadlines' on-time rate and what is overdue, per area.
    const assessment = (await client.get('/stats/export.csv', staff.admin)).text.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(assessment[0].endsWith(',就业援助期限按时率（截至今日）,就业援助逾期未办（件）')).toBe(true);
    expect(assessment.at(-1)).toMatch(/^350102001,合计（.*）,.*,100%,0$/);
  });

  it('lets a specialist from another community of the street refer the person of their case, and nobody else', async () => {
    const invited = await client.post('/admin/staff', { phone: '13900004002', name: '郑晓峰', areaCode: '350102001002', roles: ['staff'] }, staff.admin);
    const second = await client.devLogin('as-specialist-2');
    const secondId = (await client.post('/me/staff-invitations/accept', { phone: '13900004002', code: invited.body.code }, second)).body.member.userId;
    const person = await recogniseHardToEmploy(client, api.baseUrl, { openid: 'as-person-3', sequence: 813, name: '郭淑珍' }, staff);
    const opened = (await client.get('/staff/assistance-cases', staff.admin)).body.items.find((c: { personId: string }) => c.personId === person.userId);
    expect((await client.post(`/staff/assistance-cases/${opened.id}/specialist`, { staffId: secondId, version: 1 }, staff.admin)).status).toBe(200);
    const owner = await client.devLogin('as-owner');
    const employerId = (await client.get('/me/employers', owner)).body.items[0].employer.id;
    const vacancyId = await publishedVacancy(client, owner, staff.street, employerId, { lat: 26.0845, lng: 119.3012 }, { title: '收银员' });
    // She lives in 中山社区; he works for another community of the street: the case is his reach.
    expect((await client.post('/staff/referrals', { personId: person.userId, vacancyId }, second)).status).toBe(404);
    expect((await client.post('/staff/referrals', { personId: person.userId, vacancyId, caseId: opened.id }, second)).status).toBe(201);
  });

  it('registers a public-welfare post, has it checked and confirmed, and places a person in its only seat once', async () => {
    const post = { unitName: '鼓东街道社区服务中心', title: '社区保洁员', duties: '负责小区公共区域保洁，每天上午', areaCode: '350102001001', seats: 1, funding: 'government', kind: 'service', forHardToEmploy: true, publicInterest: true, monthlyWageFen: 210_000 };
    const notR20 = await client.post('/staff/welfare-posts', { ...post, forHardToEmploy: false, publicInterest: false }, staff.street);
    expect(notR20.body.error.details).toEqual([
      { path: ['forHardToEmploy'], message: '公益性岗位须主要安置就业困难人员' },
      { path: ['publicInterest'], message: '公益性岗位须是满足社会公共利益需要的服务或辅助管理岗位' },
    ]);
    expect((await client.post('/staff/welfare-posts', { ...post, areaCode: '350102002001' }, staff.street)).body.error.details).toEqual([{ path: ['areaCode'], message: '岗位须在您的辖区内' }]);
    const created = await client.post('/staff/welfare-posts', post, staff.street);
    expect(created.status).toBe(201);
    const id = created.body.post.id;
    await decideInQueue(client, staff.street, 'welfare_post', id);
    await decideInQueue(client, staff.district, 'welfare_post', id, 'district');
    expect((await client.get('/staff/welfare-posts?status=confirmed', staff.specialist)).body.items.map((p: { id: string }) => p.id)).toEqual([id]);
    expect((await client.get(`/staff/welfare-posts/${id}`, staff.otherAdmin)).status).toBe(404);

    // 托底: the specialist places 吴建国 (his case is open again) in the only seat; a replay changes nothing.
    const cases = (await client.get('/staff/assistance-cases', staff.specialist)).body.items as { id: string; personName: string }[];
    const his = cases.find((c) => c.personName === '吴建国')!;
    const hers = cases.find((c) => c.personName === '林秀英')!;
    const today = todayInChina();
    const until = `${Number(today.slice(0, 4)) + 1}${today.slice(4)}`;
    const body = { postId: id, from: today, until };
    expect((await client.post(`/staff/assistance-cases/${his.id}/welfare-placement`, { ...body, until: today }, staff.specialist)).body.error.details).toEqual([{ path: ['until'], message: '结束日期须晚于开始日期' }]);
    const key = { 'Idempotency-Key': 'place-wu-0001' };
    const placed = await client.call('POST', `/staff/assistance-cases/${his.id}/welfare-placement`, { token: staff.specialist, body, headers: key });
    expect(placed.status).toBe(200);
    expect(placed.body.post).toMatchObject({ filled: 1, placements: [{ personName: '吴建国', from: today, until }] });
    const replay = await client.call('POST', `/staff/assistance-cases/${his.id}/welfare-placement`, { token: staff.specialist, body, headers: key });
    expect(replay.body).toEqual(placed.body);
    expect((await client.get(`/staff/assistance-cases/${his.id}`, staff.specialist)).body.case).toMatchObject({ status: 'placed', placedOn: today });
    const full = await client.post(`/staff/assistance-cases/${hers.id}/welfare-placement`, body, staff.specialist);
    expect(full.status).toBe(409);
    expect(full.body.error.message).toBe('这个岗位的名额已满');
    expect((await client.get(`/staff/welfare-posts/${id}`, staff.street)).body.post.filled).toBe(1);
    expect((await client.get('/staff/assistance-report', staff.admin)).body.report).toMatchObject({ placed: 1, welfareSeats: 1, welfareFilled: 1 });
    const csv = await client.get('/staff/welfare-posts/export.csv', staff.street);
    expect(csv.text.replace(/^\uFEFF/, '').trim().split('\r\n')[1]).toBe(`鼓东街道社区服务中心,社区保洁员,福建省 福州市 鼓楼区 鼓东街道 中山社区,公共服务类（保洁、绿化、治安巡防、托老托幼等）,政府投资开发,2100,1,1,已确认，可安置,吴建国（${today}至${until}）`);
  });

  it('lets a unit apply for a public-welfare post from its phone, into the street’s queue, and follow it', async () => {
    const owner = await client.devLogin('as-unit-owner');
    const unitId = await approvedEmployer(client, owner, staff.street, { name: '鼓东街道养老服务中心', uscc: makeUscc(9177) });
    const post = { title: '助老员', duties: '上门陪护社区独居老人，每天下午', areaCode: '350102001002', seats: 2, funding: 'supported', kind: 'service', forHardToEmploy: true, publicInterest: true, monthlyWageFen: 230_000 };
    // R20 beside its field; another unit's member, or someone else: 404; the unit's name is its own.
    expect((await client.post(`/employers/${unitId}/welfare-posts`, { ...post, publicInterest: false }, owner)).body.error.details).toEqual([{ path: ['publicInterest'], message: '公益性岗位须是满足社会公共利益需要的服务或辅助管理岗位' }]);
    expect((await client.post(`/employers/${unitId}/welfare-posts`, { ...post, unitName: '别的单位' }, owner)).status).toBe(400);
    expect((await client.post(`/employers/${unitId}/welfare-posts`, post, await client.devLogin('as-unit-stranger'))).status).toBe(404);
    const applied = await client.post(`/employers/${unitId}/welfare-posts`, post, owner);
    expect(applied.status).toBe(201);
    expect(applied.body.post).toMatchObject({ unitName: '鼓东街道养老服务中心', status: 'pending_street', seats: 2 });
    // The street checks it like one registered at its desk; the unit sees where it stands.
    await decideInQueue(client, staff.street, 'welfare_post', applied.body.post.id);
    const mine = await client.get(`/employers/${unitId}/welfare-posts`, owner);
    expect(mine.body.items).toEqual([expect.objectContaining({ id: applied.body.post.id, status: 'pending_district', statusName: expect.any(String) })]);
    expect((await client.get(`/employers/${unitId}/welfare-posts`, await client.devLogin('as-unit-stranger'))).status).toBe(404);
    // A unit not yet approved cannot apply.
    const pendingOwner = await client.devLogin('as-unit-pending');
    const pending = await client.post('/employers', employerBody({ name: '待审核的单位', uscc: makeUscc(9178) }), pendingOwner);
    expect((await client.post(`/employers/${pending.body.employer.id}/welfare-posts`, post, pendingOwner)).status).toBe(409);
  });

  it('answers someone never recognised with no assistance, a malformed id with 404 and a bad filter with 400', async () => {
    const nobody = await client.devLogin('as-nobody');
    expect((await client.get('/me/assistance', nobody)).body).toEqual({});
    // A malformed id names nothing that exists: 404, as everywhere.
    expect((await client.get('/staff/assistance-cases/not-an-id', staff.admin)).status).toBe(404);
    expect((await client.get('/staff/assistance-cases?status=lost', staff.admin)).status).toBe(400);
  });
});
