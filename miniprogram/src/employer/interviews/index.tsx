// 面试安排 (the employer's members): open interview slots for a vacancy — day, time, length,
// places, video or on site — see who booked (name, phone, past no-shows), and after the start
// record what happened, once, with a confirmation.
import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Button, Input, Text, View } from '@tarojs/components';
import {
  INTERVIEW_MODES,
  INTERVIEW_OUTCOMES,
  SLOT_TIMES,
  addCalendarDays,
  chinaDateTimeText,
  chinaInstant,
  interviewModeLabels,
  interviewOutcomeLabels,
  listInterviewSlots,
  openInterviewSlot,
  recordInterviewOutcome,
  slotBodySchema,
  todayInChina,
  vacancyInterviewBookings,
  type InterviewMode,
} from '@doorstep/shared';
import { ChoicePicker } from '../../components/ChoicePicker';
import { DateField } from '../../components/DateField';
import { FormField } from '../../components/FormField';
import { Notice } from '../../components/Notice';
import { check, numberOrText } from '../../hooks/fieldErrors';
import { useFormSubmit } from '../../hooks/useFormSubmit';
import { usePageData } from '../../hooks/usePageData';
import { goBack } from '../../services/nav';
import { request } from '../../services/request';
import { Page } from '../../components/Page';
import '../../styles/page.scss';

const TIMES = SLOT_TIMES.map((t) => ({ value: t, label: t }));
const DURATIONS = [15, 30, 45, 60, 90, 120].map((m) => ({ value: m, label: `${m} 分钟` }));
const MODES = INTERVIEW_MODES.map((m) => ({ value: m, label: interviewModeLabels[m] }));

type Outcome = (typeof INTERVIEW_OUTCOMES)[number];

