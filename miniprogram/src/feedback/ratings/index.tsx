// 服务评价: the services done and not yet rated (去评价), then the person's own ratings with what
// the service point answered to a bad one.
import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { myRatings, ratingStatusLabels, SCORE_LABELS, serviceTypeLabels, todayInChina } from '@doorstep/shared';
import { usePageData } from '../../hooks/usePageData';
import { goBack } from '../../services/nav';
import { request } from '../../services/request';
import { Page } from '../../components/Page';
import '../../styles/page.scss';
import '../components/feedback.scss';

export default function RatingsPage() {
  const { data, gate } = usePageData(() => request(myRatings));
  if (gate || !data) return gate;
  return (
    <Page>
      <Text className="page__title">服务评价</Text>
      <Text className="page__lead">每项服务办完后可以评价一次。您的评价会直接交给负责的服务网点。</Text>

      <Text className="section-title">待评价</Text>
      {data.toRate.length === 0 ? <Text className="page__lead">现在没有待评价的服务。</Text> : null}
      {data.toRate.map((s) => (
        <View key={`${s.serviceType}-${s.serviceId}`} className="card">
          <Text className="card__title">{s.serviceTitle}</Text>
          <Text className="card__subtitle">{serviceTypeLabels[s.serviceType]} · {todayInChina(new Date(s.completedAt))} 办结</Text>
          <Button
            className="btn btn--primary"
            onClick={() => Taro.navigateTo({ url: `/feedback/rate/index?type=${s.serviceType}&id=${s.serviceId}&title=${encodeURIComponent(s.serviceTitle)}` })}
          >
            去评价
          </Button>
        </View>
      ))}

      <Text className="section-title">我的评价</Text>
      {data.items.length === 0 ? <Text className="page__lead">您还没有评价过。</Text> : null}
      {data.items.map((r) => (
        <View key={r.id} className="card rating-card">
          <Text className="card__title">{r.serviceTitle}</Text>
          <Text className="rating-card__stars">{'★'.repeat(r.score)}{'☆'.repeat(5 - r.score)} {SCORE_LABELS[r.score]}</Text>
          {r.tags.length ? <Text className="rating-card__text">{r.tags.join('、')}</Text> : null}
          {r.comment ? <Text className="rating-card__text">“{r.comment}”</Text> : null}
          <Text className="rating-card__text">{todayInChina(new Date(r.createdAt))} · {r.servicePoint.areaName}{r.status !== 'valid' ? ` · ${ratingStatusLabels[r.status]}` : ''}</Text>
          {r.rectification ? (
            <Text className="rating-card__answer">
              {r.rectification.status === 'done' ? `整改回复：${r.rectification.note ?? '已办结'}` : `正在整改，${r.rectification.due}前回访您`}
            </Text>
          ) : null}
        </View>
      ))}
      <View className="page__actions">
        <Button className="btn btn--secondary" onClick={() => Taro.navigateTo({ url: '/feedback/complain/index' })}>
          我要投诉或提意见
        </Button>
        <Button className="btn btn--secondary" onClick={goBack}>
          返回
        </Button>
      </View>
    </Page>
  );
}
