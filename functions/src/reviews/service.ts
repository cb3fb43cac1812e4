// Staff review queue and decisions, always inside the staff member's jurisdiction: a record
// outside it answers 404, never its content.
import { GetItemCommand } from 'dynamodb-toolbox/entity/actions/get';
import { PutTransaction } from 'dynamodb-toolbox/entity/actions/transactPut';
import { DeleteTransaction } from 'dynamodb-toolbox/entity/actions/transactDelete';
import { execute } from 'dynamodb-toolbox/entity/actions/transactWrite';
import { QueryCommand } from 'dynamodb-toolbox/table/actions/query';
import { inJurisdiction, reviewStepLabels, rulesOn, todayInChina, type DecideReviewBody, type Review, type ReviewStep } from '@doorstep/shared';
import { formatAuditHead, nextAuditEvent, parseAuditHead } from '../audit/events';
import { applicationDecision } from '../applications/decisions';
import { householdDecision } from '../households/service';
import { welfarePostDecision } from '../welfarePosts/service';
import { grantRole } from '../auth/users';
import { vacancyDecision } from '../vacancies/service';
import { EmployerEntity, ReviewEntity, UsccClaimEntity, reviewQueueKeys, reviewQueuePartition } from '../db/entities';
import { cancelledTransaction } from '../db/errors';
import { closeTask, loadTask } from '../tasks/tasks';
import { table } from '../db/table';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../http/errors';
import { scopeOf } from '../http/jurisdiction';
import type { Principal } from '../http/session';
import { toReviewView, type Decision } from './queue';




const encodeCursor = (key: Record<string, unknown>) => Buffer.from(JSON.stringify(key)).toString('base64url');

export async function listReviews(
  principal: Principal,
  query: { type: Review['type']; status: Review['status']; step?: ReviewStep; cursor?: string; limit: number },
): Promise<{ items: Review[]; nextCursor?: string }> {
  const scope = scopeOf(principal);
  const step: ReviewStep = query.step ?? (principal.level === 'district' || principal.level === 'city' ? 'district' : 'street');
  const partition = reviewQueuePartition(query.type, step, query.status, scope.slice(0, 4));
  let exclusiveStartKey: Record<string, string> | undefined;
  if (query.cursor) {
    // A cursor is only ever a position inside this very queue and jurisdiction.
    try {
      exclusiveStartKey = JSON.parse(Buffer.from(query.cursor, 'base64url').toString('utf8'));
    } catch {
      exclusiveStartKey = undefined;
    }
    const ok =
      exclusiveStartKey &&
      exclusiveStartKey.gsi1pk === partition &&
      typeof exclusiveStartKey.gsi1sk === 'string' &&
      exclusiveStartKey.gsi1sk.startsWith(scope) &&
      typeof exclusiveStartKey.pk === 'string' &&
      exclusiveStartKey.sk === 'REVIEW' &&
      Object.keys(exclusiveStartKey).length === 4;
    if (!ok) throw new ValidationError([{ path: ['cursor'], message: '翻页位置无效，请从第一页重新查看' }]);
  }
  const { Items = [], LastEvaluatedKey } = await table
    .build(QueryCommand)
    .entities(ReviewEntity)
    .query({ index: 'gsi1', partition, range: { beginsWith: scope } })
    .options({ limit: query.limit, ...(exclusiveStartKey ? { exclusiveStartKey } : {}) })
    .send();
  return {
    items: Items.map(toReviewView),
    ...(LastEvaluatedKey ? { nextCursor: encodeCursor(LastEvaluatedKey) } : {}),
  };
}

const DECIDING_LEVEL: Record<ReviewStep, string> = { street: '街道', district: '区' };

export async function decide(principal: Principal, reviewId: string, body: DecideReviewBody): Promise<Review> {
  scopeOf(principal);
  const { Item: review } = await ReviewEntity.build(GetItemCommand).key({ reviewId }).options({ consistent: true }).send();
  if (!review || !inJurisdiction(review.areaCode, principal.level, principal.areaCode)) throw new NotFoundError('找不到这条申请');
  if (principal.level !== review.step) {
    throw new ForbiddenError(`${reviewStepLabels[review.step]}须由${DECIDING_LEVEL[review.step]}级工作人员办理`);
  }
  if (review.status !== 'pending') throw new ConflictError('这条申请已经处理过了');

  const now = new Date().toISOString();
  const status = body.decision === 'approve' ? ('approved' as const) : ('rejected' as const);
  const ruleVersion = rulesOn(todayInChina()).version;
  const decided = {
    ...review,
    status,
    decidedAt: now,
    decidedBy: principal.userId,
    ...(body.reason ? { reason: body.reason } : {}),
    ...(review.type === 'employer' || review.type === 'vacancy' || review.type === 'welfare_post' ? {} : { ruleVersion }),
    version: review.version + 1,
  };
  const decision: Decision = { review, status, actorId: principal.userId, at: now, reason: body.reason, ruleVersion };
  const subject =
    review.type === 'employer'
      ? await employerDecision(decision)
      : review.type === 'vacancy'
        ? await vacancyDecision(decision)
        : review.type === 'household'
          ? await householdDecision(decision)
          : review.type === 'welfare_post'
            ? await welfarePostDecision(decision)
            : await applicationDecision(decision);
  // Its inbox task closes with the decision (reviews from before the inbox have none).
  const task = review.taskId ? await loadTask(review.taskId) : undefined;
  try {
    await execute(
      ReviewEntity.build(PutTransaction)
        .item({ ...decided, ...reviewQueueKeys(decided) })
        .options({ condition: { and: [{ attr: 'version', eq: review.version }, { attr: 'status', eq: 'pending' }] } }),
      ...subject,
      ...(task?.status === 'open' ? [closeTask(task, principal.userId, now, body.decision === 'approve' ? '审核通过' : `审核不通过：${body.reason}`)] : []),
    );
  } catch (err) {
    if (cancelledTransaction(err)) throw new ConflictError('这条申请刚刚被其他工作人员处理，请刷新');
    throw err;
  }
  return toReviewView(decided);
}

/** What approving or rejecting an employer changes: its status, its audit chain, its creator's role. */
async function employerDecision({ review, status, actorId, at, reason }: Decision) {
  const { Item: employer } = await EmployerEntity.build(GetItemCommand).key({ employerId: review.subjectId }).options({ consistent: true }).send();
  if (!employer) throw new NotFoundError('找不到这条申请');
  const audit = nextAuditEvent(parseAuditHead(employer.auditHead), {
    recordType: 'Employer',
    recordId: employer.employerId,
    actorId,
    at,
    action: status === 'approved' ? 'approve' : 'reject',
    fromState: employer.status,
    toState: status,
    ...(reason ? { reason } : {}),
  });
  const { reviewReason: _old, ...rest } = employer;
  return [
    EmployerEntity.build(PutTransaction)
      .item({
        ...rest,
        status,
        ...(status === 'rejected' ? { reviewReason: reason } : {}),
        updatedAt: at,
        version: employer.version + 1,
        auditHead: formatAuditHead(audit.head),
      })
      .options({ condition: { and: [{ attr: 'version', eq: employer.version }, { attr: 'status', eq: 'pending_review' }] } }),
    audit.put,
    ...(status === 'approved' ? await grantRole(employer.createdBy, 'employer', at) : []),
    // A refused unit may onboard again with corrected details: its credit code is free again.
    ...(status === 'rejected'
      ? [UsccClaimEntity.build(DeleteTransaction).key({ uscc: employer.uscc }).options({ condition: { attr: 'employerId', eq: employer.employerId } })]
      : []),
  ];
}
