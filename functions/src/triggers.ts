// One off-HTTP function per bounded context: its stream batch, its queue's messages and its
// schedules reach one handler, told apart by the event's shape — a DynamoDB stream batch, an SQS
// batch, or a schedule (EventBridge's own event, or the `{ job }` a schedule's `input` names).
import type { Context } from 'aws-lambda';

type Run = (event: never, context?: Context) => Promise<unknown>;

export interface Triggers {
  stream?: Run;
  queue?: Run;
  /** By `job` (the schedule's input); `default` for a schedule without one. */
  schedules?: Record<string, Run>;
}

export function byTrigger(t: Triggers) {
  return async (event: unknown, context?: Context): Promise<unknown> => {
    const e = event as { Records?: { eventSource?: string }[]; job?: unknown };
    const source = e?.Records?.[0]?.eventSource;
    const run =
      source === 'aws:dynamodb' ? t.stream : source === 'aws:sqs' ? t.queue : t.schedules?.[typeof e?.job === 'string' ? e.job : 'default'];
    // An event of a kind this function was not given (a misconfigured trigger) fails loudly.
    if (!run) throw new Error(`no handler for this event (${source ?? (typeof e?.job === 'string' ? `job ${e.job}` : 'schedule')})`);
    return run(event as never, context);
  };
}
