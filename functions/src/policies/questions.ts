// 你问我答 (domain.md §7.1, §3.Z): a resident asks about a policy or a service; the question is a
// task for the level responsible — the policy's own area, or the street where the person lives —
// due in 3 working days (10 once staff mark it complex), escalated when overdue like every task,
// and answered in the app (the answer closes the task and writes the person's message in the same
// transaction). Questions are classified by the asker's type and a topic, and the month's hot
// topics are counted.
import { GetItemCommand } from 'dynamodb-toolbox/entity/actions/get';
import { PutTransaction } from 'dynamodb-toolbox/entity/actions/transactPut';
import { UpdateTransaction } from 'dynamodb-toolbox/entity/actions/transactUpdate';
import { execute } from 'dynamodb-toolbox/entity/actions/transactWrite';
import { QueryCommand } from 'dynamodb-toolbox/table/actions/query';
import type { FormattedItem } from 'dynamodb-toolbox/entity';
import { ulid } from 'ulid';
import {
  askerTypeLabels,
  COMPLEX_QUESTION_DUE_WORKING_DAYS,
  inJurisdiction,
  questionTopicLabels,
  taskDue,
  todayInChina,
  type AskerType,
  type QuestionTopic,
  type z,
  type questionSchema,
} from '@doorstep/shared';
import { JobseekerRegistrationEntity, TaskEntity, taskQueueKeys } from '../db/entities';
import { cancelledTransaction } from '../db/errors';
import { queryAll } from '../db/queryAll';
import { table } from '../db/table';
import { ConflictError, NotFoundError, RuleError } from '../http/errors';
import type { RecordAnswer } from '../http/idempotency';
import { scopeOf } from '../http/jurisdiction';
import type { Principal } from '../http/session';
import { outboxMessage } from '../notifications/outbox';
import { closeTask, openTask } from '../tasks/tasks';
import { PolicyEntity, QuestionEntity } from './entities';

type Question = z.infer<typeof questionSchema>;
type StoredQuestion = FormattedItem<typeof QuestionEntity>;

export const toQuestionView = (q: StoredQuestion): Question => ({
  id: q.questionId,
  text: q.text,
  topic: q.topic as QuestionTopic,
  topicName: questionTopicLabels[q.topic as QuestionTopic],
  askerType: q.askerType as AskerType,
  ...(q.policyId ? { policyId: q.policyId } : {}),
  ...(q.policyTitle ? { policyTitle: q.policyTitle } : {}),
  due: q.due,
  complex: q.complex,
  status: q.status,
  ...(q.answer ? { answer: q.answer } : {}),
  ...(q.answeredAt ? { answeredAt: q.answeredAt } : {}),
  createdAt: q.createdAt,
});

export async function askQuestion(
  userId: string,
  body: { text: string; topic: QuestionTopic; askerType: AskerType; policyId?: string },
  options: { now?: Date; record?: RecordAnswer<{ question: Question }> } = {},
): Promise<Question> {
  const { now = new Date(), record } = options;
  const policy = body.policyId ? (await PolicyEntity.build(GetItemCommand).key({ policyId: body.policyId }).send()).Item : undefined;
  if (body.policyId && !policy) throw new NotFoundError('找不到这条政策');
  const { Item: reg } = await JobseekerRegistrationEntity.build(GetItemCommand).key({ userId }).send();
  // The policy's own area answers about it; otherwise the street where the person lives.
  const areaCode = policy ? policy.areaCode : reg ? reg.residence.areaCode.slice(0, 9) : undefined;
  if (!areaCode) throw new RuleError('请先做求职登记，我们才知道由哪个街道答复您；也可以问某条政策，由发布政策的部门答复');
  const at = now.toISOString();
  const today = todayInChina(now);
  const questionId = ulid(now.getTime());
  const taskId = ulid(now.getTime());
  const item: StoredQuestion = {
    questionId,
    userId,
    text: body.text,
    topic: body.topic,
    askerType: body.askerType,
    ...(policy ? { policyId: policy.policyId, policyTitle: policy.title } : {}),
    areaCode,
    taskId,
    due: taskDue('question', today),
    complex: false,
    status: 'asked',
    createdAt: at,
    gsi1pk: `QUESTIONS#${areaCode.slice(0, 4)}#${today.slice(0, 7)}`,
    gsi1sk: `${at}#${questionId}`,
    gsi2pk: `USER_QUESTIONS#${userId}`,
    gsi2sk: `${at}#${questionId}`,
  };
  const view = toQuestionView(item);
  await execute(
    QuestionEntity.build(PutTransaction).item(item).options({ condition: { attr: 'questionId', exists: false } }),
    openTask({
      taskId,
      kind: 'question',
      detail: `${askerTypeLabels[body.askerType]}问「${questionTopicLabels[body.topic]}」${policy ? `（${policy.title}）` : ''}：${body.text}`.slice(0, 300),
      areaCode,
      subjectType: 'Question',
      subjectId: questionId,
      today,
      at,
      personId: userId,
    }),
    ...(record ? [record({ question: view })] : []),
  );
  return view;
}

