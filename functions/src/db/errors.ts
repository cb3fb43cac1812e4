// DynamoDB failures translated at the repository edge.
import { TransactionCanceledException, ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';

/** For a cancelled transaction: which of its items failed their condition (by position). */
export function failedConditions(err: unknown): boolean[] | undefined {
  if (!(err instanceof TransactionCanceledException)) return undefined;
  return (err.CancellationReasons ?? []).map((r) => r.Code === 'ConditionalCheckFailed');
}

export function isConditionFailure(err: unknown): boolean {
  return err instanceof ConditionalCheckFailedException || (failedConditions(err)?.some(Boolean) ?? false);
}
