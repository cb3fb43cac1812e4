// Vacancies: posted by members of an approved employer, reviewed by the street of the work
// address (with discriminatory requirements flagged), and found near home by geohash ranges.
import { GetItemCommand } from 'dynamodb-toolbox/entity/actions/get';
import { PutTransaction } from 'dynamodb-toolbox/entity/actions/transactPut';
import { execute } from 'dynamodb-toolbox/entity/actions/transactWrite';
import { QueryCommand } from 'dynamodb-toolbox/table/actions/query';
import type { FormattedItem } from 'dynamodb-toolbox/entity';
import type { TransactionWrite } from '../db/transaction';
import { ulid } from 'ulid';
import {
  ageOn,
  discriminationFlags,
  inJurisdiction,
  NEARBY_MAX_KM,
  scoreMatch,
  todayInChina,
  VACANCY_FIELDS_WITHOUT_REVIEW,
  vacancySchema,
  type Education,
  type NearbyItem,
  type QualificationLevel,
  type SeekerProfile,
  type Shift,
  type Vacancy,
  type VacancyBody,
  type VacancyPatch,
  type VacancySummary,
  type z,
  type nearbyQuerySchema,
} from '@doorstep/shared';
import { areaFullName, isKnownArea } from '../areas/dataset';
import { formatAuditHead, nextAuditEvent, parseAuditHead } from '../audit/events';
import { EmployerEntity, EmployerMemberEntity, JobseekerRegistrationEntity, VacancyEntity, employerVacanciesKeys, vacancyApplicantsPartition } from '../db/entities';
import { table } from '../db/table';
import { decodeKeyCursor, encodeKeyCursor } from '../db/cursor';
import { cancelledTransaction } from '../db/errors';
import { badCursor, cardOf, decodeCursor, decodeDistanceCursor, deleteCard, encodeCursor, encodeDistanceCursor, nearestCards, putCard, summaryOf, type Candidate, type StoredCard } from './search';
import { ConflictError, NotFoundError, ValidationError } from '../http/errors';
import type { Principal } from '../http/session';
import { newReview, type Decision } from '../reviews/queue';

type StoredVacancy = FormattedItem<typeof VacancyEntity>;
const RECORD = 'Vacancy';

export const bodyOf = (item: StoredVacancy) => JSON.parse(item.bodyJson) as VacancyBody;

export function toVacancyView(item: StoredVacancy, today = todayInChina()): Vacancy {
  const body = bodyOf(item);
  return vacancySchema.parse({
    ...body,
    id: item.vacancyId,
    employerName: item.employerName,
    workplace: { ...body.workplace, areaName: areaFullName(body.workplace.areaCode) },
    status: item.status,
    flags: JSON.parse(item.flagsJson),
    ...(item.reviewReason ? { reviewReason: item.reviewReason } : {}),
    expired: item.recruitUntil < today,
    version: item.version,
    createdAt: item.createdAt,
    updatedAt: item.updatedAt,
  });
}

export async function createVacancy(userId: string, body: VacancyBody): Promise<Vacancy> {
  const [{ Item: member }, { Item: employer }] = await Promise.all([
    EmployerMemberEntity.build(GetItemCommand).key({ employerId: body.employerId, userId }).send(),
    EmployerEntity.build(GetItemCommand).key({ employerId: body.employerId }).send(),
  ]);
  if (!member || !employer) throw new NotFoundError('找不到这个单位');
  if (employer.status !== 'approved') throw new ConflictError('单位审核通过后才能发布岗位');
  if (!isKnownArea(body.workplace.areaCode)) {
    throw new ValidationError([{ path: ['workplace', 'areaCode'], message: '没有这个社区（村），请从列表中选择' }]);
  }
  const flags = discriminationFlags({
    title: body.title,
    occupationName: body.occupationName,
    'requirements.major': body.requirements.major,
    'requirements.other': body.requirements.other,
    'pay.benefits': body.pay.benefits,
  });
  const vacancyId = ulid();
  const now = new Date().toISOString();
  const audit = nextAuditEvent(undefined, { recordType: RECORD, recordId: vacancyId, actorId: userId, at: now, action: 'create', fromState: 'none', toState: 'pending_review' });
  const item = {
    vacancyId,
    employerId: body.employerId,
    employerName: employer.name,
    bodyJson: JSON.stringify(body),
    status: 'pending_review' as const,
    flagsJson: JSON.stringify(flags),
    areaCode: body.workplace.areaCode,
    lat: body.workplace.lat,
    lng: body.workplace.lng,
    recruitFrom: body.time.recruitFrom,
    recruitUntil: body.time.recruitUntil,
    createdAt: now,
    updatedAt: now,
    version: 1,
    auditHead: formatAuditHead(audit.head),
    gsi1pk: `VACANCY#${body.workplace.areaCode.slice(0, 6)}`,
    gsi1sk: `${body.workplace.areaCode}#${vacancyId}`,
    ...employerVacanciesKeys(body.employerId, now, vacancyId),
  };
  await execute(
    VacancyEntity.build(PutTransaction).item(item).options({ condition: { attr: 'vacancyId', exists: false } }),
    audit.put,
    ...newReview({
      reviewId: ulid(),
      type: 'vacancy',
      subjectId: vacancyId,
      subjectName: `${employer.name} · ${body.title}`,
      areaCode: body.workplace.areaCode,
      step: 'street',
      createdAt: now,
    }),
  );
  return toVacancyView(item);
}

