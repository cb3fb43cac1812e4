// Reconciling public money, on schedules, read-only: each run publishes its difference as a metric
// (alarmed above 0) and names what differs in the log. Voucher settlement daily (02:00 in China);
// subsidy programmes hourly — the schedule says which (serverless.yml `input`). Apart from the
// domains' functions because its rights differ: it reads and writes nothing.
import { logger } from '../logger';
import { countMetric, MetricUnit } from '../metrics';
import { reconcileAllSubsidies } from '../subsidies/reconcile';
import { daily } from '../vouchers/handlers/reconcile';

async function subsidies(): Promise<void> {
  const { programmes, differenceFen, missingRows } = await reconcileAllSubsidies();
  countMetric('SubsidyReconciliationDifferenceFen', Math.abs(differenceFen) + missingRows, MetricUnit.NoUnit);
  for (const p of programmes.filter((x) => x.differenceFen !== 0 || x.missingRows.length)) {
    logger.error('subsidy reconciliation difference', { programmeId: p.programmeId, differenceFen: p.differenceFen, missingRows: p.missingRows.slice(0, 50) });
  }
  logger.info('subsidy reconciliation', { programmes: programmes.length, differenceFen, missingRows });
}

export async function run(event: { run?: string } | undefined): Promise<void> {
  if (event?.run === 'subsidies') await subsidies();
  else await daily();
}
