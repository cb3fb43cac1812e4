// 政策发布 (district and city staff): the policies of the jurisdiction, newest first, each with how
// far reaching its registered people has got (已核对 N 人，找到 M 人 — it runs in the background
// after publishing), and 撤回 (confirmed). 发布新政策 opens the form.
import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { listStaffPolicies, withdrawPolicy } from '@doorstep/shared';
import { Notice } from '../../components/Notice';
import { Page } from '../../components/Page';
import { useAction } from '../../hooks/useAction';
import { usePageData } from '../../hooks/usePageData';
import { request } from '../../services/request';
import '../../styles/page.scss';

export default function StaffPoliciesPage() {
  const { data: items, reload, gate } = usePageData(async () => (await request(listStaffPolicies)).items);
  const { busy, error, act } = useAction(reload);
  if (gate || !items) return gate;

  async function withdraw(id: string, title: string) {
    const { confirm } = await Taro.showModal({ title: '撤回这条政策？', content: `「${title}」会立即从政策列表和每个人的“为您找到的政策”里消失。`, confirmText: '撤回', cancelText: '不撤回' });
    if (confirm) await act(() => request(withdrawPolicy, { params: { id } }));
  }

  return (
    <Page>
      <Text className="page__title">政策发布</Text>
      <Button className="btn btn--primary" onClick={() => Taro.navigateTo({ url: '/staff/policy-form/index' })}>
        发布新政策
      </Button>
      <View className="page__actions">
        <Button className="btn btn--secondary" onClick={() => void reload()}>
          刷新匹配进度
        </Button>
      </View>
      {error ? <Notice message={error} /> : null}
      {items.length === 0 ? <Text className="page__lead section-title">还没有发布过政策。</Text> : null}
      {items.map((p) => (
        <View key={p.id} className="card slot-card">
          <Text className="slot-card__time">{p.title}</Text>
          <Text className="status-pill">{p.status === 'withdrawn' ? '已撤回' : p.inForce ? '有效' : '不在有效期'}</Text>
          <Text className="slot-card__meta">适用于：{p.who}</Text>
          <Text className="slot-card__meta">有效期：{p.validFrom} 至 {p.validUntil}</Text>
          {p.matching ? (
            <Text className="slot-card__meta">
              {p.matching.state === 'done' ? '匹配完成' : '正在匹配'}：已核对 {p.matching.checked} 人，找到 {p.matching.matched} 人
            </Text>
          ) : null}
          {p.status === 'published' ? (
            <Button className="btn btn--secondary" disabled={busy} onClick={() => void withdraw(p.id, p.title)}>
              撤回
            </Button>
          ) : null}
        </View>
      ))}
    </Page>
  );
}
