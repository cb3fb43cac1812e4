// Providers and redemption (核销). A provider is an approved employer that district staff have
// designated (training institution, HR agency, employer) with a payout account. Its members scan
// a holder's code; redemption is one transaction: the voucher `claimed → redeemed` under a
// condition, a ledger row that can exist only once, the provider's running totals, the audit event.
import { GetItemCommand } from 'dynamodb-toolbox/entity/actions/get';
import { PutTransaction } from 'dynamodb-toolbox/entity/actions/transactPut';
import { UpdateTransaction } from 'dynamodb-toolbox/entity/actions/transactUpdate';
import { DeleteTransaction } from 'dynamodb-toolbox/entity/actions/transactDelete';
import { $add, $set, UpdateItemCommand } from 'dynamodb-toolbox/entity/actions/update';
import { execute } from 'dynamodb-toolbox/entity/actions/transactWrite';
import { QueryCommand } from 'dynamodb-toolbox/table/actions/query';
import {
  isWithinArea,
  maskAccountNo,
  parseUscc,
  serviceRecordSchema,
  staffScope,
  todayInChina,
  voucherStatusLabels,
  type ProviderType,
  type Redemption,
  type z,
} from '@doorstep/shared';
import { formatAuditHead, nextAuditEvent, parseAuditHead } from '../audit/events';
import { mapLimit, retryConflicts } from '../concurrency';
import { decodeKeyCursor, encodeKeyCursor } from '../db/cursor';
import { EmployerEntity, EmployerMemberEntity, UsccClaimEntity } from '../db/entities';
import { LedgerEntryEntity, ProviderEntity, SettlementQueueEntity, VoucherEntity, providerLedgerKeys } from './entities';
import { cancelledTransaction } from '../db/errors';
import { table } from '../db/table';
import { getDependencies } from '../deps';
import { ConflictError, ForbiddenError, NotFoundError, RuleError, ValidationError } from '../http/errors';
import type { RecordAnswer } from '../http/idempotency';
import type { Principal } from '../http/session';
import { verifyHolderCode } from './codes';
import { type StoredVoucher } from './store';
import { scopeOf } from './access';
import { countMetric, MetricUnit } from '../metrics';
import { checkRedeemable, loadVoucher, providerForMember, redemptionWrites } from './redeemable';

type ServiceRecord = z.infer<typeof serviceRecordSchema>;

export async function designateProvider(
  principal: Principal,
  body: { employerId: string; types: ProviderType[]; bankAccount: { accountName: string; accountNo: string; bankName: string } },
) {
  const scope = scopeOf(principal);
  if (principal.level !== 'district' && principal.level !== 'city') throw new ForbiddenError('服务机构由区级或市级工作人员认定');
  const { Item: employer } = await EmployerEntity.build(GetItemCommand).key({ employerId: body.employerId }).send();
  if (!employer || !isWithinArea(employer.address.areaCode, scope)) throw new NotFoundError('找不到这个单位');
  if (employer.status !== 'approved') throw new ValidationError([{ path: ['employerId'], message: '单位审核通过后才能认定为服务机构' }]);
  const { Item: existing } = await ProviderEntity.build(GetItemCommand).key({ employerId: body.employerId }).options({ consistent: true }).send();
  const now = new Date().toISOString();
  const provider = {
    employerId: body.employerId,
    name: employer.name,
    areaCode: employer.address.areaCode,
    types: body.types,
    accountName: body.bankAccount.accountName,
    accountCipher: getDependencies().accounts.encrypt(body.bankAccount.accountNo),
    accountMasked: maskAccountNo(body.bankAccount.accountNo),
    bankName: body.bankAccount.bankName,
    designatedBy: principal.userId,
    createdAt: existing?.createdAt ?? now,
    updatedAt: now,
  };
  // The running totals belong to redemptions, not to this form: keep them, or start them at zero.
  await ProviderEntity.build(UpdateItemCommand)
    .item({ ...provider, types: $set(provider.types), redeemedCount: $add(0), redeemedFen: $add(0) })
    .send();
  return { provider: { id: provider.employerId, name: provider.name, types: provider.types, areaCode: provider.areaCode } };
}


