// `npm run reconcile`: the settlement reconciliation over the local stack's table (`npm start`'s
// DynamoDB Local), per programme: redeemed = queued + settling + settled + reversed, to the fen.
// Exits 1 and names the vouchers when anything redeemed is unaccounted for.
import { fenToYuanText } from '@doorstep/shared';
import { stageEnvironment } from './lib/stageEnv';

async function main() {
  const endpoint = process.env.DYNAMODB_ENDPOINT ?? `http://127.0.0.1:${process.env.DYNAMO_PORT ?? 8000}`;
  Object.assign(process.env, stageEnvironment('local', process.env.TABLE_NAME ?? 'doorstep-local', endpoint), { POWERTOOLS_LOG_LEVEL: 'WARN' });
  const { reconcileAll } = await import('../functions/src/vouchers/reconcile');
  const { programmes, differenceFen } = await reconcileAll();
  const yuan = (fen: number) => `${fenToYuanText(fen)}元`;
  for (const p of programmes) {
    console.log(
      `${p.differenceFen === 0 ? '✓' : '✗'} ${p.name}: 已核销 ${yuan(p.redeemedFen)} = 待结算 ${yuan(p.queuedFen)} + 结算中 ${yuan(p.settlingFen)} + 已拨付 ${yuan(p.settledFen)} + 已撤销 ${yuan(p.reversedFen)}` +
        (p.differenceFen ? `，差额 ${yuan(p.differenceFen)}；未排队的券：${p.unqueued.join(', ')}` : ''),
    );
  }
  console.log(differenceFen === 0 ? `${programmes.length} programmes reconciled: no difference.` : `Difference: ${differenceFen} fen.`);
  process.exit(differenceFen === 0 ? 0 : 1);
}

main().catch((err) => {
  console.error(`reconcile: ${(err as Error).message}`);
  process.exit(2);
});
