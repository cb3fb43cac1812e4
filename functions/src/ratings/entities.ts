// 好差评 and complaints: ratings, the rated markers, complaints. Beside the domain
// (functions/src/db/README.md has their access patterns; ../db/registry.ts lists every entity).
import { Entity } from 'dynamodb-toolbox/entity';
import { item } from 'dynamodb-toolbox/schema/item';
import { string } from 'dynamodb-toolbox/schema/string';
import { number } from 'dynamodb-toolbox/schema/number';
import { list } from 'dynamodb-toolbox/schema/list';
import { map } from 'dynamodb-toolbox/schema/map';
import { table } from '../db/table';

// ── Ratings, complaints and figures (issue 7) ──────────────────────────────────────────────

/**
 * A rating (好差评) of one service. GSI2 lists the rater's ratings, newest first. Attributed to the
 * service point (area code), the staff member and the provider; an appeal and its decision live
 * on the rating.
 */
export const RatingEntity = new Entity({
  name: 'Rating',
  table,
  timestamps: false,
  schema: item({
    ratingId: string().key(),
    serviceType: string(),
    serviceId: string(),
    serviceTitle: string(),
    raterId: string(),
    /** Set when an employer's member rated for the employer. */
    raterEmployerId: string().optional(),
    score: number(),
    tags: list(string()),
    comment: string().optional(),
    status: string().enum('valid', 'appealed', 'voided'),
    servicePoint: string(),
    staffId: string().optional(),
    providerId: string().optional(),
    providerName: string().optional(),
    rectificationTaskId: string().optional(),
    appealReason: string().optional(),
    appealedAt: string().optional(),
    appealedBy: string().optional(),
    appealTaskId: string().optional(),
    appealDecision: string().enum('pending', 'upheld', 'rejected').optional(),
    decisionNote: string().optional(),
    decidedAt: string().optional(),
    decidedBy: string().optional(),
    createdAt: string(),
    updatedAt: string(),
    gsi2pk: string(),
    gsi2sk: string(),
  }),
  computeKey: ({ ratingId }) => ({ pk: `RATING#${ratingId}`, sk: 'RATING' }),
});

/** One rating per service: written with `attribute_not_exists` beside the rating. */
export const RatedMarkerEntity = new Entity({
  name: 'RatedMarker',
  table,
  timestamps: false,
  schema: item({
    serviceType: string().key(),
    serviceId: string().key(),
    ratingId: string(),
  }),
  computeKey: ({ serviceType, serviceId }) => ({ pk: `RATED#${serviceType}#${serviceId}`, sk: 'RATED' }),
});

/** A complaint or suggestion (投诉/意见) and its progress. GSI2 lists a person's, newest first. */
export const ComplaintEntity = new Entity({
  name: 'Complaint',
  table,
  timestamps: false,
  schema: item({
    complaintId: string().key(),
    userId: string(),
    kind: string().enum('complaint', 'suggestion'),
    topic: string(),
    text: string(),
    photoKeys: list(string()),
    areaCode: string(),
    serviceType: string().optional(),
    serviceId: string().optional(),
    status: string().enum('received', 'processing', 'resolved'),
    due: string(),
    taskId: string(),
    progress: list(map({ at: string(), status: string(), note: string(), by: string() })),
    createdAt: string(),
    updatedAt: string(),
    gsi2pk: string(),
    gsi2sk: string(),
  }),
  computeKey: ({ complaintId }) => ({ pk: `COMPLAINT#${complaintId}`, sk: 'COMPLAINT' }),
});
