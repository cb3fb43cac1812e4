// The next page of a list: a button while there is more (busy while it loads), and what went wrong
// with 重试. The page keeps the list; this adds the next page's items to it.
import { useState } from 'react';
import { Button } from '@tarojs/components';
import { Notice } from '../Notice';

export function LoadMore<T extends { items: readonly unknown[]; nextCursor?: string }>({ page, onPage, fetchPage, label = '加载更多' }: { page: T; onPage(next: NoInfer<T>): void; fetchPage(cursor: string): Promise<NoInfer<T>>; label?: string }) {
  const [state, setState] = useState<{ busy: boolean; error?: string }>({ busy: false });

  async function loadMore() {
    if (!page.nextCursor) return;
    setState({ busy: true });
    try {
      const next = await fetchPage(page.nextCursor);
      onPage({ ...next, items: [...page.items, ...next.items] } as T);
      setState({ busy: false });
    } catch (err) {
      setState({ busy: false, error: (err as Error).message });
    }
  }

  return (
    <>
      {state.error ? <Notice message={state.error} actionText="重试" onAction={() => void loadMore()} /> : null}
      {page.nextCursor ? (
        <Button className="btn btn--secondary section-title" disabled={state.busy} onClick={() => void loadMore()}>
          {state.busy ? '正在加载…' : label}
        </Button>
      ) : null}
    </>
  );
}
