// 参加招聘会 (an approved unit's members): 本单位的展位 — each application's answer (booth number
// or the reason), and once the fair has begun the receipt (收到简历 / 达成意向 / 录用) with its
// last day, correctable later — then the fairs coming up where the unit is, each with 申请展位:
// choose which of the unit's published posts to bring, then apply (confirmed).
import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Input, Text, View } from '@tarojs/components';
import { applyForBooth, boothStatusLabels, employerFairBooths, employerVacancies, fairReceiptBodySchema, fileFairReceipt, listFairs, listMyEmployers, todayInChina, type Fair, type ResponseOf } from '@doorstep/shared';
import { FormField } from '../../components/FormField';
import { Notice } from '../../components/Notice';
import { Page } from '../../components/Page';
import { Toggles } from '../../components/Toggles';
import { check } from '../../hooks/fieldErrors';
import { useAction } from '../../hooks/useAction';
import { useFormSubmit } from '../../hooks/useFormSubmit';
import { usePageData } from '../../hooks/usePageData';
import { request } from '../../services/request';
import '../../styles/page.scss';

export default function EmployerFairsPage() {
  const { data, reload, gate } = usePageData(async () => {
    const unit = (await request(listMyEmployers)).items.find((m) => m.employer.status === 'approved')?.employer;
    if (!unit) return { unit: undefined, fairs: [], posts: [], booths: [] };
    const [fairs, posts, booths] = await Promise.all([
      request(listFairs, { query: { areaCode: unit.address.areaCode } }),
      request(employerVacancies, { params: { id: unit.id }, query: {} }),
      request(employerFairBooths, { params: { id: unit.id } }),
    ]);
    return { unit, fairs: fairs.items, posts: posts.items.filter((v) => v.status === 'published' && !v.expired), booths: booths.items };
  });
  const { busy, error, act } = useAction(reload);
  const [open, setOpen] = useState<string>();
  const [chosen, setChosen] = useState<string[]>([]);
  const [receiptFor, setReceiptFor] = useState<string>();
  if (gate || !data) return gate;
  if (!data.unit) return <Page><Notice kind="info" message="单位审核通过后，才能申请招聘会的展位。" /></Page>;
  const unit = data.unit;

  async function apply(fairId: string, title: string) {
    const { confirm } = await Taro.showModal({ title: '申请展位？', content: `以「${unit.name}」申请「${title}」的展位，带 ${chosen.length} 个岗位。`, confirmText: '申请', cancelText: '再看看' });
    if (!confirm) return;
    await act(async () => {
      await request(applyForBooth, { params: { id: fairId }, body: { employerId: unit.id, vacancyIds: chosen } });
      setOpen(undefined);
      setChosen([]);
    });
  }

  return (
    <Page>
      <Text className="page__title">参加招聘会</Text>
      {error ? <Notice message={error} /> : null}
      {data.booths.length > 0 ? <Text className="card__title section-title">本单位的展位</Text> : null}
      {data.booths.map(({ fair, booth }) => {
        const started = fair.startDate <= todayInChina();
        return (
          <View key={fair.id} className="card slot-card">
            <Text className="slot-card__time">{fair.title}</Text>
            <Text className="status-pill">{booth.status === 'accepted' ? `${booth.boothNo}号展位` : boothStatusLabels[booth.status]}</Text>
            <Text className="slot-card__meta">
              {fair.startDate === fair.endDate ? fair.startDate : `${fair.startDate} 至 ${fair.endDate}`} · 带 {booth.vacancies.length} 个岗位
            </Text>
            {booth.reason ? <Text className="slot-card__meta">未通过的原因：{booth.reason}</Text> : null}
            {booth.status === 'accepted' && booth.receiptDue ? (
              booth.receipt ? (
                <Text className="slot-card__meta">
                  回执已交：收到简历 {booth.receipt.resumes} 份，达成意向 {booth.receipt.intentions} 人，录用 {booth.receipt.hires} 人
                </Text>
              ) : (
                <Text className="slot-card__meta">招聘会结束后请在 {booth.receiptDue} 前交回执（收到简历、达成意向、录用人数）</Text>
              )
            ) : null}
            {booth.status === 'accepted' && started && receiptFor !== fair.id ? (
              <Button className="btn btn--secondary" onClick={() => setReceiptFor(fair.id)}>
                {booth.receipt ? '更新回执（录用人数变了）' : '填写回执'}
              </Button>
            ) : null}
            {receiptFor === fair.id ? (
              <ReceiptForm
                fair={fair}
                employerId={unit.id}
                current={booth.receipt}
                onDone={() => {
                  setReceiptFor(undefined);
                  reload();
                }}
              />
            ) : null}
          </View>
        );
      })}
      <Text className="card__title section-title">近期的招聘会</Text>
      <Text className="page__lead">{unit.name}附近近期的招聘会。申请时选好带哪些岗位，审核通过后会分配展位号。</Text>
      {data.fairs.length === 0 ? <Text className="page__lead">近期附近没有招聘会。</Text> : null}
      {data.fairs.map((f) => (
        <View key={f.id} className="card slot-card">
          <Text className="slot-card__time">{f.title}</Text>
          <Text className="slot-card__meta">
            {f.kindName} · {f.startDate} {f.hours.from}–{f.hours.to} · 展位 {f.accepted}/{f.booths}
          </Text>
          {data.booths.some((b) => b.fair.id === f.id) ? (
            <Text className="status-pill">已申请</Text>
          ) : open === f.id ? (
            <View>
              <Text className="card__subtitle">带哪些岗位</Text>
              {data.posts.length === 0 ? <Text className="page__lead">本单位还没有正在招聘的岗位，请先发布岗位。</Text> : null}
              <Toggles options={data.posts.map((v) => ({ value: v.id, label: v.title }))} chosen={chosen} onChange={setChosen} />
              <Button className="btn btn--primary" disabled={busy || chosen.length === 0} onClick={() => void apply(f.id, f.title)}>
                提交申请
              </Button>
            </View>
          ) : (
            <Button className="btn btn--secondary" onClick={() => { setOpen(f.id); setChosen([]); }}>
              申请展位
            </Button>
          )}
        </View>
      ))}
    </Page>
  );
}

