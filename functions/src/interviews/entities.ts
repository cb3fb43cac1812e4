// Remote interviews' items: slots, bookings, busy buckets, a person's interview record. Beside the
// domain (functions/src/db/README.md has their access patterns; ../db/registry.ts lists every entity).
import { Entity } from 'dynamodb-toolbox/entity';
import { item } from 'dynamodb-toolbox/schema/item';
import { string } from 'dynamodb-toolbox/schema/string';
import { number } from 'dynamodb-toolbox/schema/number';
import { table } from '../db/table';

// ── Interviews (issue 6, first slice) ──────────────────────────────────────────────────────

/** An interview slot an employer opens for a vacancy. `booked < capacity` is the capacity condition. GSI1 lists a vacancy's slots by start. */
export const InterviewSlotEntity = new Entity({
  name: 'InterviewSlot',
  table,
  timestamps: false,
  schema: item({
    slotId: string().key(),
    vacancyId: string(),
    employerId: string(),
    startsAt: string(),
    durationMinutes: number(),
    capacity: number(),
    booked: number(),
    mode: string().enum('video', 'onsite'),
    roomUrl: string().optional(),
    place: string().optional(),
    status: string().enum('open', 'cancelled'),
    createdBy: string(),
    createdAt: string(),
    gsi1pk: string(),
    gsi1sk: string(),
  }),
  computeKey: ({ slotId }) => ({ pk: `INTERVIEW_SLOT#${slotId}`, sk: 'SLOT' }),
});

/** A person's booking of a slot. GSI2 is their interview list, soonest first. */
export const InterviewBookingEntity = new Entity({
  name: 'InterviewBooking',
  table,
  timestamps: false,
  schema: item({
    bookingId: string().key(),
    slotId: string(),
    vacancyId: string(),
    userId: string(),
    startsAt: string(),
    durationMinutes: number(),
    status: string().enum('booked', 'cancelled'),
    /** Copied from the slot and the vacancy, so the person's list needs no other reads. */
    mode: string().enum('video', 'onsite').optional(),
    place: string().optional(),
    roomUrl: string().optional(),
    vacancyTitle: string().optional(),
    employerName: string().optional(),
    /** What the employer recorded after the interview, once. */
    outcome: string().enum('attended', 'no_show', 'hired', 'not_hired').optional(),
    /** Set when the booking was moved to another slot (the new booking's id). */
    rescheduledTo: string().optional(),
    /** Community staff who booked it for the person (assisted mode). */
    bookedBy: string().optional(),
    createdAt: string(),
    updatedAt: string(),
    gsi2pk: string(),
    gsi2sk: string(),
    /** GSI1: the vacancy's bookings for the employer, by start time (`VACANCY_BOOKINGS#<vacancyId>`). */
    gsi1pk: string().optional(),
    gsi1sk: string().optional(),
  }),
  computeKey: ({ bookingId }) => ({ pk: `INTERVIEW_BOOKING#${bookingId}`, sk: 'BOOKING' }),
});

/** One quarter-hour of a person's diary taken by a booking: written under `attribute_not_exists`, so overlapping bookings cannot both exist. */
export const BusyBucketEntity = new Entity({
  name: 'BusyBucket',
  table,
  timestamps: false,
  schema: item({
    userId: string().key(),
    bucket: string().key(),
    bookingId: string(),
    ttl: number(),
  }),
  computeKey: ({ userId, bucket }) => ({ pk: `USER#${userId}`, sk: `BUSY#${bucket}` }),
});

/** How often a person did not come to an interview they booked, for the employer and staff to see. */
export const InterviewRecordEntity = new Entity({
  name: 'InterviewRecord',
  table,
  timestamps: false,
  schema: item({
    userId: string().key(),
    noShows: number(),
    attended: number(),
  }),
  computeKey: ({ userId }) => ({ pk: `USER#${userId}`, sk: 'INTERVIEW_RECORD' }),
});
