// The local stack under load for `npm run bench` (issue 15), in a process of its own: 200
// concurrent clients for a minute, each request to the next of every route (all of them, by
// their contracts, with no token or a made-up id: what the stack must answer is a clear 4xx, never
// a crash), against `serverless offline` on 127.0.0.1 only. Measures errors (5xx or no answer),
// p99 and the peak memory of the serverless offline process tree. Prints one JSON line last.
import { execFileSync } from 'node:child_process';
import { allContracts } from '@doorstep/shared';
import { freePort } from '../../scripts/lib/processes';
import { localClient, startDynamoLocal } from '../../scripts/lib/dynamoLocal';
import { ensureTable } from '../../scripts/lib/table';
import { benchApiFor } from './api';

const CLIENTS = Number(process.env.LOAD_CLIENTS ?? 200);
const SECONDS = Number(process.env.LOAD_SECONDS ?? 60);
const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];

/** Resident memory of a process and all its descendants, in bytes (Linux `ps`). */
function treeRss(root: number): number {
  const rows = execFileSync('ps', ['-eo', 'pid=,ppid=,rss='], { encoding: 'utf8' })
    .trim()
    .split('\n')
    .map((l) => l.trim().split(/\s+/).map(Number));
  const inTree = new Set([root]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const [pid, ppid] of rows) if (inTree.has(ppid) && !inTree.has(pid)) (inTree.add(pid), (grew = true));
  }
  return rows.filter(([pid]) => inTree.has(pid)).reduce((n, [, , rss]) => n + rss * 1024, 0);
}

async function main() {
  const table = 'bench-load';
  const dynamo = await startDynamoLocal({ port: await freePort() });
  const raw = localClient(dynamo.endpoint);
  await ensureTable(raw, table);
  process.env.OFFLINE_IN_PROCESS = 'true';
  const api = await benchApiFor(table, dynamo.endpoint);
  const routes = allContracts.map((c) => ({ method: c.method, path: c.path.replace(/\{[^}]+\}/g, '01K0NOTHING0000000000000AA'), body: c.body ? '{}' : undefined }));
  const call = (r: (typeof routes)[number]) =>
    fetch(`${api.base}${r.path}`, { method: r.method, headers: { 'content-type': 'application/json' }, body: r.body, signal: AbortSignal.timeout(30_000) });
  try {
    // Warm-up: every route once, four at a time (what the API suites do).
    for (let i = 0; i < routes.length; i += 4) await Promise.all(routes.slice(i, i + 4).map((r) => call(r).then((res) => res.arrayBuffer())));
    let peakRss = treeRss(api.pid);
    const sampler = setInterval(() => (peakRss = Math.max(peakRss, treeRss(api.pid))), 500);
    const latencies: number[] = [];
    const statuses: Record<string, number> = {};
    let errors = 0;
    let next = 0;
    const until = Date.now() + SECONDS * 1000;
    await Promise.all(
      Array.from({ length: CLIENTS }, async () => {
        while (Date.now() < until) {
          const r = routes[next++ % routes.length];
          const t = performance.now();
          try {
            const res = await call(r);
            await res.arrayBuffer();
            statuses[res.status] = (statuses[res.status] ?? 0) + 1;
            if (res.status >= 500) errors += 1;
          } catch {
            statuses.none = (statuses.none ?? 0) + 1;
            errors += 1;
          }
          latencies.push(performance.now() - t);
        }
      }),
    );
    clearInterval(sampler);
    latencies.sort((a, b) => a - b);
    const alive = (await fetch(`${api.base}/health`).then((r) => r.status).catch(() => 0)) === 200;
    console.log(JSON.stringify({ clients: CLIENTS, seconds: SECONDS, routes: routes.length, requests: latencies.length, errors, statuses, p50: quantile(latencies, 0.5), p99: quantile(latencies, 0.99), peakRssBytes: peakRss, aliveAfter: alive }));
  } finally {
    await api.stop();
    raw.destroy();
    await dynamo.stop();
  }
}

void main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
