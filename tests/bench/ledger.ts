// 实名制台账 for `npm run bench` (issue 31), in a process of its own on its own DynamoDB Local:
// 1. a street with 50,000 people listed (their rows written straight in, as the stream writes them):
//    the ledger's first page, a category's first page, and a category filtered by work status — each
//    as the service answers it (listLedger), interleaved with its floor: a raw Query of the same 20
//    rows; p50/p99 and the ratio.
// 2. importing a 10,000-row file: the preview, the start (checks, encryption, the queue) and the
//    queue's messages worked four at a time as Lambda would — wall time beside two floors: raw
//    25-item batch writes (8 in flight) of the same items, and the same conditional transactions
//    sent raw (8 in flight).
// Prints one JSON line last.
import { BatchWriteCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { Principal } from '../../functions/src/http/session';
import { ledgerFile, toBase64 } from '../support/ledgerFiles';
import { benchInProcess } from './inProcess';

const PEOPLE = Number(process.env.BENCH_LEDGER_PEOPLE ?? 50_000);
const ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 10_000);
const RUNS = 200;
const street: Principal = { userId: 'bench-ledger-street', roles: ['staff', 'admin'], level: 'street', areaCode: '350102001' };
const quantile = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))];
const stats = (xs: number[]) => ({ p50: quantile(xs, 0.5), p99: quantile(xs, 0.99) });

async function writeAll(doc: import('@aws-sdk/lib-dynamodb').DynamoDBDocumentClient, table: string, items: Record<string, unknown>[]) {
  const pending: Promise<unknown>[] = [];
  for (let i = 0; i < items.length; i += 25) {
    pending.push(doc.send(new BatchWriteCommand({ RequestItems: { [table]: items.slice(i, i + 25).map((Item) => ({ PutRequest: { Item } })) } })));
    if (pending.length >= 8) await Promise.all(pending.splice(0));
  }
  await Promise.all(pending);
}

