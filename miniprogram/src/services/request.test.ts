import Taro from '@tarojs/taro';
import { getMe, listAreas } from '@doorstep/shared';
import { ApiError, onSessionExpired, request } from './request';
import { saveSession } from './session';

const mockRequest = Taro.request as unknown as jest.Mock;
const user = { id: 'u1', roles: ['jobseeker'], createdAt: '2026-11-23T00:00:00.000Z' };
const session = (token: string) => ({ token, expiresAt: new Date(Date.now() + 3600_000).toISOString(), user });

beforeEach(() => {
  mockRequest.mockReset();
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
