// The daily settlement reconciliation (a schedule): its difference is a metric, alarmed above 0.
import { logger } from '../../logger';
import { countMetric, MetricUnit } from '../../metrics';
import { reconcileAll } from '../reconcile';

export async function daily(): Promise<void> {
  const { programmes, differenceFen } = await reconcileAll();
  countMetric('ReconciliationDifferenceFen', differenceFen, MetricUnit.NoUnit);
  for (const p of programmes.filter((x) => x.differenceFen !== 0)) {
    logger.error('settlement reconciliation difference', { programmeId: p.programmeId, differenceFen: p.differenceFen, unqueued: p.unqueued.slice(0, 50) });
  }
  logger.info('settlement reconciliation', { programmes: programmes.length, differenceFen });
}
