// One Lambda per bounded context: a domain's `api.ts` gathers its route handlers here, and API
// Gateway's explicit routes (one per contract, in the API's OpenAPI Body) all point at that one
// function. The route key API Gateway puts on the event (`POST /vouchers/redeem`, as declared)
// picks the handler. A request no route matches reaches `$default` (the platform's `unrouted`).
import type { Context } from 'aws-lambda';
import { ensureCalendar } from '../calendar/calendar';
import { MethodNotAllowedError, NotFoundError } from './errors';
import { errorResponse, type HttpEvent, type HttpResult, type RouteHandler } from './handler';

export type DomainRouter = ((event: HttpEvent, context?: Context) => Promise<HttpResult>) & {
  /** The route keys this function serves, `METHOD /path`, as serverless.yml must declare them. */
  routes: string[];
};

export const routeKeyOf = (h: RouteHandler) => `${h.contract.method} ${h.contract.path}`;

export function router(...handlers: RouteHandler[]): DomainRouter {
  const byKey = new Map<string, RouteHandler>();
  for (const h of handlers) {
    const key = routeKeyOf(h);
    if (byKey.has(key)) throw new Error(`route ${key} is listed twice`);
    byKey.set(key, h);
  }
  const route = async (event: HttpEvent, context?: Context): Promise<HttpResult> => {
    const handler = byKey.get(event.routeKey);
    // Only reachable if serverless.yml routes a key here that the domain does not list.
    if (!handler) return errorResponse(new NotFoundError('没有这个接口'));
    return handler(event, context);
  };
  return Object.assign(route, { routes: [...byKey.keys()] });
}

/** EventBridge's scheduled event, as a schedule on the function delivers it. */
const isScheduled = (event: unknown): boolean => (event as { 'detail-type'?: string; source?: string })?.source === 'aws.events';

/**
 * A domain's own schedule on its one function (serverless.yml `- schedule:` beside its routes), so
 * a bounded context's periodic work does not cost a function of its own: scheduled events run
 * `run`; everything else is routed.
 */
export function withSchedule(route: DomainRouter, run: () => Promise<unknown>): DomainRouter {
  const handler = async (event: HttpEvent, context?: Context): Promise<HttpResult> => {
    if (!isScheduled(event)) return route(event, context);
    await ensureCalendar();
    return { statusCode: 200, body: JSON.stringify((await run()) ?? {}) };
  };
  return Object.assign(handler, { routes: route.routes });
}

const segmentsOf = (path: string) => path.split('/').filter(Boolean);
const pathMatches = (template: string, path: string): boolean => {
  const [t, p] = [segmentsOf(template), segmentsOf(path)];
  return t.length === p.length && t.every((s, i) => s.startsWith('{') || s === p[i]);
};

/**
 * What API Gateway's `$default` route answers, given every served `METHOD /path`: a path that is
 * served for other methods → 405 naming them (`allow`); anything else → 404 没有这个接口. Never
 * a 500, whatever the path.
 */
export function unrouted(servedList: () => readonly { method: string; path: string }[]) {
  let served: readonly { method: string; path: string }[] | undefined;
  return async (event: HttpEvent): Promise<HttpResult> => {
    served ??= servedList();
    const path = String(event.rawPath ?? '/');
    const method = String(event.requestContext?.http?.method ?? '').toUpperCase();
    const allow = served.filter((c) => pathMatches(c.path, path)).map((c) => c.method);
    if (allow.length && !allow.includes(method)) {
      const res = errorResponse(new MethodNotAllowedError(allow));
      return { ...res, headers: { ...res.headers, allow: allow.join(', ') } };
    }
    return errorResponse(new NotFoundError('没有这个接口'));
  };
}

/** A function that also takes API Gateway's `$default` route (serverless.yml `httpApi: '*'`). */
export function withDefault(route: DomainRouter, fallback: (event: HttpEvent) => Promise<HttpResult>): DomainRouter {
  const handler = async (event: HttpEvent, context?: Context): Promise<HttpResult> =>
    event.routeKey === '$default' ? fallback(event) : route(event, context);
  return Object.assign(handler, { routes: ['*', ...route.routes] });
}
