// Starts the real HTTP stack for a suite: `serverless offline` (stage test) over DynamoDB Local.
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { freePort } from './globalSetup';
import { testEnvironment } from './testConfig';
import { localClient } from '../../scripts/lib/dynamoLocal';
import { ensureTable } from '../../scripts/lib/table';

export const ROOT = join(__dirname, '..', '..');

export interface RunningApi {
  baseUrl: string;
  stop(): Promise<void>;
}

export async function waitForHttp(url: string, timeoutMs: number, proc?: ChildProcess, output?: () => string) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (proc && proc.exitCode !== null) throw new Error(`process exited early:\n${output?.().slice(-3000)}`);
    try {
      const res = await fetch(url);
      if (res.status < 500) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`${url} not ready after ${timeoutMs} ms:\n${output?.().slice(-3000)}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

export function stopProcess(proc: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (proc.exitCode !== null || proc.pid === undefined) return resolve();
    proc.once('exit', () => resolve());
    try {
      process.kill(-proc.pid, 'SIGTERM'); // the whole group: offline spawns workers
    } catch {
      proc.kill('SIGTERM');
    }
    setTimeout(() => {
      try {
        process.kill(-proc.pid!, 'SIGKILL');
      } catch {
        /* already gone */
      }
    }, 5000).unref();
  });
}

export async function startApi(options: { tableName: string; wechatApiBase?: string; workFolder: string }): Promise<RunningApi> {
  const client = localClient(process.env.DYNAMODB_ENDPOINT!);
  await ensureTable(client, options.tableName);
  client.destroy();
  const [httpPort, lambdaPort] = [await freePort(), await freePort()];
  let output = '';
  const proc = spawn(
    join(ROOT, 'node_modules', '.bin', 'serverless'),
    ['offline', 'start', '--stage', 'test', '--httpPort', String(httpPort), '--lambdaPort', String(lambdaPort)],
    {
      cwd: ROOT,
      detached: true,
      env: {
        ...process.env,
        ...testEnvironment(options.tableName),
        ...(options.wechatApiBase ? { WECHAT_API_BASE: options.wechatApiBase } : {}),
        ESBUILD_WORK_FOLDER: options.workFolder,
        SLS_TELEMETRY_DISABLED: '1',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  proc.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  proc.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const baseUrl = `http://127.0.0.1:${httpPort}`;
  try {
    await waitForHttp(`${baseUrl}/openapi.json`, 120_000, proc, () => output);
    // Warm every function once: a cold burst can time out in serverless offline.
    await fetch(`${baseUrl}/health`);
  } catch (err) {
    await stopProcess(proc);
    throw err;
  }
  return { baseUrl, stop: () => stopProcess(proc) };
}
