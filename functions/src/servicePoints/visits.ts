// 预约办事: a visit to a point's desk for one service in one half hour. Booking is one transaction:
// the slot's places (`booked < desks`, the point's desks for that service), one diary row per
// quarter hour of the person (`attribute_not_exists`, the same rows interviews use: nobody holds
// two bookings at once), the visit, and its reminders a day and an hour before (outbox messages
// with ids of the visit, so a retry never writes two). Cancelling and moving undo it in one
// transaction too, deleting the reminders. The queue number is the point's day counter, taken just
// before (a failed booking leaves a gap in the numbers, as paper tickets do).
import { GetItemCommand } from 'dynamodb-toolbox/entity/actions/get';
import { DeleteTransaction } from 'dynamodb-toolbox/entity/actions/transactDelete';
import { PutTransaction } from 'dynamodb-toolbox/entity/actions/transactPut';
import { UpdateTransaction } from 'dynamodb-toolbox/entity/actions/transactUpdate';
import { $add, UpdateItemCommand } from 'dynamodb-toolbox/entity/actions/update';
import { execute } from 'dynamodb-toolbox/entity/actions/transactWrite';
import { QueryCommand } from 'dynamodb-toolbox/table/actions/query';
import type { FormattedItem } from 'dynamodb-toolbox/entity';
import dayjs from 'dayjs';
import { ulid } from 'ulid';
import {
  busyBuckets,
  catalogueService,
  chinaInstant,
  clockText,
  inJurisdiction,
  nextVisitStatuses,
  queueNumberText,
  slotStartsOn,
  todayInChina,
  visitStatusLabels,
  SLOT_MINUTES,
  VISIT_BOOKING_DAYS,
  VISIT_BOOKING_LEAD_MIN,
  type OpeningHours,
  type ServiceKey,
  type Visit,
  type VisitStatus,
} from '@doorstep/shared';
import { recordAccess } from '../access/log';
import { mapLimit, retryConflicts } from '../concurrency';
import { BusyBucketEntity } from '../interviews/entities';
import { JobseekerRegistrationEntity, OutboxEntity } from '../db/entities';
import { cancelledTransaction } from '../db/errors';
import { queryAll } from '../db/queryAll';
import { table } from '../db/table';
import { ConflictError, NotFoundError, RuleError } from '../http/errors';
import type { RecordAnswer } from '../http/idempotency';
import { scopeOf } from '../http/jurisdiction';
import type { Principal } from '../http/session';
import { outboxItem } from '../notifications/outbox';
import { QueueCounterEntity, VisitEntity, VisitSlotEntity, visitIndexKeys } from './entities';
import { loadPoint, type StoredPoint } from './points';

export type StoredVisit = FormattedItem<typeof VisitEntity>;

export const toVisitView = (v: StoredVisit): Visit => ({
  id: v.visitId,
  pointId: v.pointId,
  pointName: v.pointName,
  pointAddress: v.pointAddress,
  service: v.service as ServiceKey,
  serviceName: v.serviceName,
  date: v.date,
  start: v.start,
  startsAt: v.startsAt,
  queueNumber: queueNumberText(v.queueNo),
  status: v.status,
  statusName: visitStatusLabels[v.status],
  assisted: !!v.bookedBy,
  createdAt: v.createdAt,
});

/** Slot counters and diary rows outlive the day by a week, then TTL removes them. */
const ttlAfter = (startsAt: string) => Math.floor(new Date(startsAt).getTime() / 1000) + 7 * 24 * 3600;

const REMINDERS = [
  { hours: 24, phrase: '明天去办事' },
  { hours: 1, phrase: '一小时后办事' },
] as const;
const reminderId = (visitId: string, startsAt: string, hours: number) => `visit-${visitId}-${startsAt}-${hours}h`;

/** Reminders for the times still ahead. */
function reminderWrites(v: StoredVisit, now: Date) {
  const start = new Date(v.startsAt).getTime();
  return REMINDERS.filter(({ hours }) => start - hours * 3600_000 > now.getTime()).map(({ hours, phrase }) =>
    OutboxEntity.build(PutTransaction)
      .item(
        outboxItem(
          {
            userId: v.userId,
            template: 'application_update',
            page: 'points/visits/index',
            data: { thing1: v.serviceName.slice(0, 20), thing2: v.pointName.slice(0, 20), phrase3: phrase, thing4: `${v.date.slice(5)} ${clockText(v.start)} 排队号${queueNumberText(v.queueNo)}` },
            at: now.toISOString(),
            sendAfter: new Date(start - hours * 3600_000).toISOString(),
          },
          reminderId(v.visitId, v.startsAt, hours),
        ),
      )
      .options({ condition: { attr: 'messageId', exists: false } }),
  );
}
const dropReminders = (v: StoredVisit) => REMINDERS.map(({ hours }) => OutboxEntity.build(DeleteTransaction).key({ messageId: reminderId(v.visitId, v.startsAt, hours) }));

