// The table's stream on DynamoDB Local, for `npm start`: what AWS Lambda's stream trigger does,
// in-process. DynamoDB Local serves the DynamoDB Streams API on its own endpoint; the AWS SDK's
// streams client is not among our packages, so the four calls are made as the JSON protocol
// they are (DynamoDB Local does not check signatures).
import { DescribeTableCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { pollEvery } from './pollEvery';

type StreamRecord = { eventName?: string; dynamodb?: Record<string, unknown> };

export interface StreamPoller {
  stop(): void;
  /** Resolves once a pass over every shard found nothing new: what was written before has been consumed. */
  caughtUp(timeoutMs?: number): Promise<void>;
}

function streamsCall(endpoint: string) {
  return async <T>(target: string, body: unknown): Promise<T> => {
    const res = await fetch(endpoint, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-amz-json-1.0',
        'x-amz-target': `DynamoDBStreams_20120810.${target}`,
        authorization: 'AWS4-HMAC-SHA256 Credential=local/20260101/cn-north-1/dynamodb/aws4_request, SignedHeaders=host, Signature=0',
      },
      body: JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`${target}: ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  };
}

/**
 * Every record the table's stream holds, oldest first per shard: for tests that replay what
 * Lambda would have been given (in any batching, with duplicates).
 */
export async function readWholeStream(client: DynamoDBClient, endpoint: string, tableName: string): Promise<StreamRecord[]> {
  const call = streamsCall(endpoint);
  const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
  const streamArn = Table?.LatestStreamArn;
  if (!streamArn) throw new Error(`table ${tableName} has no stream`);
  const { StreamDescription } = await call<{ StreamDescription: { Shards: { ShardId: string }[] } }>('DescribeStream', { StreamArn: streamArn });
  const out: StreamRecord[] = [];
  for (const { ShardId } of StreamDescription.Shards) {
    let { ShardIterator: iterator } = await call<{ ShardIterator?: string }>('GetShardIterator', { StreamArn: streamArn, ShardId, ShardIteratorType: 'TRIM_HORIZON' });
    while (iterator) {
      const { Records = [], NextShardIterator } = await call<{ Records?: StreamRecord[]; NextShardIterator?: string }>('GetRecords', { ShardIterator: iterator, Limit: 1000 });
      out.push(...Records);
      if (Records.length === 0) break; // caught up (an open shard always hands back a next iterator)
      iterator = NextShardIterator;
    }
  }
  return out;
}

export function pollTableStream(
  client: DynamoDBClient,
  endpoint: string,
  tableName: string,
  onRecords: (records: StreamRecord[]) => Promise<void>,
  everyMs = 1000,
): StreamPoller {
  const call = streamsCall(endpoint);

  // Shards known so far, each with where reading goes on (undefined once the shard is closed).
  const iterators = new Map<string, string | undefined>();
  let streamArn: string | undefined;
  let first = true;

  async function discoverShards() {
    if (!streamArn) {
      const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
      streamArn = Table?.LatestStreamArn;
      if (!streamArn) throw new Error(`table ${tableName} has no stream`);
    }
    const { StreamDescription } = await call<{ StreamDescription: { Shards: { ShardId: string }[] } }>('DescribeStream', { StreamArn: streamArn });
    for (const { ShardId } of StreamDescription.Shards) {
      if (iterators.has(ShardId)) continue;
      // At start only what happens from now on; a shard that appears later is read from its start.
      const { ShardIterator } = await call<{ ShardIterator?: string }>('GetShardIterator', {
        StreamArn: streamArn,
        ShardId,
        ShardIteratorType: first ? 'LATEST' : 'TRIM_HORIZON',
      });
      iterators.set(ShardId, ShardIterator);
    }
    first = false;
  }

  /** When the last pass that found nothing new began. */
  let lastEmptyPassStarted = 0;
  async function tick() {
    const started = Date.now();
    await discoverShards();
    let found = 0;
    for (const [shardId, iterator] of iterators) {
      if (!iterator) continue;
      let page: { Records?: StreamRecord[]; NextShardIterator?: string };
      try {
        page = await call('GetRecords', { ShardIterator: iterator, Limit: 100 });
      } catch (err) {
        // DynamoDB Local's known fault (aws/aws-sdk-java#2923): a LATEST iterator taken on a shard
        // that was still empty answers TrimmedDataAccessException once the first record arrives.
        // Every record of that shard came after the iterator was taken: read it from its start.
        if (!/TrimmedDataAccessException/.test((err as Error).message)) throw err;
        const { ShardIterator } = await call<{ ShardIterator?: string }>('GetShardIterator', { StreamArn: streamArn, ShardId: shardId, ShardIteratorType: 'TRIM_HORIZON' });
        page = await call('GetRecords', { ShardIterator, Limit: 100 });
      }
      const { Records = [], NextShardIterator } = page;
      iterators.set(shardId, NextShardIterator);
      found += Records.length;
      if (Records.length) await onRecords(Records);
    }
    if (found === 0) lastEmptyPassStarted = started;
  }

  const poller = pollEvery('local stream', everyMs, tick);
  return {
    stop: poller.stop,
    async caughtUp(timeoutMs = 120_000) {
      // A pass begun after the call that found nothing: everything written before it was handed over.
      const since = Date.now();
      while (lastEmptyPassStarted < since && Date.now() < since + timeoutMs) await new Promise((r) => setTimeout(r, 100));
    },
  };
}
