// WeChat mini-program login: exchange the code from wx.login for an openid (jscode2session).
// The real client calls WeChat's HTTPS API; tests point WECHAT_API_BASE at a loopback server.
import { UnauthenticatedError, UpstreamUnavailableError } from '../http/errors';
import { logger } from '../logger';

export interface WeChatIdentity {
  openid: string;
  unionid?: string;
}

export interface WeChatAuth {
  codeToSession(code: string): Promise<WeChatIdentity>;
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
  return {
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
