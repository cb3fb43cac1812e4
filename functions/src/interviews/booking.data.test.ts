// Interview bookings on DynamoDB Local (issue 6): a slot is never booked beyond its capacity,
// a person never holds two overlapping interviews, and a cancellation frees both.
import { GetItemCommand } from 'dynamodb-toolbox/entity/actions/get';
import { PutItemCommand } from 'dynamodb-toolbox/entity/actions/put';
import { createTestTable } from '../../../tests/support/table';
import { vacancyRecord } from '../../../tests/support/records';
import { ApplicantMarkerEntity, ReferralMarkerEntity, EmployerMemberEntity, memberIndexKeys } from '../db/entities';
import { InterviewSlotEntity } from './entities';
import { bookSlot, cancelBooking, listSlots, openSlot, recordInterviewOutcome, rescheduleBooking, toBookingView, vacancyBookings } from './booking';
import { calendarDeadline, todayInChina } from '@doorstep/shared';
import { putRegistration } from '../registration/service';
import { makeIdNumber, registrationBody } from '../../../tests/support/people';
import { QueryCommand } from 'dynamodb-toolbox/table/actions/query';
import { table } from '../db/table';
import { BusyBucketEntity, InterviewRecordEntity } from './entities';
import { OutboxEntity, TaskEntity } from '../db/entities';
import { sweepOutbox } from '../notifications/outbox';

// Fifty racing transactions on DynamoDB Local take a few seconds on a busy two-core CI machine.
jest.setTimeout(60_000);

beforeAll(createTestTable);

const EMPLOYER = '01K0EMPL0YER00000000000000';
const VACANCY = '01K0VACANCY000000000000000';
const OWNER = 'interview-owner';
const inDays = (days: number, hour = 10, minute = 0) => {
  const d = new Date(Date.now() + days * 86_400_000);
  d.setUTCHours(hour, minute, 0, 0);
  return d.toISOString();
};

async function applicant(userId: string) {
  await ApplicantMarkerEntity.build(PutItemCommand).item({ vacancyId: VACANCY, userId, applicationId: `app-${userId}` }).send();
}

const slotOf = async (slotId: string) => (await InterviewSlotEntity.build(GetItemCommand).key({ slotId }).options({ consistent: true }).send()).Item!;

beforeAll(async () => {
  await vacancyRecord(VACANCY, { employerId: EMPLOYER });
  const now = new Date().toISOString();
  await EmployerMemberEntity.build(PutItemCommand).item({ employerId: EMPLOYER, userId: OWNER, role: 'admin', createdAt: now, ...memberIndexKeys(OWNER, EMPLOYER) }).send();
});

