// `npm start`: the whole product on this machine. DynamoDB Local (data kept in .data/) → the table
// from serverless.yml → `serverless offline` on :3000 → demo data → the H5 build on :10086.
import { join } from 'node:path';
import type { Server } from 'node:http';
import { isListening, localClient, startDynamoLocal, type DynamoLocal } from './lib/dynamoLocal';
import { ensureTable } from './lib/table';
import { startH5Server } from './lib/h5Server';
import { warmUp } from './lib/warmUp';
import { bin, buildH5, installSystemDeps, javaMajorVersion, ROOT, startProcess, stopProcess, waitForHttp } from './lib/processes';
import { DEMO_ACCOUNTS, seedDemoData } from './demoData';
import { stageEnvironment } from './lib/stageEnv';
import { pollTableStream } from './lib/localStream';

// Fixed for people; the stack's own test moves them (and the data folder) out of the way.
const DYNAMO_PORT = Number(process.env.DYNAMO_PORT ?? 8000);
const API_PORT = Number(process.env.API_PORT ?? 3000);
const LAMBDA_PORT = Number(process.env.LAMBDA_PORT ?? 3002);
const H5_PORT = Number(process.env.H5_PORT ?? 10086);
const DATA_DIR = process.env.DATA_DIR ?? join(ROOT, '.data');
const TABLE = 'doorstep-local';

