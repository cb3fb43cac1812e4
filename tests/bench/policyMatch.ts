// 政策找人's matching for `npm run bench` (issues 19, 30), in a process of its own: one new policy of a
// district matched against 100,000 registered people of that district (their facts cards, written
// straight into DynamoDB Local), in process as the policy queue's worker runs it, message after
// message — wall time and items
// read — beside its floor in the same run: reading the same cards with raw paged Queries and doing
// nothing with them. About one in six qualifies (registered unemployed, 40 or over), each written a
// match and a message. Prints one JSON line last.
import { BatchWriteCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { benchInProcess } from './inProcess';

const PEOPLE = Number(process.env.BENCH_PEOPLE ?? 100_000);

benchInProcess('bench-policy-match', async (doc, table) => {
  const { matchPolicy, PAGES_PER_MESSAGE } = await import('../../functions/src/policies/matching');
  const { policyIndexKeys } = await import('../../functions/src/policies/entities');
  const communities = Array.from({ length: 40 }, (_, i) => `350102${String(1 + (i % 8)).padStart(3, '0')}${String(1 + Math.floor(i / 8)).padStart(3, '0')}`);
  const at = new Date().toISOString();
  const item = (i: number) => {
    const areaCode = communities[i % communities.length]!;
    const userId = `bench-person-${String(i).padStart(6, '0')}`;
    const unemployed = i % 3 === 0;
    return {
      pk: `USER#${userId}`,
      sk: 'POLICY_FACTS',
      _et: 'PolicyFacts',
      userId,
      birthDate: `${1960 + (i % 45)}-0${1 + (i % 9)}-15`,
      gender: i % 2 ? 'male' : 'female',
      education: 'senior_high',
      groups: unemployed ? ['registered_unemployed'] : [],
      areaCode,
      updatedAt: at,
      gsi1pk: `PFACTS#${areaCode.slice(0, 4)}`,
      gsi1sk: `${areaCode}#${userId}`,
    };
  };
  const pending: Promise<unknown>[] = [];
  for (let i = 0; i < PEOPLE; i += 25) {
    pending.push(doc.send(new BatchWriteCommand({ RequestItems: { [table]: Array.from({ length: Math.min(25, PEOPLE - i) }, (_, k) => ({ PutRequest: { Item: item(i + k) } })) } })));
    if (pending.length >= 8) await Promise.all(pending.splice(0));
  }
  await Promise.all(pending);

  // The floor: the same cards read page by page, nothing done with them.
  let floorRead = 0;
  const f0 = performance.now();
  let key: Record<string, unknown> | undefined;
  do {
    const page = await doc.send(
      new QueryCommand({ TableName: table, IndexName: 'gsi1', KeyConditionExpression: 'gsi1pk = :p AND begins_with(gsi1sk, :a)', ExpressionAttributeValues: { ':p': 'PFACTS#3501', ':a': '350102' }, Limit: 500, ExclusiveStartKey: key }),
    );
    floorRead += page.Items?.length ?? 0;
    key = page.LastEvaluatedKey;
  } while (key);
  const floorMs = performance.now() - f0;

  // A second floor, the same work done raw: the same pages read, the same people found to qualify
  // (a plain check of the rule), a match and a message written for each with raw 25-item batch
  // writes, 8 in flight (under keys of their own, so nothing collides with the real run).
  const w0 = performance.now();
  let rawWritten = 0;
  key = undefined;
  const thisYear = Number(new Date().toISOString().slice(0, 4));
  do {
    const page: { Items?: Record<string, unknown>[]; LastEvaluatedKey?: Record<string, unknown> } = await doc.send(
      new QueryCommand({ TableName: table, IndexName: 'gsi1', KeyConditionExpression: 'gsi1pk = :p AND begins_with(gsi1sk, :a)', ExpressionAttributeValues: { ':p': 'PFACTS#3501', ':a': '350102' }, Limit: 500, ExclusiveStartKey: key }),
    );
    const fits = (page.Items ?? []).filter((c) => (c.groups as string[]).includes('registered_unemployed') && thisYear - Number(String(c.birthDate).slice(0, 4)) >= 41);
    const items = fits.flatMap((c) => [
      { pk: `RAW#${c.userId}`, sk: 'POLICYMATCH#raw', reasons: ['您是登记失业人员'], matchedAt: at },
      { pk: `RAWOUTBOX#policy-raw-${c.userId}`, sk: 'MESSAGE', userId: c.userId, template: 'new_match', status: 'pending', dataJson: '{}', createdAt: at },
    ]);
    const batches: Record<string, unknown>[][] = [];
    for (let i = 0; i < items.length; i += 25) batches.push(items.slice(i, i + 25));
    for (let i = 0; i < batches.length; i += 8) {
      await Promise.all(batches.slice(i, i + 8).map((b) => doc.send(new BatchWriteCommand({ RequestItems: { [table]: b.map((Item) => ({ PutRequest: { Item } })) } }))));
    }
    rawWritten += items.length;
    key = page.LastEvaluatedKey;
  } while (key);
  const rawWorkMs = performance.now() - w0;

  const year = Number(at.slice(0, 4));
  const policyId = '01KBENCHP0L1CY000000000000';
  await doc.send(
    new BatchWriteCommand({
      RequestItems: {
        [table]: [
          {
            PutRequest: {
              Item: {
                pk: `POLICY#${policyId}`,
                sk: 'POLICY',
                _et: 'Policy',
                policyId,
                title: '大龄失业人员灵活就业社保补贴',
                issuer: '鼓楼区人社局',
                docNumber: '鼓人社〔2026〕8号',
                validFrom: `${year - 1}-01-01`,
                validUntil: `${year + 1}-12-31`,
                summary: '40岁以上的登记失业人员灵活就业后缴纳社保的，按月补贴。',
                benefits: '每月 500 元',
                howToApply: '到街道申请',
                areaCode: '350102',
                rule: { groups: ['registered_unemployed'], minAge: 40 },
                status: 'published',
                matching: { state: 'running', checked: 0, matched: 0 },
                createdBy: 'bench',
                createdAt: at,
                updatedAt: at,
                ...policyIndexKeys('350102', policyId),
              },
            },
          },
        ],
      },
    }),
  );
  // As the policy queue's worker does it: a message at a time, each handing on to the next.
  const t0 = performance.now();
  let result: Awaited<ReturnType<typeof matchPolicy>>;
  let messages = 0;
  let read = 0;
  do {
    result = await matchPolicy(policyId, { maxPages: PAGES_PER_MESSAGE });
    messages += 1;
    read += result.read;
  } while (result.more);
  const wallMs = performance.now() - t0;
  return { people: PEOPLE, checked: result.checked, matched: result.matched, read, messages, wallMs, floorMs, floorRead, rawWorkMs, rawWritten };
});
