// The signed-in session, kept in the mini-program's storage — and, while a family member acts for
// someone (亲情代办), the proxy session beside it: requests then go out on the proxy session, and
// the person's own comes back the moment acting ends.
import Taro from '@tarojs/taro';
import { sessionSchema, type ActingFor, type Session } from '@doorstep/shared';

const KEY = 'doorstep.session';
const PROXY_KEY = 'doorstep.proxy-session';

function stored(key: string): Session | undefined {
  const parsed = sessionSchema.safeParse(Taro.getStorageSync(key));
  if (!parsed.success) return undefined;
  if (new Date(parsed.data.expiresAt).getTime() < Date.now() + 60_000) return undefined;
  return parsed.data;
}

/** The person's own session. */
export const loadOwnSession = (): Session | undefined => stored(KEY);

/**
 * The session requests go out on: the proxy session while acting for someone (nothing once it has
 * expired — never the family member's own, so a request meant for the person cannot land on their
 * account; the server's 401 then ends acting), else the person's own.
 */
export function loadSession(): Session | undefined {
  return acting ? stored(PROXY_KEY) : stored(KEY);
}

export function saveSession(session: Session): void {
  Taro.setStorageSync(KEY, session);
}

/** Signing out (or another account on this phone): acting for someone ends with it. */
export function clearSession(): void {
  Taro.removeStorageSync(KEY);
  stopActing();
}

// ── acting for someone ────────────────────────────────────────────────────────────────────────

const listeners = new Set<() => void>();
// Kept in memory so every page reads the same object until it changes (React's external store).
// It changes only by starting or stopping: an expiry mid-task shows as a refused request, not as
// a quiet switch back to one's own account. At start-up an expired proxy session is dropped.
let acting: ActingFor | undefined = stored(PROXY_KEY)?.actingFor;
if (!acting) Taro.removeStorageSync(PROXY_KEY);

/** Whom this phone is acting for now, if anyone. */
export const actingNow = (): ActingFor | undefined => acting;

export function subscribeActing(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function startActingWith(session: Session & { actingFor: ActingFor }): void {
  Taro.setStorageSync(PROXY_KEY, session);
  acting = session.actingFor;
  listeners.forEach((l) => l());
}

export function stopActing(): void {
  const was = acting;
  Taro.removeStorageSync(PROXY_KEY);
  acting = undefined;
  if (was) listeners.forEach((l) => l());
}
