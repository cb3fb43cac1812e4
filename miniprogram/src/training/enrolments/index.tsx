// 我的培训: the person's sign-ups — enrolled, waiting (and where in line), finished — the voucher's
// state; cancelling a seat up to the deadline, or leaving the line at any time, with a confirmation.
import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { cancelEnrolment, enrolmentLabel, fenToYuanText, myEnrolments, signUpOpen, todayInChina, type Enrolment } from '@doorstep/shared';
import { Notice } from '../../components/Notice';
import { RateButton } from '../../components/RateButton';
import { usePageData } from '../../hooks/usePageData';
import { request } from '../../services/request';
import { Page } from '../../components/Page';
import '../../styles/page.scss';
import '../components/training.scss';

const voucherStates = { reserved: '结业时核销', redeemed: '已核销', released: '已退回，可以再用', not_redeemed: '未能核销' } as const;

export default function MyEnrolmentsPage() {
  const { data: items, reload, gate } = usePageData(async () => (await request(myEnrolments)).items);
  const [message, setMessage] = useState<string>();

  async function cancel(e: Enrolment) {
    const waiting = e.status === 'waitlisted';
    const { confirm } = await Taro.showModal({
      title: waiting ? '退出候补？' : '取消报名？',
      content: waiting ? `${e.courseTitle}。退出后${e.voucher ? '培训券还给您，' : ''}想再报要重新排队。` : `${e.courseTitle}。取消后名额会让给候补的人，想再报要重新排。`,
      confirmText: waiting ? '退出候补' : '取消报名',
      cancelText: '不取消',
    });
    if (!confirm) return;
    try {
      await request(cancelEnrolment, { params: { id: e.id } });
      setMessage(undefined);
      await reload();
      void Taro.showToast({ title: '已取消', icon: 'success' });
    } catch (err) {
      setMessage((err as Error).message);
    }
  }

  if (gate || !items) return gate;
  const today = todayInChina();
  return (
    <Page>
      <Text className="page__title">我的培训</Text>
      {message ? <Notice message={message} /> : null}
      {items.length === 0 ? (
        <Notice kind="info" message="您还没有报名培训。" actionText="看看附近的培训" onAction={() => Taro.navigateTo({ url: '/training/courses/index' })} />
      ) : null}
      {items.map((e) => (
        <View key={e.id} className="card course-card">
          <Text className="course-card__title">{e.courseTitle}</Text>
          <Text className="course-card__meta">
            {e.providerName} · {e.startsOn} 开班
          </Text>
          <Text className={`enrol-status enrol-status--${e.status}`}>
            {enrolmentLabel(e)}
          </Text>
          {e.voucher ? (
            <Text className="course-card__meta">
              {e.voucher.programmeName}（{fenToYuanText(e.voucher.faceValueFen)} 元）：{voucherStates[e.voucher.state]}
              {e.voucher.note ? `，${e.voucher.note}` : ''}
            </Text>
          ) : null}
          {e.attendedDays !== undefined ? <Text className="course-card__meta">出勤 {e.attendedDays} 天</Text> : null}
          {e.assisted ? <Text className="course-card__meta">社区工作人员帮您报的名</Text> : null}
          {e.status === 'completed' || e.status === 'not_completed' ? <RateButton type="training" id={e.id} title={`培训：${e.courseTitle}`} /> : null}
          {(e.status === 'enrolled' && signUpOpen(e.signUpDeadline, today)) || e.status === 'waitlisted' ? (
            <Button className="btn btn--secondary" onClick={() => void cancel(e)}>
              {e.status === 'waitlisted' ? '退出候补' : '取消报名'}
            </Button>
          ) : null}
        </View>
      ))}
    </Page>
  );
}
