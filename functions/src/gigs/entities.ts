// 零工's items (functions/src/db/README.md has their access patterns): the job, its search card
// under its geohash-5 cell, the places taken (one per worker, in the job's partition), reports and
// disputes, and a person's standing (upheld reports). A take's quarter-hours in the worker's diary
// are the interviews' BusyBucket rows, so nobody holds two overlapping jobs or bookings.
import { Entity } from 'dynamodb-toolbox/entity';
import { item } from 'dynamodb-toolbox/schema/item';
import { string } from 'dynamodb-toolbox/schema/string';
import { number } from 'dynamodb-toolbox/schema/number';
import { map } from 'dynamodb-toolbox/schema/map';
import { geoCard, geoCardAttributes } from '../db/geoCard';
import { table } from '../db/table';

const rating = () => map({ score: number(), comment: string().optional(), at: string() }).optional();

/**
 * A job. `taken` counts the places given (`taken < places` on every take); `whenJson` is the
 * scheduled day and hours or the ASAP hours. GSI1: the city's jobs by area (the station's list);
 * GSI2: the poster's jobs.
 */
export const GigEntity = new Entity({
  name: 'Gig',
  table,
  timestamps: false,
  schema: item({
    gigId: string().key(),
    posterId: string(),
    postedAs: string().enum('person', 'employer', 'staff'),
    employerId: string().optional(),
    employerName: string().optional(),
    assistedBy: string().optional(),
    contactName: string(),
    contactPhone: string(),
    kind: string(),
    title: string(),
    detail: string().optional(),
    lat: number(),
    lng: number(),
    address: string(),
    areaCode: string(),
    whenJson: string(),
    lastDay: string(),
    payFen: number(),
    payUnit: string().enum('job', 'hour', 'day'),
    places: number(),
    taken: number(),
    status: string().enum('pending', 'open', 'closed', 'taken_down'),
    checkedBy: string().optional(),
    checkedAt: string().optional(),
    reason: string().optional(),
    createdAt: string(),
    updatedAt: string(),
    gsi1pk: string(),
    gsi1sk: string(),
    gsi2pk: string(),
    gsi2sk: string(),
  }),
  computeKey: ({ gigId }) => ({ pk: `GIG#${gigId}`, sk: 'GIG' }),
});

export const gigIndexKeys = (g: { areaCode: string; createdAt: string; gigId: string; posterId: string }) => ({
  gsi1pk: `GIGS#${g.areaCode.slice(0, 4)}`,
  gsi1sk: `${g.areaCode}#${g.createdAt}#${g.gigId}`,
  gsi2pk: `USER_GIGS#${g.posterId}`,
  gsi2sk: `${g.createdAt}#${g.gigId}`,
});

const gigCard = geoCard('GIG_GEO');
export const gigGeoPartition = gigCard.partition;
/** An open job's search card (carries what the list shows: no second read); `taken` moves with the job's. */
export const GigCardEntity = new Entity({
  name: 'GigCard',
  table,
  timestamps: false,
  schema: item({
    ...geoCardAttributes(),
    gigId: string().key(),
    kind: string(),
    /** The job's day, or `asap`. */
    day: string(),
    /** When it stops being shown: the job's end, or the end of an ASAP job's last day. */
    endsAt: string(),
    places: number(),
    taken: number(),
    gigJson: string(),
    ttl: number(),
  }),
  computeKey: ({ cell, hash, gigId }) => gigCard.key(cell, hash, gigId),
});

/** A place taken: one per worker per job (`attribute_not_exists`). GSI2: the worker's jobs. */
export const GigTakeEntity = new Entity({
  name: 'GigTake',
  table,
  timestamps: false,
  schema: item({
    gigId: string().key(),
    workerId: string().key(),
    workerName: string(),
    workerPhone: string(),
    /** The job's area, so the match is counted there. */
    areaCode: string(),
    status: string().enum('taken', 'reported_done', 'done', 'cancelled'),
    startsAt: string(),
    endsAt: string(),
    takenAt: string(),
    /** Taken for the person by station staff who matched them by phone. */
    assistedBy: string().optional(),
    reportedAt: string().optional(),
    objectionUntil: string().optional(),
    objection: string().optional(),
    doneAt: string().optional(),
    pay: map({ amountFen: number(), method: string(), at: string() }).optional(),
    ratingOfWorker: rating(),
    ratingOfPoster: rating(),
    updatedAt: string(),
    /** GSI1 while reported done: `GIGS_REPORTED` / `<objectionUntil>#<gigId>#<workerId>`, for the hourly sweep. */
    gsi1pk: string().optional(),
    gsi1sk: string().optional(),
    gsi2pk: string(),
    gsi2sk: string(),
  }),
  computeKey: ({ gigId, workerId }) => ({ pk: `GIG#${gigId}`, sk: `TAKE#${workerId}` }),
});

/**
 * A report (misconduct) or a dispute (an objection to a completion), for the station of the job's
 * area. No name in it: the reported person's is read from the job or the take (so erasing their
 * account erases it here too). GSI1: the city's, by area; GSI2: the reporter's (whose text the
 * reason is, scrubbed when their account is closed).
 */
export const GigReportEntity = new Entity({
  name: 'GigReport',
  table,
  timestamps: false,
  schema: item({
    reportId: string().key(),
    kind: string().enum('report', 'dispute'),
    gigId: string(),
    gigTitle: string(),
    reporterId: string(),
    against: string().enum('poster', 'worker'),
    againstId: string(),
    reason: string(),
    status: string().enum('open', 'upheld', 'dismissed'),
    note: string().optional(),
    taskId: string(),
    due: string(),
    areaCode: string(),
    decidedBy: string().optional(),
    createdAt: string(),
    updatedAt: string(),
    gsi1pk: string(),
    gsi1sk: string(),
    gsi2pk: string().optional(),
    gsi2sk: string().optional(),
  }),
  computeKey: ({ reportId }) => ({ pk: `GIGREPORT#${reportId}`, sk: 'REPORT' }),
});

/** One report per reporter, job and person reported (`attribute_not_exists`). */
export const GigReportMarkerEntity = new Entity({
  name: 'GigReportMarker',
  table,
  timestamps: false,
  schema: item({
    gigId: string().key(),
    reporterId: string().key(),
    againstId: string().key(),
    reportId: string(),
  }),
  computeKey: ({ gigId, reporterId, againstId }) => ({ pk: `GIG#${gigId}`, sk: `REPORTED#${reporterId}#${againstId}` }),
});

/**
 * The contact of someone who posts without a registration (a household needing a hand): how to
 * address them and the phone WeChat verified (getPhoneNumber). Erased with the account.
 */
export const GigContactEntity = new Entity({
  name: 'GigContact',
  table,
  timestamps: false,
  schema: item({
    userId: string().key(),
    name: string(),
    phone: string(),
    verifiedAt: string(),
  }),
  computeKey: ({ userId }) => ({ pk: `USER#${userId}`, sk: 'GIG_CONTACT' }),
});

/** Upheld reports against a person; at 3 they may no longer post. */
export const GigStandingEntity = new Entity({
  name: 'GigStanding',
  table,
  timestamps: false,
  schema: item({
    userId: string().key(),
    strikes: number(),
    updatedAt: string(),
  }),
  computeKey: ({ userId }) => ({ pk: `USER#${userId}`, sk: 'GIG_STANDING' }),
});
