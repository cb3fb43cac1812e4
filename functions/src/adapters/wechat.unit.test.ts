import { createWeChatAuth } from './wechat';
import { startFakeWeChat, type FakeWeChat } from '../../../tests/support/fakeWeChat';

let wechat: FakeWeChat;
beforeAll(async () => {
  wechat = await startFakeWeChat();
});
afterAll(() => wechat.close());

const client = (apiBase: string, extra: Partial<Parameters<typeof createWeChatAuth>[0]> = {}) =>
  createWeChatAuth({ appId: 'wx-app', secret: 'wx-secret', apiBase, ...extra });

describe('WeChat jscode2session adapter (against a loopback WeChat)', () => {
  it('exchanges a code for the openid, sending app id, secret and grant type', async () => {
    await expect(client(wechat.baseUrl).codeToSession('code-dora')).resolves.toEqual({ openid: 'openid-dora' });
    expect(wechat.calls.at(-1)).toEqual({ appid: 'wx-app', secret: 'wx-secret', code: 'code-dora' });
  });

  it('answers 401 for a code WeChat rejects', async () => {
    await expect(client(wechat.baseUrl).codeToSession('used-code')).rejects.toMatchObject({ statusCode: 401 });
  });

  it('answers 503 when WeChat has an error of its own', async () => {
    await expect(client(wechat.baseUrl).codeToSession('busy')).rejects.toMatchObject({ statusCode: 503 });
  });

  it('answers 503 when WeChat cannot be reached', async () => {
    await expect(client('http://127.0.0.1:9', { timeoutMs: 1000 }).codeToSession('code-x')).rejects.toMatchObject({ statusCode: 503 });
  });

  it('answers 503 without calling WeChat when the app is not configured', async () => {
    const before = wechat.calls.length;
    await expect(client(wechat.baseUrl, { appId: '' }).codeToSession('code-x')).rejects.toMatchObject({ statusCode: 503 });
    expect(wechat.calls.length).toBe(before);
  });
});

describe('WeChat getuserphonenumber adapter (against a loopback WeChat)', () => {
  it('gives the verified number behind a getPhoneNumber code, with a stable access token', async () => {
    await expect(client(wechat.baseUrl).phoneNumber('phone-13700001234')).resolves.toBe('13700001234');
  });

  it('answers 400 naming the code for a code WeChat rejects, 503 when WeChat cannot be reached', async () => {
    await expect(client(wechat.baseUrl).phoneNumber('stale')).rejects.toMatchObject({ statusCode: 400, details: [expect.objectContaining({ path: ['code'] })] });
    await expect(client('http://127.0.0.1:9', { timeoutMs: 1000 }).phoneNumber('phone-13700001234')).rejects.toMatchObject({ statusCode: 503 });
  });
});
