// 访问记录's items (functions/src/db/README.md has their access patterns). Beside the domain, so that
// functions which never write or read them do not carry their definitions.
import { Entity } from 'dynamodb-toolbox/entity';
import { item } from 'dynamodb-toolbox/schema/item';
import { number } from 'dynamodb-toolbox/schema/number';
import { string } from 'dynamodb-toolbox/schema/string';
import { table } from '../db/table';

/**
 * One staff read of a person's personal data, in the person's partition (what they see in 我的数据)
 * and, through GSI1, in the officer's city by time (what administrators review).
 */
export const PersonAccessEntity = new Entity({
  name: 'PersonAccess',
  table,
  timestamps: false,
  schema: item({
    personId: string().key(),
    accessId: string().key(),
    /** Masked (陈**), for the administrators' list; 已注销用户 once the person's account is erased. */
    personName: string(),
    officerId: string(),
    officerLevel: string(),
    officerArea: string(),
    kind: string(),
    route: string(),
    at: string(),
    gsi1pk: string(),
    gsi1sk: string(),
  }),
  computeKey: ({ personId, accessId }) => ({ pk: `USER#${personId}`, sk: `ACCESS#${accessId}` }),
});

export const personAccessIndexKeys = (officerArea: string, at: string, accessId: string) => ({ gsi1pk: `ACCESS_AREA#${officerArea.slice(0, 4)}`, gsi1sk: `${at}#${accessId}` });

/** That an officer read this person's ID-backed record in this hour (so each person counts once an hour). */
export const AccessSeenEntity = new Entity({
  name: 'AccessSeen',
  table,
  timestamps: false,
  schema: item({ officerId: string().key(), hour: string().key(), personId: string().key(), ttl: number() }),
  computeKey: ({ officerId, hour, personId }) => ({ pk: `ACCESSSEEN#${officerId}#${hour}`, sk: personId }),
});

/** How many different people an officer read ID-backed records of in an hour. */
export const AccessCountEntity = new Entity({
  name: 'AccessCount',
  table,
  timestamps: false,
  schema: item({ officerId: string().key(), hour: string().key(), count: number(), ttl: number() }),
  computeKey: ({ officerId, hour }) => ({ pk: `ACCESSCOUNT#${officerId}`, sk: hour }),
});
