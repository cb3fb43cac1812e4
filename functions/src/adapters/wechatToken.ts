// WeChat's access token for server-side calls (subscription messages, a user's phone number):
// the stable token (cgi-bin/stable_token), kept until five minutes before it expires.
export function createStableToken(options: { appId: string; secret: string; apiBase: string; fetchImpl?: typeof fetch }): () => Promise<string> {
  const doFetch = options.fetchImpl ?? fetch;
  let token: { value: string; until: number } | undefined;
  return async function accessToken(): Promise<string> {
    if (token && token.until > Date.now()) return token.value;
    const res = await doFetch(new URL('/cgi-bin/stable_token', options.apiBase), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ grant_type: 'client_credential', appid: options.appId, secret: options.secret }),
      signal: AbortSignal.timeout(5000),
    });
    const payload = (await res.json()) as { access_token?: string; expires_in?: number; errcode?: number };
    if (!payload.access_token) throw new Error(`stable_token errcode ${payload.errcode}`);
    token = { value: payload.access_token, until: Date.now() + ((payload.expires_in ?? 7200) - 300) * 1000 };
    return token.value;
  };
}
