// Vouchers that go unused: expired after their last day (the daily run) and revoked (收回) by
// district or city staff, or when the holder no longer fits a voucher they have not claimed. A
// claimed voucher that lapses gives its place and face value back to the programme in the same
// transaction that changes its status, so the quota and budget count only vouchers that can
// still be used or have been.
import { PutTransaction } from 'dynamodb-toolbox/entity/actions/transactPut';
import { UpdateTransaction } from 'dynamodb-toolbox/entity/actions/transactUpdate';
import { $add } from 'dynamodb-toolbox/entity/actions/update';
import { execute } from 'dynamodb-toolbox/entity/actions/transactWrite';
import { QueryCommand } from 'dynamodb-toolbox/table/actions/query';
import { isWithinArea, todayInChina, voucherStatusLabels } from '@doorstep/shared';
import { formatAuditHead, nextAuditEvent, parseAuditHead } from '../audit/events';
import { mapLimit, retryConflicts } from '../concurrency';
import { QuotaShardEntity, VoucherEntity, expiryPartition } from './entities';
import { cancelledTransaction } from '../db/errors';
import { table } from '../db/table';
import { ConflictError, ForbiddenError, NotFoundError } from '../http/errors';
import type { Principal } from '../http/session';
import { outboxMessage } from '../notifications/outbox';
import { scopeOf } from './access';
import { loadVoucher, shownStatus } from './redeemable';
import { loadProgramme, type StoredVoucher } from './store';

type LapsedStatus = 'expired' | 'revoked';

/** Which shard a lapsed voucher's place goes back to: spread by its id, stable for the voucher. */
export function shardFor(voucherId: string, shards: number): number {
  let sum = 0;
  for (const c of voucherId) sum += c.charCodeAt(0);
  return sum % Math.max(1, shards);
}

/**
 * `issued | claimed → expired | revoked` in one transaction: the voucher under its status and
 * version (a redemption or claim racing it wins or loses whole), its audit event, the place and
 * face value back to a quota shard when it had been claimed, and for a revocation a message to
 * a person holder. Returns false when the voucher had moved on meanwhile.
 */
/** `quiet`: no message to the holder (their account is being erased). */
export async function lapse(v: StoredVoucher, to: LapsedStatus, r: { actorId: string; reason: string; shards: number; quiet?: boolean }): Promise<boolean> {
  if (v.status !== 'issued' && v.status !== 'claimed') return false;
  const now = new Date().toISOString();
  const audit = nextAuditEvent(parseAuditHead(v.auditHead), {
    recordType: 'Voucher',
    recordId: v.voucherId,
    actorId: r.actorId,
    at: now,
    action: to === 'expired' ? 'expire' : 'revoke',
    fromState: v.status,
    toState: to,
    reason: r.reason,
  });
  const next: StoredVoucher = { ...v, status: to, gsi1pk: undefined, gsi1sk: undefined, updatedAt: now, version: v.version + 1, auditHead: formatAuditHead(audit.head) };
  try {
    await retryConflicts(() =>
      execute(
        VoucherEntity.build(PutTransaction).item(next).options({ condition: { and: [{ attr: 'status', eq: v.status }, { attr: 'version', eq: v.version }] } }),
        audit.put,
        ...(v.status === 'claimed'
          ? [
              QuotaShardEntity.build(UpdateTransaction)
                .item({ programmeId: v.programmeId, shard: shardFor(v.voucherId, r.shards), quotaLeft: $add(1), budgetLeftFen: $add(v.faceValueFen) })
                .options({ condition: { attr: 'programmeId', exists: true } }),
            ]
          : []),
        // A person is told; a unit's holder id is not a user, and it sees the revocation on 单位就业券.
        ...(to === 'revoked' && v.holderType === 'person' && !r.quiet
          ? [
              outboxMessage({
                userId: v.holderId,
                template: 'application_update',
                page: `vouchers/detail/index?id=${v.voucherId}`,
                data: { thing1: v.programmeName.slice(0, 20), thing2: '家门口就业', phrase3: '已收回', thing4: r.reason.slice(0, 20) },
                at: now,
              }),
            ]
          : []),
      ),
    );
    return true;
  } catch (err) {
    if (cancelledTransaction(err)?.conditionFailed[0]) return false;
    throw err;
  }
}

const shardsOf = (() => {
  const known = new Map<string, number>();
  return async (programmeId: string) => {
    if (!known.has(programmeId)) known.set(programmeId, (await loadProgramme(programmeId))?.shards ?? 1);
    return known.get(programmeId)!;
  };
})();

/** The months whose partitions the expiry run reads: this one and the two before (a run missed for weeks still catches up). */
export function expiryMonths(today: string): string[] {
  const [y, m] = today.split('-').map(Number);
  return [0, 1, 2].map((back) => {
    const d = new Date(Date.UTC(y, m - 1 - back, 1));
    return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
  });
}

/**
 * The daily expiry run: every unused voucher whose last day is before today becomes `expired`,
 * and a claimed one gives its place and face value back. Safe to run twice or side by side:
 * each voucher moves under its version, once.
 */
export async function expireDue(today = todayInChina()): Promise<{ expired: number; returned: number }> {
  let expired = 0;
  let returned = 0;
  for (const month of expiryMonths(today)) {
    let start: Record<string, unknown> | undefined;
    do {
      const page = await table
        .build(QueryCommand)
        .entities(VoucherEntity)
        .query({ index: 'gsi1', partition: expiryPartition(month), range: { lt: today } })
        .options({ limit: 200, ...(start ? { exclusiveStartKey: start } : {}) })
        .send();
      await mapLimit(page.Items ?? [], 8, async (seen) => {
        const v = await loadVoucher(seen.voucherId);
        if (!v || shownStatus(v, today) !== 'expired' || (v.status !== 'issued' && v.status !== 'claimed')) return;
        const reason = v.status === 'claimed' ? `有效期到${v.expiresOn}，未使用` : `领取期到${v.claimUntil}，未领取`;
        if (await lapse(v, 'expired', { actorId: 'system:expiry', reason, shards: await shardsOf(v.programmeId) })) {
          expired += 1;
          if (v.status === 'claimed') returned += 1;
        }
      });
      start = page.LastEvaluatedKey;
    } while (start);
  }
  return { expired, returned };
}

/** Staff take back an unused voucher (e.g. obtained by fraud): district or city staff of the holder's area. */
export async function revokeVoucher(principal: Principal, voucherId: string, reason: string) {
  const scope = scopeOf(principal);
  const v = await loadVoucher(voucherId);
  if (!v || !isWithinArea(v.holderAreaCode, scope)) throw new NotFoundError('找不到这张券');
  if (principal.level !== 'district' && principal.level !== 'city') throw new ForbiddenError('就业券由区级或市级工作人员收回');
  const status = shownStatus(v);
  if (status !== 'issued' && status !== 'claimed') throw new ConflictError(`这张券${voucherStatusLabels[status]}，不能收回`);
  const done = await lapse(v, 'revoked', { actorId: principal.userId, reason, shards: await shardsOf(v.programmeId) });
  if (!done) throw new ConflictError('这张券刚刚被使用或已有变化，请刷新');
  return { voucher: { id: voucherId, status: 'revoked' as const, reason } };
}
