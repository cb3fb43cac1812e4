// 零就业家庭 (issue 31, WF-26, domain.md §4.2). A registered unemployed resident applies for the
// household; the four conditions are checked first (households.ts), each member's ID number is
// claimed for this household (one household at a time), and the street then the district decide
// in the review queue. Recognised, the household is "at zero" until a member works; every change
// of a member's work — an employment registration or a new unemployment registration of a member
// with an account (in that change's own transaction), or staff recording it for one without —
// moves it off or back to zero, and back at zero the street has a 动态清零 task.
import { GetItemCommand } from 'dynamodb-toolbox/entity/actions/get';
import { PutTransaction } from 'dynamodb-toolbox/entity/actions/transactPut';
import { DeleteTransaction } from 'dynamodb-toolbox/entity/actions/transactDelete';
import { execute } from 'dynamodb-toolbox/entity/actions/transactWrite';
import type { TransactionWrite } from '../db/transaction';
import { QueryCommand } from 'dynamodb-toolbox/table/actions/query';
import type { FormattedItem } from 'dynamodb-toolbox/entity';
import { ulid } from 'ulid';
import {
  ERASED_PERSON_LABEL,
  addCalendarDays,
  householdRelationLabels,
  isLabour,
  parseIdNumber,
  householdStatusLabels,
  isWorking,
  maskIdNumber,
  memberActivityLabels,
  rulesOn,
  rulesVersion,
  streetOf,
  todayInChina,
  uploadOwner,
  zeroEmploymentCheck,
  type Household,
  type HouseholdBody,
  type HouseholdMemberFacts,
  type HouseholdRelation,
  type MemberActivity,
} from '@doorstep/shared';
import { recordAccess } from '../access/log';
import { activeCategory, loadCategories } from '../applications/categories';
import { areaFullName } from '../areas/dataset';
import { batchRead } from '../db/batchRead';
import { decodeKeyCursor, encodeKeyCursor } from '../db/cursor';
import { JobseekerRegistrationEntity } from '../db/entities';
import { cancelledTransaction, isConditionFailure } from '../db/errors';
import { table } from '../db/table';
import { getDependencies } from '../deps';
import { ConflictError, NotFoundError, ValidationError } from '../http/errors';
import { scopeOf } from '../http/jurisdiction';
import type { Principal } from '../http/session';
import { newReview, type Decision } from '../reviews/queue';
import { closeTask, openTask } from '../tasks/tasks';
import { viewUrls } from '../uploads/store';
import { HouseholdEntity, HouseholdMemberEntity, PersonHouseholdEntity, householdAreaKeys } from './entities';

type StoredHousehold = FormattedItem<typeof HouseholdEntity>;
type StoredMember = StoredHousehold['members'][number];

export function toHouseholdView(h: StoredHousehold, today = todayInChina()): Household {
  const rules = rulesVersion(h.ruleVersion);
  return {
    id: h.householdId,
    applicantName: h.applicantName,
    areaCode: h.areaCode,
    areaName: areaFullName(h.areaCode),
    urbanRegister: h.urbanRegister,
    members: h.members.map((m) => ({
      name: m.name,
      idNumberMasked: m.idNumberMasked,
      relation: m.relation,
      relationName: householdRelationLabels[m.relation as HouseholdRelation] ?? m.relation,
      activity: m.activity as MemberActivity,
      activityName: memberActivityLabels[m.activity as MemberActivity],
      ableToWork: m.ableToWork,
      willingToWork: m.willingToWork,
      stableIncome: m.stableIncome,
      labour: labour(rules, m, today),
    })),
    status: h.status,
    statusName: householdStatusLabels[h.status],
    ...(h.reason ? { reason: h.reason } : {}),
    atZero: h.status === 'recognised' && h.atZero,
    ...(h.zeroSince ? { zeroSince: h.zeroSince } : {}),
    ...(h.leftZeroOn ? { leftZeroOn: h.leftZeroOn } : {}),
    ...(h.clear && h.atZero ? { clearBy: h.clear.due } : {}),
    createdAt: h.createdAt,
    version: h.version,
  };
}

