// Employment vouchers (就业券, issue 5; domain.md §6): programmes, the citizen's wallet and
// holder code, redemption by providers, settlement batches (拨付) and the figures.
import * as z from 'zod/mini';
import {
  BATCH_STATUSES,
  PAYOUT_LINE_STATUSES,
  PROGRAMME_STATUSES,
  PROGRAMME_TARGET_GROUPS,
  PROVIDER_TYPES,
  VOUCHER_HOLDER_TYPES,
  VOUCHER_KINDS,
  VOUCHER_STATUSES,
  targetGroupsFor,
} from '../domain/vouchers';
import { areaCodeSchema } from './auth';
import { usccSchema } from './employers';
import { defineContract, ulidSchema } from './contract';

const dateSchema = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, '请选择日期'));
const idParams = z.strictObject({ id: ulidSchema });
const fen = (max: number, message: string) => z.number().check(z.int('金额须为整数（分）'), z.gte(1, '金额须大于0'), z.lte(max, message));
const cursorQuery = z.strictObject({ cursor: z.optional(z.string().check(z.maxLength(400))) });

// ── Programmes (券种) ──────────────────────────────────────────────────────────────────────

export const programmeBodySchema = z.strictObject({
    name: z.string().check(z.trim(), z.minLength(2, '名称至少2个字'), z.maxLength(40, '名称最多40个字')),
    kind: z.enum(VOUCHER_KINDS),
    /** What the voucher pays for, shown to holders and providers (职业技能培训, 职业指导…). */
    serviceName: z.string().check(z.trim(), z.minLength(2, '至少2个字'), z.maxLength(40, '最多40个字')),
    faceValueFen: fen(10_000_000, '面值最多10万元'),
    /** People (the default) or employers; the target groups must be of the same kind. */
    holderType: z._default(z.enum(VOUCHER_HOLDER_TYPES), 'person'),
    targetGroups: z.array(z.enum(PROGRAMME_TARGET_GROUPS)).check(
      z.minLength(1, '至少选择一类发放对象'),
      z.maxLength(PROGRAMME_TARGET_GROUPS.length),
    ),
    providerTypes: z.array(z.enum(PROVIDER_TYPES)).check(
      z.minLength(1, '至少选择一类可用机构'),
      z.maxLength(PROVIDER_TYPES.length),
    ),
    /** The issuing area: a city, district or street code; holders and providers must be inside it. */
    areaCode: areaCodeSchema.check(z.refine((c) => c.length >= 4 && c.length <= 9, '发放区域须为市、区县或街道')),
    budgetFen: fen(100_000_000_000, '预算最多10亿元'),
    quota: z.number().check(z.int('名额须为整数'), z.gte(1, '名额至少1个'), z.lte(1_000_000, '名额最多100万个')),
    claimFrom: dateSchema,
    claimUntil: dateSchema,
    validityDays: z.number().check(z.int(), z.gte(1, '有效期至少1天'), z.lte(366, '有效期最多366天')),
    perPersonLimit: z.number().check(z.int(), z.gte(1, '每人至少1张'), z.lte(5, '每人最多5张')),
  }).check(
  z.superRefine((v, ctx) => {
    if (v.claimUntil < v.claimFrom) ctx.addIssue({ code: 'custom', path: ['claimUntil'], message: '领取截止日不能早于开始日' });
    if (v.budgetFen < v.faceValueFen) ctx.addIssue({ code: 'custom', path: ['budgetFen'], message: '预算不够发一张券' });
    const fits = targetGroupsFor(v.holderType);
    if (v.targetGroups.some((g) => !fits.includes(g))) {
      ctx.addIssue({ code: 'custom', path: ['targetGroups'], message: v.holderType === 'employer' ? '单位券只能发给用人单位' : '个人券只能发给个人' });
    }
  }),
);
export type ProgrammeInput = z.input<typeof programmeBodySchema>;
export type ProgrammeBody = z.infer<typeof programmeBodySchema>;