type Receipt = NonNullable<ResponseOf<typeof fileFairReceipt>['booth']['receipt']>;

/** 招聘会回执: three counts (a funnel: hires ≤ intentions ≤ résumés) and an optional note. */
function ReceiptForm({ fair, employerId, current, onDone }: { fair: Fair; employerId: string; current?: Receipt; onDone: () => void }) {
  const [f, setF] = useState({ resumes: String(current?.resumes ?? ''), intentions: String(current?.intentions ?? ''), hires: String(current?.hires ?? ''), note: current?.note ?? '' });
  const submission = useFormSubmit();
  const { errors, busy, submitError } = submission;
  const set = (k: keyof typeof f) => (v: string) => {
    setF((old) => ({ ...old, [k]: v }));
    submission.clear([k]);
  };
  const num = (v: string) => (v.trim() === '' ? undefined : Number(v));

  async function save() {
    const checked = check(fairReceiptBodySchema, { resumes: num(f.resumes), intentions: num(f.intentions), hires: num(f.hires), ...(f.note.trim() ? { note: f.note.trim() } : {}) });
    if (!checked.body) return submission.refuse(checked.errors);
    await submission.send(async () => {
      await request(fileFairReceipt, { params: { id: fair.id, employerId }, body: checked.body! });
      void Taro.showToast({ title: '回执已交', icon: 'success' });
      onDone();
    });
  }

  return (
    <View className="stack">
      <FormField label="收到简历" required hint="份" error={errors.resumes}>
        <Input className="text-input" type="number" value={f.resumes} maxlength={6} onInput={(e) => set('resumes')(e.detail.value)} />
      </FormField>
      <FormField label="达成意向" required hint="人" error={errors.intentions}>
        <Input className="text-input" type="number" value={f.intentions} maxlength={6} onInput={(e) => set('intentions')(e.detail.value)} />
      </FormField>
      <FormField label="已录用" required hint="人；以后录用了更多人，可以再来更新" error={errors.hires}>
        <Input className="text-input" type="number" value={f.hires} maxlength={6} onInput={(e) => set('hires')(e.detail.value)} />
      </FormField>
      <FormField label="说明" hint="可不填，例如还在面试的人数" error={errors.note}>
        <Input className="text-input" value={f.note} maxlength={200} onInput={(e) => set('note')(e.detail.value)} />
      </FormField>
      {submitError ? <Notice message={submitError} /> : null}
      <Button className="btn btn--primary" disabled={busy} onClick={() => void save()}>
        交回执
      </Button>
    </View>
  );
}
