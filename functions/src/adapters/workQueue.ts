// Work queues (settlement runs): SQS in AWS; in the local and test stages a stand-in kept in the
// table (LocalQueueMessageEntity), drained in-process by scripts/lib/localQueue.ts the way
// Lambda's SQS trigger drains a queue. Both take JSON messages; order is not promised.
import { PutItemCommand } from 'dynamodb-toolbox/entity/actions/put';
import { ulid } from 'ulid';
import { LocalQueueMessageEntity } from '../db/entities';

export interface WorkQueue {
  send(messages: readonly object[]): Promise<void>;
}

export function createSqsQueue(queueUrl: string, region: string): WorkQueue {
  // Loaded on first use: only the functions that start runs pay for the SQS client.
  const client = import('@aws-sdk/client-sqs').then(({ SQSClient }) => new SQSClient({ region }));
  return {
    async send(messages) {
      const { SendMessageBatchCommand } = await import('@aws-sdk/client-sqs');
      const sqs = await client;
      for (let i = 0; i < messages.length; i += 10) {
        const entries = messages.slice(i, i + 10).map((m, j) => ({ Id: String(j), MessageBody: JSON.stringify(m) }));
        const out = await sqs.send(new SendMessageBatchCommand({ QueueUrl: queueUrl, Entries: entries }));
        if (out.Failed?.length) throw new Error(`SQS refused ${out.Failed.length} messages: ${out.Failed[0].Code}`);
      }
    },
  };
}

export function createTableQueue(queue: string): WorkQueue {
  return {
    async send(messages) {
      const sentAt = new Date().toISOString();
      for (const m of messages) {
        await LocalQueueMessageEntity.build(PutItemCommand).item({ queue, messageId: ulid(), body: JSON.stringify(m), receives: 0, sentAt }).send();
      }
    },
  };
}
