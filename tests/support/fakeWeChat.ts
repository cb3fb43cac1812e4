// A loopback stand-in for WeChat's jscode2session endpoint, with WeChat's own answer shapes. One
// serves every API suite of a run (tests/support/sharedStack.ts); a suite reads the calls it
// caused from `GET /__calls`.
import { createServer, type Server } from 'node:http';

export interface WeChatCall {
  appid: string | null;
  secret: string | null;
  code: string | null;
}

export interface FakeWeChat {
  baseUrl: string;
  /** The calls so far, for a test in the same process. */
  calls: WeChatCall[];
  close(): Promise<void>;
}

/** `code-<x>` logs in as `openid-<x>`; `expired` answers errcode 40029; `busy` answers -1. A getPhoneNumber code `phone-<number>` is that number. */
export async function startFakeWeChat(): Promise<FakeWeChat> {
  const calls: WeChatCall[] = [];
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    res.setHeader('content-type', 'application/json');
    if (url.pathname === '/__calls') return res.end(JSON.stringify(calls));
    if (url.pathname === '/cgi-bin/stable_token') return res.end(JSON.stringify({ access_token: 'fake-access-token', expires_in: 7200 }));
    // getPhoneNumber: `phone-<11 digits>` is that number; anything else an expired code.
    if (url.pathname === '/wxa/business/getuserphonenumber') {
      let body = '';
      req.on('data', (chunk) => (body += chunk));
      req.on('end', () => {
        const code = (JSON.parse(body || '{}') as { code?: string }).code ?? '';
        const phone = /^phone-(1\d{10})$/.exec(code)?.[1];
        res.end(JSON.stringify(url.searchParams.get('access_token') === 'fake-access-token' && phone ? { errcode: 0, phone_info: { phoneNumber: phone, purePhoneNumber: phone, countryCode: '86' } } : { errcode: 40029, errmsg: 'invalid code' }));
      });
      return undefined;
    }
    if (url.pathname !== '/sns/jscode2session') {
      res.statusCode = 404;
      return res.end('{}');
    }
    const code = url.searchParams.get('js_code');
    calls.push({ appid: url.searchParams.get('appid'), secret: url.searchParams.get('secret'), code });
    if (code === 'busy') return res.end(JSON.stringify({ errcode: -1, errmsg: 'system error' }));
    if (!code?.startsWith('code-')) return res.end(JSON.stringify({ errcode: 40029, errmsg: 'invalid code' }));
    res.end(JSON.stringify({ openid: `openid-${code.slice(5)}`, session_key: 'not-used-here' }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    calls,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** The jscode2session calls the shared fake WeChat has had so far, oldest first. */
export async function weChatCalls(baseUrl = process.env.TEST_WECHAT_URL): Promise<WeChatCall[]> {
  if (!baseUrl) throw new Error('TEST_WECHAT_URL is not set: the API tier’s global setup starts the fake WeChat');
  return (await fetch(`${baseUrl}/__calls`)).json() as Promise<WeChatCall[]>;
}
