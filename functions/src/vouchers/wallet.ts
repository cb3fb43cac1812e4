// The citizen's wallet: their vouchers, claiming one (which takes a place and its face value from
// one of the programme's quota shards, under a condition), and the holder code to show.
import { GetItemCommand } from 'dynamodb-toolbox/entity/actions/get';
import { PutTransaction } from 'dynamodb-toolbox/entity/actions/transactPut';
import { UpdateTransaction } from 'dynamodb-toolbox/entity/actions/transactUpdate';
import { $add } from 'dynamodb-toolbox/entity/actions/update';
import { execute } from 'dynamodb-toolbox/entity/actions/transactWrite';
import { QueryCommand } from 'dynamodb-toolbox/table/actions/query';
import {
  maskAccountNo,
  todayInChina,
  voucherExpiryDate,
  voucherStatusLabels,
  type Voucher,
} from '@doorstep/shared';
import { readAuditEvents } from '../audit/service';
import { formatAuditHead, nextAuditEvent, parseAuditHead } from '../audit/events';
import { retryConflicts } from '../concurrency';
import { JobseekerRegistrationEntity, PayoutAccountEntity, QuotaShardEntity, VoucherEntity, expiryKeys, walletKeys } from '../db/entities';
import { cancelledTransaction } from '../db/errors';
import { table } from '../db/table';
import { getDependencies } from '../deps';
import { ConflictError, NotFoundError, RuleError, ValidationError } from '../http/errors';
import type { RecordAnswer } from '../http/idempotency';
import type { Principal } from '../http/session';
import { signHolderCode } from './codes';
import { loadProgramme, type StoredVoucher } from './store';
import { shownStatus } from './redeemable';

const ACTION_LABELS: Record<string, string> = {
  issue: '发放给您',
  claim: '您已领取',
  redeem: '已使用',
  reverse: '使用被撤销',
  settling: '进入拨付',
  settle: '已拨付',
  payment_failed: '拨付失败，将重新拨付',
  expire: '已过期',
  revoke: '已收回',
};


export async function toVoucherView(v: StoredVoucher, withHistory = false): Promise<Voucher> {
  const account = v.kind === 'benefit' && v.claimedAt ? (await PayoutAccountEntity.build(GetItemCommand).key({ userId: v.holderId }).send()).Item : undefined;
  const history = withHistory
    ? (await readAuditEvents('Voucher', v.voucherId)).map((e) => ({ at: e.at, action: e.action, label: ACTION_LABELS[e.action] ?? e.action, ...(e.reason ? { reason: e.reason } : {}) }))
    : undefined;
  return {
    id: v.voucherId,
    programmeId: v.programmeId,
    programmeName: v.programmeName,
    kind: v.kind,
    serviceName: v.serviceName,
    faceValueFen: v.faceValueFen,
    status: shownStatus(v),
    usableAt: v.usableAt,
    issuedAt: v.issuedAt,
    claimUntil: v.claimUntil,
    ...(v.claimedAt ? { claimedAt: v.claimedAt } : {}),
    ...(v.expiresOn ? { expiresOn: v.expiresOn } : {}),
    ...(v.redeemedAt ? { redeemedAt: v.redeemedAt } : {}),
    ...(v.providerName ? { providerName: v.providerName } : {}),
    ...(account ? { accountMasked: account.accountMasked } : {}),
    ...(v.payoutStatus ? { payout: { status: v.payoutStatus, ...(v.payoutReason ? { reason: v.payoutReason } : {}), ...(v.payoutAt ? { at: v.payoutAt } : {}) } } : {}),
    ...(history ? { history } : {}),
  };
}

export async function listMyVouchers(principal: Principal): Promise<Voucher[]> {
  const { Items = [] } = await table
    .build(QueryCommand)
    .entities(VoucherEntity)
    .query({ index: 'gsi2', partition: walletKeys(principal.userId, '', '').gsi2pk })
    .options({ reverse: true, limit: 100 })
    .send();
  return Promise.all(Items.map((v) => toVoucherView(v)));
}

/** The holder's own voucher, or 404 (someone else's voucher does not exist for them). */
async function ownVoucher(principal: Principal, voucherId: string): Promise<StoredVoucher> {
  const { Item } = await VoucherEntity.build(GetItemCommand).key({ voucherId }).options({ consistent: true }).send();
  if (!Item || Item.holderId !== principal.userId) throw new NotFoundError('找不到这张券');
  return Item;
}

export async function getMyVoucher(principal: Principal, voucherId: string): Promise<Voucher> {
  return toVoucherView(await ownVoucher(principal, voucherId), true);
}

