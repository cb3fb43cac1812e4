// 我的投诉和意见: each one with where it stands and every answer, newest first.
import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { complaintKindLabels, complaintStatusLabels, complaintTopicLabels, myComplaints } from '@doorstep/shared';
import { Timeline } from '../../components/Timeline';
import { usePageData } from '../../hooks/usePageData';
import { goBack } from '../../services/nav';
import { request } from '../../services/request';
import { Page } from '../../components/Page';
import '../../styles/page.scss';
import '../components/feedback.scss';

export default function ComplaintsPage() {
  const { data, gate } = usePageData(async () => (await request(myComplaints)).items);
  if (gate || !data) return gate;
  return (
    <Page>
      <Text className="page__title">我的投诉和意见</Text>
      {data.length === 0 ? <Text className="page__lead">您还没有提过投诉或意见。</Text> : null}
      {data.map((c) => (
        <View key={c.id} className="card">
          <Text className="card__title">
            {complaintKindLabels[c.kind]} · {complaintTopicLabels[c.topic]}
          </Text>
          <Text className={`status-pill status-pill--${c.status === 'resolved' ? 'approved' : 'pending'}`}>{complaintStatusLabels[c.status]}</Text>
          <Text className="rating-card__text">{c.text}</Text>
          <Text className="rating-card__text">{c.areaName}{c.status === 'resolved' ? '' : ` · ${c.due}前答复`}</Text>
          <Timeline entries={c.progress.map((p) => ({ at: p.at, label: p.note, status: p.status === 'resolved' ? 'approved' : 'pending' }))} />
        </View>
      ))}
      <View className="page__actions">
        <Button className="btn btn--primary" onClick={() => Taro.navigateTo({ url: '/feedback/complain/index' })}>
          我要投诉或提意见
        </Button>
        <Button className="btn btn--secondary" onClick={goBack}>
          返回
        </Button>
      </View>
    </Page>
  );
}
