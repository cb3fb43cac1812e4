// A tiny JSON client for the API suites.
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
    async devLogin(openid: string, extra: Record<string, unknown> = {}): Promise<string> {
      const res = await call('POST', '/auth/dev-login', { body: { openid, ...extra } });
      // serverless offline answers a Lambda timeout with HTTP 200 and no session: check the body too.
      if (res.status !== 200 || typeof res.body?.token !== 'string') throw new Error(`dev login failed: ${res.status} ${res.text}`);
      return res.body.token;
    },
  };
}
