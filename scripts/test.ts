// `npm test`: every tier of design.md — unit, components, data on DynamoDB Local, the HTTP API
// through serverless offline, the browser, the builds — one jest run per tier, in that order, over
// servers started once for the whole run (tests/support/sharedStack.ts): one DynamoDB Local, one
// serverless offline (each suite over its own table), one H5 build and one Chromium. Then a time
// table and one closing line: `N passed, N failed`. Missing system packages fail the run; they are
// never skipped.
//
//   npm test                          every tier
//   npm test -- --tier api            one tier (or several: --tier data,api)
//   npm test -- --tier api vouchers   extra arguments go to jest (here: a test path pattern)
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freshDynamo, sharedStartups, startH5BuildEarly, startShared, stopShared, TIER_NEEDS, type SharedPart } from '../tests/support/sharedStack';
import { bin, installSystemDeps, javaMajorVersion, ROOT } from './lib/processes';

/**
 * The tiers, fastest first. Workers: two cores. The browser suites run side by side too: each
 * drives its own phones against the shared API, and none waits on a fixed time.
 */
const TIERS = [
  { name: 'unit', workers: 2 },
  { name: 'components', workers: 2 },
  { name: 'data', workers: 2 },
  { name: 'api', workers: 3 },
  { name: 'e2e', workers: 2 },
  { name: 'build', workers: 2 },
] as const;
type TierName = (typeof TIERS)[number]['name'];

