// Every hour (serverless.yml `settleGigCompletions`): reported completions nobody objected to
// within 24 hours become done, so the worker is counted even if nobody opens the job again.
import { logger } from '../../logger';
import { settleReportedDone } from '../takes';

export async function hourly(): Promise<{ done: number }> {
  const done = await settleReportedDone();
  if (done) logger.info('gig completions settled', { done });
  return { done };
}
