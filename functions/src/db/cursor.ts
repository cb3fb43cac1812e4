// Paging cursors: a query's LastEvaluatedKey as base64url JSON, taken back only if it is a
// position in the same partition of the same index (a cursor cannot be turned into a read of
// somebody else's items).
import { ValidationError } from '../http/errors';

export const encodeKeyCursor = (key: Record<string, unknown>) => Buffer.from(JSON.stringify(key)).toString('base64url');

export function decodeKeyCursor(cursor: string | undefined, index: 'gsi1' | 'gsi2', partition: string): Record<string, string> | undefined {
  if (!cursor) return undefined;
  let key: Record<string, string> | undefined;
  try {
    key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    key = undefined;
  }
  // An index's LastEvaluatedKey holds the table's key and the index's key: four strings.
  const ok = key && typeof key === 'object' && key[`${index}pk`] === partition && Object.keys(key).length === 4 && Object.values(key).every((v) => typeof v === 'string');
  if (!ok) throw new ValidationError([{ path: ['cursor'], message: '翻页位置无效，请从第一页重新查看' }]);
  return key;
}

/** A cursor into the table itself: a position (pk, sk) in `partition`, among the sort keys starting `prefix`. */
export function decodeTableCursor(cursor: string | undefined, partition: string, prefix: string): Record<string, string> | undefined {
  if (!cursor) return undefined;
  let key: Record<string, string> | undefined;
  try {
    key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    key = undefined;
  }
  const ok = key && typeof key === 'object' && key.pk === partition && typeof key.sk === 'string' && key.sk.startsWith(prefix) && Object.keys(key).length === 2;
  if (!ok) throw new ValidationError([{ path: ['cursor'], message: '翻页位置无效，请从第一页重新查看' }]);
  return key;
}
