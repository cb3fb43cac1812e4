// 关怀模式 (care mode): larger text, taller tap targets, darker quiet text, a simpler home. Kept on
// this phone (so it holds before signing in, and for the privacy guide itself) and on the account
// (so it follows the person to another phone): signing in applies the account's choice.
import Taro from '@tarojs/taro';
import { putMyPreferences } from '@doorstep/shared';
import { request } from './request';

const KEY = 'doorstep.care-mode';
const listeners = new Set<() => void>();
let on = Taro.getStorageSync(KEY) === true;

export const careModeOn = (): boolean => on;

export function subscribeCareMode(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Switches this phone's display at once (every open page re-renders). */
export function applyCareMode(value: boolean): void {
  if (value === on) return;
  on = value;
  Taro.setStorageSync(KEY, value);
  listeners.forEach((l) => l());
}

/** The person's own switch: shown at once, then remembered on their account. */
export async function chooseCareMode(value: boolean, signedIn: boolean): Promise<void> {
  applyCareMode(value);
  // The person's own account, even while acting for a family member.
  if (signedIn) await request(putMyPreferences, { body: { careMode: value }, self: true });
}