export const programmeSchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(VOUCHER_KINDS),
  serviceName: z.string(),
  faceValueFen: z.number().check(z.int()),
  holderType: z.enum(VOUCHER_HOLDER_TYPES),
  targetGroups: z.array(z.enum(PROGRAMME_TARGET_GROUPS)),
  providerTypes: z.array(z.enum(PROVIDER_TYPES)),
  areaCode: z.string(),
  areaName: z.string(),
  budgetFen: z.number().check(z.int()),
  quota: z.number().check(z.int()),
  claimFrom: z.string(),
  claimUntil: z.string(),
  validityDays: z.number().check(z.int()),
  perPersonLimit: z.number().check(z.int()),
  status: z.enum(PROGRAMME_STATUSES),
  /** Quota and budget not yet claimed (approved programmes). */
  remaining: z.optional(z.object({ quota: z.number().check(z.int()), budgetFen: z.number().check(z.int()) })),
  createdAt: z.string(),
  approvedAt: z.optional(z.string()),
});
export type Programme = z.infer<typeof programmeSchema>;

export const createProgramme = defineContract({
  id: 'createProgramme',
  method: 'POST',
  path: '/voucher-programmes',
  summary: '区级工作人员新建就业券券种（需财务审批预算后才能发放）',
  auth: ['staff'],
  body: programmeBodySchema,
  response: z.object({ programme: programmeSchema }),
  successStatus: 201,
  errors: [400, 401, 403],
});

export const listProgrammes = defineContract({
  id: 'listProgrammes',
  method: 'GET',
  path: '/voucher-programmes',
  summary: '辖区内的就业券券种，最新的在前',
  auth: ['staff', 'finance'],
  response: z.object({ items: z.array(programmeSchema) }),
  errors: [401, 403],
});

export const approveProgramme = defineContract({
  id: 'approveProgramme',
  method: 'POST',
  path: '/voucher-programmes/{id}/approve',
  summary: '财务审批券种预算；批准后名额和预算分片入账，才能发放和领取',
  auth: ['finance'],
  params: idParams,
  response: z.object({ programme: programmeSchema }),
  errors: [401, 403, 404, 409],
});

export const issueVouchers = defineContract({
  id: 'issueVouchers',
  method: 'POST',
  path: '/voucher-programmes/{id}/issue',
  summary: '向发放区域内符合条件的人员批量发券；一次处理一页，带 nextCursor 继续；重复发放不会多发',
  auth: ['staff'],
  params: idParams,
  body: z.strictObject({ cursor: z.optional(z.string().check(z.maxLength(400))) }),
  response: z.object({
    issued: z.number().check(z.int()),
    alreadyHeld: z.number().check(z.int()),
    notEligible: z.number().check(z.int()),
    nextCursor: z.optional(z.string()),
  }),
  errors: [400, 401, 403, 404, 409],
});

// ── Providers (服务机构) ───────────────────────────────────────────────────────────────────

export const bankAccountSchema = z.strictObject({
  accountName: z.string().check(z.trim(), z.minLength(2, '户名至少2个字'), z.maxLength(60, '户名最多60个字')),
  accountNo: z.string().check(z.trim(), z.regex(/^\d{12,19}$/, '账号是12到19位数字')),
  bankName: z.string().check(z.trim(), z.minLength(2, '请填写开户银行'), z.maxLength(40, '开户银行最多40个字')),
});

export const designateProvider = defineContract({
  id: 'designateProvider',
  method: 'POST',
  path: '/staff/providers',
  summary: '区级工作人员认定已审核的单位为就业券服务机构（类型与收款账户）',
  auth: ['staff'],
  body: z.strictObject({
    employerId: ulidSchema,
    types: z.array(z.enum(PROVIDER_TYPES)).check(z.minLength(1, '至少选择一类'), z.maxLength(PROVIDER_TYPES.length)),
    bankAccount: bankAccountSchema,
  }),
  response: z.object({ provider: z.object({ id: z.string(), name: z.string(), types: z.array(z.enum(PROVIDER_TYPES)), areaCode: z.string() }) }),
  errors: [400, 401, 403, 404],
});

export const lookupProvider = defineContract({
  id: 'lookupProvider',
  method: 'POST',
  path: '/staff/providers/lookup',
  summary: '区级工作人员按统一社会信用代码查找辖区内的单位，看它是否已是就业券服务机构（认定前）',
  auth: ['staff'],
  body: z.strictObject({ uscc: usccSchema }),
  response: z.object({
    employer: z.object({ id: z.string(), name: z.string(), status: z.enum(['pending_review', 'approved', 'rejected']), areaCode: z.string(), address: z.string() }),
    provider: z.optional(z.object({ types: z.array(z.enum(PROVIDER_TYPES)), accountName: z.string(), accountMasked: z.string(), bankName: z.string() })),
  }),
  errors: [400, 401, 403, 404],
});

