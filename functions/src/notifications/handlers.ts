// The outbox dispatcher: on the table's stream (each new message at once) and on a schedule
// (what a failed send or a dead dispatcher left). Not HTTP.
import type { DynamoDBStreamEvent } from 'aws-lambda';
import { logger } from '../logger';
import { dispatch, sweepOutbox } from './outbox';

export async function onStream(event: DynamoDBStreamEvent): Promise<void> {
  for (const record of event.Records) {
    const pk = record.dynamodb?.Keys?.pk?.S;
    if (record.eventName !== 'INSERT' || !pk?.startsWith('OUTBOX#')) continue;
    const result = await dispatch(pk.slice('OUTBOX#'.length));
    logger.info('outbox message', { result });
  }
}

export async function sweep(): Promise<void> {
  logger.info('outbox sweep', await sweepOutbox());
}
