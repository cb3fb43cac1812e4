// 好差评, appeals, complaints and the staff inbox on DynamoDB Local (issue 7): a service is rated
// once, only by its recipient, only when done; a bad rating becomes a rectification due in 15
// working days; the level above decides an appeal; overdue tasks are raised to the level above;
// everything stays inside the staff member's jurisdiction.
import { PutItemCommand } from 'dynamodb-toolbox/entity/actions/put';
import { ulid } from 'ulid';
import { addWorkingDays, todayInChina, unemploymentBodySchema } from '@doorstep/shared';
import { createTestTable } from '../../../tests/support/table';
import { makeIdNumber, registrationBody } from '../../../tests/support/people';
import { vacancyRecord } from '../../../tests/support/records';
import { citizen, staffOf } from '../../../tests/support/vouchers';
import { submitUnemployment } from '../applications/service';
import { EmployerMemberEntity, memberIndexKeys, TaskEntity, taskQueueKeys } from '../db/entities';
import { apply, recordOutcome } from '../jobs/applications';
import { putRegistration } from '../registration/service';
import { decide, listReviews } from '../reviews/service';
import { completeTask, listTasks, loadTask } from '../tasks/tasks';
import { complaintProgress, staffComplaint } from './complaintHandling';
import { createComplaint, myComplaints } from './complaints';
import { appealRating, createRating, decideAppeal, myRatings, staffRating } from './ratings';

beforeAll(createTestTable);
jest.setTimeout(60_000);

const COMMUNITY = '350102001001';
const STREET = '350102001';
const community = staffOf('rt-community', 'community', COMMUNITY);
const otherCommunity = staffOf('rt-other-community', 'community', '350102003001');
const street = staffOf('rt-street', 'street', STREET);
const otherStreet = staffOf('rt-other-street', 'street', '350102003');
const district = staffOf('rt-district', 'district', '350102');
const unemployment = unemploymentBodySchema.parse({ priorStatus: 'new_entrant', ableToWork: true, willingToWork: true, localResident: true });

let serial = 400;
async function person(areaCode = COMMUNITY): Promise<string> {
  const userId = ulid();
  serial += 1;
  await putRegistration(userId, registrationBody({ idNumber: makeIdNumber('1985-03-02', serial), residence: { areaCode, address: '鼓东路 1 号', lat: 26.0845, lng: 119.3012 } }));
  return userId;
}

async function pendingReviewOf(applicationId: string) {
  const { items } = await listReviews(street, { type: 'unemployment', status: 'pending', limit: 50 });
  return items.find((r) => r.subjectId === applicationId)!;
}

