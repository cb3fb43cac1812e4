// 补贴申请: what I may apply for where I live — 可以申请, or 还差什么 in plain words — and my
// applications with where each is now. The public notices (公示) are one tap away.
import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { LoadMore } from '../../components/LoadMore';
import { Page } from '../../components/Page';
import { usePageData } from '../../hooks/usePageData';
import { subsidyApi, yuan } from '../components/subsidies';
import '../../styles/page.scss';
import '../components/subsidies.scss';

export default function SubsidiesPage() {
  const { data, setData, gate } = usePageData(async () => {
    const [offers, applications] = await Promise.all([subsidyApi.offers(), subsidyApi.applications()]);
    return { offers, applications };
  });
  if (gate || !data) return gate;
  const { offers } = data;
  const applications = data.applications.items;
  return (
    <Page>
      <Text className="page__title">我能申请的补贴</Text>
      <Text className="page__lead">按您的求职登记、人员认定和就业登记判断。符合条件的可以直接在手机上申请。</Text>
      {offers.length === 0 ? <Text className="page__lead">您所在的区现在没有正在受理的补贴。</Text> : null}
      {offers.map((o) => (
        <View key={o.programme.id} className="card subsidy-card">
          <Text className="card__title">{o.programme.name}</Text>
          <Text className="card__subtitle">{o.programme.amountText}</Text>
          {o.ok ? (
            <View>
              <Text className="subsidy-card__reason">可以申请：{o.reasons.join('；')}</Text>
              {o.monthsLeft > 1 ? <Text className="subsidy-card__reason">还能申请 {o.monthsLeft} 个月</Text> : null}
              <Button className="btn btn--primary" onClick={() => void Taro.navigateTo({ url: `/subsidies/apply/index?id=${o.programme.id}` })}>
                申请这项补贴
              </Button>
            </View>
          ) : (
            <View>
              <Text className="subsidy-card__missing">还差：{o.missing.join('；')}</Text>
              <Text className="subsidy-card__reason">可以到社区就业服务站问问怎么办理。</Text>
            </View>
          )}
        </View>
      ))}

      <Text className="page__title section-title">我的申请</Text>
      {applications.length === 0 ? <Text className="page__lead">还没有申请过补贴。</Text> : null}
      {applications.map((a) => (
        <View key={a.id} className="card" onClick={() => void Taro.navigateTo({ url: `/subsidies/mine/index?id=${a.id}` })}>
          <Text className="card__title">{a.programmeName}</Text>
          <Text className={`status-pill status-pill--${a.stage}`}>{a.stageName}</Text>
          <Text className="card__subtitle">
            {a.monthsText || '一次性'} · {yuan(a.amountFen)}
          </Text>
          <Text className="card__subtitle">办理单位：{a.office}</Text>
        </View>
      ))}

      <LoadMore page={data.applications} fetchPage={(cursor) => subsidyApi.applications(cursor)} onPage={(next) => setData({ ...data, applications: next })} />

      <View className="page__actions">
        <Button className="btn btn--secondary" onClick={() => void Taro.navigateTo({ url: '/subsidies/notices/index' })}>
          查看补贴公示
        </Button>
        <Button className="btn btn--secondary" onClick={() => Taro.navigateBack().catch(() => Taro.reLaunch({ url: '/pages/index/index' }))}>
          返回
        </Button>
      </View>
    </Page>
  );
}
