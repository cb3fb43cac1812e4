// Sign-ups (报名) with seats and an ordered waitlist (候补), cancelling, promotion, the roster
// (completions are in completion.ts).
//
// Seats: a sign-up is one transaction that takes a seat under `enrolled < seats AND waiting = 0`
// (nobody may pass people already waiting); if the course is full it is, instead, one transaction
// that joins the waitlist. A place in the line has a key, a ULID made as it is taken, written only
// if it is above the course's `lastWaitKey` (which the same transaction moves up to it): so the
// line is in the order places were taken, and nobody can later be put ahead of anyone already
// waiting. The place told in the answer is read right after the write — the entries up to this
// one — and stays true until someone ahead leaves the line. (A key that lost the race to a higher
// one is made again, above it.) The entry
// lives in the course's own partition, sorted by key. Either way a marker `TRAINEE#<person>`
// under `attribute_not_exists` makes a second sign-up a 409, and a reservation row holds the
// voucher the person pays with. A freed seat goes to the head of the waitlist in one transaction
// that deletes the entry (it must exist), turns the sign-up `waitlisted → enrolled` (it must be
// waitlisted) and takes the seat (`enrolled < seats`): whoever runs it, and however often, each
// entry is promoted once and seats are never exceeded. Promotion runs after every cancellation and
// after every sign-up that joined the waitlist, so a seat left free by a crash is filled next time.
import { GetItemCommand } from 'dynamodb-toolbox/entity/actions/get';
import { DeleteTransaction } from 'dynamodb-toolbox/entity/actions/transactDelete';
import { PutTransaction } from 'dynamodb-toolbox/entity/actions/transactPut';
import { UpdateTransaction } from 'dynamodb-toolbox/entity/actions/transactUpdate';
import { $add } from 'dynamodb-toolbox/entity/actions/update';
import { execute } from 'dynamodb-toolbox/entity/actions/transactWrite';
import { QueryCommand } from 'dynamodb-toolbox/table/actions/query';
import type { FormattedItem } from 'dynamodb-toolbox/entity';
import { ulid } from 'ulid';
import { courseIsFull, inJurisdiction, isInTargetGroups, signUpOpen, todayInChina, recognisedCategoryLabels, type Enrolment } from '@doorstep/shared';
import { currentCategories } from '../applications/categories';
import { mapLimit, retryConflicts } from '../concurrency';
import { CourseEntity, EnrolmentEntity, TraineeMarkerEntity, VoucherReservationEntity, WaitlistEntryEntity } from './entities';
import { EmployerMemberEntity, JobseekerRegistrationEntity } from '../db/entities';
import { cancelledTransaction } from '../db/errors';
import { table } from '../db/table';
import { ConflictError, ForbiddenError, NotFoundError, RuleError } from '../http/errors';
import type { RecordAnswer } from '../http/idempotency';
import type { Principal } from '../http/session';
import { outboxMessage } from '../notifications/outbox';
import { checkRedeemable, loadVoucher } from '../vouchers/redeemable';
import { courseBodyOf, loadCourse, toCourseView, type StoredCourse } from './courses';

export type StoredEnrolment = FormattedItem<typeof EnrolmentEntity>;

/** Many people racing for the last seats make transaction conflicts on the course: retry them longer. */
const SIGN_UP_ATTEMPTS = 16;
/** People joining the line at the same moment: a key that lost to a higher one is made again this often. */
const PLACE_ATTEMPTS = 40;


export function toEnrolmentView(e: StoredEnrolment, position?: number): Enrolment {
  return {
    id: e.enrolmentId,
    courseId: e.courseId,
    courseTitle: e.courseTitle,
    providerName: e.providerName,
    startsOn: e.startsOn,
    signUpDeadline: e.signUpDeadline,
    status: e.status,
    ...(position !== undefined ? { position } : {}),
    ...(e.voucherId
      ? {
          voucher: {
            id: e.voucherId,
            programmeName: e.voucherProgrammeName ?? '',
            faceValueFen: e.voucherFaceValueFen ?? 0,
            state: e.voucherState ?? 'reserved',
            ...(e.voucherNote ? { note: e.voucherNote } : {}),
          },
        }
      : {}),
    ...(e.attendedDays !== undefined ? { attendedDays: e.attendedDays } : {}),
    assisted: !!e.bookedBy,
    createdAt: e.createdAt,
  };
}