const labour = (rules: ReturnType<typeof rulesVersion>, m: StoredMember, on: string) => isLabour(rules, { birthDate: m.birthDate, gender: m.gender, activity: m.activity as MemberActivity }, on);

/** Where a failed condition about member `i` (0: the applicant) is shown on the form. */
function unmetPath(condition: number, member: number | undefined): (string | number)[] {
  if (condition === 4) return ['urbanRegister'];
  if (member === undefined) return ['members'];
  const field = condition === 1 ? 'activity' : condition === 2 ? 'ableToWork' : 'stableIncome';
  return member === 0 ? (condition === 3 ? ['selfStableIncome'] : []) : ['members', member - 1, field];
}

/** The resident applies for their household: checked, members claimed, into the street's queue. */
export async function applyForHousehold(principal: Principal, body: HouseholdBody, now = new Date()): Promise<Household> {
  const today = todayInChina(now);
  const { Item: reg } = await JobseekerRegistrationEntity.build(GetItemCommand).key({ userId: principal.userId }).options({ consistent: true }).send();
  if (!reg) throw new ConflictError('请先填写求职登记，再申请零就业家庭认定');
  if (!activeCategory(await loadCategories(principal.userId), 'registered_unemployed', today)) {
    throw new ConflictError('零就业家庭须由登记失业人员申请，请先办理失业登记');
  }
  body.evidenceKeys.forEach((key, i) => {
    if (uploadOwner(key) !== principal.userId) throw new ValidationError([{ path: ['evidenceKeys', i], message: '证明材料图片无效，请重新上传' }]);
  });
  const ids = getDependencies().idNumbers;
  const selfId = ids.decrypt(reg.idNumberCipher);
  const all: (HouseholdMemberFacts & { relation: string })[] = [
    { name: reg.name, idNumber: selfId, relation: 'self', activity: 'unemployed', ableToWork: true, willingToWork: true, stableIncome: body.selfStableIncome },
    ...body.members.map((m) => ({ ...m, idNumber: m.idNumber.trim().toUpperCase() })),
  ];
  const seen = new Map<string, number>();
  all.forEach((m, i) => {
    if (seen.has(m.idNumber)) throw new ValidationError([{ path: i === 0 ? [] : ['members', i - 1, 'idNumber'], message: i === 0 || seen.get(m.idNumber) === 0 ? '不用填写您本人，只填其他家庭成员' : '与其他成员的身份证号重复' }]);
    seen.set(m.idNumber, i);
  });
  const rules = rulesOn(today);
  const check = zeroEmploymentCheck({ urbanRegister: body.urbanRegister, members: all }, rules, today);
  if (!check.ok) {
    throw new ValidationError(
      check.unmet.map((u) => ({ path: unmetPath(u.condition, u.member), message: u.message })),
      `不符合零就业家庭的条件：${check.unmet.map((u) => u.message).join('；')}`,
    );
  }
  const hashes = all.map((m) => ids.blindIndex(m.idNumber));
  // Members who have an account: their own employment changes will find the household.
  const claims = await batchRead<{ pk: string; userId: string }>(hashes.map((h) => ({ pk: `IDNUMBER#${h}`, sk: 'CLAIM' })), ['pk', 'userId'], true);
  const accountOf = new Map(claims.map((c) => [c.pk.slice('IDNUMBER#'.length), c.userId]));
  accountOf.set(hashes[0]!, principal.userId);
  const at = now.toISOString();
  const householdId = ulid();
  const members: StoredMember[] = all.map((m, i) => {
    const born = parseIdNumber(m.idNumber, today);
    if (!born.ok) throw new ValidationError([{ path: ['members', i - 1, 'idNumber'], message: '身份证号不正确' }]);
    return {
    name: m.name,
    idNumberCipher: ids.encrypt(m.idNumber),
    idNumberHash: hashes[i]!,
    idNumberMasked: maskIdNumber(m.idNumber),
    birthDate: born.value.birthDate,
    gender: born.value.gender,
    relation: m.relation,
    activity: m.activity,
    ableToWork: m.ableToWork,
    willingToWork: m.willingToWork,
    stableIncome: m.stableIncome,
    ...(accountOf.has(hashes[i]!) ? { userId: accountOf.get(hashes[i]!)! } : {}),
    };
  });
  const h: StoredHousehold = {
    householdId,
    applicantId: principal.userId,
    applicantName: reg.name,
    areaCode: reg.residence.areaCode,
    urbanRegister: body.urbanRegister,
    members,
    evidenceKeys: body.evidenceKeys,
    status: 'pending_street',
    ruleVersion: rules.version,
    atZero: false,
    version: 1,
    createdAt: at,
    updatedAt: at,
    ...householdAreaKeys(reg.residence.areaCode, at, householdId),
  };
  const users = [...new Set(members.flatMap((m) => (m.userId ? [m.userId] : [])))];
  try {
    await execute(
      ...members.map((m) => HouseholdMemberEntity.build(PutTransaction).item({ idNumberHash: m.idNumberHash, householdId }).options({ condition: { attr: 'householdId', exists: false } })),
      HouseholdEntity.build(PutTransaction).item(h).options({ condition: { attr: 'householdId', exists: false } }),
      ...users.map((userId) => PersonHouseholdEntity.build(PutTransaction).item({ userId, householdId, createdAt: at })),
      ...newReview({ reviewId: ulid(), type: 'household', subjectId: householdId, subjectName: `${reg.name}家（${members.length}人）`, personId: principal.userId, areaCode: h.areaCode, step: 'street', createdAt: at }),
    );
  } catch (err) {
    const taken = cancelledTransaction(err)?.conditionFailed.slice(0, members.length).findIndex(Boolean) ?? -1;
    if (taken >= 0) throw new ConflictError(taken === 0 ? '您已在一户零就业家庭的申请或认定中' : `${members[taken]!.name}已在另一户零就业家庭的申请或认定中`);
    throw err;
  }
  return toHouseholdView(h, today);
}

