// Reading many items by key: 100 keys a request, four requests at a time, what DynamoDB did not
// process asked again with a growing pause. Only the named attributes come back.
import { BatchGetCommand } from '@aws-sdk/lib-dynamodb';
import { chunked, mapLimit } from '../concurrency';
import { getDocumentClient } from './client';
import { tableName } from './table';

export async function batchRead<T>(keys: readonly { pk: string; sk: string }[], attributes: readonly string[], consistent = false): Promise<T[]> {
  const client = getDocumentClient();
  const TableName = tableName();
  const names = Object.fromEntries(attributes.map((a, i) => [`#a${i}`, a]));
  const groups = await mapLimit(chunked(keys, 100), 4, async (group) => {
    const found: T[] = [];
    let left: Record<string, unknown>[] = group.map((k) => ({ pk: k.pk, sk: k.sk }));
    for (let attempt = 0; left.length > 0; attempt += 1) {
      if (attempt > 0) await new Promise((r) => setTimeout(r, Math.min(1000, 50 * 2 ** attempt)));
      const out = await client.send(
        new BatchGetCommand({ RequestItems: { [TableName]: { Keys: left, ConsistentRead: consistent, ProjectionExpression: Object.keys(names).join(', '), ExpressionAttributeNames: names } } }),
      );
      found.push(...((out.Responses?.[TableName] ?? []) as T[]));
      left = (out.UnprocessedKeys?.[TableName]?.Keys ?? []) as Record<string, unknown>[];
    }
    return found;
  });
  return groups.flat();
}