const takePlace = (pointId: string, service: string, startsAt: string, desks: number) =>
  VisitSlotEntity.build(UpdateTransaction)
    .item({ pointId, service, startsAt, booked: $add(1), ttl: ttlAfter(startsAt) })
    .options({ condition: { or: [{ attr: 'booked', exists: false }, { attr: 'booked', lt: desks }] } });
const givePlace = (v: StoredVisit) =>
  VisitSlotEntity.build(UpdateTransaction).item({ pointId: v.pointId, service: v.service, startsAt: v.startsAt, booked: $add(-1) }).options({ condition: { attr: 'booked', gt: 0 } });
const holdDiary = (v: StoredVisit) =>
  busyBuckets(v.startsAt, SLOT_MINUTES).map((bucket) =>
    BusyBucketEntity.build(PutTransaction).item({ userId: v.userId, bucket, bookingId: v.visitId, ttl: ttlAfter(v.startsAt) }).options({ condition: { attr: 'bookingId', exists: false } }),
  );
const freeDiary = (v: StoredVisit) =>
  busyBuckets(v.startsAt, SLOT_MINUTES).map((bucket) => BusyBucketEntity.build(DeleteTransaction).key({ userId: v.userId, bucket }).options({ condition: { attr: 'bookingId', eq: v.visitId } }));

/** The point's desks for the service, or 422 when it does not offer it. */
function desksFor(point: StoredPoint, service: ServiceKey): number {
  const offered = point.services.find((s) => s.key === service);
  if (!offered) throw new RuleError('这个网点不办这项业务，请换一个网点');
  return offered.desks;
}

/** Checks a wanted half hour: a day the booking window covers, a slot the point opens, far enough ahead. */
function checkSlot(point: StoredPoint, date: string, start: string, now: Date): string {
  const today = todayInChina(now);
  if (date < today || date > dayjs(today).add(VISIT_BOOKING_DAYS, 'day').format('YYYY-MM-DD')) throw new RuleError(`只能预约今天起${VISIT_BOOKING_DAYS}天内的时段`);
  if (!slotStartsOn(point.hours as OpeningHours, date).includes(start)) throw new RuleError('这个时间网点不办公，请选列出的时段');
  const startsAt = chinaInstant(date, start);
  if (new Date(startsAt).getTime() < now.getTime() + VISIT_BOOKING_LEAD_MIN * 60_000) throw new RuleError('请预约半小时以后的时段');
  return startsAt;
}

async function openPoint(pointId: string): Promise<StoredPoint> {
  const point = await loadPoint(pointId);
  if (!point || point.status !== 'open') throw new NotFoundError('找不到这个网点，可能已经停止服务');
  return point;
}

/** The half hours of a day for one service, with the places left. */
export async function listSlots(pointId: string, service: ServiceKey, date: string, now = new Date()) {
  const point = await openPoint(pointId);
  const desks = desksFor(point, service);
  const starts = slotStartsOn(point.hours as OpeningHours, date);
  const { Items = [] } = await table
    .build(QueryCommand)
    .entities(VisitSlotEntity)
    .query({ partition: `VISITSLOT#${pointId}#${service}`, range: { between: [chinaInstant(date, '00:00'), chinaInstant(date, '23:59')] } })
    .send();
  const booked = new Map(Items.map((s) => [s.startsAt, s.booked]));
  const today = todayInChina(now);
  const inWindow = date >= today && date <= dayjs(today).add(VISIT_BOOKING_DAYS, 'day').format('YYYY-MM-DD');
  return {
    date,
    closed: starts.length === 0,
    items: starts.map((start) => {
      const startsAt = chinaInstant(date, start);
      const remaining = Math.max(0, desks - (booked.get(startsAt) ?? 0));
      return { start, startsAt, capacity: desks, remaining, bookable: inWindow && remaining > 0 && new Date(startsAt).getTime() >= now.getTime() + VISIT_BOOKING_LEAD_MIN * 60_000 };
    }),
  };
}

async function nextQueueNumber(pointId: string, date: string): Promise<number> {
  const { Attributes } = await QueueCounterEntity.build(UpdateItemCommand)
    .item({ pointId, date, n: $add(1), ttl: ttlAfter(chinaInstant(date, '23:59')) })
    .options({ returnValues: 'ALL_NEW' })
    .send();
  return Attributes?.n ?? 1;
}

const BUSY = '这个时段正有很多人在约，请稍后再试一次';