export async function loadVacancy(vacancyId: string) {
  const { Item } = await VacancyEntity.build(GetItemCommand).key({ vacancyId }).options({ consistent: true }).send();
  return Item;
}

const isOpen = (v: StoredVacancy, today = todayInChina()) => v.status === 'published' && v.recruitFrom <= today && v.recruitUntil >= today;

/** A published, current vacancy is anyone's to see; otherwise its members' and its street's staff. */
export async function getVacancy(principal: Principal, vacancyId: string): Promise<Vacancy> {
  const item = await loadVacancy(vacancyId);
  if (!item) throw new NotFoundError('找不到这个岗位');
  if (isOpen(item)) return toVacancyView(item);
  const { Item: member } = await EmployerMemberEntity.build(GetItemCommand).key({ employerId: item.employerId, userId: principal.userId }).send();
  const staffSees = principal.roles.includes('staff') && inJurisdiction(item.areaCode, principal.level, principal.areaCode);
  if (!member && !staffSees) throw new NotFoundError('找不到这个岗位');
  return toVacancyView(item);
}

/** The search card's write for a change of status or content: put while published, delete otherwise. */
function cardWrites(before: StoredVacancy, after: { status: StoredVacancy['status']; bodyJson: string }) {
  const writes: TransactionWrite[] = [];
  const wasPublished = before.status === 'published';
  const oldCard = cardOf({ vacancyId: before.vacancyId, employerName: before.employerName, body: bodyOf(before) });
  const newCard = cardOf({ vacancyId: before.vacancyId, employerName: before.employerName, body: JSON.parse(after.bodyJson) as VacancyBody });
  const moved = oldCard.cell !== newCard.cell || oldCard.hash !== newCard.hash;
  if (wasPublished && (after.status !== 'published' || moved)) writes.push(deleteCard(oldCard));
  if (after.status === 'published') writes.push(putCard(newCard));
  return writes;
}

function transition(
  item: StoredVacancy,
  status: StoredVacancy['status'],
  actorId: string,
  at: string,
  action: string,
  opts: { reason?: string; bodyJson?: string; changedFields?: string[]; flagsJson?: string } = {},
) {
  const { reason, changedFields } = opts;
  const audit = nextAuditEvent(parseAuditHead(item.auditHead), {
    recordType: RECORD,
    recordId: item.vacancyId,
    actorId,
    at,
    action,
    fromState: item.status,
    toState: status,
    ...(reason ? { reason } : {}),
    ...(changedFields ? { changedFields } : {}),
  });
  const bodyJson = opts.bodyJson ?? item.bodyJson;
  const body = JSON.parse(bodyJson) as VacancyBody;
  const { reviewReason: _r, ...rest } = item;
  const next = {
    ...rest,
    bodyJson,
    ...(opts.flagsJson ? { flagsJson: opts.flagsJson } : {}),
    areaCode: body.workplace.areaCode,
    lat: body.workplace.lat,
    lng: body.workplace.lng,
    recruitFrom: body.time.recruitFrom,
    recruitUntil: body.time.recruitUntil,
    gsi1pk: `VACANCY#${body.workplace.areaCode.slice(0, 6)}`,
    gsi1sk: `${body.workplace.areaCode}#${item.vacancyId}`,
    status,
    ...(reason && status === 'rejected' ? { reviewReason: reason } : {}),
    updatedAt: at,
    version: item.version + 1,
    auditHead: formatAuditHead(audit.head),
  };
  return {
    next,
    writes: <TransactionWrite[]>[
      VacancyEntity.build(PutTransaction)
        .item(next)
        .options({ condition: { and: [{ attr: 'version', eq: item.version }, { attr: 'status', eq: item.status }] } }),
      audit.put,
      ...cardWrites(item, next),
    ],
  };
}

