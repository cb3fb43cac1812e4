import Taro from '@tarojs/taro';
import { getMe, listAreas } from '@doorstep/shared';
import { ApiError, onSessionExpired, request } from './request';
import { actingNow, loadOwnSession, saveSession, startActingWith, stopActing } from './session';

const mockRequest = Taro.request as unknown as jest.Mock;
const user = { id: 'u1', roles: ['jobseeker'], createdAt: '2026-11-23T00:00:00.000Z' };
const session = (token: string) => ({ token, expiresAt: new Date(Date.now() + 3600_000).toISOString(), user });

beforeEach(() => {
  mockRequest.mockReset();
  stopActing();
  saveSession(session('old-token') as never);
});

describe('request()', () => {
  it('sends the session token and returns the parsed answer', async () => {
    mockRequest.mockResolvedValueOnce({ statusCode: 200, data: { user } });

    await expect(request(getMe)).resolves.toEqual({ user });
    expect(mockRequest.mock.calls[0][0]).toMatchObject({ url: '/api/me', method: 'GET', header: { authorization: 'Bearer old-token' } });
  });

  it('turns an error answer into an ApiError with the Chinese message and field details', async () => {
    mockRequest.mockResolvedValueOnce({
      statusCode: 400,
      data: { error: { code: 'invalid_input', message: '输入有误', details: [{ path: ['parent'], message: '区划代码有误' }] } },
    });

    await expect(request(listAreas, { query: { parent: 'x' } })).rejects.toMatchObject({
      status: 400,
      message: '输入有误',
      details: [{ path: ['parent'], message: '区划代码有误' }],
    });
    expect(mockRequest.mock.calls[0][0].url).toBe('/api/areas?parent=x');
  });

  it('says the network is down in words, not a stack', async () => {
    mockRequest.mockRejectedValueOnce(new Error('request:fail'));
    await expect(request(getMe)).rejects.toEqual(new ApiError(0, 'network', '网络连接失败，请检查网络后重试'));
  });

  it('refuses an answer that does not match the contract', async () => {
    mockRequest.mockResolvedValueOnce({ statusCode: 200, data: { user: { id: 1 } } });
    await expect(request(getMe)).rejects.toMatchObject({ code: 'bad_response' });
  });

  it('signs in again once when the session has expired, then retries', async () => {
    onSessionExpired(async () => saveSession(session('new-token') as never));
    mockRequest
      .mockResolvedValueOnce({ statusCode: 401, data: { error: { code: 'unauthenticated', message: '登录已过期，请重新登录' } } })
      .mockResolvedValueOnce({ statusCode: 200, data: { user } });

    await expect(request(getMe)).resolves.toEqual({ user });
    expect(mockRequest.mock.calls[1][0].header.authorization).toBe('Bearer new-token');
  });
});

describe('request() while acting for a family member (亲情代办)', () => {
  const actingFor = { bindingId: 'b1', personId: 'mum', callName: '妈妈', relation: 'child' };
  const proxySession = (expiresInMs: number) => ({ token: 'proxy-token', expiresAt: new Date(Date.now() + expiresInMs).toISOString(), user: { ...user, id: 'mum' }, actingFor });

  it('goes out on the proxy session, and on one’s own only when asked', async () => {
    startActingWith(proxySession(3600_000) as never);
    mockRequest.mockResolvedValue({ statusCode: 200, data: { user } });
    await request(getMe);
    await request(getMe, { self: true });
    expect(mockRequest.mock.calls.map((c) => c[0].header.authorization)).toEqual(['Bearer proxy-token', 'Bearer old-token']);
  });

  it('never falls back to one’s own account once the proxy session has expired: the refusal ends acting and says so', async () => {
    const signIn = jest.fn(async () => saveSession(session('new-token') as never));
    onSessionExpired(signIn);
    startActingWith(proxySession(30_000) as never); // within a minute of its end: treated as expired
    mockRequest.mockResolvedValueOnce({ statusCode: 401, data: { error: { code: 'unauthenticated', message: '请先登录' } } });

    await expect(request(getMe)).rejects.toMatchObject({ status: 401, message: expect.stringContaining('代办已超时') });
    expect(mockRequest).toHaveBeenCalledTimes(1);
    expect(mockRequest.mock.calls[0][0].header.authorization).toBeUndefined();
    expect(signIn).not.toHaveBeenCalled();
    expect(actingNow()).toBeUndefined();
    expect(loadOwnSession()?.token).toBe('old-token');
  });

  it('ends acting when the family member has been removed (403 proxy_revoked), keeping the server’s words', async () => {
    startActingWith(proxySession(3600_000) as never);
    mockRequest.mockResolvedValueOnce({ statusCode: 403, data: { error: { code: 'proxy_revoked', message: '代办关系已解除，不能再为对方办理' } } });
    await expect(request(getMe)).rejects.toMatchObject({ code: 'proxy_revoked', message: '代办关系已解除，不能再为对方办理' });
    expect(actingNow()).toBeUndefined();
  });
});
