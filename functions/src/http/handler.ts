// The HTTP wrapper every route uses: parse → authenticate → validate → run → serialise.
// Handlers receive typed input and return typed output; all error mapping happens here.
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import type { BodyOf, Contract, ErrorBody, FieldIssue, ParamsOf, QueryOf, Role, z } from '@doorstep/shared';
import { getConfig } from '../config';
import { inRequestTable } from '../db/table';
import { requireConsents } from './consents';
import { checkProxy, runAsProxy } from '../proxies/acting';
import { logger } from '../logger';
import { AppError, ForbiddenError, NotFoundError, UnauthenticatedError, ValidationError } from './errors';
import { verifySession, type Principal } from './session';
import { getUser } from '../auth/account';
import { ensureCalendar } from '../calendar/calendar';

export interface HandlerInput<C extends Contract> {
  body: BodyOf<C>;
  query: QueryOf<C>;
  params: ParamsOf<C>;
  principal: C['auth'] extends 'public' ? Principal | undefined : Principal;
  headers: Record<string, string | undefined>;
  event: APIGatewayProxyEventV2;
}

export type HttpEvent = APIGatewayProxyEventV2;
export type HttpResult = APIGatewayProxyStructuredResultV2;

const MAX_BODY_BYTES = 64 * 1024;

const json = (statusCode: number, body: unknown, headers: Record<string, string> = {}): HttpResult => ({
  statusCode,
  headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers },
  body: JSON.stringify(body),
});

/** A download: UTF-8 with a byte-order mark so that spreadsheet programs read the Chinese right. */
function fileResponse(type: string, file: { fileName: string; content: string }): HttpResult {
  return {
    statusCode: 200,
    headers: {
      'content-type': `${type}; charset=utf-8`,
      'cache-control': 'no-store',
      'content-disposition': `attachment; filename="${file.fileName.replace(/[^\w.-]/g, '_')}"`,
    },
    body: `\uFEFF${file.content}`,
  };
}

export function errorResponse(err: AppError): HttpResult {
  const body: ErrorBody = {
    error: { code: err.code, message: err.message, ...(err.details ? { details: err.details } : {}) },
  };
  return json(err.statusCode, body);
}

export function zodIssues(error: z.core.$ZodError, prefix: (string | number)[] = []): FieldIssue[] {
  return error.issues.map((issue) => {
    // Unknown keys are reported on the object; name the key itself so the client can point at it.
    const keys = issue.code === 'unrecognized_keys' ? (issue as { keys?: string[] }).keys ?? [] : [];
    const path = [...prefix, ...issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p))];
    return { path: keys.length === 1 ? [...path, keys[0]] : path, message: issue.message };
  });
}

function readBody(event: HttpEvent): unknown {
  if (event.body === undefined || event.body === null || event.body === '') return undefined;
  const text = event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body;
  if (Buffer.byteLength(text, 'utf8') > MAX_BODY_BYTES) {
    throw new ValidationError([{ path: [], message: '请求内容过大' }], '请求内容过大');
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new ValidationError([{ path: [], message: '请求内容不是有效的 JSON' }], '请求内容不是有效的 JSON');
  }
}

async function authenticate(event: HttpEvent): Promise<Principal | undefined> {
  const header = event.headers?.authorization ?? event.headers?.Authorization;
  if (!header) return undefined;
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match) throw new UnauthenticatedError('登录状态无效，请重新登录');
  return verifySession(match[1], getConfig().JWT_SECRET);
}

/**
 * Who the caller is now: the roles, level and area on their account (one consistent read), not
 * those their token was signed with — so a role removed or an officer moved takes effect on the
 * very next request, and an erased account's token opens nothing. A family member's proxy session
 * keeps the citizen role it was given (its binding is checked instead, proxies/acting.ts).
 */
async function current(principal: Principal): Promise<Principal> {
  if (principal.proxy) return principal;
  const user = await getUser(principal.userId, { consistent: true });
  if (!user) throw new UnauthenticatedError('这个账号已不存在，请重新登录');
  return { userId: user.id, roles: user.roles, level: user.level, areaCode: user.areaCode };
}

function authorise(auth: Contract['auth'], principal: Principal | undefined): void {
  if (auth === 'public') return;
  if (!principal) throw new UnauthenticatedError();
  if (auth === 'user') return;
  if (!principal.roles.some((r) => (auth as readonly Role[]).includes(r))) throw new ForbiddenError();
}

/** A route's handler, carrying its contract so a domain's router can file it under its method and path. */
export type RouteHandler = ((event: HttpEvent, context?: Context) => Promise<HttpResult>) & { contract: Contract };

export function httpHandler<C extends Contract>(
  contract: C,
  run: (input: HandlerInput<C>) => Promise<z.infer<C['response']>>,
): RouteHandler {
  const handle = (event: HttpEvent, context?: Context): Promise<HttpResult> => inRequestTable(event.headers, () => respond(event, context));
  const respond = async (event: HttpEvent, context?: Context): Promise<HttpResult> => {
    logger.addContext(context ?? ({} as Context));
    logger.appendKeys({ route: `${contract.method} ${contract.path}` });
    try {
      // Every deadline a route computes follows the working-day calendar as administrators entered it.
      await ensureCalendar();
      // A public route reads no account: the token, if any, is taken as it was signed.
      const principal = contract.auth === 'public' ? await authenticate(event).catch(() => undefined) : await authenticate(event).then((p) => p && current(p));
      authorise(contract.auth, principal);
      if (principal) logger.appendKeys({ userId: principal.userId });
      // 亲情代办: a family member's session works only on the routes a proxy may use, while the binding stands.
      const proxied = contract.auth !== 'public' && principal?.proxy ? { ...principal, proxy: principal.proxy } : undefined;
      if (proxied) await checkProxy(contract, proxied);

      let body: unknown;
      if (contract.body) {
        const parsed = contract.body.safeParse(readBody(event));
        if (!parsed.success) throw new ValidationError(zodIssues(parsed.error));
        body = parsed.data;
      }
      let query: unknown;
      if (contract.query) {
        const parsed = contract.query.safeParse(event.queryStringParameters ?? {});
        if (!parsed.success) throw new ValidationError(zodIssues(parsed.error));
        query = parsed.data;
      }

      let params: unknown;
      if (contract.params) {
        const parsed = contract.params.safeParse(event.pathParameters ?? {});
        // A malformed id names nothing that exists: 404, as for any record one may not see.
        if (!parsed.success) throw new NotFoundError();
        params = parsed.data;
      }

      // Personal data by consent: checked after the input (bad input is a 400 whoever sends it).
      if (contract.consents?.length && principal) await requireConsents(principal.userId, contract.consents);

      const execute = () => run({ body, query, params, principal, headers: event.headers ?? {}, event } as HandlerInput<C>);
      const result = proxied ? await runAsProxy(contract, proxied, execute) : await execute();
      // Serialise through the contract: a response can never carry fields the contract does not name.
      const output = contract.response.parse(result);
      if (contract.produces) return fileResponse(contract.produces, output as { fileName: string; content: string });
      return json(contract.successStatus ?? 200, output);
    } catch (err) {
      if (err instanceof AppError) {
        if (err.statusCode >= 500) logger.warn('dependency failure', { code: err.code });
        return errorResponse(err);
      }
      logger.error('unhandled error', err as Error);
      return json(500, { error: { code: 'internal', message: '系统繁忙，请稍后再试' } } satisfies ErrorBody);
    } finally {
      logger.resetKeys();
    }
  };
  return Object.assign(handle, { contract });
}
