// A domain's schedule on its own function: EventBridge's scheduled event runs the domain's periodic
// work; every HTTP event is still routed by its route key.
import type { HttpEvent } from './handler';
import { router, withSchedule } from './router';

describe('withSchedule', () => {
  it('runs the schedule for a scheduled event and routes the rest', async () => {
    let runs = 0;
    const handler = withSchedule(router(), async () => {
      runs += 1;
      return { done: 3 };
    });
    const scheduled = await handler({ source: 'aws.events', 'detail-type': 'Scheduled Event' } as unknown as HttpEvent);
    expect(runs).toBe(1);
    expect(JSON.parse(String(scheduled.body))).toEqual({ done: 3 });
    const http = await handler({ routeKey: 'GET /nothing-here' } as HttpEvent);
    expect(runs).toBe(1);
    expect(http.statusCode).toBe(404);
    expect(handler.routes).toEqual([]);
  });
});
