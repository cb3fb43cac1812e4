// 审核工作台: the pending applications in the staff member's own jurisdiction, oldest first,
// one kind at a time, a page at a time.
import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { REVIEW_TYPES, chinaTimeText, listReviews, reviewStepLabels, reviewTypeLabels, type Review } from '@doorstep/shared';
import { LoadFailure } from '../../components/LoadFailure';
import { Notice } from '../../components/Notice';
import { useLoadOnShow } from '../../hooks/useLoadOnShow';
import { useSignedIn } from '../../hooks/useSignedIn';
import { request } from '../../services/request';
import { Page } from '../../components/Page';
import { FilterTabs } from '../components/FilterTabs';
import '../../styles/page.scss';
import './index.scss';

type ReviewType = (typeof REVIEW_TYPES)[number];

export default function ReviewQueuePage() {
  const { session, error: signInError, retry } = useSignedIn();
  const [type, setType] = useState<ReviewType>('employer');
  const [items, setItems] = useState<Review[]>();
  const [cursor, setCursor] = useState<string>();
  const [error, setError] = useState<unknown>();
  const [loadingMore, setLoadingMore] = useState(false);
  const user = session?.user;
  const isStaff = user?.roles.includes('staff');

  async function load(kind: ReviewType, after?: string) {
    setError(undefined);
    if (after) setLoadingMore(true);
    try {
      const page = await request(listReviews, { query: { type: kind, status: 'pending', limit: 20, ...(after ? { cursor: after } : {}) } });
      setItems((prev) => (after ? [...(prev ?? []), ...page.items] : page.items));
      setCursor(page.nextCursor);
    } catch (err) {
      setError(err);
    } finally {
      setLoadingMore(false);
    }
  }

  // Back from a decision, the decided one leaves the queue.
  useLoadOnShow(() => load(type), Boolean(session && isStaff), [session?.token, type]);

  if (signInError) return <Page><Notice message={signInError} actionText="重新登录" onAction={retry} /></Page>;
  if (!session) return <Page><Text className="page__loading">正在登录…</Text></Page>;
  if (!isStaff) return <Page><Notice message="这里是工作人员的审核工作台，您的账号没有工作人员权限。" /></Page>;

  const open = (r: Review) =>
    Taro.navigateTo({
      url: `/staff/review/index?id=${r.id}&type=${r.type}&subject=${r.subjectId}&person=${r.personId ?? ''}&step=${r.step}`,
    });

  return (
    <Page>
      <Text className="page__title">审核工作台</Text>
      <Text className="page__lead">只显示您辖区内待处理的申请，先提交的排在前面。</Text>
      <FilterTabs options={REVIEW_TYPES.map((t) => ({ value: t, label: reviewTypeLabels[t] }))} chosen={type} onChange={setType} />
      {error ? <LoadFailure error={error} onRetry={() => load(type)} /> : null}
      {!items && !error ? <Text className="page__loading">正在加载…</Text> : null}
      {items && items.length === 0 ? <Text className="page__lead">没有待处理的{reviewTypeLabels[type]}申请。</Text> : null}
      {items?.map((r) => (
        <View key={r.id} className="card queue-item" onClick={() => open(r)}>
          <Text className="queue-item__name">{r.subjectName}</Text>
          <Text className="queue-item__meta">{r.areaName}</Text>
          <Text className="queue-item__meta">
            {reviewStepLabels[r.step]} · {chinaTimeText(r.createdAt)} 提交{r.assisted ? ' · 社区代办' : ''}
          </Text>
          <Text className="queue-item__go">查看并审核 ›</Text>
        </View>
      ))}
      {cursor ? (
        <Button className="btn btn--secondary queue-more" onClick={() => load(type, cursor)} disabled={loadingMore}>
          {loadingMore ? '正在加载…' : '加载更多'}
        </Button>
      ) : null}
      <View className="page__actions">
        <Button className="btn btn--secondary" onClick={() => Taro.reLaunch({ url: '/pages/index/index' })}>
          返回首页
        </Button>
      </View>
    </Page>
  );
}
