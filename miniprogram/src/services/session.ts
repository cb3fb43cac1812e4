// The signed-in session, kept in the mini-program's storage.
import Taro from '@tarojs/taro';
import { sessionSchema, type Session } from '@doorstep/shared';

const KEY = 'doorstep.session';

export function loadSession(): Session | undefined {
  const parsed = sessionSchema.safeParse(Taro.getStorageSync(KEY));
  if (!parsed.success) return undefined;
  if (new Date(parsed.data.expiresAt).getTime() < Date.now() + 60_000) return undefined;
  return parsed.data;
}

export function saveSession(session: Session): void {
  Taro.setStorageSync(KEY, session);
}

export function clearSession(): void {
  Taro.removeStorageSync(KEY);
}