async function loadForMember(userId: string, vacancyId: string) {
  const item = await loadVacancy(vacancyId);
  const member = item && (await EmployerMemberEntity.build(GetItemCommand).key({ employerId: item.employerId, userId }).send()).Item;
  if (!item || !member) throw new NotFoundError('找不到这个岗位');
  return item;
}

async function commit(writes: TransactionWrite[]) {
  try {
    await execute(...writes);
  } catch (err) {
    if (cancelledTransaction(err)) throw new ConflictError('岗位刚刚被修改，请刷新后再试');
    throw err;
  }
}

export async function closeVacancy(userId: string, vacancyId: string): Promise<Vacancy> {
  const item = await loadForMember(userId, vacancyId);
  if (item.status === 'closed' || item.status === 'rejected') throw new ConflictError('这个岗位已经不在招聘了');
  const { next, writes } = transition(item, 'closed', userId, new Date().toISOString(), 'close');
  await commit(writes);
  return toVacancyView(next);
}

const flagsOf = (body: VacancyBody) =>
  discriminationFlags({
    title: body.title,
    occupationName: body.occupationName,
    'requirements.major': body.requirements.major,
    'requirements.other': body.requirements.other,
    'pay.benefits': body.pay.benefits,
  });

/**
 * An edit, a pause or a resumption. Extending the period or changing the headcount applies at
 * once; any other change to a vacancy that was reviewed sends it back to its street (a new review
 * item, out of search until approved).
 */
export async function updateVacancy(userId: string, vacancyId: string, patch: VacancyPatch): Promise<{ vacancy: Vacancy; needsReview: boolean }> {
  const item = await loadForMember(userId, vacancyId);
  if (item.version !== patch.version) throw new ConflictError('岗位刚刚被同事修改过，请刷新后再改');
  if (item.status === 'closed') throw new ConflictError('岗位已招满关闭，请重新发布一个岗位');
  const now = new Date().toISOString();

  if (patch.status) {
    const allowed = patch.status === 'paused' ? item.status === 'published' : item.status === 'paused';
    if (!allowed) throw new ConflictError(patch.status === 'paused' ? '只有招聘中的岗位可以暂停' : '只有已暂停的岗位可以恢复招聘');
    const { next, writes } = transition(item, patch.status, userId, now, patch.status === 'paused' ? 'pause' : 'resume');
    await commit(writes);
    return { vacancy: toVacancyView(next), needsReview: false };
  }

  const { version: _v, status: _s, ...changes } = patch;
  const before = bodyOf(item);
  const body: VacancyBody = { ...before, ...changes };
  const changedFields = Object.keys(changes).filter((k) => JSON.stringify(before[k as keyof VacancyBody]) !== JSON.stringify(body[k as keyof VacancyBody]));
  if (changedFields.length === 0) return { vacancy: toVacancyView(item), needsReview: false };
  if (changes.workplace && !isKnownArea(changes.workplace.areaCode)) {
    throw new ValidationError([{ path: ['workplace', 'areaCode'], message: '没有这个社区（村），请从列表中选择' }]);
  }
  // A refused vacancy goes back to the street with any change; a reviewed one with any change
  // beyond the period and the headcount.
  const needsReview =
    item.status === 'rejected' || (item.status !== 'pending_review' && changedFields.some((f) => !(VACANCY_FIELDS_WITHOUT_REVIEW as readonly string[]).includes(f)));
  const status = needsReview ? 'pending_review' : item.status;
  const employer = (await EmployerEntity.build(GetItemCommand).key({ employerId: item.employerId }).send()).Item;
  const { next, writes } = transition(item, status, userId, now, needsReview ? 'edit_resubmit' : 'edit', {
    bodyJson: JSON.stringify(body),
    flagsJson: JSON.stringify(flagsOf(body)),
    changedFields,
  });
  if (needsReview) {
    writes.push(
      ...newReview({
        reviewId: ulid(),
        type: 'vacancy',
        subjectId: vacancyId,
        subjectName: `${employer?.name ?? item.employerName} · ${body.title}`,
        areaCode: body.workplace.areaCode,
        step: 'street',
        createdAt: now,
      }),
    );
  }
  await commit(writes);
  return { vacancy: toVacancyView(next), needsReview };
}

