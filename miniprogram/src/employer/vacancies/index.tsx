// 我的岗位: an employer's vacancies with their review status and applicants; from here a member
// posts another, edits, pauses or resumes, extends by a month, or closes one as filled.
import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import {
  addCalendarDays,
  closeVacancy,
  employerVacancies,
  fenToYuanText,
  todayInChina,
  updateVacancy,
  vacancyStatusLabels,
  type ResponseOf,
} from '@doorstep/shared';
import { Notice } from '../../components/Notice';
import { useLoadOnShow } from '../../hooks/useLoadOnShow';
import { useSignedIn } from '../../hooks/useSignedIn';
import { request } from '../../services/request';
import { Page } from '../../components/Page';
import '../../styles/page.scss';
import './index.scss';

type Item = ResponseOf<typeof employerVacancies>['items'][number];

export default function MyVacanciesPage() {
  const { params } = useRouter();
  const employerId = params.employerId ?? '';
  const { session, error: signInError, retry } = useSignedIn();
  const [items, setItems] = useState<Item[]>();
  const [cursor, setCursor] = useState<string>();
  const [error, setError] = useState<string>();
  const [message, setMessage] = useState<string | undefined>(params.posted ? '岗位已提交，等待街道审核。审核通过后求职者就能看到。' : undefined);
  const [busy, setBusy] = useState<string>();

  async function load(more = false) {
    setError(undefined);
    try {
      const page = await request(employerVacancies, { params: { id: employerId }, query: more && cursor ? { cursor } : {} });
      setItems((old) => (more && old ? [...old, ...page.items] : page.items));
      setCursor(page.nextCursor);
    } catch (err) {
      setError((err as Error).message);
    }
  }
  useLoadOnShow(() => load(), !!session, [session?.token]);

  async function act(v: Item, what: 'pause' | 'resume' | 'extend' | 'close') {
    const texts = {
      pause: ['暂停招聘', '暂停后求职者暂时看不到这个岗位，随时可以恢复。'],
      resume: ['恢复招聘', '恢复后求职者又能看到这个岗位。'],
      extend: ['延长一个月', `招聘截止日期将延长到 ${addCalendarDays(v.time.recruitUntil < todayInChina() ? todayInChina() : v.time.recruitUntil, 30)}。`],
      close: ['已招满，停止招聘', '停止后岗位不再显示，也不能再恢复。确定已经招满了吗？'],
    } as const;
    const { confirm } = await Taro.showModal({ title: texts[what][0], content: texts[what][1], confirmText: '确定', cancelText: '取消' });
    if (!confirm) return;
    setBusy(v.id);
    setMessage(undefined);
    try {
      if (what === 'close') await request(closeVacancy, { params: { id: v.id } });
      else if (what === 'extend') {
        const from = v.time.recruitUntil < todayInChina() ? todayInChina() : v.time.recruitUntil;
        await request(updateVacancy, { params: { id: v.id }, body: { version: v.version, time: { ...v.time, recruitUntil: addCalendarDays(from, 30) } } });
      } else await request(updateVacancy, { params: { id: v.id }, body: { version: v.version, status: what === 'pause' ? 'paused' : 'published' } });
      setMessage(`“${v.title}”已${texts[what][0]}。`);
      await load();
    } catch (err) {
      setMessage((err as Error).message);
    } finally {
      setBusy(undefined);
    }
  }

  if (signInError) return <Page><Notice message={signInError} actionText="重新登录" onAction={retry} /></Page>;
  if (error) return <Page><Notice message={error} actionText="重试" onAction={() => load()} /></Page>;
  if (!items) return <Page><Text className="page__loading">正在加载…</Text></Page>;

  return (
    <Page>
      <Text className="page__title">我的岗位</Text>
      {message ? <Notice kind="info" message={message} /> : null}
      <Button className="btn btn--primary" onClick={() => Taro.navigateTo({ url: `/employer/vacancy-form/index?employerId=${employerId}` })}>
        发布新岗位
      </Button>
      {items.length === 0 ? <Text className="page__lead">还没有发布岗位。</Text> : null}
      {items.map((v) => (
        <View key={v.id} className="card vacancy-row">
          <Text className="card__title">{v.title}</Text>
          <Text className={`status-pill status-pill--${v.expired ? 'rejected' : v.status}`}>{v.expired ? '已过截止日期' : vacancyStatusLabels[v.status]}</Text>
          {v.reviewReason && v.status === 'rejected' ? <Text className="vacancy-row__reason">未通过的理由：{v.reviewReason}</Text> : null}
          {v.flags.length && v.status === 'pending_review' ? <Text className="vacancy-row__reason">请注意：{v.flags.map((f) => f.reason).join('；')}</Text> : null}
          <Text className="vacancy-row__meta">
            月薪 {fenToYuanText(v.pay.salaryMinFen)}–{fenToYuanText(v.pay.salaryMaxFen)} 元 · 招 {v.headcount} 人
          </Text>
          <Text className="vacancy-row__meta">招聘截止 {v.time.recruitUntil}</Text>
          <Text className="vacancy-row__meta">应聘 {v.applicantCount} 人</Text>
          <View className="vacancy-row__actions">
            <Button className="btn btn--primary" onClick={() => Taro.navigateTo({ url: `/employer/candidates/index?id=${v.id}` })}>
              查看应聘人员
            </Button>
            {v.status === 'published' || v.status === 'paused' ? (
              <Button className="btn btn--secondary" onClick={() => Taro.navigateTo({ url: `/employer/interviews/index?id=${v.id}&title=${encodeURIComponent(v.title)}` })}>
                面试安排
              </Button>
            ) : null}
            {v.status !== 'closed' ? (
              <Button className="btn btn--secondary" disabled={busy === v.id} onClick={() => Taro.navigateTo({ url: `/employer/vacancy-form/index?id=${v.id}` })}>
                修改
              </Button>
            ) : null}
            {v.status === 'published' ? (
              <Button className="btn btn--secondary" disabled={busy === v.id} onClick={() => act(v, 'pause')}>
                暂停招聘
              </Button>
            ) : null}
            {v.status === 'paused' ? (
              <Button className="btn btn--secondary" disabled={busy === v.id} onClick={() => act(v, 'resume')}>
                恢复招聘
              </Button>
            ) : null}
            {v.status === 'published' || v.status === 'paused' ? (
              <Button className="btn btn--secondary" disabled={busy === v.id} onClick={() => act(v, 'extend')}>
                延长一个月
              </Button>
            ) : null}
            {v.status !== 'closed' && v.status !== 'rejected' ? (
              <Button className="btn btn--danger" disabled={busy === v.id} onClick={() => act(v, 'close')}>
                已招满，停止招聘
              </Button>
            ) : null}
          </View>
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
