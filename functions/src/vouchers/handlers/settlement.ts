// Settlement over HTTP (finance), and the daily run.
import {
  approveBatch as approveContract,
  getBatch as getContract,
  importBankResults,
  listBatches as listContract,
  payoutFile as payoutContract,
  startSettlementRun,
} from '@doorstep/shared';
import { httpHandler } from '../../http/handler';
import { idempotencyKeyOf, idempotent } from '../../http/idempotency';
import { scopeOf } from '../access';
import { approveBatch, getBatch, importBankResults as importResults, listBatches, payoutFile, runSettlement, toBatchView } from '../settlement';

export const run = httpHandler(startSettlementRun, ({ principal, headers }) =>
  idempotent(`${principal.userId}:settlement-run`, idempotencyKeyOf(headers), {}, async () => {
    const r = await runSettlement({ actorId: principal.userId, scope: scopeOf(principal) });
    return { run: { id: r.runId, batches: r.batches.map(toBatchView), voucherCount: r.voucherCount, amountFen: r.amountFen } };
  }),
);
export const list = httpHandler(listContract, ({ principal, query }) => listBatches(principal, query.cursor));
export const one = httpHandler(getContract, ({ principal, params }) => getBatch(principal, params.id));
export const approve = httpHandler(approveContract, ({ principal, params }) => approveBatch(principal, params.id));
export const payout = httpHandler(payoutContract, ({ principal, params }) => payoutFile(principal, params.id));
export const bankResults = httpHandler(importBankResults, ({ principal, params, body }) => importResults(principal, params.id, body.fileText));

/** The daily settlement run (a schedule in AWS; every ten minutes under `npm start`). */
export async function daily(): Promise<void> {
  await runSettlement({ actorId: 'system:schedule' });
}