export const myProviderSchema = z.object({
  id: z.string(),
  name: z.string(),
  types: z.array(z.enum(PROVIDER_TYPES)),
  accountMasked: z.string(),
  redeemed: z.object({ count: z.number().check(z.int()), amountFen: z.number().check(z.int()) }),
});
export const listMyProviders = defineContract({
  id: 'listMyProviders',
  method: 'GET',
  path: '/me/providers',
  summary: '我所在的、可以核销就业券的服务机构',
  auth: 'user',
  response: z.object({ items: z.array(myProviderSchema) }),
  errors: [401],
});

// ── The citizen's wallet ───────────────────────────────────────────────────────────────────

export const voucherEventSchema = z.object({ at: z.string(), action: z.string(), label: z.string(), reason: z.optional(z.string()) });

export const voucherSchema = z.object({
  id: z.string(),
  programmeId: z.string(),
  programmeName: z.string(),
  kind: z.enum(VOUCHER_KINDS),
  serviceName: z.string(),
  faceValueFen: z.number().check(z.int()),
  /** As stored, except that a voucher past its last day shows `expired`. */
  status: z.enum(VOUCHER_STATUSES),
  /** Where it can be used: the provider types and the area. */
  usableAt: z.string(),
  issuedAt: z.string(),
  claimUntil: z.string(),
  claimedAt: z.optional(z.string()),
  expiresOn: z.optional(z.string()),
  redeemedAt: z.optional(z.string()),
  providerName: z.optional(z.string()),
  /** Benefit vouchers: the account the money goes to (last four digits) and how its payment stands. */
  accountMasked: z.optional(z.string()),
  payout: z.optional(z.object({ status: z.enum(PAYOUT_LINE_STATUSES), reason: z.optional(z.string()), at: z.optional(z.string()) })),
  history: z.optional(z.array(voucherEventSchema)),
});
export type Voucher = z.infer<typeof voucherSchema>;

export const listMyVouchers = defineContract({
  id: 'listMyVouchers',
  method: 'GET',
  path: '/me/vouchers',
  summary: '我的就业券，最新的在前',
  auth: 'user',
  proxy: '查看就业券',
  response: z.object({ items: z.array(voucherSchema) }),
  errors: [401],
});

export const getMyVoucher = defineContract({
  id: 'getMyVoucher',
  method: 'GET',
  path: '/me/vouchers/{id}',
  summary: '一张券的详情和经过',
  auth: 'user',
  proxy: '查看就业券',
  params: idParams,
  response: z.object({ voucher: voucherSchema }),
  errors: [401, 404],
});

const claimBody = (accountWords: string) =>
  z.strictObject({
    account: z.optional(z.strictObject({
        accountNo: z.string().check(z.trim(), z.regex(/^\d{12,19}$/, `${accountWords}是12到19位数字`)),
        bankName: z.string().check(z.trim(), z.minLength(2, '请填写开户银行'), z.maxLength(40, '开户银行最多40个字')),
      })),
  });

export const claimVoucher = defineContract({
  id: 'claimVoucher',
  method: 'POST',
  path: '/me/vouchers/{id}/claim',
  summary: '领取一张待领取的券（补贴券须填本人社保卡金融账户）；名额领完返回 409；支持 Idempotency-Key',
  auth: 'user',
  proxy: '领取就业券',
  consents: ['privacy'],
  params: idParams,
  body: claimBody('社保卡金融账号'),
  response: z.object({ voucher: voucherSchema }),
  errors: [400, 401, 404, 409, 422],
});

export const voucherCode = defineContract({
  id: 'voucherCode',
  method: 'GET',
  path: '/me/vouchers/{id}/code',
  summary: '出示券码：签名的二维码内容，约60秒有效，到期前重新获取',
  auth: 'user',
  proxy: '出示就业券券码',
  params: idParams,
  response: z.object({ code: z.string(), expiresAt: z.string() }),
  errors: [401, 404, 409, 422],
});