describe('rating a service', () => {
  let seeker: string;
  let applicationId: string;

  beforeAll(async () => {
    seeker = await person();
    applicationId = (await submitUnemployment(citizen(seeker), unemployment)).id;
  });

  it('waits until the service is done', async () => {
    await expect(createRating(seeker, { serviceType: 'review', serviceId: applicationId, score: 5, tags: [] })).rejects.toMatchObject({ statusCode: 409, message: '这项服务还没有办结，办结后才能评价' });
    expect((await myRatings(seeker)).toRate).toEqual([]);
    await decide(street, (await pendingReviewOf(applicationId)).id, { decision: 'approve', reason: '' });
    expect((await myRatings(seeker)).toRate).toEqual([expect.objectContaining({ serviceType: 'review', serviceId: applicationId, serviceTitle: '失业登记审核' })]);
  });

  it('is rated only by the person who received it, and only once', async () => {
    const stranger = await person();
    await expect(createRating(stranger, { serviceType: 'review', serviceId: applicationId, score: 1, tags: [] })).rejects.toMatchObject({ statusCode: 404 });
    await expect(createRating(seeker, { serviceType: 'review', serviceId: ulid(), score: 5, tags: [] })).rejects.toMatchObject({ statusCode: 404 });
    // A tag that says something went wrong does not go with five stars.
    await expect(createRating(seeker, { serviceType: 'review', serviceId: applicationId, score: 5, tags: ['态度不好'] })).rejects.toMatchObject({ statusCode: 400 });

    const rating = await createRating(seeker, { serviceType: 'review', serviceId: applicationId, score: 2, tags: ['等太久'], comment: '排了很久的队' });
    expect(rating).toMatchObject({ score: 2, status: 'valid', servicePoint: { areaCode: STREET }, serviceTitle: '失业登记审核' });
    // Two taps at once, or a second try: still one rating.
    const again = await Promise.allSettled([1, 2, 3].map(() => createRating(seeker, { serviceType: 'review', serviceId: applicationId, score: 5, tags: [] })));
    expect(again.every((r) => r.status === 'rejected' && (r.reason as { statusCode: number }).statusCode === 409)).toBe(true);
    const mine = await myRatings(seeker);
    expect(mine.items).toHaveLength(1);
    expect(mine.toRate).toEqual([]);
  });

  it('turns a bad rating into a rectification due in 15 working days, with the rater to call back', async () => {
    const { items } = await myRatings(seeker);
    expect(items[0].rectification).toEqual({ due: addWorkingDays(todayInChina(), 15), status: 'open' });
    const forStreet = await staffRating(street, items[0].id);
    expect(forStreet).toMatchObject({ raterName: '林秀英', raterPhone: '13812345678', comment: '排了很久的队' });
    // Another street, and the community below the street, do not see the street's rating.
    await expect(staffRating(otherStreet, items[0].id)).rejects.toMatchObject({ statusCode: 404 });
    await expect(staffRating(community, items[0].id)).rejects.toMatchObject({ statusCode: 404 });
    const tasks = await listTasks(street);
    expect(tasks.items).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'rectification', owner: 'street', subject: { type: 'Rating', id: items[0].id }, areaCode: STREET })]));
  });

  it('lets the service point appeal once and the level above decide; upheld, the rating is voided and the rectification closed', async () => {
    const [rating] = (await myRatings(seeker)).items;
    await expect(appealRating(district, rating.id, '评价人当天并未到窗口办理业务，属于误评')).rejects.toMatchObject({ statusCode: 403 });
    const appealed = await appealRating(street, rating.id, '评价人当天并未到窗口办理业务，属于误评');
    expect(appealed).toMatchObject({ status: 'appealed', appeal: { decision: 'pending' } });
    await expect(appealRating(street, rating.id, '再申诉一次，理由写够十个字')).rejects.toMatchObject({ statusCode: 409 });
    // The street cannot decide its own appeal; the district gets it as a task due in 5 working days.
    await expect(decideAppeal(street, rating.id, 'upheld', '核实属实')).rejects.toMatchObject({ statusCode: 403 });
    const districtTasks = await listTasks(district);
    expect(districtTasks.items).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'appeal_decision', owner: 'district', due: addWorkingDays(todayInChina(), 5) })]));

    const decided = await decideAppeal(district, rating.id, 'upheld', '调取窗口记录，当天无办理记录');
    expect(decided).toMatchObject({ status: 'voided', appeal: { decision: 'upheld', decisionNote: '调取窗口记录，当天无办理记录' } });
    await expect(decideAppeal(district, rating.id, 'rejected', '再决定一次')).rejects.toMatchObject({ statusCode: 409 });
    const mine = (await myRatings(seeker)).items[0];
    expect(mine.status).toBe('voided');
    expect(mine.rectification?.status).toBe('done');
    expect((await listTasks(district)).items.filter((t) => t.kind === 'appeal_decision' && t.subject.id === rating.id)).toEqual([]);
  });

  it('rates a job application once the employer has answered, attributed to the person’s community and the employer', async () => {
    const owner = 'rt-owner';
    const employerId = '01K0EMP0000000000000000RT1';
    const vacancyId = '01K0VAC0000000000000000RT1';
    await vacancyRecord(vacancyId, { employerId });
    await EmployerMemberEntity.build(PutItemCommand).item({ employerId, userId: owner, role: 'admin', createdAt: new Date().toISOString(), ...memberIndexKeys(owner, employerId) }).send();
    const applicant = await person();
    const application = await apply(applicant, vacancyId);
    await expect(createRating(applicant, { serviceType: 'job_application', serviceId: application.id, score: 4, tags: [] })).rejects.toMatchObject({ statusCode: 409 });
    await recordOutcome(owner, application.id, 'hired');
    const rating = await createRating(applicant, { serviceType: 'job_application', serviceId: application.id, score: 5, tags: ['岗位合适'] });
    expect(rating).toMatchObject({ servicePoint: { areaCode: COMMUNITY } });
    // A good rating opens no task.
    expect(rating.rectification).toBeUndefined();
    expect((await listTasks(community)).items.filter((t) => t.kind === 'rectification')).toEqual([]);
  });
});

