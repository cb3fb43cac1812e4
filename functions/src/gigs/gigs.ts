// 零工 — the jobs: posting (automatic checks, then live at once for a person; a unit's post waits
// for the station as its vacancies do), the search card under the place's geohash-5 cell, nearby
// search reusing the vacancy ring search, one job as each side may see it, closing, and the
// station's side: its area's jobs, checking them (ok / take down), posting for a walk-in.
import { GetItemCommand } from 'dynamodb-toolbox/entity/actions/get';
import { PutItemCommand } from 'dynamodb-toolbox/entity/actions/put';
import { DeleteTransaction } from 'dynamodb-toolbox/entity/actions/transactDelete';
import { PutTransaction } from 'dynamodb-toolbox/entity/actions/transactPut';
import { UpdateTransaction } from 'dynamodb-toolbox/entity/actions/transactUpdate';
import { execute } from 'dynamodb-toolbox/entity/actions/transactWrite';
import { QueryCommand } from 'dynamodb-toolbox/table/actions/query';
import type { FormattedItem } from 'dynamodb-toolbox/entity';
import { ulid } from 'ulid';
import {
  addCalendarDays,
  chinaInstant,
  discriminationFlags,
  fenToYuanText,
  geoKeys,
  GIG_MAX_DAYS_AHEAD,
  GIG_STRIKES_TO_SUSPEND,
  gigKindLabels,
  gigLastDay,
  gigPayUnitLabels,
  inJurisdiction,
  maskPhone,
  payRefusal,
  todayInChina,
  type Gig,
  type GigBody,
  type GigKind,
  type GigWhen,
  type z,
  type nearbyGigsQuerySchema,
} from '@doorstep/shared';
import { areaFullName, isKnownArea } from '../areas/dataset';
import { decodeKeyCursor, encodeKeyCursor } from '../db/cursor';
import { EmployerEntity, EmployerMemberEntity, JobseekerRegistrationEntity } from '../db/entities';
import { cancelledTransaction } from '../db/errors';
import { table } from '../db/table';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../http/errors';
import { scopeOf } from '../http/jurisdiction';
import type { Principal } from '../http/session';
import { decodeDistanceCursor, encodeDistanceCursor, nearestOf } from '../vacancies/search';
import { ServicePointEntity } from '../servicePoints/entities';
import { GigCardEntity, GigContactEntity, GigEntity, GigStandingEntity, gigGeoPartition, gigIndexKeys } from './entities';
import { getDependencies } from '../deps';
import { recordAccess } from '../access/log';
import { mapLimit } from '../concurrency';

export type StoredGig = FormattedItem<typeof GigEntity>;

export const whenOf = (g: Pick<StoredGig, 'whenJson'>): GigWhen => JSON.parse(g.whenJson) as GigWhen;

function whenText(when: GigWhen): string {
  if (when.type === 'asap') return `越快越好，约${when.hours}小时`;
  const [, m, d] = when.date.split('-');
  return `${Number(m)}月${Number(d)}日 ${when.from}–${when.to}`;
}

export function toGigView(g: StoredGig): Gig {
  return {
    id: g.gigId,
    kind: g.kind as GigKind,
    kindName: gigKindLabels[g.kind as GigKind] ?? '其他',
    title: g.title,
    ...(g.detail ? { detail: g.detail } : {}),
    place: { lat: g.lat, lng: g.lng, address: g.address, areaCode: g.areaCode, areaName: areaFullName(g.areaCode) },
    when: whenOf(g),
    whenText: whenText(whenOf(g)),
    payFen: g.payFen,
    payUnit: g.payUnit,
    payText: `${fenToYuanText(g.payFen)}${gigPayUnitLabels[g.payUnit]}`,
    places: g.places,
    taken: g.taken,
    status: g.status,
    postedAs: g.postedAs,
    ...(g.employerName ? { employerName: g.employerName } : {}),
    lastDay: g.lastDay,
    createdAt: g.createdAt,
  };
}

export async function loadGig(gigId: string, consistent = false): Promise<StoredGig | undefined> {
  const { Item } = await GigEntity.build(GetItemCommand).key({ gigId }).options({ consistent }).send();
  return Item;
}

