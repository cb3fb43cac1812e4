// 我的应聘: each vacancy the person applied for, what the employer answered, and a tap back to it.
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { fenToYuanText, jobApplicationStatusLabels, listMyJobApplications } from '@doorstep/shared';
import { Notice } from '../../components/Notice';
import { usePageData } from '../../hooks/usePageData';
import { request } from '../../services/request';
import '../../styles/page.scss';
import '../components/VacancyCard.scss';

export default function MyApplicationsPage() {
  const { data: items, gate } = usePageData(async () => (await request(listMyJobApplications)).items);
  if (gate || !items) return gate;

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
