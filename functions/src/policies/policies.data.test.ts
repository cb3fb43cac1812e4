// 政策找人 on DynamoDB Local (issue 19): a policy published to an area reaches exactly the people
// who qualify — checked against the rule read literally over generated people — each once however
// often the stream delivers it; a person who stops qualifying is no longer listed; an expired
// policy is never shown or matched; a question is a task due in 3 working days (10 when complex).
import { PutItemCommand } from 'dynamodb-toolbox/entity/actions/put';
import { QueryCommand } from 'dynamodb-toolbox/table/actions/query';
import fc from 'fast-check';
import type { DynamoDBStreamEvent } from 'aws-lambda';
import { marshall } from '@aws-sdk/util-dynamodb';
import { addWorkingDays, ageOn, EDUCATION_LEVELS, todayInChina, type z, type policyBodySchema } from '@doorstep/shared';
import { createTestTable } from '../../../tests/support/table';
import { makeIdNumber, registrationBody } from '../../../tests/support/people';
import { OutboxEntity, PersonCategoryEntity, TaskEntity } from '../db/entities';
import { table } from '../db/table';
import type { Principal } from '../http/session';
import { putRegistration } from '../registration/service';
import { PolicyEntity, PolicyFactsEntity, factsIndexKeys } from './entities';
import { onStream } from './handlers/stream';
import { work } from './handlers/work';
import { drainLocalQueueOnce, readLocalQueue } from '../../../scripts/lib/localQueue';
import { matchPolicy, rematchPerson } from './matching';
import { browsePolicies, getPolicy, myPolicies, publishPolicy, staffPolicy, withdrawPolicy } from './policies';
import { answerQuestion, askQuestion, markComplex, myQuestions } from './questions';
import { listTasks } from '../tasks/tasks';
import { GetItemCommand } from 'dynamodb-toolbox/entity/actions/get';

jest.setTimeout(120_000);
beforeAll(createTestTable);

const district: Principal = { userId: 'pol-district', roles: ['staff'], level: 'district', areaCode: '350102' };
const street: Principal = { userId: 'pol-street', roles: ['staff'], level: 'street', areaCode: '350102001' };
const TODAY = todayInChina();
const year = Number(TODAY.slice(0, 4));

const body = (over: Partial<z.infer<typeof policyBodySchema>> = {}): z.infer<typeof policyBodySchema> => ({
  title: '灵活就业社会保险补贴',
  issuer: '福州市鼓楼区人力资源和社会保障局',
  docNumber: '鼓人社〔2026〕8号',
  validFrom: `${year - 1}-01-01`,
  validUntil: `${year + 1}-12-31`,
  summary: '登记失业的大龄人员灵活就业后缴纳社保，政府补贴一部分。',
  benefits: '每月社保补贴 500 元，最长 3 年',
  howToApply: '带身份证到街道劳动保障事务所申请',
  service: 'unemployment_registration',
  areaCode: '350102',
  rule: { groups: ['registered_unemployed', 'hard_to_employ'], minAge: 40 },
  ...over,
});

/** The stream delivering a policy's INSERT (as it may, more than once). */
const deliverInsert = (policyId: string) =>
  onStream({
    Records: [
      {
        eventName: 'INSERT',
        dynamodb: {
          SequenceNumber: `${Date.now()}`,
          Keys: marshall({ pk: `POLICY#${policyId}`, sk: 'POLICY' }),
          NewImage: marshall({ pk: `POLICY#${policyId}`, sk: 'POLICY', status: 'published', matching: { state: 'running', checked: 0, matched: 0 } }) as never,
        },
      },
    ],
  } as unknown as DynamoDBStreamEvent);

/** The policy queue's messages, each given to its worker as Lambda would (once each). */
const drainPolicyQueue = () => drainLocalQueueOnce('policy-match', work);

const messagesFor = async (policyId: string) => {
  const { Items = [] } = await table.build(QueryCommand).entities(OutboxEntity).query({ index: 'gsi1', partition: 'OUTBOX#pending' }).send();
  return Items.filter((m) => m.messageId.startsWith(`policy-${policyId}-`)).map((m) => m.userId);
};

