// Settlement over HTTP (finance), the settlement worker (the queue) and the daily run (a schedule).
import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import {
  approveBatch as approveContract,
  getBatch as getContract,
  getSettlementRun,
  importBankResults,
  listBatches as listContract,
  payoutFile as payoutContract,
  startSettlementRun,
} from '@doorstep/shared';
import { httpHandler } from '../../http/handler';
import { forgetAnswer, idempotencyKeyOf, idempotent } from '../../http/idempotency';
import { logger } from '../../logger';
import { countMetric } from '../../metrics';
import { scopeOf } from '../access';
import {
  approveBatch,
  getBatch,
  getRun,
  importBankResults as importResults,
  listBatches,
  payoutFile,
  recordRunFailure,
  startRun,
  workRunUnit,
  type RunUnitMessage,
} from '../settlement';

/** 202 at once: the run is put on the settlement queue; its progress is `GET /settlement-runs/{id}`. */
export const run = httpHandler(startSettlementRun, ({ principal, headers }) => {
  const scope = `${principal.userId}:settlement-run`;
  const key = idempotencyKeyOf(headers);
  return idempotent(scope, key, {}, (record) =>
    startRun({ actorId: principal.userId, scope: scopeOf(principal) }, record, key ? () => forgetAnswer(scope, key) : undefined),
  );
});
export const progress = httpHandler(getSettlementRun, ({ principal, params }) => getRun(principal, params.id));
export const list = httpHandler(listContract, ({ principal, query }) => listBatches(principal, query.cursor));
export const one = httpHandler(getContract, ({ principal, params }) => getBatch(principal, params.id));
export const approve = httpHandler(approveContract, ({ principal, params }) => approveBatch(principal, params.id));
export const payout = httpHandler(payoutContract, ({ principal, params }) => payoutFile(principal, params.id));
export const bankResults = httpHandler(importBankResults, ({ principal, params, body }) => importResults(principal, params.id, body.fileText));

/** The daily settlement run (a schedule in AWS; every ten minutes under `npm start`): put on the queue like finance's. */
export async function daily(): Promise<void> {
  await startRun({ actorId: 'system:schedule', scope: '' });
}

/**
 * The settlement worker: one unit of a run per message. A failed unit is reported alone (the
 * queue retries it, and after five receives moves it to the dead-letter queue); a malformed
 * message fails the same way, so it is kept for a person to see.
 */
export async function work(event: SQSEvent): Promise<SQSBatchResponse> {
  const batchItemFailures: { itemIdentifier: string }[] = [];
  for (const record of event.Records) {
    let message: RunUnitMessage | undefined;
    try {
      const parsed = JSON.parse(record.body) as Partial<RunUnitMessage>;
      if (typeof parsed?.runId !== 'string' || typeof parsed.unit !== 'string') throw new Error('not a settlement unit');
      message = { runId: parsed.runId, unit: parsed.unit };
      await workRunUnit(message, { settled: (count) => countMetric('VouchersSettling', count) });
    } catch (err) {
      logger.error('settlement unit failed', { error: err as Error, messageId: record.messageId, runId: message?.runId });
      if (message) await recordRunFailure(message.runId).catch(() => undefined);
      batchItemFailures.push({ itemIdentifier: record.messageId });
    }
  }
  return { batchItemFailures };
}
