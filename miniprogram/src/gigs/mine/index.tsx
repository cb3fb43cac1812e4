// 我的零工: the jobs I posted (how many came, open or over) and the ones I took, with where each
// stands; at the top what they add up to — days of odd jobs done (灵活就业) and the pay recorded.
import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { fenToYuanText, gigStatusLabels, gigTakeStatusLabels, myGigs } from '@doorstep/shared';
import { Page } from '../../components/Page';
import { usePageData } from '../../hooks/usePageData';
import { request } from '../../services/request';
import '../../styles/page.scss';
import '../components/gigs.scss';

export default function MyGigsPage() {
  const { data, gate } = usePageData(() => request(myGigs));
  if (gate || !data) return gate;
  const open = (id: string) => void Taro.navigateTo({ url: `/gigs/gig/index?id=${id}` });
  return (
    <Page>
      <Text className="page__title">我的零工</Text>
      <View className="card">
        <Text className="gig-contact">
          干过零工 {data.flexibleDays} 天，记下的收入 {fenToYuanText(data.incomeFen)} 元
        </Text>
        <Text className="page__lead">完工的零工算作灵活就业，会记在您的就业情况里。</Text>
      </View>
      <Text className="card__title section-title">我接的活</Text>
      {data.taken.length === 0 ? <Text className="page__lead">还没有接过活。</Text> : null}
      {data.taken.map(({ gig, take }) => (
        <View key={gig.id} className="card slot-card" onClick={() => open(gig.id)}>
          <Text className="slot-card__time">{gig.title}</Text>
          <Text className="status-pill">{gigTakeStatusLabels[take.status]}</Text>
          <Text className="slot-card__meta">
            {gig.whenText} · {gig.payText}
          </Text>
        </View>
      ))}
      <Text className="card__title section-title">我发布的活</Text>
      {data.posted.length === 0 ? <Text className="page__lead">还没有发布过。</Text> : null}
      {data.posted.map((gig) => (
        <View key={gig.id} className="card slot-card" onClick={() => open(gig.id)}>
          <Text className="slot-card__time">{gig.title}</Text>
          <Text className="status-pill">{gigStatusLabels[gig.status]}</Text>
          <Text className="slot-card__meta">
            {gig.whenText} · {gig.payText} · {gig.taken}/{gig.places} 人
          </Text>
        </View>
      ))}
      <Button className="btn btn--primary section-title" onClick={() => void Taro.navigateTo({ url: '/gigs/post/index' })}>
        发布零工
      </Button>
    </Page>
  );
}
