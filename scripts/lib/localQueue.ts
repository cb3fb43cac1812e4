// What AWS Lambda's event-source mappings do, in-process for `npm start` and the tests, with the
// queues kept in the table (LocalQueueMessageEntity) as the stand-in for SQS:
// - a stream consumer gets its records in order; what it reports failed is retried from there,
//   alone, a bounded number of times, then goes to the consumer's dead-letter queue and the
//   stream moves on (Lambda's bisect-on-error + maximumRetryAttempts + on-failure destination);
// - a queue consumer gets each message; a reported failure is received again, and on the fifth
//   receive it moves to `<queue>-dlq` (SQS's redrive policy, maxReceiveCount 5).
// Load it after the process's environment names the table (the functions read it once).
import type { DynamoDBBatchResponse, SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { DeleteItemCommand } from 'dynamodb-toolbox/entity/actions/delete';
import { PutItemCommand } from 'dynamodb-toolbox/entity/actions/put';
import { $add, UpdateItemCommand } from 'dynamodb-toolbox/entity/actions/update';
import { QueryCommand } from 'dynamodb-toolbox/table/actions/query';
import { ulid } from 'ulid';
import { LocalQueueMessageEntity } from '../../functions/src/db/entities';
import { table } from '../../functions/src/db/table';
import { pollEvery } from './pollEvery';

type StreamRecord = { eventName?: string; dynamodb?: { SequenceNumber?: string } & Record<string, unknown> };
export type StreamConsumer = (event: { Records: StreamRecord[] }) => Promise<DynamoDBBatchResponse | void>;
export type QueueConsumer = (event: SQSEvent) => Promise<SQSBatchResponse | void>;

/** Retries of a failing stream record before it goes to the dead-letter queue (serverless.yml says 5–10; fewer here keeps tests quick). */
export const LOCAL_STREAM_RETRIES = 2;
/** Receives of a queue message before it goes to the dead-letter queue (the settlement queue's maxReceiveCount). */
export const MAX_RECEIVES = 5;

export const dlqOf = (name: string) => `${name}-dlq`;

export async function sendToLocalQueue(queue: string, body: unknown, receives = 0): Promise<void> {
  await LocalQueueMessageEntity.build(PutItemCommand).item({ queue, messageId: ulid(), body: JSON.stringify(body), receives, sentAt: new Date().toISOString() }).send();
}

export async function readLocalQueue(queue: string) {
  const { Items = [] } = await table.build(QueryCommand).entities(LocalQueueMessageEntity).query({ partition: `LOCAL_QUEUE#${queue}` }).options({ consistent: true }).send();
  return Items;
}

export async function deleteLocalMessage(queue: string, messageId: string): Promise<void> {
  await LocalQueueMessageEntity.build(DeleteItemCommand).key({ queue, messageId }).send();
}

/**
 * Delivers a batch of stream records to `consumer` as Lambda would, with `name`'s dead-letter
 * queue. Never throws for the consumer's failures: those end in the dead-letter queue.
 */
export async function deliverStream(name: string, consumer: StreamConsumer, records: StreamRecord[], retries = LOCAL_STREAM_RETRIES): Promise<void> {
  let pending = records;
  let attempts = 0;
  while (pending.length > 0) {
    let failed: string | undefined;
    try {
      failed = (await consumer({ Records: pending }))?.batchItemFailures?.[0]?.itemIdentifier;
    } catch {
      failed = pending[0].dynamodb?.SequenceNumber ?? ''; // a thrown error fails the whole batch
    }
    if (failed === undefined) return;
    // The records before the failure are done (the checkpoint); the retry starts at it.
    pending = pending.slice(Math.max(0, pending.findIndex((r) => r.dynamodb?.SequenceNumber === failed)));
    attempts += 1;
    if (attempts > retries) {
      await sendToLocalQueue(dlqOf(name), { reason: 'retries exhausted', record: pending[0] });
      pending = pending.slice(1);
      attempts = 0;
    }
  }
}

/** One pass over a local queue: each message received once; failures stay, or move to the DLQ on their fifth receive. */
export async function drainLocalQueueOnce(queue: string, consumer: QueueConsumer): Promise<number> {
  const messages = await readLocalQueue(queue);
  for (const m of messages) {
    const receives = m.receives + 1;
    await LocalQueueMessageEntity.build(UpdateItemCommand).item({ queue, messageId: m.messageId, receives: $add(1) }).send();
    let failed = false;
    try {
      const r = await consumer({ Records: [{ messageId: m.messageId, body: m.body, attributes: { ApproximateReceiveCount: String(receives) } }] } as unknown as SQSEvent);
      failed = (r?.batchItemFailures ?? []).some((f) => f.itemIdentifier === m.messageId);
    } catch {
      failed = true;
    }
    if (!failed) await deleteLocalMessage(queue, m.messageId);
    else if (receives >= MAX_RECEIVES) {
      await sendToLocalQueue(dlqOf(queue), JSON.parse(m.body), receives);
      await deleteLocalMessage(queue, m.messageId);
    }
  }
  return messages.length;
}

/** Drains `queue` every `everyMs` until stopped. */
export function pollLocalQueue(queue: string, consumer: QueueConsumer, everyMs = 300): { stop(): void } {
  return pollEvery(`local queue ${queue}`, everyMs, () => drainLocalQueueOnce(queue, consumer));
}
