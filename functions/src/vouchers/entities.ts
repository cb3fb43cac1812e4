// 就业券's items: programmes, quota shards, holdings, vouchers and their ledger, providers and payout
// accounts, the settlement queue, batches, chunks and payout lines, runs, the voucher figures.
// Beside the domain (functions/src/db/README.md has their access patterns; ../db/registry.ts lists every entity).
import { Entity } from 'dynamodb-toolbox/entity';
import { item } from 'dynamodb-toolbox/schema/item';
import { string } from 'dynamodb-toolbox/schema/string';
import { number } from 'dynamodb-toolbox/schema/number';
import { list } from 'dynamodb-toolbox/schema/list';
import { table } from '../db/table';
import { regulatedRecord } from '../db/entities';

// ── Employment vouchers (就业券) ───────────────────────────────────────────────────────────

/** A voucher programme (券种). GSI1 lists every programme (few); GSI2, once approved, finds those covering an area. */
export const VoucherProgrammeEntity = new Entity({
  name: 'VoucherProgramme',
  table,
  timestamps: false,
  schema: item({
    programmeId: string().key(),
    name: string(),
    kind: string().enum('benefit', 'service'),
    serviceName: string(),
    faceValueFen: number(),
    /** People or employers; absent on programmes created before employers could hold vouchers (people). */
    holderType: string().enum('person', 'employer').optional(),
    targetGroups: list(string()),
    providerTypes: list(string()),
    areaCode: string(),
    /** Named once, on creation, so that reading a programme never loads the division dataset. */
    areaName: string(),
    budgetFen: number(),
    quota: number(),
    shards: number(),
    claimFrom: string(),
    claimUntil: string(),
    validityDays: number(),
    perPersonLimit: number(),
    status: string().enum('pending_approval', 'approved'),
    createdBy: string(),
    approvedBy: string().optional(),
    approvedAt: string().optional(),
    ...regulatedRecord(),
    gsi2pk: string().optional(),
    gsi2sk: string().optional(),
  }),
  computeKey: ({ programmeId }) => ({ pk: `VPROG#${programmeId}`, sk: 'PROGRAMME' }),
});
export const PROGRAMMES_PARTITION = 'VPROGS';
export const programmeAreaPartition = (areaCode: string) => `VPROG_AREA#${areaCode}`;

/** One shard of a programme's quota and budget: a claim takes one place and one face value from a shard under a condition. */
export const QuotaShardEntity = new Entity({
  name: 'QuotaShard',
  table,
  timestamps: false,
  schema: item({
    programmeId: string().key(),
    shard: number().key(),
    quotaLeft: number(),
    budgetLeftFen: number(),
  }),
  computeKey: ({ programmeId, shard }) => ({ pk: `VPROG#${programmeId}`, sk: `SHARD#${String(shard).padStart(2, '0')}` }),
});

/** Which vouchers of a programme a holder has: written under a condition, so issuing twice gives nobody a second one. */
export const VoucherHoldingEntity = new Entity({
  name: 'VoucherHolding',
  table,
  timestamps: false,
  schema: item({
    programmeId: string().key(),
    holderId: string().key(),
    n: number().key(),
    voucherId: string(),
    createdAt: string(),
  }),
  computeKey: ({ programmeId, holderId, n }) => ({ pk: `VPROG#${programmeId}`, sk: `HOLDER#${holderId}#${n}` }),
});

/**
 * A voucher. GSI2 is the holder's wallet. GSI1, while the voucher is unused (issued or
 * claimed), files it under the month of its last day so the daily expiry run finds it
 * (`expiryKeys`); from settlement on it lists a batch's vouchers by payee. The programme's
 * fields holders and providers see are copied in.
 */
