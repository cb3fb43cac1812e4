// Review items: written with the application they review, in its own transaction.
import { PutTransaction } from 'dynamodb-toolbox/entity/actions/transactPut';
import type { FormattedItem } from 'dynamodb-toolbox/entity';
import { reviewStepLabels, reviewTypeLabels, todayInChina, type Review, type ReviewStep } from '@doorstep/shared';
import { ulid } from 'ulid';
import { areaFullName } from '../areas/dataset';
import { ReviewEntity, personReviewsKeys, reviewQueueKeys } from '../db/entities';
import { openTask } from '../tasks/tasks';

export type StoredReview = FormattedItem<typeof ReviewEntity>;

/** A staff decision on a review, as the subject's module receives it. */
export interface Decision {
  review: StoredReview;
  status: 'approved' | 'rejected';
  actorId: string;
  at: string;
  reason: string;
  ruleVersion: string;
}

export function toReviewView(r: StoredReview): Review {
  return {
    id: r.reviewId,
    type: r.type as Review['type'],
    subjectId: r.subjectId,
    subjectName: r.subjectName,
    ...(r.personId ? { personId: r.personId } : {}),
    assisted: r.assisted ?? false,
    areaCode: r.areaCode,
    areaName: areaFullName(r.areaCode),
    step: r.step,
    status: r.status,
    createdAt: r.createdAt,
    ...(r.decidedAt ? { decidedAt: r.decidedAt } : {}),
    ...(r.decidedBy ? { decidedBy: r.decidedBy } : {}),
    ...(r.reason ? { reason: r.reason } : {}),
  };
}

/**
 * The review item to write with a new application, in the application's own transaction, and
 * its task in the deciding level's inbox (due in 5 working days). Two transaction items, to be
 * spread at the end of the caller's list (so the caller's own condition indexes stay put).
 */
export function newReview(input: {
  reviewId: string;
  type: Review['type'];
  subjectId: string;
  subjectName: string;
  personId?: string;
  assisted?: boolean;
  areaCode: string;
  step: ReviewStep;
  createdAt: string;
}) {
  const taskId = ulid();
  const item = { ...input, status: 'pending' as const, version: 1, taskId };
  return [
    ReviewEntity.build(PutTransaction)
      .item({ ...item, ...reviewQueueKeys(item), ...(input.personId ? personReviewsKeys(input.personId, input.reviewId) : {}) })
      .options({ condition: { attr: 'reviewId', exists: false } }),
    openTask({
      taskId,
      kind: 'review',
      detail: `${reviewTypeLabels[input.type]}（${reviewStepLabels[input.step]}）：${input.subjectName}`.slice(0, 300),
      areaCode: input.areaCode.slice(0, input.step === 'street' ? 9 : 6),
      subjectType: 'Review',
      subjectId: input.reviewId,
      ...(input.personId ? { personId: input.personId } : {}),
      today: todayInChina(new Date(input.createdAt)),
      at: input.createdAt,
    }),
  ] as const;
}

