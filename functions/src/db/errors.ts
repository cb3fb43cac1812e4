// DynamoDB failures translated at the repository edge.
import { TransactionCanceledException, ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';

export interface CancelledTransaction {
  /** Per item, in order: whether its condition failed. */
  conditionFailed: boolean[];
  /** Another transaction touched the same items at the same moment: safe to retry. */
  conflict: boolean;
}

export function cancelledTransaction(err: unknown): CancelledTransaction | undefined {
  if (!(err instanceof TransactionCanceledException)) return undefined;
  const reasons = err.CancellationReasons ?? [];
  return {
    conditionFailed: reasons.map((r) => r.Code === 'ConditionalCheckFailed'),
    conflict: reasons.some((r) => r.Code === 'TransactionConflict'),
  };
}

export function isConditionFailure(err: unknown): boolean {
  return (
    err instanceof ConditionalCheckFailedException ||
    (cancelledTransaction(err)?.conditionFailed.some(Boolean) ?? false)
  );
}
