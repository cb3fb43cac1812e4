// 跟踪任务: the follow-ups of the staff member's jurisdiction, soonest due first, overdue ones
// marked — the call-backs after a referral and the employer visits.
import { useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import { listStaffTasks, todayInChina, type Task } from '@doorstep/shared';
import { Notice } from '../../components/Notice';
import { useLoadOnShow } from '../../hooks/useLoadOnShow';
import { useSignedIn } from '../../hooks/useSignedIn';
import { request } from '../../services/request';
import '../../styles/page.scss';
import './index.scss';

function dueText(due: string): string {
  const days = Math.round((Date.parse(due) - Date.parse(todayInChina())) / 86_400_000);
  if (days < 0) return `已逾期 ${-days} 天`;
  if (days === 0) return '今天到期';
  return `${days} 天后到期`;
}

export default function TasksPage() {
  const { session, error: signInError, retry } = useSignedIn();
  const [items, setItems] = useState<Task[]>();
  const [cursor, setCursor] = useState<string>();
  const [error, setError] = useState<string>();

  async function load(more = false) {
    setError(undefined);
    try {
      const page = await request(listStaffTasks, { query: more && cursor ? { cursor } : {} });
      setItems((old) => (more && old ? [...old, ...page.items] : page.items));
      setCursor(page.nextCursor);
    } catch (err) {
      setError((err as Error).message);
    }
  }
  useLoadOnShow(() => load(), !!session, [session?.token]);

  if (signInError) return <View className="page"><Notice message={signInError} actionText="重新登录" onAction={retry} /></View>;
  if (error) return <View className="page"><Notice message={error} actionText="重试" onAction={() => load()} /></View>;
  if (!items) return <View className="page"><Text className="page__loading">正在加载…</Text></View>;

  return (
    <View className="page">
      <Text className="page__title">跟踪任务</Text>
      {items.length === 0 ? <Text className="page__lead">辖区内暂时没有待办的跟踪任务。</Text> : null}
      {items.map((t) => (
        <View key={t.id} className={`card task${t.overdue ? ' task--overdue' : ''}`}>
          <Text className="task__due">{dueText(t.due)}（{t.due}）</Text>
          <Text className="card__title">{t.title}</Text>
          <Text className="task__detail">{t.detail}</Text>
          <Text className="task__detail">{t.areaName}</Text>
        </View>
      ))}
      {cursor ? (
        <Button className="btn btn--secondary" onClick={() => load(true)}>
          加载更多
        </Button>
      ) : null}
    </View>
  );
}
