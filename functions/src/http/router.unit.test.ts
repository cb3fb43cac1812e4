// A domain's schedule on its own function: EventBridge's scheduled event runs the domain's periodic
// work; every HTTP event is still routed by its route key.
import type { HttpEvent } from './handler';
import { router, unrouted, withSchedule } from './router';

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

describe('unrouted ($default)', () => {
  const served = [
    { method: 'GET', path: '/gigs/nearby' },
    { method: 'GET', path: '/gigs/{id}' },
    { method: 'POST', path: '/gigs/{id}/takes' },
  ];
  const call = (method: string, rawPath: string) => unrouted(() => served)({ rawPath, requestContext: { http: { method } } } as unknown as HttpEvent);
  const body = (r: { body?: string }) => JSON.parse(String(r.body)).error;

  it('answers a path no contract has with 404 没有这个接口', async () => {
    const r = await call('GET', '/gigs/1/nowhere');
    expect(r.statusCode).toBe(404);
    expect(body(r)).toEqual({ code: 'not_found', message: '没有这个接口' });
  });

  it('answers a served path asked with another method with 405 and the methods it takes', async () => {
    const r = await call('DELETE', '/gigs/01J0000000000000000000000/takes');
    expect(r.statusCode).toBe(405);
    expect(r.headers?.allow).toBe('POST');
    expect(body(r).message).toBe('这个接口不支持这种请求方式');
  });

  it('never fails on a strange event', async () => {
    const r = await unrouted(() => served)({} as HttpEvent);
    expect(r.statusCode).toBe(404);
  });
});