// ── An employer's vouchers (单位就业券): its members see them and show the code, its administrators claim ──

const employerVoucherParams = z.strictObject({ id: ulidSchema, voucherId: ulidSchema });

export const listEmployerVouchers = defineContract({
  id: 'listEmployerVouchers',
  method: 'GET',
  path: '/employers/{id}/vouchers',
  summary: '本单位持有的就业券，最新的在前（单位成员可看）',
  auth: 'user',
  params: idParams,
  response: z.object({ items: z.array(voucherSchema) }),
  errors: [401, 404],
});

export const getEmployerVoucher = defineContract({
  id: 'getEmployerVoucher',
  method: 'GET',
  path: '/employers/{id}/vouchers/{voucherId}',
  summary: '本单位一张券的详情和经过',
  auth: 'user',
  params: employerVoucherParams,
  response: z.object({ voucher: voucherSchema }),
  errors: [401, 404],
});

export const claimEmployerVoucher = defineContract({
  id: 'claimEmployerVoucher',
  method: 'POST',
  path: '/employers/{id}/vouchers/{voucherId}/claim',
  summary: '单位管理员领取本单位的券（补贴券须填单位对公账户）；名额领完返回 409；支持 Idempotency-Key',
  auth: 'user',
  params: employerVoucherParams,
  body: claimBody('对公账号'),
  response: z.object({ voucher: voucherSchema }),
  errors: [400, 401, 403, 404, 409, 422],
});

export const employerVoucherCode = defineContract({
  id: 'employerVoucherCode',
  method: 'GET',
  path: '/employers/{id}/vouchers/{voucherId}/code',
  summary: '出示本单位的券码（单位成员），约60秒有效',
  auth: 'user',
  params: employerVoucherParams,
  response: z.object({ code: z.string(), expiresAt: z.string() }),
  errors: [401, 404, 409, 422],
});

export const voucherCodeKey = defineContract({
  id: 'voucherCodeKey',
  method: 'GET',
  path: '/vouchers/code-key',
  summary: '券码验签公钥（JWK，Ed25519）：离线也能验证券码真伪，是否已用须在线核销',
  auth: 'public',
  response: z.object({ kty: z.string(), crv: z.string(), x: z.string(), alg: z.string() }),
  errors: [],
});

// ── Redemption (核销) ─────────────────────────────────────────────────────────────────────

const holderCodeSchema = z.string().check(z.trim(), z.minLength(20, '券码不完整，请重新扫码'), z.maxLength(1000, '券码不对'));

export const redemptionPreviewSchema = z.object({
  voucherId: z.string(),
  programmeName: z.string(),
  serviceName: z.string(),
  faceValueFen: z.number().check(z.int()),
  holderName: z.string(),
  expiresOn: z.string(),
  status: z.enum(VOUCHER_STATUSES),
});

export const inspectVoucher = defineContract({
  id: 'inspectVoucher',
  method: 'POST',
  path: '/vouchers/inspect',
  summary: '服务机构扫码后先看要核销的是哪张券（不改变任何东西）',
  auth: 'user',
  body: z.strictObject({ code: holderCodeSchema, providerId: ulidSchema }),
  response: z.object({ voucher: redemptionPreviewSchema }),
  errors: [400, 401, 403, 409, 422],
});

export const serviceRecordSchema = z.strictObject({
  serviceDate: dateSchema,
  description: z.string().check(z.trim(), z.minLength(4, '请写明提供了什么服务，至少4个字'), z.maxLength(300, '最多300字')),
});

export const redemptionSchema = z.object({
  voucherId: z.string(),
  providerId: z.string(),
  programmeName: z.string(),
  serviceName: z.string(),
  amountFen: z.number().check(z.int()),
  holderName: z.string(),
  redeemedAt: z.string(),
  serviceRecord: serviceRecordSchema,
  /** Where the voucher now is: redeemed, settling, settled or reversed. */
  status: z.enum(VOUCHER_STATUSES),
});
export type Redemption = z.infer<typeof redemptionSchema>;

