// Service points (服务网点): district and city staff set them up and keep them; anyone finds the
// open ones near a place, nearest first, with today's hours. A point and its search card change in
// one transaction; the card carries what the list shows, so a search reads only cards.
import { GetItemCommand } from 'dynamodb-toolbox/entity/actions/get';
import { PutTransaction } from 'dynamodb-toolbox/entity/actions/transactPut';
import { DeleteTransaction } from 'dynamodb-toolbox/entity/actions/transactDelete';
import { execute } from 'dynamodb-toolbox/entity/actions/transactWrite';
import { QueryCommand } from 'dynamodb-toolbox/table/actions/query';
import type { FormattedItem } from 'dynamodb-toolbox/entity';
import { ulid } from 'ulid';
import {
  catalogueOn,
  geoKeys,
  inJurisdiction,
  openingState,
  pointKindLabels,
  todayInChina,
  type OpeningHours,
  type ServiceKey,
  type ServicePoint,
  type ServicePointBody,
  type z,
  type nearbyServicePointsQuerySchema,
} from '@doorstep/shared';
import { areaFullName, isKnownArea } from '../areas/dataset';
import { decodeKeyCursor, encodeKeyCursor } from '../db/cursor';
import { cancelledTransaction } from '../db/errors';
import { table } from '../db/table';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../http/errors';
import { scopeOf } from '../http/jurisdiction';
import type { Principal } from '../http/session';
import { decodeDistanceCursor, encodeDistanceCursor, nearestOf } from '../vacancies/search';
import { ServicePointCardEntity, ServicePointEntity, pointGeoPartition, pointIndexKeys } from './entities';

export type StoredPoint = FormattedItem<typeof ServicePointEntity>;

export function toPointView(p: StoredPoint, now: Date = new Date()): ServicePoint {
  const names = new Map(catalogueOn(todayInChina(now)).services.map((s) => [s.key, s.name]));
  const hours = p.hours as OpeningHours;
  return {
    id: p.pointId,
    name: p.name,
    kind: p.kind,
    kindName: pointKindLabels[p.kind],
    areaCode: p.areaCode,
    areaName: areaFullName(p.areaCode),
    address: p.address,
    lat: p.lat,
    lng: p.lng,
    phone: p.phone,
    hours: { workday: [...hours.workday], restDay: [...hours.restDay] },
    services: p.services.map((s) => ({ key: s.key as ServiceKey, name: names.get(s.key as ServiceKey) ?? s.key, desks: s.desks })),
    status: p.status,
    version: p.version,
    opening: openingState(hours, now),
  };
}

const cardKeys = (p: Pick<StoredPoint, 'lat' | 'lng' | 'pointId'>) => ({ ...geoKeys(p), pointId: p.pointId });
const putCard = (p: StoredPoint) =>
  ServicePointCardEntity.build(PutTransaction).item({ ...cardKeys(p), lat: p.lat, lng: p.lng, services: p.services.map((s) => s.key), pointJson: JSON.stringify(p) });
const deleteCard = (p: StoredPoint) => ServicePointCardEntity.build(DeleteTransaction).key(cardKeys(p));

/** Only district and city staff keep points, and only inside their own area. */
function assertKeeper(principal: Principal, areaCode: string) {
  scopeOf(principal);
  if (principal.level !== 'district' && principal.level !== 'city') throw new ForbiddenError('服务网点由区、市工作人员设立和维护');
  if (!inJurisdiction(areaCode, principal.level, principal.areaCode)) throw new ForbiddenError('只能在本辖区内设立网点');
}

export async function loadPoint(pointId: string, consistent = false): Promise<StoredPoint | undefined> {
  const { Item } = await ServicePointEntity.build(GetItemCommand).key({ pointId }).options({ consistent }).send();
  return Item;
}

function checkArea(areaCode: string) {
  if (!isKnownArea(areaCode)) throw new ValidationError([{ path: ['areaCode'], message: '没有这个街道或社区，请重新选择' }]);
}

export async function createPoint(principal: Principal, body: ServicePointBody, now = new Date()): Promise<ServicePoint> {
  assertKeeper(principal, body.areaCode);
  checkArea(body.areaCode);
  const pointId = ulid(now.getTime());
  const at = now.toISOString();
  const point: StoredPoint = {
    pointId,
    ...body,
    status: 'open',
    version: 1,
    createdBy: principal.userId,
    createdAt: at,
    updatedAt: at,
    ...pointIndexKeys(body.areaCode, pointId),
  };
  await execute(ServicePointEntity.build(PutTransaction).item(point).options({ condition: { attr: 'pointId', exists: false } }), putCard(point));
  return toPointView(point, now);
}

