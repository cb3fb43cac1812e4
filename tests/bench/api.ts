// `serverless offline` (stage test) over a benchmark's table, with a dev login.
import { bin, freePort, startProcess, stopProcess, waitForHttp } from '../../scripts/lib/processes';
import { testEnvironment } from '../support/testConfig';
import { PRIVACY_POLICY_VERSION } from '@doorstep/shared';

/** `serverless offline` (stage test) over that table, with a dev login; stop it when done. */
export async function benchApiFor(table: string, dynamoEndpoint: string) {
  const port = await freePort();
  const api = startProcess(bin('serverless'), ['offline', 'start', '--stage', 'test', '--httpPort', String(port), '--lambdaPort', String(await freePort())], {
    label: 'api',
    env: { ...process.env, ...testEnvironment(table), DYNAMODB_ENDPOINT: dynamoEndpoint, ESBUILD_WORK_FOLDER: '.esbuild-bench', SLS_TELEMETRY_DISABLED: '1' },
  });
  const base = `http://127.0.0.1:${port}`;
  const stop = () => stopProcess(api.child);
  try {
    await waitForHttp(`${base}/health`, 120_000, api.child, api.output);
  } catch (err) {
    await stop();
    throw err;
  }
  const login = async (body: Record<string, unknown>) => {
    const res = await fetch(`${base}/auth/dev-login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const { token } = (await res.json()) as { token: string };
    // Bench people have agreed to the guide and the separate consents, as in the app.
    await fetch(`${base}/me/consents`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ purposes: ['privacy', 'id_number', 'hardship_evidence'], version: PRIVACY_POLICY_VERSION, channel: 'weapp' }),
    });
    return token;
  };
  return { base, login, stop, pid: api.child.pid! };
}

