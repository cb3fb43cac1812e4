// The one way the mini-program calls the API: adds the session, parses the answer with the
// endpoint's shared contract, and turns every failure into an ApiError with Chinese text.
import Taro from '@tarojs/taro';
import { errorBodySchema, type BodyOf, type Contract, type FieldIssue, type ParamsOf, type QueryOf, type z } from '@doorstep/shared';
import { actingNow, clearSession, loadOwnSession, loadSession, stopActing } from './session';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: FieldIssue[] = [],
  ) {
    super(message);
  }
}

/** `/employers/{id}` with `{ id }` filled in, each value URL-encoded. */
function withParams(path: string, params: Record<string, unknown> | undefined): string {
  return path.replace(/\{(\w+)\}/g, (_m, name: string) => encodeURIComponent(String(params?.[name] ?? '')));
}

function withQuery(path: string, query: Record<string, unknown> | undefined): string {
  const entries = Object.entries(query ?? {}).filter(([, v]) => v !== undefined && v !== '');
  if (!entries.length) return path;
  return `${path}?${entries.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`).join('&')}`;
}

// How to sign in again when a session has expired; registered by services/identity.ts (which
// itself uses request(), hence a registration instead of an import).
let reauthenticate: (() => Promise<unknown>) | undefined;
export function onSessionExpired(fn: () => Promise<unknown>): void {
  reauthenticate = fn;
}

type Input<C extends Contract> = {
  body?: BodyOf<C>;
  query?: QueryOf<C>;
  params?: ParamsOf<C>;
  /** Idempotency-Key: the same key on a retry makes the server answer as the first time. */
  idempotencyKey?: string;
  /** On the person's own session even while acting for someone (亲情代办's own pages, settings). */
  self?: boolean;
};

/** A fresh Idempotency-Key for one action; keep it while that action is retried. */
export const newIdempotencyKey = () => `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}`;

export async function request<C extends Contract>(contract: C, input: Input<C> = {}): Promise<z.infer<C['response']>> {
  const proxied = !input.self && actingNow() !== undefined;
  try {
    return await send(contract, input);
  } catch (err) {
    // Acting for someone: never fall back to one's own account. An expired or ended proxy session
    // ends acting here, and the person is told; the page's own retry then works on their own account.
    if (proxied && err instanceof ApiError && (err.status === 401 || err.code === 'proxy_revoked')) {
      stopActing();
      if (err.status === 401) throw new ApiError(401, 'unauthenticated', '代办已超时：请回到首页，在「亲情代办」里重新选择为谁代办');
      throw err;
    }
    // An expired session on a signed-in call: sign in again quietly (as WeChat apps do) and retry once.
    if (err instanceof ApiError && err.status === 401 && contract.auth !== 'public' && reauthenticate) {
      await reauthenticate();
      return send(contract, input);
    }
    // Personal data before the guide was agreed (it changed, or this page was opened first): show it.
    if (err instanceof ApiError && err.code === 'consent_required' && !proxied && err.details.some((d) => d.path.join('.') === 'consents.privacy')) {
      void Taro.navigateTo({ url: '/privacy/policy/index?ask=1' });
    }
    throw err;
  }
}

async function send<C extends Contract>(contract: C, input: Input<C>): Promise<z.infer<C['response']>> {
  const session = input.self ? loadOwnSession() : loadSession();
  const proxied = !input.self && actingNow() !== undefined;
  let res: Taro.request.SuccessCallbackResult;
  try {
    res = await Taro.request({
      url: `${API_BASE}${withQuery(withParams(contract.path, input.params as Record<string, unknown> | undefined), input.query as Record<string, unknown> | undefined)}`,
      method: contract.method,
      data: input.body as Record<string, unknown> | undefined,
      header: {
        'content-type': 'application/json',
        ...(session ? { authorization: `Bearer ${session.token}` } : {}),
        ...(input.idempotencyKey ? { 'idempotency-key': input.idempotencyKey } : {}),
      },
      // A file download (a CSV) comes back as text, not JSON.
      ...(contract.produces ? { dataType: 'text', responseType: 'text' as const } : {}),
      timeout: 15_000,
    });
  } catch {
    throw new ApiError(0, 'network', '网络连接失败，请检查网络后重试');
  }
  if (res.statusCode >= 200 && res.statusCode < 300 && contract.produces) {
    const disposition = String((res.header as Record<string, string>)['content-disposition'] ?? (res.header as Record<string, string>)['Content-Disposition'] ?? '');
    const fileName = /filename="([^"]+)"/.exec(disposition)?.[1] ?? 'download.csv';
    return { fileName, content: String(res.data).replace(/^\uFEFF/, '') } as z.infer<C['response']>;
  }
  if (res.statusCode >= 200 && res.statusCode < 300) {
    const parsed = contract.response.safeParse(res.data);
    if (!parsed.success) throw new ApiError(res.statusCode, 'bad_response', '服务返回的内容有误，请稍后再试');
    return parsed.data as z.infer<C['response']>;
  }
  if (res.statusCode === 401 && !proxied) clearSession();
  let data: unknown = res.data;
  if (typeof data === 'string') {
    try {
      data = JSON.parse(data);
    } catch {
      data = undefined;
    }
  }
  const error = errorBodySchema.safeParse(data);
  if (error.success) {
    const { code, message, details } = error.data.error;
    throw new ApiError(res.statusCode, code, message, details);
  }
  throw new ApiError(res.statusCode, 'unknown', '系统繁忙，请稍后再试');
}
