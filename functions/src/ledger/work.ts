// The ledger queue's worker (SQS in AWS; the local stand-in under npm start and the tests): one part
// of an import a message. A part applied and counted is never counted again (imports.ts), so a
// message received twice changes nothing; one that keeps failing goes to the dead-letter queue
// after five receives.
import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { logger } from '../logger';
import { applyPart, type ImportPartMessage } from './imports';

export async function work(event: SQSEvent): Promise<SQSBatchResponse> {
  const batchItemFailures: { itemIdentifier: string }[] = [];
  for (const record of event.Records) {
    try {
      const message = JSON.parse(record.body) as Partial<ImportPartMessage>;
      if (message?.kind !== 'ledgerImport' || typeof message.importId !== 'string' || !Array.isArray(message.rows)) throw new Error('not a part of a ledger import');
      await applyPart(message as ImportPartMessage);
      logger.info('ledger import part applied', { importId: message.importId, part: message.part });
    } catch (err) {
      logger.error('ledger import part failed', err as Error);
      batchItemFailures.push({ itemIdentifier: record.messageId });
    }
  }
  return { batchItemFailures };
}
