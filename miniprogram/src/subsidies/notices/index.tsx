// 补贴公示, for anyone (no sign-in): the notices open now and those ended in the last 30 days, each
// with its dates and the phone to call; tap one for its list.
import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { LoadFailure } from '../../components/LoadFailure';
import { Page } from '../../components/Page';
import { subsidyApi, yuan } from '../components/subsidies';
import { usePublicData } from '../components/usePublicData';
import '../../styles/page.scss';
import '../components/subsidies.scss';

export default function NoticesPage() {
  const { data, error, reload } = usePublicData(() => subsidyApi.notices());
  if (error) return <Page><LoadFailure error={error} onRetry={reload} /></Page>;
  if (!data) return <Page><Text className="page__loading">正在加载…</Text></Page>;
  return (
    <Page>
      <Text className="page__title">补贴公示</Text>
      <Text className="page__lead">拟发放补贴的人员名单向社会公示。对名单有意见，可以在公示期内对某一行反映问题，也可以拨打监督电话。</Text>
      {data.length === 0 ? <Text className="page__lead">现在没有正在公示的名单。</Text> : null}
      {data.map((n) => (
        <View key={n.id} className="card" onClick={() => void Taro.navigateTo({ url: `/subsidies/notice/index?id=${n.id}` })}>
          <Text className="card__title">{n.title}</Text>
          <Text className={`status-pill status-pill--${n.status === 'open' ? 'published' : 'closed'}`}>{n.status === 'open' ? '公示中' : '已结束'}</Text>
          <Text className="card__subtitle">
            公示期：{n.publishedOn} 至 {n.endsOn}
          </Text>
          <Text className="card__subtitle">
            共 {n.lineCount} 人，{yuan(n.amountFen)} · 监督电话 {n.contactPhone}
          </Text>
        </View>
      ))}
      <View className="page__actions">
        <Button className="btn btn--secondary" onClick={() => Taro.navigateBack().catch(() => Taro.reLaunch({ url: '/pages/index/index' }))}>
          返回
        </Button>
      </View>
    </Page>
  );
}
