// `npm run redrive -- <queue>`: replays a dead-letter queue of the local stack (`npm start`).
//   settlement-dlq, policy-match-dlq, ledger-import-dlq, subsidy-work-dlq
//                                       back onto their queue (the worker takes it)
//   dispatchMessages-dlq, voucherStream-dlq, figureStream-dlq, policyStream-dlq
//                                       each kept stream record to its consumer again; what
//                                       still fails stays in the dead-letter queue
// In AWS the README's Deploy section gives the AWS CLI lines.
import { stageEnvironment } from './lib/stageEnv';

const consumers: Record<string, () => Promise<(event: never) => Promise<{ batchItemFailures?: unknown[] } | void>>> = {
  'dispatchMessages-dlq': async () => (await import('../functions/src/notifications/handlers')).onStream as never,
  'voucherStream-dlq': async () => (await import('../functions/src/vouchers/handlers/stream')).onStream as never,
  'figureStream-dlq': async () => (await import('../functions/src/figures/handlers/stream')).onStream as never,
  'policyStream-dlq': async () => (await import('../functions/src/policies/handlers/stream')).onStream as never,
};

async function main() {
  const queue = process.argv[2];
  const queues = ['settlement-dlq', 'policy-match-dlq', 'ledger-import-dlq', 'subsidy-work-dlq'];
  if (!queue || !(queues.includes(queue) || queue in consumers)) {
    console.error(`Usage: npm run redrive -- <${[...queues, ...Object.keys(consumers)].join(' | ')}>`);
    process.exit(2);
  }
  const endpoint = process.env.DYNAMODB_ENDPOINT ?? `http://127.0.0.1:${process.env.DYNAMO_PORT ?? 8000}`;
  Object.assign(process.env, stageEnvironment('local', process.env.TABLE_NAME ?? 'doorstep-local', endpoint), { POWERTOOLS_LOG_LEVEL: 'WARN' });
  const { redrive } = await import('./lib/redrive');
  const { replayed, failed } = await redrive(queue, queues.includes(queue) ? undefined : await consumers[queue]());
  console.log(`${queue}: ${replayed} replayed, ${failed} still failing (left in the queue).`);
  process.exit(failed === 0 ? 0 : 1);
}

main().catch((err) => {
  console.error(`redrive: ${(err as Error).message}`);
  process.exit(2);
});