describe('interview bookings', () => {
  it('lets exactly one of 50 people racing for a one-person slot have it', async () => {
    const slot = await openSlot(OWNER, VACANCY, { startsAt: inDays(2), durationMinutes: 30, capacity: 1, mode: 'onsite', place: '东街 8 号' });
    const people = Array.from({ length: 50 }, (_, i) => `racer-${i}`);
    await Promise.all(people.map(applicant));
    const results = await Promise.allSettled(people.map((p) => bookSlot(p, slot.slotId)));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(refused.every((r) => r.reason.statusCode === 409 && r.reason.message === '这个时段已经约满了，请选其他时段')).toBe(true);
    expect((await slotOf(slot.slotId)).booked).toBe(1);
  });

  it('refuses a second interview that overlaps the first, and allows one that does not', async () => {
    await applicant('busy-person');
    const morning = await openSlot(OWNER, VACANCY, { startsAt: inDays(3, 2, 0), durationMinutes: 45, capacity: 5, mode: 'video' });
    const overlapping = await openSlot(OWNER, VACANCY, { startsAt: inDays(3, 2, 30), durationMinutes: 30, capacity: 5, mode: 'onsite' });
    const after = await openSlot(OWNER, VACANCY, { startsAt: inDays(3, 2, 45), durationMinutes: 30, capacity: 5, mode: 'onsite' });
    await bookSlot('busy-person', morning.slotId);
    await expect(bookSlot('busy-person', overlapping.slotId)).rejects.toMatchObject({ statusCode: 409, message: '您在这个时间已经约了其他面试' });
    await expect(bookSlot('busy-person', morning.slotId)).rejects.toMatchObject({ statusCode: 409 });
    await bookSlot('busy-person', after.slotId);
    expect((await slotOf(overlapping.slotId)).booked).toBe(0);
    expect((await slotOf(morning.slotId)).booked).toBe(1);
  });

  it('frees the place and the time when a booking is cancelled', async () => {
    await applicant('first-comer');
    await applicant('second-comer');
    const slot = await openSlot(OWNER, VACANCY, { startsAt: inDays(4), durationMinutes: 30, capacity: 1, mode: 'onsite' });
    const booking = await bookSlot('first-comer', slot.slotId);
    await expect(bookSlot('second-comer', slot.slotId)).rejects.toMatchObject({ statusCode: 409 });
    await cancelBooking('first-comer', booking.bookingId);
    await expect(cancelBooking('first-comer', booking.bookingId)).rejects.toMatchObject({ statusCode: 409 });
    await bookSlot('second-comer', slot.slotId);
    // The first comer's diary is free again: they can take another slot at the same time.
    const sameTime = await openSlot(OWNER, VACANCY, { startsAt: inDays(4), durationMinutes: 30, capacity: 1, mode: 'video' });
    await bookSlot('first-comer', sameTime.slotId);
    expect((await slotOf(slot.slotId)).booked).toBe(1);
  });

  it('refuses people who have not applied, and bookings within two hours of the start', async () => {
    const slot = await openSlot(OWNER, VACANCY, { startsAt: inDays(5), durationMinutes: 30, capacity: 3, mode: 'onsite' });
    await expect(bookSlot('never-applied', slot.slotId)).rejects.toMatchObject({ statusCode: 403 });
    await applicant('late-comer');
    const almost = new Date(new Date(slot.startsAt).getTime() - 90 * 60_000);
    await expect(bookSlot('late-comer', slot.slotId, { now: almost })).rejects.toMatchObject({ statusCode: 422 });
    expect((await slotOf(slot.slotId)).booked).toBe(0);
  });

  it('lets only the employer’s members open slots', async () => {
    await expect(openSlot('stranger', VACANCY, { startsAt: inDays(6), durationMinutes: 30, capacity: 1, mode: 'onsite' })).rejects.toMatchObject({ statusCode: 404 });
  });

  it('moves a booking to another slot in one step, and only to a place that is free', async () => {
    await applicant('mover');
    await applicant('blocker');
    const first = await openSlot(OWNER, VACANCY, { startsAt: inDays(7, 2, 0), durationMinutes: 30, capacity: 1, mode: 'onsite' });
    const later = await openSlot(OWNER, VACANCY, { startsAt: inDays(7, 2, 15), durationMinutes: 30, capacity: 1, mode: 'onsite' });
    const full = await openSlot(OWNER, VACANCY, { startsAt: inDays(7, 5, 0), durationMinutes: 30, capacity: 1, mode: 'onsite' });
    await bookSlot('blocker', full.slotId);
    const booking = await bookSlot('mover', first.slotId);
    await expect(rescheduleBooking('mover', booking.bookingId, full.slotId)).rejects.toMatchObject({ statusCode: 409, message: '这个时段已经约满了，请选其他时段' });
    // Overlapping the old time by a quarter-hour: the shared quarter-hour passes to the new booking.
    const moved = await rescheduleBooking('mover', booking.bookingId, later.slotId);
    expect([(await slotOf(first.slotId)).booked, (await slotOf(later.slotId)).booked]).toEqual([0, 1]);
    const { Items: diary = [] } = await table.build(QueryCommand).entities(BusyBucketEntity).query({ partition: 'USER#mover', range: { beginsWith: 'BUSY#' } }).options({ consistent: true }).send();
    expect(diary.map((d) => [d.bucket.slice(11, 16), d.bookingId])).toEqual([['02:15', moved.bookingId], ['02:30', moved.bookingId]]);
    await expect(cancelBooking('mover', booking.bookingId)).rejects.toMatchObject({ statusCode: 409 });
    // The old place is free for someone else.
    await applicant('newcomer');
    await bookSlot('newcomer', first.slotId);
  });

  it('records the outcome once, after the start: a no-show counts against the person, a hire asks the community to visit in a week', async () => {
    await putRegistration('hired-person', registrationBody({ idNumber: makeIdNumber('1985-03-04', 411), name: '郑小红', residence: { areaCode: '350102001001', address: '鼓东路', lat: 26.08, lng: 119.3 } }));
    await applicant('hired-person');
    await applicant('absent-person');
    const slot = await openSlot(OWNER, VACANCY, { startsAt: inDays(8), durationMinutes: 30, capacity: 2, mode: 'onsite' });
    const hired = await bookSlot('hired-person', slot.slotId);
    const absent = await bookSlot('absent-person', slot.slotId);
    await expect(recordInterviewOutcome(OWNER, hired.bookingId, 'hired')).rejects.toMatchObject({ statusCode: 422 });
    const after = new Date(new Date(slot.startsAt).getTime() + 60 * 60_000);
    await expect(recordInterviewOutcome('stranger', hired.bookingId, 'hired', after)).rejects.toMatchObject({ statusCode: 404 });
    await recordInterviewOutcome(OWNER, hired.bookingId, 'hired', after);
    await expect(recordInterviewOutcome(OWNER, hired.bookingId, 'not_hired', after)).rejects.toMatchObject({ statusCode: 409 });
    await recordInterviewOutcome(OWNER, absent.bookingId, 'no_show', after);
    const { Item: record } = await InterviewRecordEntity.build(GetItemCommand).key({ userId: 'absent-person' }).send();
    expect(record).toMatchObject({ noShows: 1, attended: 0 });
    const { Items: tasks = [] } = await table.build(QueryCommand).entities(TaskEntity).query({ index: 'gsi1', partition: 'TASKQ#open#3501' }).send();
    const visits = tasks.filter((t) => t.subjectId === hired.bookingId);
    const today = todayInChina(after);
    expect(visits.map((t) => [t.kind, t.due])).toEqual([
      ['placement_revisit', calendarDeadline(today, 7)],
      ['placement_monthly', calendarDeadline(today, 30)],
      ['placement_monthly', calendarDeadline(today, 60)],
      ['placement_monthly', calendarDeadline(today, 90)],
    ]);
    expect(visits[0]).toMatchObject({ areaCode: '350102001001', detail: '郑** 被 鼓东便民超市 录用' });
    // She is asked to record the employment (就业登记).
    const { Items: pending = [] } = await table.build(QueryCommand).entities(OutboxEntity).query({ index: 'gsi1', partition: 'OUTBOX#pending' }).send();
    expect(pending.filter((m) => m.userId === 'hired-person' && m.page === 'apply/employment/index')).toHaveLength(1);
  });

  it('gives a video slot its own room, shown to the employer and to the people booked, and not to others', async () => {
    await applicant('video-person');
    await applicant('video-browser');
    const slot = await openSlot(OWNER, VACANCY, { startsAt: inDays(10), durationMinutes: 30, capacity: 3, mode: 'video' });
    const other = await openSlot(OWNER, VACANCY, { startsAt: inDays(10, 11), durationMinutes: 30, capacity: 3, mode: 'video' });
    expect(slot.roomUrl).toMatch(/^http:\/\/localhost:10086\/test-rooms\/doorstep-[\w-]{22}$/);
    expect(other.roomUrl).not.toBe(slot.roomUrl);
    const booking = await bookSlot('video-person', slot.slotId);
    expect(toBookingView(booking)).toMatchObject({ roomUrl: slot.roomUrl, mode: 'video', vacancyTitle: expect.any(String), assisted: false });
    const seenByApplicant = (await listSlots('video-browser', VACANCY)).find((s) => s.id === slot.slotId)!;
    expect(seenByApplicant.roomUrl).toBeUndefined();
    const seenByEmployer = (await listSlots(OWNER, VACANCY)).find((s) => s.id === slot.slotId)!;
    expect(seenByEmployer).toMatchObject({ roomUrl: slot.roomUrl, booked: 1 });
    const roster = await vacancyBookings(OWNER, VACANCY);
    expect(roster.find((r) => r.booking.id === booking.bookingId)).toBeDefined();
    await expect(vacancyBookings('video-browser', VACANCY)).rejects.toMatchObject({ statusCode: 404 });
  });

  it('lets community staff book for a person they referred, recording who booked', async () => {
    await ReferralMarkerEntity.build(PutItemCommand).item({ vacancyId: VACANCY, personId: 'referred-person', code: 'ABCD2345' }).send();
    const slot = await openSlot(OWNER, VACANCY, { startsAt: inDays(11), durationMinutes: 30, capacity: 1, mode: 'onsite', place: '东街 8 号' });
    await expect(bookSlot('referred-person', slot.slotId)).rejects.toMatchObject({ statusCode: 403 });
    const booking = await bookSlot('referred-person', slot.slotId, { bookedBy: 'staff-member' });
    expect(toBookingView(booking)).toMatchObject({ assisted: true, place: '东街 8 号' });
    expect(booking.bookedBy).toBe('staff-member');
    await expect(bookSlot('not-referred', slot.slotId, { bookedBy: 'staff-member' })).rejects.toMatchObject({ statusCode: 403 });
  });

  it('reminds the person a day and an hour before, and not at all once the booking is cancelled', async () => {
    await applicant('reminded');
    await applicant('cancelled-later');
    const slot = await openSlot(OWNER, VACANCY, { startsAt: inDays(9), durationMinutes: 30, capacity: 2, mode: 'video' });
    const kept = await bookSlot('reminded', slot.slotId);
    const dropped = await bookSlot('cancelled-later', slot.slotId);
    await cancelBooking('cancelled-later', dropped.bookingId);
    const pendingOf = async (bookingId: string) => {
      const { Items = [] } = await table.build(QueryCommand).entities(OutboxEntity).query({ index: 'gsi1', partition: 'OUTBOX#pending' }).send();
      return Items.filter((m) => m.bookingId === bookingId);
    };
    const start = new Date(slot.startsAt).getTime();
    const dayBefore = new Date(start - 24 * 3600_000).toISOString();
    const hourBefore = new Date(start - 3600_000).toISOString();
    expect((await pendingOf(kept.bookingId)).map((m) => m.sendAfter)).toEqual([dayBefore, hourBefore]);
    const droppedDayBefore = (await pendingOf(dropped.bookingId)).find((m) => m.sendAfter === dayBefore)!;
    const keptDayBefore = (await pendingOf(kept.bookingId)).find((m) => m.sendAfter === dayBefore)!;

    // Nothing is due yet. A day before, both day-before reminders are: the cancelled booking's is
    // dropped for that reason (the other is skipped only because this test user has no WeChat identity).
    expect(await sweepOutbox(500)).toMatchObject({ sent: 0, skipped: 0, failed: 0 });
    await sweepOutbox(500, new Date(start - 23 * 3600_000));
    const detailOf = async (messageId: string) => (await OutboxEntity.build(GetItemCommand).key({ messageId }).send()).Item?.detail;
    expect(await detailOf(droppedDayBefore.messageId)).toBe('预约已取消或改约');
    expect(await detailOf(keptDayBefore.messageId)).toBe('用户没有微信身份');
    expect((await pendingOf(kept.bookingId)).map((m) => m.sendAfter)).toEqual([hourBefore]);
  });
});
