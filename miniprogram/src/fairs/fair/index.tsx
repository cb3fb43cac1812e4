// One fair: when and where (or the live room), its employers with booth numbers and posts. The
// person pre-registers (confirmed; a special fair tells who it is for), shows the day's check-in
// code at the gate, or scans the gate's code (weapp), and taps 我有意向 on a post (confirmed:
// the registration goes to that employer as a CV, marked as from the fair). An online fair's
// 视频号 live room opens with wx.openChannelsLive (H5 says to open it in WeChat); once the fair has
// begun, its figures (counts only).
import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { fairCheckinCode, fairFigureRows, fairIntention, fenToYuanText, getFair, getFairFigures, registerForFair, selfFairCheckin, todayInChina } from '@doorstep/shared';
import { DetailRow } from '../../components/DetailRow';
import { Notice } from '../../components/Notice';
import { Page } from '../../components/Page';
import { QrImage } from '../../components/QrImage';
import { useAction } from '../../hooks/useAction';
import { usePageData } from '../../hooks/usePageData';
import { request } from '../../services/request';
import '../../styles/page.scss';
import '../components/fairs.scss';

export default function FairPage() {
  const { params } = useRouter();
  const id = params.id ?? '';
  const { data, reload, gate } = usePageData(async () => {
    const one = await request(getFair, { params: { id } });
    // Once it has begun: how it is going (counts only), then how it went.
    const figures = one.fair.startDate <= todayInChina() ? await request(getFairFigures, { params: { id } }) : undefined;
    return { ...one, figures };
  }, [id]);
  const { busy, error, act } = useAction(reload);
  const [code, setCode] = useState<string>();
  const [sent, setSent] = useState<string[]>([]);
  if (gate || !data) return gate;
  const { fair, booths, mine, figures } = data;

  // 视频号 live room: opened by WeChat itself in the mini-program.
  async function watchLive() {
    try {
      await Taro.openChannelsLive({ finderUserName: fair.liveRoomId! });
    } catch {
      await Taro.showModal({ title: '暂时打不开直播间', content: '直播可能还没开始。也可以在微信“视频号”里搜索主办单位。', showCancel: false, confirmText: '知道了' });
    }
  }

  async function signUp() {
    const { confirm } = await Taro.showModal({ title: '预约参加？', content: `${fair.title}，${fair.startDate} ${fair.hours.from}。当天凭签到码入场。`, confirmText: '预约', cancelText: '再想想' });
    if (confirm) await act(() => request(registerForFair, { params: { id } }));
  }

  async function showCode() {
    await act(async () => setCode((await request(fairCheckinCode, { params: { id } })).code));
  }

  async function scanGate() {
    try {
      const { result } = await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] });
      await act(() => request(selfFairCheckin, { params: { id }, body: { gateCode: result } }));
    } catch {
      // Cancelled: nothing to do.
    }
  }

  async function intend(vacancyId: string, title: string, employer: string) {
    const { confirm } = await Taro.showModal({ title: '投简历给这家单位？', content: `把您的求职登记作为简历投给「${employer}」的「${title}」，对方能看到您的姓名和电话。`, confirmText: '我有意向', cancelText: '再看看' });
    if (!confirm) return;
    await act(async () => {
      await request(fairIntention, { params: { id }, body: { vacancyId } });
      setSent((s) => [...s, vacancyId]);
    });
  }

  return (
    <Page>
      <Text className="page__title">{fair.title}</Text>
      <View className="card">
        <DetailRow label="类型" value={`${fair.kindName}（${fair.mode === 'online' ? '网络' : '现场'}）`} />
        <DetailRow label="时间" value={`${fair.startDate === fair.endDate ? fair.startDate : `${fair.startDate} 至 ${fair.endDate}`}，${fair.hours.from}–${fair.hours.to}`} />
        {fair.venue ? <DetailRow label="地点" value={`${fair.venue.name}，${fair.venue.address}`} /> : null}
        <DetailRow label="参会单位" value={`${fair.accepted} 家`} />
        <Text className="page__lead">{fair.intro}</Text>
        {fair.liveRoomId ? (
          process.env.TARO_ENV === 'weapp' ? (
            <Button className="btn btn--primary" onClick={() => void watchLive()}>
              看视频号直播
            </Button>
          ) : (
            <Text className="page__lead">视频号直播：请在微信里打开“家门口就业”小程序，点“看视频号直播”进入。</Text>
          )
        ) : null}
        {fair.liveUrl ? (
          <Button className="btn btn--secondary" onClick={() => void Taro.setClipboardData({ data: fair.liveUrl! })}>
            复制直播链接，用浏览器打开
          </Button>
        ) : null}
      </View>
      {error ? <Notice message={error} /> : null}
      {mine.checkedInToday ? <Notice kind="info" message="您今天已经签到了。" /> : null}
      {!mine.registered ? (
        <Button className="btn btn--primary" disabled={busy} onClick={() => void signUp()}>
          预约参加
        </Button>
      ) : !mine.checkedInToday ? (
        <View className="stack">
          <Button className="btn btn--primary" disabled={busy} onClick={() => void showCode()}>
            出示签到码
          </Button>
          {process.env.TARO_ENV === 'weapp' ? (
            <Button className="btn btn--secondary" disabled={busy} onClick={() => void scanGate()}>
              扫入口的签到码
            </Button>
          ) : null}
        </View>
      ) : null}
      {code ? (
        <View className="card fair-code">
          <Text className="card__title">签到码（只在今天有效）</Text>
          <QrImage text={code} label="招聘会签到码" />
          <Text className="fair-code__text" selectable>
            {code}
          </Text>
        </View>
      ) : null}
      <Text className="card__title section-title">参会单位和岗位</Text>
      {booths.length === 0 ? <Text className="page__lead">参会单位还在确定中。</Text> : null}
      {booths.map((b) => (
        <View key={b.employerId} className="card slot-card">
          <Text className="slot-card__time">
            {b.boothNo ? `${b.boothNo}号展位 · ` : ''}
            {b.employerName}
          </Text>
          {b.vacancies.map((v) => (
            <View key={v.id} className="stack fair-post">
              <Text className="slot-card__meta">
                {v.title} · {fenToYuanText(v.salaryMinFen)}–{fenToYuanText(v.salaryMaxFen)} 元/月 · 招{v.headcount}人
              </Text>
              {sent.includes(v.id) || mine.intended.includes(v.id) ? (
                <Text className="status-pill">已投简历</Text>
              ) : (
                <Button className="btn btn--secondary" disabled={busy} onClick={() => void intend(v.id, v.title, b.employerName)}>
                  我有意向
                </Button>
              )}
            </View>
          ))}
        </View>
      ))}
      {figures ? (
        <View className="card">
          <Text className="card__title">{figures.final ? '招聘会数据' : `招聘会数据（录用人数统计到 ${figures.hireWindowEnd}）`}</Text>
          {fairFigureRows(figures.figures)
            .slice(0, 6)
            .map((r) => (
              <DetailRow key={r.label} label={r.label} value={r.value} />
            ))}
        </View>
      ) : null}
    </Page>
  );
}