/** Where a waitlisted sign-up stands: 1 is next in line (one consistent read of the line up to its key). */
async function positionOf(e: StoredEnrolment): Promise<number | undefined> {
  if (e.status !== 'waitlisted' || e.waitKey === undefined) return undefined;
  let ahead = 0;
  let exclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const page = await table
      .build(QueryCommand)
      .entities(WaitlistEntryEntity)
      .query({ partition: `COURSE#${e.courseId}`, range: { between: ['WAIT#', `WAIT#${e.waitKey}`] } })
      .options({ consistent: true, attributes: ['enrolmentId'], ...(exclusiveStartKey ? { exclusiveStartKey } : {}) })
      .send();
    ahead += page.Items?.length ?? 0;
    exclusiveStartKey = page.LastEvaluatedKey;
  } while (exclusiveStartKey);
  return ahead > 0 ? ahead : undefined;
}

export const enrolmentView = async (e: StoredEnrolment) => toEnrolmentView(e, await positionOf(e));

export async function loadEnrolment(enrolmentId: string): Promise<StoredEnrolment | undefined> {
  const { Item } = await EnrolmentEntity.build(GetItemCommand).key({ enrolmentId }).options({ consistent: true }).send();
  return Item;
}

/** The voucher the person pays with: theirs, claimed, of a programme the course accepts, usable at this institution. */
async function voucherFor(userId: string, course: StoredCourse, voucherId: string) {
  const v = await loadVoucher(voucherId);
  if (!v || v.holderType !== 'person' || v.holderId !== userId) throw new NotFoundError('找不到这张就业券');
  const accepted = (JSON.parse(course.programmesJson) as { id: string }[]).some((p) => p.id === v.programmeId);
  if (!accepted) throw new RuleError('这个培训班不收这种就业券');
  checkRedeemable(v, { employerId: course.providerId, types: ['training_institution'], areaCode: courseBodyOf(course).place.areaCode }, todayInChina());
  return v;
}

/**
 * Signs the person up: a seat if one is free and nobody is waiting, else a place in the waitlist.
 * `bookedBy`: community staff signing up a person of their jurisdiction (assisted mode).
 */
