// The table's stream and the schedule (not HTTP). On the stream: each new outbox message is
// sent at once, and each newly inserted search card (a vacancy entering search) looks for the
// job seekers it fits, whose messages then arrive on the stream in turn. On the schedule: what a
// failed send or a dead dispatcher left in the outbox.
import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { notifyNewMatches } from '../jobs/matches';
import { logger } from '../logger';
import { inStreamOrder, PoisonRecordError } from '../streamBatch';
import { dispatch, sweepOutbox } from './outbox';

export function onStream(event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> {
  return inStreamOrder(event, async (record) => {
    if (record.eventName !== 'INSERT') return;
    const pk = record.dynamodb?.Keys?.pk?.S ?? '';
    const sk = record.dynamodb?.Keys?.sk?.S ?? '';
    if (pk.startsWith('OUTBOX#')) {
      const messageId = pk.slice('OUTBOX#'.length);
      if (!messageId) throw new PoisonRecordError('outbox record without a message id');
      logger.info('outbox message', { result: await dispatch(messageId) });
    } else if (pk.startsWith('VACANCY_GEO#')) {
      const vacancyId = sk.slice(sk.indexOf('#') + 1);
      if (!sk.includes('#') || !vacancyId) throw new PoisonRecordError('search card without a vacancy id');
      logger.info('new matches', { vacancyId, ...(await notifyNewMatches(vacancyId)) });
    }
  });
}

export async function sweep(): Promise<void> {
  logger.info('outbox sweep', await sweepOutbox());
}
