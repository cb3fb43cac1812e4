// The wallets: a citizen's vouchers and an employer's (its members see them and show the code,
// its administrators claim), claiming one (which takes a place and its face value from one of
// the programme's quota shards, under a condition), and the holder code to show.
import { countMetric } from '../metrics';
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
import { readAuditEvents } from '../audit/events';
import { formatAuditHead, nextAuditEvent, parseAuditHead } from '../audit/events';
import { retryConflicts } from '../concurrency';
import { EmployerEntity, EmployerMemberEntity, JobseekerRegistrationEntity } from '../db/entities';
import { QuotaShardEntity, VoucherEntity, expiryKeys, walletKeys } from './entities';
import { EmployerPayoutAccountEntity, PayoutAccountEntity } from '../payouts/entities';
import { cancelledTransaction } from '../db/errors';
import { table } from '../db/table';
import { getDependencies } from '../deps';
import { ConflictError, ForbiddenError, NotFoundError, RuleError, ValidationError } from '../http/errors';
import type { RecordAnswer } from '../http/idempotency';
import { requireConsents } from '../http/consents';
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
/** The same steps as a unit reads them about its own voucher. */
const EMPLOYER_ACTION_LABELS: Record<string, string> = { ...ACTION_LABELS, issue: '发放给本单位', claim: '本单位已领取' };


/** Where a claimed benefit voucher's money goes: the person's social-security-card account, or the employer's. */
async function payoutAccountOf(v: StoredVoucher) {
  if (v.kind !== 'benefit' || !v.claimedAt) return undefined;
  if (v.holderType === 'employer') return (await EmployerPayoutAccountEntity.build(GetItemCommand).key({ employerId: v.holderId }).send()).Item;
  return (await PayoutAccountEntity.build(GetItemCommand).key({ userId: v.holderId }).send()).Item;
}

