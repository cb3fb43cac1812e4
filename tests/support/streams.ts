// The table's stream and the local queues consumed in-process as Lambda would (what `npm start`
// does), for suites that need the figures, messages or settlement runs to follow their writes;
// and waiting for them.
import { localClient } from '../../scripts/lib/dynamoLocal';
import { pollTableStream } from '../../scripts/lib/localStream';
import { testEnvironment } from './testConfig';

/**
 * Feeds the table's stream to a consumer every 300 ms, with Lambda's retries and dead-letter
 * queue (`<name>-dlq`). The consumer is loaded after the process is pointed at the table (its
 * configuration is read once, on first use).
 */
export async function consumeTableStream(tableName: string, load: () => Promise<(event: never) => Promise<unknown>>, name = 'stream'): Promise<{ stop(): void }> {
  Object.assign(process.env, testEnvironment(tableName));
  const onStream = await load();
  const { deliverStream } = await import('../../scripts/lib/localQueue');
  const dynamo = localClient(process.env.DYNAMODB_ENDPOINT!);
  const poller = pollTableStream(dynamo, process.env.DYNAMODB_ENDPOINT!, tableName, (records) => deliverStream(name, onStream as never, records), 300);
  return {
    stop() {
      poller.stop();
      dynamo.destroy();
    },
  };
}

/** Drains the local stand-in of an SQS queue (the settlement runs) into its worker every 300 ms. */
export async function consumeLocalQueue(tableName: string, queue: string, load: () => Promise<(event: never) => Promise<unknown>>): Promise<{ stop(): void }> {
  Object.assign(process.env, testEnvironment(tableName));
  const worker = await load();
  const { pollLocalQueue } = await import('../../scripts/lib/localQueue');
  return pollLocalQueue(queue, worker as never, 300);
}

/** Polls `probe` until it returns something (up to 30 s). */
export async function until<T>(probe: () => Promise<T | undefined>, what: string): Promise<T> {
  for (let i = 0; i < 100; i += 1) {
    const found = await probe();
    if (found !== undefined) return found;
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`timed out waiting for ${what}`);
}
