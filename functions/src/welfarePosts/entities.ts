// 公益性岗位's items (functions/src/db/README.md has their access patterns): the post, and each
// person placed in it (in the post's partition, so its occupancy is one Query).
import { Entity } from 'dynamodb-toolbox/entity';
import { item } from 'dynamodb-toolbox/schema/item';
import { string } from 'dynamodb-toolbox/schema/string';
import { number } from 'dynamodb-toolbox/schema/number';
import { boolean } from 'dynamodb-toolbox/schema/boolean';
import { table } from '../db/table';

/** A public-welfare post. `filled` counts its placements (each under a condition on it). GSI1: the city's posts by area. */
export const WelfarePostEntity = new Entity({
  name: 'WelfarePost',
  table,
  timestamps: false,
  schema: item({
    postId: string().key(),
    unitName: string(),
    title: string(),
    duties: string(),
    areaCode: string(),
    seats: number(),
    filled: number(),
    funding: string(),
    kind: string(),
    forHardToEmploy: boolean(),
    publicInterest: boolean(),
    monthlyWageFen: number(),
    status: string().enum('pending_street', 'pending_district', 'confirmed', 'rejected'),
    reason: string().optional(),
    createdBy: string(),
    /** The unit that applied from its phone (its own list is GSI2 `EMPLOYER_PWPOSTS#<employerId>`). */
    employerId: string().optional(),
    createdAt: string(),
    updatedAt: string(),
    version: number(),
    gsi1pk: string(),
    gsi1sk: string(),
    gsi2pk: string().optional(),
    gsi2sk: string().optional(),
  }),
  computeKey: ({ postId }) => ({ pk: `PWPOST#${postId}`, sk: 'POST' }),
});

export const welfarePostAreaKeys = (areaCode: string, createdAt: string, postId: string) => ({ gsi1pk: `PWPOSTS#${areaCode.slice(0, 4)}`, gsi1sk: `${areaCode}#${createdAt}#${postId}` });

/** A case's person placed in a post for a term: `PWPOST#<postId>` / `PLACE#<caseId>`. */
export const WelfarePlacementEntity = new Entity({
  name: 'WelfarePlacement',
  table,
  timestamps: false,
  schema: item({
    postId: string().key(),
    caseId: string().key(),
    userId: string(),
    personName: string(),
    from: string(),
    until: string(),
    placedBy: string(),
    at: string(),
  }),
  computeKey: ({ postId, caseId }) => ({ pk: `PWPOST#${postId}`, sk: `PLACE#${caseId}` }),
});

export const welfarePostUnitKeys = (employerId: string, createdAt: string, postId: string) => ({ gsi2pk: `EMPLOYER_PWPOSTS#${employerId}`, gsi2sk: `${createdAt}#${postId}` });
