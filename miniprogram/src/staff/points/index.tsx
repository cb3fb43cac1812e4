// 服务网点管理 (district and city staff): the points of the jurisdiction — where, when open today,
// what they do with how many desks — with 修改 and 停止服务 / 恢复服务 (confirmed); 设立网点 opens
// the form. Street and community staff see the list too (their desks are on 网点窗口).
import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { listStaffServicePoints, updateServicePoint, type ServicePoint } from '@doorstep/shared';
import { Notice } from '../../components/Notice';
import { Page } from '../../components/Page';
import { useAction } from '../../hooks/useAction';
import { usePageData } from '../../hooks/usePageData';
import { request } from '../../services/request';
import '../../styles/page.scss';

export default function StaffPointsPage() {
  const { session, data: items, reload, gate } = usePageData(async () => (await request(listStaffServicePoints, { query: {} })).items);
  const { busy, error, act } = useAction(reload);
  if (gate || !items) return gate;
  const keeper = session?.user.level === 'district' || session?.user.level === 'city';

  async function toggle(p: ServicePoint) {
    const closing = p.status === 'open';
    const { confirm } = await Taro.showModal({
      title: closing ? '停止这个网点的服务？' : '恢复这个网点的服务？',
      content: closing ? `「${p.name}」将不再出现在附近的网点里，也不能再预约（已有的预约不变）。` : `「${p.name}」会重新出现在附近的网点里。`,
      confirmText: closing ? '停止服务' : '恢复服务',
      cancelText: '不改',
    });
    if (confirm) await act(() => request(updateServicePoint, { params: { id: p.id }, body: { version: p.version, status: closing ? 'closed' : 'open' } }));
  }

  return (
    <Page>
      <Text className="page__title">服务网点管理</Text>
      {keeper ? (
        <Button className="btn btn--primary" onClick={() => Taro.navigateTo({ url: '/staff/point-form/index' })}>
          设立网点
        </Button>
      ) : null}
      {error ? <Notice message={error} /> : null}
      {items.length === 0 ? <Text className="page__lead section-title">辖区里还没有服务网点。</Text> : null}
      <View className="section-title">
        {items.map((p) => (
          <View key={p.id} className="card slot-card">
            <Text className="slot-card__time">{p.name}</Text>
            <Text className="status-pill">{p.status === 'open' ? p.opening.status : '已停止服务'}</Text>
            <Text className="slot-card__meta">
              {p.kindName} · {p.areaName} {p.address}
            </Text>
            <Text className="slot-card__meta">{p.opening.today}</Text>
            <Text className="slot-card__meta">能办：{p.services.map((s) => `${s.name}（${s.desks}个窗口）`).join('、')}</Text>
            {keeper ? (
              <View className="page__actions">
                <Button className="btn btn--secondary" onClick={() => Taro.navigateTo({ url: `/staff/point-form/index?id=${p.id}` })}>
                  修改
                </Button>
                <Button className="btn btn--secondary" disabled={busy} onClick={() => void toggle(p)}>
                  {p.status === 'open' ? '停止服务' : '恢复服务'}
                </Button>
              </View>
            ) : null}
          </View>
        ))}
      </View>
    </Page>
  );
}
