// The cost of reading the caller's account on every signed-in request (issue 18: roles removed or
// moved count from the next request) for `npm run bench`, in a process of its own: over HTTP
// (serverless offline, handlers in process) GET /health (no account, no table) beside a signed-in
// GET /me/consents (the account read, then the consents read), interleaved; and, on the same
// DynamoDB Local, the account read itself — what the check adds to each signed-in request.
import { freePort } from '../../scripts/lib/processes';
import { localClient, startDynamoLocal } from '../../scripts/lib/dynamoLocal';
import { ensureTable } from '../../scripts/lib/table';
import { testEnvironment } from '../support/testConfig';

const ROUNDS = 400;
const quantile = (xs: number[], q: number) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
};

async function main() {
  const table = 'bench-session';
  const dynamo = await startDynamoLocal({ port: await freePort() });
  const raw = localClient(dynamo.endpoint);
  await ensureTable(raw, table);
  process.env.OFFLINE_IN_PROCESS = 'true';
  Object.assign(process.env, testEnvironment(table), { DYNAMODB_ENDPOINT: dynamo.endpoint });
  const { benchApiFor } = await import('./api');
  const { getUser } = await import('../../functions/src/auth/account');
  const api = await benchApiFor(table, dynamo.endpoint);
  try {
    const token = await api.login({ openid: 'bench-session' });
    const userId = ((await (await fetch(`${api.base}/me`, { headers: { authorization: `Bearer ${token}` } })).json()) as { user: { id: string } }).user.id;
    const timed = async (run: () => Promise<unknown>) => {
      const t = performance.now();
      await run();
      return performance.now() - t;
    };
    const health: number[] = [];
    const signedIn: number[] = [];
    const accountRead: number[] = [];
    for (let i = 0; i < 20; i += 1) await fetch(`${api.base}/me/consents`, { headers: { authorization: `Bearer ${token}` } }); // warm
    for (let i = 0; i < ROUNDS; i += 1) {
      health.push(await timed(async () => (await fetch(`${api.base}/health`)).arrayBuffer()));
      signedIn.push(await timed(async () => (await fetch(`${api.base}/me/consents`, { headers: { authorization: `Bearer ${token}` } })).arrayBuffer()));
      accountRead.push(await timed(() => getUser(userId, { consistent: true })));
    }
    const figure = (xs: number[]) => ({ p50: quantile(xs, 0.5), p99: quantile(xs, 0.99) });
    console.log(JSON.stringify({ rounds: ROUNDS, health: figure(health), signedIn: figure(signedIn), accountRead: figure(accountRead) }));
  } finally {
    await api.stop();
    raw.destroy();
    await dynamo.stop();
  }
}

void main().catch((err) => {
  console.error(err);
  process.exit(1);
});
