// Training on DynamoDB Local (issue 6): seats are never exceeded and the waitlist is promoted in
// order, once per freed seat; a training voucher is redeemed on completion through the voucher
// ledger (single use holds); the needs survey is counted at every level of the area.
import { GetItemCommand } from 'dynamodb-toolbox/entity/actions/get';
import { QueryCommand } from 'dynamodb-toolbox/table/actions/query';
import { calendarDeadline, todayInChina } from '@doorstep/shared';
import { createTestTable } from '../../../tests/support/table';
import { designatedProvider } from '../../../tests/support/providers';
import { courseBody, chinaDay } from '../../../tests/support/courses';
import { birthDateYearsAgo, makeIdNumber, registrationBody } from '../../../tests/support/people';
import { citizen, financeOf, programmeBody, staffOf } from '../../../tests/support/vouchers';
import { mapLimit } from '../concurrency';
import { CourseEntity, EnrolmentEntity, WaitlistEntryEntity } from './entities';
import { LedgerEntryEntity, VoucherEntity } from '../vouchers/entities';
import { OutboxEntity, TaskEntity } from '../db/entities';
import { table } from '../db/table';
import { putRegistration } from '../registration/service';
import { issueProgramme } from '../vouchers/issuing';
import { approveProgramme, createProgramme } from '../vouchers/programmes';
import { claimVoucher, listMyVouchers } from '../vouchers/wallet';
import { redeemVoucher } from '../vouchers/redemption';
import { signHolderCode } from '../vouchers/codes';
import { createCourse } from './courses';
import { cancelEnrolment, courseRoster, enrol, myEnrolments, promote } from './enrolments';
import { recordCompletion } from './completion';
import { staffTrainingNeeds, submitTrainingNeed } from './needs';

jest.setTimeout(240_000);

const SCHOOL = '01K0SCH00L0000000000000AA0';
const AGENCY = '01K0AGENCY000000000000AA00';
const TEACHER = citizen('teacher');
let serial = 300;

/** Issues the programme to everyone eligible in the district, page by page. */
async function issueAll(programmeId: string) {
  let cursor: string | undefined;
  do cursor = (await issueProgramme(staffOf('district-staff'), programmeId, cursor)).nextCursor;
  while (cursor);
}

async function person(userId: string, opts: { age?: number; areaCode?: string } = {}) {
  serial += 1;
  await putRegistration(
    userId,
    registrationBody({
      idNumber: makeIdNumber(birthDateYearsAgo(opts.age ?? 40), serial % 1000),
      residence: { areaCode: opts.areaCode ?? '350102001001', address: '鼓东路', lat: 26.08, lng: 119.3 },
    }),
  );
}

const courseOf = async (courseId: string) => (await CourseEntity.build(GetItemCommand).key({ courseId }).options({ consistent: true }).send()).Item!;
const waitlistOf = async (courseId: string) =>
  (await table.build(QueryCommand).entities(WaitlistEntryEntity).query({ partition: `COURSE#${courseId}`, range: { beginsWith: 'WAIT#' } }).options({ consistent: true }).send()).Items ?? [];

beforeAll(async () => {
  await createTestTable();
  await designatedProvider(SCHOOL, ['teacher'], ['training_institution']);
  await designatedProvider(AGENCY, ['agent'], ['hr_agency']);
});

