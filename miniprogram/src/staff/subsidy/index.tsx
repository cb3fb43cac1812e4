// One subsidy application for its reviewer: who, which months, how much, the evidence photos, the
// site check (recorded here by the street where the rule asks: when, where, what was found, a photo)
// and the steps so far; approve, or refuse with a reason the applicant reads — confirmed first.
import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Button, Input, Text, Textarea, View } from '@tarojs/components';
import { fenToYuanText, getStaffSubsidyApplication, reviewSubsidyApplication } from '@doorstep/shared';
import { DetailRow } from '../../components/DetailRow';
import { FormField } from '../../components/FormField';
import { Notice } from '../../components/Notice';
import { Page } from '../../components/Page';
import { PhotoField } from '../../components/PhotoField';
import { Timeline } from '../../components/Timeline';
import { useFormSubmit } from '../../hooks/useFormSubmit';
import { usePageData } from '../../hooks/usePageData';
import { newIdempotencyKey, request } from '../../services/request';
import { ReviewPhoto } from '../components/ReviewPhoto';
import '../../styles/page.scss';
import '../review/index.scss';

/** Now in China, as the site check's time is written (2026-12-08T10:30). */
const chinaNow = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 16);

export default function SubsidyReviewPage() {
  const { id = '' } = useRouter().params;
  const { data, gate } = usePageData(async () => (await request(getStaffSubsidyApplication, { params: { id } })).application, [id]);
  const [check, setCheck] = useState({ checkedAt: chinaNow(), place: '', finding: '', photoKey: '' });
  const [reason, setReason] = useState('');
  const form = useFormSubmit();
  const [key] = useState(newIdempotencyKey);

  if (gate || !data) return gate;
  const a = data;

  async function decide(decision: 'approve' | 'refuse') {
    const found: Record<string, string> = {};
    if (decision === 'refuse' && reason.trim().length < 2) found.reason = '不通过须写明理由，申请人能看到';
    if (decision === 'approve' && a.siteCheckRequired) {
      if (check.place.trim().length < 2) found['siteCheck.place'] = '请填写核查地点';
      if (check.finding.trim().length < 2) found['siteCheck.finding'] = '请填写核查情况';
      if (!check.photoKey) found['siteCheck.photoKey'] = '请拍一张核查现场的照片';
    }
    if (Object.keys(found).length) return form.refuse(found);
    const { confirm } = await Taro.showModal({
      title: decision === 'approve' ? '审核通过？' : '不予通过？',
      content: decision === 'approve' ? `${a.personName}的${a.programmeName}，${fenToYuanText(a.amountFen)}元。` : `理由：${reason.trim()}。申请人会看到这个理由。`,
      confirmText: decision === 'approve' ? '通过' : '不通过',
      cancelText: '再看看',
    });
    if (!confirm) return;
    await form.send(async () => {
      const body =
        decision === 'refuse'
          ? { decision, reason: reason.trim() }
          : { decision, ...(a.siteCheckRequired ? { siteCheck: { checkedAt: check.checkedAt, place: check.place.trim(), finding: check.finding.trim(), photoKey: check.photoKey } } : {}) };
      await request(reviewSubsidyApplication, { params: { id: a.id }, body, idempotencyKey: key });
      void Taro.showToast({ title: decision === 'approve' ? '已通过' : '已退回', icon: 'none' });
      await Taro.navigateBack().catch(() => Taro.redirectTo({ url: '/staff/subsidies/index' }));
    });
  }

  return (
    <Page>
      <View className="card">
        <Text className="card__title">{a.programmeName}</Text>
        <Text className={`status-pill status-pill--${a.stage}`}>{a.stageName}</Text>
        <DetailRow label="申请人" value={`${a.personName}（${a.idNumberMasked}）`} />
        <DetailRow label="社区" value={a.communityName} />
        <DetailRow label="月份" value={a.monthsText || '一次性'} />
        <DetailRow label="金额" value={`${fenToYuanText(a.amountFen)}元`} />
        <DetailRow label="收款账户" value={`${a.bankName} ${a.accountMasked}`} />
        {a.districtDueOn ? <DetailRow label="复审期限" value={a.districtDueOn} /> : null}
      </View>
      {a.evidence.map((e) => (
        <ReviewPhoto key={e.code} url={e.url} label={e.label} />
      ))}
      {a.siteCheck ? (
        <View className="card">
          <Text className="card__title">入户核查记录</Text>
          <DetailRow label="时间" value={a.siteCheck.checkedAt.replace('T', ' ')} />
          <DetailRow label="地点" value={a.siteCheck.place} />
          <DetailRow label="情况" value={a.siteCheck.finding} />
          <ReviewPhoto url={a.siteCheck.photoUrl} label="核查照片" />
        </View>
      ) : null}

      {a.canReview ? (
        <View>
          {a.siteCheckRequired ? (
            <View>
              <Text className="page__title section-title">入户（实地）核查</Text>
              <FormField label="核查时间" required error={form.errors['siteCheck.checkedAt']}>
                <Input className="text-input" value={check.checkedAt.replace('T', ' ')} disabled />
              </FormField>
              <FormField label="核查地点" required error={form.errors['siteCheck.place']}>
                <Input className="text-input" value={check.place} maxlength={100} placeholder="例如：鼓东路 20 号" onInput={(e) => { setCheck({ ...check, place: e.detail.value }); form.clear(['siteCheck.place']); }} />
              </FormField>
              <FormField label="核查情况" required hint="是否仍在灵活就业、是否在经营、看到了什么" error={form.errors['siteCheck.finding']}>
                <Textarea className="text-input text-input--multiline" autoHeight value={check.finding} maxlength={300} placeholder="例如：本人在做网约配送，灵活就业属实" onInput={(e) => { setCheck({ ...check, finding: e.detail.value }); form.clear(['siteCheck.finding']); }} />
              </FormField>
              <FormField label="核查照片" required error={form.errors['siteCheck.photoKey']}>
                <PhotoField purpose="evidence" value={check.photoKey} buttonText="拍一张核查现场的照片" onChange={(k) => { setCheck({ ...check, photoKey: k }); form.clear(['siteCheck.photoKey']); }} />
              </FormField>
            </View>
          ) : null}
          <FormField label="不通过的理由" hint="只在不通过时填写，申请人能看到" error={form.errors.reason}>
            <Textarea className="text-input text-input--multiline" autoHeight value={reason} maxlength={200} placeholder="例如：核查时本人已在单位就业" onInput={(e) => { setReason(e.detail.value); form.clear(['reason']); }} />
          </FormField>
          {form.submitError ? <Notice message={form.submitError} /> : null}
          <View className="page__actions">
            <Button className="btn btn--primary" disabled={form.busy} onClick={() => void decide('approve')}>
              审核通过
            </Button>
            <Button className="btn btn--danger" disabled={form.busy} onClick={() => void decide('refuse')}>
              不予通过
            </Button>
          </View>
        </View>
      ) : null}

      <Text className="page__title section-title">办理经过</Text>
      <Timeline entries={a.steps.map((s) => ({ at: s.at, label: s.label, status: s.stage, ...(s.reason ? { reason: s.reason } : {}) }))} />
      <View className="page__actions">
        <Button className="btn btn--secondary" onClick={() => Taro.navigateBack().catch(() => Taro.redirectTo({ url: '/staff/subsidies/index' }))}>
          返回
        </Button>
      </View>
    </Page>
  );
}