export async function enrol(
  userId: string,
  courseId: string,
  options: { voucherId?: string; bookedBy?: string; record?: RecordAnswer<{ enrolment: Enrolment }>; now?: Date } = {},
): Promise<Enrolment> {
  const { voucherId, bookedBy, record, now = new Date() } = options;
  const today = todayInChina(now);
  const [course, { Item: reg }] = await Promise.all([loadCourse(courseId), JobseekerRegistrationEntity.build(GetItemCommand).key({ userId }).send()]);
  if (!course || course.status !== 'open') throw new NotFoundError('找不到这个培训班');
  if (!signUpOpen(course.signUpDeadline, today)) throw new RuleError('报名已经截止了');
  if (!reg) throw new ForbiddenError('请先完成求职登记，再报名培训');
  const body = courseBodyOf(course);
  if (body.eligibleGroups.length > 0) {
    const { categories } = await currentCategories(userId);
    if (!isInTargetGroups(body.eligibleGroups, categories.map((c) => c.code))) {
      throw new RuleError(`这个补贴培训班只面向${body.eligibleGroups.map((g) => recognisedCategoryLabels[g]).join('、')}`);
    }
  }
  const voucher = voucherId ? await voucherFor(userId, course, voucherId) : undefined;

  const at = now.toISOString();
  const enrolmentId = ulid(now.getTime());
  const base: StoredEnrolment = {
    enrolmentId,
    courseId,
    userId,
    status: 'enrolled',
    courseTitle: body.title,
    providerId: course.providerId,
    providerName: course.providerName,
    startsOn: course.startsOn,
    signUpDeadline: course.signUpDeadline,
    ...(voucher ? { voucherId: voucher.voucherId, voucherProgrammeName: voucher.programmeName, voucherFaceValueFen: voucher.faceValueFen, voucherState: 'reserved' as const } : {}),
    ...(bookedBy ? { bookedBy } : {}),
    createdAt: at,
    updatedAt: at,
    gsi1pk: `COURSE_ROSTER#${courseId}`,
    gsi1sk: enrolmentId,
    gsi2pk: `USER_ENROLMENTS#${userId}`,
    gsi2sk: enrolmentId,
  };
  const open = [{ attr: 'status', eq: 'open' }, { attr: 'signUpDeadline', gte: today }] as const;
  const common = (e: StoredEnrolment) => [
    TraineeMarkerEntity.build(PutTransaction).item({ courseId, userId, enrolmentId }).options({ condition: { attr: 'enrolmentId', exists: false } }),
    ...(voucher ? [VoucherReservationEntity.build(PutTransaction).item({ voucherId: voucher.voucherId, enrolmentId }).options({ condition: { attr: 'enrolmentId', exists: false } })] : []),
    EnrolmentEntity.build(PutTransaction).item(e).options({ condition: { attr: 'enrolmentId', exists: false } }),
  ];
  const refused = (err: unknown): never => {
    const cancelled = cancelledTransaction(err);
    if (cancelled?.conditionFailed[1]) throw new ConflictError('您已经报名了这个培训班');
    if (voucher && cancelled?.conditionFailed[2]) throw new ConflictError('这张券已用于其他培训班的报名');
    if (cancelled?.conditionFailed[0]) throw new RuleError('报名已经截止了');
    throw err;
  };

  // A seat, if one is free and nobody is waiting. When the course as read is already full, go
  // straight to the line: if a seat came free meanwhile, promotion below gives it to the head.
  const seated = { ...base, status: 'enrolled' as const };
  if (!courseIsFull(course)) {
    try {
      await retryConflicts(
        () =>
          execute(
            CourseEntity.build(UpdateTransaction)
              .item({ courseId, enrolled: $add(1) })
              .options({ condition: { and: [...open, { attr: 'enrolled', lt: { attr: 'seats' } }, { attr: 'waiting', eq: 0 }] } }),
            ...common(seated),
            ...(record ? [record({ enrolment: toEnrolmentView(seated) })] : []),
          ),
        SIGN_UP_ATTEMPTS,
      );
      return toEnrolmentView(seated);
    } catch (err) {
      const cancelled = cancelledTransaction(err);
      // Anything but a full course (or people already waiting) is an answer of its own.
      if (!cancelled || !cancelled.conditionFailed[0] || cancelled.conditionFailed.slice(1).some(Boolean)) refused(err);
    }
  }

  // Full: the waitlist, with a key above every key already in it.
  let after = course.lastWaitKey;
  for (let attempt = 1; ; attempt += 1) {
    const fresh = ulid();
    // (ULIDs of this millisecond are random among themselves: one just above `after` is made from it.)
    const waitKey = !after || fresh > after ? fresh : `${after}0`;
    const waiting = { ...base, status: 'waitlisted' as const, waitKey };
    try {
      await retryConflicts(
        () =>
          execute(
            CourseEntity.build(UpdateTransaction)
              .item({ courseId, waiting: $add(1), lastWaitKey: waitKey })
              .options({ condition: { and: [...open, { or: [{ attr: 'lastWaitKey', exists: false }, { attr: 'lastWaitKey', lt: waitKey }] }] } }),
            ...common(waiting),
            WaitlistEntryEntity.build(PutTransaction).item({ courseId, waitKey, enrolmentId, userId }).options({ condition: { attr: 'enrolmentId', exists: false } }),
            // A replay is told it is in line, without a number (the place may have moved since).
            ...(record ? [record({ enrolment: toEnrolmentView(waiting) })] : []),
          ),
        SIGN_UP_ATTEMPTS,
      );
      // A seat freed while this person joined the queue goes to the head of the queue now.
      const latest = (await promote(courseId)) > 0 ? ((await loadEnrolment(enrolmentId)) ?? waiting) : waiting;
      return enrolmentView(latest);
    } catch (err) {
      const cancelled = cancelledTransaction(err);
      // Only the course's condition failed: a higher key came first (or the course closed). Look again.
      if (!cancelled?.conditionFailed[0] || cancelled.conditionFailed.slice(1).some(Boolean)) refused(err);
      const latest = await loadCourse(courseId, true);
      if (!latest || latest.status !== 'open' || !signUpOpen(latest.signUpDeadline, todayInChina())) throw new RuleError('报名已经截止了');
      if (attempt >= PLACE_ATTEMPTS) throw new ConflictError('现在报名的人很多，请稍后再试');
      after = latest.lastWaitKey;
    }
  }
}

