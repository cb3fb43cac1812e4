// A public page's data (公示 needs no sign-in): loaded when shown, with the three states every page
// has — 正在加载…, a failure with 重试, the data.
import { useState } from 'react';
import { useLoadOnShow } from '../../hooks/useLoadOnShow';

export function usePublicData<T>(fetch: () => Promise<T>, deps: readonly unknown[] = []) {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<unknown>();
  async function reload() {
    setError(undefined);
    try {
      setData(await fetch());
    } catch (err) {
      setError(err);
    }
  }
  useLoadOnShow(reload, true, deps);
  return { data, setData, error, reload };
}