async function loadHousehold(householdId: string): Promise<StoredHousehold | undefined> {
  const { Item } = await HouseholdEntity.build(GetItemCommand).key({ householdId }).options({ consistent: true }).send();
  return Item;
}

/**
 * The review queue's decision on a household (reviews/service.ts): the street's approval forwards
 * it to the district; the district's recognises it, at zero from today; a refusal frees its members.
 */
export async function householdDecision({ review, status, at, reason }: Decision): Promise<TransactionWrite[]> {
  const h = await loadHousehold(review.subjectId);
  if (!h) throw new NotFoundError('找不到这条申请');
  const expected = review.step === 'street' ? 'pending_street' : 'pending_district';
  if (h.status !== expected) throw new ConflictError('这条申请已经处理过了');
  const guard = { condition: { attr: 'version' as const, eq: h.version } };
  const base = { ...h, version: h.version + 1, updatedAt: at };
  if (status === 'rejected') {
    return [
      HouseholdEntity.build(PutTransaction).item({ ...base, status: 'rejected', ...(reason ? { reason } : {}) }).options(guard),
      ...h.members.map((m) => HouseholdMemberEntity.build(DeleteTransaction).key({ idNumberHash: m.idNumberHash })),
    ];
  }
  if (review.step === 'street') {
    return [
      HouseholdEntity.build(PutTransaction).item({ ...base, status: 'pending_district' }).options(guard),
      ...newReview({ reviewId: ulid(), type: 'household', subjectId: h.householdId, subjectName: review.subjectName, personId: h.applicantId, areaCode: h.areaCode, step: 'district', createdAt: at }),
    ];
  }
  return [HouseholdEntity.build(PutTransaction).item({ ...base, status: 'recognised', atZero: true, zeroSince: todayInChina(new Date(at)) }).options(guard)];
}

