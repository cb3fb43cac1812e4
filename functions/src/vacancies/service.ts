// Vacancies: posted by members of an approved employer, reviewed by the street of the work
// address (with discriminatory requirements flagged), and found near home by geohash ranges.
import { GetItemCommand } from 'dynamodb-toolbox/entity/actions/get';
import { PutTransaction } from 'dynamodb-toolbox/entity/actions/transactPut';
import { execute } from 'dynamodb-toolbox/entity/actions/transactWrite';
import { QueryCommand } from 'dynamodb-toolbox/table/actions/query';
import type { FormattedItem } from 'dynamodb-toolbox/entity';
import { ulid } from 'ulid';
import {
  ageOn,
  discriminationFlags,
  geoKeys,
  haversineM,
  inJurisdiction,
  rangesForCircle,
  scoreMatch,
  todayInChina,
  vacancySchema,
  type Education,
  type QualificationLevel,
  type SeekerProfile,
  type Shift,
  type Vacancy,
  type VacancyBody,
  type z,
  type nearbyQuerySchema,
  type nearbyItemSchema,
} from '@doorstep/shared';
import { areaFullName, isKnownArea } from '../areas/dataset';
import { formatAuditHead, nextAuditEvent, parseAuditHead } from '../audit/events';
import { EmployerEntity, EmployerMemberEntity, JobseekerRegistrationEntity, VacancyEntity, vacancyGeoPartition } from '../db/entities';
import { cancelledTransaction } from '../db/errors';
import { table } from '../db/table';
import { ConflictError, NotFoundError, ValidationError } from '../http/errors';
import type { Principal } from '../http/session';
import { newReview, type Decision } from '../reviews/queue';

type StoredVacancy = FormattedItem<typeof VacancyEntity>;
const RECORD = 'Vacancy';

export function toVacancyView(item: StoredVacancy): Vacancy {
  const body = JSON.parse(item.bodyJson) as VacancyBody;
  return vacancySchema.parse({
    ...body,
    id: item.vacancyId,
    employerName: item.employerName,
    workplace: { ...body.workplace, areaName: areaFullName(body.workplace.areaCode) },
    status: item.status,
    flags: JSON.parse(item.flagsJson),
    ...(item.reviewReason ? { reviewReason: item.reviewReason } : {}),
    createdAt: item.createdAt,
    updatedAt: item.updatedAt,
  });
}

