// Interview slots and bookings (issue 6, first slice: the storage and its conditions; routes and
// pages come next). A booking is one transaction: the slot's `booked < capacity` (and still open,
// and not past the cut-off), the person's application to the vacancy (ConditionCheck), one diary
// row per quarter-hour under `attribute_not_exists` (so no two bookings of one person overlap),
// and the booking. Cancelling undoes all of it in one transaction.
import { GetItemCommand } from 'dynamodb-toolbox/entity/actions/get';
import { ConditionCheck } from 'dynamodb-toolbox/entity/actions/transactCheck';
import { DeleteTransaction } from 'dynamodb-toolbox/entity/actions/transactDelete';
import { PutTransaction } from 'dynamodb-toolbox/entity/actions/transactPut';
import { UpdateTransaction } from 'dynamodb-toolbox/entity/actions/transactUpdate';
import { $add } from 'dynamodb-toolbox/entity/actions/update';
import { execute } from 'dynamodb-toolbox/entity/actions/transactWrite';
import type { FormattedItem } from 'dynamodb-toolbox/entity';
import { ulid } from 'ulid';
import { BOOKING_CUTOFF_MINUTES, INTERVIEW_OUTCOMES, bookingCutoff, busyBuckets, chinaDateTimeText, maskName, todayInChina, type InterviewMode, type z, type interviewBookingSchema, type interviewSlotSchema } from '@doorstep/shared';
import { QueryCommand } from 'dynamodb-toolbox/table/actions/query';
import { table } from '../db/table';
import type { RecordAnswer } from '../http/idempotency';
import { retryConflicts } from '../concurrency';
import { ApplicantMarkerEntity, EmployerMemberEntity, JobseekerRegistrationEntity, ReferralMarkerEntity } from '../db/entities';
import { BusyBucketEntity, InterviewBookingEntity, InterviewRecordEntity, InterviewSlotEntity } from './entities';
import { outboxMessage } from '../notifications/outbox';
import { openTask } from '../tasks/tasks';
import { cancelledTransaction } from '../db/errors';
import { ConflictError, ForbiddenError, NotFoundError, RuleError } from '../http/errors';
import { bodyOf, loadVacancy } from '../vacancies/service';
import { getDependencies } from '../deps';
import { mapLimit } from '../concurrency';

export type StoredSlot = FormattedItem<typeof InterviewSlotEntity>;
export type StoredBooking = FormattedItem<typeof InterviewBookingEntity>;
type InterviewSlot = z.infer<typeof interviewSlotSchema>;
type InterviewBooking = z.infer<typeof interviewBookingSchema>;

/** `member`: the employer's own members also see the video room's link. */
export const toSlotView = (s: StoredSlot, now: Date = new Date(), member = false): InterviewSlot => ({
  id: s.slotId,
  vacancyId: s.vacancyId,
  startsAt: s.startsAt,
  durationMinutes: s.durationMinutes,
  capacity: s.capacity,
  remaining: Math.max(0, s.capacity - s.booked),
  mode: s.mode,
  ...(s.place ? { place: s.place } : {}),
  ...(member && s.roomUrl ? { roomUrl: s.roomUrl } : {}),
  ...(member ? { booked: s.booked } : {}),
  bookable: s.status === 'open' && s.booked < s.capacity && now.toISOString() < bookingCutoff(s.startsAt),
});

export const toBookingView = (b: StoredBooking): InterviewBooking => ({
  id: b.bookingId,
  slotId: b.slotId,
  vacancyId: b.vacancyId,
  startsAt: b.startsAt,
  durationMinutes: b.durationMinutes,
  status: b.status,
  ...(b.mode ? { mode: b.mode } : {}),
  ...(b.place ? { place: b.place } : {}),
  ...(b.roomUrl && b.status === 'booked' ? { roomUrl: b.roomUrl } : {}),
  ...(b.vacancyTitle ? { vacancyTitle: b.vacancyTitle } : {}),
  ...(b.employerName ? { employerName: b.employerName } : {}),
  ...(b.outcome ? { outcome: b.outcome } : {}),
  assisted: !!b.bookedBy,
  createdAt: b.createdAt,
});

