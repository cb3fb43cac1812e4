// What redeeming a voucher needs, apart from the holder's code: the provider (its members act
// for it), the voucher read consistently, why it may not be redeemed now, and the writes of one
// redemption for the caller's transaction. A counter scan (redemption.ts) and a training
// completion (training/completion.ts) both redeem through these, so single use holds across
// both; this module stays free of the code signing (jose), so the training functions stay small.
import { GetItemCommand } from 'dynamodb-toolbox/entity/actions/get';
import { PutTransaction } from 'dynamodb-toolbox/entity/actions/transactPut';
import { UpdateTransaction } from 'dynamodb-toolbox/entity/actions/transactUpdate';
import { $add } from 'dynamodb-toolbox/entity/actions/update';
import { isWithinArea, serviceRecordSchema, todayInChina, voucherStatusLabels, type VoucherStatus, type z } from '@doorstep/shared';
import { formatAuditHead, nextAuditEvent, parseAuditHead } from '../audit/events';
import { EmployerMemberEntity } from '../db/entities';
import { LedgerEntryEntity, ProviderEntity, SettlementQueueEntity, VoucherEntity, providerLedgerKeys } from './entities';
import { ConflictError, ForbiddenError, RuleError } from '../http/errors';
import type { Principal } from '../http/session';
import type { StoredVoucher } from './store';

type ServiceRecord = z.infer<typeof serviceRecordSchema>;

/** What the holder sees: a voucher past its last day shows as expired even before anything marks it. */
export function shownStatus(v: StoredVoucher, today = todayInChina()): VoucherStatus {
  if (v.status === 'issued' && v.claimUntil < today) return 'expired';
  if (v.status === 'claimed' && v.expiresOn !== undefined && v.expiresOn < today) return 'expired';
  return v.status;
}

/** The provider, if the caller is one of its members; 403 otherwise (they may know it exists). */
export async function providerForMember(principal: Principal, providerId: string) {
  const [{ Item: provider }, { Item: member }] = await Promise.all([
    ProviderEntity.build(GetItemCommand).key({ employerId: providerId }).send(),
    EmployerMemberEntity.build(GetItemCommand).key({ employerId: providerId, userId: principal.userId }).send(),
  ]);
  if (!member) throw new ForbiddenError('您不是这个机构的工作人员');
  if (!provider) throw new ForbiddenError('这个单位还不是就业券服务机构，请联系区人社部门认定');
  return provider;
}

export async function loadVoucher(voucherId: string): Promise<StoredVoucher | undefined> {
  const { Item } = await VoucherEntity.build(GetItemCommand).key({ voucherId }).options({ consistent: true }).send();
  return Item;
}

/** Why this provider may not redeem this voucher now, as the 409/422 the provider reads. */
export function checkRedeemable(v: StoredVoucher, provider: { employerId: string; types: string[]; areaCode: string }, today: string): void {
  const status = shownStatus(v, today);
  if (status === 'redeemed' || status === 'settling' || status === 'settled') throw new ConflictError('这张券已经使用过了，不能重复核销');
  if (status === 'issued') throw new ConflictError('持券人还没有领取这张券，请让他先在小程序里领取');
  if (status === 'expired') throw new RuleError('这张券已过期，不能核销');
  if (status !== 'claimed') throw new ConflictError(`这张券${voucherStatusLabels[status]}，不能核销`);
  if (!provider.types.some((t) => v.providerTypes.includes(t))) throw new RuleError('这张券不能在本类机构使用');
  if (!isWithinArea(provider.areaCode, v.programmeAreaCode)) throw new RuleError('本机构不在这张券的使用区域内');
  if (v.holderType === 'employer' && v.holderId === provider.employerId) throw new RuleError('单位持有的券要由别的服务机构核销，不能自己核销');
}

/**
 * The writes of one redemption, for the caller's transaction (a counter scan; a training
 * completion, which redeems the voucher the person signed up with): the voucher `claimed →
 * redeemed` under its version and expiry, the ledger row that can exist once, the provider's
 * running totals, the audit event, and its settlement-queue entry — in the same transaction, so
 * a redeemed voucher is queued for payment exactly when it is redeemed, whatever happens to the
 * table's stream. The first write is the voucher's.
 */
export function redemptionWrites(
  v: StoredVoucher,
  provider: { employerId: string; name: string },
  r: { actorId: string; serviceRecord: ServiceRecord; today: string; now: Date },
) {
  const now = r.now.toISOString();
  const voucherId = v.voucherId;
  const audit = nextAuditEvent(parseAuditHead(v.auditHead), { recordType: 'Voucher', recordId: voucherId, actorId: r.actorId, at: now, action: 'redeem', fromState: 'claimed', toState: 'redeemed', reason: provider.name });
  const next: StoredVoucher = {
    ...v,
    status: 'redeemed',
    redeemedAt: now,
    providerId: provider.employerId,
    providerName: provider.name,
    serviceRecordJson: JSON.stringify(r.serviceRecord),
    payeeKey: v.kind === 'service' ? `provider#${provider.employerId}` : `${v.holderType}#${v.holderId}`,
    // Used: out of the expiry run's index.
    gsi1pk: undefined,
    gsi1sk: undefined,
    updatedAt: now,
    version: v.version + 1,
    auditHead: formatAuditHead(audit.head),
  };
  const writes = [
    VoucherEntity.build(PutTransaction)
      .item(next)
      .options({ condition: { and: [{ attr: 'status', eq: 'claimed' }, { attr: 'version', eq: v.version }, { attr: 'expiresOn', gte: r.today }] } }),
    LedgerEntryEntity.build(PutTransaction)
      .item({ voucherId, entry: 'REDEEM', amountFen: v.faceValueFen, programmeId: v.programmeId, providerId: provider.employerId, actorId: r.actorId, at: now, ...providerLedgerKeys(provider.employerId, now, voucherId) })
      .options({ condition: { attr: 'voucherId', exists: false } }),
    ProviderEntity.build(UpdateTransaction).item({ employerId: provider.employerId, redeemedCount: $add(1), redeemedFen: $add(v.faceValueFen) }).options({ condition: { attr: 'employerId', exists: true } }),
    audit.put,
    SettlementQueueEntity.build(PutTransaction).item({ programmeId: v.programmeId, voucherId, queuedAt: now }),
  ] as const;
  return { next, writes };
}
