// 零就业家庭's items (functions/src/db/README.md has their access patterns): the household, one
// marker per member's ID number (a person is in one household at a time), and a pointer in the
// partition of each member who has an account (their employment changes find the household).
import { Entity } from 'dynamodb-toolbox/entity';
import { item } from 'dynamodb-toolbox/schema/item';
import { string } from 'dynamodb-toolbox/schema/string';
import { number } from 'dynamodb-toolbox/schema/number';
import { boolean } from 'dynamodb-toolbox/schema/boolean';
import { list } from 'dynamodb-toolbox/schema/list';
import { map } from 'dynamodb-toolbox/schema/map';
import { table } from '../db/table';

/**
 * A household applied for or recognised. Members' ID numbers are kept as ciphertext, a blind index
 * and a masked copy. `atZero` is kept up to date by every change of a member's work; `clear` is the
 * street's 动态清零 task while it is back at zero. GSI1: the city's households by area.
 */
export const HouseholdEntity = new Entity({
  name: 'Household',
  table,
  timestamps: false,
  schema: item({
    householdId: string().key(),
    applicantId: string(),
    applicantName: string(),
    /** The applicant's community (12 digits). */
    areaCode: string(),
    urbanRegister: boolean(),
    members: list(
      map({
        name: string(),
        idNumberCipher: string(),
        idNumberHash: string(),
        idNumberMasked: string(),
        birthDate: string(),
        gender: string().enum('male', 'female'),
        relation: string(),
        activity: string(),
        ableToWork: boolean(),
        willingToWork: boolean(),
        stableIncome: boolean(),
        userId: string().optional(),
      }),
    ),
    evidenceKeys: list(string()),
    status: string().enum('pending_street', 'pending_district', 'recognised', 'rejected'),
    reason: string().optional(),
    ruleVersion: string(),
    atZero: boolean(),
    zeroSince: string().optional(),
    leftZeroOn: string().optional(),
    clear: map({ taskId: string(), areaCode: string(), due: string() }).optional(),
    version: number(),
    createdAt: string(),
    updatedAt: string(),
    gsi1pk: string(),
    gsi1sk: string(),
  }),
  computeKey: ({ householdId }) => ({ pk: `HOUSEHOLD#${householdId}`, sk: 'HOUSEHOLD' }),
});

export const householdAreaKeys = (areaCode: string, createdAt: string, householdId: string) => ({ gsi1pk: `HOUSEHOLDS#${areaCode.slice(0, 4)}`, gsi1sk: `${areaCode}#${createdAt}#${householdId}` });

/** One per member's ID number (its blind index): in one household at a time. Freed when the application is refused. */
export const HouseholdMemberEntity = new Entity({
  name: 'HouseholdMember',
  table,
  timestamps: false,
  schema: item({ idNumberHash: string().key(), householdId: string() }),
  computeKey: ({ idNumberHash }) => ({ pk: `HHMEMBER#${idNumberHash}`, sk: 'MEMBER' }),
});

/** `USER#<id>` / `HOUSEHOLD#<householdId>`: the households a person with an account belongs to. */
export const PersonHouseholdEntity = new Entity({
  name: 'PersonHousehold',
  table,
  timestamps: false,
  schema: item({ userId: string().key(), householdId: string().key(), createdAt: string() }),
  computeKey: ({ userId, householdId }) => ({ pk: `USER#${userId}`, sk: `HOUSEHOLD#${householdId}` }),
});
