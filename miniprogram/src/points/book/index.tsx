// 预约办事: a day (the coming week), then a free half hour, a confirmation, and the queue number.
// With `?visitId=` it moves an existing visit (改约) instead. One Idempotency-Key per half hour
// chosen: a retry after a lost answer is the same booking, never a second one.
import { useRef, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import dayjs from 'dayjs';
import { bookVisit, clockText, visitDayText, getServicePoint, listVisitSlots, moveVisit, todayInChina, type ServiceKey, type Visit } from '@doorstep/shared';
import { DetailRow } from '../../components/DetailRow';
import { Notice } from '../../components/Notice';
import { Page } from '../../components/Page';
import { usePageData } from '../../hooks/usePageData';
import { goBack } from '../../services/nav';
import { newIdempotencyKey, request } from '../../services/request';
import { askToBeTold } from '../../services/subscribe';
import '../../styles/page.scss';
import '../components/points.scss';


export default function BookVisitPage() {
  const { params } = useRouter();
  const id = params.id ?? '';
  const service = (params.service ?? '') as ServiceKey;
  const visitId = params.visitId;
  const today = todayInChina();
  const days = Array.from({ length: 7 }, (_, i) => dayjs(today).add(i, 'day').format('YYYY-MM-DD'));
  const [date, setDate] = useState(params.date ?? days[0]!);
  const { data, reload, gate } = usePageData(async () => {
    const [point, slots] = await Promise.all([request(getServicePoint, { params: { id } }), request(listVisitSlots, { params: { id }, query: { service, date } })]);
    return { point, slots };
  }, [id, service, date]);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string>();
  const [done, setDone] = useState<Visit>();
  const keys = useRef(new Map<string, string>());

  if (gate || !data) return gate;
  const { point } = data.point;
  const offered = data.point.catalogue.services.find((s) => s.key === service);

  async function choose(start: string) {
    const when = `${visitDayText(date, today)} ${clockText(start)}`;
    const { confirm } = await Taro.showModal({
      title: visitId ? '改到这个时间？' : '预约这个时间？',
      content: `${when}，到${point.name}办「${offered?.name ?? ''}」。${offered?.documents.length ? `请带齐：${offered.documents.filter((d) => !d.when).map((d) => d.label).join('、')}。` : ''}`,
      confirmText: visitId ? '改约' : '预约',
      cancelText: '再想想',
    });
    if (!confirm) return;
    // The reminders a day and an hour before need the person's leave in WeChat (nothing in H5).
    await askToBeTold(['application_update']);
    setBusy(true);
    setMessage(undefined);
    try {
      const slotKey = `${date}T${start}`;
      const key = keys.current.get(slotKey) ?? newIdempotencyKey();
      keys.current.set(slotKey, key);
      const { visit } = visitId
        ? await request(moveVisit, { params: { id: visitId }, body: { date, start } })
        : await request(bookVisit, { params: { id }, body: { service, date, start }, idempotencyKey: key });
      setDone(visit);
    } catch (err) {
      setMessage((err as Error).message);
      await reload();
    } finally {
      setBusy(false);
    }
  }

  if (done) {
    return (
      <Page>
        <Text className="page__title">{visitId ? '已改约' : '预约成功'}</Text>
        <View className="card">
          <Text className="point-card__meta">您的排队号</Text>
          <Text className="queue-number">{done.queueNumber}</Text>
          <DetailRow label="时间" value={`${visitDayText(done.date, today)} ${clockText(done.start)} 起半小时内`} />
          <DetailRow label="地点" value={`${done.pointName}，${done.pointAddress}`} />
          <DetailRow label="办理" value={done.serviceName} />
          <Text className="card__subtitle">前一天和前一小时会提醒您。去不了请提前取消，把名额让给别人。</Text>
        </View>
        <View className="page__actions">
          <Button className="btn btn--primary" onClick={() => Taro.redirectTo({ url: '/points/visits/index' })}>
            看我的预约
          </Button>
          <Button className="btn btn--secondary" onClick={goBack}>
            返回
          </Button>
        </View>
      </Page>
    );
  }

  const free = data.slots.items.filter((s) => s.bookable);
  return (
    <Page>
      <Text className="page__title">{visitId ? '改约时间' : `预约：${offered?.name ?? ''}`}</Text>
      <Text className="page__lead">{point.name}。先选哪天，再选半小时。时间都是北京时间。</Text>
      {message ? <Notice message={message} /> : null}
      <Text className="card__title">哪天去</Text>
      <View className="chips">
        {days.map((d) => (
          <Button key={d} className={`chip ${d === date ? 'chip--on' : ''}`} aria-checked={d === date} onClick={() => setDate(d)}>
            {visitDayText(d, today)}
          </Button>
        ))}
      </View>
      <Text className="card__title">几点</Text>
      {data.slots.closed ? <Notice kind="info" message="这天网点休息，请选别的日子。" /> : null}
      {!data.slots.closed && free.length === 0 ? <Notice kind="info" message="这天已经约满或过了时间，请选别的日子。" /> : null}
      <View className="chips">
        {data.slots.items.map((s) => (
          <Button key={s.start} className={`chip ${s.bookable ? '' : 'chip--off'}`} disabled={!s.bookable || busy} onClick={() => void choose(s.start)}>
            {clockText(s.start)} {s.bookable ? `剩${s.remaining}个` : s.remaining === 0 ? '约满' : '已过'}
          </Button>
        ))}
      </View>
      <View className="page__actions">
        <Button className="btn btn--secondary" onClick={goBack}>
          返回
        </Button>
      </View>
    </Page>
  );
}
