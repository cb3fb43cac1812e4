// A subscription message written in the caller's transaction (the outbox; outbox.ts dispatches it).
import { PutTransaction } from 'dynamodb-toolbox/entity/actions/transactPut';
import { ulid } from 'ulid';
import type { MessageTemplate } from '@doorstep/shared';
import { OutboxEntity } from '../db/entities';

const PENDING = 'OUTBOX#pending';

export interface NewMessage {
  userId: string;
  template: MessageTemplate;
  page: string;
  data: Record<string, string>;
  at: string;
  /** Not before this time (reminders). */
  sendAfter?: string;
  /** Only while this interview booking stands. */
  bookingId?: string;
}

/** A pending message (an id of the caller's choosing makes writing it twice detectable). */
export function outboxItem(m: NewMessage, messageId: string = ulid()) {
  return {
    messageId,
    userId: m.userId,
    template: m.template,
    page: m.page,
    dataJson: JSON.stringify(m.data),
    status: 'pending' as const,
    createdAt: m.at,
    ...(m.sendAfter ? { sendAfter: m.sendAfter } : {}),
    ...(m.bookingId ? { bookingId: m.bookingId } : {}),
    gsi1pk: PENDING,
    // Pending messages in the order they fall due.
    gsi1sk: `${m.sendAfter ?? m.at}#${messageId}`,
  };
}

/** The outbox write for a caller's transaction. */
export const outboxMessage = (m: NewMessage) => OutboxEntity.build(PutTransaction).item(outboxItem(m));