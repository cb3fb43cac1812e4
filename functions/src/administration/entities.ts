// 人员与权限's items (functions/src/db/README.md has their access patterns). Beside the domain, not in
// db/entities.ts, so that functions which never touch them do not carry their definitions.
import { Entity } from 'dynamodb-toolbox/entity';
import { item } from 'dynamodb-toolbox/schema/item';
import { string } from 'dynamodb-toolbox/schema/string';
import { number } from 'dynamodb-toolbox/schema/number';
import { list } from 'dynamodb-toolbox/schema/list';
import { map } from 'dynamodb-toolbox/schema/map';
import { table } from '../db/table';

/**
 * A staff member of an area: who, where, which roles, who added them. The account (User) holds
 * the same roles, level and area for every request's check; both change in one transaction.
 * Listed per city under GSI1 by area code, so any jurisdiction is one `begins_with` query; a
 * removed member moves to the former staff's list and keeps its audit chain.
 */
export const StaffMemberEntity = new Entity({
  name: 'StaffMember',
  table,
  timestamps: false,
  schema: item({
    userId: string().key(),
    name: string(),
    phone: string(),
    level: string(),
    areaCode: string(),
    roles: list(string()),
    status: string().enum('active', 'removed'),
    /** The administrator's user id, or `system:bootstrap` for a city's first administrator. */
    addedBy: string(),
    addedByName: string(),
    addedAt: string(),
    updatedAt: string(),
    removedAt: string().optional(),
    version: number(),
    auditHead: string(),
    gsi1pk: string(),
    gsi1sk: string(),
  }),
  computeKey: ({ userId }) => ({ pk: `STAFF#${userId}`, sk: 'MEMBER' }),
});

export const staffMemberIndexKeys = (areaCode: string, userId: string, status: 'active' | 'removed') => ({
  gsi1pk: `${status === 'active' ? 'STAFF_AREA' : 'STAFF_FORMER'}#${areaCode.slice(0, 4)}`,
  gsi1sk: `${areaCode}#${userId}`,
});

/** An invitation to work in an area, by phone; the six-digit code only as a hash. */
export const StaffInvitationEntity = new Entity({
  name: 'StaffInvitation',
  table,
  timestamps: false,
  schema: item({
    areaCode: string().key(),
    phone: string().key(),
    name: string(),
    level: string(),
    roles: list(string()),
    codeHash: string(),
    attempts: number(),
    expiresAt: string(),
    invitedBy: string(),
    invitedByName: string(),
    createdAt: string(),
    ttl: number(),
    /** GSI1: the pending invitations of a city by area; GSI2: those waiting for a phone. */
    gsi1pk: string(),
    gsi1sk: string(),
    gsi2pk: string(),
    gsi2sk: string(),
  }),
  computeKey: ({ areaCode, phone }) => ({ pk: `STAFFINVITE#${areaCode}`, sk: phone }),
});

export const staffInvitationIndexKeys = (areaCode: string, phone: string) => ({
  gsi1pk: `STAFF_INVITES#${areaCode.slice(0, 4)}`,
  gsi1sk: `${areaCode}#${phone}`,
  gsi2pk: `STAFFINVITES#${phone}`,
  gsi2sk: areaCode,
});

/** How many administrators an area has: an administrator cannot leave an area without one. */
export const AreaAdminsEntity = new Entity({
  name: 'AreaAdmins',
  table,
  timestamps: false,
  schema: item({ areaCode: string().key(), count: number() }),
  computeKey: ({ areaCode }) => ({ pk: `AREA#${areaCode}`, sk: 'ADMINS' }),
});
