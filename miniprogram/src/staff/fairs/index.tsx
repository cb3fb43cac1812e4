// 招聘会管理 (street, district and city staff): the jurisdiction's fairs — 待发布 ones with 发布
// (confirmed; due within 3 working days of creation, on 待办任务) — each with its booth
// applications and the gate (签到) one tap away; 举办招聘会 opens the form.
import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { listStaffFairs, publishFair } from '@doorstep/shared';
import { Notice } from '../../components/Notice';
import { Page } from '../../components/Page';
import { useAction } from '../../hooks/useAction';
import { usePageData } from '../../hooks/usePageData';
import { request } from '../../services/request';
import '../../styles/page.scss';

export default function StaffFairsPage() {
  const { data: items, reload, gate } = usePageData(async () => (await request(listStaffFairs)).items);
  const { busy, error, act } = useAction(reload);
  if (gate || !items) return gate;

  async function publish(id: string, title: string) {
    const { confirm } = await Taro.showModal({ title: '发布招聘会？', content: `「${title}」发布后群众就能看到并预约。`, confirmText: '发布', cancelText: '再看看' });
    if (confirm) await act(() => request(publishFair, { params: { id } }));
  }

  return (
    <Page>
      <Text className="page__title">招聘会管理</Text>
      <Button className="btn btn--primary" onClick={() => Taro.navigateTo({ url: '/staff/fair-form/index' })}>
        举办招聘会
      </Button>
      {error ? <Notice message={error} /> : null}
      {items.length === 0 ? <Text className="page__lead section-title">辖区今年还没有招聘会。</Text> : null}
      <View className="section-title">
        {items.map(({ fair, applications }) => (
          <View key={fair.id} className="card slot-card">
            <Text className="slot-card__time">{fair.title}</Text>
            <Text className="status-pill">{fair.status === 'planned' ? '待发布' : fair.status === 'published' ? '已发布' : '已取消'}</Text>
            <Text className="slot-card__meta">
              {fair.kindName} · {fair.startDate === fair.endDate ? fair.startDate : `${fair.startDate} 至 ${fair.endDate}`}
            </Text>
            <Text className="slot-card__meta">
              展位 {fair.accepted}/{fair.booths}，申请 {applications} 家
            </Text>
            <View className="page__actions">
              {fair.status === 'planned' ? (
                <Button className="btn btn--primary" disabled={busy} onClick={() => void publish(fair.id, fair.title)}>
                  发布
                </Button>
              ) : null}
              <Button className="btn btn--secondary" onClick={() => Taro.navigateTo({ url: `/staff/fair-desk/index?id=${fair.id}` })}>
                展位和签到
              </Button>
            </View>
          </View>
        ))}
      </View>
    </Page>
  );
}
