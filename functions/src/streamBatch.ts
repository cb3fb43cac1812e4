// Partial batch failures for the table's stream consumers (functionResponseType:
// ReportBatchItemFailures). Records are processed in stream order; the first that fails is
// reported and the rest are left for the retry, which starts at it — so nothing after a failure
// is processed twice, and the records before it are not redone. Once Lambda's bounded retries
// (halving the batch each time) are spent, the failing record's place goes to the consumer's
// dead-letter queue and the stream moves on.
import type { DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { ensureCalendar } from './calendar/calendar';
import { logger } from './logger';

export async function inStreamOrder(event: DynamoDBStreamEvent, handle: (record: DynamoDBRecord) => Promise<void>): Promise<DynamoDBBatchResponse> {
  // Deadlines written from the stream follow the working-day calendar as administrators entered it.
  await ensureCalendar();
  for (const record of event.Records) {
    try {
      await handle(record);
    } catch (err) {
      // Keys only: a record's images may hold personal data.
      logger.error('stream record failed', { error: err as Error, sequenceNumber: record.dynamodb?.SequenceNumber, pk: record.dynamodb?.Keys?.pk?.S?.split('#')[0] });
      return { batchItemFailures: [{ itemIdentifier: record.dynamodb?.SequenceNumber ?? '' }] };
    }
  }
  return { batchItemFailures: [] };
}

/** A record a consumer cannot make sense of (a missing key part, a malformed image): it fails, and ends in the dead-letter queue for a person to look at, instead of being skipped unseen. */
export class PoisonRecordError extends Error {}