/** When the card stops being shown: the job's end, or the end of an ASAP job's last day. */
const cardEndsAt = (g: StoredGig) => {
  const when = whenOf(g);
  return when.type === 'scheduled' ? chinaInstant(when.date, when.to) : chinaInstant(g.lastDay, '23:59');
};
const cardKeys = (g: Pick<StoredGig, 'lat' | 'lng' | 'gigId'>) => ({ ...geoKeys(g), gigId: g.gigId });
export const putCard = (g: StoredGig) => {
  const when = whenOf(g);
  return GigCardEntity.build(PutTransaction).item({
    ...cardKeys(g),
    lat: g.lat,
    lng: g.lng,
    kind: g.kind,
    day: when.type === 'scheduled' ? when.date : 'asap',
    endsAt: cardEndsAt(g),
    places: g.places,
    taken: g.taken,
    gigJson: JSON.stringify(toGigView(g)),
    // Gone by itself a day after it ends.
    ttl: Math.floor(new Date(cardEndsAt(g)).getTime() / 1000) + 86_400,
  });
};
export const deleteCard = (g: StoredGig) => GigCardEntity.build(DeleteTransaction).key(cardKeys(g));
export const cardKeyOf = cardKeys;

/** The checks a post passes before it goes live, as 400s beside the field. */
function checkPost(body: Omit<GigBody, 'employerId'>, now: Date) {
  const today = todayInChina(now);
  const problems: { path: (string | number)[]; message: string }[] = [];
  if (!isKnownArea(body.place.areaCode)) problems.push({ path: ['place', 'areaCode'], message: '没有这个社区（村），请从列表中选择' });
  if (body.when.type === 'scheduled') {
    if (body.when.date < today) problems.push({ path: ['when', 'date'], message: '日期不能早于今天' });
    else if (body.when.date > addCalendarDays(today, GIG_MAX_DAYS_AHEAD)) problems.push({ path: ['when', 'date'], message: `最多发布${GIG_MAX_DAYS_AHEAD}天内的活` });
    else if (chinaInstant(body.when.date, body.when.to) <= now.toISOString()) problems.push({ path: ['when', 'to'], message: '这个时间已经过了' });
  }
  const pay = payRefusal(body.payFen, body.payUnit, body.when, body.place.areaCode);
  if (pay) problems.push({ path: ['payFen'], message: pay });
  for (const f of discriminationFlags({ title: body.title, detail: body.detail })) {
    problems.push({ path: [f.field], message: `请删去“${f.phrase}”：${f.reason}` });
  }
  if (problems.length) throw new ValidationError(problems);
}

async function assertMayPost(userId: string) {
  const { Item } = await GigStandingEntity.build(GetItemCommand).key({ userId }).send();
  if (Item && Item.strikes >= GIG_STRIKES_TO_SUSPEND) throw new ForbiddenError(`您被举报且核实${Item.strikes}次，暂时不能发布零工。如有异议请到零工驿站说明`);
}

async function saveGig(g: StoredGig) {
  await execute(GigEntity.build(PutTransaction).item(g).options({ condition: { attr: 'gigId', exists: false } }), ...(g.status === 'open' ? [putCard(g)] : []));
  return toGigView(g);
}

function newGig(body: Omit<GigBody, 'employerId'>, who: Pick<StoredGig, 'posterId' | 'postedAs' | 'contactName' | 'contactPhone'> & Partial<StoredGig>, status: StoredGig['status'], now: Date): StoredGig {
  const gigId = ulid(now.getTime());
  const at = now.toISOString();
  const base = {
    gigId,
    ...who,
    kind: body.kind,
    title: body.title,
    ...(body.detail ? { detail: body.detail } : {}),
    lat: body.place.lat,
    lng: body.place.lng,
    address: body.place.address,
    areaCode: body.place.areaCode,
    whenJson: JSON.stringify(body.when),
    lastDay: gigLastDay(body.when, todayInChina(now)),
    payFen: body.payFen,
    payUnit: body.payUnit,
    places: body.places,
    taken: 0,
    status,
    createdAt: at,
    updatedAt: at,
  };
  return { ...base, ...gigIndexKeys({ areaCode: body.place.areaCode, createdAt: at, gigId, posterId: who.posterId }) };
}

/**
 * A person posts with the name and phone of their registration (the contact the platform already
 * holds for them); a unit's member posts as the unit with its contact, and the post waits for the
 * station's check.
 */
export async function postGig(userId: string, body: GigBody, now = new Date()): Promise<Gig> {
  checkPost(body, now);
  await assertMayPost(userId);
  if (body.employerId) {
    const [{ Item: member }, { Item: employer }] = await Promise.all([
      EmployerMemberEntity.build(GetItemCommand).key({ employerId: body.employerId, userId }).send(),
      EmployerEntity.build(GetItemCommand).key({ employerId: body.employerId }).send(),
    ]);
    if (!member || !employer) throw new NotFoundError('找不到这个单位');
    if (employer.status !== 'approved') throw new ForbiddenError('单位审核通过后才能以单位名义发布零工');
    const { employerId: _e, ...rest } = body;
    return saveGig(
      newGig(rest, { posterId: userId, postedAs: 'employer', employerId: employer.employerId, employerName: employer.name, contactName: employer.contactName, contactPhone: employer.contactPhone }, 'pending', now),
    );
  }
  const [{ Item: reg }, { Item: contact }] = await Promise.all([
    JobseekerRegistrationEntity.build(GetItemCommand).key({ userId }).send(),
    GigContactEntity.build(GetItemCommand).key({ userId }).send(),
  ]);
  const who = reg ? { contactName: reg.name, contactPhone: reg.phone } : contact ? { contactName: contact.name, contactPhone: contact.phone } : undefined;
  if (!who) throw new ForbiddenError('发布零工要留下您的称呼和手机号：请用微信手机号验证，或先完成求职登记');
  return saveGig(newGig(body, { posterId: userId, postedAs: 'person', ...who }, 'open', now));
}