describe('seats and the waitlist', () => {
  it('enrols 30 of 200 people signing up at once, waitlists the other 170 in the order they took their places, tells each their true place, and promotes the next in line once per freed seat', async () => {
    const course = await createCourse(TEACHER, courseBody(SCHOOL, { seats: 30 }));
    const people = Array.from({ length: 200 }, (_, i) => `rush-${i}`);
    await mapLimit(people, 10, (p) => person(p));

    const results = await Promise.all(people.map((p) => enrol(p, course.id)));
    const enrolled = results.filter((r) => r.status === 'enrolled');
    const waiting = results.filter((r) => r.status === 'waitlisted');
    expect([enrolled.length, waiting.length]).toEqual([30, 170]);
    expect(await courseOf(course.id)).toMatchObject({ enrolled: 30, waiting: 170 });

    // Each was told a place of their own, 1..170, and it is the place they hold now.
    expect(waiting.map((w) => w.position).sort((a, b) => a! - b!)).toEqual(Array.from({ length: 170 }, (_, i) => i + 1));
    const owners = new Map(results.map((r, i) => [r.id, people[i]]));
    const live = await Promise.all(waiting.map(async (w) => (await myEnrolments(owners.get(w.id)!))[0].position));
    expect(live).toEqual(waiting.map((w) => w.position));
    // The roster and the line itself agree: positions 1..170 in the order the places were taken.
    const roster = await courseRoster(TEACHER, course.id);
    const line = roster.items.filter((r) => r.enrolment.status === 'waitlisted');
    expect(line.map((r) => r.enrolment.position)).toEqual(Array.from({ length: 170 }, (_, i) => i + 1));
    const told = new Map(waiting.map((w) => [w.id, w.position]));
    expect(line.map((r) => told.get(r.enrolment.id))).toEqual(Array.from({ length: 170 }, (_, i) => i + 1));
    expect((await waitlistOf(course.id)).map((w) => w.enrolmentId)).toEqual(line.map((r) => r.enrolment.id));

    // Five enrolled people cancel at once, and ten promoters race besides: the first five in line get the seats, once each.
    const cancellers = enrolled.slice(0, 5);
    await Promise.all([...cancellers.map((e) => cancelEnrolment(owners.get(e.id)!, e.id)), ...Array.from({ length: 10 }, () => promote(course.id))]);
    await promote(course.id);
    expect(await courseOf(course.id)).toMatchObject({ enrolled: 30, waiting: 165 });
    const firstFive = line.slice(0, 5).map((r) => r.enrolment.id);
    for (const id of firstFive) {
      expect((await EnrolmentEntity.build(GetItemCommand).key({ enrolmentId: id }).options({ consistent: true }).send()).Item?.status).toBe('enrolled');
    }
    const sixth = line[5].enrolment.id;
    expect((await EnrolmentEntity.build(GetItemCommand).key({ enrolmentId: sixth }).send()).Item?.status).toBe('waitlisted');
    const { Items: messages = [] } = await table.build(QueryCommand).entities(OutboxEntity).query({ index: 'gsi1', partition: 'OUTBOX#pending' }).send();
    const promotedMessages = messages.filter((m) => m.page === 'training/enrolments/index' && m.dataJson.includes('候补成功'));
    expect(promotedMessages.map((m) => m.userId).sort()).toEqual(firstFive.map((id) => owners.get(id)!).sort());

    // The person who was sixth is now first in line.
    const mine = await myEnrolments(owners.get(sixth)!);
    expect(mine[0]).toMatchObject({ status: 'waitlisted', position: 1 });
  });

  it('answers 409 to a second sign-up, lets a person sign up again after cancelling, and moves the line up when someone waiting leaves', async () => {
    const course = await createCourse(TEACHER, courseBody(SCHOOL, { seats: 1 }));
    for (const p of ['only-seat', 'waiter-1', 'waiter-2']) await person(p);
    const seat = await enrol('only-seat', course.id);
    await expect(enrol('only-seat', course.id)).rejects.toMatchObject({ statusCode: 409, message: '您已经报名了这个培训班' });
    const w1 = await enrol('waiter-1', course.id);
    const w2 = await enrol('waiter-2', course.id);
    expect([w1.position, w2.position]).toEqual([1, 2]);
    await cancelEnrolment('waiter-1', w1.id);
    expect((await myEnrolments('waiter-2'))[0]).toMatchObject({ status: 'waitlisted', position: 1 });
    await cancelEnrolment('only-seat', seat.id);
    expect((await myEnrolments('waiter-2'))[0]).toMatchObject({ status: 'enrolled' });
    // Signing up again after cancelling is a new arrival: at the back of the line.
    expect(await enrol('only-seat', course.id)).toMatchObject({ status: 'waitlisted', position: 1 });
    expect(await courseOf(course.id)).toMatchObject({ enrolled: 1, waiting: 1 });
  });

  it('closes sign-up and cancelling a seat after the deadline (leaving the line stays open), and refuses people without a registration', async () => {
    const course = await createCourse(TEACHER, courseBody(SCHOOL, { signUpDeadline: chinaDay(0) }));
    await person('deadline-person');
    const e = await enrol('deadline-person', course.id);
    const tomorrow = new Date(Date.now() + 86_400_000);
    await expect(cancelEnrolment('deadline-person', e.id, tomorrow)).rejects.toMatchObject({ statusCode: 422 });
    // Someone still waiting when sign-up closes may leave the line afterwards (and so free a voucher they held).
    await person('still-waiting');
    const full = await createCourse(TEACHER, courseBody(SCHOOL, { seats: 1, signUpDeadline: chinaDay(0) }));
    await enrol('deadline-person', full.id);
    const waiting = await enrol('still-waiting', full.id);
    expect(await cancelEnrolment('still-waiting', waiting.id, tomorrow)).toMatchObject({ status: 'cancelled' });
    await person('late-person');
    await expect(enrol('late-person', course.id, { now: tomorrow })).rejects.toMatchObject({ statusCode: 422, message: '报名已经截止了' });
    await expect(enrol('nobody-registered', course.id)).rejects.toMatchObject({ statusCode: 403 });
  });

  it('lets only the groups a subsidised course is for sign up', async () => {
    const course = await createCourse(TEACHER, courseBody(SCHOOL, { eligibleGroups: ['youth_16_24'] }));
    await person('young-person', { age: 20 });
    await person('older-person', { age: 45 });
    await expect(enrol('older-person', course.id)).rejects.toMatchObject({ statusCode: 422, message: '这个补贴培训班只面向16–24岁青年' });
    expect(await enrol('young-person', course.id)).toMatchObject({ status: 'enrolled' });
  });

  it('lets only designated training institutions publish courses, with vouchers they may redeem', async () => {
    await expect(createCourse(citizen('agent'), courseBody(AGENCY))).rejects.toMatchObject({ statusCode: 403 });
    await expect(createCourse(citizen('stranger'), courseBody(SCHOOL))).rejects.toMatchObject({ statusCode: 403 });
    const agencyOnly = await approveProgramme(financeOf('finance'), (await createProgramme(staffOf('district-staff'), programmeBody({ name: '职业指导券', providerTypes: ['hr_agency'] }))).id);
    await expect(createCourse(TEACHER, courseBody(SCHOOL, { acceptedProgrammeIds: [agencyOnly.id] }))).rejects.toMatchObject({ statusCode: 400 });
  });
});