export async function updatePoint(
  principal: Principal,
  pointId: string,
  patch: Partial<ServicePointBody> & { version: number; status?: 'open' | 'closed' },
  now = new Date(),
): Promise<ServicePoint> {
  const old = await loadPoint(pointId, true);
  if (!old || !inJurisdiction(old.areaCode, principal.level, principal.areaCode)) throw new NotFoundError('找不到这个网点');
  const { version, ...changes } = patch;
  if (changes.areaCode) checkArea(changes.areaCode);
  assertKeeper(principal, changes.areaCode ?? old.areaCode);
  if (version !== old.version) throw new ConflictError('网点刚被别人修改过，请刷新后再改');
  const areaCode = changes.areaCode ?? old.areaCode;
  const next: StoredPoint = { ...old, ...changes, version: old.version + 1, updatedAt: now.toISOString(), ...pointIndexKeys(areaCode, pointId) };
  const moved = next.lat !== old.lat || next.lng !== old.lng;
  const cardWrites = [
    ...(old.status === 'open' && (moved || next.status !== 'open') ? [deleteCard(old)] : []),
    ...(next.status === 'open' ? [putCard(next)] : []),
  ];
  try {
    await execute(ServicePointEntity.build(PutTransaction).item(next).options({ condition: { attr: 'version', eq: old.version } }), ...cardWrites);
  } catch (err) {
    if (cancelledTransaction(err)?.conditionFailed[0]) throw new ConflictError('网点刚被别人修改过，请刷新后再改');
    throw err;
  }
  return toPointView(next, now);
}

/** The points of the caller's jurisdiction, by area code, 50 a page. */
export async function staffPoints(principal: Principal, cursor?: string): Promise<{ items: ServicePoint[]; nextCursor?: string }> {
  const scope = scopeOf(principal);
  const partition = `POINTS#${scope.slice(0, 4)}`;
  const start = decodeKeyCursor(cursor, 'gsi1', partition);
  const page = await table
    .build(QueryCommand)
    .entities(ServicePointEntity)
    .query({ index: 'gsi1', partition, range: { beginsWith: scope } })
    .options({ limit: 50, ...(start ? { exclusiveStartKey: start } : {}) })
    .send();
  return {
    items: (page.Items ?? []).map((p) => toPointView(p)),
    ...(page.LastEvaluatedKey ? { nextCursor: encodeKeyCursor(page.LastEvaluatedKey) } : {}),
  };
}

/** 附近的服务网点: open points within the radius, nearest first (optionally offering one service). */
export async function nearbyPoints(q: z.infer<typeof nearbyServicePointsQuerySchema>, now = new Date()) {
  const after = q.cursor ? decodeDistanceCursor(q.cursor) : undefined;
  const { page, read } = await nearestOf(ServicePointCardEntity, pointGeoPartition, (c) => c.pointId, {
    center: { lat: q.lat, lng: q.lng },
    limitM: q.radiusKm * 1000,
    need: q.limit + 1,
    accept: (card) => !q.service || card.services.includes(q.service),
    ...(after ? { after } : {}),
  });
  const shown = page.slice(0, q.limit);
  const last = shown[shown.length - 1];
  return {
    items: shown.map((c) => ({ point: toPointView(JSON.parse(c.card.pointJson) as StoredPoint, now), distanceM: c.distanceM })),
    ...(page.length > q.limit && last ? { nextCursor: encodeDistanceCursor(last.distanceM, last.card.pointId) } : {}),
    read,
  };
}

export async function getPoint(pointId: string, now = new Date()) {
  const point = await loadPoint(pointId);
  if (!point || point.status !== 'open') throw new NotFoundError('找不到这个网点，可能已经停止服务');
  const catalogue = catalogueOn(todayInChina(now));
  const offered = new Set(point.services.map((s) => s.key));
  return {
    point: toPointView(point, now),
    catalogue: { version: catalogue.version, services: catalogue.services.filter((s) => offered.has(s.key)).map((s) => ({ ...s, conditions: [...s.conditions], documents: [...s.documents] })) },
  };
}
