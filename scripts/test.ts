// `npm test`: every tier of design.md in one jest run — unit, data on DynamoDB Local, the HTTP API
// through serverless offline, components, the browser, the builds — then one closing line:
// `N passed, N failed`. Missing system packages fail the run; they are never skipped.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bin, javaMajorVersion, ROOT } from './lib/processes';

function systemProblems(): string[] {
  const problems: string[] = [];
  const java = javaMajorVersion();
  if (!java || java < 17) problems.push(`Java 17+ for DynamoDB Local (found: ${java ?? 'none'})`);
  if (!existsSync(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium')) problems.push('Chromium for the browser tests');
  const fonts = spawnSync('fc-list', [], { encoding: 'utf8' });
  if (!/Noto Sans CJK/i.test(fonts.stdout ?? '')) problems.push('CJK fonts (fonts-noto-cjk) for readable screenshots');
  return problems;
}

const problems = systemProblems();
if (problems.length) {
  console.error(`Missing system packages:\n- ${problems.join('\n- ')}\nInstall them with: npm run system-deps`);
  console.log(`0 passed, ${problems.length} failed`);
  process.exit(1);
}

const started = Date.now();
const dir = mkdtempSync(join(tmpdir(), 'doorstep-test-'));
const extra = process.argv.slice(2);

/**
 * Two phases: the light tiers side by side, then the heavy ones (each starts serverless offline,
 * builds bundles or drives Chromium) one file at a time, so a 2-core machine is not swamped into
 * timeouts. Each phase is a jest run; the totals are added up.
 */
const phases = [
  { name: 'unit, data, components', args: ['--selectProjects', 'unit', 'data', 'components', '--maxWorkers=2'] },
  { name: 'api, e2e and builds', args: ['--selectProjects', 'api', 'e2e', 'build', '--runInBand'] },
];

let passed = 0;
let failed = 0;
for (const [i, phase] of phases.entries()) {
  console.log(`\n=== ${phase.name} ===`);
  const results = join(dir, `results-${i}.json`);
  const jest = spawnSync(bin('jest'), [...phase.args, '--passWithNoTests', '--json', `--outputFile=${results}`, ...extra], {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true', FORCE_COLOR: process.env.CI ? '0' : '1' },
  });
  let phaseFailed = 0;
  if (existsSync(results)) {
    const summary = JSON.parse(readFileSync(results, 'utf8')) as { numPassedTests: number; numFailedTests: number; numRuntimeErrorTestSuites: number };
    passed += summary.numPassedTests;
    // A suite that could not even start counts as a failure too.
    phaseFailed = summary.numFailedTests + summary.numRuntimeErrorTestSuites;
  }
  if (jest.status !== 0 && phaseFailed === 0) phaseFailed = 1;
  failed += phaseFailed;
}
console.log(`\nnpm test took ${Math.round((Date.now() - started) / 1000)} s`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
