// One entity per aggregate. Key prefixes live here so nothing else ever writes `USER#…`.
import { Entity } from 'dynamodb-toolbox/entity';
import { item } from 'dynamodb-toolbox/schema/item';
import { string } from 'dynamodb-toolbox/schema/string';
import { number } from 'dynamodb-toolbox/schema/number';
import { list } from 'dynamodb-toolbox/schema/list';
import { map } from 'dynamodb-toolbox/schema/map';
import { table } from './table';

export const UserEntity = new Entity({
  name: 'User',
  table,
  timestamps: false,
  schema: item({
    userId: string().key(),
    roles: list(string()),
    level: string().optional(),
    areaCode: string().optional(),
    createdAt: string(),
    updatedAt: string(),
  }),
  computeKey: ({ userId }) => ({ pk: `USER#${userId}`, sk: 'PROFILE' }),
});

/** Which user an external identity (a WeChat openid) belongs to. */
export const IdentityLinkEntity = new Entity({
  name: 'IdentityLink',
  table,
  timestamps: false,
  schema: item({
    provider: string().key(),
    subject: string().key(),
    userId: string(),
    createdAt: string(),
  }),
  computeKey: ({ provider, subject }) => ({ pk: `IDENTITY#${provider}#${subject}`, sk: 'LINK' }),
});

export const JobseekerRegistrationEntity = new Entity({
  name: 'JobseekerRegistration',
  table,
  timestamps: false,
  schema: item({
    userId: string().key(),
    idNumberCipher: string(),
    idNumberHash: string(),
    idNumberMasked: string(),
    name: string(),
    gender: string().enum('male', 'female'),
    birthDate: string(),
    phone: string(),
    education: string(),
    yearsOfExperience: number(),
    qualificationLevel: string().optional(),
    professionalTitle: string().optional(),
    personCategory: string().optional(),
    resume: string().optional(),
    residence: map({ areaCode: string(), address: string(), lat: number(), lng: number() }),
    intention: map({
      occupations: list(string()),
      minMonthlySalaryFen: number(),
      maxDistanceKm: number(),
      shift: string(),
    }),
    validUntil: string(),
    createdAt: string(),
    updatedAt: string(),
    version: number(),
    auditHead: string(),
    // Staff find registrations in their jurisdiction (see registrationJurisdictionKeys).
    gsi1pk: string(),
    gsi1sk: string(),
  }),
  computeKey: ({ userId }) => ({ pk: `USER#${userId}`, sk: 'JOBSEEKER_REG' }),
});

/** GSI1 keys of a registration: one partition per district, the community code first in the sort key. */
export function registrationJurisdictionKeys(userId: string, communityCode: string) {
  return { gsi1pk: `JOBSEEKER_REG#${communityCode.slice(0, 6)}`, gsi1sk: `${communityCode}#${userId}` };
}

/** Uniqueness of an ID number across accounts, by its HMAC blind index (never the number itself). */
export const IdNumberClaimEntity = new Entity({
  name: 'IdNumberClaim',
  table,
  timestamps: false,
  schema: item({
    idNumberHash: string().key(),
    userId: string(),
    createdAt: string(),
  }),
  computeKey: ({ idNumberHash }) => ({ pk: `IDNUMBER#${idNumberHash}`, sk: 'CLAIM' }),
});

/** An append-only, hash-chained audit event of a regulated record. */
export const AuditEventEntity = new Entity({
  name: 'AuditEvent',
  table,
  timestamps: false,
  schema: item({
    recordType: string().key(),
    recordId: string().key(),
    seq: number().key(),
    actorId: string(),
    at: string(),
    action: string(),
    fromState: string(),
    toState: string(),
    reason: string().optional(),
    changedFields: list(string()).optional(),
    prevHash: string(),
    hash: string(),
  }),
  computeKey: ({ recordType, recordId, seq }) => ({
    pk: `AUDIT#${recordType}#${recordId}`,
    sk: `EVENT#${String(seq).padStart(8, '0')}`,
  }),
});

/** A CloudBase identity ticket already exchanged: tickets are single use; TTL removes them. */
export const UsedTicketEntity = new Entity({
  name: 'UsedTicket',
  table,
  timestamps: false,
  schema: item({
    jti: string().key(),
    ttl: number(),
  }),
  computeKey: ({ jti }) => ({ pk: `TICKET#${jti}`, sk: 'USED' }),
});
