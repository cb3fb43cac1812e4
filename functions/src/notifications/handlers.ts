// The table's stream and the schedule (not HTTP). On the stream: each new outbox message is
// sent at once, and each newly inserted search card (a vacancy entering search) looks for the
// job seekers it fits, whose messages then arrive on the stream in turn. On the schedule: what a
// failed send or a dead dispatcher left in the outbox.
import type { DynamoDBStreamEvent } from 'aws-lambda';
import { notifyNewMatches } from '../jobs/matches';
import { logger } from '../logger';
import { dispatch, sweepOutbox } from './outbox';

export async function onStream(event: DynamoDBStreamEvent): Promise<void> {
  for (const record of event.Records) {
    if (record.eventName !== 'INSERT') continue;
    const pk = record.dynamodb?.Keys?.pk?.S ?? '';
    const sk = record.dynamodb?.Keys?.sk?.S ?? '';
    if (pk.startsWith('OUTBOX#')) {
      logger.info('outbox message', { result: await dispatch(pk.slice('OUTBOX#'.length)) });
    } else if (pk.startsWith('VACANCY_GEO#')) {
      const vacancyId = sk.slice(sk.indexOf('#') + 1);
      logger.info('new matches', { vacancyId, ...(await notifyNewMatches(vacancyId)) });
    }
  }
}

export async function sweep(): Promise<void> {
  logger.info('outbox sweep', await sweepOutbox());
}
