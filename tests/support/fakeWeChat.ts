// A loopback stand-in for WeChat's jscode2session endpoint, with WeChat's own answer shapes.
import { createServer, type Server } from 'node:http';

export interface FakeWeChat {
  baseUrl: string;
  calls: { appid: string | null; secret: string | null; code: string | null }[];
  close(): Promise<void>;
}

/** `code-<x>` logs in as `openid-<x>`; `expired` answers errcode 40029; `busy` answers -1. */
export async function startFakeWeChat(): Promise<FakeWeChat> {
  const calls: FakeWeChat['calls'] = [];
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    res.setHeader('content-type', 'application/json');
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