function explain(err: unknown, diaryFrom: number, diaryCount: number): never {
  const cancelled = cancelledTransaction(err);
  if (!cancelled) throw err;
  if (cancelled.conditionFailed.slice(diaryFrom, diaryFrom + diaryCount).some(Boolean)) throw new ConflictError('您在这个时间已经有别的预约了（办事或面试），请换一个时段');
  if (cancelled.conditionFailed[0]) throw new ConflictError('这个时段已经约满了，请选其他时段');
  // Still colliding with other bookings after every retry: nothing was taken, the person may try again.
  if (cancelled.conflict) throw new ConflictError(BUSY);
  throw err;
}

export async function bookVisit(
  userId: string,
  pointId: string,
  choice: { service: ServiceKey; date: string; start: string },
  options: { bookedBy?: string; now?: Date; record?: RecordAnswer<{ visit: Visit }> } = {},
): Promise<StoredVisit> {
  const { bookedBy, now = new Date(), record } = options;
  const point = await openPoint(pointId);
  const desks = desksFor(point, choice.service);
  const startsAt = checkSlot(point, choice.date, choice.start, now);
  const queueNo = await nextQueueNumber(pointId, choice.date);
  const visitId = ulid(now.getTime());
  const at = now.toISOString();
  const visit: StoredVisit = {
    visitId,
    pointId,
    pointName: point.name,
    pointAddress: point.address,
    pointAreaCode: point.areaCode,
    service: choice.service,
    serviceName: catalogueService(choice.service, todayInChina(now)).name,
    date: choice.date,
    start: choice.start,
    startsAt,
    userId,
    queueNo,
    status: 'booked',
    ...(bookedBy ? { bookedBy } : {}),
    createdAt: at,
    updatedAt: at,
    ...visitIndexKeys({ pointId, date: choice.date, start: choice.start, visitId, userId, startsAt }),
  };
  const diary = holdDiary(visit);
  try {
    await retryConflicts(() =>
      execute(
        takePlace(pointId, choice.service, startsAt, desks),
        ...diary,
        VisitEntity.build(PutTransaction).item(visit).options({ condition: { attr: 'visitId', exists: false } }),
        ...reminderWrites(visit, now),
        ...(record ? [record({ visit: toVisitView(visit) })] : []),
      ),
      24,
    );
  } catch (err) {
    explain(err, 1, diary.length);
  }
  return visit;
}

async function ownVisit(userId: string, visitId: string, now: Date): Promise<StoredVisit> {
  const { Item: visit } = await VisitEntity.build(GetItemCommand).key({ visitId }).options({ consistent: true }).send();
  if (!visit || visit.userId !== userId) throw new NotFoundError('找不到这个预约');
  if (visit.status === 'cancelled') throw new ConflictError('这个预约已经取消了');
  if (visit.status !== 'booked') throw new ConflictError('这个预约已经办理过了');
  if (now.toISOString() >= visit.startsAt) throw new RuleError('预约的时段已经开始，不能再取消或改约');
  return visit;
}

export async function cancelVisit(userId: string, visitId: string, now = new Date()): Promise<StoredVisit> {
  const visit = await ownVisit(userId, visitId, now);
  const next: StoredVisit = { ...visit, status: 'cancelled', updatedAt: now.toISOString() };
  try {
    await retryConflicts(() =>
      execute(
        VisitEntity.build(PutTransaction).item(next).options({ condition: { attr: 'status', eq: 'booked' } }),
        givePlace(visit),
        ...freeDiary(visit),
        ...dropReminders(visit),
      ),
    );
  } catch (err) {
    if (cancelledTransaction(err)?.conditionFailed.some(Boolean)) throw new ConflictError('这个预约刚刚已被取消或办理');
    throw err;
  }
  return next;
}

/** Moves the visit to another half hour of the same service at the same point, all at once. */
export async function moveVisit(userId: string, visitId: string, to: { date: string; start: string }, now = new Date()): Promise<StoredVisit> {
  const visit = await ownVisit(userId, visitId, now);
  if (to.date === visit.date && to.start === visit.start) throw new RuleError('这就是现在预约的时段，请选另一个');
  const point = await openPoint(visit.pointId);
  const desks = desksFor(point, visit.service as ServiceKey);
  const startsAt = checkSlot(point, to.date, to.start, now);
  const queueNo = to.date === visit.date ? visit.queueNo : await nextQueueNumber(visit.pointId, to.date);
  const next: StoredVisit = {
    ...visit,
    date: to.date,
    start: to.start,
    startsAt,
    queueNo,
    updatedAt: now.toISOString(),
    ...visitIndexKeys({ pointId: visit.pointId, date: to.date, start: to.start, visitId, userId, startsAt }),
  };
  const diary = holdDiary(next);
  try {
    await retryConflicts(() =>
      execute(
        takePlace(visit.pointId, visit.service, startsAt, desks),
        ...diary,
        VisitEntity.build(PutTransaction).item(next).options({ condition: { and: [{ attr: 'status', eq: 'booked' }, { attr: 'startsAt', eq: visit.startsAt }] } }),
        givePlace(visit),
        ...freeDiary(visit),
        ...dropReminders(visit),
        ...reminderWrites(next, now),
      ),
    );
  } catch (err) {
    explain(err, 1, diary.length);
  }
  return next;
}

