// Replaying a local dead-letter queue: a queue's messages go back onto their queue; a stream
// consumer's kept records are given to the consumer again, and leave the DLQ only if it succeeds.
import { deleteLocalMessage, readLocalQueue, sendToLocalQueue } from './localQueue';

type Consumer = (event: never) => Promise<{ batchItemFailures?: unknown[] } | void>;

export async function redrive(dlq: string, consumer?: Consumer): Promise<{ replayed: number; failed: number }> {
  let replayed = 0;
  let failed = 0;
  for (const m of await readLocalQueue(dlq)) {
    if (!consumer) {
      await sendToLocalQueue(dlq.replace(/-dlq$/, ''), JSON.parse(m.body));
      await deleteLocalMessage(dlq, m.messageId);
      replayed += 1;
      continue;
    }
    const { record } = JSON.parse(m.body) as { record: unknown };
    const result = await consumer({ Records: [record] } as never).catch(() => ({ batchItemFailures: [record] }));
    if (result?.batchItemFailures?.length) failed += 1;
    else {
      await deleteLocalMessage(dlq, m.messageId);
      replayed += 1;
    }
  }
  return { replayed, failed };
}
