// The subsidy queue's worker (SQS in AWS; the local stand-in under npm start and the tests): a
// notice's roster, its parts, its end, a payment's parts — each message once in effect however often
// it comes (notices.ts, payments.ts), one that keeps failing goes to the dead-letter queue after
// five receives. And the hourly run: notices past their last day end (the reconciliation runs in
// its own read-only function: payouts/reconcileHandler.ts).
import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { logger } from '../logger';
import { endNotices, planNotice, workNoticeEnd, workNoticePart, type SubsidyWorkMessage } from './notices';
import { workPaymentPart } from './payments';

export async function workMessage(message: SubsidyWorkMessage): Promise<void> {
  if (message.kind === 'noticePlan') await planNotice(message.noticeId);
  else if (message.kind === 'noticePart') await workNoticePart(message);
  else if (message.kind === 'noticeEnd') await workNoticeEnd(message);
  else if (message.kind === 'paymentPart') await workPaymentPart(message);
  else throw new Error('not a subsidy message');
}

export async function work(event: SQSEvent): Promise<SQSBatchResponse> {
  const batchItemFailures: { itemIdentifier: string }[] = [];
  for (const record of event.Records) {
    try {
      const message = JSON.parse(record.body) as SubsidyWorkMessage;
      await workMessage(message);
      logger.info('subsidy work done', { kind: message.kind });
    } catch (err) {
      logger.error('subsidy work failed', err as Error);
      batchItemFailures.push({ itemIdentifier: record.messageId });
    }
  }
  return { batchItemFailures };
}

export async function hourly(): Promise<{ ended: number }> {
  return { ended: await endNotices() };
}
