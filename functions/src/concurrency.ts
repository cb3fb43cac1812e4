// Small helpers for doing many DynamoDB calls at once without flooding the connection pool.
import { cancelledTransaction } from './db/errors';

/** `fn` over `items`, at most `limit` at a time, results in input order. */
export async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next;
      next += 1;
      out[i] = await fn(items[i], i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

export function chunked<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs a transaction again when DynamoDB cancelled it only because another transaction touched
 * the same items at that moment (TransactionConflict), with jittered backoff. A failed
 * condition is an answer, not a conflict: it is thrown to the caller at once. The wait is
 * capped so that a hot item (a half hour a hundred people want) gets many short tries.
 */
export async function retryConflicts<T>(run: () => Promise<T>, attempts = 8): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await run();
    } catch (err) {
      const cancelled = cancelledTransaction(err);
      const conflictOnly = cancelled?.conflict && !cancelled.conditionFailed.some(Boolean);
      const throttled = (err as { name?: string }).name === 'TransactionConflictException';
      if (!(conflictOnly || throttled) || attempt >= attempts) throw err;
      await sleep(Math.random() * Math.min(400, 20 * 2 ** attempt));
    }
  }
}
