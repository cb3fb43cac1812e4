// Going to a fair: pre-registration (a special fair only for its group: 422 saying why), the
// day's check-in — a personal code signed like voucher codes (Ed25519), valid on that day only,
// scanned at the gate; or the gate's own code of the day the person scans — once per person per
// day (a conditional write), each move counted on the fair (its public figures), reminders the day before and an hour before, and 我有意向: the registration sent as a CV to a post of an accepted
// booth, marked as from the fair.
import { GetItemCommand } from 'dynamodb-toolbox/entity/actions/get';
import { PutTransaction } from 'dynamodb-toolbox/entity/actions/transactPut';
import { execute } from 'dynamodb-toolbox/entity/actions/transactWrite';
import { QueryCommand } from 'dynamodb-toolbox/table/actions/query';
import { chinaInstant, fairHireWindowEnd, fairRefusal, inJurisdiction, todayInChina, type Fair, type FairKind } from '@doorstep/shared';
import { currentCategories } from '../applications/categories';
import { JobseekerRegistrationEntity, OutboxEntity } from '../db/entities';
import { cancelledTransaction, isConditionFailure } from '../db/errors';
import { outboxItem } from '../notifications/outbox';
import { table } from '../db/table';
import { ConflictError, ForbiddenError, NotFoundError, RuleError } from '../http/errors';
import { scopeOf } from '../http/jurisdiction';
import type { Principal } from '../http/session';
import { apply } from '../jobs/applications';
import { batchRead } from '../db/batchRead';
import { openPayload, signPayload } from '../vouchers/codes';
import { countOnFair, FairAttendeeEntity, FairCheckInEntity, FairIntentEntity, FairRegistrationEntity } from './entities';
import { retryConflicts } from '../concurrency';
import { boothsOf, loadFair, toFairView, type StoredFair } from './fairs';

const onNow = (fair: StoredFair, today: string) => fair.status === 'published' && fair.startDate <= today && today <= fair.endDate;

async function publishedFair(fairId: string, today: string): Promise<StoredFair> {
  const fair = await loadFair(fairId);
  if (!fair || fair.status !== 'published' || fair.endDate < today) throw new NotFoundError('找不到这个招聘会，或它已经结束');
  return fair;
}

export async function registerForFair(userId: string, fairId: string, now = new Date()): Promise<{ fairId: string; registeredAt: string }> {
  const today = todayInChina(now);
  const fair = await publishedFair(fairId, today);
  const { Item: reg } = await JobseekerRegistrationEntity.build(GetItemCommand).key({ userId }).send();
  if (!reg) throw new ForbiddenError('请先做求职登记，再报名招聘会');
  const { categories } = await currentCategories(userId);
  const refusal = fairRefusal(fair.kind as FairKind, { gender: reg.gender, groups: categories.map((c) => c.code), personCategory: reg.personCategory ?? 'general' });
  if (refusal) throw new RuleError(refusal);
  const at = now.toISOString();
  // Reminders the day before and an hour before it opens, for the times still ahead, written with
  // the sign-up (ids of the fair and the person: never two).
  const opens = new Date(chinaInstant(fair.startDate, fair.hours.from)).getTime();
  const reminders = [
    { hours: 24, phrase: '明天招聘会' },
    { hours: 1, phrase: '一小时后开始' },
  ].filter(({ hours }) => opens - hours * 3600_000 > now.getTime());
  try {
    await retryConflicts(() => execute(
      FairRegistrationEntity.build(PutTransaction)
        .item({ fairId, userId, createdAt: at, gsi2pk: `USER_FAIRS#${userId}`, gsi2sk: `${fair.startDate}#${fairId}` })
        .options({ condition: { attr: 'userId', exists: false } }),
      ...reminders.map(({ hours, phrase }) =>
        OutboxEntity.build(PutTransaction)
          .item(
            outboxItem(
              {
                userId,
                template: 'application_update',
                page: `fairs/fair/index?id=${fairId}`,
                data: { thing1: fair.title.slice(0, 20), thing2: (fair.venue?.name ?? '网络招聘会').slice(0, 20), phrase3: phrase, thing4: `${fair.startDate.slice(5)} ${fair.hours.from} 凭签到码入场` },
                at,
                sendAfter: new Date(opens - hours * 3600_000).toISOString(),
              },
              `fair-${fairId}-${userId}-${hours}h`,
            ),
          )
          .options({ condition: { attr: 'messageId', exists: false } }),
      ),
      countOnFair(fairId, { registered: 1 }),
    ));
  } catch (err) {
    if (cancelledTransaction(err)?.conditionFailed[0]) throw new ConflictError('您已经报名了这个招聘会');
    throw err;
  }
  return { fairId, registeredAt: at };
}

