// Pages that need a signed-in person sign in quietly first (wx.login needs no tap in WeChat).
import { useCallback, useEffect, useState } from 'react';
import type { Session } from '@doorstep/shared';
import { signIn } from '../services/identity';
import { loadSession } from '../services/session';

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

  return { session, error, busy, retry };
}