benchInProcess('bench-ledger', async (doc, table) => {
  const { listLedger } = await import('../../functions/src/ledger/ledger');
  const { previewImport, startImport, applyPart, GROUP_ITEMS } = await import('../../functions/src/ledger/imports');
  const { deleteLocalMessage, readLocalQueue } = await import('../../scripts/lib/localQueue');

  // 1. The street's ledger: 50,000 people over its communities, each under `all` and their categories.
  const communities = Array.from({ length: 12 }, (_, i) => `350102001${String(1 + i).padStart(3, '0')}`);
  const at = new Date().toISOString();
  const rows: Record<string, unknown>[] = [];
  for (let i = 0; i < PEOPLE; i += 1) {
    const areaCode = communities[i % communities.length];
    const categories = ['jobseeker', ...(i % 4 === 0 ? ['unemployed'] : []), ...(i % 10 === 0 ? ['hard_to_employ'] : []), ...(i % 3 === 0 ? ['employed'] : [])];
    const personKey = `U01BENCH${String(i).padStart(18, '0')}`;
    for (const category of ['all', ...categories]) {
      rows.push({ pk: `LEDGER#3501#${category}`, sk: `${areaCode}#${personKey}`, _et: 'LedgerRow', cityCode: '3501', category, areaCode, personKey, name: '王秀英', idNumberMasked: '3501**********1234', gender: 'female', birthDate: '1975-04-12', categories, status: i % 3 === 0 ? 'employed' : 'seeking', source: 'app', updatedAt: at });
    }
  }
  await writeAll(doc, table, rows);

  const service: Record<string, number[]> = { first: [], category: [], status: [] };
  const floor: Record<string, number[]> = { first: [], category: [], status: [] };
  const raw = (partition: string) => doc.send(new QueryCommand({ TableName: table, KeyConditionExpression: 'pk = :p AND begins_with(sk, :s)', ExpressionAttributeValues: { ':p': partition, ':s': '350102001' }, Limit: 20 }));
  const cases = {
    first: { query: {}, partition: 'LEDGER#3501#all' },
    category: { query: { category: 'hard_to_employ' }, partition: 'LEDGER#3501#hard_to_employ' },
    status: { query: { category: 'unemployed', status: 'employed' as const }, partition: 'LEDGER#3501#unemployed' },
  };
  for (let r = -20; r < RUNS; r += 1) {
    // The first twenty rounds warm both up and are not counted.
    for (const [name, c] of Object.entries(cases)) {
      const f0 = performance.now();
      await raw(c.partition);
      const f1 = performance.now();
      const page = await listLedger(street, c.query);
      const s1 = performance.now();
      if (r >= 0) {
        floor[name].push(f1 - f0);
        service[name].push(s1 - f1);
      }
      if (page.items.length !== 20) throw new Error(`${name}: a page of ${page.items.length}`);
    }
  }
  const list = Object.fromEntries(Object.keys(cases).map((n) => [n, { service: stats(service[n]), floor: stats(floor[n]) }]));

  // 2. Importing a 10,000-row file, then the same items written raw.
  const file = ledgerFile(ROWS, { series: 20 });
  const body = { fileName: 'bench.csv', contentBase64: toBase64(file.csv) };
  const p0 = performance.now();
  const preview = await previewImport(street, body);
  const previewMs = performance.now() - p0;
  const i0 = performance.now();
  const started = await startImport(street, body);
  const startMs = performance.now() - i0;
  // The queue's messages, four at a time, as Lambda takes them (a read returns a page of them).
  let messages = 0;
  for (let page = await readLocalQueue('ledger-import'); page.length; page = await readLocalQueue('ledger-import')) {
    messages += page.length;
    const queue = [...page];
    await Promise.all(
      Array.from({ length: 4 }, async () => {
        for (let m = queue.shift(); m; m = queue.shift()) {
          await applyPart(JSON.parse(m.body));
          await deleteLocalMessage('ledger-import', m.messageId);
        }
      }),
    );
  }
  const importMs = performance.now() - i0;
  const { Items: counted = [] } = await doc.send(new QueryCommand({ TableName: table, KeyConditionExpression: 'pk = :p', ExpressionAttributeValues: { ':p': `LEDGERIMPORT#${started.id}` }, ConsistentRead: true }));
  const applied = counted.filter((i) => String(i.sk).startsWith('PART#')).reduce((n, p) => n + Number(p.applied), 0);

  // The floor: as many items as the import wrote (per row the claim, the person, its `all` and
  // `imported` rows and one per category the file gives: two every fifth row, one the next), written
  // raw in 25-item batches under keys of their own.
  const perRow = (i: number) => 4 + (i % 5 === 0 ? 2 : i % 5 === 1 ? 1 : 0);
  const floorItems = Array.from({ length: ROWS }, (_, i) => Array.from({ length: perRow(i) }, (_, k) => ({ pk: `BENCHFLOOR#${i}`, sk: `ITEM#${k}`, name: '王秀英', idNumberCipher: 'x'.repeat(60), areaCode: '350102001001', categories: ['imported'] }))).flat();
  const w0 = performance.now();
  await writeAll(doc, table, floorItems);
  const floorMs = performance.now() - w0;

  // A second floor, the same transactions raw: per row a check that no claim exists and each item
  // put under attribute_not_exists, rows grouped up to GROUP_ITEMS items a transaction, 8 in flight
  // (the import's 4 messages × 2).
  const groups: Record<string, unknown>[][] = [];
  let group: Record<string, unknown>[] = [];
  for (let i = 0; i < ROWS; i += 1) {
    const items = [
      { ConditionCheck: { TableName: table, Key: { pk: `BENCHCLAIM#${i}`, sk: 'CLAIM' }, ConditionExpression: 'attribute_not_exists(pk)' } },
      ...Array.from({ length: perRow(i) }, (_, k) => ({ Put: { TableName: table, Item: { pk: `BENCHFLOOR2#${i}`, sk: `ITEM#${k}`, name: '王秀英', idNumberCipher: 'x'.repeat(60), areaCode: '350102001001', categories: ['imported'] }, ConditionExpression: 'attribute_not_exists(pk)' } })),
    ];
    if (group.length + items.length > GROUP_ITEMS) {
      groups.push(group);
      group = [];
    }
    group.push(...items);
  }
  groups.push(group);
  const t0 = performance.now();
  const left = [...groups];
  await Promise.all(Array.from({ length: 8 }, async () => {
    for (let g = left.shift(); g; g = left.shift()) await doc.send(new TransactWriteCommand({ TransactItems: g as never }));
  }));
  const transactFloorMs = performance.now() - t0;

  return { people: PEOPLE, rowsWritten: rows.length, runs: RUNS, list, import: { rows: ROWS, good: preview.good, applied, messages, previewMs, startMs, importMs, floorMs, floorItems: floorItems.length, transactFloorMs, transactions: groups.length } };
});