describe('training vouchers', () => {
  let programmeId: string;
  let voucherId: string;
  beforeAll(async () => {
    programmeId = (await approveProgramme(financeOf('finance'), (await createProgramme(staffOf('district-staff'), programmeBody({ name: '岗前技能培训券', faceValueFen: 150_000, budgetFen: 150_000 * 10, quota: 10, targetGroups: ['youth_16_24'], providerTypes: ['training_institution'] }))).id)).id;
    await person('trainee', { age: 21 });
    await issueAll(programmeId);
    voucherId = (await listMyVouchers(citizen('trainee'))).find((v) => v.programmeId === programmeId)!.id;
    await claimVoucher(citizen('trainee'), voucherId, {}, undefined);
  });

  it('holds the voucher at sign-up and redeems it once, through the ledger, when the trainee completes; the community follows up in three months', async () => {
    const course = await createCourse(TEACHER, courseBody(SCHOOL, { acceptedProgrammeIds: [programmeId], schedule: { startsOn: chinaDay(0), endsOn: chinaDay(20), timetable: '每天上午', days: 15 }, signUpDeadline: chinaDay(0) }));
    const other = await createCourse(TEACHER, courseBody(SCHOOL, { acceptedProgrammeIds: [programmeId] }));
    const e = await enrol('trainee', course.id, { voucherId });
    expect(e.voucher).toMatchObject({ state: 'reserved', faceValueFen: 150_000 });
    await expect(enrol('trainee', other.id, { voucherId })).rejects.toMatchObject({ statusCode: 409, message: '这张券已用于其他培训班的报名' });
    expect((await VoucherEntity.build(GetItemCommand).key({ voucherId }).send()).Item?.status).toBe('claimed');

    await expect(recordCompletion(TEACHER, course.id, { enrolmentId: e.id, result: 'completed', attendedDays: 16 })).rejects.toMatchObject({ statusCode: 422 });
    await expect(recordCompletion(citizen('agent'), course.id, { enrolmentId: e.id, result: 'completed', attendedDays: 15 })).rejects.toMatchObject({ statusCode: 404 });
    const done = await recordCompletion(TEACHER, course.id, { enrolmentId: e.id, result: 'completed', attendedDays: 15, certificateNo: 'S2026-001' });
    expect(done).toMatchObject({ status: 'completed', voucher: { state: 'redeemed' } });
    await expect(recordCompletion(TEACHER, course.id, { enrolmentId: e.id, result: 'completed', attendedDays: 15 })).rejects.toMatchObject({ statusCode: 409 });

    const v = (await VoucherEntity.build(GetItemCommand).key({ voucherId }).options({ consistent: true }).send()).Item!;
    expect(v).toMatchObject({ status: 'redeemed', providerId: SCHOOL });
    const { Items: ledger = [] } = await table.build(QueryCommand).entities(LedgerEntryEntity).query({ partition: `VOUCHER#${voucherId}`, range: { beginsWith: 'LEDGER#' } }).options({ consistent: true }).send();
    expect(ledger.map((l) => [l.entry, l.amountFen, l.providerId])).toEqual([['REDEEM', 150_000, SCHOOL]]);
    // Single use holds across channels: the same voucher scanned at the counter afterwards is refused.
    const { code } = await signHolderCode(voucherId);
    await expect(redeemVoucher(TEACHER, { code, providerId: SCHOOL, serviceRecord: { serviceDate: todayInChina(), description: '再次核销' } }, undefined)).rejects.toMatchObject({ statusCode: 409 });

    const { Items: tasks = [] } = await table.build(QueryCommand).entities(TaskEntity).query({ index: 'gsi1', partition: 'TASKQ#open#3501' }).send();
    expect(tasks.filter((t) => t.subjectId === e.id).map((t) => [t.kind, t.due])).toEqual([['training_employment', calendarDeadline(todayInChina(), 90)]]);
  });

  it('releases the voucher when the trainee does not complete, and never redeems it', async () => {
    await person('dropout', { age: 22 });
    await issueAll(programmeId);
    const dropVoucher = (await listMyVouchers(citizen('dropout'))).find((v) => v.programmeId === programmeId)!.id;
    await claimVoucher(citizen('dropout'), dropVoucher, {}, undefined);
    const course = await createCourse(TEACHER, courseBody(SCHOOL, { acceptedProgrammeIds: [programmeId], schedule: { startsOn: chinaDay(0), endsOn: chinaDay(20), timetable: '每天上午', days: 15 }, signUpDeadline: chinaDay(0) }));
    const e = await enrol('dropout', course.id, { voucherId: dropVoucher });
    expect(await recordCompletion(TEACHER, course.id, { enrolmentId: e.id, result: 'not_completed', attendedDays: 3 })).toMatchObject({ status: 'not_completed', voucher: { state: 'released' } });
    expect((await VoucherEntity.build(GetItemCommand).key({ voucherId: dropVoucher }).options({ consistent: true }).send()).Item?.status).toBe('claimed');
    // Released: it can pay for another course.
    const again = await createCourse(TEACHER, courseBody(SCHOOL, { acceptedProgrammeIds: [programmeId] }));
    expect(await enrol('dropout', again.id, { voucherId: dropVoucher })).toMatchObject({ voucher: { state: 'reserved' } });
  });
});

