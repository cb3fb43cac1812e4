// A case's steps in the order they come, each with its task kind, the name staff read and the task
// that times it — one list for the case's view (cases.ts) and the on-time figures (figures/).
import type { FormattedItem } from 'dynamodb-toolbox/entity';
import { POSTS_TO_OFFER, type TaskKind } from '@doorstep/shared';
import type { AssistanceCaseEntity } from './entities';

export type TaskRef = { taskId: string; areaCode: string; due: string };
export interface CaseStep {
  kind: TaskKind;
  name: string;
  task: TaskRef;
}

/** The steps whose task has been opened. */
export function caseSteps(c: FormattedItem<typeof AssistanceCaseEntity>): CaseStep[] {
  const steps: [TaskKind, string, TaskRef | undefined][] = [
    ['assist_assign', '指派援助专员', c.tasks.assign],
    ['assist_contact', '联系本人', c.tasks.contact],
    ['assist_plan', '制定援助方案', c.tasks.plan],
    ['assist_posts', `推荐${POSTS_TO_OFFER}个岗位`, c.tasks.posts],
    ...(c.offers ?? []).map((o): [TaskKind, string, TaskRef | undefined] => ['assist_interview', `回访面试结果：${o.employerName}`, o.check]),
    ['assist_registration', '告知并办理就业登记', c.tasks.registration],
    ['assist_followup', '跟踪回访', c.tasks.followUp],
  ];
  return steps.flatMap(([kind, name, task]) => (task ? [{ kind, name, task }] : []));
}