/** What a street's decision on a vacancy changes: published (searchable) or rejected with the reason. */
export async function vacancyDecision({ review, status, actorId, at, reason }: Decision) {
  const item = await loadVacancy(review.subjectId);
  if (!item) throw new NotFoundError('找不到这条申请');
  if (item.status !== 'pending_review') throw new ConflictError('这条申请已经处理过了');
  return transition(item, status === 'approved' ? 'published' : 'rejected', actorId, at, status === 'approved' ? 'approve' : 'reject', { reason: reason || undefined }).writes;
}

/** An employer's vacancies, newest first, for its members. */
export async function employerVacancies(userId: string, employerId: string, cursor?: string) {
  const { Item: member } = await EmployerMemberEntity.build(GetItemCommand).key({ employerId, userId }).send();
  if (!member) throw new NotFoundError('找不到这个单位');
  const partition = employerVacanciesKeys(employerId, '', '').gsi2pk;
  const exclusiveStartKey = decodeKeyCursor(cursor, 'gsi2', partition);
  const { Items = [], LastEvaluatedKey } = await table
    .build(QueryCommand)
    .entities(VacancyEntity)
    .query({ index: 'gsi2', partition })
    .options({ reverse: true, limit: 20, ...(exclusiveStartKey ? { exclusiveStartKey } : {}) })
    .send();
  const today = todayInChina();
  const counts = await Promise.all(Items.map((v) => countApplicants(v.vacancyId)));
  return {
    items: Items.map((v, k) => ({ ...toVacancyView(v, today), applicantCount: counts[k] })),
    ...(LastEvaluatedKey ? { nextCursor: encodeKeyCursor(LastEvaluatedKey) } : {}),
  };
}

/** How many people applied for a vacancy. */
async function countApplicants(vacancyId: string): Promise<number> {
  const { Count = 0 } = await table
    .build(QueryCommand)
    .query({ index: 'gsi1', partition: vacancyApplicantsPartition(vacancyId) })
    .options({ select: 'COUNT' })
    .send();
  return Count;
}

type NearbyQuery = z.infer<typeof nearbyQuerySchema>;

/** What matching needs of a registration, as stored (the registration item, or a seeker's search card). */
export interface StoredSeekerFields {
  birthDate: string;
  education: string;
  yearsOfExperience: number;
  qualificationLevel?: string;
  intention: { occupations: string[]; minMonthlySalaryFen: number; maxDistanceKm: number; shift: string };
}

export function toSeekerProfile(stored: StoredSeekerFields, today = todayInChina()): SeekerProfile {
  return {
    age: ageOn(stored.birthDate, today),
    education: stored.education as Education,
    yearsOfExperience: stored.yearsOfExperience,
    ...(stored.qualificationLevel ? { qualificationLevel: stored.qualificationLevel as QualificationLevel } : {}),
    intention: { ...stored.intention, shift: stored.intention.shift as Shift },
  };
}

/** The matching profile of a person's job-seeker registration, if they have one. */
export async function seekerProfileOf(userId: string, today = todayInChina()) {
  const { Item: registration } = await JobseekerRegistrationEntity.build(GetItemCommand).key({ userId }).send();
  if (!registration) return undefined;
  return { profile: toSeekerProfile(registration, today), residence: registration.residence, registration };
}

export const matchOf = (seeker: SeekerProfile, v: VacancySummary, distanceM: number) => scoreMatch(seeker, { ...v, ...v.requirements }, distanceM);

export const isOpenCard = (card: StoredCard, today: string) => card.recruitFrom <= today && card.recruitUntil >= today;