/** Reminders 24 hours and 1 hour before, for the times still ahead; dropped if the booking goes. */
function reminders(b: StoredBooking, now: Date) {
  const start = new Date(b.startsAt).getTime();
  return [
    { hours: 24, phrase: '明天面试' },
    { hours: 1, phrase: '一小时后面试' },
  ]
    .filter(({ hours }) => start - hours * 3600_000 > now.getTime())
    .map(({ hours, phrase }) =>
      outboxMessage({
        userId: b.userId,
        template: 'application_update',
        page: 'jobs/interviews/index',
        data: { thing1: (b.vacancyTitle ?? '面试提醒').slice(0, 20), thing2: (b.employerName ?? '家门口就业').slice(0, 20), phrase3: phrase, thing4: `${chinaDateTimeText(b.startsAt)}开始` },
        at: now.toISOString(),
        sendAfter: new Date(start - hours * 3600_000).toISOString(),
        bookingId: b.bookingId,
      }),
    );
}

/** Diary rows outlive the interview by a week, then TTL removes them. */
const bucketTtl = (startsAt: string) => Math.floor(new Date(startsAt).getTime() / 1000) + 7 * 24 * 3600;

export async function openSlot(
  userId: string,
  vacancyId: string,
  slot: { startsAt: string; durationMinutes: number; capacity: number; mode: InterviewMode; place?: string; roomUrl?: string },
): Promise<StoredSlot> {
  const vacancy = await loadVacancy(vacancyId);
  if (!vacancy) throw new NotFoundError('找不到这个岗位');
  const { Item: member } = await EmployerMemberEntity.build(GetItemCommand).key({ employerId: vacancy.employerId, userId }).send();
  if (!member) throw new NotFoundError('找不到这个岗位');
  const slotId = ulid();
  // A video slot gets its room from the meeting adapter; the link reaches only members and the people booked.
  const room = slot.mode === 'video' ? await getDependencies().meetings.createRoom({ title: `${vacancy.employerName} 面试`, startsAt: slot.startsAt, durationMinutes: slot.durationMinutes }) : undefined;
  const item: StoredSlot = {
    slotId,
    vacancyId,
    employerId: vacancy.employerId,
    ...slot,
    ...(room ? { roomUrl: room.url } : {}),
    booked: 0,
    status: 'open',
    createdBy: userId,
    createdAt: new Date().toISOString(),
    gsi1pk: `VACANCY_SLOTS#${vacancyId}`,
    gsi1sk: `${slot.startsAt}#${slotId}`,
  };
  await execute(InterviewSlotEntity.build(PutTransaction).item(item).options({ condition: { attr: 'slotId', exists: false } }));
  return item;
}

/**
 * Books a slot for the person, who must have applied to the vacancy. In assisted mode community
 * staff book for them (`bookedBy`), and a referral by staff to the vacancy also counts.
 */
