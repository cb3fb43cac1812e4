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
const results = join(mkdtempSync(join(tmpdir(), 'doorstep-test-')), 'results.json');
const jest = spawnSync(bin('jest'), ['--maxWorkers=2', '--json', `--outputFile=${results}`, ...process.argv.slice(2)], {
  cwd: ROOT,
  stdio: 'inherit',
  env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true', FORCE_COLOR: process.env.CI ? '0' : '1' },
});

let passed = 0;
let failed = 0;
if (existsSync(results)) {
  const summary = JSON.parse(readFileSync(results, 'utf8')) as { numPassedTests: number; numFailedTests: number; numRuntimeErrorTestSuites: number };
  passed = summary.numPassedTests;
  // A suite that could not even start counts as a failure too.
  failed = summary.numFailedTests + summary.numRuntimeErrorTestSuites;
} else {
  failed = 1;
}
if (jest.status !== 0 && failed === 0) failed = 1;
console.log(`\nnpm test took ${Math.round((Date.now() - started) / 1000)} s`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
