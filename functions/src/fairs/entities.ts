// 招聘会's items (functions/src/db/README.md has their access patterns): the fair, its booths (one
// per employer), pre-registrations and check-ins, all in the fair's partition. Beside the domain,
// so that functions which never touch them do not carry their definitions.
import { Entity } from 'dynamodb-toolbox/entity';
import { item } from 'dynamodb-toolbox/schema/item';
import { string } from 'dynamodb-toolbox/schema/string';
import { number } from 'dynamodb-toolbox/schema/number';
import { list } from 'dynamodb-toolbox/schema/list';
import { map } from 'dynamodb-toolbox/schema/map';
import { UpdateTransaction } from 'dynamodb-toolbox/entity/actions/transactUpdate';
import { $add } from 'dynamodb-toolbox/entity/actions/update';
import { table } from '../db/table';

/** The counters kept on a fair's shards (FairCountEntity), moved by ADD. */
const shardCounters = () => ({
  registered: number().optional(),
  attendees: number().optional(),
  intentions: number().optional(),
  hires: number().optional(),
  receiptsFiled: number().optional(),
  reportedResumes: number().optional(),
  reportedIntentions: number().optional(),
  reportedHires: number().optional(),
});

/**
 * A fair. `accepted` counts the booths given out (`accepted < booths` on every acceptance). GSI1: a
 * city's fairs by date. Its public figures are counters kept in the transactions that change them
 * (sign-up, first check-in, 我有意向, a hire within the 30 days, a booth accepted, a receipt filed
 * or corrected): the posts of accepted booths on the fair itself, the rest on the fair's counter
 * shards (FairCountEntity), so twenty scanners at a gate do not all write one item. `countsKept` is
 * when the counting began (fairs created before it are counted from their partition).
 */
export const FairEntity = new Entity({
  name: 'Fair',
  table,
  timestamps: false,
  schema: item({
    fairId: string().key(),
    title: string(),
    kind: string().enum('general', 'graduates', 'hard_to_employ', 'veterans', 'women', 'disabled'),
    mode: string().enum('onsite', 'online'),
    areaCode: string(),
    startDate: string(),
    endDate: string(),
    hours: map({ from: string(), to: string() }),
    venue: map({ name: string(), address: string(), lat: number(), lng: number() }).optional(),
    liveUrl: string().optional(),
    liveRoomId: string().optional(),
    intro: string(),
    booths: number(),
    accepted: number(),
    status: string().enum('planned', 'published', 'cancelled'),
    publishTaskId: string(),
    /** On-site fairs: the task to have the venue screens ready the working day before. */
    screenTaskId: string().optional(),
    screenReadyAt: string().optional(),
    countsKept: string().optional(),
    posts: number().optional(),
    // Fairs counted before the shards kept these on the fair itself (the figures add both).
    ...shardCounters(),
    createdBy: string(),
    createdAt: string(),
    updatedAt: string(),
    gsi1pk: string(),
    gsi1sk: string(),
  }),
  computeKey: ({ fairId }) => ({ pk: `FAIR#${fairId}`, sk: 'FAIR' }),
});

export type FairCounter = 'registered' | 'attendees' | 'posts' | 'intentions' | 'hires' | 'receiptsFiled' | 'reportedResumes' | 'reportedIntentions' | 'reportedHires';

/** How many counter items a fair's figures are spread over. */
export const FAIR_COUNT_SHARDS = 8;

/**
 * One of a fair's counter shards, `FAIR#<id>` / `COUNT#<n>`: each counting write adds to one shard
 * picked at random, and the figures add the shards up. Between `COUNT#` and the fair's own `FAIR`
 * item in sort order there is nothing else, so one Query reads the fair and all its counts.
 */
export const FairCountEntity = new Entity({
  name: 'FairCount',
  table,
  timestamps: false,
  schema: item({
    fairId: string().key(),
    shard: number().key(),
    ...shardCounters(),
  }),
  computeKey: ({ fairId, shard }) => ({ pk: `FAIR#${fairId}`, sk: `COUNT#${shard}` }),
});

