// 就业援助 cases on DynamoDB Local (issue 31, first part): a case opened with a recognition has the
// street's tasks due on the working-day calendar (National Day inside the window moves them); only
// an administrator of the street assigns, and only staff of the street or a community under it can
// be the specialist; the specialist's contact closes their task on time or late and the first plan
// closes the plan's; a stale version → 409; an administrator sees the street's cases, a specialist
// only their own, anyone else 404; the person sees their specialist and plan (and the case in 我的数据);
// erasure keeps the case for the counts without the person's name and words.
import { GetItemCommand } from 'dynamodb-toolbox/entity/actions/get';
import { PutItemCommand } from 'dynamodb-toolbox/entity/actions/put';
import { execute } from 'dynamodb-toolbox/entity/actions/transactWrite';
import { chinaInstant, ERASED_PERSON_LABEL, type AssistancePlanBody } from '@doorstep/shared';
import { createTestTable } from '../../../tests/support/table';
import { StaffMemberEntity } from '../administration/entities';
import { TaskEntity } from '../db/entities';
import type { Principal } from '../http/session';
import { ConsentsEntity } from '../privacy/entities';
import { dataExport } from '../privacy/dataExport';
import { eraseAccount } from '../privacy/erasure';
import { AssistanceCaseEntity } from './entities';
import {
  assignSpecialist,
  getCase,
  listCases,
  myAssistance,
  openCaseWrites,
  prepareOffer,
  putPlan,
  recordContact,
  recordInterview,
  recordInterviewResult,
  recordPaperAgreement,
  recordFollowUp,
  signAgreement,
  employmentRegisteredWrites,
  unemployedAgainWrites,
} from './cases';


jest.setTimeout(60_000);
beforeAll(createTestTable);

const COMMUNITY = '350102001001';
const streetAdmin: Principal = { userId: 'as-street-admin', roles: ['staff', 'admin'], level: 'street', areaCode: '350102001' };
const streetStaff: Principal = { userId: 'as-street-staff', roles: ['staff'], level: 'street', areaCode: '350102001' };
const otherStreetAdmin: Principal = { userId: 'as-other-admin', roles: ['staff', 'admin'], level: 'street', areaCode: '350102002' };
const specialist: Principal = { userId: 'as-specialist', roles: ['staff'], level: 'community', areaCode: COMMUNITY };
const outsider: Principal = { userId: 'as-outsider', roles: ['staff'], level: 'community', areaCode: '350102002001' };

async function staffMember(p: Principal, name: string, phone: string, status: 'active' | 'removed' = 'active') {
  await StaffMemberEntity.build(PutItemCommand)
    .item({
      userId: p.userId,
      name,
      phone,
      level: p.level!,
      areaCode: p.areaCode!,
      roles: p.roles,
      status,
      addedBy: 'test',
      addedByName: '测试',
      addedAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-01T00:00:00.000Z',
      version: 1,
      auditHead: '0:genesis',
      gsi1pk: `STAFF_AREA#${p.areaCode!.slice(0, 4)}`,
      gsi1sk: `${p.areaCode}#${p.userId}`,
    })
    .send();
}

let serial = 0;
/** A person recognised at `at`: the case and its tasks, as the recognition's transaction writes them. */
async function recognised(at: string, name = '林秀英') {
  serial += 1;
  const userId = `as-person-${serial}`;
  const writes = openCaseWrites({ userId, personName: name, areaCode: COMMUNITY, applicationId: `as-app-${serial}`, at });
  await execute(...writes);
  const { items } = await listCases(streetAdmin, {});
  return { userId, caseId: items.find((c) => c.personId === userId)!.id };
}

const task = async (taskId: string) => (await TaskEntity.build(GetItemCommand).key({ taskId }).options({ consistent: true }).send()).Item!;
const stored = async (caseId: string) => (await AssistanceCaseEntity.build(GetItemCommand).key({ caseId }).options({ consistent: true }).send()).Item!;

const plan: AssistancePlanBody = {
  causes: '腿脚不便，原单位关停后一直没有合适的岗位',
  goals: '三个月内在家附近找到坐着做的工作',
  services: [
    { kind: 'post', what: '推荐社区便民服务中心收银、电话客服岗位', by: '2026-10-12' },
    { kind: 'training', what: '报名电子商务客服培训', by: '2026-10-20' },
  ],
};