export const redeemVoucher = defineContract({
  id: 'redeemVoucher',
  method: 'POST',
  path: '/vouchers/redeem',
  summary: '服务机构核销持券人的券（一张券只能核销一次，已核销返回 409）；支持 Idempotency-Key',
  auth: 'user',
  body: z.strictObject({ code: holderCodeSchema, providerId: ulidSchema, serviceRecord: serviceRecordSchema }),
  response: z.object({ redemption: redemptionSchema }),
  successStatus: 201,
  errors: [400, 401, 403, 409, 422],
});

export const reverseVoucher = defineContract({
  id: 'reverseVoucher',
  method: 'POST',
  path: '/vouchers/{id}/reverse',
  summary: '撤销一次核销（拨付前；核销机构或区级工作人员，须写原因）；撤销的券不会拨付',
  auth: 'user',
  params: idParams,
  body: z.strictObject({ reason: z.string().check(z.trim(), z.minLength(4, '请写明撤销原因，至少4个字'), z.maxLength(200, '最多200字')) }),
  response: z.object({ redemption: redemptionSchema }),
  errors: [400, 401, 403, 404, 409],
});

export const revokeVoucher = defineContract({
  id: 'revokeVoucher',
  method: 'POST',
  path: '/vouchers/{id}/revoke',
  summary: '收回一张还没使用的券（持券人不再符合条件或有骗领等情况；区级或市级工作人员，须写原因）；已领取的券名额和金额退回券种',
  auth: ['staff'],
  params: idParams,
  body: z.strictObject({ reason: z.string().check(z.trim(), z.minLength(4, '请写明收回原因，至少4个字'), z.maxLength(200, '最多200字')) }),
  response: z.object({ voucher: z.object({ id: z.string(), status: z.enum(VOUCHER_STATUSES), reason: z.string() }) }),
  errors: [400, 401, 403, 404, 409],
});

export const providerRedemptions = defineContract({
  id: 'providerRedemptions',
  method: 'GET',
  path: '/providers/{id}/redemptions',
  summary: '本机构的核销记录和拨付状态，最新的在前',
  auth: 'user',
  params: idParams,
  query: cursorQuery,
  response: z.object({ items: z.array(redemptionSchema), nextCursor: z.optional(z.string()) }),
  errors: [400, 401, 404],
});

// ── Settlement (拨付) ──────────────────────────────────────────────────────────────────────

export const batchSchema = z.object({
  id: z.string(),
  programmeId: z.string(),
  programmeName: z.string(),
  kind: z.enum(VOUCHER_KINDS),
  areaCode: z.string(),
  status: z.enum(BATCH_STATUSES),
  voucherCount: z.number().check(z.int()),
  amountFen: z.number().check(z.int()),
  lineCount: z.number().check(z.int()),
  paidFen: z.number().check(z.int()),
  failedFen: z.number().check(z.int()),
  createdAt: z.string(),
  approvedAt: z.optional(z.string()),
  reconciledAt: z.optional(z.string()),
});
export type Batch = z.infer<typeof batchSchema>;

export const payoutLineSchema = z.object({
  lineId: z.string(),
  payeeType: z.enum(['person', 'employer', 'provider']),
  payeeName: z.string(),
  accountMasked: z.string(),
  bankName: z.string(),
  amountFen: z.number().check(z.int()),
  voucherCount: z.number().check(z.int()),
  status: z.enum(PAYOUT_LINE_STATUSES),
  reason: z.optional(z.string()),
});

/** A settlement run: done off HTTP, one programme at a time; the counters are its progress. */
export const settlementRunSchema = z.object({
  id: z.string(),
  status: z.enum(['running', 'done']),
  unitsTotal: z.number().check(z.int()),
  unitsDone: z.number().check(z.int()),
  vouchersTotal: z.number().check(z.int()),
  vouchersDone: z.number().check(z.int()),
  voucherCount: z.number().check(z.int()),
  amountFen: z.number().check(z.int()),
  batches: z.array(batchSchema),
  failures: z.number().check(z.int()),
  createdAt: z.string(),
  finishedAt: z.optional(z.string()),
});
export type SettlementRun = z.infer<typeof settlementRunSchema>;

export const startSettlementRun = defineContract({
  id: 'startSettlementRun',
  method: 'POST',
  path: '/settlement-runs',
  summary: '财务立即结算辖区内已核销的券（每天也会自动运行）：立即返回 202 和结算编号，结算在后台进行；支持 Idempotency-Key',
  auth: ['finance'],
  response: z.object({ run: settlementRunSchema }),
  successStatus: 202,
  errors: [401, 403],
});

