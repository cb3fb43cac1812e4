// The outbox on DynamoDB Local: a message is sent at most once however many dispatchers get it,
// only while the user has an authorisation left for its template, and a failed send gives the
// authorisation back for a later try.
import { execute } from 'dynamodb-toolbox/entity/actions/transactWrite';
import { GetItemCommand } from 'dynamodb-toolbox/entity/actions/get';
import { createTestTable } from '../../../tests/support/table';
import { findOrCreateUser } from '../auth/users';
import { OutboxEntity } from '../db/entities';
import { getDependencies } from '../deps';
import type { OutgoingMessage, SendResult } from '../adapters/messenger';
import { dispatch, outboxMessage, recordSubscriptions, sweepOutbox } from './outbox';

beforeAll(createTestTable);

const sent: OutgoingMessage[] = [];
let next: SendResult = { ok: true };
beforeAll(() => {
  // The loopback: remembers what would have gone to WeChat.
  getDependencies().messenger = {
    async send(m) {
      if (next.ok) sent.push(m);
      return next;
    },
  };
});
beforeEach(() => {
  sent.length = 0;
  next = { ok: true };
});

async function queued(userId: string) {
  const put = outboxMessage({ userId, template: 'application_update', page: 'jobs/applications/index', data: { thing1: '超市收银员' }, at: new Date().toISOString() });
  await execute(put);
  return put.params().Put!.Item!.messageId as unknown as string;
}
const statusOf = async (messageId: string) => (await OutboxEntity.build(GetItemCommand).key({ messageId }).send()).Item?.status;

describe('dispatching the outbox', () => {
  it('sends once when five dispatchers race for one message', async () => {
    const user = await findOrCreateUser('wechat', 'openid-outbox-1');
    await recordSubscriptions(user.id, ['application_update', 'application_update']);
    await recordSubscriptions(user.id, ['application_update']);
    const id = await queued(user.id);
    const results = await Promise.all(Array.from({ length: 5 }, () => dispatch(id)));
    expect(results.filter((r) => r === 'sent')).toHaveLength(1);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ openid: 'openid-outbox-1', page: 'jobs/applications/index', data: { thing1: '超市收银员' } });
    expect(await statusOf(id)).toBe('sent');
    // Sending again does nothing.
    expect(await dispatch(id)).toBe('not-mine');
  });

  it('skips a message the user has no authorisation left for', async () => {
    const user = await findOrCreateUser('wechat', 'openid-outbox-2');
    await recordSubscriptions(user.id, ['application_update']);
    const first = await queued(user.id);
    const second = await queued(user.id);
    expect(await dispatch(first)).toBe('sent');
    expect(await dispatch(second)).toBe('skipped');
    expect(await statusOf(second)).toBe('skipped');
    expect(sent).toHaveLength(1);
  });

  it('gives the authorisation back after a failed send and leaves the message for a later sweep', async () => {
    const user = await findOrCreateUser('wechat', 'openid-outbox-3');
    await recordSubscriptions(user.id, ['application_update']);
    const id = await queued(user.id);
    next = { ok: false, permanent: false, reason: 'WeChat unreachable' };
    expect(await dispatch(id)).toBe('retry');
    expect(await statusOf(id)).toBe('pending');
    // Within the claim's lease nobody takes it again…
    next = { ok: true };
    expect(await dispatch(id)).toBe('not-mine');
    // …and the sweep leaves it too; after the lease it is sent with the authorisation given back.
    expect((await sweepOutbox()).sent).toBe(0);
    const realNow = Date.now;
    Date.now = () => realNow() + 6 * 60 * 1000;
    try {
      expect(await dispatch(id)).toBe('sent');
    } finally {
      Date.now = realNow;
    }
    expect(sent).toHaveLength(1);
  });
});
