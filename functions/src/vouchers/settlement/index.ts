// Settlement (拨付), by step: runs (./run.ts), finance's batches and payout file (./batches.ts), the
// bank's results (./bankResults.ts), and what they share (./common.ts). Finance approves a ready
// batch, downloads the payout file, and imports the bank's result file.
export { SETTLE_CHUNK, LEFTOVERS_UNIT, getRun, recordRunFailure, runSettlement, runView, startRun, workRunUnit, type RunUnitMessage } from './run';
export { approveBatch, getBatch, listBatches, payoutFile } from './batches';
export { importBankResults } from './bankResults';
export { toBatchView, type SettlementHooks, type StoredBatch, type StoredRun } from './common';
