// Idempotency-Key (design.md): a POST that moves money or takes capacity may carry a key; its
// first successful answer is written in the same transaction as the change, so a replay — a
// retry after a lost response, or two taps racing — gets that answer back and changes nothing.
import { createHash } from 'node:crypto';
import { DeleteItemCommand } from 'dynamodb-toolbox/entity/actions/delete';
import { GetItemCommand } from 'dynamodb-toolbox/entity/actions/get';
import { PutTransaction } from 'dynamodb-toolbox/entity/actions/transactPut';
import { IdempotencyRecordEntity } from '../db/entities';
import { ConflictError, ValidationError } from './errors';

const KEY_PATTERN = /^[\w-]{8,80}$/;
const KEEP_SECONDS = 24 * 3600;

export type RecordAnswer<T> = (answer: T) => ReturnType<typeof recordPut>;

function recordPut(scope: string, key: string, requestHash: string, answer: unknown, now: Date) {
  return IdempotencyRecordEntity.build(PutTransaction)
    .item({
      scope,
      key,
      requestHash,
      responseJson: JSON.stringify(answer),
      createdAt: now.toISOString(),
      ttl: Math.floor(now.getTime() / 1000) + KEEP_SECONDS,
    })
    .options({ condition: { attr: 'key', exists: false } });
}

/** The header's value, checked: undefined when absent, 400 when malformed. */
export function idempotencyKeyOf(headers: Record<string, string | undefined>): string | undefined {
  const value = headers['idempotency-key'] ?? headers['Idempotency-Key'];
  if (value === undefined || value === '') return undefined;
  if (!KEY_PATTERN.test(value)) {
    throw new ValidationError([{ path: ['Idempotency-Key'], message: 'Idempotency-Key 须为8到80个字母、数字、下划线或连字符' }]);
  }
  return value;
}

async function stored(scope: string, key: string) {
  const { Item } = await IdempotencyRecordEntity.build(GetItemCommand).key({ scope, key }).options({ consistent: true }).send();
  return Item;
}

/**
 * Runs `work` once per (scope, key). `work` gets a function that makes the record of its answer,
 * to add to its own transaction; without a key it gets undefined and simply runs.
 */
export async function idempotent<T>(
  scope: string,
  key: string | undefined,
  request: unknown,
  work: (record: RecordAnswer<T> | undefined) => Promise<T>,
): Promise<T> {
  if (!key) return work(undefined);
  const requestHash = createHash('sha256').update(JSON.stringify(request ?? null)).digest('hex');
  const replay = async (): Promise<T | undefined> => {
    const item = await stored(scope, key);
    if (!item) return undefined;
    if (item.requestHash !== requestHash) throw new ConflictError('这个 Idempotency-Key 已用于另一个请求，请换一个');
    return JSON.parse(item.responseJson) as T;
  };
  const earlier = await replay();
  if (earlier !== undefined) return earlier;
  try {
    return await work((answer) => recordPut(scope, key, requestHash, answer, new Date()));
  } catch (err) {
    // The same request racing this one may have won: then its answer is ours.
    const twin = await replay();
    if (twin !== undefined) return twin;
    throw err;
  }
}

/** Takes back a recorded answer whose work could not be finished after its transaction (a queue that refused the work), so a retry with the same key does it again. */
export async function forgetAnswer(scope: string, key: string): Promise<void> {
  await IdempotencyRecordEntity.build(DeleteItemCommand).key({ scope, key }).send();
}
