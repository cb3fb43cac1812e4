// One odd job. Anyone signed in sees what, where, when and the pay — no name or phone before a
// match. 我来做 takes a place (confirmed; the same tap retried is one take). After the match each
// side sees the other's name and phone (打电话), and: the worker reports 我干完了, records what they
// were paid and rates the poster; the poster confirms the work (or objects within 24 hours — the
// station mediates), rates the worker, or stops taking people. Either side may report the other,
// or call it off before it starts. Every step that cannot be undone asks first.
import { useRef, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Button, Input, Text, View } from '@tarojs/components';
import {
  cancelGigTake,
  chinaTimeText,
  closeGig,
  fenToYuanText,
  GIG_PAY_METHODS,
  getGig,
  gigDone,
  gigPayMethodLabels,
  gigTakeStatusLabels,
  objectGigDone,
  rateGig,
  recordGigPay,
  reportGig,
  takeGig,
  yuanTextToFen,
  type GigPayMethod,
  type GigTake,
} from '@doorstep/shared';
import { DetailRow } from '../../components/DetailRow';
import { FormField } from '../../components/FormField';
import { Notice } from '../../components/Notice';
import { Page } from '../../components/Page';
import { ChoiceToggles } from '../../components/Toggles';
import { useAction } from '../../hooks/useAction';
import { usePageData } from '../../hooks/usePageData';
import { newIdempotencyKey, request } from '../../services/request';
import '../../styles/page.scss';
import '../components/gigs.scss';

const STARS = [1, 2, 3, 4, 5].map((n) => ({ value: String(n), label: '★'.repeat(n) }));
const confirm = async (title: string, content: string, confirmText: string) => (await Taro.showModal({ title, content, confirmText, cancelText: '再想想' })).confirm;