describe('training needs survey', () => {
  it('counts each person once at every level of their area, follows a changed answer, and shows staff only their jurisdiction', async () => {
    await person('need-a', { areaCode: '350102001001' });
    await person('need-b', { areaCode: '350102003001' });
    await submitTrainingNeed('need-a', { occupations: ['育婴员', '养老护理员'], type: 'employment_skills', time: 'evening' });
    await submitTrainingNeed('need-b', { occupations: ['育婴员'], type: 'entrepreneurship', time: 'weekend' });
    await submitTrainingNeed('need-a', { occupations: ['育婴员', '育婴员', '电工'], type: 'employment_skills', time: 'weekend' });

    const district = await staffTrainingNeeds(staffOf('district-staff'), '350102');
    expect(district.total).toBe(2);
    expect(district.occupations.map((o) => [o.value, o.count])).toEqual([['育婴员', 2], ['电工', 1]]);
    expect(district.types.map((t) => [t.label, t.count])).toEqual([['就业技能培训', 1], ['创业培训', 1]]);
    expect(district.times.map((t) => [t.label, t.count])).toEqual([['周末', 2]]);
    const community = await staffTrainingNeeds(staffOf('community-staff', 'community', '350102001001'), '350102001001');
    expect(community).toMatchObject({ total: 1, occupations: [{ value: '电工', count: 1 }, { value: '育婴员', count: 1 }] });
    await expect(staffTrainingNeeds(staffOf('community-staff', 'community', '350102001001'), '350102003001')).rejects.toMatchObject({ statusCode: 404 });
    await expect(submitTrainingNeed('not-registered', { occupations: ['电工'], type: 'other', time: 'evening' })).rejects.toMatchObject({ statusCode: 403 });
  });
});
