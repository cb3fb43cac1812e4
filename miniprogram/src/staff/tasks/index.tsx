// 待办任务: every task of the jurisdiction by due date — follow-ups, bad-rating rectifications,
// appeals to decide, complaints to answer — with what is late marked, what the level below let
// run late (下级逾期) on its own tab, and what has been done. Each opens the page to act on it.
import { useEffect, useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { listStaffTasks, todayInChina, type Task } from '@doorstep/shared';
import { Notice } from '../../components/Notice';
import { useLoadOnShow } from '../../hooks/useLoadOnShow';
import { useSignedIn } from '../../hooks/useSignedIn';
import { loadCalendar } from '../../services/calendar';
import { request } from '../../services/request';
import { Page } from '../../components/Page';
import '../../styles/page.scss';
import './index.scss';

type Tab = 'open' | 'escalated' | 'done';
const TABS: { value: Tab; label: string }[] = [
  { value: 'open', label: '待办' },
  { value: 'escalated', label: '下级逾期' },
  { value: 'done', label: '已办结' },
];
const OWNER = { community: '社区', street: '街道', district: '区', city: '市' } as const;

function dueText(t: Task): string {
  if (t.status === 'done') return t.onTime ? `按时办结（期限 ${t.due}）` : `逾期办结（期限 ${t.due}）`;
  const days = Math.round((Date.parse(t.due) - Date.parse(todayInChina())) / 86_400_000);
  if (days < 0) return `已逾期 ${-days} 天（${t.due}）`;
  if (days === 0) return `今天到期（${t.due}）`;
  return `${days} 天后到期（${t.due}）`;
}

/** Where a task is acted on: its subject's page, or the page that closes it with a note. */
function openTask(t: Task) {
  if (t.subject.type === 'Complaint') return Taro.navigateTo({ url: `/staff/complaint/index?id=${t.subject.id}` });
  if (t.kind === 'appeal_decision') return Taro.navigateTo({ url: `/staff/rating/index?id=${t.subject.id}` });
  if (t.kind === 'review') return Taro.navigateTo({ url: '/staff/reviews/index' });
  if (t.subject.type === 'GigReport') return Taro.navigateTo({ url: '/staff/gigs/index' });
  if (t.subject.type === 'Fair') return Taro.navigateTo({ url: `/staff/fair-desk/index?id=${t.subject.id}` });
  if (t.subject.type === 'Question') return Taro.navigateTo({ url: `/staff/question/index?id=${t.subject.id}` });
  return Taro.navigateTo({ url: `/staff/task/index?id=${t.id}&kind=${t.kind}&subject=${t.subject.type}&subjectId=${t.subject.id}&detail=${encodeURIComponent(t.detail.slice(0, 200))}&due=${t.due}` });
}

export default function TasksPage() {
  const { session, error: signInError, retry } = useSignedIn();
  const [tab, setTab] = useState<Tab>('open');
  const [items, setItems] = useState<Task[]>();
  const [cursor, setCursor] = useState<string>();
  const [error, setError] = useState<string>();

  async function load(more = false, which: Tab = tab) {
    setError(undefined);
    try {
      const page = await request(listStaffTasks, { query: { status: which, ...(more && cursor ? { cursor } : {}) } });
      setItems((old) => (more && old ? [...old, ...page.items] : page.items));
      setCursor(page.nextCursor);
    } catch (err) {
      setError((err as Error).message);
    }
  }
  useLoadOnShow(() => load(), !!session, [session?.token]);
  // From 1 December while next year's holidays are not entered: due dates in it may be wrong.
  const [calendarMissing, setCalendarMissing] = useState(false);
  useEffect(() => {
    loadCalendar()
      .then((c) => setCalendarMissing(c.nextYearMissing))
      .catch(() => undefined);
  }, []);

  if (signInError) return <Page><Notice message={signInError} actionText="重新登录" onAction={retry} /></Page>;

  return (
    <Page>
      <Text className="page__title">待办任务</Text>
      {calendarMissing ? (
        <Notice
          message={`${Number(todayInChina().slice(0, 4)) + 1}年的节假日安排还没有录入，跨到明年的期限可能不准。请市级管理员在「工作日历」里录入国务院办公厅的通知。`}
          {...(session?.user.roles.includes('admin') && session.user.level === 'city' ? { actionText: '去录入', onAction: () => void Taro.navigateTo({ url: '/staff/calendar/index' }) } : {})}
        />
      ) : null}
      <View className="toggle-row tabs">
        {TABS.map((t) => (
          <Text
            key={t.value}
            className={`toggle ${tab === t.value ? 'toggle--on' : ''}`}
            onClick={() => {
              setTab(t.value);
              setItems(undefined);
              setCursor(undefined);
              void load(false, t.value);
            }}
          >
            {t.label}
          </Text>
        ))}
      </View>
      {error ? <Notice message={error} actionText="重试" onAction={() => load()} /> : null}
      {!items && !error ? <Text className="page__loading">正在加载…</Text> : null}
      {items?.length === 0 ? (
        <Text className="page__lead">{tab === 'escalated' ? '下级没有逾期的任务。' : tab === 'done' ? '还没有办结的任务。' : '辖区内暂时没有待办任务。'}</Text>
      ) : null}
      {items?.map((t) => (
        <View key={t.id} className={`card task${t.overdue ? ' task--overdue' : ''}`}>
          <Text className="task__due">{dueText(t)}</Text>
          <Text className="card__title">{t.title}</Text>
          <Text className="task__detail">{t.detail}</Text>
          <Text className="task__detail">
            {t.areaName}（{OWNER[t.owner]}）{t.escalated ? ' · 下级逾期，请督办' : ''}
          </Text>
          {t.note ? <Text className="task__detail">办理情况：{t.note}</Text> : null}
          {t.status === 'open' ? (
            <Button className="btn btn--primary" onClick={() => void openTask(t)}>
              {t.subject.type === 'Complaint' ? '答复投诉' : t.subject.type === 'Question' ? '答复问题' : t.subject.type === 'Fair' ? '去招聘会' : t.subject.type === 'GigReport' ? '去零工驿站' : t.kind === 'appeal_decision' ? '处理申诉' : t.kind === 'review' ? '去审核工作台' : '办理'}
            </Button>
          ) : null}
        </View>
      ))}
      {cursor ? (
        <Button className="btn btn--secondary" onClick={() => load(true)}>
          加载更多
        </Button>
      ) : null}
    </Page>
  );
}
