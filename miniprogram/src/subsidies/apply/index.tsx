// 申请补贴: one form — the months (the last twelve, those already claimed left out), what was paid
// each month where the subsidy is a share of it, one photo per piece of evidence the programme asks
// for, and the social-security-card account with its own consent. The amount is worked out as she
// types; a confirmation before sending; a retry is the same application (Idempotency-Key).
import { useRef, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Button, Input, Text, View } from '@tarojs/components';
import { subsidyAmountFen, yuanTextToFen } from '@doorstep/shared';
import { accountErrors, BankAccountFields, BankConsentToggle, trimmedAccount } from '../../components/BankAccountFields';
import { FormField } from '../../components/FormField';
import { Notice } from '../../components/Notice';
import { Page } from '../../components/Page';
import { useFormSubmit } from '../../hooks/useFormSubmit';
import { usePageData } from '../../hooks/usePageData';
import { agree } from '../../services/privacy';
import { newIdempotencyKey } from '../../services/request';
import { ClaimMonthsField, EvidenceFields } from '../components/ClaimFields';
import { pastMonths, subsidyApi, yuan } from '../components/subsidies';
import '../../styles/page.scss';
import '../components/subsidies.scss';

export default function ApplySubsidyPage() {
  const { id = '' } = useRouter().params;
  const { data: offer, gate } = usePageData(async () => (await subsidyApi.offers()).find((o) => o.programme.id === id) ?? null, [id]);
  const [months, setMonths] = useState<string[]>([]);
  const [contribution, setContribution] = useState('');
  const [evidence, setEvidence] = useState<Record<string, string>>({});
  const [account, setAccount] = useState({ accountNo: '', bankName: '' });
  const [bankConsent, setBankConsent] = useState(false);
  const form = useFormSubmit();
  const key = useRef(newIdempotencyKey());

  if (gate || offer === undefined) return gate;
  if (!offer || !offer.ok) {
    return (
      <Page>
        <Notice message={offer ? `暂不符合申请条件：${offer.missing.join('；')}` : '这项补贴现在不受理申请'} />
        <Button className="btn btn--secondary" onClick={() => void Taro.redirectTo({ url: '/subsidies/list/index' })}>
          回到补贴申请
        </Button>
      </Page>
    );
  }
  const p = offer.programme;
  const oneOff = p.amount.mode === 'fixed';
  const share = p.amount.mode === 'share';
  const open = pastMonths(12).filter((m) => !offer.monthsClaimed.includes(m));
  const contributionFen = yuanTextToFen(contribution);
  const amountFen = subsidyAmountFen(p.amount, oneOff ? 1 : months.length, contributionFen ?? 0);

  async function submit() {
    const found: Record<string, string> = {};
    if (!oneOff && !months.length) found.months = '请选择申请补贴的月份';
    if (!oneOff && months.length > offer!.monthsLeft) found.months = `您还能申请${offer!.monthsLeft}个月`;
    if (share && contributionFen === undefined) found.contributionFenPerMonth = '请填写每月实际缴纳的社会保险费，例如 812.37';
    for (const e of p.evidence) if (!evidence[e.code]) found[`evidence.${e.code}`] = `请上传${e.label}`;
    Object.assign(found, accountErrors(account, 'person'));
    if (!bankConsent) found['consents.bank_account'] = '请先勾选同意，才能在线申请补贴；不同意可到社区服务站办理';
    if (Object.keys(found).length) return form.refuse(found);
    const { confirm } = await Taro.showModal({
      title: '提交申请？',
      content: `${p.name}${oneOff ? '' : `，${months.length}个月`}，约${yuan(amountFen)}。提交后由街道初审、区里复审，通过后公示7天，再发到您的社保卡。`,
      confirmText: '提交',
      cancelText: '再看看',
    });
    if (!confirm) return;
    await form.send(async () => {
      await agree(['bank_account']);
      const { application } = await subsidyApi.apply(
        p.id,
        {
          months: oneOff ? [] : months,
          ...(share && contributionFen !== undefined ? { contributionFenPerMonth: contributionFen } : {}),
          evidence: p.evidence.map((e) => ({ code: e.code, key: evidence[e.code] })),
          account: trimmedAccount(account),
        },
        key.current,
      );
      void Taro.showToast({ title: '已提交', icon: 'success' });
      await Taro.redirectTo({ url: `/subsidies/mine/index?id=${application.id}` });
    });
  }

  return (
    <Page>
      <Text className="page__title">{p.name}</Text>
      <Text className="page__lead">{p.amountText}。符合条件：{offer.reasons.join('；')}。</Text>

      {!oneOff ? (
        <ClaimMonthsField
          open={open}
          chosen={months}
          hint={`选已经缴费的月份，一次最多12个月；还能申请${offer.monthsLeft}个月`}
          emptyText="最近12个月都已经申请过了。"
          error={form.errors.months}
          onChange={(next) => {
            setMonths(next);
            form.clear(['months']);
          }}
        />
      ) : null}

      {share ? (
        <FormField label="每月实际缴纳的社会保险费（元）" required hint="看社保缴费凭证上的金额" error={form.errors.contributionFenPerMonth}>
          <Input className="text-input" type="digit" value={contribution} maxlength={10} placeholder="例如 812.37" onInput={(e) => { setContribution(e.detail.value); form.clear(['contributionFenPerMonth']); }} />
        </FormField>
      ) : null}

      <EvidenceFields
        evidence={p.evidence}
        keys={evidence}
        errors={form.errors}
        onChange={(code, k) => {
          setEvidence({ ...evidence, [code]: k });
          form.clear([`evidence.${code}`, 'evidence']);
        }}
      />

      <BankConsentToggle
        agreed={bankConsent}
        error={form.errors['consents.bank_account']}
        onChange={(next) => {
          setBankConsent(next);
          form.clear(['consents.bank_account']);
        }}
      />
      <BankAccountFields
        value={account}
        errors={form.errors}
        onChange={(next, changed) => {
          setAccount(next);
          form.clear([changed]);
        }}
      />

      <View className="card">
        <Text className="card__subtitle">按您填的，约可领取</Text>
        <Text className="subsidy-card__amount">{yuan(amountFen)}</Text>
      </View>
      {form.submitError ? <Notice message={form.submitError} /> : null}
      <View className="page__actions">
        <Button className="btn btn--primary" disabled={form.busy} onClick={() => void submit()}>
          {form.busy ? '正在提交…' : '提交申请'}
        </Button>
        <Button className="btn btn--secondary" onClick={() => Taro.navigateBack().catch(() => Taro.redirectTo({ url: '/subsidies/list/index' }))}>
          返回
        </Button>
      </View>
    </Page>
  );
}
