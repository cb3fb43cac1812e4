// Starts the real HTTP stack for a suite: `serverless offline` (stage test) over DynamoDB Local.
import { bin, freePort, startProcess, stopProcess, waitForHttp } from '../../scripts/lib/processes';
import { allContracts } from '@doorstep/shared';
import { testEnvironment } from './testConfig';
import { localClient } from '../../scripts/lib/dynamoLocal';
import { ensureTable } from '../../scripts/lib/table';

export interface RunningApi {
  baseUrl: string;
  /** Everything the functions and serverless offline printed so far. */
  logs(): string;
  stop(): Promise<void>;
}

export async function startApi(options: { tableName: string; wechatApiBase?: string; workFolder: string; logLevel?: string }): Promise<RunningApi> {
  const client = localClient(process.env.DYNAMODB_ENDPOINT!);
  await ensureTable(client, options.tableName);
  client.destroy();
  const [httpPort, lambdaPort] = [await freePort(), await freePort()];
  const { child: proc, output } = startProcess(
    bin('serverless'),
    ['offline', 'start', '--stage', 'test', '--httpPort', String(httpPort), '--lambdaPort', String(lambdaPort)],
    {
      label: 'api',
      env: {
        ...process.env,
        ...testEnvironment(options.tableName),
        ...(options.wechatApiBase ? { WECHAT_API_BASE: options.wechatApiBase } : {}),
        ESBUILD_WORK_FOLDER: options.workFolder,
        ...(options.logLevel ? { POWERTOOLS_LOG_LEVEL: options.logLevel } : {}),
        SLS_TELEMETRY_DISABLED: '1',
      },
    },
  );
  const baseUrl = `http://127.0.0.1:${httpPort}`;
  try {
    await waitForHttp(`${baseUrl}/openapi.json`, 120_000, proc, output);
    // Warm every function once (each answers even without a token): a first request to a cold
    // function in serverless offline can take seconds on a loaded machine.
    // Four at a time: all of them at once is more cold workers than two cores can start
    // within a Lambda timeout.
    const routes = allContracts.map((c) => [c.method, c.path.replace(/\{[^}]+\}/g, 'x')] as const);
    for (let i = 0; i < routes.length; i += 4) {
      await Promise.all(routes.slice(i, i + 4).map(([method, path]) => fetch(`${baseUrl}${path}`, { method }).then((r) => r.arrayBuffer())));
    }
  } catch (err) {
    await stopProcess(proc);
    throw err;
  }
  return { baseUrl, logs: output, stop: () => stopProcess(proc) };
}
