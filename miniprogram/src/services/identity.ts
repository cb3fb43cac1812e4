// Signing in. WeChat-only APIs stay behind this small interface: the weapp build uses wx.login
// (or the CloudBase bridge when a CloudBase environment is configured); the H5 build, which
// only runs against the local stack, uses the dev login with an identity kept on this device.
import Taro from '@tarojs/taro';
import { cloudbaseLogin, devLogin, wechatLogin, type Session } from '@doorstep/shared';
import { request, ApiError, onSessionExpired } from './request';
import { clearSession, saveSession } from './session';
import { applyCareMode } from './careMode';

export interface IdentityService {
  signIn(): Promise<Session>;
}

const weappIdentity: IdentityService = {
  async signIn() {
    if (CLOUDBASE_ENV) {
      Taro.cloud.init({ env: CLOUDBASE_ENV });
      const { result } = (await Taro.cloud.callFunction({ name: 'identity' })) as { result: { ticket?: string } };
      if (!result?.ticket) throw new ApiError(0, 'cloudbase', '云开发登录失败，请稍后重试');
      return request(cloudbaseLogin, { body: { ticket: result.ticket } });
    }
    const { code } = await Taro.login();
    if (!code) throw new ApiError(0, 'wechat', '微信登录失败，请重新进入小程序');
    return request(wechatLogin, { body: { code } });
  },
};

const DEVICE_KEY = 'doorstep.h5-device-id';

/**
 * H5 on the local stage: `?as=<openid>` in the address signs this browser in as that demo
 * account (npm start lists them), replacing the session of any other account.
 */
export function adoptDemoAccountFromUrl(search: string = typeof window === 'undefined' ? '' : window.location.search): void {
  const as = new URLSearchParams(search).get('as');
  if (!as || !/^[\w-]{1,64}$/.test(as) || Taro.getStorageSync(DEVICE_KEY) === as) return;
  Taro.setStorageSync(DEVICE_KEY, as);
  clearSession();
}

const h5Identity: IdentityService = {
  async signIn() {
    let openid = Taro.getStorageSync(DEVICE_KEY) as string;
    if (!openid) {
      openid = `h5-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
      Taro.setStorageSync(DEVICE_KEY, openid);
    }
    return request(devLogin, { body: { openid } });
  },
};

export const identity: IdentityService = process.env.TARO_ENV === 'weapp' ? weappIdentity : h5Identity;

export async function signIn(): Promise<Session> {
  const session = await identity.signIn();
  saveSession(session);
  // 关怀模式 follows the person: their account's choice, once they have made one, wins on this phone.
  if (session.user.careMode !== undefined) applyCareMode(session.user.careMode);
  return session;
}

onSessionExpired(signIn);
