// One policy in plain words: what it gives, who it is for, how to apply — and whether the person
// qualifies, with why or with what is missing; then the way to apply (the service in the app, or
// a visit to a service point) and 问一问 about it.
import Taro, { useRouter } from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { getPolicy } from '@doorstep/shared';
import { DetailRow } from '../../components/DetailRow';
import { Page } from '../../components/Page';
import { usePageData } from '../../hooks/usePageData';
import { request } from '../../services/request';
import '../../styles/page.scss';
import '../components/policies.scss';

export default function PolicyPage() {
  const { params } = useRouter();
  const id = params.id ?? '';
  const { data, gate } = usePageData(() => request(getPolicy, { params: { id } }), [id]);
  if (gate || !data) return gate;
  const { policy, mine } = data;
  return (
    <Page>
      <Text className="page__title">{policy.title}</Text>
      {mine ? (
        mine.qualifies ? (
          <Text className="verdict verdict--yes">您符合条件：{mine.reasons.join('；')}。</Text>
        ) : (
          <Text className="verdict verdict--no">按您现在的登记信息，暂不符合：{mine.unmet}。情况有变化时，系统会重新帮您找。</Text>
        )
      ) : null}
      <View className="card">
        <Text className="card__title">能得到什么</Text>
        <Text className="policy-card__benefit">{policy.benefits}</Text>
        <Text className="card__subtitle">讲的是什么</Text>
        <Text className="page__lead">{policy.summary}</Text>
        <Text className="card__subtitle">适用于</Text>
        <Text className="page__lead">{policy.who}</Text>
        <Text className="card__subtitle">怎么申请</Text>
        <Text className="page__lead">{policy.howToApply}</Text>
      </View>
      <View className="card">
        <DetailRow label="发文单位" value={policy.issuer} />
        <DetailRow label="文号" value={policy.docNumber} />
        <DetailRow label="有效期" value={`${policy.validFrom} 至 ${policy.validUntil}`} />
      </View>
      <View className="stack">
        {policy.service?.appPage ? (
          <Button className="btn btn--primary" onClick={() => Taro.navigateTo({ url: policy.service!.appPage! })}>
            在小程序里办：{policy.service.name}
          </Button>
        ) : null}
        <Button className="btn btn--secondary" onClick={() => Taro.navigateTo({ url: '/points/nearby/index' })}>
          找家附近的服务网点办
        </Button>
        <Button className="btn btn--secondary" onClick={() => Taro.navigateTo({ url: `/policies/ask/index?policyId=${policy.id}&title=${encodeURIComponent(policy.title)}` })}>
          对这条政策有疑问？问一问
        </Button>
      </View>
    </Page>
  );
}
