// 网点窗口: a point's visits of the day (today, or tomorrow to prepare), by half hour and queue
// number, with who is coming; the desk marks each one arrived, served (the person can then rate
// it) or no-show (asked first), and writes a one-time notification slip for someone who lacks
// documents. Community and street staff see the points of their area only.
import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import dayjs from 'dayjs';
import { clockText, listStaffServicePoints, markVisit, pointVisits, todayInChina, visitDayText, type Visit } from '@doorstep/shared';
import { ChoiceToggles } from '../../components/Toggles';
import { DetailRow } from '../../components/DetailRow';
import { Notice } from '../../components/Notice';
import { Page } from '../../components/Page';
import { useAction } from '../../hooks/useAction';
import { usePageData } from '../../hooks/usePageData';
import { request } from '../../services/request';
import '../../styles/page.scss';

const NEXT: Record<Visit['status'], { status: 'arrived' | 'served' | 'no_show'; label: string }[]> = {
  booked: [
    { status: 'arrived', label: '已到达' },
    { status: 'served', label: '已办结' },
    { status: 'no_show', label: '未到场' },
  ],
  arrived: [{ status: 'served', label: '已办结' }],
  served: [],
  no_show: [],
  cancelled: [],
};

export default function DeskPage() {
  const today = todayInChina();
  const [pointId, setPointId] = useState<string>();
  const [date, setDate] = useState(today);
  const { data, reload, gate } = usePageData(async () => {
    const points = (await request(listStaffServicePoints, { query: {} })).items.filter((p) => p.status === 'open');
    const chosen = pointId ?? points[0]?.id;
    const list = chosen ? await request(pointVisits, { params: { id: chosen }, query: { date } }) : undefined;
    return { points, chosen, list };
  }, [pointId, date]);
  const { busy, error, act } = useAction(reload);

  async function mark(v: Visit, status: 'arrived' | 'served' | 'no_show', label: string) {
    if (status === 'no_show') {
      const { confirm } = await Taro.showModal({ title: '记为未到场？', content: `${v.queueNumber} 的预约记为未到场。记了就不能改。`, confirmText: '记为未到场', cancelText: '先不记' });
      if (!confirm) return;
    }
    await act(async () => {
      await request(markVisit, { params: { id: v.id }, body: { status } });
      void Taro.showToast({ title: label, icon: 'success' });
    });
  }

  if (gate || !data) return gate;
  const tomorrow = dayjs(today).add(1, 'day').format('YYYY-MM-DD');
  return (
    <Page>
      <Text className="page__title">网点窗口</Text>
      {data.points.length === 0 ? <Notice kind="info" message="您的辖区还没有服务网点。请区里的工作人员先设立网点。" /> : null}
      {data.points.length > 1 ? (
        <View className="card">
          <Text className="card__title">哪个网点</Text>
          <ChoiceToggles options={data.points.map((p) => ({ value: p.id, label: p.name }))} chosen={data.chosen} onChange={setPointId} />
        </View>
      ) : null}
      {data.chosen ? (
        <View className="card">
          <Text className="card__title">{data.points.find((p) => p.id === data.chosen)?.name}</Text>
          <ChoiceToggles
            options={[
              { value: today, label: visitDayText(today, today) },
              { value: tomorrow, label: visitDayText(tomorrow, today) },
            ]}
            chosen={date}
            onChange={setDate}
          />
        </View>
      ) : null}
      {error ? <Notice message={error} /> : null}
      {data.list && data.list.items.length === 0 ? <Text className="page__lead">这天还没有人预约。</Text> : null}
      {data.list?.items.map(({ visit: v, person }) => (
        <View key={v.id} className="card slot-card">
          <Text className="slot-card__time">
            {v.queueNumber} · {clockText(v.start)}
          </Text>
          <Text className="status-pill">{v.statusName}</Text>
          <DetailRow label="姓名" value={person.name} />
          <DetailRow label="电话" value={person.phone || '—'} />
          <DetailRow label="办理" value={v.serviceName} />
          {v.assisted ? <Text className="slot-card__meta">工作人员代约</Text> : null}
          <View className="page__actions">
            {NEXT[v.status].map((n) => (
              <Button key={n.status} className={`btn ${n.status === 'served' ? 'btn--primary' : 'btn--secondary'}`} disabled={busy} onClick={() => void mark(v, n.status, n.label)}>
                {n.label}
              </Button>
            ))}
            {v.status !== 'cancelled' ? (
              <Button
                className="btn btn--secondary"
                onClick={() => Taro.navigateTo({ url: `/staff/notice/index?service=${v.service}&pointId=${v.pointId}&personId=${person.id}&name=${encodeURIComponent(person.name)}` })}
              >
                开一次性告知单
              </Button>
            ) : null}
          </View>
        </View>
      ))}
    </Page>
  );
}
