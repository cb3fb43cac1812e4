// Pages that need a signed-in person sign in quietly first (wx.login needs no tap in WeChat).
import { useCallback, useEffect, useState } from 'react';
import { getMe, type Session } from '@doorstep/shared';
import { signIn } from '../services/identity';
import { request } from '../services/request';
import { actingNow, loadSession, saveSession } from '../services/session';

export function useSignedIn() {
  const [session, setSession] = useState<Session | undefined>(() => loadSession());
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  const retry = useCallback(async () => {
    setBusy(true);
    setError(undefined);
    try {
      setSession(await signIn());
    } catch (err) {
      setError((err as Error).message || '登录失败，请重试');
    } finally {
      setBusy(false);
    }
  }, []);

  useEffect(() => {
    if (!session) void retry();
  }, []);

  /**
   * The account as it is now (roles given, removed or moved by an administrator count at once on
   * the server; this brings the phone's copy in step, so the right tasks show without a restart).
   */
  const refresh = useCallback(async () => {
    const current = loadSession();
    if (!current || actingNow()) return;
    try {
      const { user } = await request(getMe);
      if (JSON.stringify(user) === JSON.stringify(current.user)) return;
      const next = { ...current, user };
      saveSession(next);
      setSession(next);
    } catch {
      // Offline or signed out: the copy stays; the server decides what is allowed anyway.
    }
  }, []);

  return { session, error, busy, retry, refresh };
}