const shuffled = (n: number) => {
  const order = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i -= 1) {
    const j = Math.floor(Math.random() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  return order;
};

/**
 * Claims an issued voucher. One transaction: the voucher `issued → claimed` under a condition,
 * one place and the face value taken from a quota shard under `quotaLeft >= 1 and budgetLeftFen
 * >= face`, the audit event, the payout account (benefit vouchers), and the idempotency record.
 * Shards are tried in random order; shards only ever go down, so when every shard has refused,
 * the programme is really out.
 */
export async function claimVoucher(
  principal: Principal,
  voucherId: string,
  body: { account?: { accountNo: string; bankName: string } },
  record: RecordAnswer<{ voucher: Voucher }> | undefined,
): Promise<{ voucher: Voucher }> {
  const v = await ownVoucher(principal, voucherId);
  const today = todayInChina();
  if (v.status !== 'issued') throw new ConflictError(v.status === 'claimed' ? '这张券您已经领取了' : `这张券${voucherStatusLabels[v.status]}，不能领取`);
  if (v.claimUntil < today) throw new RuleError(`领取期已在${v.claimUntil}结束`);
  if (v.kind === 'benefit' && !body.account) {
    throw new ValidationError([{ path: ['account', 'accountNo'], message: '补贴会打到您的社保卡金融账户，请填写账号' }]);
  }
  const p = await loadProgramme(v.programmeId);
  if (!p || p.status !== 'approved') throw new ConflictError('这个券种暂停了领取');
  let accountItem: Parameters<PutTransaction<typeof PayoutAccountEntity>['item']>[0] | undefined;
  if (v.kind === 'benefit' && body.account) {
    const { Item: reg } = await JobseekerRegistrationEntity.build(GetItemCommand).key({ userId: principal.userId }).send();
    if (!reg) throw new RuleError('请先完成求职登记');
    accountItem = {
      userId: principal.userId,
      accountName: reg.name,
      accountCipher: getDependencies().accounts.encrypt(body.account.accountNo),
      accountMasked: maskAccountNo(body.account.accountNo),
      bankName: body.account.bankName,
      updatedAt: new Date().toISOString(),
    };
  }
  const accountPut = accountItem && PayoutAccountEntity.build(PutTransaction).item(accountItem);
  for (const shard of shuffled(p.shards)) {
    const now = new Date().toISOString();
    const audit = nextAuditEvent(parseAuditHead(v.auditHead), { recordType: 'Voucher', recordId: voucherId, actorId: principal.userId, at: now, action: 'claim', fromState: 'issued', toState: 'claimed' });
    const expiresOn = voucherExpiryDate(today, v.validityDays);
    const next: StoredVoucher = {
      ...v,
      status: 'claimed',
      claimedAt: now,
      expiresOn,
      ...expiryKeys(expiresOn, voucherId),
      updatedAt: now,
      version: v.version + 1,
      auditHead: formatAuditHead(audit.head),
    };
    const answer = { voucher: await toVoucherView(next) };
    if (accountPut && answer.voucher.kind === 'benefit' && body.account) answer.voucher.accountMasked = maskAccountNo(body.account.accountNo);
    try {
      await retryConflicts(() =>
        execute(
          VoucherEntity.build(PutTransaction).item(next).options({ condition: { and: [{ attr: 'status', eq: 'issued' }, { attr: 'version', eq: v.version }] } }),
          QuotaShardEntity.build(UpdateTransaction)
            .item({ programmeId: v.programmeId, shard, quotaLeft: $add(-1), budgetLeftFen: $add(-v.faceValueFen) })
            .options({ condition: { and: [{ attr: 'quotaLeft', gte: 1 }, { attr: 'budgetLeftFen', gte: v.faceValueFen }] } }),
          audit.put,
          ...(accountPut ? [accountPut] : []),
          ...(record ? [record(answer)] : []),
        ),
      );
      return answer;
    } catch (err) {
      const cancelled = cancelledTransaction(err);
      if (!cancelled) throw err;
      if (cancelled.conditionFailed[0]) throw new ConflictError('这张券刚刚已被领取');
      if (!cancelled.conditionFailed[1]) throw err;
      // This shard is out: try the next.
    }
  }
  throw new ConflictError('这个券种的名额已经领完了');
}

export async function holderCode(principal: Principal, voucherId: string): Promise<{ code: string; expiresAt: string }> {
  const v = await ownVoucher(principal, voucherId);
  const status = shownStatus(v);
  if (status === 'expired') throw new RuleError('这张券已过期，不能再使用');
  if (status === 'issued') throw new ConflictError('请先领取这张券');
  if (status !== 'claimed') throw new ConflictError(`这张券${voucherStatusLabels[status]}，不能再出示`);
  return signHolderCode(voucherId);
}
