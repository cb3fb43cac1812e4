// Employment vouchers (就业券, domain.md §6): the lifecycle, who may hold and redeem one, the
// sharded quota, and the payout and bank-result file layouts. Pure rules shared by the
// functions and the mini-program.
import { addCalendarDays } from './calendar';

export const VOUCHER_STATUSES = ['issued', 'claimed', 'redeemed', 'settling', 'settled', 'expired', 'revoked', 'reversed'] as const;
export type VoucherStatus = (typeof VOUCHER_STATUSES)[number];

export const voucherStatusLabels: Record<VoucherStatus, string> = {
  issued: '待领取',
  claimed: '可使用',
  redeemed: '已使用，等待拨付',
  settling: '拨付中',
  settled: '已拨付',
  expired: '已过期',
  revoked: '已收回',
  reversed: '已撤销使用',
};

/**
 * Every transition the system makes, and nothing else: anything not listed answers 409.
 * `settling → redeemed` is a bank payment that failed: the voucher queues for the next run.
 */
export const VOUCHER_TRANSITIONS: Record<VoucherStatus, readonly VoucherStatus[]> = {
  issued: ['claimed', 'expired', 'revoked'],
  claimed: ['redeemed', 'expired', 'revoked'],
  redeemed: ['settling', 'reversed'],
  settling: ['settled', 'redeemed'],
  settled: [],
  expired: [],
  revoked: [],
  reversed: [],
};

export function canTransition(from: VoucherStatus, to: VoucherStatus): boolean {
  return VOUCHER_TRANSITIONS[from].includes(to);
}

export const VOUCHER_KINDS = ['benefit', 'service'] as const;
export type VoucherKind = (typeof VOUCHER_KINDS)[number];
export const voucherKindLabels: Record<VoucherKind, string> = {
  benefit: '补贴券（钱打到本人社保卡）',
  service: '服务券（钱付给服务机构）',
};
/** The kind in words for who holds it: an employer's benefit voucher pays into the unit's own account. */
export function voucherKindLabel(kind: VoucherKind, holderType: 'person' | 'employer' = 'person'): string {
  return kind === 'benefit' && holderType === 'employer' ? '补贴券（钱打到单位对公账户）' : voucherKindLabels[kind];
}

/** Who holds a programme's vouchers: people, or employers (FJ-A3 counts vouchers redeemed by each apart). */
export const VOUCHER_HOLDER_TYPES = ['person', 'employer'] as const;
export type VoucherHolderType = (typeof VOUCHER_HOLDER_TYPES)[number];
export const voucherHolderTypeLabels: Record<VoucherHolderType, string> = { person: '个人', employer: '用人单位' };

/** The person categories a programme may target (graduates and youth are derived from the registration). */
export const VOUCHER_TARGET_GROUPS = ['registered_unemployed', 'hard_to_employ', 'graduate_2y', 'youth_16_24'] as const;
export type VoucherTargetGroup = (typeof VOUCHER_TARGET_GROUPS)[number];

/** The employers a programme may target: units of the area whose onboarding the street approved. */
export const EMPLOYER_TARGET_GROUPS = ['approved_employer'] as const;
export const employerTargetGroupLabels: Record<(typeof EMPLOYER_TARGET_GROUPS)[number], string> = { approved_employer: '辖区内审核通过的用人单位' };

/** Every group a programme may name: people's categories and employers' groups, never mixed. */
export const PROGRAMME_TARGET_GROUPS = [...VOUCHER_TARGET_GROUPS, ...EMPLOYER_TARGET_GROUPS] as const;
export type ProgrammeTargetGroup = (typeof PROGRAMME_TARGET_GROUPS)[number];

/** The groups a programme for this kind of holder may target. */
export function targetGroupsFor(holderType: VoucherHolderType): readonly ProgrammeTargetGroup[] {
  return holderType === 'employer' ? EMPLOYER_TARGET_GROUPS : VOUCHER_TARGET_GROUPS;
}

export const PROVIDER_TYPES = ['training_institution', 'hr_agency', 'employer'] as const;
export type ProviderType = (typeof PROVIDER_TYPES)[number];
export const providerTypeLabels: Record<ProviderType, string> = {
  training_institution: '培训机构',
  hr_agency: '人力资源服务机构',
  employer: '用人单位',
};

export const PROGRAMME_STATUSES = ['pending_approval', 'approved'] as const;
export type ProgrammeStatus = (typeof PROGRAMME_STATUSES)[number];

/** Whether someone with these current categories is in a programme's target groups. */
export function isInTargetGroups(targetGroups: readonly string[], categories: readonly string[]): boolean {
  return targetGroups.some((g) => categories.includes(g));
}

/** The last day a claimed voucher can be used: validity counts from the day of the claim. */
export function voucherExpiryDate(claimedOn: string, validityDays: number): string {
  return addCalendarDays(claimedOn, validityDays - 1);
}

/** Whether a voucher's claim window is open on `today`. */
export function claimWindowOpen(p: { claimFrom: string; claimUntil: string }, today: string): boolean {
  return p.claimFrom <= today && today <= p.claimUntil;
}

/**
 * A programme's quota and budget are split over shards so that claims spread their writes:
 * the parts differ by at most one (one fen for the budget) and sum exactly to the total.
 */
export function splitEvenly(total: number, parts: number): number[] {
  const base = Math.floor(total / parts);
  const extra = total - base * parts;
  return Array.from({ length: parts }, (_, i) => base + (i < extra ? 1 : 0));
}

/**
 * The budget split the same way as the quota, in whole face values (the odd fen stay on shard 0),
 * so no shard strands part of a voucher: together the shards admit exactly
 * min(quota, budget ÷ face value) claims.
 */
export function splitBudget(budgetFen: number, faceValueFen: number, parts: number): number[] {
  const units = splitEvenly(Math.floor(budgetFen / faceValueFen), parts);
  return units.map((u, i) => u * faceValueFen + (i === 0 ? budgetFen % faceValueFen : 0));
}

/** Enough shards that no shard item takes more than ~100 claims a second at 1,000 claims/s; never more than the quota. */
export function shardCountFor(quota: number): number {
  return Math.max(1, Math.min(10, quota));
}

// ---- Payout file (拨付文件) and the bank's result file -------------------------------------

/** Columns of a payout file, in order. One line per payee; amounts in fen (integer) and yuan (text). */
export const PAYOUT_COLUMNS = ['line_id', 'payee_type', 'payee_name', 'account_no', 'bank_name', 'amount_fen', 'amount_yuan', 'voucher_count', 'purpose'] as const;

/** Columns of the bank's result file: which line, 成功 or 失败, and the bank's reason for a failure. */
export const BANK_RESULT_COLUMNS = ['line_id', 'result', 'reason'] as const;
export const BANK_RESULT_VALUES = { paid: '成功', failed: '失败' } as const;

export const PAYOUT_LINE_STATUSES = ['pending', 'paid', 'failed'] as const;
export type PayoutLineStatus = (typeof PAYOUT_LINE_STATUSES)[number];

export const BATCH_STATUSES = ['building', 'ready', 'approved', 'reconciled'] as const;
export type BatchStatus = (typeof BATCH_STATUSES)[number];
export const batchStatusLabels: Record<BatchStatus, string> = {
  building: '生成中',
  ready: '待财务审批',
  approved: '已审批，待银行结果',
  reconciled: '已对账',
};

/** Bank card / social-security-card financial account numbers: 12–19 digits, shown as the last four. */
export function maskAccountNo(accountNo: string): string {
  return `**** ${accountNo.slice(-4)}`;
}