export const VoucherEntity = new Entity({
  name: 'Voucher',
  table,
  timestamps: false,
  schema: item({
    voucherId: string().key(),
    programmeId: string(),
    programmeName: string(),
    kind: string().enum('benefit', 'service'),
    serviceName: string(),
    faceValueFen: number(),
    providerTypes: list(string()),
    programmeAreaCode: string(),
    /** Where it can be used, in words (the area and the provider types), written on issue. */
    usableAt: string(),
    holderType: string().enum('person', 'employer'),
    holderId: string(),
    holderAreaCode: string(),
    /** Masked, as providers see it. */
    holderName: string(),
    status: string().enum('issued', 'claimed', 'redeemed', 'settling', 'settled', 'expired', 'revoked', 'reversed'),
    claimUntil: string(),
    validityDays: number(),
    issuedAt: string(),
    claimedAt: string().optional(),
    expiresOn: string().optional(),
    redeemedAt: string().optional(),
    providerId: string().optional(),
    providerName: string().optional(),
    serviceRecordJson: string().optional(),
    /** Who is paid: `provider#<id>`, or the holder (`person#<userId>`, `employer#<employerId>`) for a benefit voucher; set on redemption. */
    payeeKey: string().optional(),
    batchId: string().optional(),
    payoutStatus: string().enum('pending', 'paid', 'failed').optional(),
    payoutReason: string().optional(),
    payoutAt: string().optional(),
    reversedReason: string().optional(),
    ...regulatedRecord(),
    gsi1pk: string().optional(),
    gsi1sk: string().optional(),
    gsi2pk: string(),
    gsi2sk: string(),
  }),
  computeKey: ({ voucherId }) => ({ pk: `VOUCHER#${voucherId}`, sk: 'VOUCHER' }),
});
export const walletKeys = (holderId: string, issuedAt: string, voucherId: string) => ({ gsi2pk: `WALLET#${holderId}`, gsi2sk: `${issuedAt}#${voucherId}` });
/** An unused voucher's last day (the claim window's end while issued, the validity's end once claimed). */
export const expiryKeys = (lastDay: string, voucherId: string) => ({ gsi1pk: expiryPartition(lastDay.slice(0, 7)), gsi1sk: `${lastDay}#${voucherId}` });
export const expiryPartition = (month: string) => `VEXPIRY#${month}`;
export const batchVouchersKeys = (batchId: string, payeeKey: string, voucherId: string) => ({ gsi1pk: `BATCH_VOUCHERS#${batchId}`, gsi1sk: `${payeeKey}#${voucherId}` });

/**
 * The voucher's money ledger: one row per movement, each of which can exist only once
 * (REDEEM, REVERSE, PAYMENT). GSI2 on the redemption row lists a provider's redemptions.
 */
export const LedgerEntryEntity = new Entity({
  name: 'LedgerEntry',
  table,
  timestamps: false,
  schema: item({
    voucherId: string().key(),
    entry: string().key(),
    amountFen: number(),
    programmeId: string(),
    providerId: string().optional(),
    batchId: string().optional(),
    actorId: string(),
    at: string(),
    gsi2pk: string().optional(),
    gsi2sk: string().optional(),
  }),
  computeKey: ({ voucherId, entry }) => ({ pk: `VOUCHER#${voucherId}`, sk: `LEDGER#${entry}` }),
});
export const providerLedgerKeys = (providerId: string, at: string, voucherId: string) => ({ gsi2pk: `PROVIDER_LEDGER#${providerId}`, gsi2sk: `${at}#${voucherId}` });

/** An approved employer designated by district staff as a voucher provider, with its payout account and running totals. */
export const ProviderEntity = new Entity({
  name: 'Provider',
  table,
  timestamps: false,
  schema: item({
    employerId: string().key(),
    name: string(),
    areaCode: string(),
    types: list(string()),
    accountName: string(),
    accountCipher: string(),
    accountMasked: string(),
    bankName: string(),
    redeemedCount: number(),
    redeemedFen: number(),
    designatedBy: string(),
    createdAt: string(),
    updatedAt: string(),
  }),
  computeKey: ({ employerId }) => ({ pk: `EMPLOYER#${employerId}`, sk: 'PROVIDER' }),
});

// The payout accounts (a person's, a unit's) are shared with subsidies: payouts/entities.ts.

/** A redeemed voucher waiting for settlement, put there by the stream consumer. */
export const SettlementQueueEntity = new Entity({
  name: 'SettlementQueue',
  table,
  timestamps: false,
  schema: item({
    programmeId: string().key(),
    voucherId: string().key(),
    queuedAt: string(),
  }),
  computeKey: ({ programmeId, voucherId }) => ({ pk: `SETTLE_Q#${programmeId}`, sk: voucherId }),
});

/**
 * A settlement batch: one programme's redeemed vouchers taken by one run. GSI1 lists batches
 * (few: one per programme per day); GSI2 holds the ones still being built, for the next run to finish.
 */
export const BatchEntity = new Entity({
  name: 'Batch',
  table,
  timestamps: false,
  schema: item({
    batchId: string().key(),
    runId: string(),
    programmeId: string(),
    programmeName: string(),
    kind: string().enum('benefit', 'service'),
    areaCode: string(),
    status: string().enum('building', 'ready', 'approved', 'reconciled'),
    voucherCount: number(),
    amountFen: number(),
    lineCount: number(),
    paidFen: number(),
    failedFen: number(),
    approvedBy: string().optional(),
    approvedAt: string().optional(),
    reconciledAt: string().optional(),
    fileSha256: string().optional(),
    /** Set when a run starts finishing the batch: from then on no chunk can join it. */
    closedAt: string().optional(),
    ...regulatedRecord(),
    gsi2pk: string().optional(),
    gsi2sk: string().optional(),
  }),
  computeKey: ({ batchId }) => ({ pk: `BATCH#${batchId}`, sk: 'BATCH' }),
});
export const BATCHES_PARTITION = 'BATCHES';
export const BUILDING_BATCHES_PARTITION = 'BUILDING_BATCHES';