/** The published vacancy's search keys; none for any other status, so search cannot find it. */
function geoIndex(status: StoredVacancy['status'], item: { lat: number; lng: number; vacancyId: string }) {
  if (status !== 'published') return {};
  const { cell, hash } = geoKeys(item);
  return { gsi2pk: vacancyGeoPartition(cell), gsi2sk: `${hash}#${item.vacancyId}` };
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
  };
  await execute(
    VacancyEntity.build(PutTransaction).item(item).options({ condition: { attr: 'vacancyId', exists: false } }),
    audit.put,
    newReview({
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

async function load(vacancyId: string) {
  const { Item } = await VacancyEntity.build(GetItemCommand).key({ vacancyId }).options({ consistent: true }).send();
  return Item;
}

const isOpen = (v: StoredVacancy, today = todayInChina()) => v.status === 'published' && v.recruitFrom <= today && v.recruitUntil >= today;

/** A published, current vacancy is anyone's to see; otherwise its members' and its street's staff. */
export async function getVacancy(principal: Principal, vacancyId: string): Promise<Vacancy> {
  const item = await load(vacancyId);
  if (!item) throw new NotFoundError('找不到这个岗位');
  if (isOpen(item)) return toVacancyView(item);
  const { Item: member } = await EmployerMemberEntity.build(GetItemCommand).key({ employerId: item.employerId, userId: principal.userId }).send();
  const staffSees = principal.roles.includes('staff') && inJurisdiction(item.areaCode, principal.level, principal.areaCode);
  if (!member && !staffSees) throw new NotFoundError('找不到这个岗位');
  return toVacancyView(item);
}

function transition(item: StoredVacancy, status: StoredVacancy['status'], actorId: string, at: string, action: string, reason?: string) {
  const audit = nextAuditEvent(parseAuditHead(item.auditHead), {
    recordType: RECORD,
    recordId: item.vacancyId,
    actorId,
    at,
    action,
    fromState: item.status,
    toState: status,
    ...(reason ? { reason } : {}),
  });
  const { gsi2pk: _p, gsi2sk: _s, reviewReason: _r, ...rest } = item;
  return [
    VacancyEntity.build(PutTransaction)
      .item({
        ...rest,
        status,
        ...(reason && status === 'rejected' ? { reviewReason: reason } : {}),
        updatedAt: at,
        version: item.version + 1,
        auditHead: formatAuditHead(audit.head),
        ...geoIndex(status, item),
      })
      .options({ condition: { and: [{ attr: 'version', eq: item.version }, { attr: 'status', eq: item.status }] } }),
    audit.put,
  ];
}

export async function closeVacancy(userId: string, vacancyId: string): Promise<Vacancy> {
  const item = await load(vacancyId);
  const member = item && (await EmployerMemberEntity.build(GetItemCommand).key({ employerId: item.employerId, userId }).send()).Item;
  if (!item || !member) throw new NotFoundError('找不到这个岗位');
  if (item.status === 'closed' || item.status === 'rejected') throw new ConflictError('这个岗位已经不在招聘了');
  const now = new Date().toISOString();
  try {
    await execute(...transition(item, 'closed', userId, now, 'close'));
  } catch (err) {
    if (cancelledTransaction(err)) throw new ConflictError('岗位刚刚被修改，请刷新后再试');
    throw err;
  }
  return toVacancyView({ ...item, status: 'closed', updatedAt: now });
}

/** What a street's decision on a vacancy changes: published (searchable) or rejected with the reason. */
export async function vacancyDecision({ review, status, actorId, at, reason }: Decision) {
  const item = await load(review.subjectId);
  if (!item) throw new NotFoundError('找不到这条申请');
  if (item.status !== 'pending_review') throw new ConflictError('这条申请已经处理过了');
  return transition(item, status === 'approved' ? 'published' : 'rejected', actorId, at, status === 'approved' ? 'approve' : 'reject', reason || undefined);
}

type NearbyQuery = z.infer<typeof nearbyQuerySchema>;
type NearbyItem = z.infer<typeof nearbyItemSchema>;

/** Every published vacancy whose search keys fall in the circle's ranges (before the exact distance). */
export async function readCircle(center: { lat: number; lng: number }, radiusM: number): Promise<{ items: StoredVacancy[]; read: number }> {
  const pages = await Promise.all(
    rangesForCircle(center, radiusM).map(async (r) => {
      const found: StoredVacancy[] = [];
      let exclusiveStartKey: Record<string, unknown> | undefined;
      do {
        const page = await table
          .build(QueryCommand)
          .entities(VacancyEntity)
          .query({ index: 'gsi2', partition: vacancyGeoPartition(r.cell), range: { between: [r.from, `${r.to}~`] } })
          .options(exclusiveStartKey ? { exclusiveStartKey } : {})
          .send();
        found.push(...(page.Items ?? []));
        exclusiveStartKey = page.LastEvaluatedKey;
      } while (exclusiveStartKey);
      return found;
    }),
  );
  const items = pages.flat();
  return { items, read: items.length };
}

export async function nearby(principal: Principal, q: NearbyQuery): Promise<{ items: NearbyItem[]; nextCursor?: string }> {
  const center = { lat: q.lat, lng: q.lng };
  const radiusM = q.radiusKm * 1000;
  const [{ items }, { Item: registration }] = await Promise.all([
    readCircle(center, radiusM),
    JobseekerRegistrationEntity.build(GetItemCommand).key({ userId: principal.userId }).send(),
  ]);
  const today = todayInChina();
  const seeker: SeekerProfile | undefined = registration && {
    age: ageOn(registration.birthDate, today),
    education: registration.education as Education,
    yearsOfExperience: registration.yearsOfExperience,
    ...(registration.qualificationLevel ? { qualificationLevel: registration.qualificationLevel as QualificationLevel } : {}),
    intention: { ...registration.intention, shift: registration.intention.shift as Shift },
  };
  // Status, dates and distance come from attributes; only what is inside is parsed into a view.
  const results = items
    .filter((v) => isOpen(v, today))
    .map((v) => ({ v, distanceM: Math.round(haversineM(center, v)) }))
    .filter(({ distanceM }) => distanceM <= radiusM)
    .map(({ v, distanceM }) => ({ view: toVacancyView(v), distanceM }))
    .filter(({ view }) => !q.occupation || `${view.occupationName}${view.title}`.includes(q.occupation))
    .filter(({ view }) => q.minSalaryFen === undefined || view.pay.salaryMaxFen >= q.minSalaryFen)
    .filter(({ view }) => !q.employmentForm || view.employmentForm === q.employmentForm)
    .filter(({ view }) => !q.shift || view.shift === q.shift)
    .map(({ view, distanceM }) => ({
      view,
      distanceM,
      match: seeker ? scoreMatch(seeker, { ...view.requirements, ...view.pay, title: view.title, occupationName: view.occupationName, shift: view.shift }, distanceM) : undefined,
    }));
  results.sort((a, b) =>
    q.sort === 'match' && a.match && b.match ? b.match.score - a.match.score || a.distanceM - b.distanceM : a.distanceM - b.distanceM || a.view.id.localeCompare(b.view.id),
  );
  // The cursor is the position in this ordering; a changed result set just shifts the next page.
  const offset = q.cursor ? Number.parseInt(Buffer.from(q.cursor, 'base64url').toString('utf8'), 10) : 0;
  if (!Number.isInteger(offset) || offset < 0) throw new ValidationError([{ path: ['cursor'], message: '翻页位置无效，请从第一页重新查看' }]);
  const page = results.slice(offset, offset + q.limit);
  return {
    items: page.map(({ view, distanceM, match }) => {
      const { flags: _f, reviewReason: _r, ...vacancy } = view;
      return { vacancy, distanceM, ...(match ? { match } : {}) };
    }),
    ...(offset + q.limit < results.length ? { nextCursor: Buffer.from(String(offset + q.limit)).toString('base64url') } : {}),
  };
}
