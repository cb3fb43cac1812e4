// Consent and erasure: the person's consents, their log, the erasure due list. Beside the domain
// (functions/src/db/README.md has their access patterns; ../db/registry.ts lists every entity).
import { Entity } from 'dynamodb-toolbox/entity';
import { item } from 'dynamodb-toolbox/schema/item';
import { string } from 'dynamodb-toolbox/schema/string';
import { map } from 'dynamodb-toolbox/schema/map';
import { table } from '../db/table';

const heldConsent = () => map({ version: string(), at: string(), channel: string().enum('weapp', 'h5') }).optional();

/**
 * The consents a person holds now, one item so the check before a personal write is one GetItem:
 * per purpose the version of the guide it was given to, when, and through which channel.
 */
export const ConsentsEntity = new Entity({
  name: 'Consents',
  table,
  timestamps: false,
  schema: item({
    userId: string().key(),
    privacy: heldConsent(),
    id_number: heldConsent(),
    hardship_evidence: heldConsent(),
    bank_account: heldConsent(),
    /** Set while the person has asked to close the account (the cooling-off); personal writes are refused meanwhile. */
    closing: map({ requestedAt: string(), eraseAfter: string() }).optional(),
    /** Set when the erasure run has begun: from then on the request can no longer be cancelled. */
    erasingAt: string().optional(),
    /** Set when the account has been erased: what is left of it is this mark and the consent log. */
    erasedAt: string().optional(),
    updatedAt: string(),
  }),
  computeKey: ({ userId }) => ({ pk: `USER#${userId}`, sk: 'CONSENTS' }),
});

/** An account waiting for its erasure, filed by the day its cooling-off ends, for the daily erasure run. */
export const ErasureDueEntity = new Entity({
  name: 'ErasureDue',
  table,
  timestamps: false,
  schema: item({
    eraseAfter: string().key(),
    userId: string().key(),
    requestedAt: string(),
  }),
  computeKey: ({ eraseAfter, userId }) => ({ pk: 'ERASURES_DUE', sk: `${eraseAfter}#${userId}` }),
});

/** Every consent given or withdrawn, kept as it happened (PIPL: proof of consent), in time order. */
export const ConsentEventEntity = new Entity({
  name: 'ConsentEvent',
  table,
  timestamps: false,
  schema: item({
    userId: string().key(),
    eventId: string().key(),
    purpose: string(),
    /** A consent given or withdrawn; or, with purpose `account`, the account's closing asked, cancelled or done. */
    action: string().enum('given', 'withdrawn', 'deletion_requested', 'deletion_cancelled', 'erased'),
    version: string(),
    channel: string().optional(),
    at: string(),
  }),
  computeKey: ({ userId, eventId }) => ({ pk: `USER#${userId}`, sk: `CONSENTLOG#${eventId}` }),
});
