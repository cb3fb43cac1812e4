// WeChat mini-program login: exchange the code from wx.login for an openid (jscode2session); and
// the phone number a person lets us have (the code of a getPhoneNumber button, exchanged through
// wxa/business/getuserphonenumber): a number WeChat has verified. The real client calls WeChat's
// HTTPS API; tests point WECHAT_API_BASE at a loopback server.
import { UnauthenticatedError, UpstreamUnavailableError, ValidationError } from '../http/errors';
import { createStableToken } from './wechatToken';
import { logger } from '../logger';

export interface WeChatIdentity {
  openid: string;
  unionid?: string;
}

export interface WeChatAuth {
  codeToSession(code: string): Promise<WeChatIdentity>;
  /** The verified phone number behind a getPhoneNumber code (used once). */
  phoneNumber(code: string): Promise<string>;
}

// Codes WeChat answers for a bad, used or expired js_code, or a blocked user.
const INVALID_CODE_ERRORS = new Set([40029, 40163, 40226]);

export function createWeChatAuth(options: {
  appId: string;
  secret: string;
  apiBase: string;
  fetchImpl?: typeof fetch;
  timeoutMs?: number;
}): WeChatAuth {
  const doFetch = options.fetchImpl ?? fetch;
  const accessToken = createStableToken(options);
  return {
    async phoneNumber(code) {
      if (!options.appId || !options.secret) throw new UpstreamUnavailableError('微信服务尚未配置');
      let payload: { errcode?: number; phone_info?: { purePhoneNumber?: string; countryCode?: string } };
      try {
        const url = new URL('/wxa/business/getuserphonenumber', options.apiBase);
        url.searchParams.set('access_token', await accessToken());
        const res = await doFetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code }), signal: AbortSignal.timeout(options.timeoutMs ?? 5000) });
        if (!res.ok) throw new Error(`HTTP ${res.status}`);
        payload = (await res.json()) as typeof payload;
      } catch (err) {
        logger.warn('getuserphonenumber failed', { reason: (err as Error).message });
        throw new UpstreamUnavailableError('微信服务暂时不可用，请稍后再试');
      }
      const phone = payload.phone_info?.purePhoneNumber;
      if (payload.errcode || !phone) throw new ValidationError([{ path: ['code'], message: '手机号授权已失效，请再点一次“用微信手机号验证”' }]);
      if (payload.phone_info?.countryCode && payload.phone_info.countryCode !== '86') throw new ValidationError([{ path: ['code'], message: '请使用中国大陆手机号' }]);
      return phone;
    },
    async codeToSession(code) {
      if (!options.appId || !options.secret) throw new UpstreamUnavailableError('微信登录尚未配置');
      const url = new URL('/sns/jscode2session', options.apiBase);
      url.search = new URLSearchParams({
        appid: options.appId,
        secret: options.secret,
        js_code: code,
        grant_type: 'authorization_code',
      }).toString();
      let payload: { openid?: string; unionid?: string; errcode?: number; errmsg?: string };
      try {
        const res = await doFetch(url, { signal: AbortSignal.timeout(options.timeoutMs ?? 5000) });
        if (!res.ok) throw new Error(`HTTP ${res.status}`);
        payload = (await res.json()) as typeof payload;
      } catch (err) {
        logger.warn('jscode2session failed', { reason: (err as Error).message });
        throw new UpstreamUnavailableError('微信服务暂时不可用，请稍后再试');
      }
      if (payload.errcode && INVALID_CODE_ERRORS.has(payload.errcode)) {
        throw new UnauthenticatedError('微信登录凭证无效或已过期，请重新进入小程序');
      }
      if (payload.errcode || !payload.openid) {
        logger.warn('jscode2session refused', { errcode: payload.errcode });
        throw new UpstreamUnavailableError('微信登录暂时不可用，请稍后再试');
      }
      return { openid: payload.openid, ...(payload.unionid ? { unionid: payload.unionid } : {}) };
    },
  };
}
