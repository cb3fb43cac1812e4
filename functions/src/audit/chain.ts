// Hash chain of audit events: each event's hash covers its content and the previous hash, so
// editing or deleting any stored event breaks every hash after it.
import { createHash } from 'node:crypto';

export const GENESIS_HASH = '0'.repeat(64);

export interface AuditEventContent {
  recordType: string;
  recordId: string;
  seq: number;
  actorId: string;
  at: string;
  action: string;
  fromState: string;
  toState: string;
  reason?: string;
  changedFields?: string[];
  /** 亲情代办: the family member who did it for the person named by `actorId`. */
  proxyId?: string;
}

export function auditHash(prevHash: string, event: AuditEventContent): string {
  // Fixed field order so the same event always hashes the same way.
  const canonical = JSON.stringify([
    event.recordType,
    event.recordId,
    event.seq,
    event.actorId,
    event.at,
    event.action,
    event.fromState,
    event.toState,
    event.reason ?? null,
    event.changedFields ?? null,
    // Only when there is one, so every event hashed before proxies existed still verifies.
    ...(event.proxyId ? [event.proxyId] : []),
  ]);
  return createHash('sha256').update(prevHash).update(canonical).digest('hex');
}

/** Index of the first event whose hash does not follow from its predecessors, or -1 if the chain holds. */
export function findBrokenLink(events: (AuditEventContent & { prevHash: string; hash: string })[]): number {
  let prev = GENESIS_HASH;
  for (let i = 0; i < events.length; i += 1) {
    const e = events[i];
    if (e.seq !== i + 1 || e.prevHash !== prev || auditHash(prev, e) !== e.hash) return i;
    prev = e.hash;
  }
  return -1;
}
