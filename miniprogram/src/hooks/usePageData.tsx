// What most pages do first: sign in quietly, load their data (again whenever the page is shown
// again), and until then show one of three states — a sign-in problem with 重新登录, a loading
// problem (LoadFailure: 重试, or 回到首页 when it was refused), or 正在加载….
// `gate` is that state, or undefined once the data is there.
import { useState, type ReactNode } from 'react';
import { Text } from '@tarojs/components';
import type { Session } from '@doorstep/shared';
import { LoadFailure } from '../components/LoadFailure';
import { Notice } from '../components/Notice';
import { Page } from '../components/Page';
import { useLoadOnShow } from './useLoadOnShow';
import { useSignedIn } from './useSignedIn';

export function usePageData<T>(fetch: (session: Session) => Promise<T>, deps: readonly unknown[] = []) {
  const { session, error: signInError, retry } = useSignedIn();
  const [data, setData] = useState<T>();
  const [error, setError] = useState<unknown>();

  async function reload() {
    if (!session) return;
    setError(undefined);
    try {
      setData(await fetch(session));
    } catch (err) {
      setError(err);
    }
  }
  useLoadOnShow(reload, !!session, [session?.token, ...deps]);

  let gate: ReactNode | undefined;
  if (signInError) gate = <Page><Notice message={signInError} actionText="重新登录" onAction={retry} /></Page>;
  else if (error) gate = <Page><LoadFailure error={error} onRetry={reload} /></Page>;
  else if (data === undefined) gate = <Page><Text className="page__loading">正在加载…</Text></Page>;
  return { session, data, setData, reload, gate };
}
