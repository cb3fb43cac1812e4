// 预约面试: the vacancy's coming interview slots, one tap and a confirmation to book. With
// `?bookingId=` it moves an existing booking (改约); with `?personId=&name=` community staff book
// for a resident they referred (代约面试, recorded as assisted).
import { useRef, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import {
  assistedInterviewBooking,
  bookInterview,
  chinaDateTimeText,
  interviewModeLabels,
  listInterviewSlots,
  rescheduleInterview,
  type InterviewSlot,
} from '@doorstep/shared';
import { DetailRow } from '../../components/DetailRow';
import { Notice } from '../../components/Notice';
import { usePageData } from '../../hooks/usePageData';
import { goBack } from '../../services/nav';
import { newIdempotencyKey, request } from '../../services/request';
import { Page } from '../../components/Page';
import '../../styles/page.scss';

export default function BookInterviewPage() {
  const { params } = useRouter();
  const vacancyId = params.vacancyId ?? '';
  const bookingId = params.bookingId;
  const personId = params.personId;
  const name = decodeURIComponent(params.name ?? '');
  const { data: slots, reload, gate } = usePageData(async () => (await request(listInterviewSlots, { params: { id: vacancyId } })).items, [vacancyId]);
  const [busy, setBusy] = useState<string>();
  const [message, setMessage] = useState<string>();
  const [done, setDone] = useState<string>();
  // One key per slot chosen: a retry after a lost answer is the same booking.
  const keys = useRef(new Map<string, string>());

  async function choose(slot: InterviewSlot) {
    const when = `${chinaDateTimeText(slot.startsAt)}，${slot.durationMinutes} 分钟，${interviewModeLabels[slot.mode]}`;
    const { confirm } = await Taro.showModal({
      title: bookingId ? '改约到这个时间？' : personId ? `为${name}预约？` : '预约这个时间？',
      content: `${when}${slot.place ? `，地点：${slot.place}` : ''}。开始前两小时内不能再取消或改约。`,
      confirmText: bookingId ? '改约' : '预约',
      cancelText: '再看看',
    });
    if (!confirm) return;
    setBusy(slot.id);
    setMessage(undefined);
    try {
      if (bookingId) await request(rescheduleInterview, { params: { id: bookingId }, body: { slotId: slot.id } });
      else {
        const key = keys.current.get(slot.id) ?? newIdempotencyKey();
        keys.current.set(slot.id, key);
        if (personId) await request(assistedInterviewBooking, { params: { id: slot.id }, body: { personId }, idempotencyKey: key });
        else await request(bookInterview, { params: { id: slot.id }, idempotencyKey: key });
      }
      setDone(when);
    } catch (err) {
      setMessage((err as Error).message);
      await reload();
    } finally {
      setBusy(undefined);
    }
  }

  if (gate || !slots) return gate;

  if (done) {
    return (
      <Page>
        <Text className="page__title">{bookingId ? '已改约' : '预约成功'}</Text>
        <View className="card">
          <DetailRow label="面试时间" value={done} />
          <Text className="card__subtitle">{personId ? `请告诉${name}面试时间。面试前一天和前一小时，小程序会提醒他。` : '面试前一天和前一小时会提醒您。不能去了请提前取消，把名额让给别人。'}</Text>
        </View>
        <View className="page__actions">
          {personId ? null : (
            <Button className="btn btn--primary" onClick={() => Taro.redirectTo({ url: '/jobs/interviews/index' })}>
              查看我的面试
            </Button>
          )}
          <Button className="btn btn--secondary" onClick={goBack}>
            返回
          </Button>
        </View>
      </Page>
    );
  }

  const open = slots.filter((s) => s.bookable);
  return (
    <Page>
      <Text className="page__title">{bookingId ? '改约面试' : personId ? `为${name}预约面试` : '预约面试'}</Text>
      <Text className="page__lead">选一个您方便的时间。时间都是北京时间。</Text>
      {message ? <Notice message={message} /> : null}
      {open.length === 0 ? <Notice kind="info" message="单位还没有安排可以预约的面试时间，请过几天再来看，或直接打电话问单位。" /> : null}
      {open.map((s) => (
        <View key={s.id} className="card slot-card">
          <Text className="slot-card__time">{chinaDateTimeText(s.startsAt)}</Text>
          <Text className="slot-card__meta">
            {interviewModeLabels[s.mode]} · {s.durationMinutes} 分钟 · 还剩 {s.remaining} 个名额
          </Text>
          {s.place ? <Text className="slot-card__meta">地点：{s.place}</Text> : null}
          {s.mode === 'video' ? <Text className="slot-card__meta">预约后可在“我的面试”里看到视频会议链接</Text> : null}
          <Button className="btn btn--primary" disabled={!!busy} onClick={() => void choose(s)}>
            {busy === s.id ? '正在提交…' : bookingId ? '改约到这个时间' : '预约这个时间'}
          </Button>
        </View>
      ))}
      <View className="page__actions">
        <Button className="btn btn--secondary" onClick={goBack}>
          返回
        </Button>
      </View>
    </Page>
  );
}
