// 我的应聘: each vacancy the person applied for, what the employer answered, and a tap back to it.
import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { fenToYuanText, jobApplicationStatusLabels, listMyJobApplications, type JobApplication } from '@doorstep/shared';
import { Notice } from '../../components/Notice';
import { useLoadOnShow } from '../../hooks/useLoadOnShow';
import { useSignedIn } from '../../hooks/useSignedIn';
import { request } from '../../services/request';
import '../../styles/page.scss';
import '../components/VacancyCard.scss';

export default function MyApplicationsPage() {
  const { session, error: signInError, retry } = useSignedIn();
  const [items, setItems] = useState<JobApplication[]>();
  const [error, setError] = useState<string>();

  async function load() {
    setError(undefined);
    try {
      setItems((await request(listMyJobApplications)).items);
    } catch (err) {
      setError((err as Error).message);
    }
  }
  useLoadOnShow(load, !!session, [session?.token]);

  if (signInError) return <View className="page"><Notice message={signInError} actionText="重新登录" onAction={retry} /></View>;
  if (error) return <View className="page"><Notice message={error} actionText="重试" onAction={load} /></View>;
  if (!items) return <View className="page"><Text className="page__loading">正在加载…</Text></View>;

  return (
    <View className="page">
      <Text className="page__title">我的应聘</Text>
      {items.length === 0 ? (
        <Notice kind="info" message="您还没有应聘过岗位。" actionText="看看附近的工作" onAction={() => Taro.navigateTo({ url: '/jobs/nearby/index' })} />
      ) : null}
      {items.map((a) => (
        <View key={a.id} className="card job-card" onClick={() => Taro.navigateTo({ url: `/jobs/vacancy/index?id=${a.vacancy.id}` })}>
          <Text className="job-card__title">{a.vacancy.title}</Text>
          <Text className="job-card__meta">{a.vacancy.employerName}</Text>
          <Text className="job-card__salary">
            {fenToYuanText(a.vacancy.salaryMinFen)}–{fenToYuanText(a.vacancy.salaryMaxFen)} 元/月
          </Text>
          <Text className={`status-pill status-pill--${a.status}`}>{jobApplicationStatusLabels[a.status]}</Text>
          {a.employerNote ? <Text className="job-card__reason">单位说：{a.employerNote}</Text> : null}
          <Text className="job-card__meta">投递于 {a.createdAt.slice(0, 10)}</Text>
        </View>
      ))}
    </View>
  );
}
