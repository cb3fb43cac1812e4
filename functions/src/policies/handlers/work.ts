// The policy queue's worker (SQS in AWS; the local stand-in under npm start and the tests): a
// newly published policy matched against its area's people, PAGES_PER_MESSAGE pages a message.
// Where pages are left, the next message is put on the queue before this one is done, so a
// long area is a chain of bounded messages. A message delivered twice, or again after a worker
// died half way, resumes from the progress the policy keeps (matching.ts): each page counts once,
// each person is matched and told once. A message that keeps failing goes to the queue's
// dead-letter queue after five receives.
import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { getDependencies } from '../../deps';
import { logger } from '../../logger';
import { matchPolicy, PAGES_PER_MESSAGE } from '../matching';

export interface PolicyWork {
  policyId: string;
}

export async function work(event: SQSEvent): Promise<SQSBatchResponse> {
  const batchItemFailures: { itemIdentifier: string }[] = [];
  for (const record of event.Records) {
    try {
      const message = JSON.parse(record.body) as Partial<PolicyWork>;
      if (typeof message?.policyId !== 'string' || !message.policyId) throw new Error('not a policy to match');
      const progress = await matchPolicy(message.policyId, { maxPages: PAGES_PER_MESSAGE });
      if (progress.more) await getDependencies().policyQueue.send([{ policyId: message.policyId } satisfies PolicyWork]);
      logger.info('policy matching', { policyId: message.policyId, ...progress });
    } catch (err) {
      logger.error('policy matching failed', err as Error);
      batchItemFailures.push({ itemIdentifier: record.messageId });
    }
  }
  return { batchItemFailures };
}
