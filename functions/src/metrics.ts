// Business metrics (redemptions, settlement, claims) as CloudWatch embedded-metric log lines:
// no API call, nothing to wait for. Off in the local and test stages (POWERTOOLS_METRICS_DISABLED).
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';

let metrics: Metrics | undefined;

export function businessMetrics(): Metrics {
  metrics ??= new Metrics({ namespace: 'DoorstepJobs', serviceName: 'doorstep-jobs' });
  return metrics;
}

/** Counts one business event now (one line per call; these are rare compared with requests). */
export function countMetric(name: string, value = 1, unit: (typeof MetricUnit)[keyof typeof MetricUnit] = MetricUnit.Count): void {
  const m = businessMetrics();
  m.addMetric(name, unit, value);
  m.publishStoredMetrics();
}

export { MetricUnit };