export async function toVoucherView(v: StoredVoucher, withHistory = false): Promise<Voucher> {
  const account = await payoutAccountOf(v);
  const history = withHistory
    ? (await readAuditEvents('Voucher', v.voucherId)).map((e) => ({
        at: e.at,
        action: e.action,
        // 亲情代办: a step a family member took for the holder says so.
        label: `${(v.holderType === 'employer' ? EMPLOYER_ACTION_LABELS : ACTION_LABELS)[e.action] ?? e.action}${e.proxyId ? '（家人代办）' : ''}`,
        ...(e.reason ? { reason: e.reason } : {}),
      }))
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

async function walletOf(holderId: string): Promise<Voucher[]> {
  const { Items = [] } = await table
    .build(QueryCommand)
    .entities(VoucherEntity)
    .query({ index: 'gsi2', partition: walletKeys(holderId, '', '').gsi2pk })
    .options({ reverse: true, limit: 100 })
    .send();
  return Promise.all(Items.map((v) => toVoucherView(v)));
}

export const listMyVouchers = (principal: Principal) => walletOf(principal.userId);

/** The holder's own voucher, or 404 (someone else's voucher does not exist for them). */
async function ownVoucher(principal: Principal, voucherId: string): Promise<StoredVoucher> {
  const { Item } = await VoucherEntity.build(GetItemCommand).key({ voucherId }).options({ consistent: true }).send();
  if (!Item || Item.holderType !== 'person' || Item.holderId !== principal.userId) throw new NotFoundError('找不到这张券');
  return Item;
}

export async function getMyVoucher(principal: Principal, voucherId: string): Promise<Voucher> {
  return toVoucherView(await ownVoucher(principal, voucherId), true);
}

/** The caller's membership of the employer, or 404 (a unit they do not belong to does not exist for them). */
async function membershipOf(principal: Principal, employerId: string) {
  const { Item: member } = await EmployerMemberEntity.build(GetItemCommand).key({ employerId, userId: principal.userId }).send();
  if (!member) throw new NotFoundError('找不到这个单位');
  return member;
}

/** One of the employer's vouchers, for one of its members; 404 otherwise. */
async function employerVoucher(principal: Principal, employerId: string, voucherId: string) {
  const member = await membershipOf(principal, employerId);
  const { Item } = await VoucherEntity.build(GetItemCommand).key({ voucherId }).options({ consistent: true }).send();
  if (!Item || Item.holderType !== 'employer' || Item.holderId !== employerId) throw new NotFoundError('找不到这张券');
  return { voucher: Item, member };
}

export async function listEmployerVouchers(principal: Principal, employerId: string): Promise<Voucher[]> {
  await membershipOf(principal, employerId);
  return walletOf(employerId);
}

export async function getEmployerVoucher(principal: Principal, employerId: string, voucherId: string): Promise<Voucher> {
  return toVoucherView((await employerVoucher(principal, employerId, voucherId)).voucher, true);
}

const shuffled = (n: number) => {
  const order = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i -= 1) {
    const j = Math.floor(Math.random() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  return order;
};

type ClaimBody = { account?: { accountNo: string; bankName: string } };
type AccountFields = ReturnType<typeof accountFields> & { accountName: string };
const personAccountPut = (userId: string, a: AccountFields) => PayoutAccountEntity.build(PutTransaction).item({ userId, ...a });
const employerAccountPut = (employerId: string, a: AccountFields) => EmployerPayoutAccountEntity.build(PutTransaction).item({ employerId, ...a });
type AccountPut = ReturnType<typeof personAccountPut> | ReturnType<typeof employerAccountPut>;

/** A citizen claims their voucher; a benefit voucher's money goes to their social-security-card account. */
export async function claimVoucher(principal: Principal, voucherId: string, body: ClaimBody, record: RecordAnswer<{ voucher: Voucher }> | undefined): Promise<{ voucher: Voucher }> {
  const v = await ownVoucher(principal, voucherId);
  checkClaimable(v, body, '补贴会打到您的社保卡金融账户，请填写账号');
  let accountPut: AccountPut | undefined;
  if (v.kind === 'benefit' && body.account) {
    // A person's own bank account is sensitive: its separate consent first (a unit's is not personal).
    await requireConsents(principal.userId, ['bank_account']);
    const { Item: reg } = await JobseekerRegistrationEntity.build(GetItemCommand).key({ userId: principal.userId }).send();
    if (!reg) throw new RuleError('请先完成求职登记');
    accountPut = personAccountPut(principal.userId, { accountName: reg.name, ...accountFields(body.account) });
  }
  return claimHeld(v, principal.userId, accountPut, body, record);
}

/** An employer's administrator claims its voucher; a benefit voucher's money goes to the unit's own account, in its name. */
export async function claimEmployerVoucher(
  principal: Principal,
  employerId: string,
  voucherId: string,
  body: ClaimBody,
  record: RecordAnswer<{ voucher: Voucher }> | undefined,
): Promise<{ voucher: Voucher }> {
  const { voucher: v, member } = await employerVoucher(principal, employerId, voucherId);
  if (member.role !== 'admin') throw new ForbiddenError('单位管理员才能领取本单位的券');
  checkClaimable(v, body, '补贴会打到单位的对公账户，请填写账号');
  let accountPut: AccountPut | undefined;
  if (v.kind === 'benefit' && body.account) {
    const { Item: employer } = await EmployerEntity.build(GetItemCommand).key({ employerId }).send();
    if (!employer) throw new NotFoundError('找不到这个单位');
    accountPut = employerAccountPut(employerId, { accountName: employer.name, ...accountFields(body.account) });
  }
  return claimHeld(v, principal.userId, accountPut, body, record);
}

const accountFields = (account: { accountNo: string; bankName: string }) => ({
  accountCipher: getDependencies().accounts.encrypt(account.accountNo),
  accountMasked: maskAccountNo(account.accountNo),
  bankName: account.bankName,
  updatedAt: new Date().toISOString(),
});

function checkClaimable(v: StoredVoucher, body: ClaimBody, accountMissing: string): void {
  if (v.status !== 'issued') throw new ConflictError(v.status === 'claimed' ? '这张券已经领取了' : `这张券${voucherStatusLabels[v.status]}，不能领取`);
  if (v.claimUntil < todayInChina()) throw new RuleError(`领取期已在${v.claimUntil}结束`);
  if (v.kind === 'benefit' && !body.account) throw new ValidationError([{ path: ['account', 'accountNo'], message: accountMissing }]);
}

/**
 * Claims an issued voucher. One transaction: the voucher `issued → claimed` under a condition,
 * one place and the face value taken from a quota shard under `quotaLeft >= 1 and budgetLeftFen
 * >= face`, the audit event, the payout account (benefit vouchers), and the idempotency record.
 * Shards are tried in random order; shards only ever go down, so when every shard has refused,
 * the programme is really out.
 */
async function claimHeld(
  v: StoredVoucher,
  actorId: string,
  accountPut: AccountPut | undefined,
  body: ClaimBody,
  record: RecordAnswer<{ voucher: Voucher }> | undefined,
): Promise<{ voucher: Voucher }> {
  const voucherId = v.voucherId;
  const today = todayInChina();
  const p = await loadProgramme(v.programmeId);
  if (!p || p.status !== 'approved') throw new ConflictError('这个券种暂停了领取');
  for (const shard of shuffled(p.shards)) {
    const now = new Date().toISOString();
    const audit = nextAuditEvent(parseAuditHead(v.auditHead), { recordType: 'Voucher', recordId: voucherId, actorId, at: now, action: 'claim', fromState: 'issued', toState: 'claimed' });
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
      countMetric('Claims');
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

function codeFor(v: StoredVoucher): Promise<{ code: string; expiresAt: string }> {
  const status = shownStatus(v);
  if (status === 'expired') throw new RuleError('这张券已过期，不能再使用');
  if (status === 'issued') throw new ConflictError('请先领取这张券');
  if (status !== 'claimed') throw new ConflictError(`这张券${voucherStatusLabels[status]}，不能再出示`);
  return signHolderCode(v.voucherId);
}

export async function holderCode(principal: Principal, voucherId: string): Promise<{ code: string; expiresAt: string }> {
  return codeFor(await ownVoucher(principal, voucherId));
}

export async function employerHolderCode(principal: Principal, employerId: string, voucherId: string): Promise<{ code: string; expiresAt: string }> {
  return codeFor((await employerVoucher(principal, employerId, voucherId)).voucher);
}
