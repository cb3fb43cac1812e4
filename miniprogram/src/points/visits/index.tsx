// 我的预约: visits still ahead first — the queue number, when, where, what to bring — with 改约 and
// 取消 (confirmed) until the half hour begins; then the ones done, a served one with 评价这次服务;
// and the one-time notification slips a desk wrote for the person (what they still lack).
// Reminders open here.
import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { cancelVisit, clockText, myNotices, myVisits, todayInChina, visitDayText, type Visit } from '@doorstep/shared';
import { Notice } from '../../components/Notice';
import { Page } from '../../components/Page';
import { RateButton } from '../../components/RateButton';
import { usePageData } from '../../hooks/usePageData';
import { request } from '../../services/request';
import '../../styles/page.scss';
import '../components/points.scss';

export default function MyVisitsPage() {
  const { data, reload, gate } = usePageData(async () => {
    const [visits, notices] = await Promise.all([request(myVisits), request(myNotices)]);
    return { visits: visits.items, notices: notices.items };
  });
  const [message, setMessage] = useState<string>();

  async function cancel(v: Visit) {
    const { confirm } = await Taro.showModal({
      title: '取消这次预约？',
      content: `${visitDayText(v.date, todayInChina())} ${clockText(v.start)}，${v.pointName}「${v.serviceName}」。取消后名额会让给别人。`,
      confirmText: '取消预约',
      cancelText: '不取消',
    });
    if (!confirm) return;
    try {
      await request(cancelVisit, { params: { id: v.id } });
      setMessage(undefined);
      await reload();
      void Taro.showToast({ title: '已取消', icon: 'success' });
    } catch (err) {
      setMessage((err as Error).message);
    }
  }

  if (gate || !data) return gate;
  const now = new Date().toISOString();
  const today = todayInChina();
  const shown = data.visits.filter((v) => v.status !== 'cancelled');
  return (
    <Page>
      <Text className="page__title">我的预约</Text>
      {message ? <Notice message={message} /> : null}
      {shown.length === 0 ? (
        <Notice kind="info" message="您还没有预约到网点办事。在“服务网点”里选一个网点和要办的事就能预约。" actionText="去找服务网点" onAction={() => Taro.redirectTo({ url: '/points/nearby/index' })} />
      ) : null}
      {shown.map((v) => {
        const ahead = v.status === 'booked' && now < v.startsAt;
        return (
          <View key={v.id} className="card point-card visit-card">
            <Text className="point-card__name">{v.serviceName}</Text>
            <Text className="status-pill">{v.statusName}</Text>
            {v.status === 'booked' || v.status === 'arrived' ? (
              <View>
                <Text className="point-card__meta">排队号</Text>
                <Text className="queue-number">{v.queueNumber}</Text>
              </View>
            ) : null}
            <Text className="point-card__open">
              {visitDayText(v.date, today)} {clockText(v.start)} 起半小时内
            </Text>
            <Text className="point-card__meta">
              {v.pointName}，{v.pointAddress}
            </Text>
            {v.assisted ? <Text className="point-card__meta">工作人员帮您约的</Text> : null}
            {v.status === 'served' ? <RateButton type="visit" id={v.id} title={`网点办事：${v.pointName} ${v.serviceName}`} /> : null}
            {ahead ? (
              <View className="stack">
                <Button className="btn btn--secondary" onClick={() => Taro.navigateTo({ url: `/points/point/index?id=${v.pointId}` })}>
                  看要带的材料
                </Button>
                <Button className="btn btn--secondary" onClick={() => Taro.navigateTo({ url: `/points/book/index?id=${v.pointId}&service=${v.service}&visitId=${v.id}&date=${v.date}` })}>
                  改个时间
                </Button>
                <Button className="btn btn--secondary" onClick={() => void cancel(v)}>
                  取消预约
                </Button>
              </View>
            ) : null}
          </View>
        );
      })}
      {data.notices.length ? <Text className="card__title section-title">一次性告知单</Text> : null}
      {data.notices.map((n) => (
        <View key={n.id} className="card point-card notice-slip">
          <Text className="point-card__name">{n.serviceName}：还需要</Text>
          <Text className="point-card__meta">
            {n.pointName ? `${n.pointName} · ` : ''}
            {n.createdAt.slice(0, 10)}
          </Text>
          <View className="checklist">
            {n.unmet.map((u) => (
              <Text key={u} className="checklist__item">
                ！{u}
              </Text>
            ))}
            {n.missing.map((m) => (
              <View key={m.code}>
                <Text className="checklist__item">□ {m.label}</Text>
                {m.when ? <Text className="checklist__when">（{m.when}）</Text> : null}
              </View>
            ))}
            {n.unmet.length === 0 && n.missing.length === 0 ? <Text className="checklist__item">材料已经齐了，可以直接办理。</Text> : null}
          </View>
        </View>
      ))}
    </Page>
  );
}