/** The person's visits: those still ahead first (soonest first), then the rest (latest first). */
export async function myVisits(userId: string, now = new Date()): Promise<Visit[]> {
  const { Items = [] } = await table
    .build(QueryCommand)
    .entities(VisitEntity)
    .query({ index: 'gsi2', partition: `USER_VISITS#${userId}` })
    .options({ limit: 100, reverse: true })
    .send();
  const at = now.toISOString();
  const ahead = Items.filter((v) => (v.status === 'booked' || v.status === 'arrived') && v.startsAt >= dayjs(at).subtract(2, 'hour').toISOString()).reverse();
  const rest = Items.filter((v) => !ahead.includes(v));
  return [...ahead, ...rest].map(toVisitView);
}

async function pointInScope(principal: Principal, pointId: string): Promise<StoredPoint> {
  scopeOf(principal);
  const point = await loadPoint(pointId);
  if (!point || !inJurisdiction(point.areaCode, principal.level, principal.areaCode)) throw new NotFoundError('找不到这个网点');
  return point;
}

/** The desk's list for a day (today by default), by half hour and queue number, with who is coming. */
export async function pointVisits(principal: Principal, pointId: string, date?: string, now = new Date()) {
  await pointInScope(principal, pointId);
  const day = date ?? todayInChina(now);
  const visits = (await queryAll((start) =>
    table
      .build(QueryCommand)
      .entities(VisitEntity)
      .query({ index: 'gsi1', partition: `POINT_VISITS#${pointId}#${day}` })
      .options(start ? { exclusiveStartKey: start } : {})
      .send(),
  )) as StoredVisit[];
  const sorted = visits.sort((a, b) => a.start.localeCompare(b.start) || a.queueNo - b.queueNo);
  const items = await mapLimit(sorted, 8, async (v) => {
    const { Item: reg } = await JobseekerRegistrationEntity.build(GetItemCommand).key({ userId: v.userId }).send();
    if (reg && v.status !== 'cancelled') await recordAccess(principal, { personId: v.userId, personName: reg.name, kind: 'visitor', route: 'GET /staff/service-points/{id}/visits' }, now);
    return { visit: toVisitView(v), person: { id: v.userId, name: reg?.name ?? '（未做求职登记）', phone: reg?.phone ?? '' } };
  });
  return { date: day, items };
}

/**
 * The desk marks a visit: arrived, served (then the person may rate it) — also someone who came
 * before their day — or no-show once the half hour has begun.
 */
export async function markVisit(principal: Principal, visitId: string, status: Extract<VisitStatus, 'arrived' | 'served' | 'no_show'>, now = new Date()): Promise<StoredVisit> {
  const { Item: visit } = await VisitEntity.build(GetItemCommand).key({ visitId }).options({ consistent: true }).send();
  scopeOf(principal);
  if (!visit || !inJurisdiction(visit.pointAreaCode, principal.level, principal.areaCode)) throw new NotFoundError('找不到这个预约');
  if (!nextVisitStatuses(visit.status).includes(status)) throw new ConflictError(`这个预约现在是「${visitStatusLabels[visit.status]}」，不能改成「${visitStatusLabels[status]}」`);
  if (status === 'no_show' && now.toISOString() < visit.startsAt) throw new RuleError('预约的时段还没开始，不能记为未到场');
  const next: StoredVisit = { ...visit, status, markedBy: principal.userId, updatedAt: now.toISOString() };
  try {
    await execute(
      VisitEntity.build(PutTransaction).item(next).options({ condition: { attr: 'status', eq: visit.status } }),
      // A visit that ends no longer holds the person's diary (they may book another the same half hour).
      ...(status === 'arrived' ? [] : freeDiary(visit)),
      ...(status === 'arrived' ? [] : dropReminders(visit)),
    );
  } catch (err) {
    if (cancelledTransaction(err)?.conditionFailed[0]) throw new ConflictError('这个预约刚刚已被别人登记过了，请刷新');
    throw err;
  }
  return next;
}