function filterOf(q: Pick<NearbyQuery, 'occupation' | 'minSalaryFen' | 'employmentForm' | 'shift'>, today: string) {
  return (card: StoredCard) => {
    if (!isOpenCard(card, today)) return false;
    if (!q.occupation && q.minSalaryFen === undefined && !q.employmentForm && !q.shift) return true;
    const v = summaryOf(card);
    return (
      (!q.occupation || `${v.occupationName}${v.title}`.includes(q.occupation)) &&
      (q.minSalaryFen === undefined || v.salaryMaxFen >= q.minSalaryFen) &&
      (!q.employmentForm || v.employmentForm === q.employmentForm) &&
      (!q.shift || v.shift === q.shift)
    );
  };
}

/**
 * 最适合我 ranks the nearest this many open vacancies of the circle (in a dense downtown about
 * the nearest kilometre; elsewhere the whole circle): reading all of a busy circle's thousands
 * would take seconds, and distance is part of the score anyway.
 */
export const MATCH_CANDIDATES = 400;


/**
 * 附近的工作. By distance: the nearest page after the cursor (the last item's distance and id),
 * read ring by ring. By match: the nearest MATCH_CANDIDATES scored, best first; the cursor is a
 * position in that order.
 */
export async function nearby(principal: Principal, q: NearbyQuery): Promise<{ items: NearbyItem[]; nextCursor?: string }> {
  const center = { lat: q.lat, lng: q.lng };
  const limitM = q.radiusKm * 1000;
  const today = todayInChina();
  const accept = filterOf(q, today);
  // The registration (for the match) is read while the cards are.
  const seekerRead = seekerProfileOf(principal.userId, today);
  const seeker = q.sort === 'match' ? (await seekerRead)?.profile : undefined;
  const item = (c: Candidate, profile = seeker): NearbyItem => {
    const vacancy = summaryOf(c.card);
    return { vacancy, distanceM: c.distanceM, at: { lat: c.card.lat, lng: c.card.lng }, ...(profile ? { match: matchOf(profile, vacancy, c.distanceM) } : {}) };
  };

  if (q.sort === 'match' && seeker) {
    const offset = q.cursor ? decodeCursor(q.cursor) : 0;
    if (typeof offset !== 'number' || !Number.isInteger(offset) || offset < 0) throw badCursor();
    const { page: candidates } = await nearestCards({ center, limitM, need: MATCH_CANDIDATES, accept });
    const scored = candidates.map((c) => item(c)).sort((a, b) => b.match!.score - a.match!.score || a.distanceM - b.distanceM || a.vacancy.id.localeCompare(b.vacancy.id));
    return {
      items: scored.slice(offset, offset + q.limit),
      ...(offset + q.limit < scored.length ? { nextCursor: encodeCursor(offset + q.limit) } : {}),
    };
  }

  const after = q.cursor ? decodeDistanceCursor(q.cursor) : undefined;
  const [{ page }, registered] = await Promise.all([nearestCards({ center, limitM, need: q.limit + 1, accept, ...(after ? { after } : {}) }), seekerRead]);
  const shown = page.slice(0, q.limit);
  const last = shown[shown.length - 1];
  return {
    items: shown.map((c) => item(c, registered?.profile)),
    ...(page.length > q.limit && last ? { nextCursor: encodeDistanceCursor(last.distanceM, last.card.vacancyId) } : {}),
  };
}

/**
 * 为您推荐: the open vacancies near home (within the distance the person said they would
 * travel, at most 20 km) that fit best, from the registration's intention.
 */
export async function recommendations(userId: string): Promise<{ items: NearbyItem[]; basis?: { radiusKm: number; occupations: string[] } }> {
  const today = todayInChina();
  const seeker = await seekerProfileOf(userId, today);
  if (!seeker) return { items: [] };
  const radiusKm = Math.min(NEARBY_MAX_KM, Math.max(1, seeker.profile.intention.maxDistanceKm));
  const { page: candidates } = await nearestCards({ center: seeker.residence, limitM: radiusKm * 1000, need: MATCH_CANDIDATES, accept: (card) => isOpenCard(card, today) });
  const items = candidates
    .map((c) => {
      const vacancy = summaryOf(c.card);
      return { vacancy, distanceM: c.distanceM, match: matchOf(seeker.profile, vacancy, c.distanceM) };
    })
    .filter((i) => i.match.score >= 50)
    .sort((a, b) => b.match.score - a.match.score || a.distanceM - b.distanceM)
    .slice(0, 20);
  return { items, basis: { radiusKm, occupations: [...seeker.profile.intention.occupations] } };
}