export async function bookSlot(
  userId: string,
  slotId: string,
  options: { bookedBy?: string; now?: Date; record?: RecordAnswer<{ booking: InterviewBooking }> } = {},
): Promise<StoredBooking> {
  const { bookedBy, now = new Date(), record } = options;
  const { Item: slot } = await InterviewSlotEntity.build(GetItemCommand).key({ slotId }).options({ consistent: true }).send();
  if (!slot || slot.status !== 'open') throw new NotFoundError('找不到这个面试时段');
  const vacancy = await loadVacancy(slot.vacancyId);
  if (!vacancy) throw new NotFoundError('找不到这个面试时段');
  const referred = bookedBy
    ? (await ReferralMarkerEntity.build(GetItemCommand).key({ vacancyId: slot.vacancyId, personId: userId }).send()).Item
    : undefined;
  if (now.toISOString() >= bookingCutoff(slot.startsAt)) throw new RuleError('面试开始前两小时起不能再预约');
  const at = now.toISOString();
  const bookingId = ulid();
  const buckets = busyBuckets(slot.startsAt, slot.durationMinutes);
  const booking: StoredBooking = {
    bookingId,
    slotId,
    vacancyId: slot.vacancyId,
    userId,
    startsAt: slot.startsAt,
    durationMinutes: slot.durationMinutes,
    status: 'booked',
    mode: slot.mode,
    ...(slot.place ? { place: slot.place } : {}),
    ...(slot.roomUrl ? { roomUrl: slot.roomUrl } : {}),
    vacancyTitle: bodyOf(vacancy).title,
    employerName: vacancy.employerName,
    ...(bookedBy ? { bookedBy } : {}),
    createdAt: at,
    updatedAt: at,
    gsi2pk: `USER_INTERVIEWS#${userId}`,
    gsi2sk: `${slot.startsAt}#${bookingId}`,
    gsi1pk: `VACANCY_BOOKINGS#${slot.vacancyId}`,
    gsi1sk: `${slot.startsAt}#${bookingId}`,
  };
  try {
    await retryConflicts(() =>
      execute(
        InterviewSlotEntity.build(UpdateTransaction)
          .item({ slotId, booked: $add(1) })
          .options({
            condition: {
              and: [
                { attr: 'status', eq: 'open' },
                { attr: 'booked', lt: { attr: 'capacity' } },
                // The cut-off, checked again at the moment of writing: starts more than two hours from now.
                { attr: 'startsAt', gt: new Date(now.getTime() + BOOKING_CUTOFF_MINUTES * 60_000).toISOString() },
              ],
            },
          }),
        referred
          ? ReferralMarkerEntity.build(ConditionCheck).key({ vacancyId: slot.vacancyId, personId: userId }).condition({ attr: 'code', exists: true })
          : ApplicantMarkerEntity.build(ConditionCheck).key({ vacancyId: slot.vacancyId, userId }).condition({ attr: 'applicationId', exists: true }),
        ...buckets.map((bucket) =>
          BusyBucketEntity.build(PutTransaction).item({ userId, bucket, bookingId, ttl: bucketTtl(slot.startsAt) }).options({ condition: { attr: 'bookingId', exists: false } }),
        ),
        InterviewBookingEntity.build(PutTransaction).item(booking).options({ condition: { attr: 'bookingId', exists: false } }),
        ...reminders(booking, now),
        ...(record ? [record({ booking: toBookingView(booking) })] : []),
      ),
    );
  } catch (err) {
    const cancelled = cancelledTransaction(err);
    if (!cancelled) throw err;
    if (cancelled.conditionFailed[1]) throw new ForbiddenError(bookedBy ? '这个人还没有应聘或被推荐到这个岗位' : '请先应聘这个岗位，再预约面试');
    if (cancelled.conditionFailed[0]) throw new ConflictError('这个时段已经约满了，请选其他时段');
    if (cancelled.conditionFailed.slice(2, 2 + buckets.length).some(Boolean)) throw new ConflictError('您在这个时间已经约了其他面试');
    throw err;
  }
  return booking;
}

