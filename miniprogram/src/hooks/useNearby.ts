// The near-me search every nearby page shares (附近的工作, 零工, 服务网点, 附近的培训): signed in,
// it starts at home (from the registration; null when the person has not registered) or at the
// place the page was opened for (a 零工驿站, a resident's home), or where the phone is now on
// request; it searches that circle with the page's own filters, pages on with the cursor, and shows
// a plain Chinese error with 重试. The page keeps only its filters, its query and its cards.
import { useState } from 'react';
import { useLoadOnShow } from './useLoadOnShow';
import { useSignedIn } from './useSignedIn';
import { hereCenter, homeCenter, type Center } from '../services/center';

export interface NearbyResults<T> {
  items: T[];
  nextCursor?: string;
}

export interface NearbyOptions<T, F> {
  /** The page's filters as it opens (a radius, a kind, …). */
  filters: F;
  /** One page of results around `at`; `cursor` to go on from the last page. */
  fetch: (at: Center, filters: F, cursor?: string) => Promise<NearbyResults<T>>;
  /** Where to start instead of home: the place the page was opened for. */
  startAt?: Center;
  /** The filters fitted to the person once home is known (their 求职意向's distance, say). */
  fromHome?: (home: Center, filters: F) => F;
  /** Extra work beside each new search (a map's other layers); its failure does not stop the search. */
  beside?: (at: Center, filters: F) => Promise<unknown>;
  /** Off when the page shows something else (为您推荐). */
  enabled?: boolean;
}

export const NO_POSITION = '没能取得您的位置。请在手机设置里允许定位，或先做求职登记，按家的位置找。';

export function useNearby<T, F>({ filters: initial, fetch, startAt, fromHome, beside, enabled = true }: NearbyOptions<T, F>) {
  const signIn = useSignedIn();
  /** undefined while unknown, null when the person has no home on record (not registered). */
  const [center, setCenter] = useState<Center | null | undefined>(startAt);
  const [home, setHome] = useState<Center | null>();
  const [filters, setFilters] = useState<F>(initial);
  const [items, setItems] = useState<T[]>();
  const [cursor, setCursor] = useState<string>();
  const [error, setError] = useState<string>();
  const [loading, setLoading] = useState(false);

  async function search(at: Center, f: F = filters, more = false) {
    setLoading(true);
    setError(undefined);
    try {
      if (!more && beside) await beside(at, f).catch(() => undefined);
      const page = await fetch(at, f, more ? cursor : undefined);
      setItems((old) => (more && old ? [...old, ...page.items] : page.items));
      setCursor(page.nextCursor);
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setLoading(false);
    }
  }

  async function start() {
    if (center) return search(center);
    try {
      const found = await homeCenter();
      setHome(found);
      setCenter(found);
      if (!found) return;
      const fitted = fromHome ? fromHome(found, filters) : filters;
      setFilters(fitted);
      await search(found, fitted);
    } catch (err) {
      setError((err as Error).message);
    }
  }
  useLoadOnShow(start, enabled && !!signIn.session, [signIn.session?.token]);

  return {
    session: signIn.session,
    signInError: signIn.error,
    retrySignIn: signIn.retry,
    center,
    home,
    filters,
    /** Changes a filter without searching (text typed before 搜索). */
    setFilters,
    items,
    cursor,
    error,
    loading,
    /** Changes filters and searches again from the first page. */
    change(patch: Partial<F>) {
      const next = { ...filters, ...patch };
      setFilters(next);
      if (center) void search(center, next);
    },
    /** The next page, added below. */
    more: () => (center ? search(center, filters, true) : undefined),
    /** Searches around where the phone is now. */
    async here() {
      try {
        const at = await hereCenter();
        setCenter(at);
        await search(at);
      } catch {
        setError(NO_POSITION);
      }
    },
    /** 重试 after an error: the same search, or the start again. */
    retry: () => (center ? search(center) : start()),
  };
}