beforeAll(async () => {
  await staffMember(specialist, '陈美玲', '13900003001');
  await staffMember(outsider, '王伟', '13900003002');
  await staffMember({ ...streetStaff, userId: 'as-removed' }, '张强', '13900003003', 'removed');
});

describe('an assistance case', () => {
  it('opens with the street’s tasks due on the working-day calendar: National Day moves them', async () => {
    // Recognised on Wednesday 30 September 2026, the day before the National Day holiday (1–7 October).
    const { caseId } = await recognised(chinaInstant('2026-09-30', '10:00'));
    const c = await stored(caseId);
    expect(c).toMatchObject({ status: 'awaiting_specialist', recognisedOn: '2026-09-30', areaCode: COMMUNITY, version: 1 });
    // Assigning: one working day → Thursday 8 October, not 1 October. The plan: 3 days → the 3rd is
    // a holiday, so the first working day after it.
    expect(c.tasks.assign).toMatchObject({ areaCode: '350102001', due: '2026-10-08' });
    expect(c.tasks.plan).toMatchObject({ areaCode: '350102001', due: '2026-10-08' });
    expect(await task(c.tasks.assign.taskId)).toMatchObject({ kind: 'assist_assign', status: 'open', subjectType: 'assistance', subjectId: caseId });
  });

  it('is assigned by an administrator of the street, to staff of the street or a community under it', async () => {
    const { caseId } = await recognised(chinaInstant('2026-09-30', '11:00'));
    const at = new Date(chinaInstant('2026-10-08', '09:00'));
    await expect(assignSpecialist(streetStaff, caseId, { staffId: specialist.userId, version: 1 }, at)).rejects.toMatchObject({ statusCode: 403 });
    await expect(assignSpecialist(otherStreetAdmin, caseId, { staffId: specialist.userId, version: 1 }, at)).rejects.toMatchObject({ statusCode: 404 });
    for (const staffId of [outsider.userId, 'as-removed', 'nobody']) {
      await expect(assignSpecialist(streetAdmin, caseId, { staffId, version: 1 }, at)).rejects.toMatchObject({ statusCode: 400, details: [{ path: ['staffId'], message: '援助专员须是本街道或所辖社区的在岗工作人员' }] });
    }
    const view = await assignSpecialist(streetAdmin, caseId, { staffId: specialist.userId, version: 1 }, at);
    expect(view).toMatchObject({ status: 'in_progress', specialist: { name: '陈美玲', phone: '13900003001' }, version: 2 });
    // Its own two working days: Friday the 9th and Saturday the 10th (a make-up working day).
    expect(view.steps).toEqual([
      { name: '指派援助专员', due: '2026-10-08', done: true, onTime: true },
      { name: '联系本人', due: '2026-10-10', done: false },
      { name: '制定援助方案', due: '2026-10-08', done: false },
      { name: '推荐2个岗位', due: '2026-10-08', done: false },
    ]);
    const c = await stored(caseId);
    expect(await task(c.tasks.contact!.taskId)).toMatchObject({ kind: 'assist_contact', areaCode: COMMUNITY, status: 'open' });
    // A second assignment on the version as first read: someone changed it meanwhile.
    await expect(assignSpecialist(streetAdmin, caseId, { staffId: specialist.userId, version: 1 }, at)).rejects.toMatchObject({ statusCode: 409 });
  });

  it('closes the contact task when the specialist records it (late counts as late), and the plan task with the first plan', async () => {
    const { userId, caseId } = await recognised(chinaInstant('2026-09-30', '12:00'));
    await assignSpecialist(streetAdmin, caseId, { staffId: specialist.userId, version: 1 }, new Date(chinaInstant('2026-10-08', '09:00')));
    await expect(recordContact(streetAdmin, caseId, { how: 'phone', on: '2026-10-12', note: '电话联系' }, new Date(chinaInstant('2026-10-12', '09:00')))).rejects.toMatchObject({ statusCode: 403 });
    await expect(recordContact(specialist, caseId, { how: 'phone', on: '2026-10-13', note: '电话联系' }, new Date(chinaInstant('2026-10-12', '09:00')))).rejects.toMatchObject({ statusCode: 400 });
    // Monday the 12th: after Saturday's due date.
    const contacted = await recordContact(specialist, caseId, { how: 'visit', on: '2026-10-12', note: '上门走访，本人愿意做坐着的工作' }, new Date(chinaInstant('2026-10-12', '15:00')));
    expect(contacted.contact).toEqual({ how: 'visit', howName: '上门走访', on: '2026-10-12', note: '上门走访，本人愿意做坐着的工作' });
    expect(contacted.steps.find((s) => s.name === '联系本人')).toEqual({ name: '联系本人', due: '2026-10-10', done: true, onTime: false });

    await expect(putPlan(specialist, caseId, { ...plan, version: 2 }, new Date(chinaInstant('2026-10-12', '16:00')))).rejects.toMatchObject({ statusCode: 409 });
    const planned = await putPlan(specialist, caseId, { ...plan, version: contacted.version }, new Date(chinaInstant('2026-10-12', '16:00')));
    expect(planned.plan).toMatchObject({ goals: plan.goals, services: [{ kind: 'post', kindName: '推荐岗位' }, { kind: 'training', kindName: '技能培训' }] });
    expect(planned.steps.find((s) => s.name === '制定援助方案')).toMatchObject({ done: true, onTime: false });
    // Adjusting the plan later changes the plan, not the task.
    const adjusted = await putPlan(specialist, caseId, { ...plan, goals: '先做兼职客服', version: planned.version }, new Date(chinaInstant('2026-10-20', '10:00')));
    expect(adjusted.plan!.goals).toBe('先做兼职客服');

    // The person reads who helps them and the plan, with what comes next.
    const mine = (await myAssistance(userId)).assistance!;
    expect(mine).toMatchObject({ status: 'in_progress', specialist: { name: '陈美玲', phone: '13900003001' }, plan: { goals: '先做兼职客服' } });
    expect(mine.next).toContain('陈美玲');
    expect((await myAssistance('as-nobody')).assistance).toBeUndefined();
    // And in 我的数据, with what the specialist wrote.
    const exported = await dataExport(userId);
    expect(exported.categories.find((c) => c.key === 'assistance')).toMatchObject({ label: '就业援助', count: 1 });
    expect((exported.data.assistance as Record<string, unknown>[])[0]).toMatchObject({ caseId, contact: { note: '上门走访，本人愿意做坐着的工作' }, plan: { goals: '先做兼职客服' } });
  });

  it('is seen whole by the street’s administrators, by its specialist, and by no one else', async () => {
    const { caseId } = await recognised(chinaInstant('2026-09-30', '13:00'), '郑志明');
    await assignSpecialist(streetAdmin, caseId, { staffId: specialist.userId, version: 1 }, new Date(chinaInstant('2026-10-08', '09:00')));
    expect((await listCases(streetAdmin, {})).items.map((c) => c.id)).toContain(caseId);
    expect((await listCases(streetAdmin, { status: 'awaiting_specialist' })).items.map((c) => c.id)).not.toContain(caseId);
    expect((await listCases(specialist, {})).items.map((c) => c.id)).toContain(caseId);
    expect((await listCases(otherStreetAdmin, {})).items.map((c) => c.id)).not.toContain(caseId);
    expect((await listCases(outsider, {})).items).toEqual([]);
    expect((await listCases(streetStaff, {})).items).toEqual([]);
    expect(await getCase(specialist, caseId, '/staff/assistance-cases/{id}')).toMatchObject({ personName: '郑志明' });
    for (const who of [otherStreetAdmin, outsider, streetStaff]) await expect(getCase(who, caseId, '/staff/assistance-cases/{id}')).rejects.toMatchObject({ statusCode: 404 });
  });

  it('counts two posts offered within 2 days, checks each interview 5 days after it, and moves a hire to follow-up', async () => {
    // Recognised Monday 12 October: two posts due Wednesday the 14th.
    const { userId, caseId } = await recognised(chinaInstant('2026-10-12', '09:00'), '吴建国');
    await assignSpecialist(streetAdmin, caseId, { staffId: specialist.userId, version: 1 }, new Date(chinaInstant('2026-10-12', '10:00')));
    // Only the case's own person, only by its specialist or the street.
    await expect(prepareOffer(specialist, caseId, 'as-someone-else')).rejects.toMatchObject({ statusCode: 400 });
    await expect(prepareOffer(outsider, caseId, userId)).rejects.toMatchObject({ statusCode: 404 });
    const offer = async (code: string, employerName: string, at: string) => execute(...(await prepareOffer(specialist, caseId, userId))({ code, vacancyId: `as-vac-${code}`, title: '收银员', employerName, at }));
    await offer('AS000001', '鼓楼便民超市', chinaInstant('2026-10-13', '10:00'));
    let c = await stored(caseId);
    expect(await task(c.tasks.posts!.taskId)).toMatchObject({ kind: 'assist_posts', due: '2026-10-14', status: 'open' });
    await offer('AS000002', '温泉社区服务中心', chinaInstant('2026-10-14', '16:00'));
    c = await stored(caseId);
    expect(await task(c.tasks.posts!.taskId)).toMatchObject({ status: 'done', onTime: true });
    expect(c.offers!.map((o) => [o.code, o.on])).toEqual([['AS000001', '2026-10-13'], ['AS000002', '2026-10-14']]);

    // The interview on Friday the 16th, accompanied: its check falls due on Wednesday the 21st.
    await expect(recordInterview(streetAdmin, caseId, 'AS000001', { on: '2026-10-16', accompanied: true })).rejects.toMatchObject({ statusCode: 403 });
    await expect(recordInterview(specialist, caseId, 'AS0000ZZ', { on: '2026-10-16', accompanied: true })).rejects.toMatchObject({ statusCode: 404 });
    await expect(recordInterview(specialist, caseId, 'AS000001', { on: '2026-10-12', accompanied: true })).rejects.toMatchObject({ statusCode: 400 });
    const interviewed = await recordInterview(specialist, caseId, 'AS000001', { on: '2026-10-16', accompanied: true }, new Date(chinaInstant('2026-10-14', '17:00')));
    expect(interviewed.offers[0]).toMatchObject({ interviewOn: '2026-10-16', accompanied: true });
    expect(interviewed.steps).toContainEqual({ name: '回访面试结果：鼓楼便民超市', due: '2026-10-21', done: false });
    const checkId = (await stored(caseId)).offers![0]!.check!.taskId;
    expect(await task(checkId)).toMatchObject({ kind: 'assist_interview', areaCode: COMMUNITY, status: 'open' });

    const placed = await recordInterviewResult(specialist, caseId, 'AS000001', { result: 'hired', note: '已录用，下周一上岗' }, new Date(chinaInstant('2026-10-21', '10:00')));
    // Hired: placed once the employment registration is made, which the specialist now has 3 working days to see to.
    expect(placed).toMatchObject({ status: 'in_progress' });
    expect(placed.steps).toContainEqual({ name: '告知并办理就业登记', due: '2026-10-26', done: false });
    expect(placed.offers[0]).toMatchObject({ result: 'hired', resultName: '已录用', resultNote: '已录用，下周一上岗' });
    expect(await task(checkId)).toMatchObject({ status: 'done', onTime: true });
    await expect(recordInterviewResult(specialist, caseId, 'AS000001', { result: 'not_hired', note: '改口' })).rejects.toMatchObject({ statusCode: 409 });
    // The person sees the posts offered and the result.
    expect((await myAssistance(userId)).assistance!.offers).toEqual([
      { title: '收银员', employerName: '鼓楼便民超市', on: '2026-10-13', interviewOn: '2026-10-16', resultName: '已录用' },
      { title: '收银员', employerName: '温泉社区服务中心', on: '2026-10-14' },
    ]);
  });

  it('is placed by the employment registration, followed up by how the job holds, closed when stable after 6 months, and re-opened once when the person is unemployed again', async () => {
    const { userId, caseId } = await recognised(chinaInstant('2026-03-02', '09:00'), '孙丽');
    await assignSpecialist(streetAdmin, caseId, { staffId: specialist.userId, version: 1 }, new Date(chinaInstant('2026-03-02', '10:00')));
    await execute(...(await prepareOffer(specialist, caseId, userId))({ code: 'AS000021', vacancyId: 'as-vac-21', title: '收银员', employerName: '鼓楼便民超市', at: chinaInstant('2026-03-03', '10:00') }));
    // Hired on Friday 6 March: the registration notice is due in 3 working days (Wednesday the 11th).
    const hired = await recordInterviewResult(specialist, caseId, 'AS000021', { result: 'hired', note: '录用，3月9日上岗' }, new Date(chinaInstant('2026-03-06', '10:00')));
    expect(hired.steps).toContainEqual({ name: '告知并办理就业登记', due: '2026-03-11', done: false });
    await expect(recordFollowUp(specialist, caseId, { on: '2026-03-06', stability: 'stable', note: '还没上岗' })).rejects.toMatchObject({ statusCode: 409 });

    // Registered as employed on Tuesday the 10th (from the 9th): placed, the notice done on time, the first follow-up 7 days on.
    await execute(...(await employmentRegisteredWrites(userId, '2026-03-09', new Date(chinaInstant('2026-03-10', '15:00')))));
    let c = await stored(caseId);
    expect(c).toMatchObject({ status: 'placed', placedOn: '2026-03-09' });
    expect(await task(c.tasks.registration!.taskId)).toMatchObject({ status: 'done', onTime: true });
    expect(c.tasks.followUp).toMatchObject({ due: '2026-03-17', areaCode: COMMUNITY });
    expect(await employmentRegisteredWrites(userId, '2026-03-09', new Date(chinaInstant('2026-03-10', '16:00')))).toEqual([]);

    // Unstable at the first: the next in 10 days; then stable: monthly; the last on the 6 months' end closes it.
    const at = (d: string) => new Date(chinaInstant(d, '10:00'));
    await expect(recordFollowUp(specialist, caseId, { on: '2026-03-08', stability: 'stable', note: '上岗前' }, at('2026-03-17'))).rejects.toMatchObject({ statusCode: 400 });
    let view = await recordFollowUp(specialist, caseId, { on: '2026-03-17', stability: 'unstable', note: '嫌站着累，想换' }, at('2026-03-17'));
    expect(view.steps.filter((s) => s.name === '跟踪回访')).toEqual([{ name: '跟踪回访', due: '2026-03-27', done: false }]);
    const firstFollowUp = c.tasks.followUp!.taskId;
    expect(await task(firstFollowUp)).toMatchObject({ status: 'done', onTime: true });
    view = await recordFollowUp(specialist, caseId, { on: '2026-03-27', stability: 'stable', note: '调到收银台，坐着做' }, at('2026-03-27'));
    expect(view.steps.find((s) => s.name === '跟踪回访')).toMatchObject({ due: '2026-04-26' });
    view = await recordFollowUp(specialist, caseId, { on: '2026-09-09', stability: 'stable', note: '稳定，已缴社保' }, at('2026-09-09'));
    expect(view).toMatchObject({ status: 'closed', statusName: '已结案', closedOn: '2026-09-09' });
    expect(view.followUps.map((f) => f.stabilityName)).toEqual(['不稳定', '稳定', '稳定']);
    expect((await myAssistance(userId)).assistance!.next).toContain('稳定就业');

    // Unemployed again: the case re-opens with 2 days for posts — once, even if the same change is written twice.
    const first = await unemployedAgainWrites(userId, '2026-10-31', at('2026-11-02'));
    const again = await unemployedAgainWrites(userId, '2026-10-31', at('2026-11-02'));
    await execute(...first);
    await expect(execute(...again)).rejects.toBeDefined();
    expect(await unemployedAgainWrites(userId, '2026-10-31', at('2026-11-03'))).toEqual([]);
    c = await stored(caseId);
    expect(c).toMatchObject({ status: 'in_progress', reopened: 1, postsSince: '2026-11-02' });
    expect(c.closedAs).toBeUndefined();
    // The losing write's task was never stored.
    const losingTask = again.map((w) => (w as unknown as { params(): { Put?: { Item?: { pk?: string; kind?: string } } } }).params().Put?.Item).find((i) => i?.kind === 'assist_posts')!;
    expect(losingTask.pk).not.toBe(`TASK#${c.tasks.posts!.taskId}`);
    expect((await TaskEntity.build(GetItemCommand).key({ taskId: losingTask.pk!.slice(5) }).send()).Item).toBeUndefined();
    expect(await task(c.tasks.posts!.taskId)).toMatchObject({ kind: 'assist_posts', status: 'open', due: '2026-11-04' });
    // The old offer does not count towards the new two.
    await execute(...(await prepareOffer(specialist, caseId, userId))({ code: 'AS000022', vacancyId: 'as-vac-22', title: '保洁员', employerName: '鼓楼物业', at: chinaInstant('2026-11-03', '10:00') }));
    expect(await task(c.tasks.posts!.taskId)).toMatchObject({ status: 'open' });
  });

  it('is signed by the person in the app once a specialist is named, once; a paper copy only by the specialist, with their own photo', async () => {
    const { userId, caseId } = await recognised(chinaInstant('2026-10-12', '11:00'), '周桂兰');
    await expect(signAgreement('as-nobody')).rejects.toMatchObject({ statusCode: 404 });
    await expect(signAgreement(userId)).rejects.toMatchObject({ statusCode: 409 });
    expect((await myAssistance(userId)).assistance!.agreementText).toBeUndefined();
    await assignSpecialist(streetAdmin, caseId, { staffId: specialist.userId, version: 1 }, new Date(chinaInstant('2026-10-12', '12:00')));
    const before = (await myAssistance(userId)).assistance!;
    expect(before.agreementText!.join('')).toContain('援助专员陈美玲');
    expect(before.next).toContain('签署协议');
    const signed = await signAgreement(userId, new Date(chinaInstant('2026-10-12', '15:00')));
    expect(signed.assistance.agreement).toEqual({ how: 'app', signedOn: '2026-10-12' });
    // Signing again (a second tap): the same, nothing changes.
    const again = await signAgreement(userId, new Date(chinaInstant('2026-10-13', '15:00')));
    expect(again.assistance.agreement).toEqual({ how: 'app', signedOn: '2026-10-12' });
    expect((await stored(caseId)).version).toBe(3);
    await expect(recordPaperAgreement(specialist, caseId, `evidence/${specialist.userId}/01J00000000000000000000000.jpg`)).rejects.toMatchObject({ statusCode: 409 });

    // Someone without a phone: the specialist's photo of the signed paper copy.
    const other = await recognised(chinaInstant('2026-10-12', '11:30'), '钱大伯');
    await assignSpecialist(streetAdmin, other.caseId, { staffId: specialist.userId, version: 1 }, new Date(chinaInstant('2026-10-12', '12:00')));
    await expect(recordPaperAgreement(streetAdmin, other.caseId, `evidence/${streetAdmin.userId}/01J00000000000000000000000.jpg`)).rejects.toMatchObject({ statusCode: 403 });
    await expect(recordPaperAgreement(specialist, other.caseId, `evidence/${streetAdmin.userId}/01J00000000000000000000000.jpg`)).rejects.toMatchObject({ statusCode: 400 });
    const paper = await recordPaperAgreement(specialist, other.caseId, `evidence/${specialist.userId}/01J00000000000000000000000.jpg`, new Date(chinaInstant('2026-10-13', '09:00')));
    expect(paper.agreement).toEqual({ how: 'paper', signedOn: '2026-10-13' });
  });

  it('keeps no name, contact note, plan, interview note or agreement once the person’s account is erased', async () => {
    const { caseId } = await recognised(chinaInstant('2026-09-30', '14:00'), '黄丽华');
    await assignSpecialist(streetAdmin, caseId, { staffId: specialist.userId, version: 1 }, new Date(chinaInstant('2026-10-08', '09:00')));
    await recordContact(specialist, caseId, { how: 'phone', on: '2026-10-09', note: '家中老人需要照顾' }, new Date(chinaInstant('2026-10-09', '10:00')));
    await putPlan(specialist, caseId, { ...plan, version: 3 }, new Date(chinaInstant('2026-10-09', '11:00')));
    const personId = (await stored(caseId)).userId;
    await execute(...(await prepareOffer(specialist, caseId, personId))({ code: 'AS000009', vacancyId: 'as-vac-9', title: '保洁员', employerName: '鼓楼物业', at: chinaInstant('2026-10-09', '12:00') }));
    await recordInterviewResult(specialist, caseId, 'AS000009', { result: 'not_hired', note: '本人说家里老人离不开' }, new Date(chinaInstant('2026-10-12', '10:00')));
    await signAgreement(personId, new Date(chinaInstant('2026-10-12', '11:00')));
    // The account closed, its cooling-off over: the erasure run.
    const { userId } = (await stored(caseId)) as { userId: string };
    await ConsentsEntity.build(PutItemCommand).item({ userId, closing: { requestedAt: '2026-10-10T00:00:00.000Z', eraseAfter: '2026-10-17' }, updatedAt: '2026-10-10T00:00:00.000Z' }).send();
    expect(await eraseAccount(userId, new Date(chinaInstant('2026-10-18', '03:00')))).toBeDefined();
    expect((await myAssistance(userId)).assistance).toBeUndefined();
    const c = await stored(caseId);
    expect(c).toMatchObject({ personName: ERASED_PERSON_LABEL, status: 'in_progress', recognisedOn: '2026-09-30' });
    expect(c.contact).toBeUndefined();
    expect(c.plan).toBeUndefined();
    expect(c.agreement).toBeUndefined();
    expect(c.offers).toEqual([expect.objectContaining({ code: 'AS000009', result: 'not_hired' })]);
    expect(c.offers![0]!.resultNote).toBeUndefined();
    expect(await task(c.tasks.contact!.taskId)).toMatchObject({ status: 'done', onTime: true });
  });
});
