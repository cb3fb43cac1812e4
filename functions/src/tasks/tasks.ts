// Follow-up tasks for staff (回访): written in the same transaction as what calls for them
// (a referral, a placement after an interview), in the jurisdiction of the person's community,
// due a number of days later. Due dates count calendar days until the working-day calendar
// (issue 7).
import { PutTransaction } from 'dynamodb-toolbox/entity/actions/transactPut';
import { ulid } from 'ulid';
import { addCalendarDays, taskKindLabels, type TaskKind } from '@doorstep/shared';
import { TaskEntity, taskQueueKeys } from '../db/entities';

/** Days from the event to each kind of follow-up. */
export const FOLLOW_UP_DAYS: Record<TaskKind, number> = {
  referral_call_seeker: 7,
  referral_visit_employer: 30,
  placement_revisit: 7,
  placement_monthly: 30,
  training_employment: 90,
};

/** `after` overrides the kind's days (the monthly revisits after a placement: 30, 60 and 90 days). */
export function followUpTask(t: { kind: TaskKind; detail: string; areaCode: string; subjectType: string; subjectId: string; today: string; at: string; after?: number }) {
  const taskId = ulid();
  const due = addCalendarDays(t.today, t.after ?? FOLLOW_UP_DAYS[t.kind]);
  return TaskEntity.build(PutTransaction).item({
    taskId,
    kind: t.kind,
    title: taskKindLabels[t.kind],
    detail: t.detail,
    areaCode: t.areaCode,
    due,
    status: 'open',
    subjectType: t.subjectType,
    subjectId: t.subjectId,
    createdAt: t.at,
    ...taskQueueKeys('open', t.areaCode, due, taskId),
  });
}
