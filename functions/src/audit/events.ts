// Building the next audit event of a record, to be written in the same transaction as the change,
// and reading a record's events back (kept apart from the audit service's access rules, which only
// the audit route needs).
import { PutTransaction } from 'dynamodb-toolbox/entity/actions/transactPut';
import { QueryCommand } from 'dynamodb-toolbox/table/actions/query';
import { AuditEventEntity } from '../db/entities';
import { table } from '../db/table';
import { actingProxy } from '../proxies/acting';
import { auditHash, GENESIS_HASH, type AuditEventContent } from './chain';

/**
 * The next event of a record's chain. Written during a family member's proxy request, it names
 * them too (`proxyId`), whatever the caller passed: every proxy action shows both in the trail.
 */
export function nextAuditEvent(
  prev: { seq: number; hash: string } | undefined,
  event: Omit<AuditEventContent, 'seq' | 'proxyId'>,
) {
  const proxy = actingProxy();
  const content: AuditEventContent = { ...event, seq: (prev?.seq ?? 0) + 1, ...(proxy ? { proxyId: proxy.proxyUserId } : {}) };
  const prevHash = prev?.hash ?? GENESIS_HASH;
  const hash = auditHash(prevHash, content);
  const put = AuditEventEntity.build(PutTransaction)
    .item({ ...content, prevHash, hash })
    // An event number is written once: a racing writer fails here and the whole change is cancelled.
    .options({ condition: { attr: 'seq', exists: false } });
  return { put, head: { seq: content.seq, hash } };
}

/** A record keeps the head of its chain as "<seq>:<hash>". */
export function parseAuditHead(head: string): { seq: number; hash: string } {
  const [seq, hash] = head.split(':');
  return { seq: Number(seq), hash };
}

export function formatAuditHead(head: { seq: number; hash: string }): string {
  return `${head.seq}:${head.hash}`;
}

/** Every event of a record's chain, in order. */
export async function readAuditEvents(type: string, id: string) {
  const events = [];
  let exclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const page = await table
      .build(QueryCommand)
      .entities(AuditEventEntity)
      .query({ partition: `AUDIT#${type}#${id}` })
      .options({ consistent: true, ...(exclusiveStartKey ? { exclusiveStartKey } : {}) })
      .send();
    events.push(...(page.Items ?? []));
    exclusiveStartKey = page.LastEvaluatedKey;
  } while (exclusiveStartKey);
  return events;
}