/** Cancels the person's own booking before the interview starts: the place and the diary rows come free. */
export async function cancelBooking(userId: string, bookingId: string, now: Date = new Date()): Promise<StoredBooking> {
  const { Item: booking } = await InterviewBookingEntity.build(GetItemCommand).key({ bookingId }).options({ consistent: true }).send();
  if (!booking || booking.userId !== userId) throw new NotFoundError('找不到这个预约');
  if (booking.status !== 'booked') throw new ConflictError('这个预约已经取消了');
  if (now.toISOString() >= booking.startsAt) throw new RuleError('面试已经开始，不能取消');
  const next: StoredBooking = { ...booking, status: 'cancelled', updatedAt: now.toISOString() };
  try {
    await retryConflicts(() =>
      execute(
        InterviewBookingEntity.build(PutTransaction).item(next).options({ condition: { attr: 'status', eq: 'booked' } }),
        InterviewSlotEntity.build(UpdateTransaction).item({ slotId: booking.slotId, booked: $add(-1) }).options({ condition: { attr: 'booked', gt: 0 } }),
        ...busyBuckets(booking.startsAt, booking.durationMinutes).map((bucket) =>
          BusyBucketEntity.build(DeleteTransaction).key({ userId, bucket }).options({ condition: { attr: 'bookingId', eq: bookingId } }),
        ),
      ),
    );
  } catch (err) {
    if (cancelledTransaction(err)?.conditionFailed.some(Boolean)) throw new ConflictError('这个预约刚刚已被取消');
    throw err;
  }
  return next;
}

/** A vacancy's slots, soonest first: for the employer's members, people who applied, and staff (who book for residents). */
export async function listSlots(userId: string, vacancyId: string, staff = false): Promise<InterviewSlot[]> {
  const vacancy = await loadVacancy(vacancyId);
  if (!vacancy) throw new NotFoundError('找不到这个岗位');
  const [{ Item: member }, { Item: applied }] = await Promise.all([
    EmployerMemberEntity.build(GetItemCommand).key({ employerId: vacancy.employerId, userId }).send(),
    ApplicantMarkerEntity.build(GetItemCommand).key({ vacancyId, userId }).send(),
  ]);
  if (!member && !applied && !staff) throw new NotFoundError('找不到这个岗位的面试安排');
  const { Items = [] } = await table
    .build(QueryCommand)
    .entities(InterviewSlotEntity)
    .query({ index: 'gsi1', partition: `VACANCY_SLOTS#${vacancyId}`, range: { gte: new Date().toISOString() } })
    .options({ limit: 100 })
    .send();
  return Items.filter((s) => s.status === 'open').map((s) => toSlotView(s, new Date(), !!member));
}

/** The vacancy's bookings for its employer, soonest first, with each person's name, phone and interview record. */
export async function vacancyBookings(userId: string, vacancyId: string) {
  const vacancy = await loadVacancy(vacancyId);
  const { Item: member } = vacancy ? await EmployerMemberEntity.build(GetItemCommand).key({ employerId: vacancy.employerId, userId }).send() : { Item: undefined };
  if (!vacancy || !member) throw new NotFoundError('找不到这个岗位');
  const since = new Date(Date.now() - 30 * 86_400_000).toISOString();
  const { Items = [] } = await table
    .build(QueryCommand)
    .entities(InterviewBookingEntity)
    .query({ index: 'gsi1', partition: `VACANCY_BOOKINGS#${vacancyId}`, range: { gte: since } })
    .options({ limit: 200 })
    .send();
  const booked = Items.filter((b) => b.status === 'booked');
  const people = await mapLimit(booked, 8, async (b) => {
    const [{ Item: reg }, { Item: rec }] = await Promise.all([
      JobseekerRegistrationEntity.build(GetItemCommand).key({ userId: b.userId }).send(),
      InterviewRecordEntity.build(GetItemCommand).key({ userId: b.userId }).send(),
    ]);
    return { reg, rec };
  });
  return booked.map((b, i) => ({
    booking: toBookingView(b),
    person: { name: people[i].reg?.name ?? '（已注销）', phone: people[i].reg?.phone ?? '', noShows: people[i].rec?.noShows ?? 0, attended: people[i].rec?.attended ?? 0 },
  }));
}

/** The person's bookings, soonest first (the last 100). */
export async function myInterviews(userId: string): Promise<InterviewBooking[]> {
  const { Items = [] } = await table
    .build(QueryCommand)
    .entities(InterviewBookingEntity)
    .query({ index: 'gsi2', partition: `USER_INTERVIEWS#${userId}` })
    .options({ limit: 100 })
    .send();
  return Items.map(toBookingView);
}

