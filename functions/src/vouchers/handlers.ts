// Employment vouchers over HTTP, and the stream and schedule that settle them without anyone.
import type { DynamoDBStreamEvent } from 'aws-lambda';
import * as c from '@doorstep/shared';
import { httpHandler } from '../http/handler';
import { idempotencyKeyOf, idempotent } from '../http/idempotency';
import { logger } from '../logger';
import { codePublicKey } from './codes';
import { approveProgramme, createProgramme, issueOnEligibility, issueProgramme, listProgrammes, scopeOf } from './programmes';
import { designateProvider, inspectVoucher, listMyProviders, providerRedemptions, redeemVoucher, reverseVoucher } from './redemption';
import { approveBatch, getBatch, importBankResults, listBatches, payoutFile, queueForSettlement, runSettlement, toBatchView } from './settlement';
import { countArrival, voucherStats } from './stats';
import { claimVoucher, getMyVoucher, holderCode, listMyVouchers } from './wallet';

export const createProgrammeHandler = httpHandler(c.createProgramme, async ({ principal, body }) => ({ programme: await createProgramme(principal, body) }));
export const listProgrammesHandler = httpHandler(c.listProgrammes, async ({ principal }) => ({ items: await listProgrammes(principal) }));
export const approveProgrammeHandler = httpHandler(c.approveProgramme, async ({ principal, params }) => ({ programme: await approveProgramme(principal, params.id) }));
export const issueHandler = httpHandler(c.issueVouchers, ({ principal, params, body }) => issueProgramme(principal, params.id, body.cursor));

export const designateProviderHandler = httpHandler(c.designateProvider, ({ principal, body }) => designateProvider(principal, body));
export const myProvidersHandler = httpHandler(c.listMyProviders, async ({ principal }) => ({ items: await listMyProviders(principal) }));

export const myVouchersHandler = httpHandler(c.listMyVouchers, async ({ principal }) => ({ items: await listMyVouchers(principal) }));
export const myVoucherHandler = httpHandler(c.getMyVoucher, async ({ principal, params }) => ({ voucher: await getMyVoucher(principal, params.id) }));
export const claimHandler = httpHandler(c.claimVoucher, ({ principal, params, body, headers }) =>
  idempotent(`${principal.userId}:claim`, idempotencyKeyOf(headers), { id: params.id, body }, (record) => claimVoucher(principal, params.id, body, record)),
);
export const codeHandler = httpHandler(c.voucherCode, ({ principal, params }) => holderCode(principal, params.id));
export const codeKeyHandler = httpHandler(c.voucherCodeKey, async () => codePublicKey());

export const inspectHandler = httpHandler(c.inspectVoucher, ({ principal, body }) => inspectVoucher(principal, body.code, body.providerId));
export const redeemHandler = httpHandler(c.redeemVoucher, ({ principal, body, headers }) =>
  idempotent(`${principal.userId}:redeem`, idempotencyKeyOf(headers), body, (record) => redeemVoucher(principal, body, record)),
);
export const reverseHandler = httpHandler(c.reverseVoucher, ({ principal, params, body }) => reverseVoucher(principal, params.id, body.reason));
export const providerRedemptionsHandler = httpHandler(c.providerRedemptions, ({ principal, params, query }) => providerRedemptions(principal, params.id, query.cursor));

export const startRunHandler = httpHandler(c.startSettlementRun, ({ principal, headers }) =>
  idempotent(`${principal.userId}:settlement-run`, idempotencyKeyOf(headers), {}, async () => {
    const run = await runSettlement({ actorId: principal.userId, scope: scopeOf(principal) });
    return { run: { id: run.runId, batches: run.batches.map(toBatchView), voucherCount: run.voucherCount, amountFen: run.amountFen } };
  }),
);
export const listBatchesHandler = httpHandler(c.listBatches, ({ principal, query }) => listBatches(principal, query.cursor));
export const getBatchHandler = httpHandler(c.getBatch, ({ principal, params }) => getBatch(principal, params.id));
export const approveBatchHandler = httpHandler(c.approveBatch, ({ principal, params }) => approveBatch(principal, params.id));
export const payoutFileHandler = httpHandler(c.payoutFile, ({ principal, params }) => payoutFile(principal, params.id));
export const bankResultsHandler = httpHandler(c.importBankResults, ({ principal, params, body }) => importBankResults(principal, params.id, body.fileText));
export const statsHandler = httpHandler(c.voucherStats, ({ principal, query }) => voucherStats(principal, query.areaCode));

type Image = Record<string, { S?: string; N?: string } | undefined>;

/**
 * The table's stream: a voucher arriving in a status is counted for the figures, and queued for
 * settlement when redeemed; a person's categories or registration changing issues what they have
 * become eligible for. Every step is idempotent, so a record delivered twice does no harm.
 */
export async function onStream(event: DynamoDBStreamEvent): Promise<void> {
  for (const record of event.Records) {
    const pk = record.dynamodb?.Keys?.pk?.S ?? '';
    const sk = record.dynamodb?.Keys?.sk?.S ?? '';
    if (pk.startsWith('VOUCHER#') && sk === 'VOUCHER') {
      const img = record.dynamodb?.NewImage as Image | undefined;
      const old = record.dynamodb?.OldImage as Image | undefined;
      const status = img?.status?.S;
      if (!img || !status || status === old?.status?.S) continue;
      const voucherId = pk.slice('VOUCHER#'.length);
      const programmeId = img.programmeId?.S ?? '';
      await countArrival({ voucherId, programmeId, status, holderAreaCode: img.holderAreaCode?.S ?? '', holderType: img.holderType?.S ?? 'person', faceValueFen: Number(img.faceValueFen?.N ?? 0) });
      if (status === 'redeemed') await queueForSettlement(programmeId, voucherId);
    } else if (pk.startsWith('USER#') && (sk.startsWith('CATEGORY#') || sk === 'JOBSEEKER_REG') && record.eventName !== 'REMOVE') {
      const issued = await issueOnEligibility(pk.slice('USER#'.length));
      if (issued > 0) logger.info('vouchers issued on eligibility', { issued });
    }
  }
}

/** The daily settlement run. */
export async function scheduledSettlement(): Promise<void> {
  await runSettlement({ actorId: 'system:schedule' });
}