/** District or city staff find a unit of their jurisdiction by its code, before designating it. */
export async function lookupProvider(principal: Principal, rawUscc: string) {
  const scope = scopeOf(principal);
  if (principal.level !== 'district' && principal.level !== 'city') throw new ForbiddenError('服务机构由区级或市级工作人员认定');
  const parsed = parseUscc(rawUscc);
  const { Item: claim } = parsed.ok ? await UsccClaimEntity.build(GetItemCommand).key({ uscc: parsed.uscc }).send() : { Item: undefined };
  const { Item: employer } = claim ? await EmployerEntity.build(GetItemCommand).key({ employerId: claim.employerId }).send() : { Item: undefined };
  if (!employer || !isWithinArea(employer.address.areaCode, scope)) throw new NotFoundError('辖区内没有这个统一社会信用代码的单位，请先让单位在小程序入驻');
  const { Item: provider } = await ProviderEntity.build(GetItemCommand).key({ employerId: employer.employerId }).send();
  return {
    employer: { id: employer.employerId, name: employer.name, status: employer.status, areaCode: employer.address.areaCode, address: employer.address.address },
    ...(provider ? { provider: { types: provider.types as ProviderType[], accountName: provider.accountName, accountMasked: provider.accountMasked, bankName: provider.bankName } } : {}),
  };
}

export async function listMyProviders(principal: Principal) {
  const { Items: memberships = [] } = await table
    .build(QueryCommand)
    .entities(EmployerMemberEntity)
    .query({ index: 'gsi2', partition: `USER_EMPLOYERS#${principal.userId}` })
    .options({ limit: 50 })
    .send();
  const providers = await Promise.all(memberships.map((m) => ProviderEntity.build(GetItemCommand).key({ employerId: m.employerId }).send()));
  return providers.flatMap(({ Item: p }) =>
    p
      ? [{ id: p.employerId, name: p.name, types: p.types as ProviderType[], accountMasked: p.accountMasked, redeemed: { count: p.redeemedCount, amountFen: p.redeemedFen } }]
      : [],
  );
}



const toRedemption = (v: StoredVoucher): Redemption => ({
  voucherId: v.voucherId,
  providerId: v.providerId ?? '',
  programmeName: v.programmeName,
  serviceName: v.serviceName,
  amountFen: v.faceValueFen,
  holderName: v.holderName,
  redeemedAt: v.redeemedAt ?? '',
  serviceRecord: v.serviceRecordJson ? (JSON.parse(v.serviceRecordJson) as ServiceRecord) : { serviceDate: '', description: '' },
  status: v.status,
});

export async function inspectVoucher(principal: Principal, code: string, providerId: string) {
  const voucherId = await verifyHolderCode(code);
  const provider = await providerForMember(principal, providerId);
  const v = await loadVoucher(voucherId);
  if (!v) throw new RuleError('这不是有效的就业券码，请让持券人重新出示');
  checkRedeemable(v, provider, todayInChina());
  return {
    voucher: {
      voucherId: v.voucherId,
      programmeName: v.programmeName,
      serviceName: v.serviceName,
      faceValueFen: v.faceValueFen,
      holderName: v.holderName,
      expiresOn: v.expiresOn ?? '',
      status: v.status,
    },
  };
}

export async function redeemVoucher(
  principal: Principal,
  body: { code: string; providerId: string; serviceRecord: ServiceRecord },
  record: RecordAnswer<{ redemption: Redemption }> | undefined,
): Promise<{ redemption: Redemption }> {
  const voucherId = await verifyHolderCode(body.code);
  const provider = await providerForMember(principal, body.providerId);
  const today = todayInChina();
  if (body.serviceRecord.serviceDate > today) throw new ValidationError([{ path: ['serviceRecord', 'serviceDate'], message: '服务日期不能晚于今天' }]);
  const v = await loadVoucher(voucherId);
  if (!v) throw new RuleError('这不是有效的就业券码，请让持券人重新出示');
  checkRedeemable(v, provider, today);

  const { next, writes } = redemptionWrites(v, provider, { actorId: principal.userId, serviceRecord: body.serviceRecord, today, now: new Date() });
  const answer = { redemption: toRedemption(next) };
  try {
    await retryConflicts(() => execute(...writes, ...(record ? [record(answer)] : [])));
  } catch (err) {
    if (cancelledTransaction(err)?.conditionFailed.some(Boolean)) throw new ConflictError('这张券已经使用过了，不能重复核销');
    throw err;
  }
  countMetric('Redemptions');
  countMetric('RedeemedFen', v.faceValueFen, MetricUnit.NoUnit);
  return answer;
}


