// 我的应聘: each vacancy the person applied for, what the employer answered, a tap back to it,
// and booking an interview in the slots the employer opened.
import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { fenToYuanText, jobApplicationStatusLabels, listMyJobApplications } from '@doorstep/shared';
import { Notice } from '../../components/Notice';
import { RateButton } from '../../components/RateButton';
import { usePageData } from '../../hooks/usePageData';
import { request } from '../../services/request';
import { Page } from '../../components/Page';
import '../../styles/page.scss';
import '../components/VacancyCard.scss';

export default function MyApplicationsPage() {
  const { data: items, gate } = usePageData(async () => (await request(listMyJobApplications)).items);
  if (gate || !items) return gate;

  return (
    <Page>
      <Text className="page__title">我的应聘</Text>
      <Button className="btn btn--secondary" onClick={() => Taro.navigateTo({ url: '/jobs/interviews/index' })}>
        我的面试
      </Button>
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
          {a.status === 'hired' || a.status === 'rejected' ? <RateButton type="job_application" id={a.id} title={`应聘：${a.vacancy.employerName} ${a.vacancy.title}`} /> : null}
          {a.status === 'applied' || a.status === 'invited' ? (
            <Button
              className="btn btn--primary"
              onClick={(e) => {
                e.stopPropagation();
                void Taro.navigateTo({ url: `/jobs/book/index?vacancyId=${a.vacancy.id}` });
              }}
            >
              预约面试
            </Button>
          ) : null}
        </View>
      ))}
    </Page>
  );
}