export const getSettlementRun = defineContract({
  id: 'getSettlementRun',
  method: 'GET',
  path: '/settlement-runs/{id}',
  summary: '一次结算的进度：已处理的券数、生成的批次、失败次数',
  auth: ['finance'],
  params: z.object({ id: ulidSchema }),
  response: z.object({ run: settlementRunSchema }),
  errors: [401, 403, 404],
});

export const listBatches = defineContract({
  id: 'listBatches',
  method: 'GET',
  path: '/settlement-batches',
  summary: '辖区内的结算批次，最新的在前',
  auth: ['finance', 'staff'],
  query: cursorQuery,
  response: z.object({ items: z.array(batchSchema), nextCursor: z.optional(z.string()) }),
  errors: [400, 401, 403],
});

export const getBatch = defineContract({
  id: 'getBatch',
  method: 'GET',
  path: '/settlement-batches/{id}',
  summary: '一个结算批次和它的收款明细',
  auth: ['finance', 'staff'],
  params: idParams,
  response: z.object({ batch: batchSchema, lines: z.array(payoutLineSchema) }),
  errors: [401, 403, 404],
});

export const approveBatch = defineContract({
  id: 'approveBatch',
  method: 'POST',
  path: '/settlement-batches/{id}/approve',
  summary: '财务审批结算批次，之后才能下载拨付文件',
  auth: ['finance'],
  params: idParams,
  response: z.object({ batch: batchSchema }),
  errors: [401, 403, 404, 409],
});

export const payoutFile = defineContract({
  id: 'payoutFile',
  method: 'GET',
  path: '/settlement-batches/{id}/payout-file',
  summary: '下载已审批批次的拨付文件（CSV，UTF-8，列见 README）；每次下载都记入审计',
  auth: ['finance'],
  params: idParams,
  produces: 'text/csv',
  response: z.object({ fileName: z.string(), content: z.string() }),
  errors: [401, 403, 404, 409],
});

export const importBankResults = defineContract({
  id: 'importBankResults',
  method: 'POST',
  path: '/settlement-batches/{id}/bank-results',
  summary: '导入银行回盘文件（CSV：line_id,result,reason）：成功的券记为已拨付，失败的重新排队；可重复导入',
  auth: ['finance'],
  params: idParams,
  body: z.strictObject({ fileText: z.string().check(z.minLength(1, '请粘贴或选择银行回盘文件'), z.maxLength(2_000_000, '文件太大')) }),
  response: z.object({ batch: batchSchema, paid: z.number().check(z.int()), failed: z.number().check(z.int()), unchanged: z.number().check(z.int()) }),
  errors: [400, 401, 403, 404, 409],
});

// ── Figures ───────────────────────────────────────────────────────────────────────────────

const countAmount = z.object({ count: z.number().check(z.int()), amountFen: z.number().check(z.int()) });
export const voucherFiguresSchema = z.object({
  issued: countAmount,
  claimed: countAmount,
  redeemed: countAmount,
  reversed: countAmount,
  settled: countAmount,
  /** Unused past their last day, and taken back: their place and face value went back to the programme when they had been claimed. */
  expired: countAmount,
  revoked: countAmount,
});
export type VoucherFigures = z.infer<typeof voucherFiguresSchema>;

export const voucherStats = defineContract({
  id: 'voucherStats',
  method: 'GET',
  path: '/stats/vouchers',
  summary: '就业券发放、领取、核销、拨付的数量和金额：按券种、下一级区域和持券人类型（个人/单位）',
  auth: ['staff', 'finance'],
  query: z.strictObject({ areaCode: z.optional(areaCodeSchema) }),
  response: z.object({
    areaCode: z.string(),
    areaName: z.string(),
    rows: z.array(
      z.extend(voucherFiguresSchema, {
        programmeId: z.string(),
        programmeName: z.string(),
        areaCode: z.string(),
        areaName: z.string(),
        holderType: z.enum(['person', 'employer']),
      }),
    ),
    totals: voucherFiguresSchema,
  }),
  errors: [400, 401, 403],
});
