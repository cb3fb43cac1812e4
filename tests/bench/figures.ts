// Figure benchmarks for `npm run bench` (issue 7), in a process of its own: the stream consumer's
// throughput counting events for a city of 1,000 communities (in-process, as one Lambda on one
// shard, batches of 50), then `GET /stats` over HTTP (serverless offline) for that city, one of
// its districts and one street — latency with the counters of 1,000 communities in place.
// Prints one JSON line last.
import { ulid } from 'ulid';
import { marshall } from '@aws-sdk/util-dynamodb';
import { freePort } from '../../scripts/lib/processes';
import { localClient, startDynamoLocal } from '../../scripts/lib/dynamoLocal';
import { ensureTable } from '../../scripts/lib/table';
import { testEnvironment } from '../support/testConfig';

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
const EVENTS = 3000;
const BATCH = 50;
// 鼓楼区's ten streets with 100 communities each: 1,000 communities (community codes beyond the
// dataset's are fine for counters; the areas asked about are real).
const STREETS = ['350102001', '350102002', '350102003', '350102004', '350102005', '350102006', '350102007', '350102008', '350102009', '350102100'];
const COMMUNITIES_PER_STREET = 100;

async function main() {
  const table = 'bench-figures';
  const dynamo = await startDynamoLocal({ port: await freePort() });
  const raw = localClient(dynamo.endpoint);
  await ensureTable(raw, table);
  Object.assign(process.env, testEnvironment(table), { DYNAMODB_ENDPOINT: dynamo.endpoint });
  const { onStream } = await import('../../functions/src/figures/handlers/stream');
  const { benchApiFor } = await import('./api');

  const communities = STREETS.flatMap((street) => Array.from({ length: COMMUNITIES_PER_STREET }, (_, i) => `${street}${String(101 + i)}`));
  const now = new Date().toISOString();
  const record = (pk: string, sk: string, image: Record<string, unknown>, old?: Record<string, unknown>) => ({
    eventName: old ? 'MODIFY' : 'INSERT',
    dynamodb: { Keys: marshall({ pk, sk }), NewImage: marshall(image), ...(old ? { OldImage: marshall(old) } : {}) },
  });
  // A mix the services produce: ratings, closed tasks, complaints, redeemed vouchers.
  const records = Array.from({ length: EVENTS }, (_, i) => {
    const area = communities[i % communities.length];
    const id = ulid();
    switch (i % 4) {
      case 0:
        return record(`RATING#${id}`, 'RATING', { servicePoint: area, score: 1 + (i % 5), status: 'valid', createdAt: now });
      case 1:
        return record(`TASK#${id}`, 'TASK', { areaCode: area, status: 'done', onTime: i % 3 !== 0, completedAt: now }, { areaCode: area, status: 'open' });
      case 2:
        return record(`COMPLAINT#${id}`, 'COMPLAINT', { areaCode: area, status: 'received', createdAt: now });
      default:
        return record(`VOUCHER#${id}`, 'VOUCHER', { holderAreaCode: area, holderType: i % 8 === 3 ? 'employer' : 'person', faceValueFen: 50_000, status: 'redeemed', redeemedAt: now }, { status: 'claimed' });
    }
  });

  try {
    const started = performance.now();
    for (let i = 0; i < records.length; i += BATCH) await onStream({ Records: records.slice(i, i + BATCH) } as never);
    const seconds = (performance.now() - started) / 1000;
    // The same records again (a retried batch): counted nothing, just the markers read.
    const replayStarted = performance.now();
    for (let i = 0; i < 500; i += BATCH) await onStream({ Records: records.slice(i, i + BATCH) } as never);
    const replaySeconds = (performance.now() - replayStarted) / 1000;
    const consumer = { events: EVENTS, seconds, perSecond: EVENTS / seconds, replayPerSecond: 500 / replaySeconds, communities: communities.length };

    const api = await benchApiFor(table, dynamo.endpoint);
    try {
      const tokens = {
        city: await api.login({ openid: 'bench-city', roles: ['staff'], level: 'city', areaCode: '3501' }),
        district: await api.login({ openid: 'bench-district', roles: ['staff'], level: 'district', areaCode: '350102' }),
        street: await api.login({ openid: 'bench-street', roles: ['staff'], level: 'street', areaCode: '350102100' }),
      };
      const month = now.slice(0, 7);
      const get = async (token: string, path: string) => {
        const t = performance.now();
        const res = await fetch(`${api.base}${path}`, { headers: { authorization: `Bearer ${token}` } });
        const body = (await res.json()) as { children?: unknown[]; total?: { figures?: { ratings?: number } } };
        return { ms: performance.now() - t, status: res.status, children: body.children?.length ?? 0, ratings: body.total?.figures?.ratings ?? 0 };
      };
      const run = async (token: string, path: string, requests = 200, concurrency = 4) => {
        // Warm as many serverless-offline workers as will run at once (a cold one takes ~1 s).
        for (let i = 0; i < 3; i += 1) await Promise.all(Array.from({ length: concurrency }, () => get(token, path)));
        const out: Awaited<ReturnType<typeof get>>[] = [];
        let next = 0;
        await Promise.all(Array.from({ length: concurrency }, async () => {
          while (next < requests) {
            next += 1;
            out.push(await get(token, path));
          }
        }));
        const ms = out.map((r) => r.ms).sort((a, b) => a - b);
        return { requests, p50: quantile(ms, 0.5), p99: quantile(ms, 0.99), errors: out.filter((r) => r.status !== 200).length, children: out[0].children, ratings: out[0].ratings };
      };
      const stats = {
        city: await run(tokens.city, `/stats?areaCode=3501&period=${month}`),
        cityYear: await run(tokens.city, `/stats?areaCode=3501&period=${month.slice(0, 4)}`),
        district: await run(tokens.district, `/stats?areaCode=350102&period=${month}`),
        street: await run(tokens.street, `/stats?areaCode=350102100&period=${month}`),
        floor: await run(tokens.city, '/me'),
      };
      console.log(JSON.stringify({ consumer, stats }));
    } finally {
      await api.stop();
    }
  } finally {
    raw.destroy();
    await dynamo.stop();
  }
}

void main().catch((err) => {
  console.error(err);
  process.exit(1);
});