describe('a published policy', () => {
  it('reaches exactly the people who qualify, each once however often the stream delivers (generated people)', async () => {
    const areas = ['350102001001', '350102003002', '350103001001'];
    const people = fc.sample(
      fc.record({
        birthDate: fc.date({ min: new Date('1960-01-01'), max: new Date('2008-01-01'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
        gender: fc.constantFrom('male', 'female'),
        education: fc.constantFrom(...EDUCATION_LEVELS),
        groups: fc.subarray(['registered_unemployed', 'hard_to_employ', 'employed'] as const),
        areaCode: fc.constantFrom(...areas),
      }),
      { numRuns: 300, seed: 19 },
    );
    const at = new Date().toISOString();
    await Promise.all(
      people.map((p, i) =>
        PolicyFactsEntity.build(PutItemCommand)
          .item({ userId: `gen-${i}`, ...p, groups: [...p.groups], updatedAt: at, ...factsIndexKeys(p.areaCode, `gen-${i}`) })
          .send(),
      ),
    );
    const policy = await publishPolicy(district, body());
    // The stream delivers the INSERT twice: two messages on the policy queue, each worked.
    await deliverInsert(policy.id);
    await deliverInsert(policy.id);
    expect(await drainPolicyQueue()).toBe(2);
    const expected = people
      .map((p, i) => ({ p, id: `gen-${i}` }))
      .filter(({ p }) => p.areaCode.startsWith('350102') && p.groups.some((g) => g === 'registered_unemployed' || g === 'hard_to_employ') && ageOn(p.birthDate, TODAY) >= 40)
      .map(({ id }) => id)
      .sort();
    expect(expected.length).toBeGreaterThan(10);
    const matched: string[] = [];
    for (let i = 0; i < people.length; i += 1) {
      const mine = await myPolicies(`gen-${i}`);
      if (mine.some((m) => m.policy.id === policy.id)) matched.push(`gen-${i}`);
    }
    expect(matched.sort()).toEqual(expected);
    expect((await messagesFor(policy.id)).sort()).toEqual(expected);
    expect((await staffPolicy(district, policy.id)).matching).toMatchObject({ state: 'done', checked: people.filter((p) => p.areaCode.startsWith('350102')).length, matched: expected.length });
  });

  it('an expired policy is never matched nor shown', async () => {
    const old = await publishPolicy(district, body({ title: '去年的补贴政策', validFrom: `${year - 2}-01-01`, validUntil: `${year - 1}-12-31` }));
    await deliverInsert(old.id);
    await drainPolicyQueue();
    expect(await messagesFor(old.id)).toEqual([]);
    expect((await browsePolicies({ areaCode: '350102001001' })).map((p) => p.id)).not.toContain(old.id);
    await expect(getPolicy(old.id)).rejects.toMatchObject({ statusCode: 404 });
  });
});

describe('the policy queue', () => {
  const cards = (prefix: string, n: number, areaCode = '350102005001') => {
    const at = new Date().toISOString();
    return Promise.all(
      Array.from({ length: n }, (_, i) =>
        PolicyFactsEntity.build(PutItemCommand)
          .item({ userId: `${prefix}-${i}`, birthDate: '1970-03-03', gender: 'female', education: 'junior_high', groups: i % 2 ? ['registered_unemployed'] : [], areaCode, updatedAt: at, ...factsIndexKeys(areaCode, `${prefix}-${i}`) })
          .send(),
      ),
    );
  };
  const policyFor = (title: string) => publishPolicy(district, body({ title, areaCode: '350102', rule: { groups: ['registered_unemployed'], minAge: 40 } }));
  const inArea = async () => {
    const { Items = [] } = await table.build(QueryCommand).entities(PolicyFactsEntity).query({ index: 'gsi1', partition: 'PFACTS#3501', range: { beginsWith: '350102' } }).send();
    return Items;
  };

  it('works a long area as a chain of bounded chunks; two workers on one chunk count it once', async () => {
    await cards('chain', 120);
    const policy = await policyFor('链式匹配的补贴');
    const everyone = await inArea();
    const qualifying = everyone.filter((c) => c.groups.includes('registered_unemployed') && ageOn(c.birthDate, TODAY) >= 40).length;
    // Two deliveries of the same message at once, each doing at most 2 pages of 40.
    const [a, b] = await Promise.all([matchPolicy(policy.id, { maxPages: 2, pageSize: 40 }), matchPolicy(policy.id, { maxPages: 2, pageSize: 40 })]);
    expect([a.overtaken, b.overtaken].filter(Boolean).length).toBeGreaterThanOrEqual(1);
    // The chain goes on, message after message, until no page is left.
    let hops = 0;
    for (let more = true; more; hops += 1) more = (await matchPolicy(policy.id, { maxPages: 2, pageSize: 40 })).more;
    expect(hops).toBeGreaterThan(1);
    expect((await staffPolicy(district, policy.id)).matching).toMatchObject({ state: 'done', checked: everyone.length, matched: qualifying });
    expect(new Set(await messagesFor(policy.id)).size).toBe(qualifying);
    expect((await messagesFor(policy.id)).length).toBe(qualifying);
  });

  it('a worker that dies after writing its matches, before saving its progress: the chunk is done again, nobody is told twice', async () => {
    const policy = await policyFor('重做一页的补贴');
    await matchPolicy(policy.id, { maxPages: 1, pageSize: 1000 });
    const told = await messagesFor(policy.id);
    expect(told.length).toBeGreaterThan(10);
    // One message already went out (the dispatcher marked it sent) when the worker died.
    const pending = (await table.build(QueryCommand).entities(OutboxEntity).query({ index: 'gsi1', partition: 'OUTBOX#pending' }).send()).Items ?? [];
    const sentOne = pending.find((m) => m.messageId.startsWith(`policy-${policy.id}-`))!;
    const { gsi1pk: _pk, gsi1sk: _sk, ...rest } = sentOne;
    await OutboxEntity.build(PutItemCommand).item({ ...rest, status: 'sent', sentAt: new Date().toISOString() }).send();
    // Its progress was never saved: the policy still says it has not begun.
    await PolicyEntity.build(PutItemCommand)
      .item({ ...(await PolicyEntity.build(GetItemCommand).key({ policyId: policy.id }).send()).Item!, matching: { state: 'running', checked: 0, matched: 0 } })
      .send();
    await deliverInsert(policy.id);
    expect(await drainPolicyQueue()).toBe(1);
    const after = await staffPolicy(district, policy.id);
    expect(after.matching).toMatchObject({ state: 'done', matched: told.length });
    const { Item: kept } = await OutboxEntity.build(GetItemCommand).key({ messageId: sentOne.messageId }).send();
    expect(kept?.status).toBe('sent');
    expect((await messagesFor(policy.id)).length).toBe(told.length - 1);
  });

  it('does not hold up the stream: a person registering while a policy waits is matched in the same batch', async () => {
    const policy = await policyFor('排队等匹配的补贴');
    await putRegistration('pol-cai', registrationBody({ idNumber: makeIdNumber('1975-09-09', 553), name: '蔡明' }));
    await PersonCategoryEntity.build(PutItemCommand).item({ userId: 'pol-cai', code: 'registered_unemployed', since: TODAY, source: 'review', applicationId: 'app-cai', ruleVersion: 'PR-2026-01', updatedAt: new Date().toISOString() }).send();
    const started = Date.now();
    await onStream({
      Records: [
        {
          eventName: 'INSERT',
          dynamodb: {
            SequenceNumber: '1',
            Keys: marshall({ pk: `POLICY#${policy.id}`, sk: 'POLICY' }),
            NewImage: marshall({ pk: `POLICY#${policy.id}`, sk: 'POLICY', status: 'published', matching: { state: 'running', checked: 0, matched: 0 } }) as never,
          },
        },
        { eventName: 'INSERT', dynamodb: { SequenceNumber: '2', Keys: marshall({ pk: 'USER#pol-cai', sk: 'CATEGORY#registered_unemployed' }) } },
      ],
    } as unknown as DynamoDBStreamEvent);
    expect(Date.now() - started).toBeLessThan(10_000);
    // She has the policy already; the area's matching waits on the queue, not begun.
    expect((await myPolicies('pol-cai')).map((m) => m.policy.id)).toContain(policy.id);
    expect((await staffPolicy(district, policy.id)).matching).toMatchObject({ state: 'running', checked: 0 });
    expect((await readLocalQueue('policy-match')).map((m) => JSON.parse(m.body).policyId)).toContain(policy.id);
    await drainPolicyQueue();
    expect((await staffPolicy(district, policy.id)).matching).toMatchObject({ state: 'done' });
  });
});

describe('a person', () => {
  it('is matched when they come to qualify, with reasons, and is no longer listed once they stop', async () => {
    const policy = await publishPolicy(district, body({ title: '大龄失业人员社保补贴', rule: { groups: ['registered_unemployed'], minAge: 40 } }));
    await deliverInsert(policy.id);
    await drainPolicyQueue();
    await putRegistration('pol-ann', registrationBody({ idNumber: makeIdNumber('1978-04-02', 551), name: '吴玉兰' }));
    expect((await rematchPerson('pol-ann')).matched).toBe(0);
    // Recognised as registered unemployed (the category a street's approval writes).
    await PersonCategoryEntity.build(PutItemCommand).item({ userId: 'pol-ann', code: 'registered_unemployed', since: TODAY, source: 'review', applicationId: 'app-ann', ruleVersion: 'PR-2026-01', updatedAt: new Date().toISOString() }).send();
    await rematchPerson('pol-ann');
    await rematchPerson('pol-ann'); // delivered again: still one match, one message
    const found = await myPolicies('pol-ann');
    expect(found.map((m) => m.policy.id)).toContain(policy.id);
    expect(found.find((m) => m.policy.id === policy.id)?.reasons).toEqual(['您是登记失业人员', `年龄${ageOn('1978-04-02', TODAY)}岁`, '住在鼓楼区']);
    expect((await messagesFor(policy.id)).filter((u) => u === 'pol-ann')).toEqual(['pol-ann']);
    expect((await getPolicy(policy.id, 'pol-ann')).mine).toMatchObject({ qualifies: true });
    // She finds work: the category ends, and the policy is no longer hers.
    await PersonCategoryEntity.build(PutItemCommand).item({ userId: 'pol-ann', code: 'registered_unemployed', since: TODAY, until: TODAY, source: 'review', applicationId: 'app-ann', ruleVersion: 'PR-2026-01', updatedAt: new Date().toISOString() }).send();
    expect((await rematchPerson('pol-ann')).dropped).toBeGreaterThanOrEqual(1);
    expect((await myPolicies('pol-ann')).map((m) => m.policy.id)).not.toContain(policy.id);
    expect((await getPolicy(policy.id, 'pol-ann')).mine).toMatchObject({ qualifies: false, unmet: '适用于登记失业人员' });
  });

  it('a withdrawn policy leaves everyone’s list at once; outside the jurisdiction → 404', async () => {
    const policy = await publishPolicy(district, body({ title: '鼓楼区求职创业补贴', rule: { groups: [] } }));
    await putRegistration('pol-bo', registrationBody({ idNumber: makeIdNumber('1990-06-06', 552), name: '郑波' }));
    await rematchPerson('pol-bo');
    expect((await myPolicies('pol-bo')).map((m) => m.policy.id)).toContain(policy.id);
    await expect(withdrawPolicy({ ...district, areaCode: '350103' }, policy.id)).rejects.toMatchObject({ statusCode: 404 });
    await expect(publishPolicy(street, body())).rejects.toMatchObject({ statusCode: 403 });
    await withdrawPolicy(district, policy.id);
    expect((await myPolicies('pol-bo')).map((m) => m.policy.id)).not.toContain(policy.id);
    await expect(withdrawPolicy(district, policy.id)).rejects.toMatchObject({ statusCode: 409 });
  });
});

describe('你问我答', () => {
  it('a question is the street’s task due in 3 working days, 10 once complex; the answer closes it', async () => {
    const asked = await askQuestion('pol-bo', { text: '失业登记以后多久能领就业券？', topic: 'voucher', askerType: 'unemployed' });
    expect(asked.due).toBe(addWorkingDays(TODAY, 3));
    const { Items = [] } = await table.build(QueryCommand).entities(TaskEntity).query({ index: 'gsi2', partition: 'USER_TASKS#pol-bo' }).send();
    const task = Items.find((t) => t.subjectId === asked.id)!;
    expect(task).toMatchObject({ kind: 'question', areaCode: '350102001', due: addWorkingDays(TODAY, 3), status: 'open' });
    await expect(answerQuestion({ ...street, areaCode: '350102003' }, asked.id, '您好，街道审核通过后就能领。')).rejects.toMatchObject({ statusCode: 404 });
    const complex = await markComplex(street, asked.id);
    expect(complex.due).toBe(addWorkingDays(TODAY, 10));
    expect((await TaskEntity.build(GetItemCommand).key({ taskId: task.taskId }).send()).Item?.due).toBe(addWorkingDays(TODAY, 10));
    await answerQuestion(street, asked.id, '您好，街道审核通过失业登记后，系统会把券发到您的“我的就业券”里。');
    expect((await myQuestions('pol-bo'))[0]).toMatchObject({ status: 'answered', answer: expect.stringMatching(/^您好/) });
    expect((await TaskEntity.build(GetItemCommand).key({ taskId: task.taskId }).send()).Item).toMatchObject({ status: 'done', onTime: true });
    const { Items: told = [] } = await table.build(QueryCommand).entities(OutboxEntity).query({ index: 'gsi1', partition: 'OUTBOX#pending' }).send();
    expect(told.filter((m) => m.userId === 'pol-bo' && m.page === 'policies/questions/index')).toHaveLength(1);
    await expect(answerQuestion(street, asked.id, '您好，再答一次。')).rejects.toMatchObject({ statusCode: 409 });
  });

  it('unanswered past its due date, it rises to the district as 下级逾期', async () => {
    const tenDaysAgo = new Date(Date.now() - 10 * 86_400_000);
    const late = await askQuestion('pol-bo', { text: '零工能不能领就业券？', topic: 'voucher', askerType: 'unemployed' }, { now: tenDaysAgo });
    expect(late.due < TODAY).toBe(true);
    const escalated = await listTasks(district, { status: 'escalated' });
    expect(escalated.items.find((t) => t.subject.id === late.id)).toMatchObject({ kind: 'question', owner: 'street', overdue: true, escalated: true });
  });

  it('someone not registered asking in general is told why it cannot be routed (422)', async () => {
    await expect(askQuestion('pol-nobody', { text: '灵活就业怎么交社保？', topic: 'insurance', askerType: 'other' })).rejects.toMatchObject({ statusCode: 422 });
  });
});
