// 学员花名册 (the institution's members): trainees with phone numbers, then the waitlist in order;
// from the first class day, each trainee's result — completed or not, days attended, the
// certificate number — recorded once, with a confirmation (a completion uses their training voucher).
import { useRef, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Button, Input, Text, View } from '@tarojs/components';
import { courseRoster, enrolmentLabel, recordCompletion, todayInChina } from '@doorstep/shared';
import { FormField } from '../../components/FormField';
import { Notice } from '../../components/Notice';
import { usePageData } from '../../hooks/usePageData';
import { goBack } from '../../services/nav';
import { newIdempotencyKey, request } from '../../services/request';
import { Page } from '../../components/Page';
import '../../styles/page.scss';
import '../components/training.scss';

export default function RosterPage() {
  const id = useRouter().params.id ?? '';
  const { data, reload, gate } = usePageData(async () => request(courseRoster, { params: { id } }), [id]);
  const [days, setDays] = useState<Record<string, string>>({});
  const [certificates, setCertificates] = useState<Record<string, string>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState<string>();
  // One key per trainee and result: a retry after a lost answer records nothing twice.
  const keys = useRef(new Map<string, string>());

  async function complete(enrolmentId: string, name: string, result: 'completed' | 'not_completed', voucher: boolean) {
    const attended = Number(days[enrolmentId] ?? '');
    if (!Number.isInteger(attended) || (days[enrolmentId] ?? '').trim() === '') {
      setErrors((e) => ({ ...e, [enrolmentId]: '请填写出勤天数' }));
      return;
    }
    const { confirm } = await Taro.showModal({
      title: `${name}：${result === 'completed' ? '结业' : '未结业'}？`,
      content: `出勤 ${attended} 天。${result === 'completed' && voucher ? '结业会核销他的培训券。' : ''}结果只能记录一次。`,
      confirmText: '确定',
      cancelText: '再想想',
    });
    if (!confirm) return;
    const keyOf = `${enrolmentId}:${result}`;
    const key = keys.current.get(keyOf) ?? newIdempotencyKey();
    keys.current.set(keyOf, key);
    setBusy(enrolmentId);
    try {
      const certificateNo = (certificates[enrolmentId] ?? '').trim();
      await request(recordCompletion, { params: { id }, body: { enrolmentId, result, attendedDays: attended, ...(certificateNo ? { certificateNo } : {}) }, idempotencyKey: key });
      setErrors((e) => ({ ...e, [enrolmentId]: '' }));
      await reload();
    } catch (err) {
      setErrors((e) => ({ ...e, [enrolmentId]: (err as Error).message }));
    } finally {
      setBusy(undefined);
    }
  }

  if (gate || !data) return gate;
  const { course, items } = data;
  const started = todayInChina() >= course.schedule.startsOn;
  return (
    <Page>
      <Text className="page__title">{course.title}</Text>
      <Text className="page__lead">
        已报 {course.enrolled}/{course.seats} 人{course.waiting ? `，候补 ${course.waiting} 人` : ''} · {course.schedule.startsOn} 开班，共 {course.schedule.days} 天
      </Text>
      {items.length === 0 ? <Notice kind="info" message="还没有人报名。" /> : null}
      {items.map(({ enrolment: e, person }) => (
        <View key={e.id} className="card course-card">
          <Text className="course-card__title">{person.name}</Text>
          <Text className={`enrol-status enrol-status--${e.status}`}>{enrolmentLabel(e)}</Text>
          {person.phone ? (
            <Button className="btn btn--secondary" onClick={() => Taro.makePhoneCall({ phoneNumber: person.phone })}>
              打电话 {person.phone}
            </Button>
          ) : null}
          {e.voucher ? <Text className="course-card__meta">用券：{e.voucher.programmeName}</Text> : null}
          {e.attendedDays !== undefined ? <Text className="course-card__meta">出勤 {e.attendedDays} 天</Text> : null}
          {e.status === 'enrolled' && started ? (
            <View className="stack">
              <FormField label="出勤天数" required error={errors[e.id]}>
                <Input className="text-input" type="number" maxlength={3} value={days[e.id] ?? ''} placeholder={`最多 ${course.schedule.days} 天`} onInput={(ev) => {
                  setDays((d) => ({ ...d, [e.id]: ev.detail.value }));
                  setErrors((x) => ({ ...x, [e.id]: '' }));
                }} />
              </FormField>
              <FormField label="证书编号" hint="有证书才填">
                <Input className="text-input" maxlength={40} value={certificates[e.id] ?? ''} onInput={(ev) => setCertificates((c) => ({ ...c, [e.id]: ev.detail.value }))} />
              </FormField>
              <Button className="btn btn--primary" disabled={busy === e.id} onClick={() => void complete(e.id, person.name, 'completed', !!e.voucher)}>
                结业
              </Button>
              <Button className="btn btn--secondary" disabled={busy === e.id} onClick={() => void complete(e.id, person.name, 'not_completed', !!e.voucher)}>
                未结业
              </Button>
            </View>
          ) : null}
        </View>
      ))}
      {!started ? <Text className="page__lead">开班后在这里记录每位学员的结业结果。</Text> : null}
      <View className="page__actions">
        <Button className="btn btn--secondary" onClick={goBack}>
          返回
        </Button>
      </View>
    </Page>
  );
}