/**
 * Moves the person's booking to another slot of the same vacancy in one transaction: the old
 * booking cancelled and its place given back, the new place taken under the same conditions as a
 * booking; quarter-hours only the old time had are freed, only the new time has are taken, and
 * shared ones pass to the new booking.
 */
export async function rescheduleBooking(userId: string, bookingId: string, newSlotId: string, now: Date = new Date()): Promise<StoredBooking> {
  const [{ Item: old }, { Item: slot }] = await Promise.all([
    InterviewBookingEntity.build(GetItemCommand).key({ bookingId }).options({ consistent: true }).send(),
    InterviewSlotEntity.build(GetItemCommand).key({ slotId: newSlotId }).options({ consistent: true }).send(),
  ]);
  if (!old || old.userId !== userId) throw new NotFoundError('找不到这个预约');
  if (old.status !== 'booked') throw new ConflictError('这个预约已经取消了');
  if (!slot || slot.status !== 'open' || slot.vacancyId !== old.vacancyId) throw new NotFoundError('找不到这个面试时段');
  if (slot.slotId === old.slotId) throw new ConflictError('已经约在这个时段了');
  const at = now.toISOString();
  if (at >= bookingCutoff(old.startsAt) || at >= bookingCutoff(slot.startsAt)) throw new RuleError('面试开始前两小时起不能再改约');
  const next: StoredBooking = {
    ...old,
    bookingId: ulid(),
    slotId: slot.slotId,
    startsAt: slot.startsAt,
    durationMinutes: slot.durationMinutes,
    mode: slot.mode,
    place: slot.place,
    roomUrl: slot.roomUrl,
    createdAt: at,
    updatedAt: at,
  };
  next.gsi2sk = `${slot.startsAt}#${next.bookingId}`;
  next.gsi1sk = `${slot.startsAt}#${next.bookingId}`;
  const before = busyBuckets(old.startsAt, old.durationMinutes);
  const after = busyBuckets(slot.startsAt, slot.durationMinutes);
  const freed = before.filter((b) => !after.includes(b));
  const taken = after.filter((b) => !before.includes(b));
  const kept = after.filter((b) => before.includes(b));
  try {
    await retryConflicts(() =>
      execute(
        InterviewSlotEntity.build(UpdateTransaction)
          .item({ slotId: slot.slotId, booked: $add(1) })
          .options({ condition: { and: [{ attr: 'status', eq: 'open' }, { attr: 'booked', lt: { attr: 'capacity' } }, { attr: 'startsAt', gt: new Date(now.getTime() + BOOKING_CUTOFF_MINUTES * 60_000).toISOString() }] } }),
        InterviewBookingEntity.build(PutTransaction)
          .item({ ...old, status: 'cancelled', rescheduledTo: next.bookingId, updatedAt: at })
          .options({ condition: { attr: 'status', eq: 'booked' } }),
        InterviewSlotEntity.build(UpdateTransaction).item({ slotId: old.slotId, booked: $add(-1) }),
        InterviewBookingEntity.build(PutTransaction).item(next).options({ condition: { attr: 'bookingId', exists: false } }),
        ...taken.map((bucket) =>
          BusyBucketEntity.build(PutTransaction).item({ userId, bucket, bookingId: next.bookingId, ttl: bucketTtl(slot.startsAt) }).options({ condition: { attr: 'bookingId', exists: false } }),
        ),
        ...kept.map((bucket) =>
          BusyBucketEntity.build(PutTransaction).item({ userId, bucket, bookingId: next.bookingId, ttl: bucketTtl(slot.startsAt) }).options({ condition: { attr: 'bookingId', eq: bookingId } }),
        ),
        ...freed.map((bucket) => BusyBucketEntity.build(DeleteTransaction).key({ userId, bucket }).options({ condition: { attr: 'bookingId', eq: bookingId } })),
        ...reminders(next, now),
      ),
    );
  } catch (err) {
    const cancelled = cancelledTransaction(err);
    if (!cancelled) throw err;
    if (cancelled.conditionFailed[0]) throw new ConflictError('这个时段已经约满了，请选其他时段');
    if (cancelled.conditionFailed[1]) throw new ConflictError('这个预约刚刚已被取消或改约');
    if (cancelled.conditionFailed.slice(4, 4 + taken.length).some(Boolean)) throw new ConflictError('您在这个时间已经约了其他面试');
    throw new ConflictError('这个预约刚刚有变动，请刷新后再试');
  }
  return next;
}