/**
 * Gives free seats to the head of the waitlist, one transaction per person, until the seats or the
 * waitlist run out. Safe to run by any number of callers at once: each entry is promoted once.
 */
export async function promote(courseId: string, now: Date = new Date()): Promise<number> {
  let promoted = 0;
  for (let round = 0; round < 1000; round += 1) {
    const course = await loadCourse(courseId, true);
    if (!course || course.enrolled >= course.seats || course.waiting <= 0) return promoted;
    const { Items: [head] = [] } = await table
      .build(QueryCommand)
      .entities(WaitlistEntryEntity)
      .query({ partition: `COURSE#${courseId}`, range: { beginsWith: 'WAIT#' } })
      .options({ consistent: true, limit: 1 })
      .send();
    if (!head) return promoted;
    const at = now.toISOString();
    try {
      await retryConflicts(
        () =>
          execute(
            CourseEntity.build(UpdateTransaction)
              .item({ courseId, enrolled: $add(1), waiting: $add(-1) })
              .options({ condition: { and: [{ attr: 'enrolled', lt: { attr: 'seats' } }, { attr: 'waiting', gt: 0 }] } }),
            WaitlistEntryEntity.build(DeleteTransaction).key({ courseId, waitKey: head.waitKey }).options({ condition: { attr: 'enrolmentId', eq: head.enrolmentId } }),
            EnrolmentEntity.build(UpdateTransaction).item({ enrolmentId: head.enrolmentId, status: 'enrolled', updatedAt: at }).options({ condition: { attr: 'status', eq: 'waitlisted' } }),
            outboxMessage({
              userId: head.userId,
              template: 'application_update',
              page: 'training/enrolments/index',
              data: { thing1: courseBodyOf(course).title.slice(0, 20), thing2: course.providerName.slice(0, 20), phrase3: '候补成功', thing4: '已为您报上名，请按时上课' },
              at,
            }),
          ),
        SIGN_UP_ATTEMPTS,
      );
      promoted += 1;
    } catch (err) {
      // Someone else promoted this person or took the seat first: look again.
      if (!cancelledTransaction(err)?.conditionFailed.some(Boolean)) throw err;
    }
  }
  return promoted;
}

/**
 * The person cancels: a seat up to the sign-up deadline (after it, the institution has planned on
 * them), a waitlist place at any time (leaving the line takes nothing from anyone). The seat or
 * place and the voucher come free.
 */
export async function cancelEnrolment(userId: string, enrolmentId: string, now: Date = new Date()): Promise<Enrolment> {
  const e = await loadEnrolment(enrolmentId);
  if (!e || e.userId !== userId) throw new NotFoundError('找不到这个报名');
  if (e.status !== 'enrolled' && e.status !== 'waitlisted') throw new ConflictError('这个报名已经取消或结束了');
  if (e.status === 'enrolled' && !signUpOpen(e.signUpDeadline, todayInChina(now))) throw new RuleError('报名已截止，不能在这里取消，请联系培训机构');
  const at = now.toISOString();
  const next: StoredEnrolment = { ...e, status: 'cancelled', ...(e.voucherId ? { voucherState: 'released' as const } : {}), updatedAt: at };
  try {
    await retryConflicts(
      () =>
        execute(
          EnrolmentEntity.build(PutTransaction).item(next).options({ condition: { attr: 'status', eq: e.status } }),
          TraineeMarkerEntity.build(DeleteTransaction).key({ courseId: e.courseId, userId }).options({ condition: { attr: 'enrolmentId', eq: enrolmentId } }),
          ...(e.status === 'enrolled'
            ? [CourseEntity.build(UpdateTransaction).item({ courseId: e.courseId, enrolled: $add(-1) })]
            : [
                CourseEntity.build(UpdateTransaction).item({ courseId: e.courseId, waiting: $add(-1) }),
                WaitlistEntryEntity.build(DeleteTransaction).key({ courseId: e.courseId, waitKey: e.waitKey ?? e.enrolmentId }).options({ condition: { attr: 'enrolmentId', eq: enrolmentId } }),
              ]),
          ...(e.voucherId ? [VoucherReservationEntity.build(DeleteTransaction).key({ voucherId: e.voucherId }).options({ condition: { attr: 'enrolmentId', eq: enrolmentId } })] : []),
        ),
      SIGN_UP_ATTEMPTS,
    );
  } catch (err) {
    if (cancelledTransaction(err)?.conditionFailed.some(Boolean)) throw new ConflictError('这个报名刚刚有变动，请刷新后再看');
    throw err;
  }
  if (e.status === 'enrolled') await promote(e.courseId, now);
  return toEnrolmentView(next);
}