export async function myFairs(userId: string): Promise<Fair[]> {
  const { Items = [] } = await table.build(QueryCommand).entities(FairRegistrationEntity).query({ index: 'gsi2', partition: `USER_FAIRS#${userId}` }).options({ limit: 50, reverse: true }).send();
  const fairs = await Promise.all(Items.map((r) => loadFair(r.fairId)));
  return fairs.flatMap((f) => (f ? [toFairView(f)] : []));
}

/** Signed up, checked in today, and which of the fair's posts (`vacancyIds`) she has already sent her CV to. */
export async function fairStateOf(userId: string, fairId: string, vacancyIds: readonly string[], now = new Date()) {
  const today = todayInChina(now);
  const [{ Item: reg }, { Item: checkin }, applied] = await Promise.all([
    FairRegistrationEntity.build(GetItemCommand).key({ fairId, userId }).send(),
    FairCheckInEntity.build(GetItemCommand).key({ fairId, date: today, userId }).send(),
    // Her applicant markers on those posts: one read per post, however many applications she has.
    batchRead<{ vacancyId: string }>(vacancyIds.map((id) => ({ pk: `VACANCY#${id}`, sk: `APPLICANT#${userId}` })), ['vacancyId']),
  ]);
  return { registered: !!reg, checkedInToday: !!checkin, intended: applied.map((m) => m.vacancyId) };
}

// ── Signed codes ────────────────────────────────────────────────────────────────────────────────
type CodePayload = { t: 'fair-person'; f: string; u: string; d: string } | { t: 'fair-gate'; f: string; d: string };

async function verify(code: string): Promise<CodePayload> {
  const p = await openPayload(code);
  const ok = p && typeof p.f === 'string' && typeof p.d === 'string' && ((p.t === 'fair-person' && typeof p.u === 'string') || p.t === 'fair-gate');
  if (!ok) throw new RuleError('这不是这个招聘会的签到码');
  return p as CodePayload;
}

/** The person's code for today, if they pre-registered and the fair is on today. */
export async function personCode(userId: string, fairId: string, now = new Date()): Promise<{ code: string; date: string }> {
  const today = todayInChina(now);
  const fair = await publishedFair(fairId, today);
  if (!onNow(fair, today)) throw new RuleError(`招聘会在${fair.startDate}举办，当天才能出示签到码`);
  const { Item: reg } = await FairRegistrationEntity.build(GetItemCommand).key({ fairId, userId }).send();
  if (!reg) throw new RuleError('请先预约这个招聘会，再出示签到码');
  return { code: await signPayload({ t: 'fair-person', f: fairId, u: userId, d: today }), date: today };
}

/** The gate's code for today (staff of the fair's area print or show it). */
export async function gateCode(principal: Principal, fairId: string, now = new Date()): Promise<{ code: string; date: string }> {
  const today = todayInChina(now);
  scopeOf(principal);
  const fair = await loadFair(fairId);
  if (!fair || !inJurisdiction(fair.areaCode, principal.level, principal.areaCode)) throw new NotFoundError('找不到这个招聘会');
  if (!onNow(fair, today)) throw new RuleError(`招聘会在${fair.startDate}举办，当天才有入口签到码`);
  return { code: await signPayload({ t: 'fair-gate', f: fairId, d: today }), date: today };
}

