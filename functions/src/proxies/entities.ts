// 亲情代办's items (functions/src/db/README.md has their access patterns). Beside the domain, not in
// db/entities.ts, so that functions which never touch them do not carry their definitions.
import { Entity } from 'dynamodb-toolbox/entity';
import { item } from 'dynamodb-toolbox/schema/item';
import { string } from 'dynamodb-toolbox/schema/string';
import { number } from 'dynamodb-toolbox/schema/number';
import { list } from 'dynamodb-toolbox/schema/list';
import { map } from 'dynamodb-toolbox/schema/map';
import { table } from '../db/table';

const proxyConsent = () => map({ at: string(), version: string(), channel: string().enum('weapp', 'h5') });

/** A person's invitation to a family member's phone; the six-digit code only as a hash. */
export const ProxyInvitationEntity = new Entity({
  name: 'ProxyInvitation',
  table,
  timestamps: false,
  schema: item({
    personId: string().key(),
    phone: string().key(),
    relation: string(),
    callName: string(),
    codeHash: string(),
    attempts: number(),
    expiresAt: string(),
    createdAt: string(),
    /** The person's consent to being acted for, given when inviting. */
    personConsent: proxyConsent(),
    ttl: number(),
    /** GSI2: the invitations waiting for a phone, so the family member accepts with phone and code alone. */
    gsi2pk: string(),
    gsi2sk: string(),
  }),
  computeKey: ({ personId, phone }) => ({ pk: `USER#${personId}`, sk: `PROXYINVITE#${phone}` }),
});

export const proxyInvitationIndexKeys = (phone: string, personId: string) => ({ gsi2pk: `PROXYINVITES#${phone}`, gsi2sk: personId });

/** A family member who may act for the person, with both consents; kept after it ends (revoked). */
export const ProxyBindingEntity = new Entity({
  name: 'ProxyBinding',
  table,
  timestamps: false,
  schema: item({
    personId: string().key(),
    bindingId: string().key(),
    proxyUserId: string(),
    proxyPhone: string(),
    relation: string(),
    callName: string(),
    status: string().enum('active', 'revoked'),
    personConsent: proxyConsent(),
    proxyConsent: proxyConsent(),
    createdAt: string(),
    revokedAt: string().optional(),
    revokedBy: string().enum('person', 'proxy').optional(),
    /** GSI2: the people a family member acts for. */
    gsi2pk: string(),
    gsi2sk: string(),
  }),
  computeKey: ({ personId, bindingId }) => ({ pk: `USER#${personId}`, sk: `PROXY#${bindingId}` }),
});

export const proxyBindingIndexKeys = (proxyUserId: string, bindingId: string) => ({ gsi2pk: `PROXIES_OF#${proxyUserId}`, gsi2sk: bindingId });

/**
 * The person's standing proxies: one marker per family member (so one can be bound only once at a
 * time) and a count (so no more than MAX_PROXIES_PER_PERSON), both written in the binding's own
 * transaction and removed in the revocation's.
 */
export const ProxyPairEntity = new Entity({
  name: 'ProxyPair',
  table,
  timestamps: false,
  schema: item({ personId: string().key(), proxyUserId: string().key(), bindingId: string() }),
  computeKey: ({ personId, proxyUserId }) => ({ pk: `USER#${personId}`, sk: `PROXYPAIR#${proxyUserId}` }),
});

export const ProxyCountEntity = new Entity({
  name: 'ProxyCount',
  table,
  timestamps: false,
  schema: item({ personId: string().key(), active: number() }),
  computeKey: ({ personId }) => ({ pk: `USER#${personId}`, sk: 'PROXYCOUNT' }),
});

/** One thing a family member did for the person: written before it runs, its outcome after. */
export const ProxyActionEntity = new Entity({
  name: 'ProxyAction',
  table,
  timestamps: false,
  schema: item({
    personId: string().key(),
    actionId: string().key(),
    proxyUserId: string(),
    bindingId: string(),
    /** The route's summary and its method and path. */
    what: string(),
    route: string(),
    outcome: string().enum('started', 'done', 'refused'),
    status: number().optional(),
    at: string(),
    /** GSI2: what a family member did, for them to see. */
    gsi2pk: string(),
    gsi2sk: string(),
  }),
  computeKey: ({ personId, actionId }) => ({ pk: `USER#${personId}`, sk: `PROXYACT#${actionId}` }),
});

export const proxyActionIndexKeys = (proxyUserId: string, actionId: string) => ({ gsi2pk: `PROXYACTS_BY#${proxyUserId}`, gsi2sk: actionId });

