// The subsidy queue's worker (SQS in AWS; the local stand-in under npm start and the tests): a
// notice's roster, its parts, its end, a payment's parts — each message once in effect however often
// it comes (notices.ts, payments.ts), one that keeps failing goes to the dead-letter queue after
// five receives. And the hourly run: notices past their last day end, and the reconciliation's
// difference is a metric (alarmed above 0).
import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { logger } from '../logger';
import { countMetric, MetricUnit } from '../metrics';
import { endNotices, planNotice, workNoticeEnd, workNoticePart, type SubsidyWorkMessage } from './notices';
import { workPaymentPart } from './payments';
import { reconcileAllSubsidies } from './reconcile';

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

export async function hourly(): Promise<{ ended: number; differenceFen: number }> {
  const ended = await endNotices();
  const { programmes, differenceFen, missingRows } = await reconcileAllSubsidies();
  countMetric('SubsidyReconciliationDifferenceFen', Math.abs(differenceFen) + missingRows, MetricUnit.NoUnit);
  for (const p of programmes.filter((x) => x.differenceFen !== 0 || x.missingRows.length)) {
    logger.error('subsidy reconciliation difference', { programmeId: p.programmeId, differenceFen: p.differenceFen, missingRows: p.missingRows.slice(0, 50) });
  }
  return { ended, differenceFen };
}
