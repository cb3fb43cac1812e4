// Plain `npm start` under load, for `npm run bench` (issue 30), in a process of its own: the whole
// local stack started as a newcomer starts it (its own data folder and ports, the last H5 build
// reused), and from the moment it says it is running, 200 clients in flight for 30 s over every GET
// route of the contracts — each as the person who uses it (a job seeker, the approved employer who
// is also a provider, street staff, the district's administrator, finance, or nobody for a public
// route), with the demo data's real ids where a route names a record. Counts the answers that did
// the route's work (2xx) apart from refusals (400/401/403/422), records not found (404) and errors
// (5xx or no answer); p50/p99; and the peak memory of all the stack's processes together (its
// process group: the start script, DynamoDB Local's JVM, serverless offline, esbuild). Loopback only.
// Prints one JSON line last.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { allContracts, type Contract } from '@doorstep/shared';
import { freePort, ROOT } from '../../scripts/lib/processes';

const CLIENTS = Number(process.env.LOAD_CLIENTS ?? 200);
const SECONDS = Number(process.env.LOAD_SECONDS ?? 30);
const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
// 鼓东街道, 福州市鼓楼区: where the demo data lives.
const HOME = { lat: '26.0845', lng: '119.2962' };

/** Resident memory of every process in a process group, in bytes (Linux `ps`), in all and by program. */
function groupRss(pgid: number): { total: number; byProgram: Record<string, number> } {
  const rows = execFileSync('ps', ['-eo', 'pgid=,rss=,args='], { encoding: 'utf8' })
    .trim()
    .split('\n')
    .map((l) => /^\s*(\d+)\s+(\d+)\s+(.*)$/.exec(l))
    .filter((m): m is RegExpExecArray => Boolean(m) && Number(m![1]) === pgid);
  const byProgram: Record<string, number> = {};
  for (const m of rows) {
    const args = m[3];
    const name = /esbuild/.test(args) ? 'esbuild' : /java/.test(args) ? 'DynamoDB Local' : /serverless offline/.test(args) ? 'serverless offline' : /start\.ts/.test(args) ? 'start script' : 'other';
    byProgram[name] = (byProgram[name] ?? 0) + Number(m[2]) * 1024;
  }
  return { total: Object.values(byProgram).reduce((a, b) => a + b, 0), byProgram };
}

type Who = 'seeker' | 'employer' | 'staff' | 'admin' | 'finance';
const OPENIDS: Record<Who, string> = {
  seeker: 'demo-seeker',
  employer: 'demo-employer-approved',
  staff: 'demo-street-staff',
  admin: 'demo-district-staff',
  finance: 'demo-finance',
};

/** The person who uses a route: its first role we have, or nobody for a public route. */
function whoCalls(c: Contract): Who | undefined {
  if (c.auth === 'public') return undefined;
  if (c.auth === 'user') return 'seeker';
  const roles = c.auth as readonly string[];
  if (roles.includes('jobseeker')) return 'seeker';
  if (roles.includes('staff')) return 'staff';
  if (roles.includes('employer') || roles.includes('provider')) return 'employer';
  if (roles.includes('finance')) return 'finance';
  return 'admin';
}

/** Queries a route needs, by name (the contracts that require one). */
const QUERY: Record<string, Record<string, string>> = {
  '/vacancies/nearby': HOME,
  '/courses/nearby': HOME,
  '/service-points/nearby': HOME,
  '/gigs/nearby': HOME,
  '/staff/training-needs': { areaCode: '350102001' },
  '/staff/reviews': { type: 'unemployment' },
  '/policies': { areaCode: '350102001' },
  '/fairs': { areaCode: '3501' },
  '/staff/questions/topics': { month: new Date().toISOString().slice(0, 7) },
};

