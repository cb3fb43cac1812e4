// `npm run bench`: the figures the issues ask for, measured on this machine and written to
// tests/bench/results/latest.{json,md}. Benchmarks, not tests: nothing here passes or fails.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpus, totalmem, tmpdir } from 'node:os';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildWeapp, lambdaBundleSizes, packageProd, packageTripledRoutes, PACKAGE_3X_DIR, PACKAGE_DIR, weappPackageSizes } from '../../scripts/lib/sizes';
import { bin, freePort, ROOT } from '../../scripts/lib/processes';
import { localClient, startDynamoLocal } from '../../scripts/lib/dynamoLocal';
import { ensureTable } from '../../scripts/lib/table';
import { testEnvironment } from '../support/testConfig';
import { benchApiFor } from './api';
import { benchPlace, putAll, vacancyCards } from './cards';
import { makeIdNumber, registrationBody } from '../support/people';
import { BatchWriteCommand, DynamoDBDocumentClient, QueryCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { ulid } from 'ulid';
import { reviewQueueKeys } from '../../functions/src/db/entities';
import { haversineM, scoreMatch } from '@doorstep/shared';

const KiB = 1024;
const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
const median = (xs: number[]) => quantile([...xs].sort((a, b) => a - b), 0.5);

/**
 * A bundle's cold import beside its floor, measured in turns (floor, bundle, floor, bundle …) so
 * the machine's noise falls on both alike: the medians and their ratio.
 */
function coldImportBesideFloor(path: string, runs = 9): { ms: number; floorMs: number; ratio: number } {
  const once = (code: string) =>
    Number(
      execFileSync(process.execPath, ['-e', `const t=process.hrtime.bigint();${code};console.log(Number(process.hrtime.bigint()-t)/1e6)`], {
        cwd: ROOT,
        env: { ...process.env, NODE_PATH: join(ROOT, 'node_modules'), AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
        encoding: 'utf8',
      }).trim(),
    );
  const floor: number[] = [];
  const bundle: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    floor.push(once(`require('@aws-sdk/client-dynamodb');require('@aws-sdk/lib-dynamodb')`));
    bundle.push(once(`require(${JSON.stringify(path)})`));
  }
  const [ms, floorMs] = [median(bundle), median(floor)];
  return { ms, floorMs, ratio: ms / floorMs };
}

interface LoadFigures {
  clients: number;
  seconds: number;
  routes: number;
  startSeconds: number;
  requests: number;
  worked: number;
  refused: number;
  notFound: number;
  errors: number;
  statuses: Record<string, number>;
  p50: number;
  p99: number;
  p99By5s: number[];
  restRssBytes: number;
  peakRssBytes: number;
  peakRssByProgram: Record<string, number>;
  slowest: { route: string; p99: number }[];
}

const GiB = 1024 ** 3;
const loadRows = (load: LoadFigures) => [
  `| plain \`npm start\`, from the moment it says it is running: ${load.clients} clients in flight for ${load.seconds} s over every GET route (${load.routes}), each as the person who uses it | ${load.requests} answers: ${load.worked} did the route's work (2xx), ${load.refused} refusals (400/401/403/422), ${load.notFound} not found (no demo record for the id), **${load.errors} errors**; p50 ${load.p50.toFixed(0)} ms, **p99 ${load.p99.toFixed(0)} ms** (by 5 s: ${load.p99By5s.map((v) => (v / 1000).toFixed(1)).join(' / ')} s) | 0 errors, p99 ≤ 3 s |`,
  `| its process group's memory (start script, DynamoDB Local, serverless offline, esbuild): at rest / peak under that load | ${(load.restRssBytes / GiB).toFixed(2)} GiB / **${(load.peakRssBytes / GiB).toFixed(2)} GiB** (peaks: ${Object.entries(load.peakRssByProgram).map(([k, v]) => `${k} ${(v / GiB).toFixed(2)}`).join(', ')}); ready ${load.startSeconds.toFixed(0)} s after start | ≤ 2 GiB |`,
  `| the slowest routes at their own p99 in that run | ${load.slowest.map((r) => `${r.route} ${(r.p99 / 1000).toFixed(1)} s`).join('; ')} | — |`,
];

/** Plain npm start under 200 clients in flight for 30 s (tests/bench/load.ts). */
function loadFigures(): LoadFigures {
  const out = execFileSync(bin('tsx'), [join(ROOT, 'tests', 'bench', 'load.ts')], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' } });
  return JSON.parse(out.trim().split('\n').at(-1)!) as LoadFigures;
}

/** DynamoDB Local with the project's table, for one benchmark. */
async function benchTable(table: string) {
  const dynamo = await startDynamoLocal({ port: await freePort() });
  const client = localClient(dynamo.endpoint);
  await ensureTable(client, table);
  return { dynamo, client };
}

const benchApi = benchApiFor;

async function registrationLatency(clients = 20, putsPerClient = 25) {
  const table = 'bench-registration';
  const { dynamo, client } = await benchTable(table);
  client.destroy();
  const api = await benchApi(table, dynamo.endpoint);
  const { base } = api;
  try {
    const tokens = await Promise.all(
      Array.from({ length: clients }, async (_, i) => {
        return api.login({ openid: `bench-${i}` });
      }),
    );
    const put = (token: string, body: unknown) =>
      fetch(`${base}/me/jobseeker-registration`, { method: 'PUT', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify(body) });
    // Warm-up: the first registration of each client one at a time (a cold burst can time out in
    // serverless offline), then one concurrent round so offline has its 20 warm workers.
    for (const [i, token] of tokens.entries()) await put(token, registrationBody({ idNumber: makeIdNumber('1985-01-01', i) }));
    await Promise.all(tokens.map((token, i) => put(token, registrationBody({ idNumber: makeIdNumber('1985-01-01', i), phone: '13700000000' }))));
    const latencies: number[] = [];
    let errors = 0;
    const started = performance.now();
    await Promise.all(
      tokens.map(async (token, i) => {
        for (let n = 0; n < putsPerClient; n += 1) {
          // Every PUT changes the phone, so every one is a real write (version, audit event).
          const body = registrationBody({ idNumber: makeIdNumber('1985-01-01', i), phone: `139${String(i * 1000 + n).padStart(8, '0')}` });
          const t = performance.now();
          const res = await put(token, body);
          await res.arrayBuffer();
          latencies.push(performance.now() - t);
          if (res.status !== 200) errors += 1;
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    latencies.sort((a, b) => a - b);
    return { clients, requests: latencies.length, errors, p50: quantile(latencies, 0.5), p99: quantile(latencies, 0.99), perSecond: latencies.length / seconds };
  } finally {
    await api.stop();
    await dynamo.stop();
  }
}

/**
 * GET /staff/reviews for a street officer whose street has 10,000 pending applications (and a
 * neighbouring street as many more in the same city partition): latency over HTTP, and how many
 * items DynamoDB reads for one page.
 */
async function reviewQueueLatency(pending = 10_000, requests = 200, concurrency = 4) {
  const table = 'bench-reviews';
  const { dynamo, client } = await benchTable(table);
  const doc = DynamoDBDocumentClient.from(client);
  const item = (i: number, street: string) => {
    const reviewId = ulid();
    const r = {
      reviewId,
      type: 'employer',
      subjectId: ulid(),
      subjectName: `压测单位${i}`,
      areaCode: `${street}${String((i % 20) + 1).padStart(3, '0')}`,
      step: 'street',
      status: 'pending',
      createdAt: new Date(Date.UTC(2026, 0, 1) + i * 1000).toISOString(),
      version: 1,
      assisted: false,
    };
    return { pk: `REVIEW#${reviewId}`, sk: 'REVIEW', _et: 'Review', ...r, ...reviewQueueKeys(r) };
  };
  const all = [...Array.from({ length: pending }, (_, i) => item(i, '350102001')), ...Array.from({ length: pending }, (_, i) => item(i, '350102002'))];
  for (let i = 0; i < all.length; i += 25) {
    await doc.send(new BatchWriteCommand({ RequestItems: { [table]: all.slice(i, i + 25).map((Item) => ({ PutRequest: { Item } })) } }));
  }
  // The same key condition the service uses: items read (ScannedCount) against items returned.
  const page = await doc.send(
    new QueryCommand({
      TableName: table,
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :p AND begins_with(gsi1sk, :s)',
      ExpressionAttributeValues: { ':p': 'REVIEWQ#employer#street#pending#3501', ':s': '350102001' },
      Limit: 20,
    }),
  );
  client.destroy();
  const api = await benchApi(table, dynamo.endpoint);
  const { base } = api;
  try {
    const token = await api.login({ openid: 'bench-street', roles: ['staff'], level: 'street', areaCode: '350102001' });
    const get = async (cursor?: string) => {
      const res = await fetch(`${base}/staff/reviews?type=employer&limit=20${cursor ? `&cursor=${cursor}` : ''}`, { headers: { authorization: `Bearer ${token}` } });
      return { status: res.status, body: (await res.json()) as { items: unknown[]; nextCursor?: string } };
    };
    // Warm as many workers as there will be concurrent requests (offline starts one per request in flight).
    for (let round = 0; round < 3; round += 1) await Promise.all(Array.from({ length: concurrency }, () => get()));
    const latencies: number[] = [];
    let errors = 0;
    let cursor: string | undefined;
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        for (let n = 0; n < requests / concurrency; n += 1) {
          const t = performance.now();
          // Half first pages, half following the cursor deeper into the queue.
          const res = await get(n % 2 ? cursor : undefined);
          latencies.push(performance.now() - t);
          if (res.status !== 200 || res.body.items.length !== 20) errors += 1;
          cursor = res.body.nextCursor;
        }
      }),
    );
    latencies.sort((a, b) => a - b);
    return { pending, requests: latencies.length, errors, p50: quantile(latencies, 0.5), p99: quantile(latencies, 0.99), itemsRead: page.ScannedCount ?? 0, itemsReturned: page.Count ?? 0 };
  } finally {
    await api.stop();
    await dynamo.stop();
  }
}

/**
 * 附近的工作 over 100,000 published vacancies spread over 福州 (about 28 × 30 km, half of them in a
 * dense 6 × 6 km downtown): GET /vacancies/nearby for a 3-km circle at random points, sorted by
 * distance (the default) and by match; the cards read per query against those returned (the
 * service's own ring search, run in-process on the same table); a scan-and-filter baseline on
 * the same table; and the cost of one match score.
 */
async function nearbyLatency(count = 100_000, requests = 100, concurrency = 4) {
  const table = 'bench-nearby';
  const { dynamo, client } = await benchTable(table);
  const doc = DynamoDBDocumentClient.from(client);
  Object.assign(process.env, testEnvironment(table), { DYNAMODB_ENDPOINT: dynamo.endpoint });
  const { nearestCards } = await import('../../functions/src/vacancies/search');
  const vacancyCard = await vacancyCards();
  await putAll(doc, table, Array.from({ length: count }, (_, i) => vacancyCard(benchPlace(i))));

  // Cards read for a first page of 20 and the time taken, the way the service reads them.
  const centers = Array.from({ length: requests }, () => ({ lat: 26.0 + Math.random() * 0.15, lng: 119.2 + Math.random() * 0.2 }));
  let read = 0;
  let returned = 0;
  let maxRatio = 0;
  const serviceMs: number[] = [];
  for (const round of [0, 1]) {
    for (const c of centers) {
      const t = performance.now();
      const r = await nearestCards({ center: c, limitM: 3000, need: 21, accept: () => true });
      if (round === 0) continue; // the first round warms the code up
      serviceMs.push(performance.now() - t);
      read += r.read;
      returned += Math.min(20, r.page.length);
      maxRatio = Math.max(maxRatio, r.read / Math.max(1, Math.min(20, r.page.length)));
    }
  }
  serviceMs.sort((a, b) => a - b);

  // The baseline: scan everything and keep what is within 3 km, nearest 20.
  const scanStart = performance.now();
  const found: number[] = [];
  let key: Record<string, unknown> | undefined;
  do {
    const page = await doc.send(new ScanCommand({ TableName: table, ProjectionExpression: 'lat, lng, recruitUntil', ExclusiveStartKey: key }));
    for (const v of page.Items ?? []) {
      const d = haversineM(centers[0], v as { lat: number; lng: number });
      if (d <= 3000) found.push(d);
    }
    key = page.LastEvaluatedKey;
  } while (key);
  found.sort((a, b) => a - b).slice(0, 20);
  const scanMs = performance.now() - scanStart;
  client.destroy();

  const api = await benchApi(table, dynamo.endpoint);
  const { base } = api;
  try {
    const token = await api.login({ openid: 'bench-seeker' });
    const registration = registrationBody({
      idNumber: makeIdNumber('1980-05-17', 77),
      residence: { areaCode: '350102001001', address: '鼓东路 18 号', lat: 26.08, lng: 119.3 },
      intention: { occupations: ['收银员'], minMonthlySalaryFen: 350_000, maxDistanceKm: 3, shift: 'day' },
    });
    await fetch(`${base}/me/jobseeker-registration`, { method: 'PUT', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(registration) });
    const run = async (sort: 'distance' | 'match' | 'floor') => {
      // The floor: GET /me (the session and one GetItem) through the same stack, for comparison.
      const get = async (c: { lat: number; lng: number }) => {
        const url = sort === 'floor' ? `${base}/me` : `${base}/vacancies/nearby?lat=${c.lat}&lng=${c.lng}&radiusKm=3&limit=20&sort=${sort}`;
        const res = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
        const body = (await res.json()) as { items?: unknown[]; user?: unknown };
        return { status: res.status, body: sort === 'floor' ? { items: [body.user] } : body };
      };
      for (let round = 0; round < 3; round += 1) await Promise.all(centers.slice(0, concurrency).map(get));
      const latencies: number[] = [];
      let errors = 0;
      let next = 0;
      await Promise.all(
        Array.from({ length: concurrency }, async () => {
          while (next < centers.length) {
            const c = centers[next++];
            const t = performance.now();
            const res = await get(c);
            latencies.push(performance.now() - t);
            if (res.status !== 200 || !res.body.items?.length) {
              if (errors === 0) console.error(`nearby failed: ${res.status} ${JSON.stringify(res.body).slice(0, 500)}`);
              errors += 1;
            }
          }
        }),
      );
      latencies.sort((a, b) => a - b);
      return { p50: quantile(latencies, 0.5), p99: quantile(latencies, 0.99), errors, requests: latencies.length };
    };
    const floor = await run('floor');
    const byDistance = await run('distance');
    const byMatch = await run('match');

    // One match score, many times.
    const seeker = { age: 45, education: 'senior_high' as const, yearsOfExperience: 5, intention: { occupations: ['收银员'], minMonthlySalaryFen: 350_000, maxDistanceKm: 3, shift: 'day' as const } };
    const v = { title: '超市收银员', occupationName: '收银员', minEducation: 'junior_high' as const, salaryMinFen: 380_000, salaryMaxFen: 450_000, shift: 'day' as const };
    const n = 200_000;
    const t0 = performance.now();
    for (let i = 0; i < n; i += 1) scoreMatch(seeker, v, i % 5000);
    const scoreUs = ((performance.now() - t0) * 1000) / n;

    return {
      count,
      concurrency,
      requests: byDistance.requests,
      errors: byDistance.errors,
      p50: byDistance.p50,
      p99: byDistance.p99,
      match: byMatch,
      floor,
      service: { p50: quantile(serviceMs, 0.5), p99: quantile(serviceMs, 0.99) },
      readPerReturned: read / Math.max(1, returned),
      maxReadPerReturned: maxRatio,
      scanMs,
      scanVsP50: scanMs / byDistance.p50,
      scoreUs,
    };
  } finally {
    await api.stop();
    await dynamo.stop();
  }
}

interface VoucherFigures {
  redemption: {
    providers: number;
    requests: number;
    p50: number;
    p99: number;
    perSecond: number;
    errors: number;
    errorStatuses: Record<string, number>;
    health: { perSecond: number; p50: number; p99: number };
    transactionFloor: { perSecond: number; p50: number; p99: number };
  };
  writes: { perRedemptionRequest: number; perRedemptionStream: number; settleWritesPerVoucher: number; importWritesPerVoucher: number; settleStreamPerVoucher: number };
  settlement: { vouchers: number; amountFen: number; expectedFen: number; batches: number; lines: number; seconds: number; seedSeconds: number; chunk: number; itemsPerVoucher: number; floorItemsPerSecond: number; floorSeconds: number };
}

/** The voucher benchmarks, in a process of their own (tests/bench/vouchers.ts): its last line is the figures. */
function voucherFigures(): VoucherFigures {
  const out = execFileSync(bin('tsx'), [join(ROOT, 'tests', 'bench', 'vouchers.ts')], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' } });
  return JSON.parse(out.trim().split('\n').at(-1)!) as VoucherFigures;
}

interface TrainingFigures {
  signUp: { requests: number; p50: number; p99: number; max: number; statuses: Record<string, number>; seats: number; enrolled: number; waitlisted: number };
  booking: { requests: number; p50: number; p99: number; max: number; statuses: Record<string, number>; capacity: number; booked: number };
}

/** The training and interview benchmarks, in a process of their own (tests/bench/training.ts). */
function trainingFigures(): TrainingFigures {
  const out = execFileSync(bin('tsx'), [join(ROOT, 'tests', 'bench', 'training.ts')], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' } });
  return JSON.parse(out.trim().split('\n').at(-1)!) as TrainingFigures;
}

interface LatencyFigure {
  requests: number;
  p50: number;
  p99: number;
  errors: number;
  children: number;
  ratings: number;
}
interface StatsFigures {
  consumer: { events: number; seconds: number; perSecond: number; replayPerSecond: number; communities: number };
  stats: { city: LatencyFigure; cityYear: LatencyFigure; district: LatencyFigure; street: LatencyFigure; floor: LatencyFigure };
}

/** The figure benchmarks, in a process of their own (tests/bench/figures.ts). */
function statsFigures(): StatsFigures {
  const out = execFileSync(bin('tsx'), [join(ROOT, 'tests', 'bench', 'figures.ts')], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' } });
  return JSON.parse(out.trim().split('\n').at(-1)!) as StatsFigures;
}

interface ErasureFigures {
  people: number;
  recordsPerPerson: number;
  eraseMs: number;
  eraseMaxMs: number;
  floorMs: number;
  /** The same writes raw: the records it rewrote as plain updates, the ones it deleted in batches (issue 30). */
  sameWorkFloorMs: number;
}

/** Erasing one person's ~50 records beside raw batch deletes of as many items (tests/bench/erasure.ts). */
function erasureFigures(): ErasureFigures {
  const out = execFileSync(bin('tsx'), [join(ROOT, 'tests', 'bench', 'erasure.ts')], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' } });
  return JSON.parse(out.trim().split('\n').at(-1)!) as ErasureFigures;
}

const erasureRow = (e: ErasureFigures) =>
  `| erasing one closed account with ${e.recordsPerPerson} records (median of ${e.people} people, in-process on DynamoDB Local) / its floors: as many items deleted with raw BatchWriteItem; the same writes raw (its rewrites as plain UpdateItem, 16 in flight, its deletes in batches) | ${e.eraseMs.toFixed(0)} ms (slowest ${e.eraseMaxMs.toFixed(0)} ms) / ${e.floorMs.toFixed(0)} ms: ${(e.eraseMs / e.floorMs).toFixed(1)}×; / ${e.sameWorkFloorMs.toFixed(0)} ms: **${(e.eraseMs / e.sameWorkFloorMs).toFixed(2)}×** | ≤ 3× |`;
interface ProxyFigures {
  rounds: number;
  ownMs: number;
  proxyMs: number;
}

/** 亲情代办: a registration update by a family member beside the same update by the person (tests/bench/proxy.ts). */
function proxyFigures(): ProxyFigures {
  const out = execFileSync(bin('tsx'), [join(ROOT, 'tests', 'bench', 'proxy.ts')], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' } });
  return JSON.parse(out.trim().split('\n').at(-1)!) as ProxyFigures;
}

const proxyRow = (f: ProxyFigures) =>
  `| 亲情代办: a registration update by a family member acting for the person (binding read, 代办记录 written before and after) / its floor: the same update by the person (median of ${f.rounds} each, interleaved, in process on DynamoDB Local) | ${f.proxyMs.toFixed(1)} ms / ${f.ownMs.toFixed(1)} ms; ${(f.proxyMs / f.ownMs).toFixed(2)}× | — |`;
interface SessionFigures {
  rounds: number;
  health: { p50: number; p99: number };
  signedIn: { p50: number; p99: number };
  accountRead: { p50: number; p99: number };
}

/** Issue 18: what reading the caller's account on every signed-in request costs (tests/bench/session.ts). */
function sessionFigures(): SessionFigures {
  const out = execFileSync(bin('tsx'), [join(ROOT, 'tests', 'bench', 'session.ts')], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' } });
  return JSON.parse(out.trim().split('\n').at(-1)!) as SessionFigures;
}

interface PointsFigures {
  count: number;
  circles: number;
  perPage: number;
  points: { p50: number; p99: number };
  vacancies: { p50: number; p99: number };
}

/** 服务网点 near a place over 5,000 points, beside the vacancy search over as many cards (tests/bench/points.ts). */
function pointsFigures(): PointsFigures {
  const out = execFileSync(bin('tsx'), [join(ROOT, 'tests', 'bench', 'points.ts')], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' } });
  return JSON.parse(out.trim().split('\n').at(-1)!) as PointsFigures;
}

const pointsRow = (f: PointsFigures) =>
  `| 服务网点 near a place, 3 km, first page of 20 (${f.perPage.toFixed(1)} found on average), ${f.count.toLocaleString('en')} points in one city, ${f.circles} circles (in process, DynamoDB Local) / beside it, the vacancy search over ${f.count.toLocaleString('en')} cards at the same places, same circles, interleaved | p50 ${f.points.p50.toFixed(1)} ms, p99 ${f.points.p99.toFixed(1)} ms / p50 ${f.vacancies.p50.toFixed(1)} ms, p99 ${f.vacancies.p99.toFixed(1)} ms; p99 ${(f.points.p99 / f.vacancies.p99).toFixed(2)}× | p99 ≤ 100 ms |`;

interface PolicyMatchFigures {
  people: number;
  checked: number;
  matched: number;
  read: number;
  wallMs: number;
  floorMs: number;
  floorRead: number;
  messages: number;
  rawWorkMs: number;
  rawWritten: number;
}

/** One new policy matched against 100,000 registered people of a district (tests/bench/policyMatch.ts). */
function policyMatchFigures(): PolicyMatchFigures {
  const out = execFileSync(bin('tsx'), [join(ROOT, 'tests', 'bench', 'policyMatch.ts')], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' } });
  return JSON.parse(out.trim().split('\n').at(-1)!) as PolicyMatchFigures;
}

const policyMatchRow = (f: PolicyMatchFigures) =>
  `| 政策找人: one new policy of a district matched against its ${f.people.toLocaleString('en')} registered people (in process on DynamoDB Local, as the policy queue's worker runs it, ${f.messages} messages; ${f.matched.toLocaleString('en')} qualify, each written a match and a message) / floor 1: the same ${f.floorRead.toLocaleString('en')} facts cards read with raw paged Queries / floor 2: the same reads and the same ${f.rawWritten.toLocaleString('en')} writes done raw (25-item batches, 8 in flight) | ${(f.wallMs / 1000).toFixed(1)} s, ${f.read.toLocaleString('en')} items read / ${(f.floorMs / 1000).toFixed(1)} s; **${(f.wallMs / f.floorMs).toFixed(1)}×** / ${(f.rawWorkMs / 1000).toFixed(1)} s; **${(f.wallMs / f.rawWorkMs).toFixed(2)}×** | ≤ 2× |`;

interface LedgerFigures {
  people: number;
  rowsWritten: number;
  runs: number;
  list: Record<'first' | 'category' | 'status', { service: { p50: number; p99: number }; floor: { p50: number; p99: number } }>;
  import: { rows: number; good: number; applied: number; messages: number; previewMs: number; startMs: number; importMs: number; floorMs: number; floorItems: number; transactFloorMs: number; transactions: number };
}

/** 实名制台账: a street of 50,000 people, and a 10,000-row import (tests/bench/ledger.ts). */
function ledgerFigures(): LedgerFigures {
  const out = execFileSync(bin('tsx'), [join(ROOT, 'tests', 'bench', 'ledger.ts')], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' } });
  return JSON.parse(out.trim().split('\n').at(-1)!) as LedgerFigures;
}

const ledgerRows = (f: LedgerFigures) => {
  const row = (what: string, k: keyof LedgerFigures['list']) =>
    `| 实名制台账 of a street with ${f.people.toLocaleString('en')} people (${f.rowsWritten.toLocaleString('en')} rows), ${what}: the service (in process, DynamoDB Local) / its floor, a raw Query of the same 20 rows, interleaved, ${f.runs} each | p50 ${f.list[k].service.p50.toFixed(1)} ms, p99 ${f.list[k].service.p99.toFixed(1)} ms / p50 ${f.list[k].floor.p50.toFixed(1)} ms, p99 ${f.list[k].floor.p99.toFixed(1)} ms; p99 **${(f.list[k].service.p99 / f.list[k].floor.p99).toFixed(2)}×** | p99 ≤ 100 ms |`;
  return [
    row('first page (everyone)', 'first'),
    row('a category’s first page (就业困难人员)', 'category'),
    row('a category filtered by work status (登记失业 and 已就业: a third of the category)', 'status'),
    `| importing a ${f.import.rows.toLocaleString('en')}-row street ledger (CSV): preview / start (checks, encryption, ${f.import.messages} queue messages) / start to every row applied (the messages worked 4 at a time, each row conditional, rows grouped up to 25 items a transaction, 2 at a time per message) / floor 1: the same ${f.import.floorItems.toLocaleString('en')} items as raw 25-item batch writes, 8 in flight / floor 2: the same conditional transactions sent raw (${f.import.transactions.toLocaleString('en')} of ≤ 25 items, 8 in flight) | ${(f.import.previewMs / 1000).toFixed(1)} s / ${(f.import.startMs / 1000).toFixed(1)} s / **${(f.import.importMs / 1000).toFixed(1)} s** (${f.import.applied.toLocaleString('en')} applied) / ${(f.import.floorMs / 1000).toFixed(1)} s: ${(f.import.importMs / f.import.floorMs).toFixed(2)}× / ${(f.import.transactFloorMs / 1000).toFixed(1)} s: **${(f.import.importMs / f.import.transactFloorMs).toFixed(2)}×** | — |`,
  ];
};

interface SubsidyFigures {
  lines: number;
  messages: { publish: number; end: number; pay: number };
  publishedMs: number;
  endedMs: number;
  paidMs: number;
  totalMs: number;
  floorMs: number;
  floorTransactions: number;
  notice: { pages: number; service: { p50: number; p99: number }; floor: { p50: number; p99: number } };
}

/** 补贴: a district batch of 20,000 through notice, end and payment; the public notice's pages (tests/bench/subsidies.ts). */
function subsidyFigures(): SubsidyFigures {
  const out = execFileSync(bin('tsx'), [join(ROOT, 'tests', 'bench', 'subsidies.ts')], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' } });
  return JSON.parse(out.trim().split('\n').at(-1)!) as SubsidyFigures;
}

const subsidyRows = (f: SubsidyFigures) => [
  `| a district batch of ${f.lines.toLocaleString('en')} approved subsidy applications to a payout file (in process on DynamoDB Local, the subsidy queue worked 4 messages at a time): published (${f.messages.publish} messages) / ended (${f.messages.end}) / paid and the file written (${f.messages.pay}) / in all / floor: the same ${f.floorTransactions.toLocaleString('en')} conditional transactions sent raw, 8 in flight | ${(f.publishedMs / 1000).toFixed(1)} s / ${(f.endedMs / 1000).toFixed(1)} s / ${(f.paidMs / 1000).toFixed(1)} s / **${(f.totalMs / 1000).toFixed(1)} s** / ${(f.floorMs / 1000).toFixed(1)} s: **${(f.totalMs / f.floorMs).toFixed(2)}×** | — |`,
  `| 补贴公示 of ${f.lines.toLocaleString('en')} lines read page by page (${f.notice.pages} pages of 50, signed out): the service (in process) / its floor, a raw Query of the same page, interleaved | p50 ${f.notice.service.p50.toFixed(1)} ms, p99 ${f.notice.service.p99.toFixed(1)} ms / p50 ${f.notice.floor.p50.toFixed(1)} ms, p99 ${f.notice.floor.p99.toFixed(1)} ms; p99 **${(f.notice.service.p99 / f.notice.floor.p99).toFixed(2)}×** | p99 ≤ 100 ms |`,
];

interface CheckinFigures {
  people: number;
  scanners: number;
  errors: number;
  checkins: { p50: number; p99: number; perSecond: number };
  floor: { p50: number; p99: number; perSecond: number };
}

/** 招聘会: 1,000 check-ins from 20 scanners at once on the local stack (tests/bench/checkin.ts). */
function checkinFigures(): CheckinFigures {
  const out = execFileSync(bin('tsx'), [join(ROOT, 'tests', 'bench', 'checkin.ts')], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, OFFLINE_IN_PROCESS: 'true', AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
  });
  return JSON.parse(out.trim().split('\n').at(-1)!) as CheckinFigures;
}

const checkinRow = (f: CheckinFigures) =>
  `| 招聘会 check-in at one gate: ${f.people.toLocaleString('en')} signed codes posted by ${f.scanners} scanners at once (serverless offline in process over DynamoDB Local) / its floor: GET /health, same stack, same concurrency | p50 ${f.checkins.p50.toFixed(0)} ms, p99 ${f.checkins.p99.toFixed(0)} ms, ${f.checkins.perSecond.toFixed(0)}/s, ${f.errors} errors / p50 ${f.floor.p50.toFixed(0)} ms, p99 ${f.floor.p99.toFixed(0)} ms, ${f.floor.perSecond.toFixed(0)}/s; p99 ${(f.checkins.p99 / f.floor.p99).toFixed(2)}× | 0 errors |`;

interface GigFigures {
  count: number;
  circles: number;
  perPage: number;
  gigs: { p50: number; p99: number };
  vacancies: { p50: number; p99: number };
  take: { taps: number; errors: number; p50: number; p99: number; perSecond: number };
  floor: { errors: number; p50: number; p99: number; perSecond: number };
}

/** 零工: nearby over 50,000 open jobs beside the vacancy search; 100 taps at once on one job beside raw transactions (tests/bench/gigs.ts). */
function gigFigures(): GigFigures {
  const out = execFileSync(bin('tsx'), [join(ROOT, 'tests', 'bench', 'gigs.ts')], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' } });
  return JSON.parse(out.trim().split('\n').at(-1)!) as GigFigures;
}

const gigRows = (f: GigFigures) => [
  `| 零工 near a place, 3 km, first page of 20 (${f.perPage.toFixed(1)} found on average), ${f.count.toLocaleString('en')} open jobs in one city, ${f.circles} circles (in process, DynamoDB Local) / beside it, the vacancy search over ${f.count.toLocaleString('en')} cards at the same places, same circles, interleaved | p50 ${f.gigs.p50.toFixed(1)} ms, p99 ${f.gigs.p99.toFixed(1)} ms / p50 ${f.vacancies.p50.toFixed(1)} ms, p99 ${f.vacancies.p99.toFixed(1)} ms; p99 ${(f.gigs.p99 / f.vacancies.p99).toFixed(2)}× | p99 ≤ 100 ms |`,
  `| 我来做: ${f.take.taps} workers at once on one job with ${f.take.taps} places (in process, DynamoDB Local; each take three reads, then one transaction of 15 items: the job's count, its card, the take, 12 quarter-hours) / its floor: ${f.take.taps} raw 15-item transactions at once, a conditional count on one item and 14 puts each | p50 ${f.take.p50.toFixed(0)} ms, p99 ${f.take.p99.toFixed(0)} ms, ${f.take.perSecond.toFixed(0)} takes/s, ${f.take.errors} refused / p50 ${f.floor.p50.toFixed(0)} ms, p99 ${f.floor.p99.toFixed(0)} ms, ${f.floor.perSecond.toFixed(0)}/s, ${f.floor.errors} failed; ${(f.floor.perSecond / f.take.perSecond).toFixed(1)}× slower than the floor | 0 refused |`,
];

const ms = (f: { p50: number; p99: number }) => `p50 ${f.p50.toFixed(1)} ms, p99 ${f.p99.toFixed(1)} ms`;
const sessionRows = (f: SessionFigures) => [
  `| the account read every signed-in request makes (a consistent GetItem on DynamoDB Local, in process; ${f.rounds} rounds) — what the immediate-revocation check adds | ${ms(f.accountRead)} | one read per request |`,
  `| beside it, over HTTP (serverless offline, in process): \`GET /health\` (no account) / a signed-in \`GET /me/consents\` (the account read, then the consents read) | ${ms(f.health)} / ${ms(f.signedIn)} | — |`,
];
const weappRow = (weapp: { main: number; total: number }) => `| weapp main package | ${(weapp.main / KiB).toFixed(1)} KiB (total ${(weapp.total / KiB).toFixed(1)} KiB) | ≤ 600 KB (WeChat limit 2 MB) |`;

interface NpmTestFigures {
  seconds: number;
  result: string;
  /** Per tier and per shared server, from the time table `npm test` prints before its last line. */
  rows: Array<{ name: string; suites?: number; passed?: number; failed?: number; seconds: number }>;
}

/** `npm test` as a developer runs it, timed from outside, with its own per-tier table. */
function npmTestFigures(): NpmTestFigures {
  const t = Date.now();
  const test = spawnSync('npm', ['test'], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, CI: '1' } });
  const seconds = (Date.now() - t) / 1000;
  const lines = (test.stdout ?? '').trim().split('\n');
  const rows: NpmTestFigures['rows'] = [];
  for (const line of lines) {
    const tier = /^(unit|components|data|api|e2e|build)\s+(\d+)\s+(\d+)\s+(\d+)\s+(\d+) s$/.exec(line);
    if (tier) rows.push({ name: tier[1], suites: Number(tier[2]), passed: Number(tier[3]), failed: Number(tier[4]), seconds: Number(tier[5]) });
    const shared = /^shared: (.+?)\s+(\d+) s$/.exec(line);
    if (shared) rows.push({ name: `start ${shared[1]}`, seconds: Number(shared[2]) });
  }
  return { seconds, result: lines.at(-1) ?? '', rows };
}

function npmTestRows(f: NpmTestFigures): string[] {
  return [
    `| \`npm test\` wall time | ${f.seconds.toFixed(0)} s (${f.result}) | ≤ 15 min |`,
    ...f.rows.map((r) => `| \`npm test\`: ${r.suites === undefined ? r.name : `tier ${r.name} (${r.suites} suites, ${r.passed} passed, ${r.failed} failed)`} | ${r.seconds} s | — |`),
  ];
}

/** Issue 30's figures (BENCH_ONLY=room). */
async function roomRows(): Promise<string[]> {
  console.log('• serverless package --stage prod, and a copy with three times the routes');
  packageProd();
  const resourcesOf = (dir: string) => {
    const t = JSON.parse(readFileSync(join(dir, 'cloudformation-template-update-stack.json'), 'utf8')) as { Resources: Record<string, { Type: string }> };
    return { all: Object.keys(t.Resources).length, functions: Object.values(t.Resources).filter((r) => r.Type === 'AWS::Lambda::Function').length };
  };
  const prod = resourcesOf(PACKAGE_DIR);
  const tripledRoutes = packageTripledRoutes();
  const tripled = resourcesOf(PACKAGE_3X_DIR);
  console.log('• every bundle: its size and its cold import beside the bare DynamoDB clients');
  const bundles = lambdaBundleSizes();
  const imports: Record<string, { ms: number; floorMs: number; ratio: number }> = {};
  for (const name of Object.keys(bundles).sort()) {
    const dir = mkdtempSync(join(tmpdir(), `bundle-${name}-`));
    execFileSync('unzip', ['-q', '-o', join(PACKAGE_DIR, `${name}.zip`), '-d', dir]);
    const file = (readdirSync(join(dir, 'functions', 'src'), { recursive: true }) as string[]).find((f) => f.endsWith('.js'))!;
    imports[name] = coldImportBesideFloor(join(dir, 'functions', 'src', file));
  }
  const ratios = Object.values(imports).map((i) => i.ratio).sort((a, b) => a - b);
  const sizes = Object.values(bundles).sort((a, b) => a - b);
  console.log('• plain npm start under 200 clients');
  const load = loadFigures();
  console.log('• 政策找人 on its queue, 100,000 people');
  const policy = policyMatchFigures();
  return [
    `| prod template: resources / functions (one stack) | ${prod.all} / ${prod.functions}; no resource per route | < 250 |`,
    `| a copy with three times the routes (${tripledRoutes} declared) | ${tripled.all} resources | < 300, flat in routes |`,
    `| Lambda bundles: smallest / median / largest | ${(sizes[0] / 1000).toFixed(1)} / ${(median(sizes) / 1000).toFixed(1)} / ${(sizes.at(-1)! / 1000).toFixed(1)} KB | ≤ 300 KB |`,
    `| cold import ÷ the bare DynamoDB clients' import, measured in turns beside it: best / median / worst | ${ratios[0].toFixed(2)}× / ${median(ratios).toFixed(2)}× / ${ratios.at(-1)!.toFixed(2)}× | ≤ 1.5× (aim 1.3×) |`,
    ...Object.keys(bundles)
      .sort()
      .map((n) => `| Lambda \`${n}\`: bundle / cold import / its floor | ${(bundles[n] / 1000).toFixed(1)} KB / ${imports[n].ms.toFixed(0)} ms / ${imports[n].floorMs.toFixed(0)} ms: **${imports[n].ratio.toFixed(2)}×** | ≤ 300 KB / ≤ 1.5× |`),
    ...loadRows(load),
    policyMatchRow(policy),
  ];
}

async function main() {
  const machine = `${cpus().length} × ${cpus()[0]?.model.trim()}, ${Math.round(totalmem() / 1024 ** 3)} GiB, Node ${process.version}`;
  console.log(`Machine: ${machine}`);

  if (process.env.BENCH_ONLY === 'npm-test') {
    const f = npmTestFigures();
    const md = [`Measured ${new Date().toISOString().slice(0, 10)} on ${machine}.`, '', '| figure | value | goal |', '|---|---|---|', ...npmTestRows(f)].join('\n');
    const dir = join(ROOT, 'tests', 'bench', 'results');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'npm-test.md'), `${md}\n`);
    console.log(`\n${md}`);
    return;
  }
  if (process.env.BENCH_ONLY === 'vouchers') {
    console.log(voucherFigures());
    return;
  }
  if (process.env.BENCH_ONLY === 'training') {
    console.log(trainingFigures());
    return;
  }
  if (process.env.BENCH_ONLY === 'figures') {
    console.log(JSON.stringify(statsFigures(), null, 2));
    return;
  }
  if (process.env.BENCH_ONLY === 'erasure') {
    // The issue-17 figures on their own: erasure beside its floor, a proxy's write beside the person's, and the main package.
    buildWeapp();
    console.log([erasureRow(erasureFigures()), proxyRow(proxyFigures()), weappRow(weappPackageSizes())].join('\n'));
    return;
  }
  if (process.env.BENCH_ONLY === 'staff') {
    // The issue-18 figures on their own: the cost of the account read that makes revocation immediate.
    console.log(sessionRows(sessionFigures()).join('\n'));
    return;
  }
  if (process.env.BENCH_ONLY === 'points') {
    // The issue-19 figures on their own.
    console.log([pointsRow(pointsFigures()), policyMatchRow(policyMatchFigures())].join('\n'));
    return;
  }
  if (process.env.BENCH_ONLY === 'fairs') {
    // The issue-20 figure on its own.
    console.log(checkinRow(checkinFigures()));
    return;
  }
  if (process.env.BENCH_ONLY === 'gigs') {
    // The issue-21 figures on their own.
    console.log(gigRows(gigFigures()).join('\n'));
    return;
  }
  if (process.env.BENCH_ONLY === 'load') {
    console.log(loadRows(loadFigures()).join('\n'));
    return;
  }
  if (process.env.BENCH_ONLY === 'room') {
    // Issue 30's figures: the template, the 3× copy, every bundle's cold import beside its floor,
    // plain npm start under load, the policy match on its queue. Written to results/room.md.
    const rows = await roomRows();
    const md = [`Measured ${new Date().toISOString().slice(0, 10)} on ${machine}.`, '', '| figure | value | goal |', '|---|---|---|', ...rows].join('\n');
    mkdirSync(join(__dirname, 'results'), { recursive: true });
    writeFileSync(join(__dirname, 'results', 'room.md'), `${md}\n`);
    console.log(md);
    return;
  }
  if (process.env.BENCH_ONLY === 'ledger') {
    console.log(ledgerRows(ledgerFigures()).join('\n'));
    return;
  }
  if (process.env.BENCH_ONLY === 'subsidies') {
    console.log(subsidyRows(subsidyFigures()).join('\n'));
    return;
  }
  if (process.env.BENCH_ONLY === 'nearby') {
    // Tuning aid: just this benchmark, printed, nothing written.
    console.log(await nearbyLatency());
    return;
  }

  console.log('• weapp build');
  buildWeapp();
  const weapp = weappPackageSizes();

  console.log('• serverless package --stage prod');
  packageProd();
  const bundles = lambdaBundleSizes();
  const imports: Record<string, { ms: number; floorMs: number; ratio: number }> = {};
  for (const name of Object.keys(bundles)) {
    const dir = mkdtempSync(join(tmpdir(), `bundle-${name}-`));
    execFileSync('unzip', ['-q', '-o', join(PACKAGE_DIR, `${name}.zip`), '-d', dir]);
    // The bundle is the one .js file under functions/src (at whatever depth its handler lives).
    const file = (readdirSync(join(dir, 'functions', 'src'), { recursive: true }) as string[]).find((f) => f.endsWith('.js'))!;
    imports[name] = coldImportBesideFloor(join(dir, 'functions', 'src', file));
  }
  const template = JSON.parse(readFileSync(join(PACKAGE_DIR, 'cloudformation-template-update-stack.json'), 'utf8')) as { Resources: Record<string, { Type: string }> };
  const resources = Object.keys(template.Resources).length;
  const functionCount = Object.values(template.Resources).filter((r) => r.Type === 'AWS::Lambda::Function').length;
  const bundleSizes = Object.values(bundles).sort((a, b) => a - b);
  const ratios = Object.values(imports).map((i) => i.ratio).sort((a, b) => a - b);

  console.log('• the local stack under 200 concurrent requests for a minute');
  const load = loadFigures();

  console.log('• registration PUT latency, 20 concurrent clients');
  const latency = await registrationLatency();

  console.log('• review queue, a street with 10,000 pending');
  const queue = await reviewQueueLatency();

  console.log('• nearby search over 100,000 vacancies');
  const nearby = await nearbyLatency();

  console.log('• vouchers: redemption with 50 providers, items written, settlement of 100,000');
  const vouchers = voucherFigures();

  console.log('• training sign-up with 200 at once, interview booking with 50 at once');
  const training = trainingFigures();

  console.log('• figures: the stream consumer, GET /stats for a city of 1,000 communities');
  const figures = statsFigures();

  console.log('• erasing a closed account of 50 records');
  const erasure = erasureFigures();
  const proxy = proxyFigures();
  const session = sessionFigures();

  console.log('• service points near a place, 5,000 in a city');
  const points = pointsFigures();
  const policyMatch = policyMatchFigures();
  console.log('• 实名制台账: a street of 50,000 people; a 10,000-row import');
  const ledger = ledgerFigures();
  console.log('• 补贴: a district batch of 20,000 through notice and payment; the notice page by page');
  const subsidies = subsidyFigures();
  console.log('• job fair check-in, 1,000 from 20 scanners');
  const checkin = checkinFigures();
  console.log('• 零工 near a place over 50,000 jobs; 100 taps on one job');
  const gigs = gigFigures();

  console.log('• npm test wall time, per tier');
  const npmTest = npmTestFigures();

  const results = { date: new Date().toISOString(), machine, weapp, resources, functionCount, bundles, coldImport: imports, load, registrationPut: latency, reviewQueue: queue, nearby, vouchers, training, figures, erasure, proxy, session, points, policyMatch, ledger, subsidies, checkin, gigs, npmTest };
  const md = [
    `Measured ${results.date.slice(0, 10)} on ${machine}.`,
    '',
    '| figure | value | goal |',
    '|---|---|---|',
    weappRow(weapp),
    `| prod template: resources / functions | ${resources} / ${functionCount} | < 250 (CloudFormation refuses 500) |`,
    `| Lambda bundles: largest / median | ${(bundleSizes.at(-1)! / 1000).toFixed(1)} KB / ${(median(bundleSizes) / 1000).toFixed(1)} KB | ≤ 300 KB |`,
    `| cold import ÷ the bare DynamoDB clients' import, measured in turns beside it: best / median / worst | ${ratios[0].toFixed(2)}× / ${median(ratios).toFixed(2)}× / ${ratios.at(-1)!.toFixed(2)}× | ≤ 1.5× (aim 1.3×) |`,
    ...Object.keys(bundles)
      .sort()
      .map((n) => `| Lambda \`${n}\`: bundle / cold import / its floor | ${(bundles[n] / 1000).toFixed(1)} KB / ${imports[n].ms.toFixed(0)} ms / ${imports[n].floorMs.toFixed(0)} ms: ${imports[n].ratio.toFixed(2)}× | ≤ 300 KB / ≤ 1.5× |`),
    ...loadRows(load),
    `| registration PUT, ${latency.clients} concurrent clients, ${latency.requests} requests | p50 ${latency.p50.toFixed(0)} ms, p99 ${latency.p99.toFixed(0)} ms, ${latency.perSecond.toFixed(0)} req/s, ${latency.errors} errors | — |`,
    `| GET /staff/reviews, street with ${queue.pending} pending (+${queue.pending} next door), ${queue.requests} requests | p50 ${queue.p50.toFixed(0)} ms, p99 ${queue.p99.toFixed(0)} ms, ${queue.errors} errors; items read per page of ${queue.itemsReturned}: ${queue.itemsRead} | — |`,
    `| GET /vacancies/nearby, 3 km, ${nearby.count} published vacancies in one city, ${nearby.requests} requests, ${nearby.concurrency} at a time | p50 ${nearby.p50.toFixed(0)} ms, p99 ${nearby.p99.toFixed(0)} ms, ${nearby.errors} errors | p99 ≤ 100 ms |`,
    `| nearby: the ring search itself (in-process, DynamoDB Local, one at a time), ${nearby.requests} circles | p50 ${nearby.service.p50.toFixed(0)} ms, p99 ${nearby.service.p99.toFixed(0)} ms | p99 ≤ 100 ms |`,
    `| the local stack's floor: GET /me (session + one GetItem), same concurrency | p50 ${nearby.floor.p50.toFixed(0)} ms, p99 ${nearby.floor.p99.toFixed(0)} ms | — |`,
    `| nearby, sorted by match (the nearest 400 scored), same requests | p50 ${nearby.match.p50.toFixed(0)} ms, p99 ${nearby.match.p99.toFixed(0)} ms, ${nearby.match.errors} errors | — |`,
    `| nearby: cards read per item returned, first page of 20, ${nearby.requests} circles | ${nearby.readPerReturned.toFixed(2)}× on average, ${nearby.maxReadPerReturned.toFixed(2)}× at worst | ≤ 3× |`,
    `| nearby: scan-and-filter baseline (same table, one circle) | ${nearby.scanMs.toFixed(0)} ms, ${nearby.scanVsP50.toFixed(0)}× the p50 | — |`,
    `| match score, one candidate | ${nearby.scoreUs.toFixed(2)} µs | — |`,
    `| POST /vouchers/redeem, ${vouchers.redemption.providers} providers at once, ${vouchers.redemption.requests} redemptions of different vouchers | p50 ${vouchers.redemption.p50.toFixed(0)} ms, p99 ${vouchers.redemption.p99.toFixed(0)} ms, ${vouchers.redemption.perSecond.toFixed(1)} redemptions/s, ${vouchers.redemption.errors} errors | — |`,
    `| the same run's floors at the same concurrency: GET /health through the stack / the redemption's 5-item transaction straight on DynamoDB Local | ${vouchers.redemption.health.perSecond.toFixed(1)}/s (p99 ${vouchers.redemption.health.p99.toFixed(0)} ms) / ${vouchers.redemption.transactionFloor.perSecond.toFixed(1)}/s (p99 ${vouchers.redemption.transactionFloor.p99.toFixed(0)} ms); redemption at ${(vouchers.redemption.perSecond / vouchers.redemption.transactionFloor.perSecond).toFixed(2)}× the transaction floor | — |`,
    `| items written per redemption: its transaction (with its queue entry) / the stream after it | ${vouchers.writes.perRedemptionRequest} / ${vouchers.writes.perRedemptionStream} | — |`,
    `| items written per settled voucher: settlement run / bank result / the stream | ${vouchers.writes.settleWritesPerVoucher.toFixed(2)} / ${vouchers.writes.importWritesPerVoucher.toFixed(1)} / ${vouchers.writes.settleStreamPerVoucher} | — |`,
    `| settlement run over ${vouchers.settlement.vouchers} redeemed vouchers (${vouchers.settlement.lines} payees, one programme; POST answers at once, the worker does it) | ${vouchers.settlement.seconds.toFixed(0)} s, ${vouchers.settlement.batches} batch, ${vouchers.settlement.lines} payout lines, ${vouchers.settlement.amountFen} fen of ${vouchers.settlement.expectedFen} | — |`,
    `| its floor: ${vouchers.settlement.itemsPerVoucher.toFixed(2)} items per voucher in 100-item transactions of conditional puts on the same DynamoDB Local (${vouchers.settlement.floorItemsPerSecond.toFixed(0)} items/s) | ${vouchers.settlement.floorSeconds.toFixed(0)} s; the run took ${(vouchers.settlement.seconds / vouchers.settlement.floorSeconds).toFixed(2)}× the floor | ≤ 1.5× |`,
    `| POST /courses/{id}/enrolments, ${training.signUp.requests} people at once for ${training.signUp.seats} seats | p50 ${training.signUp.p50.toFixed(0)} ms, p99 ${training.signUp.p99.toFixed(0)} ms (max ${training.signUp.max.toFixed(0)}); ${training.signUp.enrolled} enrolled, ${training.signUp.waitlisted} waitlisted; statuses ${JSON.stringify(training.signUp.statuses)} | — |`,
    `| POST /interview-slots/{id}/bookings, ${training.booking.requests} people at once for a one-person slot | p50 ${training.booking.p50.toFixed(0)} ms, p99 ${training.booking.p99.toFixed(0)} ms (max ${training.booking.max.toFixed(0)}); ${training.booking.booked} booked; statuses ${JSON.stringify(training.booking.statuses)} | — |`,
    `| figures: the stream consumer counting ${figures.consumer.events} events over ${figures.consumer.communities} communities (in-process, batches of 50, one shard) | ${figures.consumer.perSecond.toFixed(0)} events/s (${figures.consumer.seconds.toFixed(1)} s); a redelivered batch ${figures.consumer.replayPerSecond.toFixed(0)} records/s | — |`,
    `| GET /stats, a city with ${figures.consumer.communities} communities, this month, ${figures.stats.city.requests} requests 4 at a time | p50 ${figures.stats.city.p50.toFixed(0)} ms, p99 ${figures.stats.city.p99.toFixed(0)} ms, ${figures.stats.city.errors} errors (${figures.stats.city.children} districts listed) | — |`,
    `| GET /stats, the same city, the whole year | p50 ${figures.stats.cityYear.p50.toFixed(0)} ms, p99 ${figures.stats.cityYear.p99.toFixed(0)} ms, ${figures.stats.cityYear.errors} errors | — |`,
    `| GET /stats, its district (${figures.stats.district.children} streets) / one street (${figures.stats.street.children} communities) | p99 ${figures.stats.district.p99.toFixed(0)} ms / ${figures.stats.street.p99.toFixed(0)} ms | — |`,
    `| the local stack's floor then: GET /me, same concurrency | p50 ${figures.stats.floor.p50.toFixed(0)} ms, p99 ${figures.stats.floor.p99.toFixed(0)} ms | — |`,
    erasureRow(erasure),
    proxyRow(proxy),
    ...sessionRows(session),
    pointsRow(points),
    policyMatchRow(policyMatch),
    ...ledgerRows(ledger),
    ...subsidyRows(subsidies),
    checkinRow(checkin),
    ...gigRows(gigs),
    ...npmTestRows(npmTest),
  ].join('\n');
  const dir = join(ROOT, 'tests', 'bench', 'results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'latest.json'), `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync(join(dir, 'latest.md'), `${md}\n`);
  console.log(`\n${md}`);
}

void main().catch((err) => {
  console.error(err);
  process.exit(1);
});