/**
 * A member's work changed: the household's new state, and the street's 动态清零 task opened (back
 * at zero) or closed (a member works again). Nothing when a recognised household's state does not
 * move. Guarded by the household's version, so a change is applied once.
 */
function workChange(h: StoredHousehold, memberIndex: number, activity: MemberActivity, by: string, now: Date): TransactionWrite[] {
  const at = now.toISOString();
  const today = todayInChina(now);
  const members = h.members.map((m, i) => (i === memberIndex ? { ...m, activity } : m));
  const next: StoredHousehold = { ...h, members, version: h.version + 1, updatedAt: at };
  const writes: TransactionWrite[] = [];
  if (h.status === 'recognised') {
    const rules = rulesVersion(h.ruleVersion);
    const working = members.some((m) => isWorking(m.activity as MemberActivity) && labour(rules, m, today));
    if (h.atZero && working) {
      next.atZero = false;
      next.leftZeroOn = today;
      if (h.clear) writes.push(closeTask(h.clear, by, at, `${h.members[memberIndex]!.name}已就业`));
      next.clear = undefined;
    } else if (!h.atZero && !working) {
      next.atZero = true;
      next.zeroSince = today;
      const clear = { taskId: ulid(), areaCode: streetOf(h.areaCode), due: addCalendarDays(today, rulesOn(today).zeroEmployment.clearWithinDays) };
      writes.push(openTask({ kind: 'household_clear', detail: `${h.applicantName}家（${areaFullName(h.areaCode)}）又成为零就业家庭`, subjectType: 'household', subjectId: h.householdId, today, at, personId: h.applicantId, ...clear }));
      next.clear = clear;
    }
  }
  return [HouseholdEntity.build(PutTransaction).item(next).options({ condition: { attr: 'version', eq: h.version } }), ...writes];
}

/**
 * A person with an account starts or stops work (applications: the employment registration, or
 * an approved unemployment registration), in that change's transaction: every household they
 * are a member of follows.
 */
export async function memberWorkWrites(userId: string, activity: 'employed' | 'unemployed', now: Date): Promise<TransactionWrite[]> {
  const { Items = [] } = await table.build(QueryCommand).entities(PersonHouseholdEntity).query({ partition: `USER#${userId}`, range: { beginsWith: 'HOUSEHOLD#' } }).options({ consistent: true }).send();
  const writes: TransactionWrite[] = [];
  for (const p of Items) {
    const h = await loadHousehold(p.householdId);
    const index = h ? h.members.findIndex((m) => m.userId === userId) : -1;
    if (!h || index < 0 || h.status === 'rejected' || h.members[index]!.activity === activity) continue;
    writes.push(...workChange(h, index, activity, userId, now));
  }
  return writes;
}

function visibleTo(principal: Principal, h: StoredHousehold): boolean {
  return h.areaCode.startsWith(scopeOf(principal));
}

async function householdFor(principal: Principal, id: string): Promise<StoredHousehold> {
  const h = await loadHousehold(id);
  if (!h || !visibleTo(principal, h)) throw new NotFoundError('找不到这户家庭');
  return h;
}

/** Staff record a member (one without an account, usually) finding or losing work. */
export async function recordMemberActivity(principal: Principal, id: string, index: number, body: { activity: MemberActivity; version: number }, now = new Date()): Promise<Household> {
  const h = await householdFor(principal, id);
  if (h.status !== 'recognised') throw new ConflictError('认定后才能记录成员的就业变化');
  if (!h.members[index]) throw new NotFoundError('这户家庭没有这位成员');
  if (h.version !== body.version) throw new ConflictError('这户家庭的情况已被他人更新，请刷新后再试');
  const writes = workChange(h, index, body.activity, principal.userId, now);
  try {
    await execute(...writes);
  } catch (err) {
    if (isConditionFailure(err)) throw new ConflictError('这户家庭的情况已被他人更新，请刷新后再试');
    throw err;
  }
  return toHouseholdView((await loadHousehold(id))!, todayInChina(now));
}

