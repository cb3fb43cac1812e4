// Closing an account (注销账号): asked for, a cooling-off of ACCOUNT_DELETION_COOLING_DAYS during
// which it can be cancelled and personal writes are refused, then erased by the erasure run
// (erasure.ts). The request lives on the person's privacy-state item (so the consent check every
// personal write already makes sees it) and in the due list the run reads, written together.
import { DeleteTransaction } from 'dynamodb-toolbox/entity/actions/transactDelete';
import { PutTransaction } from 'dynamodb-toolbox/entity/actions/transactPut';
import { UpdateTransaction } from 'dynamodb-toolbox/entity/actions/transactUpdate';
import { $remove, $set } from 'dynamodb-toolbox/entity/actions/update';
import { execute } from 'dynamodb-toolbox/entity/actions/transactWrite';
import { ulid } from 'ulid';
import { ACCOUNT_DELETION_COOLING_DAYS, todayInChina, type AccountDeletion } from '@doorstep/shared';
import { ConsentEventEntity, ConsentsEntity, ErasureDueEntity } from './entities';
import { EmployerEntity } from '../db/entities';
import { cancelledTransaction } from '../db/errors';
import { privacyState } from '../http/consents';
import { ConflictError, NotFoundError } from '../http/errors';
import { GetItemCommand } from 'dynamodb-toolbox/entity/actions/get';
import { ownOf, personRecords, type PersonRecords } from './personData';

const DAY_MS = 24 * 3600 * 1000;

export interface DeletionState {
  deletion: AccountDeletion | null;
  blockers: string[];
  coolingOffDays: number;
}

/**
 * What must be settled before the account can close, in words the person can act on: money
 * still being paid to their own account needs it until it arrives; a unit they manage or a staff
 * account is not theirs alone to close; a course under way on a voucher is paid on completion.
 */
export async function deletionBlockers(userId: string, records: PersonRecords, today = todayInChina()): Promise<string[]> {
  const out: string[] = [];
  const roles = (ownOf(records, 'PROFILE')[0]?.roles as string[] | undefined) ?? [];
  if (roles.some((r) => r === 'staff' || r === 'finance')) out.push('这是工作人员账号：请由管理员停用，不能自行注销。');
  for (const m of records.memberships) {
    const { Item: employer } = await EmployerEntity.build(GetItemCommand).key({ employerId: m.employerId }).send();
    out.push(`您还是单位「${employer?.name ?? m.employerId}」的成员：请先邀请同事接手单位账号，再请社区服务站把您移出单位。`);
  }
  for (const v of records.vouchers) {
    const paysMe = v.payeeKey === `person#${userId}`;
    if (paysMe && (v.status === 'redeemed' || v.status === 'settling' || v.payoutStatus === 'failed' || v.payoutStatus === 'pending')) {
      out.push(`「${v.programmeName}」的补贴还在发放到您的账户，到账后才能注销。`);
    }
  }
  for (const e of records.enrolments) {
    if (e.status === 'enrolled' && e.voucherState === 'reserved' && e.startsOn <= today) {
      out.push(`您正在参加培训「${e.courseTitle}」并用了就业券，结业后才能注销。`);
    }
  }
  return [...new Set(out)];
}

export async function deletionState(userId: string): Promise<DeletionState> {
  const [state, records] = await Promise.all([privacyState(userId), personRecords(userId)]);
  return {
    deletion: state.closing ?? null,
    blockers: state.closing ? [] : await deletionBlockers(userId, records),
    coolingOffDays: ACCOUNT_DELETION_COOLING_DAYS,
  };
}

/** Asks to close the account. Asking again while it is closing answers with the same request. */
export async function requestDeletion(userId: string, now = new Date()): Promise<DeletionState> {
  const [state, records] = await Promise.all([privacyState(userId), personRecords(userId)]);
  if (state.closing) return { deletion: state.closing, blockers: [], coolingOffDays: ACCOUNT_DELETION_COOLING_DAYS };
  const blockers = await deletionBlockers(userId, records);
  if (blockers.length) throw new ConflictError(`现在还不能注销：${blockers.join('')}`);
  const at = now.toISOString();
  const closing = { requestedAt: at, eraseAfter: new Date(now.getTime() + ACCOUNT_DELETION_COOLING_DAYS * DAY_MS).toISOString() };
  try {
    await execute(
      ConsentsEntity.build(UpdateTransaction).item({ userId, closing: $set(closing), updatedAt: at }).options({ condition: { attr: 'closing', exists: false } }),
      ErasureDueEntity.build(PutTransaction).item({ ...closing, userId }),
      ConsentEventEntity.build(PutTransaction).item({ userId, eventId: ulid(now.getTime()), purpose: 'account', action: 'deletion_requested', version: '-', at }),
    );
  } catch (err) {
    // Two taps at once: the other one's request stands.
    if (cancelledTransaction(err)?.conditionFailed[0]) return deletionState(userId);
    throw err;
  }
  return { deletion: closing, blockers: [], coolingOffDays: ACCOUNT_DELETION_COOLING_DAYS };
}

/** Cancels the request within the cooling-off: nothing had been erased, so everything is as it was. */
export async function cancelDeletion(userId: string, now = new Date()): Promise<DeletionState> {
  const { closing } = await privacyState(userId);
  if (!closing) throw new NotFoundError('您没有申请注销账号');
  const at = now.toISOString();
  try {
    await execute(
      ConsentsEntity.build(UpdateTransaction)
        .item({ userId, closing: $remove(), updatedAt: at })
        .options({ condition: { and: [{ attr: 'closing.eraseAfter', eq: closing.eraseAfter }, { attr: 'erasingAt', exists: false }] } }),
      ErasureDueEntity.build(DeleteTransaction).key({ eraseAfter: closing.eraseAfter, userId }),
      ConsentEventEntity.build(PutTransaction).item({ userId, eventId: ulid(now.getTime()), purpose: 'account', action: 'deletion_cancelled', version: '-', at }),
    );
  } catch (err) {
    if (cancelledTransaction(err)?.conditionFailed[0]) throw new ConflictError('注销已经开始办理，不能撤销了');
    throw err;
  }
  return deletionState(userId);
}
