// Subscription messages through an outbox: the message is written in the same transaction as
// the change it tells about, so a change is never committed without its message nor a message
// sent for a change that did not happen. The dispatcher sends each message at most once:
// it claims the message (a claim time, conditional on none or an expired one), spends one of the user's one-time
// authorisations for the template (remaining > 0, conditional), sends, and records the result.
// In AWS the table's stream calls it for each new message; a schedule sweeps what is left
// (a failed send, a dispatcher that died after claiming) and reminders once they are due.
// A reminder of an interview is dropped if its booking was cancelled or moved meanwhile.
import { GetItemCommand } from 'dynamodb-toolbox/entity/actions/get';
import { UpdateItemCommand, $add, $remove } from 'dynamodb-toolbox/entity/actions/update';
import { QueryCommand } from 'dynamodb-toolbox/table/actions/query';
import type { MessageTemplate } from '@doorstep/shared';
import { getConfig } from '../config';
import { getDependencies } from '../deps';
import { InterviewBookingEntity } from '../interviews/entities';
import { OutboxEntity, SubscriptionQuotaEntity } from '../db/entities';
import { isConditionFailure } from '../db/errors';
import { table } from '../db/table';
import { openidOf } from '../auth/users';

const PENDING = 'OUTBOX#pending';
/** A claim older than this belonged to a dispatcher that died: the sweep takes the message again. */
const CLAIM_LEASE_MS = 5 * 60 * 1000;
const KEEP_SENT_S = 30 * 24 * 3600;

// Writing a message (in the caller's transaction) is its own module, so a domain that only tells
// people does not carry the dispatcher.
export { outboxItem, outboxMessage, type NewMessage } from './outboxMessage';

function templateId(template: string): string {
  const c = getConfig();
  return template === 'new_match' ? c.TEMPLATE_NEW_MATCH : c.TEMPLATE_APPLICATION_UPDATE;
}

/** The user allowed these templates once more each (what wx.requestSubscribeMessage answered). */
export async function recordSubscriptions(userId: string, accepted: readonly MessageTemplate[]): Promise<Record<string, number>> {
  const now = new Date().toISOString();
  const remaining: Record<string, number> = {};
  for (const template of new Set(accepted)) {
    const { Attributes } = await SubscriptionQuotaEntity.build(UpdateItemCommand)
      .item({ userId, template, remaining: $add(1), updatedAt: now })
      .options({ returnValues: 'ALL_NEW' })
      .send();
    remaining[template] = Attributes?.remaining ?? 1;
  }
  return remaining;
}

async function finish(messageId: string, status: 'sent' | 'skipped' | 'failed', detail?: string) {
  await OutboxEntity.build(UpdateItemCommand)
    .item({
      messageId,
      status,
      ...(detail ? { detail } : {}),
      sentAt: new Date().toISOString(),
      gsi1pk: $remove(),
      gsi1sk: $remove(),
      ttl: Math.floor(Date.now() / 1000) + KEEP_SENT_S,
    })
    .send();
}

export type DispatchResult = 'sent' | 'skipped' | 'failed' | 'retry' | 'not-mine' | 'not-due';

/** Sends one message, at most once however many dispatchers are given it. */
export async function dispatch(messageId: string, now: Date = new Date()): Promise<DispatchResult> {
  const { Item: message } = await OutboxEntity.build(GetItemCommand).key({ messageId }).options({ consistent: true }).send();
  if (!message || message.status !== 'pending') return 'not-mine';
  if (message.sendAfter && now.toISOString() < message.sendAfter) return 'not-due';
  const claimedAt = now.toISOString();
  try {
    await OutboxEntity.build(UpdateItemCommand)
      .item({ messageId, claimedAt })
      .options({
        condition: {
          and: [
            { attr: 'status', eq: 'pending' },
            { or: [{ attr: 'claimedAt', exists: false }, { attr: 'claimedAt', lt: new Date(Date.now() - CLAIM_LEASE_MS).toISOString() }] },
          ],
        },
      })
      .send();
  } catch (err) {
    if (isConditionFailure(err)) return 'not-mine';
    throw err;
  }
  if (message.bookingId) {
    const { Item: booking } = await InterviewBookingEntity.build(GetItemCommand).key({ bookingId: message.bookingId }).options({ consistent: true }).send();
    if (booking?.status !== 'booked') {
      await finish(messageId, 'skipped', '预约已取消或改约');
      return 'skipped';
    }
  }
  const openid = await openidOf(message.userId);
  if (!openid) {
    await finish(messageId, 'skipped', '用户没有微信身份');
    return 'skipped';
  }
  try {
    await SubscriptionQuotaEntity.build(UpdateItemCommand)
      .item({ userId: message.userId, template: message.template, remaining: $add(-1), updatedAt: claimedAt })
      .options({ condition: { attr: 'remaining', gt: 0 } })
      .send();
  } catch (err) {
    if (!isConditionFailure(err)) throw err;
    await finish(messageId, 'skipped', '用户未授权这类消息或授权次数已用完');
    return 'skipped';
  }
  const result = await getDependencies().messenger.send({
    openid,
    templateId: templateId(message.template),
    page: message.page,
    data: JSON.parse(message.dataJson) as Record<string, string>,
  });
  if (result.ok) {
    await finish(messageId, 'sent');
    return 'sent';
  }
  if (result.permanent) {
    await finish(messageId, 'failed', result.reason);
    return 'failed';
  }
  // Not sent: give the authorisation back and let the sweep try again after the lease.
  await SubscriptionQuotaEntity.build(UpdateItemCommand)
    .item({ userId: message.userId, template: message.template, remaining: $add(1), updatedAt: new Date().toISOString() })
    .send();
  return 'retry';
}

/** Every pending message that is due, oldest first (the schedule's and the local stack's loop). */
export async function sweepOutbox(max = 200, now: Date = new Date()): Promise<Record<DispatchResult, number>> {
  const counts: Record<DispatchResult, number> = { sent: 0, skipped: 0, failed: 0, retry: 0, 'not-mine': 0, 'not-due': 0 };
  const { Items = [] } = await table
    .build(QueryCommand)
    .entities(OutboxEntity)
    // Keys are "<due time>#<id>": everything due by now sorts below "<now>$".
    .query({ index: 'gsi1', partition: PENDING, range: { lt: `${now.toISOString()}$` } })
    .options({ limit: max })
    .send();
  for (const m of Items) counts[await dispatch(m.messageId, now)] += 1;
  return counts;
}
