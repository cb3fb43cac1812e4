// Training's items: courses and their cards, enrolments, trainee markers, the waitlist, voucher
// reservations, training needs. Beside the domain (functions/src/db/README.md has their access
// patterns; ../db/registry.ts lists every entity).
import { Entity } from 'dynamodb-toolbox/entity';
import { item } from 'dynamodb-toolbox/schema/item';
import { string } from 'dynamodb-toolbox/schema/string';
import { number } from 'dynamodb-toolbox/schema/number';
import { list } from 'dynamodb-toolbox/schema/list';
import { geoCard, geoCardAttributes } from '../db/geoCard';
import { table } from '../db/table';

// ---- Training (issue 6) ----

/**
 * A course (培训班) of a training institution. `enrolled` and `waiting` are the seat counters the
 * sign-up transactions hold their conditions on. GSI1: the provider's courses by start date.
 */
export const CourseEntity = new Entity({
  name: 'Course',
  table,
  timestamps: false,
  schema: item({
    courseId: string().key(),
    providerId: string(),
    providerName: string(),
    /** The course body as posted (shared/src/contracts/training.ts), without the provider id. */
    bodyJson: string(),
    /** Accepted voucher programmes with their names, as shown. */
    programmesJson: string(),
    seats: number(),
    enrolled: number(),
    waiting: number(),
    /** The highest key in the waitlist so far: a place is taken only with a key above it. */
    lastWaitKey: string().optional(),
    signUpDeadline: string(),
    startsOn: string(),
    status: string().enum('open', 'cancelled'),
    createdBy: string(),
    createdAt: string(),
    gsi1pk: string(),
    gsi1sk: string(),
  }),
  computeKey: ({ courseId }) => ({ pk: `COURSE#${courseId}`, sk: 'COURSE' }),
});

const courseCard = geoCard('COURSE_GEO');
export const courseGeoPartition = courseCard.partition;
/** A course's search card under its geohash-5 cell, like a vacancy's; TTL removes it after the sign-up deadline. */
export const CourseCardEntity = new Entity({
  name: 'CourseCard',
  table,
  timestamps: false,
  schema: item({
    ...geoCardAttributes(),
    courseId: string().key(),
    occupationName: string(),
    signUpDeadline: string(),
    ttl: number(),
  }),
  computeKey: ({ cell, hash, courseId }) => courseCard.key(cell, hash, courseId),
});

/**
 * A person's sign-up for a course. Its id is a ULID taken on arrival: the waitlist is in that
 * order. GSI1: the course's roster; GSI2: the person's sign-ups.
 */
export const EnrolmentEntity = new Entity({
  name: 'Enrolment',
  table,
  timestamps: false,
  schema: item({
    enrolmentId: string().key(),
    courseId: string(),
    userId: string(),
    status: string().enum('enrolled', 'waitlisted', 'cancelled', 'completed', 'not_completed'),
    courseTitle: string(),
    providerId: string(),
    providerName: string(),
    startsOn: string(),
    signUpDeadline: string(),
    voucherId: string().optional(),
    voucherProgrammeName: string().optional(),
    voucherFaceValueFen: number().optional(),
    voucherState: string().enum('reserved', 'redeemed', 'released', 'not_redeemed').optional(),
    voucherNote: string().optional(),
    attendedDays: number().optional(),
    certificateNo: string().optional(),
    /** Its key in the course's waitlist while it is (or was) waitlisted (the WaitlistEntry's). */
    waitKey: string().optional(),
    /** Community staff who signed the person up (assisted mode). */
    bookedBy: string().optional(),
    createdAt: string(),
    updatedAt: string(),
    gsi1pk: string(),
    gsi1sk: string(),
    gsi2pk: string(),
    gsi2sk: string(),
  }),
  computeKey: ({ enrolmentId }) => ({ pk: `ENROLMENT#${enrolmentId}`, sk: 'ENROLMENT' }),
});

/** One live sign-up per person and course: written under `attribute_not_exists`, removed on cancelling. */
export const TraineeMarkerEntity = new Entity({
  name: 'TraineeMarker',
  table,
  timestamps: false,
  schema: item({
    courseId: string().key(),
    userId: string().key(),
    enrolmentId: string(),
  }),
  computeKey: ({ courseId, userId }) => ({ pk: `COURSE#${courseId}`, sk: `TRAINEE#${userId}` }),
});

/**
 * A place in a course's waitlist, in the course's own partition so the head is read consistently,
 * sorted by its key: a ULID made when the place was taken and written only if it is above the
 * course's `lastWaitKey`, so the line is in the order places were taken and nobody can later be
 * put ahead of anyone already waiting.
 */
export const WaitlistEntryEntity = new Entity({
  name: 'WaitlistEntry',
  table,
  timestamps: false,
  schema: item({
    courseId: string().key(),
    waitKey: string().key(),
    enrolmentId: string(),
    userId: string(),
  }),
  computeKey: ({ courseId, waitKey }) => ({ pk: `COURSE#${courseId}`, sk: `WAIT#${waitKey}` }),
});

/** A voucher held for a sign-up until completion: one sign-up at a time can count on a voucher. */
export const VoucherReservationEntity = new Entity({
  name: 'VoucherReservation',
  table,
  timestamps: false,
  schema: item({
    voucherId: string().key(),
    enrolmentId: string(),
  }),
  computeKey: ({ voucherId }) => ({ pk: `VOUCHER#${voucherId}`, sk: 'RESERVED' }),
});

/** A person's answer to the training-needs survey (one, replaced when they answer again). */
export const TrainingNeedEntity = new Entity({
  name: 'TrainingNeed',
  table,
  timestamps: false,
  schema: item({
    userId: string().key(),
    occupations: list(string()),
    type: string(),
    time: string(),
    areaCode: string(),
    version: number(),
    updatedAt: string(),
  }),
  computeKey: ({ userId }) => ({ pk: `USER#${userId}`, sk: 'TRAINING_NEED' }),
});

/** How many answers of an area (every level, community to city) name a value: TOTAL, OCC#…, TYPE#…, TIME#…. */
export const TrainingNeedCountEntity = new Entity({
  name: 'TrainingNeedCount',
  table,
  timestamps: false,
  schema: item({
    areaCode: string().key(),
    key: string().key(),
    count: number(),
  }),
  computeKey: ({ areaCode, key }) => ({ pk: `TRAINING_NEEDS#${areaCode}`, sk: key }),
});
