// `npm run reconcile`: the settlement reconciliation over the local stack's table (`npm start`'s
// DynamoDB Local), per programme: redeemed = queued + settling + settled + reversed, to the fen.
// Then the subsidies (issue 32), per programme: reserved = approved + on notice + held + cleared +
// paying + paid + failed, to the fen, every application the budget pays for with its ledger row.
// Exits 1 and names the vouchers or applications when anything is unaccounted for.
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
  const { reconcileAllSubsidies } = await import('../functions/src/subsidies/reconcile');
  const subsidies = await reconcileAllSubsidies();
  for (const p of subsidies.programmes) {
    const ok = p.differenceFen === 0 && p.missingRows.length === 0;
    console.log(
      `${ok ? '✓' : '✗'} ${p.name}: 预算已占用 ${yuan(p.reservedFen)} = 待公示 ${yuan(p.approvedFen)} + 公示中 ${yuan(p.onNoticeFen)} + 暂缓 ${yuan(p.heldFen)} + 待拨付 ${yuan(p.clearedFen)} + 发放中 ${yuan(p.payingFen)} + 已发放 ${yuan(p.paidFen)} + 发放失败 ${yuan(p.failedFen)}` +
        (p.differenceFen ? `，差额 ${yuan(p.differenceFen)}` : '') +
        (p.missingRows.length ? `；台账缺行的申请：${p.missingRows.join(', ')}` : ''),
    );
  }
  const subsidiesOk = subsidies.differenceFen === 0 && subsidies.missingRows === 0;
  console.log(subsidiesOk ? `${subsidies.programmes.length} subsidy programmes reconciled: no difference.` : `Subsidy difference: ${subsidies.differenceFen} fen, ${subsidies.missingRows} ledger rows missing.`);
  process.exit(differenceFen === 0 && subsidiesOk ? 0 : 1);
}

main().catch((err) => {
  console.error(`reconcile: ${(err as Error).message}`);
  process.exit(2);
});
