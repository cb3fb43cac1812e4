// The person's consents to the privacy guide: asked at first use, before anything personal is
// collected, and again whenever the guide has a new version. The server keeps the record; a
// local note only avoids asking twice on one phone before the server has answered.
import Taro from '@tarojs/taro';
import { giveConsents, listConsents, PRIVACY_POLICY_VERSION, type ConsentPurpose } from '@doorstep/shared';
import { request } from './request';
import { actingNow } from './session';
import { resolvePlatformPrivacy } from './platformPrivacy';

const KEY = 'doorstep.privacy-agreed';
const channel = process.env.TARO_ENV === 'weapp' ? 'weapp' : 'h5';

/** The consents the person holds for the guide now in force. */
export async function currentConsents(): Promise<Set<ConsentPurpose>> {
  const { items } = await request(listConsents);
  const held = new Set(items.filter((c) => c.current).map((c) => c.purpose));
  // Acting for a family member, these are theirs: the phone's own note stays as it is.
  if (actingNow()) return held;
  if (held.has('privacy')) Taro.setStorageSync(KEY, PRIVACY_POLICY_VERSION);
  else Taro.removeStorageSync(KEY);
  return held;
}

export async function agree(purposes: ConsentPurpose[]): Promise<void> {
  await request(giveConsents, { body: { purposes, version: PRIVACY_POLICY_VERSION, channel } });
  if (purposes.includes('privacy')) Taro.setStorageSync(KEY, PRIVACY_POLICY_VERSION);
}

/** The person agreed to the guide: record it, and let a privacy API WeChat held back go on. */
export async function agreeToGuide(): Promise<void> {
  await agree(['privacy']);
  resolvePlatformPrivacy(true);
}

/** Whether this phone has seen the person agree to the guide now in force. */
export const agreedHere = (): boolean => Taro.getStorageSync(KEY) === PRIVACY_POLICY_VERSION;