describe('the staff inbox', () => {
  it('holds each review for the deciding level, due in 5 working days, closed by the decision itself', async () => {
    const who = await person('350102003001');
    const applicationId = (await submitUnemployment(citizen(who), unemployment)).id;
    const { items } = await listReviews(otherStreet, { type: 'unemployment', status: 'pending', limit: 50 });
    const review = items.find((r) => r.subjectId === applicationId)!;
    const inbox = (await listTasks(otherStreet)).items.find((t) => t.subject.id === review.id);
    expect(inbox).toMatchObject({ kind: 'review', owner: 'street', areaCode: '350102003', due: addWorkingDays(todayInChina(), 5) });
    // It is done in the review queue, not by closing the task.
    await expect(completeTask(otherStreet, inbox!.id, '已办')).rejects.toMatchObject({ statusCode: 409 });
    await decide(otherStreet, review.id, { decision: 'reject', reason: '材料不全' });
    expect(await loadTask(inbox!.id)).toMatchObject({ status: 'done', onTime: true, note: '审核不通过：材料不全' });
  });

  async function task(areaCode: string, due: string, kind = 'referral_call_seeker') {
    const taskId = ulid();
    await TaskEntity.build(PutItemCommand)
      .item({ taskId, kind, title: '回访', detail: '测试', areaCode, due, status: 'open', subjectType: 'Referral', subjectId: 'X', createdAt: new Date().toISOString(), ...taskQueueKeys('open', areaCode, due, taskId) })
      .send();
    return taskId;
  }

  it('raises a task past its due date to the level directly above its owner', async () => {
    const late = await task('350102003002', '2026-01-05');
    const onTime = await task('350102003002', addWorkingDays(todayInChina(), 3));
    const escalatedToStreet = await listTasks(otherStreet, { status: 'escalated' });
    expect(escalatedToStreet.items.map((t) => t.id)).toEqual([late]);
    expect(escalatedToStreet.items[0]).toMatchObject({ overdue: true, escalated: true, owner: 'community' });
    // The district is two levels up; the community owns it; another street cannot see it.
    expect((await listTasks(district, { status: 'escalated' })).items.map((t) => t.id)).not.toContain(late);
    expect((await listTasks(otherCommunity, { status: 'escalated' })).items).toEqual([]);
    expect((await listTasks(street, { status: 'escalated' })).items.map((t) => t.id)).not.toContain(late);
    // The owner sees it in the open list, marked overdue; `due=overdue` leaves out the one on time.
    const overdue = await listTasks(staffOf('rt-c2', 'community', '350102003002'), { due: 'overdue' });
    expect(overdue.items.map((t) => t.id)).toEqual([late]);
    const week = await listTasks(staffOf('rt-c2', 'community', '350102003002'), { due: 'week' });
    expect(week.items.map((t) => t.id)).toEqual([onTime]);
  });

  it('closes a task once, late or on time, and asks a rectification for what was done', async () => {
    const late = await task('350102003003', '2026-01-05');
    const own = staffOf('rt-c3', 'community', '350102003003');
    await expect(completeTask(community, late)).rejects.toMatchObject({ statusCode: 404 });
    const done = await completeTask(own, late, '已电话回访，已上岗');
    expect(done).toMatchObject({ status: 'done', onTime: false, note: '已电话回访，已上岗' });
    await expect(completeTask(own, late)).rejects.toMatchObject({ statusCode: 409 });
    expect((await listTasks(own, { status: 'done' })).items.map((t) => t.id)).toEqual([late]);

    const rectification = await task('350102003003', addWorkingDays(todayInChina(), 15), 'rectification');
    await expect(completeTask(own, rectification)).rejects.toMatchObject({ statusCode: 400 });
    expect(await completeTask(own, rectification, '已整改窗口排队，回访评价人表示满意')).toMatchObject({ onTime: true });
  });
});

describe('complaints and suggestions', () => {
  it('needs a community to send it to', async () => {
    await expect(createComplaint(ulid(), { kind: 'complaint', topic: 'attitude', text: '窗口工作人员说话很冲，不耐烦', photoKeys: [] })).rejects.toMatchObject({ statusCode: 422 });
  });

  it('goes to the street of the person’s community, due in 15 working days, and shows each step to the person', async () => {
    const who = await person();
    const photo = `complaints/${who}/${ulid()}.jpg`;
    const c = await createComplaint(who, { kind: 'complaint', topic: 'attitude', text: '窗口工作人员说话很冲，不耐烦', photoKeys: [photo] });
    expect(c).toMatchObject({ status: 'received', areaCode: COMMUNITY, due: addWorkingDays(todayInChina(), 15), photoCount: 1 });
    // Someone else's photo cannot be attached.
    await expect(createComplaint(who, { kind: 'suggestion', topic: 'other', text: '希望周末也能办理业务', photoKeys: [`complaints/${ulid()}/${ulid()}.jpg`] })).rejects.toMatchObject({ statusCode: 400 });

    // The community may be what is complained about: it does not see it; the street does.
    await expect(staffComplaint(community, c.id)).rejects.toMatchObject({ statusCode: 404 });
    await expect(staffComplaint(otherStreet, c.id)).rejects.toMatchObject({ statusCode: 404 });
    expect(await staffComplaint(street, c.id)).toMatchObject({ complainantName: '林秀英', complainantPhone: '13812345678', photoUrls: [expect.any(String)] });
    const inbox = (await listTasks(street)).items.find((t) => t.subject.id === c.id)!;
    expect(inbox).toMatchObject({ kind: 'complaint', owner: 'street', due: c.due });

    await complaintProgress(street, c.id, 'processing', '已约谈当班工作人员');
    const resolved = await complaintProgress(street, c.id, 'resolved', '已批评教育并调整窗口人员，电话告知投诉人');
    expect(resolved.status).toBe('resolved');
    await expect(complaintProgress(street, c.id, 'processing', '再改一次')).rejects.toMatchObject({ statusCode: 409 });
    expect((await loadTask(inbox.id))?.status).toBe('done');
    const [mine] = await myComplaints(who);
    expect(mine.progress.map((p) => p.status)).toEqual(['received', 'processing', 'resolved']);
    expect(mine.progress[2].note).toBe('已批评教育并调整窗口人员，电话告知投诉人');
  });
});
