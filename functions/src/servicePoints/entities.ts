// 服务网点's items (functions/src/db/README.md has their access patterns): the points, their
// search cards, visit slots and visits, the day's queue counter, and one-time notification slips.
// Beside the domain, so that functions which never touch them do not carry their definitions.
import { Entity } from 'dynamodb-toolbox/entity';
import { item } from 'dynamodb-toolbox/schema/item';
import { string } from 'dynamodb-toolbox/schema/string';
import { number } from 'dynamodb-toolbox/schema/number';
import { list } from 'dynamodb-toolbox/schema/list';
import { map } from 'dynamodb-toolbox/schema/map';
import { geoCard, geoCardAttributes } from '../db/geoCard';
import { table } from '../db/table';

const period = map({ from: string(), to: string() });

/**
 * A service point: where, when open, which services with how many desks each. Listed per city
 * under GSI1 by area code, so a district's or a street's points are one `begins_with` query.
 */
export const ServicePointEntity = new Entity({
  name: 'ServicePoint',
  table,
  timestamps: false,
  schema: item({
    pointId: string().key(),
    name: string(),
    kind: string().enum('community_station', 'street_station', 'gig_station', 'party_centre'),
    areaCode: string(),
    address: string(),
    lat: number(),
    lng: number(),
    phone: string(),
    hours: map({ workday: list(period), restDay: list(period) }),
    services: list(map({ key: string(), desks: number() })),
    status: string().enum('open', 'closed'),
    version: number(),
    createdBy: string(),
    createdAt: string(),
    updatedAt: string(),
    gsi1pk: string(),
    gsi1sk: string(),
  }),
  computeKey: ({ pointId }) => ({ pk: `POINT#${pointId}`, sk: 'POINT' }),
});

export const pointIndexKeys = (areaCode: string, pointId: string) => ({ gsi1pk: `POINTS#${areaCode.slice(0, 4)}`, gsi1sk: `${areaCode}#${pointId}` });

const pointCard = geoCard('POINT_GEO');
export const pointGeoPartition = pointCard.partition;
/** An open point's search card under its geohash-5 cell, carrying what the list shows (no second read). */
export const ServicePointCardEntity = new Entity({
  name: 'ServicePointCard',
  table,
  timestamps: false,
  schema: item({
    ...geoCardAttributes(),
    pointId: string().key(),
    services: list(string()),
    pointJson: string(),
  }),
  computeKey: ({ cell, hash, pointId }) => pointCard.key(cell, hash, pointId),
});

/** Places taken in one half hour of one service at a point (created by the first booking). */
export const VisitSlotEntity = new Entity({
  name: 'VisitSlot',
  table,
  timestamps: false,
  schema: item({
    pointId: string().key(),
    service: string().key(),
    startsAt: string().key(),
    booked: number(),
    ttl: number(),
  }),
  computeKey: ({ pointId, service, startsAt }) => ({ pk: `VISITSLOT#${pointId}#${service}`, sk: startsAt }),
});

/** A booked visit. GSI1: the point's day list for the desk; GSI2: the person's visits. */
export const VisitEntity = new Entity({
  name: 'Visit',
  table,
  timestamps: false,
  schema: item({
    visitId: string().key(),
    pointId: string(),
    pointName: string(),
    pointAddress: string(),
    pointAreaCode: string(),
    service: string(),
    serviceName: string(),
    date: string(),
    start: string(),
    startsAt: string(),
    userId: string(),
    queueNo: number(),
    status: string().enum('booked', 'cancelled', 'arrived', 'served', 'no_show'),
    bookedBy: string().optional(),
    markedBy: string().optional(),
    createdAt: string(),
    updatedAt: string(),
    gsi1pk: string(),
    gsi1sk: string(),
    gsi2pk: string(),
    gsi2sk: string(),
  }),
  computeKey: ({ visitId }) => ({ pk: `VISIT#${visitId}`, sk: 'VISIT' }),
});

export const visitIndexKeys = (v: { pointId: string; date: string; start: string; visitId: string; userId: string; startsAt: string }) => ({
  gsi1pk: `POINT_VISITS#${v.pointId}#${v.date}`,
  gsi1sk: `${v.start}#${v.visitId}`,
  gsi2pk: `USER_VISITS#${v.userId}`,
  gsi2sk: `${v.startsAt}#${v.visitId}`,
});

/** The running queue number of a point's day (A001, A002, …), taken before the booking. */
export const QueueCounterEntity = new Entity({
  name: 'QueueCounter',
  table,
  timestamps: false,
  schema: item({
    pointId: string().key(),
    date: string().key(),
    n: number(),
    ttl: number(),
  }),
  computeKey: ({ pointId, date }) => ({ pk: `POINT#${pointId}`, sk: `QUEUE#${date}` }),
});

/** A one-time notification slip (一次性告知单) written at a desk, kept as the record of what was asked. */
export const NoticeSlipEntity = new Entity({
  name: 'NoticeSlip',
  table,
  timestamps: false,
  schema: item({
    noticeId: string().key(),
    service: string(),
    serviceName: string(),
    catalogueVersion: string(),
    missing: list(map({ code: string(), label: string(), when: string().optional() })),
    unmet: list(string()),
    personId: string().optional(),
    pointId: string().optional(),
    staffId: string(),
    staffAreaCode: string(),
    createdAt: string(),
    gsi2pk: string().optional(),
    gsi2sk: string().optional(),
  }),
  computeKey: ({ noticeId }) => ({ pk: `NOTICE#${noticeId}`, sk: 'NOTICE' }),
});