const contactView = (c: { name: string; phone: string; verifiedAt: string }) => ({ name: c.name, phoneMasked: maskPhone(c.phone), verifiedAt: c.verifiedAt });

/** The contact of someone without a registration, if they verified one. */
export async function gigContact(userId: string) {
  const { Item } = await GigContactEntity.build(GetItemCommand).key({ userId }).send();
  return Item ? { contact: contactView(Item) } : {};
}

/** A phone WeChat verified (getPhoneNumber's code) and how to address the person: enough to post. */
export async function verifyContact(userId: string, body: { code: string; name: string }, now = new Date()) {
  const phone = await getDependencies().wechat.phoneNumber(body.code);
  const contact = { userId, name: body.name, phone, verifiedAt: now.toISOString() };
  await GigContactEntity.build(PutItemCommand).item(contact).send();
  return { contact: contactView(contact) };
}

/** Station staff post for someone who walked in (their name and phone), in their area; live at once. */
export async function postForPerson(principal: Principal, body: GigBody & { contactName: string; contactPhone: string }, now = new Date()): Promise<Gig> {
  const scope = scopeOf(principal);
  if (!body.place.areaCode.startsWith(scope)) throw new ForbiddenError('只能为本辖区的活发布零工');
  checkPost(body, now);
  const { contactName, contactPhone, ...rest } = body;
  return saveGig(newGig(rest, { posterId: principal.userId, postedAs: 'staff', assistedBy: principal.userId, contactName, contactPhone }, 'open', now));
}

/** 附近的零工: open jobs with a free place within the radius, nearest first; by kind and day. */
export async function nearbyGigs(q: z.infer<typeof nearbyGigsQuerySchema>, now = new Date()) {
  const after = q.cursor ? decodeDistanceCursor(q.cursor) : undefined;
  const at = now.toISOString();
  const { page, read } = await nearestOf(GigCardEntity, gigGeoPartition, (c) => c.gigId, {
    center: { lat: q.lat, lng: q.lng },
    limitM: q.radiusKm * 1000,
    need: q.limit + 1,
    accept: (c) => c.taken < c.places && c.endsAt > at && (!q.kind || c.kind === q.kind) && (!q.date || c.day === q.date || c.day === 'asap'),
    ...(after ? { after } : {}),
  });
  const shown = page.slice(0, q.limit);
  const last = shown[shown.length - 1];
  return {
    items: shown.map((c) => ({ gig: { ...(JSON.parse(c.card.gigJson) as Gig), taken: c.card.taken }, distanceM: c.distanceM })),
    ...(page.length > q.limit && last ? { nextCursor: encodeDistanceCursor(last.distanceM, last.card.gigId) } : {}),
    read,
  };
}

/** The poster stops taking people (those who took a place keep it). */
export async function closeGig(userId: string, gigId: string, now = new Date()): Promise<Gig> {
  const gig = await loadGig(gigId, true);
  if (!gig || gig.posterId !== userId) throw new NotFoundError('找不到这条零工');
  if (gig.status !== 'open' && gig.status !== 'pending') throw new ConflictError('这条零工已经结束了');
  const at = now.toISOString();
  try {
    await execute(
      GigEntity.build(UpdateTransaction).item({ gigId, status: 'closed', updatedAt: at }).options({ condition: { attr: 'status', eq: gig.status } }),
      ...(gig.status === 'open' ? [deleteCard(gig)] : []),
    );
  } catch (err) {
    if (cancelledTransaction(err)) throw new ConflictError('这条零工刚刚有了变化，请刷新');
    throw err;
  }
  return toGigView({ ...gig, status: 'closed', updatedAt: at });
}

// ── The station ─────────────────────────────────────────────────────────────────────────────

export type StaffGig = Gig & { contactName: string; contactPhone: string; checked: boolean };
const toStaffView = (g: StoredGig): StaffGig => ({ ...toGigView(g), contactName: g.contactName, contactPhone: g.contactPhone, checked: !!g.checkedAt });

