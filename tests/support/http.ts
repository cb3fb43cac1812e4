// A tiny JSON client for the API suites.
import { PRIVACY_POLICY_VERSION, type ConsentPurpose } from '@doorstep/shared';

/** What the people of the fixtures have agreed to, as they would in the app. */
const FIXTURE_CONSENTS: readonly ConsentPurpose[] = ['privacy', 'id_number', 'hardship_evidence'];
export interface JsonResponse<T = any> {
  status: number;
  body: T;
  text: string;
}

export function apiClient(baseUrl: string) {
  async function call<T = any>(
    method: string,
    path: string,
    options: { token?: string; body?: unknown; rawBody?: string; headers?: Record<string, string> } = {},
  ): Promise<JsonResponse<T>> {
    const res = await fetch(`${baseUrl}${path}`, {
      method,
      headers: {
        ...(options.body !== undefined || options.rawBody !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
        ...options.headers,
      },
      body: options.rawBody ?? (options.body !== undefined ? JSON.stringify(options.body) : undefined),
    });
    const text = await res.text();
    let body: any;
    try {
      body = JSON.parse(text);
    } catch {
      body = undefined;
    }
    return { status: res.status, body, text };
  }
  return {
    call,
    get: <T = any>(path: string, token?: string) => call<T>('GET', path, { token }),
    post: <T = any>(path: string, body: unknown, token?: string) => call<T>('POST', path, { body, token }),
    put: <T = any>(path: string, body: unknown, token?: string) => call<T>('PUT', path, { body, token }),
    /**
     * Signs in as `openid`, then gives the consents a person gives in the app (the guide at first
     * use, the separate ones where a service asks): `consents: []` for someone who has not.
     */
    async devLogin(openid: string, extra: Record<string, unknown> = {}, { consents = FIXTURE_CONSENTS }: { consents?: readonly ConsentPurpose[] } = {}): Promise<string> {
      const res = await call('POST', '/auth/dev-login', { body: { openid, ...extra } });
      // serverless offline answers a Lambda timeout with HTTP 200 and no session: check the body too.
      if (res.status !== 200 || typeof res.body?.token !== 'string') throw new Error(`dev login failed: ${res.status} ${res.text}`);
      if (consents.length) {
        const agreed = await call('POST', '/me/consents', { body: { purposes: consents, version: PRIVACY_POLICY_VERSION, channel: 'weapp' }, token: res.body.token });
        if (agreed.status !== 200) throw new Error(`consents failed: ${agreed.status} ${agreed.text}`);
      }
      return res.body.token;
    },
  };
}