export async function myQuestions(userId: string): Promise<Question[]> {
  const { Items = [] } = await table
    .build(QueryCommand)
    .entities(QuestionEntity)
    .query({ index: 'gsi2', partition: `USER_QUESTIONS#${userId}` })
    .options({ limit: 50, reverse: true })
    .send();
  return Items.map(toQuestionView);
}

async function questionInScope(principal: Principal, questionId: string): Promise<StoredQuestion> {
  scopeOf(principal);
  const { Item } = await QuestionEntity.build(GetItemCommand).key({ questionId }).options({ consistent: true }).send();
  if (!Item || !inJurisdiction(Item.areaCode, principal.level, principal.areaCode)) throw new NotFoundError('找不到这个问题');
  return Item;
}

export async function staffQuestion(principal: Principal, questionId: string): Promise<Question> {
  return toQuestionView(await questionInScope(principal, questionId));
}

/** Staff answer ("您好，…"): the question and its task, in one transaction. */
export async function answerQuestion(principal: Principal, questionId: string, answer: string, now = new Date()): Promise<Question> {
  const q = await questionInScope(principal, questionId);
  if (q.status === 'answered') throw new ConflictError('这个问题已经答复了');
  const at = now.toISOString();
  const next: StoredQuestion = { ...q, status: 'answered', answer, answeredBy: principal.userId, answeredAt: at };
  try {
    await execute(
      QuestionEntity.build(PutTransaction).item(next).options({ condition: { attr: 'status', eq: 'asked' } }),
      closeTask({ taskId: q.taskId, areaCode: q.areaCode, due: q.due }, principal.userId, at, answer.slice(0, 200)),
      // The person is told the answer is there (the answer itself stays in the app).
      outboxMessage({
        userId: q.userId,
        template: 'application_update',
        page: 'policies/questions/index',
        data: { thing1: '你问我答', thing2: questionTopicLabels[q.topic as QuestionTopic], phrase3: '已答复', thing4: q.text.slice(0, 20) },
        at,
      }),
    );
  } catch (err) {
    if (cancelledTransaction(err)?.conditionFailed.some(Boolean)) throw new ConflictError('这个问题刚刚已被答复');
    throw err;
  }
  return toQuestionView(next);
}

/** A complex question: due 10 working days from the day it was asked, its task moved with it. */
export async function markComplex(principal: Principal, questionId: string): Promise<Question> {
  const q = await questionInScope(principal, questionId);
  if (q.status === 'answered') throw new ConflictError('这个问题已经答复了');
  if (q.complex) return toQuestionView(q);
  const due = taskDue('question', todayInChina(new Date(q.createdAt)), COMPLEX_QUESTION_DUE_WORKING_DAYS);
  const next: StoredQuestion = { ...q, complex: true, due };
  try {
    await execute(
      QuestionEntity.build(PutTransaction).item(next).options({ condition: { and: [{ attr: 'status', eq: 'asked' }, { attr: 'complex', eq: false }] } }),
      TaskEntity.build(UpdateTransaction)
        .item({ taskId: q.taskId, due, ...taskQueueKeys('open', q.areaCode, due, q.taskId) })
        .options({ condition: { attr: 'status', eq: 'open' } }),
    );
  } catch (err) {
    if (cancelledTransaction(err)?.conditionFailed.some(Boolean)) throw new ConflictError('这个问题刚刚已被答复或改过');
    throw err;
  }
  return toQuestionView(next);
}

/** 热点问题: the month's questions of the jurisdiction counted by topic and by who asks. */
export async function hotTopics(principal: Principal, month: string) {
  const scope = scopeOf(principal);
  const items = (await queryAll((start) =>
    table
      .build(QueryCommand)
      .entities(QuestionEntity)
      .query({ index: 'gsi1', partition: `QUESTIONS#${scope.slice(0, 4)}#${month}` })
      .options({ ...(start ? { exclusiveStartKey: start } : {}) })
      .send(),
  )) as StoredQuestion[];
  const mine = items.filter((q) => q.areaCode.startsWith(scope) || scope.startsWith(q.areaCode));
  const count = <K extends string>(key: (q: StoredQuestion) => K, labels: Record<K, string>) =>
    Object.entries(
      mine.reduce<Record<string, number>>((acc, q) => {
        acc[key(q)] = (acc[key(q)] ?? 0) + 1;
        return acc;
      }, {}),
    )
      .map(([k, n]) => ({ key: k, label: labels[k as K] ?? k, count: n }))
      .sort((a, b) => b.count - a.count);
  return {
    month,
    total: mine.length,
    answered: mine.filter((q) => q.status === 'answered').length,
    byTopic: count((q) => q.topic as QuestionTopic, questionTopicLabels),
    byAsker: count((q) => q.askerType as AskerType, askerTypeLabels),
  };
}
