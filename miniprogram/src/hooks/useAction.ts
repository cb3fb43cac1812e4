// A button's action on a page of records: busy while it runs, its failure's message kept to
// show, and the page's data loaded again after it succeeds.
import { useState } from 'react';

export function useAction(reload: () => Promise<unknown>) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  async function act(run: () => Promise<unknown>) {
    setBusy(true);
    setError(undefined);
    try {
      await run();
      await reload();
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  }

  return { busy, error, act };
}
