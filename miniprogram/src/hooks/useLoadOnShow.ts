// Load a page's data once signed in, and again whenever the page is shown again (back from
// editing or deciding), so it shows what was just saved.
import { useEffect, useRef } from 'react';
import { useDidShow } from '@tarojs/taro';

export function useLoadOnShow(load: () => unknown, ready: boolean, deps: readonly unknown[] = []): void {
  useEffect(() => {
    if (ready) void load();
  }, [ready, ...deps]);
  const shownBefore = useRef(false);
  useDidShow(() => {
    if (shownBefore.current && ready) void load();
    shownBefore.current = true;
  });
}
