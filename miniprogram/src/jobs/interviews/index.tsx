// 我的面试: the person's interviews, soonest first — when, where or the video link, and what the
// employer recorded; change the time or cancel before the two-hour cut-off. Reminders open here.
import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { bookingCutoff, cancelInterview, chinaDateTimeText, interviewModeLabels, interviewOutcomeLabels, myInterviews, type InterviewBooking } from '@doorstep/shared';
import { Notice } from '../../components/Notice';
import { RateButton } from '../../components/RateButton';
import { usePageData } from '../../hooks/usePageData';
import { request } from '../../services/request';
import { Page } from '../../components/Page';
import '../../styles/page.scss';

export default function MyInterviewsPage() {
  const { data: items, reload, gate } = usePageData(async () => (await request(myInterviews)).items);
  const [message, setMessage] = useState<string>();

  async function cancel(b: InterviewBooking) {
    const { confirm } = await Taro.showModal({ title: '取消这次面试？', content: `${chinaDateTimeText(b.startsAt)} ${b.employerName ?? ''}。取消后名额会让给别人。`, confirmText: '取消面试', cancelText: '不取消' });
    if (!confirm) return;
    try {
      await request(cancelInterview, { params: { id: b.id } });
      setMessage(undefined);
      await reload();
      void Taro.showToast({ title: '已取消', icon: 'success' });
    } catch (err) {
      setMessage((err as Error).message);
    }
  }

  function copyLink(url: string) {
    void Taro.setClipboardData({ data: url });
  }

  if (gate || !items) return gate;
  const now = new Date().toISOString();
  const shown = items.filter((b) => b.status === 'booked');
  return (
    <Page>
      <Text className="page__title">我的面试</Text>
      {message ? <Notice message={message} /> : null}
      {shown.length === 0 ? (
        <Notice kind="info" message="您还没有预约面试。应聘岗位后，可以在“我的应聘”里预约单位安排的面试时间。" actionText="去我的应聘" onAction={() => Taro.navigateTo({ url: '/jobs/applications/index' })} />
      ) : null}
      {shown.map((b) => {
        const changeable = !b.outcome && now < bookingCutoff(b.startsAt);
        return (
          <View key={b.id} className="card slot-card">
            <Text className="slot-card__time">{chinaDateTimeText(b.startsAt)}</Text>
            <Text className="slot-card__meta">
              {b.employerName ?? ''} · {b.vacancyTitle ?? ''}
            </Text>
            <Text className="slot-card__meta">
              {b.mode ? interviewModeLabels[b.mode] : ''} · {b.durationMinutes} 分钟
            </Text>
            {b.place ? <Text className="slot-card__meta">地点：{b.place}</Text> : null}
            {b.roomUrl ? (
              <View className="stack">
                <Text className="slot-card__meta" selectable>
                  视频会议链接：{b.roomUrl}
                </Text>
                <Button className="btn btn--secondary" onClick={() => copyLink(b.roomUrl!)}>
                  复制链接，到时用浏览器打开
                </Button>
              </View>
            ) : null}
            {b.outcome ? <Text className={`slot-card__tag ${b.outcome === 'no_show' ? 'slot-card__tag--warn' : ''}`}>{interviewOutcomeLabels[b.outcome]}</Text> : null}
            {b.assisted ? <Text className="slot-card__meta">社区工作人员帮您约的</Text> : null}
            {b.outcome && b.outcome !== 'no_show' ? <RateButton type="interview" id={b.id} title={`面试：${b.employerName ?? ''} ${b.vacancyTitle ?? ''}`} /> : null}
            {changeable ? (
              <View className="stack">
                <Button className="btn btn--secondary" onClick={() => Taro.navigateTo({ url: `/jobs/book/index?vacancyId=${b.vacancyId}&bookingId=${b.id}` })}>
                  改个时间
                </Button>
                <Button className="btn btn--secondary" onClick={() => void cancel(b)}>
                  取消面试
                </Button>
              </View>
            ) : !b.outcome && now < b.startsAt ? (
              <Text className="slot-card__meta">离开始不到两小时，不能再改约或取消。去不了请直接打电话告诉单位。</Text>
            ) : null}
          </View>
        );
      })}
    </Page>
  );
}