/** The person's sign-ups, newest first. */
export async function myEnrolments(userId: string): Promise<Enrolment[]> {
  const { Items = [] } = await table
    .build(QueryCommand)
    .entities(EnrolmentEntity)
    .query({ index: 'gsi2', partition: `USER_ENROLMENTS#${userId}` })
    .options({ reverse: true, limit: 100 })
    .send();
  return mapLimit(Items, 5, enrolmentView);
}

export async function courseForMember(principal: Principal, courseId: string) {
  const course = await loadCourse(courseId);
  const { Item: member } = course ? await EmployerMemberEntity.build(GetItemCommand).key({ employerId: course.providerId, userId: principal.userId }).send() : { Item: undefined };
  if (!course || !member) throw new NotFoundError('找不到这个培训班');
  return course;
}

/** 花名册: enrolled and finished trainees in sign-up order, then the waitlist in its order (the institution's members). */
export async function courseRoster(principal: Principal, courseId: string) {
  const course = await courseForMember(principal, courseId);
  const stored: StoredEnrolment[] = [];
  let exclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const page = await table
      .build(QueryCommand)
      .entities(EnrolmentEntity)
      .query({ index: 'gsi1', partition: `COURSE_ROSTER#${courseId}` })
      .options(exclusiveStartKey ? { exclusiveStartKey } : {})
      .send();
    stored.push(...(page.Items ?? []));
    exclusiveStartKey = page.LastEvaluatedKey;
  } while (exclusiveStartKey && stored.length < 2000);
  const live = stored.filter((e) => e.status !== 'cancelled');
  const people = await mapLimit(live, 10, async (e) => (await JobseekerRegistrationEntity.build(GetItemCommand).key({ userId: e.userId }).send()).Item);
  const rows = live.map((e, i) => ({ e, person: { name: people[i]?.name ?? '（已注销）', phone: people[i]?.phone ?? '' } }));
  // Trainees in sign-up order (a stable sort), then the line in key order (the order places were taken).
  const line = (r: (typeof rows)[number]) => (r.e.status === 'waitlisted' ? `1${r.e.waitKey ?? ''}` : '0');
  let position = 0;
  const items = rows
    .sort((a, b) => (line(a) < line(b) ? -1 : line(a) > line(b) ? 1 : 0))
    .map(({ e, person }) => ({ enrolment: toEnrolmentView(e, e.status === 'waitlisted' ? (position += 1) : undefined), person }));
  return { course: toCourseView(course), items };
}

/** Assisted sign-up: the person must live in the staff member's jurisdiction. */
export async function assistedEnrol(principal: Principal, personId: string, courseId: string, voucherId: string | undefined, record?: RecordAnswer<{ enrolment: Enrolment }>) {
  if (!principal.roles.includes('staff')) throw new ForbiddenError('只有社区工作人员可以代人报名');
  const { Item: reg } = await JobseekerRegistrationEntity.build(GetItemCommand).key({ userId: personId }).send();
  if (!reg || !inJurisdiction(reg.residence.areaCode, principal.level, principal.areaCode)) throw new NotFoundError('找不到这个人员');
  return enrol(personId, courseId, { ...(voucherId ? { voucherId } : {}), bookedBy: principal.userId, ...(record ? { record } : {}) });
}