type InterviewOutcome = (typeof INTERVIEW_OUTCOMES)[number];

/**
 * The employer records what happened, once, after the start: a no-show adds to the person's
 * record; a hire creates the follow-up visit for the person's community (上岗一周回访), where the
 * employment registration is also proposed.
 */
export async function recordInterviewOutcome(userId: string, bookingId: string, outcome: InterviewOutcome, now: Date = new Date()): Promise<StoredBooking> {
  const { Item: booking } = await InterviewBookingEntity.build(GetItemCommand).key({ bookingId }).options({ consistent: true }).send();
  if (!booking) throw new NotFoundError('找不到这个预约');
  const vacancy = await loadVacancy(booking.vacancyId);
  const { Item: member } = vacancy ? await EmployerMemberEntity.build(GetItemCommand).key({ employerId: vacancy.employerId, userId }).send() : { Item: undefined };
  if (!vacancy || !member) throw new NotFoundError('找不到这个预约');
  if (booking.status !== 'booked') throw new ConflictError('这个预约已经取消了');
  if (booking.outcome) throw new ConflictError('已经记录过面试结果了');
  const at = now.toISOString();
  if (at < booking.startsAt) throw new RuleError('面试开始后才能记录结果');
  const { Item: reg } = await JobseekerRegistrationEntity.build(GetItemCommand).key({ userId: booking.userId }).send();
  const next: StoredBooking = { ...booking, outcome, updatedAt: at };
  const record = {
    userId: booking.userId,
    noShows: $add(outcome === 'no_show' ? 1 : 0),
    attended: $add(outcome === 'no_show' ? 0 : 1),
  };
  try {
    await execute(
      InterviewBookingEntity.build(PutTransaction).item(next).options({ condition: { and: [{ attr: 'status', eq: 'booked' }, { attr: 'outcome', exists: false }] } }),
      InterviewRecordEntity.build(UpdateTransaction).item(record),
      // A hire: the person is asked to record the employment (就业登记), and the community
      // revisits after a week, then monthly for the first three months.
      ...(outcome === 'hired'
        ? [
            outboxMessage({
              userId: booking.userId,
              template: 'application_update',
              page: 'apply/employment/index',
              data: { thing1: (booking.vacancyTitle ?? '面试结果').slice(0, 20), thing2: vacancy.employerName.slice(0, 20), phrase3: '已录用', thing4: '请在小程序里办理就业登记' },
              at,
            }),
          ]
        : []),
      ...(outcome === 'hired' && reg
        ? ([['placement_revisit', 7], ['placement_monthly', 30], ['placement_monthly', 60], ['placement_monthly', 90]] as const).map(([kind, after]) =>
            openTask({
              kind,
              after,
              detail: `${maskName(reg.name)} 被 ${vacancy.employerName} 录用`,
              areaCode: reg.residence.areaCode,
              subjectType: 'InterviewBooking',
              subjectId: bookingId,
              personId: booking.userId,
              today: todayInChina(now),
              at,
            }),
          )
        : []),
    );
  } catch (err) {
    if (cancelledTransaction(err)?.conditionFailed[0]) throw new ConflictError('这个预约刚刚有变动，请刷新后再试');
    throw err;
  }
  return next;
}