async function main() {
  const dataDir = mkdtempSync(join(tmpdir(), 'doorstep-load-'));
  const [api, lambda, h5, dynamo] = [await freePort(), await freePort(), await freePort(), await freePort()];
  const base = `http://127.0.0.1:${api}`;
  const started = Date.now();
  // Its own process group, as a terminal gives `npm start`: the group is what is measured and stopped.
  const stack = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts', 'start.ts')], {
    cwd: ROOT,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      DATA_DIR: dataDir,
      API_PORT: String(api),
      LAMBDA_PORT: String(lambda),
      H5_PORT: String(h5),
      DYNAMO_PORT: String(dynamo),
      ESBUILD_WORK_FOLDER: '.esbuild-load',
      SKIP_H5_BUILD: existsSync(join(ROOT, 'miniprogram', 'dist', 'h5', 'index.html')) ? '1' : '0',
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    },
  });
  let output = '';
  stack.stdout.on('data', (d) => (output += d));
  stack.stderr.on('data', (d) => (output += d));
  const stop = async () => {
    try {
      process.kill(-stack.pid!, 'SIGINT');
    } catch {
      return;
    }
    const gone = await Promise.race([new Promise((r) => stack.once('exit', () => r(true))), new Promise((r) => setTimeout(() => r(false), 20_000))]);
    if (!gone) process.kill(-stack.pid!, 'SIGKILL');
  };
  try {
    while (!output.includes('is running.')) {
      if (stack.exitCode !== null) throw new Error(`npm start stopped:\n${output.slice(-3000)}`);
      if (Date.now() - started > 600_000) throw new Error(`npm start did not say it was running:\n${output.slice(-3000)}`);
      await new Promise((r) => setTimeout(r, 200));
    }
    const startSeconds = (Date.now() - started) / 1000;
    const rest = groupRss(stack.pid!);
    let peakRss = rest.total;
    const peakByProgram: Record<string, number> = { ...rest.byProgram };
    const sampler = setInterval(() => {
      const now = groupRss(stack.pid!);
      peakRss = Math.max(peakRss, now.total);
      for (const [k, v] of Object.entries(now.byProgram)) peakByProgram[k] = Math.max(peakByProgram[k] ?? 0, v);
    }, 500);

    // Sign the people in (dev login, as the H5 page's ?as= does) and find the demo data's ids.
    const tokens = {} as Record<Who, string>;
    for (const [who, openid] of Object.entries(OPENIDS) as [Who, string][]) {
      const res = await fetch(`${base}/auth/dev-login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ openid }) });
      tokens[who] = ((await res.json()) as { token: string }).token;
    }
    const get = async (path: string, who?: Who) =>
      fetch(`${base}${path}`, { headers: who ? { authorization: `Bearer ${tokens[who]}` } : {} }).then((r) => (r.ok ? (r.json() as Promise<any>) : undefined));
    // The first record's id in a list answer, wherever the list puts it (`items[0].vacancy.id`).
    const firstId = (body: any): string | undefined => {
      const first = body?.items?.[0];
      const find = (o: any): string | undefined =>
        o && typeof o === 'object' ? (typeof o.id === 'string' ? o.id : Object.values(o).map(find).find(Boolean)) : undefined;
      return find(first);
    };
    const near = `lat=${HOME.lat}&lng=${HOME.lng}`;
    const ids: Record<string, string | undefined> = {
      vacancies: firstId(await get(`/vacancies/nearby?${near}`, 'seeker')),
      courses: firstId(await get(`/courses/nearby?${near}`, 'seeker')),
      'service-points': firstId(await get(`/service-points/nearby?${near}`)),
      gigs: firstId(await get(`/gigs/nearby?${near}`)),
      policies: firstId(await get('/policies?areaCode=350102001')),
      fairs: firstId(await get('/fairs?areaCode=3501')),
      employers: firstId(await get('/me/employers', 'employer')),
      screen: '350102001',
    };
    ids.providers = ids.employers;
    const NO_RECORD = '01K0NOTHING0000000000000AA';
    const routes = allContracts
      .filter((c) => c.method === 'GET' && c.id !== 'openapi')
      .map((c) => {
        const path = c.path.replace(/\{[^}]+\}/g, (_m, offset: number) => {
          const segment = c.path.slice(0, offset).split('/').filter(Boolean).at(-1) ?? '';
          return ids[segment] ?? NO_RECORD;
        });
        const query = QUERY[c.path] ? `?${new URLSearchParams(QUERY[c.path])}` : '';
        const who = whoCalls(c);
        return { route: `GET ${c.path}`, url: `${base}${path}${query}`, headers: (who ? { authorization: `Bearer ${tokens[who]}` } : {}) as Record<string, string> };
      });

    const latencies: number[] = [];
    const statuses: Record<string, number> = {};
    const byRoute: Record<string, { ms: number[]; statuses: Record<string, number> }> = {};
    const byWindow: number[][] = [];
    let next = 0;
    const began = Date.now();
    const until = began + SECONDS * 1000;
    await Promise.all(
      Array.from({ length: CLIENTS }, async () => {
        while (Date.now() < until) {
          const r = routes[next++ % routes.length];
          const t = performance.now();
          try {
            const res = await fetch(r.url, { headers: r.headers, signal: AbortSignal.timeout(60_000) });
            await res.arrayBuffer();
            statuses[res.status] = (statuses[res.status] ?? 0) + 1;
            const seen = (byRoute[r.route] ??= { ms: [], statuses: {} });
            seen.statuses[res.status] = (seen.statuses[res.status] ?? 0) + 1;
          } catch {
            statuses.none = (statuses.none ?? 0) + 1;
          }
          latencies.push(performance.now() - t);
          byRoute[r.route]?.ms.push(performance.now() - t);
          (byWindow[Math.floor((Date.now() - began) / 5000)] ??= []).push(performance.now() - t);
        }
      }),
    );
    clearInterval(sampler);
    latencies.sort((a, b) => a - b);
    const count = (pred: (s: string) => boolean) => Object.entries(statuses).filter(([s]) => pred(s)).reduce((n, [, v]) => n + v, 0);
    console.log(
      JSON.stringify({
        clients: CLIENTS,
        seconds: SECONDS,
        routes: routes.length,
        startSeconds,
        requests: latencies.length,
        worked: count((s) => s.startsWith('2')),
        refused: count((s) => ['400', '401', '403', '422'].includes(s)),
        notFound: count((s) => s === '404'),
        errors: count((s) => s === 'none' || s.startsWith('5')),
        statuses,
        p50: quantile(latencies, 0.5),
        p99: quantile(latencies, 0.99),
        restRssBytes: rest.total,
        peakRssBytes: peakRss,
        peakRssByProgram: peakByProgram,
        // p99 of the answers that ended in each 5 s of the run.
        p99By5s: byWindow.map((w) => Math.round(quantile(w.sort((a, b) => a - b), 0.99))),
        // The five routes slowest at their own p99, and those that found no record (no demo id for them).
        slowest: Object.entries(byRoute)
          .map(([route, v]) => ({ route, p99: quantile(v.ms.sort((a, b) => a - b), 0.99), n: v.ms.length }))
          .sort((a, b) => b.p99 - a.p99)
          .slice(0, 5),
        notFoundRoutes: Object.entries(byRoute).filter(([, v]) => v.statuses['404']).map(([route]) => route),
      }),
    );
  } finally {
    await stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

void main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