/** 零就业家庭台账: the area's households, newest first, 20 a page; atZero picks those still (or no longer) at zero. */
export async function listHouseholds(principal: Principal, query: { atZero?: 'true' | 'false'; cursor?: string }) {
  const scope = scopeOf(principal);
  const partition = `HOUSEHOLDS#${scope.slice(0, 4)}`;
  const start = decodeKeyCursor(query.cursor, 'gsi1', partition);
  const page = await table
    .build(QueryCommand)
    .entities(HouseholdEntity)
    .query({ index: 'gsi1', partition, range: { beginsWith: scope } })
    .options({
      reverse: true,
      limit: 20,
      ...(query.atZero ? { filters: { Household: { and: [{ attr: 'status', eq: 'recognised' }, { attr: 'atZero', eq: query.atZero === 'true' }] } } } : {}),
      ...(start ? { exclusiveStartKey: start } : {}),
    })
    .send();
  const today = todayInChina();
  return { items: (page.Items ?? []).map((h) => toHouseholdView(h, today)), ...(page.LastEvaluatedKey ? { nextCursor: encodeKeyCursor(page.LastEvaluatedKey) } : {}) };
}

export async function getHousehold(principal: Principal, id: string, route: string) {
  const h = await householdFor(principal, id);
  const [evidence] = await Promise.all([viewUrls(h.evidenceKeys), recordAccess(principal, { personId: h.applicantId, personName: h.applicantName, kind: 'household', route })]);
  return { household: toHouseholdView(h), evidence };
}

/** The household the person applied for or belongs to, newest first. */
export async function myHousehold(userId: string) {
  const { Items = [] } = await table.build(QueryCommand).entities(PersonHouseholdEntity).query({ partition: `USER#${userId}`, range: { beginsWith: 'HOUSEHOLD#' } }).options({ consistent: true, reverse: true, limit: 1 }).send();
  const h = Items[0] && (await loadHousehold(Items[0].householdId));
  return { household: h ? toHouseholdView(h) : undefined };
}

/** 我的数据: the households the person is in, members' ID numbers masked only. */
export async function householdsForExport(householdIds: readonly string[]): Promise<Record<string, unknown>[]> {
  const found = await Promise.all(householdIds.map(loadHousehold));
  return found.flatMap((h) => (h ? [{ ...toHouseholdView(h), evidenceKeys: h.evidenceKeys }] : []));
}

/**
 * Erasure of a closed account: in each household the person is in, their entry keeps only its
 * relation and work (for the counts); name and ID number go, and their ID number is free again.
 */
export async function erasePersonFromHouseholds(userId: string, householdIds: readonly string[], at: string): Promise<void> {
  for (const id of householdIds) {
    for (let attempt = 0; attempt < 5; attempt += 1) {
      const h = await loadHousehold(id);
      if (!h) break;
      const mine = h.members.filter((m) => m.userId === userId);
      // The household's state (at zero or not, since when) stays for the counts.
      const members = h.members.map((m) => (m.userId === userId ? { ...m, name: ERASED_PERSON_LABEL, idNumberCipher: '', idNumberMasked: '', idNumberHash: '', birthDate: '', userId: undefined } : m));
      try {
        await execute(
          HouseholdEntity.build(PutTransaction)
            .item({ ...h, members, ...(h.applicantId === userId ? { applicantName: ERASED_PERSON_LABEL, evidenceKeys: [] } : {}), version: h.version + 1, updatedAt: at })
            .options({ condition: { attr: 'version', eq: h.version } }),
          ...mine.filter((m) => m.idNumberHash).map((m) => HouseholdMemberEntity.build(DeleteTransaction).key({ idNumberHash: m.idNumberHash })),
        );
        break;
      } catch (err) {
        if (!cancelledTransaction(err)) throw err;
      }
    }
  }
}