/** The fair's counters moved by `deltas`, as one write of the transaction that changes them (on a random shard). */
export const countOnFair = (fairId: string, deltas: Partial<Record<Exclude<FairCounter, 'posts'>, number>>) =>
  FairCountEntity.build(UpdateTransaction).item({
    fairId,
    shard: Math.floor(Math.random() * FAIR_COUNT_SHARDS),
    ...Object.fromEntries(Object.entries(deltas).map(([k, v]) => [k, $add(v ?? 0)])),
  });

export const fairIndexKeys = (areaCode: string, startDate: string, fairId: string) => ({ gsi1pk: `FAIRS#${areaCode.slice(0, 4)}`, gsi1sk: `${startDate}#${fairId}` });

/** An employer's booth at a fair: one per employer (`attribute_not_exists`), with the posts it brings. GSI2: the employer's fairs. */
export const BoothEntity = new Entity({
  name: 'Booth',
  table,
  timestamps: false,
  schema: item({
    fairId: string().key(),
    employerId: string().key(),
    employerName: string(),
    vacancyIds: list(string()),
    status: string().enum('applied', 'accepted', 'refused'),
    boothNo: number().optional(),
    reason: string().optional(),
    appliedBy: string(),
    decidedBy: string().optional(),
    /** Accepted booths: the staff's task to collect the receipt (due 5 working days after the fair). */
    receiptTaskId: string().optional(),
    receipt: map({ resumes: number(), intentions: number(), hires: number(), note: string().optional(), filedAt: string(), filedBy: string() }).optional(),
    createdAt: string(),
    updatedAt: string(),
    gsi2pk: string(),
    gsi2sk: string(),
  }),
  computeKey: ({ fairId, employerId }) => ({ pk: `FAIR#${fairId}`, sk: `BOOTH#${employerId}` }),
});

/** A person's pre-registration (one each). GSI2: the person's fairs. */
export const FairRegistrationEntity = new Entity({
  name: 'FairRegistration',
  table,
  timestamps: false,
  schema: item({
    fairId: string().key(),
    userId: string().key(),
    createdAt: string(),
    gsi2pk: string(),
    gsi2sk: string(),
  }),
  computeKey: ({ fairId, userId }) => ({ pk: `FAIR#${fairId}`, sk: `REG#${userId}` }),
});

/** A check-in: once per person per day (`attribute_not_exists`). */
export const FairCheckInEntity = new Entity({
  name: 'FairCheckIn',
  table,
  timestamps: false,
  schema: item({
    fairId: string().key(),
    date: string().key(),
    userId: string().key(),
    at: string(),
    how: string().enum('scanned', 'self'),
    by: string().optional(),
    /** The fair's area, so the check-in is counted in the assessment figures there. */
    areaCode: string().optional(),
  }),
  computeKey: ({ fairId, date, userId }) => ({ pk: `FAIR#${fairId}`, sk: `CHECKIN#${date}#${userId}` }),
});

/** A person came to the fair (any day): written with their first check-in, so each is counted once. */
export const FairAttendeeEntity = new Entity({
  name: 'FairAttendee',
  table,
  timestamps: false,
  schema: item({
    fairId: string().key(),
    userId: string().key(),
    firstAt: string(),
  }),
  computeKey: ({ fairId, userId }) => ({ pk: `FAIR#${fairId}`, sk: `ATTENDEE#${userId}` }),
});

/**
 * 我有意向 said at a fair: the application's id beside the fair (no personal data: the application
 * holds the person), written in the application's own transaction; the fair's figures read them.
 */
export const FairIntentEntity = new Entity({
  name: 'FairIntent',
  table,
  timestamps: false,
  schema: item({
    fairId: string().key(),
    applicationId: string().key(),
    vacancyId: string(),
    employerId: string(),
    createdAt: string(),
  }),
  computeKey: ({ fairId, applicationId }) => ({ pk: `FAIR#${fairId}`, sk: `INTENT#${applicationId}` }),
});
