// 培训需求汇总 (staff): what the residents of the staff member's area said they want to learn —
// how many answered, the occupations most wanted, the kinds of training and the times that suit.
import { Button, Text, View } from '@tarojs/components';
import { staffTrainingNeeds } from '@doorstep/shared';
import { Notice } from '../../components/Notice';
import { usePageData } from '../../hooks/usePageData';
import { goBack } from '../../services/nav';
import { request } from '../../services/request';
import { Page } from '../../components/Page';
import '../../styles/page.scss';
import './index.scss';

function Counts({ title, rows, total }: { title: string; rows: { value: string; label: string; count: number }[]; total: number }) {
  return (
    <View className="card">
      <Text className="card__title">{title}</Text>
      {rows.length === 0 ? <Text className="card__subtitle">还没有人填。</Text> : null}
      {rows.map((r) => (
        <View key={r.value} className="count-row">
          <Text>{r.label}</Text>
          <Text>{r.count} 人</Text>
          <View className="count-row__bar" style={{ width: `${total ? Math.max(4, Math.round((r.count / total) * 100)) : 0}%` }} />
        </View>
      ))}
    </View>
  );
}

export default function StaffTrainingNeedsPage() {
  const { session, data, gate } = usePageData(async (s) => {
    if (!s.user.areaCode) return undefined;
    return request(staffTrainingNeeds, { query: { areaCode: s.user.areaCode } });
  });
  if (session && !session.user.areaCode) return <Page><Notice message="您的账号没有设置辖区，请联系管理员。" /></Page>;
  if (gate || !data) return gate;
  return (
    <Page>
      <Text className="page__title">培训需求汇总</Text>
      <Text className="page__lead">
        {data.areaName}：{data.total} 人填了培训需求。
      </Text>
      <Counts title="想学的工种" rows={data.occupations.slice(0, 20)} total={data.total} />
      <Counts title="培训类型" rows={data.types} total={data.total} />
      <Counts title="方便的时间" rows={data.times} total={data.total} />
      <View className="page__actions">
        <Button className="btn btn--secondary" onClick={goBack}>
          返回
        </Button>
      </View>
    </Page>
  );
}
