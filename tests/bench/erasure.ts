// Erasure benchmark for `npm run bench` (issue 17), in a process of its own: the time the erasure
// run takes to erase one person who holds about 50 records (a registration with its ID claim,
// search card and audit events, consents and their log, 22 complaints each with its staff task),
// in-process on DynamoDB Local, beside two floors in the same run: deleting the same number of
// items with raw BatchWriteItem calls (issue 17's), and the same writes done raw (issue 30's): as
// many unconditional UpdateItem calls as records it kept and rewrote, as many in flight as the
// erasure has, and batch deletes of as many as it deleted. Several people, one at a time; prints
// one JSON line last.
import { BatchWriteCommand, DynamoDBDocumentClient, ScanCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { PRIVACY_POLICY_VERSION } from '@doorstep/shared';
import { freePort } from '../../scripts/lib/processes';
import { localClient, startDynamoLocal } from '../../scripts/lib/dynamoLocal';
import { ensureTable } from '../../scripts/lib/table';
import { testEnvironment } from '../support/testConfig';
import { makeIdNumber, registrationBody } from '../support/people';

const PEOPLE = 10;
const COMPLAINTS = 22;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function main() {
  const table = 'bench-erasure';
  const dynamo = await startDynamoLocal({ port: await freePort() });
  const raw = localClient(dynamo.endpoint);
  await ensureTable(raw, table);
  Object.assign(process.env, testEnvironment(table), { DYNAMODB_ENDPOINT: dynamo.endpoint, UPLOAD_DIR: '.data/bench-uploads' });
  const { findOrCreateUser } = await import('../../functions/src/auth/users');
  const { giveConsents } = await import('../../functions/src/privacy/consents');
  const { putRegistration } = await import('../../functions/src/registration/service');
  const { createComplaint } = await import('../../functions/src/ratings/complaints');
  const { requestDeletion } = await import('../../functions/src/privacy/accountDeletion');
  const { personRecords } = await import('../../functions/src/privacy/personData');
  const { eraseAccount } = await import('../../functions/src/privacy/erasure');
  const doc = DynamoDBDocumentClient.from(raw);
  const count = async () => (await doc.send(new ScanCommand({ TableName: table, Select: 'COUNT' }))).Count ?? 0;

  const erase: number[] = [];
  const floor: number[] = [];
  const sameWork: number[] = [];
  const records: number[] = [];
  const { mapLimit } = await import('../../functions/src/concurrency');
  try {
    for (let p = 0; p < PEOPLE; p += 1) {
      const user = await findOrCreateUser('dev', `bench-erasure-${p}`);
      await giveConsents(user.id, { purposes: ['privacy', 'id_number'], version: PRIVACY_POLICY_VERSION, channel: 'weapp' });
      await putRegistration(user.id, registrationBody({ idNumber: makeIdNumber('1975-04-02', 100 + p), name: '测试人员', phone: `1390000${String(p).padStart(4, '0')}` }));
      for (let c = 0; c < COMPLAINTS; c += 1) {
        await createComplaint(user.id, { kind: 'complaint', topic: 'efficiency', text: `第${c + 1}次反映：窗口办理太慢，请改进服务。`, photoKeys: [] });
      }
      await requestDeletion(user.id);
      const r = await personRecords(user.id);
      records.push(r.own.length + r.complaints.length + r.tasks.length);
      const t = performance.now();
      const report = (await eraseAccount(user.id))!;
      erase.push(performance.now() - t);

      // The floor: the same number of items, deleted with raw batch writes of 25.
      const n = records.at(-1)!;
      const keys = Array.from({ length: n }, (_, i) => ({ pk: `BENCH#${p}`, sk: String(i) }));
      for (let i = 0; i < n; i += 25) await doc.send(new BatchWriteCommand({ RequestItems: { [table]: keys.slice(i, i + 25).map((Item) => ({ PutRequest: { Item } })) } }));
      const f = performance.now();
      for (let i = 0; i < n; i += 25) await doc.send(new BatchWriteCommand({ RequestItems: { [table]: keys.slice(i, i + 25).map((Key) => ({ DeleteRequest: { Key } })) } }));
      floor.push(performance.now() - f);

      // The same writes raw: the rewrites as plain updates (16 in flight, as the erasure), the deletes in batches.
      const kept = Array.from({ length: report.pseudonymised }, (_, i) => ({ pk: `BENCHKEPT#${p}`, sk: String(i) }));
      const gone = Array.from({ length: report.deleted }, (_, i) => ({ pk: `BENCHGONE#${p}`, sk: String(i) }));
      for (const group of [kept, gone]) for (let i = 0; i < group.length; i += 25) await doc.send(new BatchWriteCommand({ RequestItems: { [table]: group.slice(i, i + 25).map((Item) => ({ PutRequest: { Item: { ...Item, text: '第1次反映：窗口办理太慢，请改进服务。' } } })) } }));
      const s = performance.now();
      await Promise.all([
        mapLimit(kept, 16, (Key) => doc.send(new UpdateCommand({ TableName: table, Key, UpdateExpression: 'SET #t = :t', ExpressionAttributeNames: { '#t': 'text' }, ExpressionAttributeValues: { ':t': '（内容已随账号注销删除）' } }))),
        (async () => {
          for (let i = 0; i < gone.length; i += 25) await doc.send(new BatchWriteCommand({ RequestItems: { [table]: gone.slice(i, i + 25).map((Key) => ({ DeleteRequest: { Key } })) } }));
        })(),
      ]);
      sameWork.push(performance.now() - s);
      for (let i = 0; i < kept.length; i += 25) await doc.send(new BatchWriteCommand({ RequestItems: { [table]: kept.slice(i, i + 25).map((Key) => ({ DeleteRequest: { Key } })) } }));
    }
    const result = { people: PEOPLE, recordsPerPerson: median(records), eraseMs: median(erase), eraseMaxMs: Math.max(...erase), floorMs: median(floor), sameWorkFloorMs: median(sameWork), itemsLeft: await count() };
    console.log(JSON.stringify(result));
  } finally {
    raw.destroy();
    await dynamo.stop();
  }
}

void main().catch((err) => {
  console.error(err);
  process.exit(1);
});