/** The jurisdiction's jobs, newest first (those waiting for a check are marked). */
export async function staffGigs(principal: Principal, cursor?: string): Promise<{ items: StaffGig[]; nextCursor?: string }> {
  const scope = scopeOf(principal);
  // A city's staff read the whole city's partition: DynamoDB refuses a begins_with on nothing.
  const partition = `GIGS#${scope.slice(0, 4)}`;
  const start = decodeKeyCursor(cursor, 'gsi1', partition);
  const page = await table
    .build(QueryCommand)
    .entities(GigEntity)
    .query({ index: 'gsi1', partition, ...(scope.length > 4 ? { range: { beginsWith: scope } } : {}) })
    .options({ limit: 50, reverse: true, ...(start ? { exclusiveStartKey: start } : {}) })
    .send();
  await logContacts(principal, page.Items ?? [], 'GET /staff/gigs', new Date());
  return {
    items: (page.Items ?? []).map(toStaffView),
    ...(page.LastEvaluatedKey ? { nextCursor: encodeKeyCursor(page.LastEvaluatedKey) } : {}),
  };
}

export const STATION_RADIUS_M = 3000;

/**
 * The jobs around a 零工驿站 (a service point of kind gig station in the jurisdiction): not over,
 * within 3 km, nearest first, full ones too (the station follows them up), at most 50.
 */
export async function stationGigs(principal: Principal, pointId: string, now = new Date()): Promise<{ items: (StaffGig & { distanceM: number })[] }> {
  const point = await stationOf(principal, pointId);
  const at = now.toISOString();
  const { page } = await nearestOf(GigCardEntity, gigGeoPartition, (c) => c.gigId, { center: point, limitM: STATION_RADIUS_M, need: 50, accept: (c) => c.endsAt > at });
  const gigs = await Promise.all(page.map((c) => loadGig(c.card.gigId)));
  const items = page.flatMap((c, i) => (gigs[i] ? [{ ...toStaffView(gigs[i]!), distanceM: c.distanceM }] : []));
  await logContacts(principal, gigs.flatMap((g) => (g ? [g] : [])), 'GET /staff/gigs?pointId=', now);
  return { items };
}

/** A 零工驿站 of the jurisdiction (a service point of that kind), or 404. */
export async function stationOf(principal: Principal, pointId: string) {
  scopeOf(principal);
  const { Item: point } = await ServicePointEntity.build(GetItemCommand).key({ pointId }).send();
  if (!point || point.kind !== 'gig_station' || !inJurisdiction(point.areaCode, principal.level, principal.areaCode)) throw new NotFoundError('辖区内没有这个零工驿站');
  return point;
}

/** Each poster whose name and phone the station's list showed (people with an account) goes in 访问记录. */
async function logContacts(principal: Principal, gigs: StoredGig[], route: string, now: Date) {
  const shown = new Map(gigs.filter((g) => g.postedAs === 'person' && g.contactPhone).map((g) => [g.posterId, g.contactName]));
  await mapLimit([...shown], 8, ([personId, personName]) => recordAccess(principal, { personId, personName, kind: 'gigContact', route }, now));
}

/** The station checks a job: fine (a unit's post goes live), or taken down with the reason. */
export async function checkGig(principal: Principal, gigId: string, decision: { decision: 'ok' } | { decision: 'take_down'; reason: string }, now = new Date()): Promise<Gig> {
  scopeOf(principal);
  const gig = await loadGig(gigId, true);
  if (!gig || !inJurisdiction(gig.areaCode, principal.level, principal.areaCode)) throw new NotFoundError('找不到这条零工');
  if (gig.status === 'taken_down' || gig.status === 'closed') throw new ConflictError('这条零工已经结束了');
  const at = now.toISOString();
  const change = decision.decision === 'ok' ? { status: 'open' as const } : { status: 'taken_down' as const, reason: decision.reason };
  const next: StoredGig = { ...gig, ...change, checkedBy: principal.userId, checkedAt: at, updatedAt: at };
  const cardChange = gig.status === 'pending' && next.status === 'open' ? [putCard(next)] : gig.status === 'open' && next.status === 'taken_down' ? [deleteCard(gig)] : [];
  try {
    // An update, not a put: takes move `taken` meanwhile.
    await execute(
      GigEntity.build(UpdateTransaction).item({ gigId, ...change, checkedBy: principal.userId, checkedAt: at, updatedAt: at }).options({ condition: { attr: 'status', eq: gig.status } }),
      ...cardChange,
    );
  } catch (err) {
    if (cancelledTransaction(err)) throw new ConflictError('这条零工刚刚有了变化，请刷新');
    throw err;
  }
  return toGigView(next);
}