export default function GigPage() {
  const { params } = useRouter();
  const id = params.id ?? '';
  const { data, reload, gate } = usePageData(() => request(getGig, { params: { id } }), [id]);
  const { busy, error, act } = useAction(reload);
  const takeKey = useRef<string>();
  // The one form open at a time: pay, a rating, an objection or a report, for one take.
  const [form, setForm] = useState<{ kind: 'pay' | 'rate' | 'object' | 'report'; workerId: string }>();
  const [text, setText] = useState('');
  const [amount, setAmount] = useState('');
  const [method, setMethod] = useState<GigPayMethod>('wechat');
  const [stars, setStars] = useState('5');
  if (gate || !data) return gate;
  const { gig, role, takes, contact } = data;
  const mine = takes.find((t) => t.status !== 'cancelled');

  const openForm = (kind: 'pay' | 'rate' | 'object' | 'report', workerId: string) => {
    setForm({ kind, workerId });
    setText('');
    setAmount(kind === 'pay' && gig.payUnit === 'job' ? fenToYuanText(gig.payFen) : '');
  };

  async function take() {
    if (!(await confirm('接下这个活？', `${gig.whenText}，${gig.payText}。接下后对方能看到您的姓名和电话，您也能看到对方的。`, '我来做'))) return;
    takeKey.current ??= newIdempotencyKey();
    await act(() => request(takeGig, { params: { id }, idempotencyKey: takeKey.current }));
  }

  async function submitForm() {
    if (!form) return;
    const p = { id, workerId: form.workerId };
    await act(async () => {
      if (form.kind === 'pay') {
        const amountFen = yuanTextToFen(amount);
        if (amountFen === undefined) throw new Error('请填写拿到多少钱，如 100 或 100.5');
        await request(recordGigPay, { params: p, body: { amountFen, method } });
      }
      if (form.kind === 'rate') await request(rateGig, { params: p, body: { score: Number(stars), ...(text.trim() ? { comment: text.trim() } : {}) } });
      if (form.kind === 'object') await request(objectGigDone, { params: p, body: { reason: text.trim() } });
      if (form.kind === 'report') {
        await request(reportGig, { params: { id }, body: { ...(role === 'poster' ? { workerId: form.workerId } : {}), reason: text.trim() } });
        void Taro.showToast({ title: '已交给零工驿站', icon: 'success' });
      }
      setForm(undefined);
    });
  }

  const formFor = (workerId: string) =>
    form && form.workerId === workerId ? (
      <View className="stack">
        {form.kind === 'pay' ? (
          <>
            <FormField label="拿到多少钱" required hint="元">
              <Input className="text-input" type="digit" value={amount} maxlength={9} onInput={(e) => setAmount(e.detail.value)} />
            </FormField>
            <FormField label="怎么付的" required>
              <ChoiceToggles options={GIG_PAY_METHODS.map((m) => ({ value: m, label: gigPayMethodLabels[m] }))} chosen={method} onChange={setMethod} />
            </FormField>
          </>
        ) : null}
        {form.kind === 'rate' ? (
          <FormField label="打几颗星" required>
            <ChoiceToggles options={STARS} chosen={stars} onChange={setStars} />
          </FormField>
        ) : null}
        {form.kind !== 'pay' ? (
          <FormField
            label={{ rate: '说两句', object: '哪里没做好', report: '发生了什么' }[form.kind]}
            required={form.kind !== 'rate'}
            hint={{ rate: '可不填', object: '交零工驿站在5个工作日内调解', report: '零工驿站会在5个工作日内核实处理' }[form.kind]}
          >
            <Input className="text-input" value={text} maxlength={200} onInput={(e) => setText(e.detail.value)} />
          </FormField>
        ) : null}
        <View className="page__actions">
          <Button className="btn btn--primary" disabled={busy} onClick={() => void submitForm()}>
            {{ pay: '记下收入', rate: '提交评价', object: '提出异议', report: '提交举报' }[form.kind]}
          </Button>
          <Button className="btn btn--secondary" onClick={() => setForm(undefined)}>
            不填了
          </Button>
        </View>
      </View>
    ) : null;

  const takeActions = (t: GigTake) => {
    const started = t.startsAt <= new Date().toISOString();
    const p = { id, workerId: t.workerId };
    const asPoster = role === 'poster';
    return (
      <View className="page__actions">
        {asPoster && (t.status === 'taken' || t.status === 'reported_done') && started ? (
          <Button className="btn btn--primary" disabled={busy} onClick={async () => (await confirm('确认完工？', '确认后对方就能记下收入，双方可以互相评价。', '确认完工')) && act(() => request(gigDone, { params: p }))}>
            确认完工
          </Button>
        ) : null}
        {!asPoster && t.status === 'taken' && started ? (
          <Button className="btn btn--primary" disabled={busy} onClick={async () => (await confirm('活干完了？', '发布人24小时内没有异议就算完工。', '我干完了')) && act(() => request(gigDone, { params: p }))}>
            我干完了
          </Button>
        ) : null}
        {asPoster && t.status === 'reported_done' ? (
          <Button className="btn btn--secondary" onClick={() => openForm('object', t.workerId)}>
            有异议
          </Button>
        ) : null}
        {!asPoster && t.status === 'done' && !t.pay ? (
          <Button className="btn btn--primary" onClick={() => openForm('pay', t.workerId)}>
            记下拿到的报酬
          </Button>
        ) : null}
        {t.status === 'done' && !(asPoster ? t.ratingOfWorker : t.ratingOfPoster) ? (
          <Button className="btn btn--secondary" onClick={() => openForm('rate', t.workerId)}>
            {asPoster ? '评价干活的人' : '评价发布人'}
          </Button>
        ) : null}
        {t.status === 'taken' && !started ? (
          <Button
            className="btn btn--secondary"
            disabled={busy}
            onClick={async () => (await confirm(asPoster ? '不用对方来了？' : '不做了？', '名额会空出来给别人。', '确定')) && act(() => request(cancelGigTake, { params: p }))}
          >
            {asPoster ? '不用来了' : '不做了'}
          </Button>
        ) : null}
        <Button className="btn btn--secondary" onClick={() => openForm('report', t.workerId)}>
          举报
        </Button>
      </View>
    );
  };

  const takeState = (t: GigTake) => (
    <View className="stack">
      <Text className="status-pill">{gigTakeStatusLabels[t.status]}</Text>
      {t.objectionUntil ? <Text className="slot-card__meta">发布人可在 {chinaTimeText(t.objectionUntil)} 前提出异议</Text> : null}
      {t.objection ? <Text className="slot-card__meta">异议：{t.objection}</Text> : null}
      {t.pay ? <Text className="slot-card__meta">收入：{fenToYuanText(t.pay.amountFen)} 元（{gigPayMethodLabels[t.pay.method]}）</Text> : null}
      {t.ratingOfWorker ? <Text className="slot-card__meta">发布人的评价：{'★'.repeat(t.ratingOfWorker.score)} {t.ratingOfWorker.comment ?? ''}</Text> : null}
      {t.ratingOfPoster ? <Text className="slot-card__meta">对发布人的评价：{'★'.repeat(t.ratingOfPoster.score)} {t.ratingOfPoster.comment ?? ''}</Text> : null}
    </View>
  );

  return (
    <Page>
      <Text className="page__title">{gig.title}</Text>
      <View className="card">
        <Text className="gig-card__pay">{gig.payText}</Text>
        <DetailRow label="种类" value={gig.kindName} />
        <DetailRow label="时间" value={gig.whenText} />
        <DetailRow label="地点" value={`${gig.place.address}（${gig.place.areaName.split(' ').slice(-2).join(' ')}）`} />
        <DetailRow label="人数" value={`要 ${gig.places} 人，已有 ${gig.taken} 人`} />
        {gig.employerName ? <DetailRow label="发布单位" value={gig.employerName} /> : null}
        {gig.detail ? <Text className="page__lead">{gig.detail}</Text> : null}
        {gig.status !== 'open' ? <Notice kind="info" message={gig.status === 'pending' ? '单位发布的零工，零工驿站核查后上线。' : gig.status === 'closed' ? '发布人已不再招人。' : '这条零工已被零工驿站下架。'} /> : null}
      </View>
      {error ? <Notice message={error} /> : null}

      {role === 'other' ? (
        gig.taken < gig.places ? (
          <Button className="btn btn--primary" disabled={busy} onClick={() => void take()}>
            我来做
          </Button>
        ) : (
          <Notice kind="info" message="名额已经满了，看看附近别的活吧。" />
        )
      ) : null}

      {role === 'worker' && mine && contact ? (
        <View className="card">
          <Text className="card__title">发布人</Text>
          <Text className="gig-contact">
            {contact.name} {contact.phone}
          </Text>
          <Button className="btn btn--secondary" onClick={() => void Taro.makePhoneCall({ phoneNumber: contact.phone })}>
            打电话
          </Button>
          {takeState(mine)}
          {takeActions(mine)}
          {formFor(mine.workerId)}
        </View>
      ) : null}

      {role === 'poster' ? (
        <View>
          <Text className="card__title section-title">接活的人</Text>
          {takes.filter((t) => t.status !== 'cancelled').length === 0 ? <Text className="page__lead">还没有人接。附近的人能在“零工”里看到这条活。</Text> : null}
          {takes
            .filter((t) => t.status !== 'cancelled')
            .map((t) => (
              <View key={t.workerId} className="card">
                <Text className="gig-contact">
                  {t.worker?.name} {t.worker?.phone}
                </Text>
                {t.worker ? (
                  <Button className="btn btn--secondary" onClick={() => void Taro.makePhoneCall({ phoneNumber: t.worker!.phone })}>
                    打电话
                  </Button>
                ) : null}
                {takeState(t)}
                {takeActions(t)}
                {formFor(t.workerId)}
              </View>
            ))}
          {gig.status === 'open' || gig.status === 'pending' ? (
            <Button className="btn btn--secondary section-title" disabled={busy} onClick={async () => (await confirm('不再招人？', '已经接活的人照常。', '不再招人')) && act(() => request(closeGig, { params: { id } }))}>
              不再招人
            </Button>
          ) : null}
        </View>
      ) : null}
    </Page>
  );
}