async function main() {
  let java = javaMajorVersion();
  if (!java || java < 17) {
    // A fresh machine: the project's installer puts Java 17 (and the browser's packages) in place, saying what.
    console.log(`DynamoDB Local needs Java 17 or newer (found: ${java ?? 'none'}): installing it (npm run system-deps) ...`);
    installSystemDeps();
    java = javaMajorVersion();
  }
  if (!java || java < 17) {
    console.error(`DynamoDB Local needs Java 17 or newer (found: ${java ?? 'none'}), and npm run system-deps could not install it.`);
    process.exit(1);
  }

  const stops: (() => Promise<unknown>)[] = [];
  let stopping = false;
  const shutdown = async (code = 0) => {
    if (stopping) return;
    stopping = true;
    console.log('\nStopping…');
    for (const stop of stops.reverse()) await stop().catch(() => undefined);
    process.exit(code);
  };
  process.on('SIGINT', () => void shutdown());
  process.on('SIGTERM', () => void shutdown());

  try {
    // Fail clearly instead of talking to whatever already listens there (another npm start?).
    for (const [name, port] of Object.entries({ API_PORT, LAMBDA_PORT, H5_PORT })) {
      if (await isListening(port)) throw new Error(`127.0.0.1:${port} is already in use (is another npm start running?). Set ${name} to use another port.`);
    }
    console.log(`• DynamoDB Local on 127.0.0.1:${DYNAMO_PORT} (data in ${join(DATA_DIR, 'dynamodb')})`);
    const dynamo: DynamoLocal = await startDynamoLocal({ port: DYNAMO_PORT, path: join(DATA_DIR, 'dynamodb'), maxHeapMb: 512 });
    stops.push(() => dynamo.stop());
    const client = localClient(dynamo.endpoint);
    console.log(`• Table ${TABLE}: ${await ensureTable(client, TABLE)}`);
    client.destroy();

    console.log(`• HTTP API (serverless offline, stage local) on 127.0.0.1:${API_PORT}`);
    const api = startProcess(bin('serverless'), ['offline', 'start', '--stage', 'local', '--httpPort', String(API_PORT), '--lambdaPort', String(LAMBDA_PORT)], {
      label: 'api',
      // In our process group, so a Ctrl-C in the terminal reaches it even if this process dies first.
      detached: false,
      echo: process.env.VERBOSE === '1',
      env: { ...process.env, DYNAMODB_ENDPOINT: dynamo.endpoint, SLS_TELEMETRY_DISABLED: '1', AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
    });
    stops.push(() => stopProcess(api.child));

    if (process.env.SKIP_H5_BUILD !== '1') {
      console.log('• Building the mini-program for H5 (about 30 s)…');
      await buildH5();
    }
    await waitForHttp(`http://127.0.0.1:${API_PORT}/health`, 120_000, api.child, api.output);

    // What AWS runs on the table's stream and on a schedule, run here in-process on DynamoDB
    // Local's own stream: subscription messages (and new matches) land in .data/messages.log
    // as they would reach WeChat.
    Object.assign(process.env, stageEnvironment('local', TABLE, dynamo.endpoint), { MESSAGE_LOG: join(DATA_DIR, 'messages.log'), POWERTOOLS_LOG_LEVEL: 'WARN' });
    // Vouchers too (figures, issue on eligibility), and the assessment figures, from the same
    // stream; each consumer with Lambda's bounded retries and a dead-letter queue kept in the
    // table (`npm run redrive -- <name>-dlq` replays one). The settlement queue's worker drains
    // the local stand-in for SQS; the run AWS schedules daily runs here every ten minutes
    // (finance can also start one), the daily expiry run, the erasure of closed accounts and the 零工
    // completions nobody objected to every hour.
    const { onStream, sweep } = await import('../functions/src/notifications/handlers');
    const voucherStream = await import('../functions/src/vouchers/handlers/stream');
    const figureStream = await import('../functions/src/figures/handlers/stream');
    const policyStream = await import('../functions/src/policies/handlers/stream');
    const settlementRuns = await import('../functions/src/vouchers/handlers/settlement');
    const expiryRuns = await import('../functions/src/vouchers/handlers/lapse');
    const erasureRuns = await import('../functions/src/privacy/erasureHandler');
    const gigRuns = await import('../functions/src/gigs/handlers');
    const { deliverStream, pollLocalQueue } = await import('./lib/localQueue');
    const streamClient = localClient(dynamo.endpoint);
    const stream = pollTableStream(streamClient, dynamo.endpoint, TABLE, async (records) => {
      await deliverStream('dispatchMessages', onStream as never, records);
      await deliverStream('voucherStream', voucherStream.onStream as never, records);
      await deliverStream('figureStream', figureStream.onStream as never, records);
      await deliverStream('policyStream', policyStream.onStream as never, records);
    });
    const worker = pollLocalQueue('settlement', settlementRuns.work, 500);
    const policyWork = await import('../functions/src/policies/handlers/work');
    const policyWorker = pollLocalQueue('policy-match', policyWork.work, 500);
    const ledgerWork = await import('../functions/src/ledger/work');
    const ledgerWorker = pollLocalQueue('ledger-import', ledgerWork.work, 500);
    const subsidyWork = await import('../functions/src/subsidies/work');
    const subsidyWorker = pollLocalQueue('subsidy-work', subsidyWork.work, 500);
    // Subsidies: notices past their last day go on to payment, and the programmes are reconciled, every 10 minutes here.
    const reconcileRuns = await import('../functions/src/payouts/reconcileHandler');
    const subsidyRuns = setInterval(() => {
      void subsidyWork.hourly().catch((err) => console.error(`subsidy run: ${(err as Error).message}`));
      void reconcileRuns.run({ run: 'subsidies' }).catch((err) => console.error(`subsidy reconciliation: ${(err as Error).message}`));
    }, 10 * 60_000);
    const schedule = setInterval(() => void sweep().catch((err) => console.error(`outbox sweep: ${(err as Error).message}`)), 60_000);
    const settlement = setInterval(() => void settlementRuns.daily().catch((err) => console.error(`settlement run: ${(err as Error).message}`)), 10 * 60_000);
    const expiry = setInterval(() => void expiryRuns.daily().catch((err) => console.error(`voucher expiry run: ${(err as Error).message}`)), 60 * 60_000);
    const erasure = setInterval(() => void erasureRuns.eraseDueAccounts().catch((err) => console.error(`erasure run: ${(err as Error).message}`)), 60 * 60_000);
    const gigCompletions = setInterval(() => void gigRuns.settleCompletions().catch((err) => console.error(`零工 completions: ${(err as Error).message}`)), 60 * 60_000);
    stops.push(async () => {
      stream.stop();
      worker.stop();
      policyWorker.stop();
      ledgerWorker.stop();
      subsidyWorker.stop();
      clearInterval(subsidyRuns);
      clearInterval(schedule);
      clearInterval(settlement);
      clearInterval(expiry);
      clearInterval(erasure);
      clearInterval(gigCompletions);
      streamClient.destroy();
    });

    // Seeded once the stream is read, so the demo's registrations and reviews are in the figures.
    console.log('• Demo data');
    await seedDemoData(`http://127.0.0.1:${API_PORT}`);
    // Running means settled: the demo data's messages and figures have gone through the stream,
    // and every function is loaded, so the first people in do not wait for one.
    await stream.caughtUp();
    await warmUp(`http://127.0.0.1:${API_PORT}`);

    const h5: Server = await startH5Server({
      root: join(ROOT, 'miniprogram', 'dist', 'h5'),
      port: H5_PORT,
      apiBase: `http://127.0.0.1:${API_PORT}`,
    });
    stops.push(() => new Promise((r) => h5.close(r)));

    console.log(`
家门口就业 is running.

  Mini-program (H5):  http://127.0.0.1:${H5_PORT}/   (open with a phone-sized window, e.g. 375×812)
  HTTP API:           http://127.0.0.1:${API_PORT}/health   ·   http://127.0.0.1:${API_PORT}/openapi.json
  DynamoDB Local:     http://127.0.0.1:${DYNAMO_PORT}   table ${TABLE}
  Messages:           ${join(DATA_DIR, 'messages.log')} (what WeChat subscription messages would say;
                      the table's stream is read in-process, as Lambda would in AWS)

Logging in: the H5 page's 本地体验登录 button signs this browser in as a new job seeker.
To be a demo account, open the page with ?as=<openid> (e.g. http://127.0.0.1:${H5_PORT}/?as=demo-street-staff):${DEMO_ACCOUNTS.map((a) => `\n  ${a.openid.padEnd(22)} ${a.label}`).join('')}
For the API alone: curl -s -XPOST http://127.0.0.1:${API_PORT}/auth/dev-login -H 'content-type: application/json' -d '{"openid":"demo-seeker"}'

Ctrl-C stops everything; the data stays in .data/ for the next start.`);
    api.child.once('exit', (code) => {
      if (!stopping) {
        console.error(`serverless offline stopped unexpectedly (${code}):\n${api.output().slice(-3000)}`);
        void shutdown(1);
      }
    });
  } catch (err) {
    console.error((err as Error).message);
    await shutdown(1);
  }
}

void main();