function systemProblems(tiers: TierName[]): string[] {
  const problems: string[] = [];
  const java = javaMajorVersion();
  if (tiers.some((t) => TIER_NEEDS[t]?.includes('dynamo') || t === 'build') && (!java || java < 17)) problems.push(`Java 17+ for DynamoDB Local (found: ${java ?? 'none'})`);
  if (tiers.includes('e2e')) {
    if (!existsSync(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium')) problems.push('Chromium for the browser tests');
    const fonts = spawnSync('fc-list', [], { encoding: 'utf8' });
    if (!/Noto Sans CJK/i.test(fonts.stdout ?? '')) problems.push('CJK fonts (fonts-noto-cjk) for readable screenshots');
  }
  return problems;
}

/** `--tier a,b` / `--tier=a` picks tiers; everything else goes to jest. */
function parseArgs(argv: string[]): { tiers: TierName[]; jestArgs: string[] } {
  const names: string[] = [];
  const jestArgs: string[] = [];
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    if (arg === '--tier') names.push(...(argv[(i += 1)] ?? '').split(','));
    else if (arg.startsWith('--tier=')) names.push(...arg.slice('--tier='.length).split(','));
    else jestArgs.push(arg);
  }
  const known = TIERS.map((t) => t.name) as string[];
  const unknown = names.filter((n) => !known.includes(n));
  if (unknown.length) {
    console.error(`Unknown tier: ${unknown.join(', ')}. Tiers: ${known.join(', ')}`);
    console.log('0 passed, 1 failed');
    process.exit(1);
  }
  return { tiers: names.length ? TIERS.map((t) => t.name).filter((n) => names.includes(n)) : TIERS.map((t) => t.name), jestArgs };
}

interface JestSummary {
  numPassedTests: number;
  numFailedTests: number;
  numRuntimeErrorTestSuites: number;
  numTotalTestSuites: number;
}

interface TierResult {
  tier: TierName;
  suites: number;
  passed: number;
  failed: number;
  seconds: number;
}

function runJest(args: string[], env: NodeJS.ProcessEnv): Promise<number | null> {
  const child = spawn(bin('jest'), args, { cwd: ROOT, stdio: 'inherit', env });
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

const pad = (s: string | number, n: number, right = false) => (right ? String(s).padStart(n) : String(s).padEnd(n));

function timeTable(results: TierResult[], startups: { what: string; ms: number }[], totalSeconds: number): string {
  const lines = [`${pad('tier', 12)}${pad('suites', 8, true)}${pad('passed', 8, true)}${pad('failed', 8, true)}${pad('wall', 9, true)}`];
  for (const r of results) lines.push(`${pad(r.tier, 12)}${pad(r.suites, 8, true)}${pad(r.passed, 8, true)}${pad(r.failed, 8, true)}${pad(`${r.seconds.toFixed(0)} s`, 9, true)}`);
  for (const s of startups) lines.push(`${pad(`shared: ${s.what}`, 36)}${pad(`${(s.ms / 1000).toFixed(0)} s`, 9, true)}`);
  lines.push(`${pad('total', 36)}${pad(`${totalSeconds.toFixed(0)} s`, 9, true)}`);
  return lines.join('\n');
}

async function main(): Promise<number> {
  const { tiers, jestArgs } = parseArgs(process.argv.slice(2));
  let problems = systemProblems(tiers);
  if (problems.length) {
    // A fresh machine: install what is missing (scripts/system-deps.sh says what), then look again.
    console.log(`Missing system packages:\n- ${problems.join('\n- ')}\nInstalling them (npm run system-deps) ...`);
    installSystemDeps();
    problems = systemProblems(tiers);
  }
  if (problems.length) {
    console.error(`Still missing after npm run system-deps:\n- ${problems.join('\n- ')}`);
    console.log(`0 passed, ${problems.length} failed`);
    return 1;
  }

  const started = Date.now();
  const dir = mkdtempSync(join(tmpdir(), 'doorstep-test-'));
  const baseEnv = { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true', FORCE_COLOR: process.env.CI ? '0' : '1' };
  const results: TierResult[] = [];
  let passed = 0;
  let failed = 0;
  try {
    for (const tier of TIERS.filter((t) => tiers.includes(t.name))) {
      const tierStarted = Date.now();
      const needs: readonly SharedPart[] = TIER_NEEDS[tier.name] ?? [];
      let sharedEnv: Record<string, string> = {};
      try {
        if (needs.includes('dynamo')) await freshDynamo();
        sharedEnv = await startShared(needs);
      } catch (err) {
        console.error(`\n=== ${tier.name}: its shared servers did not start ===\n${(err as Error).stack ?? err}`);
        results.push({ tier: tier.name, suites: 0, passed: 0, failed: 1, seconds: (Date.now() - tierStarted) / 1000 });
        failed += 1;
        continue;
      }
      // The browser tier's H5 build runs beside the data tier (bound by the one DynamoDB Local's
      // lock, it leaves a core idle much of the time), not as a minute and more of its own before
      // the browser tier (beside the API tier alone, which now takes about as long as the build,
      // the browser tier still waited 41 s for it).
      if ((tier.name === 'data' || tier.name === 'api') && tiers.includes('e2e')) startH5BuildEarly();
      const jestStarted = Date.now();
      console.log(`\n=== ${tier.name} ===`);
      const output = join(dir, `results-${tier.name}.json`);
      const status = await runJest(
        ['--selectProjects', tier.name, `--maxWorkers=${tier.workers}`, '--passWithNoTests', '--json', `--outputFile=${output}`, ...jestArgs],
        { ...baseEnv, ...sharedEnv },
      );
      const result: TierResult = { tier: tier.name, suites: 0, passed: 0, failed: 0, seconds: (Date.now() - jestStarted) / 1000 };
      if (existsSync(output)) {
        const summary = JSON.parse(readFileSync(output, 'utf8')) as JestSummary;
        result.suites = summary.numTotalTestSuites;
        result.passed = summary.numPassedTests;
        // A suite that could not even start counts as a failure too.
        result.failed = summary.numFailedTests + summary.numRuntimeErrorTestSuites;
      }
      if (status !== 0 && result.failed === 0) result.failed = 1;
      results.push(result);
      passed += result.passed;
      failed += result.failed;
    }
  } finally {
    await stopShared();
  }
  console.log(`\n${timeTable(results, sharedStartups(), (Date.now() - started) / 1000)}`);
  console.log(`${passed} passed, ${failed} failed`);
  return failed === 0 ? 0 : 1;
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => void stopShared().finally(() => process.exit(130)));
}

main().then(
  (code) => process.exit(code),
  async (err) => {
    console.error(err);
    await stopShared();
    console.log('0 passed, 1 failed');
    process.exit(1);
  },
);
