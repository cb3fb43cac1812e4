// Paging cursors: a query's LastEvaluatedKey as base64url JSON, taken back only if it is a
// position in the same partition of the same index (a cursor cannot be turned into a read of
// somebody else's items).
import { ValidationError } from '../http/errors';

export const encodeKeyCursor = (key: Record<string, unknown>) => Buffer.from(JSON.stringify(key)).toString('base64url');

/** The key a cursor holds if `fits` accepts it; anything else is a 400 on `cursor`. */
function decodeCursor(cursor: string | undefined, fits: (key: Record<string, string>) => boolean): Record<string, string> | undefined {
  if (!cursor) return undefined;
  let key: Record<string, string> | undefined;
  try {
    key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    key = undefined;
  }
  const ok = key && typeof key === 'object' && Object.values(key).every((v) => typeof v === 'string') && fits(key);
  if (!ok) throw new ValidationError([{ path: ['cursor'], message: '翻页位置无效，请从第一页重新查看' }]);
  return key;
}

/** An index's LastEvaluatedKey holds the table's key and the index's key: four strings. */
export const decodeKeyCursor = (cursor: string | undefined, index: 'gsi1' | 'gsi2', partition: string) =>
  decodeCursor(cursor, (key) => key[`${index}pk`] === partition && Object.keys(key).length === 4);

/** A cursor into the table itself: a position (pk, sk) in `partition`, among the sort keys starting `prefix`. */
export const decodeTableCursor = (cursor: string | undefined, partition: string, prefix: string) =>
  decodeCursor(cursor, (key) => key.pk === partition && typeof key.sk === 'string' && key.sk.startsWith(prefix) && Object.keys(key).length === 2);