/** What one settlement transaction moved into a batch: its vouchers' sums per payee. The batch's totals are the sum of its chunks. */
export const BatchChunkEntity = new Entity({
  name: 'BatchChunk',
  table,
  timestamps: false,
  schema: item({
    batchId: string().key(),
    chunkId: string().key(),
    voucherCount: number(),
    amountFen: number(),
    /** { payeeKey: [count, amountFen] } */
    payeesJson: string(),
  }),
  computeKey: ({ batchId, chunkId }) => ({ pk: `BATCH#${batchId}`, sk: `CHUNK#${chunkId}` }),
});

/** One line of a batch's payout file: one payee, the sum of their vouchers in the batch, and the bank's result. */
export const PayoutLineEntity = new Entity({
  name: 'PayoutLine',
  table,
  timestamps: false,
  schema: item({
    batchId: string().key(),
    lineNo: number().key(),
    lineId: string(),
    payeeKey: string(),
    payeeName: string(),
    accountCipher: string(),
    accountMasked: string(),
    bankName: string(),
    amountFen: number(),
    voucherCount: number(),
    status: string().enum('pending', 'paid', 'failed'),
    reason: string().optional(),
    resultAt: string().optional(),
  }),
  computeKey: ({ batchId, lineNo }) => ({ pk: `BATCH#${batchId}`, sk: `LINE#${String(lineNo).padStart(6, '0')}` }),
});

/** Voucher figures of one programme, one community and one holder type, kept by the stream consumer. */
export const VoucherStatsEntity = new Entity({
  name: 'VoucherStats',
  table,
  timestamps: false,
  schema: item({
    programmeId: string().key(),
    areaCode: string().key(),
    holderType: string().key(),
    issuedCount: number().optional(),
    issuedFen: number().optional(),
    claimedCount: number().optional(),
    claimedFen: number().optional(),
    redeemedCount: number().optional(),
    redeemedFen: number().optional(),
    reversedCount: number().optional(),
    reversedFen: number().optional(),
    settledCount: number().optional(),
    settledFen: number().optional(),
    expiredCount: number().optional(),
    expiredFen: number().optional(),
    revokedCount: number().optional(),
    revokedFen: number().optional(),
  }),
  computeKey: ({ programmeId, areaCode, holderType }) => ({ pk: `VSTATS#${programmeId}`, sk: `${areaCode}#${holderType}` }),
});

/** That a voucher's arrival in a status has been counted: duplicate stream deliveries count once. */
export const StatsAppliedEntity = new Entity({
  name: 'StatsApplied',
  table,
  timestamps: false,
  schema: item({
    voucherId: string().key(),
    status: string().key(),
    ttl: number(),
  }),
  computeKey: ({ voucherId, status }) => ({ pk: `VSTATS_APPLIED#${voucherId}`, sk: status }),
});

/**
 * A settlement run: finance's (or the schedule's) request, done off HTTP by the settlement
 * worker one unit (a programme, or the batches dead runs left) per queue message. The counters
 * are what the 结算拨付 page's progress bar shows.
 */
export const SettlementRunEntity = new Entity({
  name: 'SettlementRun',
  table,
  timestamps: false,
  schema: item({
    runId: string().key(),
    actorId: string(),
    /** The jurisdiction's prefix; empty for the daily run over everything. */
    scope: string(),
    status: string().enum('running', 'done'),
    unitsTotal: number(),
    unitsDone: number(),
    /** Queued vouchers when the run started; vouchers redeemed meanwhile may add to what it takes. */
    vouchersTotal: number(),
    vouchersDone: number(),
    voucherCount: number(),
    amountFen: number(),
    batchIds: list(string()),
    /** Unit attempts that failed (each retried by the queue; five failures send it to the dead-letter queue). */
    failures: number(),
    createdAt: string(),
    finishedAt: string().optional(),
  }),
  computeKey: ({ runId }) => ({ pk: `SETTLE_RUN#${runId}`, sk: 'RUN' }),
});

/** A unit of a run that is done: written with the run's counters in one transaction, so a redelivered message counts once. */
export const SettlementRunUnitEntity = new Entity({
  name: 'SettlementRunUnit',
  table,
  timestamps: false,
  schema: item({
    runId: string().key(),
    unit: string().key(),
    voucherCount: number(),
    amountFen: number(),
    at: string(),
  }),
  computeKey: ({ runId, unit }) => ({ pk: `SETTLE_RUN#${runId}`, sk: `UNIT#${unit}` }),
});
