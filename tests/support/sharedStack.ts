// The servers one test run shares, started once and handed to the suites through environment
// variables: DynamoDB Local (every data, API and browser suite makes its own table in it), one
// `serverless offline` (stage test) with a loopback WeChat for every API and browser suite (each
// suite's requests name its table: tests/support/localStack.ts), the H5 production build, and one
// Chromium that browser suites connect to. `npm test` (scripts/test.ts) starts them before the
// tiers that need them; a jest run on its own gets them from the projects' global setups.
// What is already running (its variable is set) is not started again.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startDynamoLocal, type DynamoLocal } from '../../scripts/lib/dynamoLocal';
import { bin, buildH5, freePort, startProcess, stopProcess, waitForHttp } from '../../scripts/lib/processes';
import { warmUp } from '../../scripts/lib/warmUp';
import { launchBrowserServer } from './browser';
import { startFakeWeChat } from './fakeWeChat';
import { testEnvironment } from './testConfig';

export type SharedPart = 'dynamo' | 'api' | 'browser';

/** Which shared servers each jest project (tier) needs. */
export const TIER_NEEDS: Record<string, SharedPart[]> = {
  data: ['dynamo'],
  api: ['dynamo', 'api'],
  e2e: ['dynamo', 'api', 'browser'],
};

/** How long each part took to come up in this process, in order. */
export interface Startup {
  what: string;
  ms: number;
}

interface Started {
  stops: Array<() => Promise<unknown>>;
  startups: Startup[];
}

// On globalThis: jest may load this module more than once (once per project's global setup).
const state = ((globalThis as { __doorstepShared?: Started }).__doorstepShared ??= { stops: [], startups: [] });

async function timed<T>(what: string, run: () => Promise<T>): Promise<T> {
  const started = Date.now();
  const out = await run();
  state.startups.push({ what, ms: Date.now() - started });
  return out;
}

// The shared DynamoDB Local, kept to be started afresh for each tier (`freshDynamo`).
let dynamo: DynamoLocal | undefined;

async function startDynamo(port?: number): Promise<void> {
  const started = await startDynamoLocal({ port: port ?? (await freePort()) });
  dynamo = started;
  state.stops.push(() => started.stop());
  process.env.TEST_DYNAMODB_ENDPOINT = started.endpoint;
}

/**
 * A new DynamoDB Local, on the same port, for the next tier. One that has served a tier answers
 * the next several times slower, its tables deleted or not (the API tier took 225 s after the data
 * tier, 63 s on a fresh one); serverless offline keeps its endpoint and reconnects.
 */
export async function freshDynamo(): Promise<void> {
  if (!dynamo || process.env.TEST_DYNAMODB_ENDPOINT !== dynamo.endpoint) return;
  const port = Number(new URL(dynamo.endpoint).port);
  await dynamo.stop();
  await timed('DynamoDB Local, afresh', () => startDynamo(port));
}

/** The suites' code and the functions read DynamoDB Local at `DYNAMODB_ENDPOINT`. */
function pointAtSharedDynamo(): void {
  if (process.env.TEST_DYNAMODB_ENDPOINT) process.env.DYNAMODB_ENDPOINT = process.env.TEST_DYNAMODB_ENDPOINT;
}

/**
 * `serverless offline` with its handlers in its own process (`OFFLINE_IN_PROCESS`): one module per
 * function however many requests are in flight. With worker threads, a cold worker (one per
 * concurrent call, and again after a minute idle, as between tiers) could take past the Lambda
 * timeout on a loaded machine, and serverless offline then keeps the terminated worker and hangs
 * every later call to it (a clean-clone CI run lost a whole browser suite that way).
 * Its output goes to a file the suites read (`TEST_API_LOG`), at DEBUG so the no-personal-data
 * check of the logs sees everything every suite caused.
 */
async function startApi(): Promise<void> {
  const wechat = await startFakeWeChat();
  state.stops.push(() => wechat.close());
  process.env.TEST_WECHAT_URL = wechat.baseUrl;
  const logFile = join(mkdtempSync(join(tmpdir(), 'doorstep-api-')), 'offline.log');
  const [httpPort, lambdaPort] = [await freePort(), await freePort()];
  const { child, output } = startProcess(bin('serverless'), ['offline', 'start', '--stage', 'test', '--httpPort', String(httpPort), '--lambdaPort', String(lambdaPort)], {
    label: 'api',
    logFile,
    env: {
      ...process.env,
      // Requests without a suite's table header land here: no such table, so they fail loudly.
      ...testEnvironment('test-no-suite-named'),
      WECHAT_API_BASE: wechat.baseUrl,
      ESBUILD_WORK_FOLDER: '.esbuild-tests',
      OFFLINE_IN_PROCESS: 'true',
      POWERTOOLS_LOG_LEVEL: 'DEBUG',
      SLS_TELEMETRY_DISABLED: '1',
    },
  });
  state.stops.push(() => stopProcess(child));
  const baseUrl = `http://127.0.0.1:${httpPort}`;
  await waitForHttp(`${baseUrl}/openapi.json`, 120_000, child, output);
  // No suite's first request waits for a bundle to load.
  await warmUp(baseUrl);
  process.env.TEST_API_URL = baseUrl;
  process.env.TEST_API_LOG = logFile;
}

async function startBrowser(): Promise<void> {
  const server = await launchBrowserServer();
  state.stops.push(() => server.close());
  process.env.TEST_BROWSER_WS = server.wsEndpoint();
}

// The H5 build, once started: begun early (`startH5BuildEarly`) it runs beside the API tier's
// suites instead of holding up the browser tier for a minute and more on a fresh clone.
let h5Build: Promise<void> | undefined;

/** Starts the H5 production build now, in the background; the browser tier waits for it. */
export function startH5BuildEarly(): void {
  h5Build ??= buildH5();
  // Its failure is reported when the browser tier waits for it, not as an unhandled rejection now.
  h5Build.catch(() => undefined);
}

/** Starts the parts not yet running and returns the variables that reach them. */
export async function startShared(parts: readonly SharedPart[]): Promise<Record<string, string>> {
  if (parts.includes('dynamo') && !process.env.TEST_DYNAMODB_ENDPOINT) await timed('DynamoDB Local', startDynamo);
  pointAtSharedDynamo();
  if (parts.includes('api') && !process.env.TEST_API_URL) await timed('serverless offline', startApi);
  if (parts.includes('browser') && !process.env.TEST_BROWSER_WS) {
    // Timed from when the browser tier asks for it: what it still waited for the build.
    await timed('H5 production build', () => (h5Build ??= buildH5()));
    await timed('Chromium', startBrowser);
  }
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
  const names = ['TEST_DYNAMODB_ENDPOINT', 'DYNAMODB_ENDPOINT', 'TEST_API_URL', 'TEST_API_LOG', 'TEST_WECHAT_URL', 'TEST_BROWSER_WS', 'AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED'];
  return Object.fromEntries(names.filter((n) => process.env[n]).map((n) => [n, process.env[n]!]));
}

export const sharedStartups = (): Startup[] => [...state.startups];

/** Stops whatever this process started, last first. */
export async function stopShared(): Promise<void> {
  for (const stop of state.stops.splice(0).reverse()) await stop().catch(() => undefined);
}