export default function EmployerInterviewsPage() {
  const { params } = useRouter();
  const vacancyId = params.id ?? '';
  const title = decodeURIComponent(params.title ?? '');
  const { data, reload, gate } = usePageData(async () => {
    const [slots, bookings] = await Promise.all([request(listInterviewSlots, { params: { id: vacancyId } }), request(vacancyInterviewBookings, { params: { id: vacancyId } })]);
    return { slots: slots.items, bookings: bookings.items };
  }, [vacancyId]);
  const [form, setForm] = useState({ date: addCalendarDays(todayInChina(), 1), time: '09:00', durationMinutes: 30, capacity: '3', mode: 'onsite' as InterviewMode, place: '' });
  const [showForm, setShowForm] = useState(false);
  const [message, setMessage] = useState<string>();
  const submission = useFormSubmit();
  const { errors, busy, submitError } = submission;

  const update = (patch: Partial<typeof form>, paths: string[]) => {
    setForm((f) => ({ ...f, ...patch }));
    submission.clear(paths);
  };

  async function open() {
    const body = { startsAt: chinaInstant(form.date, form.time), durationMinutes: form.durationMinutes, capacity: numberOrText(form.capacity), mode: form.mode, ...(form.mode === 'onsite' && form.place.trim() ? { place: form.place.trim() } : {}) };
    const checked = check(slotBodySchema, body);
    if (!checked.body) return submission.refuse(checked.errors);
    await submission.send(async () => {
      await request(openInterviewSlot, { params: { id: vacancyId }, body: checked.body! });
      setShowForm(false);
      await reload();
      void Taro.showToast({ title: '已开放预约', icon: 'success' });
    });
  }

  async function record(bookingId: string, name: string, outcome: Outcome) {
    const { confirm } = await Taro.showModal({ title: `${name}：${interviewOutcomeLabels[outcome]}？`, content: '面试结果只能记录一次，记录后不能修改。', confirmText: '确定', cancelText: '再想想' });
    if (!confirm) return;
    try {
      await request(recordInterviewOutcome, { params: { id: bookingId }, body: { outcome } });
      setMessage(undefined);
      await reload();
    } catch (err) {
      setMessage((err as Error).message);
    }
  }

  if (gate || !data) return gate;
  const now = new Date().toISOString();
  return (
    <Page>
      <Text className="page__title">面试安排</Text>
      <Text className="page__lead">{title}：开放面试时间，应聘的人自己预约；面试前一天和前一小时会提醒他们。</Text>
      {message ? <Notice message={message} /> : null}

      {showForm ? (
        <View className="card">
          <Text className="card__title">开放一个面试时间</Text>
          <FormField label="日期" required error={errors.startsAt}>
            <DateField value={form.date} placeholder="请选择" start={todayInChina()} end={addCalendarDays(todayInChina(), 180)} onChange={(v) => update({ date: v }, ['startsAt'])} />
          </FormField>
          <FormField label="开始时间" required hint="北京时间，须在两小时以后">
            <ChoicePicker options={TIMES} value={form.time} placeholder="请选择" onChange={(v) => update({ time: v }, ['startsAt'])} />
          </FormField>
          <FormField label="时长" required error={errors.durationMinutes}>
            <ChoicePicker options={DURATIONS} value={form.durationMinutes} placeholder="请选择" onChange={(v) => update({ durationMinutes: v }, ['durationMinutes'])} />
          </FormField>
          <FormField label="可约人数" required hint="这个时间最多面试几个人" error={errors.capacity}>
            <Input className="text-input" type="number" value={form.capacity} maxlength={2} onInput={(e) => update({ capacity: e.detail.value }, ['capacity'])} />
          </FormField>
          <FormField label="面试方式" required error={errors.mode}>
            <ChoicePicker options={MODES} value={form.mode} placeholder="请选择" onChange={(v) => update({ mode: v }, ['mode', 'place'])} />
          </FormField>
          {form.mode === 'onsite' ? (
            <FormField label="面试地点" required hint="写清楚楼层、房间" error={errors.place}>
              <Input className="text-input" value={form.place} maxlength={100} placeholder="例如：东街 8 号二楼办公室" onInput={(e) => update({ place: e.detail.value }, ['place'])} />
            </FormField>
          ) : (
            <Text className="card__subtitle">视频面试会自动生成会议链接，预约的人在“我的面试”里能看到。</Text>
          )}
          {submitError ? <Notice message={submitError} /> : null}
          <View className="stack">
            <Button className="btn btn--primary" disabled={busy} onClick={open}>
              {busy ? '正在提交…' : '开放预约'}
            </Button>
            <Button className="btn btn--secondary" onClick={() => setShowForm(false)}>
              不开了
            </Button>
          </View>
        </View>
      ) : (
        <Button className="btn btn--primary" onClick={() => setShowForm(true)}>
          开放一个面试时间
        </Button>
      )}

      <Text className="page__title section-title">已开放的时间</Text>
      {data.slots.length === 0 ? <Text className="page__lead">还没有开放面试时间。</Text> : null}
      {data.slots.map((s) => (
        <View key={s.id} className="card slot-card">
          <Text className="slot-card__time">{chinaDateTimeText(s.startsAt)}</Text>
          <Text className="slot-card__meta">
            {interviewModeLabels[s.mode]} · {s.durationMinutes} 分钟 · 已约 {s.booked ?? 0}/{s.capacity} 人
          </Text>
          {s.place ? <Text className="slot-card__meta">地点：{s.place}</Text> : null}
          {s.roomUrl ? (
            <Text className="slot-card__meta" selectable>
              会议链接：{s.roomUrl}
            </Text>
          ) : null}
        </View>
      ))}

      <Text className="page__title section-title">预约的人</Text>
      {data.bookings.length === 0 ? <Text className="page__lead">还没有人预约。</Text> : null}
      {data.bookings.map(({ booking: b, person }) => (
        <View key={b.id} className="card slot-card">
          <Text className="slot-card__time">{person.name}</Text>
          <Text className="slot-card__meta">{chinaDateTimeText(b.startsAt)} · {b.mode ? interviewModeLabels[b.mode] : ''}</Text>
          {person.noShows > 0 ? <Text className="slot-card__tag slot-card__tag--warn">以前预约后未到场 {person.noShows} 次</Text> : null}
          {b.assisted ? <Text className="slot-card__meta">社区代约</Text> : null}
          {person.phone ? (
            <Button className="btn btn--secondary" onClick={() => Taro.makePhoneCall({ phoneNumber: person.phone })}>
              打电话 {person.phone}
            </Button>
          ) : null}
          {b.outcome ? (
            <Text className="slot-card__tag">{interviewOutcomeLabels[b.outcome]}</Text>
          ) : now >= b.startsAt ? (
            <View className="stack">
              {INTERVIEW_OUTCOMES.map((o) => (
                <Button key={o} className={`btn ${o === 'hired' ? 'btn--primary' : 'btn--secondary'}`} onClick={() => void record(b.id, person.name, o)}>
                  {interviewOutcomeLabels[o]}
                </Button>
              ))}
            </View>
          ) : (
            <Text className="slot-card__meta">面试开始后在这里记录结果</Text>
          )}
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