/**
 * Undoes a redemption before settlement takes it: by a member of the provider that redeemed it,
 * or district/city staff of the programme's area. The voucher is never paid; the ledger keeps
 * both rows; the provider's totals go back down.
 */
export async function reverseVoucher(principal: Principal, voucherId: string, reason: string): Promise<{ redemption: Redemption }> {
  const v = await loadVoucher(voucherId);
  if (!v || !v.providerId) throw new NotFoundError('找不到这次核销');
  const providerId = v.providerId;
  const { Item: member } = await EmployerMemberEntity.build(GetItemCommand).key({ employerId: providerId, userId: principal.userId }).send();
  const scope = principal.roles.includes('staff') && (principal.level === 'district' || principal.level === 'city') ? staffScope(principal.level, principal.areaCode) : undefined;
  const staffMay = scope !== undefined && (isWithinArea(v.programmeAreaCode, scope) || isWithinArea(scope, v.programmeAreaCode));
  if (!member && !staffMay) throw new NotFoundError('找不到这次核销');
  if (v.status === 'settling' || v.status === 'settled') throw new ConflictError('这张券已进入拨付，不能撤销');
  if (v.status !== 'redeemed') throw new ConflictError(`这张券${voucherStatusLabels[v.status]}，没有可撤销的核销`);
  const now = new Date().toISOString();
  const audit = nextAuditEvent(parseAuditHead(v.auditHead), { recordType: 'Voucher', recordId: voucherId, actorId: principal.userId, at: now, action: 'reverse', fromState: 'redeemed', toState: 'reversed', reason });
  const next: StoredVoucher = { ...v, status: 'reversed', reversedReason: reason, updatedAt: now, version: v.version + 1, auditHead: formatAuditHead(audit.head) };
  try {
    await retryConflicts(() =>
      execute(
        VoucherEntity.build(PutTransaction).item(next).options({ condition: { and: [{ attr: 'status', eq: 'redeemed' }, { attr: 'version', eq: v.version }] } }),
        LedgerEntryEntity.build(PutTransaction)
          .item({ voucherId, entry: 'REVERSE', amountFen: -v.faceValueFen, programmeId: v.programmeId, providerId, actorId: principal.userId, at: now })
          .options({ condition: { attr: 'voucherId', exists: false } }),
        ProviderEntity.build(UpdateTransaction).item({ employerId: providerId, redeemedCount: $add(-1), redeemedFen: $add(-v.faceValueFen) }),
        SettlementQueueEntity.build(DeleteTransaction).key({ programmeId: v.programmeId, voucherId }),
        audit.put,
      ),
    );
  } catch (err) {
    if (cancelledTransaction(err)?.conditionFailed.some(Boolean)) throw new ConflictError('这张券刚刚进入拨付或已被撤销，请刷新');
    throw err;
  }
  return { redemption: toRedemption(next) };
}

export async function providerRedemptions(principal: Principal, providerId: string, cursor?: string) {
  const { Item: member } = await EmployerMemberEntity.build(GetItemCommand).key({ employerId: providerId, userId: principal.userId }).send();
  if (!member) throw new NotFoundError('找不到这个机构');
  const partition = providerLedgerKeys(providerId, '', '').gsi2pk;
  const page = await table
    .build(QueryCommand)
    .entities(LedgerEntryEntity)
    .query({ index: 'gsi2', partition })
    .options({ reverse: true, limit: 20, ...(cursor ? { exclusiveStartKey: decodeKeyCursor(cursor, 'gsi2', partition) } : {}) })
    .send();
  const vouchers = await mapLimit(page.Items ?? [], 10, (e) => loadVoucher(e.voucherId));
  return {
    items: vouchers.flatMap((v) => (v ? [toRedemption(v)] : [])),
    ...(page.LastEvaluatedKey ? { nextCursor: encodeKeyCursor(page.LastEvaluatedKey) } : {}),
  };
}
