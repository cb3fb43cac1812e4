// 公益性岗位补贴 for a unit (R21): the people placed in its confirmed public-welfare posts, each
// 可以申请 or 还差什么, and the unit's applications with where each is now.
import Taro, { useRouter } from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { LoadMore } from '../../components/LoadMore';
import { Page } from '../../components/Page';
import { usePageData } from '../../hooks/usePageData';
import { subsidyApi, yuan } from '../components/subsidies';
import '../../styles/page.scss';
import '../components/subsidies.scss';

export default function UnitSubsidiesPage() {
  const { employerId = '' } = useRouter().params;
  const { data, setData, gate } = usePageData(async () => {
    const [offers, applications] = await Promise.all([subsidyApi.unit.offers(employerId), subsidyApi.unit.applications(employerId)]);
    return { offers, applications };
  }, [employerId]);
  if (gate || !data) return gate;
  const { offers } = data;
  const applications = data.applications.items;
  return (
    <Page>
      <Text className="page__title">公益性岗位补贴</Text>
      <Text className="page__lead">单位在区里认定的公益性岗位上安置就业困难人员、按时发工资并缴纳社会保险的，可以按月申请岗位补贴。补贴打到单位账户。</Text>
      {offers.length === 0 ? <Text className="page__lead">现在没有可以申请的：本单位的岗位上还没有安置人员，或所在区没有正在受理的公益性岗位补贴。</Text> : null}
      {offers.map((o) => (
        <View key={o.programme.id}>
          <Text className="page__title section-title">{o.programme.name}</Text>
          <Text className="page__lead">{o.programme.amountText}</Text>
          {o.placements.map((p) => (
            <View key={`${p.postId}-${p.caseId}`} className="card subsidy-card">
              <Text className="card__title">
                {p.personMasked} · {p.postTitle}
              </Text>
              <Text className="card__subtitle">
                上岗期间：{p.from} 至 {p.until}
              </Text>
              {p.ok ? (
                <View>
                  <Text className="subsidy-card__reason">可以申请：{p.reasons.join('；')}</Text>
                  <Text className="subsidy-card__reason">还能申请 {p.monthsLeft} 个月</Text>
                  <Button
                    className="btn btn--primary"
                    onClick={() => void Taro.navigateTo({ url: `/subsidies/unit-apply/index?employerId=${employerId}&programmeId=${o.programme.id}&postId=${p.postId}&caseId=${p.caseId}` })}
                  >
                    为这位人员申请
                  </Button>
                </View>
              ) : (
                <Text className="subsidy-card__missing">还差：{p.missing.join('；')}</Text>
              )}
            </View>
          ))}
        </View>
      ))}

      <Text className="page__title section-title">本单位的申请</Text>
      {applications.length === 0 ? <Text className="page__lead">还没有申请过。</Text> : null}
      {applications.map((a) => (
        <View key={a.id} className="card" onClick={() => void Taro.navigateTo({ url: `/subsidies/mine/index?employerId=${employerId}&id=${a.id}` })}>
          <Text className="card__title">
            {a.personMasked} · {a.programmeName}
          </Text>
          <Text className={`status-pill status-pill--${a.stage}`}>{a.stageName}</Text>
          <Text className="card__subtitle">
            {a.monthsText} · {yuan(a.amountFen)}
          </Text>
          <Text className="card__subtitle">办理单位：{a.office}</Text>
        </View>
      ))}

      <LoadMore page={data.applications} fetchPage={(cursor) => subsidyApi.unit.applications(employerId, cursor)} onPage={(next) => setData({ ...data, applications: next })} />

      <View className="page__actions">
        <Button className="btn btn--secondary" onClick={() => Taro.navigateBack().catch(() => Taro.reLaunch({ url: '/employer/mine/index' }))}>
          返回
        </Button>
      </View>
    </Page>
  );
}