/**
 * Once per person per day. The first check-in of all the fair's days also writes the person's
 * attendee marker and counts one attendee, in the same transaction; on a later day the marker is
 * there, so the check-in is written alone (not read first: the marker's condition decides).
 */
async function checkIn(fair: StoredFair, userId: string, today: string, how: 'scanned' | 'self', by?: string) {
  const at = new Date().toISOString();
  const put = FairCheckInEntity.build(PutTransaction)
    .item({ fairId: fair.fairId, date: today, userId, at, how, ...(by ? { by } : {}), areaCode: fair.areaCode })
    .options({ condition: { attr: 'userId', exists: false } });
  try {
    await retryConflicts(() =>
      execute(put, FairAttendeeEntity.build(PutTransaction).item({ fairId: fair.fairId, userId, firstAt: at }).options({ condition: { attr: 'userId', exists: false } }), countOnFair(fair.fairId, { attendees: 1 })),
    );
    return;
  } catch (err) {
    const cancelled = cancelledTransaction(err);
    if (cancelled?.conditionFailed[0]) throw new ConflictError('今天已经签到过了');
    if (!cancelled?.conditionFailed[1]) throw err;
  }
  try {
    await retryConflicts(() => execute(put));
  } catch (err) {
    if (isConditionFailure(err)) throw new ConflictError('今天已经签到过了');
    throw err;
  }
}

/** The gate scans a person's code: theirs, for this fair, for today — once. */
export async function scanCheckin(principal: Principal, fairId: string, code: string, now = new Date()) {
  const today = todayInChina(now);
  scopeOf(principal);
  const fair = await loadFair(fairId);
  if (!fair || !inJurisdiction(fair.areaCode, principal.level, principal.areaCode)) throw new NotFoundError('找不到这个招聘会');
  const p = await verify(code);
  if (p.t !== 'fair-person' || p.f !== fairId) throw new RuleError('这不是这个招聘会的签到码');
  if (p.d !== today) throw new RuleError(`这是${p.d}的签到码，今天不能用`);
  await checkIn(fair, p.u, today, 'scanned', principal.userId);
  const { Item: reg } = await JobseekerRegistrationEntity.build(GetItemCommand).key({ userId: p.u }).send();
  return { userId: p.u, name: reg?.name ?? '', date: today };
}

/** A person scans the gate's code of the day. */
export async function selfCheckin(userId: string, fairId: string, gate: string, now = new Date()) {
  const today = todayInChina(now);
  const fair = await publishedFair(fairId, today);
  const p = await verify(gate);
  if (p.t !== 'fair-gate' || p.f !== fairId) throw new RuleError('这不是这个招聘会的入口签到码');
  if (p.d !== today) throw new RuleError(`这是${p.d}的入口签到码，今天不能用`);
  await checkIn(fair, userId, today, 'self');
  return { date: today };
}

/** 我有意向: a post of an accepted booth of this fair; the application remembers the fair. */
export async function intention(userId: string, fairId: string, vacancyId: string, now = new Date()) {
  const today = todayInChina(now);
  const fair = await publishedFair(fairId, today);
  const booths = await boothsOf(fairId);
  if (!booths.some((b) => b.status === 'accepted' && b.vacancyIds.includes(vacancyId))) throw new NotFoundError('这个招聘会上没有这个岗位');
  const application = await apply(userId, vacancyId, undefined, {
    fairId,
    hireBy: fairHireWindowEnd(fair.endDate),
    also: (a) => [
      FairIntentEntity.build(PutTransaction).item({ fairId, applicationId: a.applicationId, vacancyId, employerId: a.employerId, createdAt: a.createdAt }),
      countOnFair(fairId, { intentions: 1 }),
    ],
  });
  return { applicationId: application.id };
}
