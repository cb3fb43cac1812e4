// 展位和签到: a fair's booth applications, waiting ones first, each with the posts it brings —
// 通过 (the next booth number; a full fair says so) or 不通过 with a reason — and, on the day,
// the gate: scan a person's check-in code (weapp camera, or paste it in H5), or show the gate's
// own code of the day for people to scan. Before it: the venue screen — preview it and confirm it
// is ready (due the working day before). After it: each unit's receipt and the fair's figures.
import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Button, Input, Text, View } from '@tarojs/components';
import { decideBooth, fairFigureRows, fairGateCode, getFairFigures, listFairBooths, markFairScreenReady, scanFairCheckin, todayInChina } from '@doorstep/shared';
import { DetailRow } from '../../components/DetailRow';
import { FormField } from '../../components/FormField';
import { Notice } from '../../components/Notice';
import { Page } from '../../components/Page';
import { QrImage } from '../../components/QrImage';
import { useAction } from '../../hooks/useAction';
import { usePageData } from '../../hooks/usePageData';
import { request } from '../../services/request';
import '../../styles/page.scss';

export default function FairDeskPage() {
  const { params } = useRouter();
  const id = params.id ?? '';
  const { data, reload, gate } = usePageData(async () => {
    const desk = await request(listFairBooths, { params: { id } });
    const figures = desk.fair.status === 'published' ? await request(getFairFigures, { params: { id } }) : undefined;
    return { ...desk, figures };
  }, [id]);
  const { busy, error, act } = useAction(reload);
  const [code, setCode] = useState('');
  const [checked, setChecked] = useState<string>();
  const [gateQr, setGateQr] = useState<string>();
  const [refusing, setRefusing] = useState<string>();
  const [reason, setReason] = useState('');
  if (gate || !data) return gate;

  async function accept(employerId: string, name: string) {
    const { confirm } = await Taro.showModal({ title: '通过展位申请？', content: `「${name}」将得到下一个展位号。`, confirmText: '通过', cancelText: '再看看' });
    if (confirm) await act(() => request(decideBooth, { params: { id, employerId }, body: { decision: 'accept' } }));
  }

  // Refusing asks for the reason on the card itself (it is shown to the employer).
  async function refuse(employerId: string) {
    await act(async () => {
      await request(decideBooth, { params: { id, employerId }, body: { decision: 'refuse', reason: reason.trim() } });
      setRefusing(undefined);
      setReason('');
    });
  }

  async function screenReady() {
    const { confirm } = await Taro.showModal({ title: '大屏内容已备好？', content: '请先打开大屏预览，核对参会单位、展位号和岗位。确认后办结大屏待办。', confirmText: '已核对', cancelText: '再看看' });
    if (confirm) await act(() => request(markFairScreenReady, { params: { id } }));
  }

  async function scan(text = code) {
    setChecked(undefined);
    await act(async () => {
      const { checkedIn } = await request(scanFairCheckin, { params: { id }, body: { code: text.trim() } });
      setChecked(`${checkedIn.name || '求职者'} 签到成功`);
      setCode('');
    });
  }

  async function camera() {
    try {
      const { result } = await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] });
      await scan(result);
    } catch {
      // Cancelled: nothing to do.
    }
  }

  const today = todayInChina();
  // On the fair's days the gate comes first; before them, the screen.
  const onToday = data.fair.startDate <= today && today <= data.fair.endDate;
  const screenCard = data.fair.mode === 'onsite' && data.fair.status === 'published' && data.fair.endDate >= today ? (
    <View className="card">
      <Text className="card__title">现场大屏</Text>
      <Text className="page__lead">
        {data.fair.screenReadyAt ? '大屏内容已核对。' : `请在 ${data.fair.screenDue} 前核对大屏内容。`}大屏电脑用浏览器打开下面的地址，全屏显示。
      </Text>
      <Text className="slot-card__meta" selectable>
        {`/#/screen/fair/index?id=${id}`}
      </Text>
      {process.env.TARO_ENV === 'h5' ? (
        <Button className="btn btn--secondary" onClick={() => Taro.navigateTo({ url: `/screen/fair/index?id=${id}` })}>
          预览大屏
        </Button>
      ) : null}
      {!data.fair.screenReadyAt ? (
        <Button className="btn btn--primary" disabled={busy} onClick={() => void screenReady()}>
          确认大屏内容已备好
        </Button>
      ) : null}
    </View>
  ) : null;
  const figuresCard = data.figures ? (
    <View className="card">
      <Text className="card__title">{data.figures.final ? '招聘会数据' : `招聘会数据（录用统计到 ${data.figures.hireWindowEnd}）`}</Text>
      {fairFigureRows(data.figures.figures).map((r) => (
        <DetailRow key={r.label} label={r.label} value={r.value} />
      ))}
    </View>
  ) : null;
  const gateCard = (
    <View className="card">
    <Text className="card__title">入口签到</Text>
    {process.env.TARO_ENV === 'weapp' ? (
      <Button className="btn btn--primary" disabled={busy} onClick={() => void camera()}>
        扫求职者的签到码
      </Button>
    ) : (
      <View>
        <FormField label="签到码" hint="扫码枪扫入，或粘贴求职者手机上的签到码">
          <Input className="text-input" value={code} maxlength={1000} placeholder="签到码" onInput={(e) => setCode(e.detail.value)} />
        </FormField>
        <Button className="btn btn--primary" disabled={busy || !code.trim()} onClick={() => void scan()}>
          签到
        </Button>
      </View>
    )}
    {checked ? <Notice kind="info" message={checked} /> : null}
    <Button className="btn btn--secondary section-title" disabled={busy} onClick={() => void act(async () => setGateQr((await request(fairGateCode, { params: { id } })).code))}>
      显示今天的入口签到码
    </Button>
    {gateQr ? <QrImage text={gateQr} label="入口签到码" /> : null}
    </View>
  );

  return (
    <Page>
      <Text className="page__title">{data.fair.title}</Text>
      <Text className="page__lead">
        展位 {data.fair.accepted}/{data.fair.booths} · {data.fair.startDate}
      </Text>
      {error ? <Notice message={error} /> : null}
      {onToday ? gateCard : screenCard}
      {onToday ? screenCard : gateCard}
      {figuresCard}
      <Text className="card__title section-title">展位申请</Text>
      {data.booths.length === 0 ? <Text className="page__lead">还没有单位申请展位。</Text> : null}
      {data.booths.map((b) => (
        <View key={b.employerId} className="card slot-card">
          <Text className="slot-card__time">{b.employerName}</Text>
          <Text className="status-pill">{b.status === 'applied' ? '待审核' : b.status === 'accepted' ? `已通过 · ${b.boothNo}号展位` : `未通过：${b.reason ?? ''}`}</Text>
          <Text className="slot-card__meta">带来的岗位：{b.vacancies.map((v) => v.title).join('、') || '（岗位已下线）'}</Text>
          {b.status === 'accepted' && b.receiptDue ? (
            <Text className="slot-card__meta">
              {b.receipt
                ? `回执：收到简历 ${b.receipt.resumes} 份，达成意向 ${b.receipt.intentions} 人，录用 ${b.receipt.hires} 人${b.receipt.note ? `（${b.receipt.note}）` : ''}`
                : `回执未交（${b.receiptDue} 前）`}
            </Text>
          ) : null}
          {b.status === 'applied' ? (
            <View className="page__actions">
              <Button className="btn btn--primary" disabled={busy} onClick={() => void accept(b.employerId, b.employerName)}>
                通过
              </Button>
              <Button className="btn btn--secondary" disabled={busy} onClick={() => setRefusing(b.employerId)}>
                不通过
              </Button>
            </View>
          ) : null}
          {refusing === b.employerId ? (
            <View>
              <FormField label="不通过的原因" required hint="单位能看到">
                <Input className="text-input" value={reason} maxlength={200} placeholder="例如：展位已满，请报名下一场" onInput={(e) => setReason(e.detail.value)} />
              </FormField>
              <Button className="btn btn--primary" disabled={busy || reason.trim().length < 2} onClick={() => void refuse(b.employerId)}>
                确认不通过
              </Button>
            </View>
          ) : null}
        </View>
      ))}
    </Page>
  );
}
