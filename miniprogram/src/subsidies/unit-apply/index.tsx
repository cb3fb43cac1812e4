// A unit applies for one placed person's post subsidy (R21): the months (of the last twelve, within
// the placement, those already claimed left out), one photo per piece of evidence, the unit's own
// account. The amount as it is chosen; a confirmation before sending; a retry is the same application.
import { useRef, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { subsidyAmountFen } from '@doorstep/shared';
import { accountErrors, BankAccountFields, trimmedAccount } from '../../components/BankAccountFields';
import { Notice } from '../../components/Notice';
import { Page } from '../../components/Page';
import { useFormSubmit } from '../../hooks/useFormSubmit';
import { usePageData } from '../../hooks/usePageData';
import { newIdempotencyKey } from '../../services/request';
import { ClaimMonthsField, EvidenceFields } from '../components/ClaimFields';
import { pastMonths, subsidyApi, yuan } from '../components/subsidies';
import '../../styles/page.scss';
import '../components/subsidies.scss';

export default function UnitApplyPage() {
  const { employerId = '', programmeId = '', postId = '', caseId = '' } = useRouter().params;
  const { data: offer, gate } = usePageData(async () => {
    const o = (await subsidyApi.unit.offers(employerId)).find((x) => x.programme.id === programmeId);
    const placement = o?.placements.find((p) => p.postId === postId && p.caseId === caseId);
    return o && placement ? { programme: o.programme, placement } : null;
  }, [employerId, programmeId, postId, caseId]);
  const [months, setMonths] = useState<string[]>([]);
  const [evidence, setEvidence] = useState<Record<string, string>>({});
  const [account, setAccount] = useState({ accountNo: '', bankName: '' });
  const form = useFormSubmit();
  const key = useRef(newIdempotencyKey());
  const back = `/subsidies/unit/index?employerId=${employerId}`;

  if (gate || offer === undefined) return gate;
  if (!offer || !offer.placement.ok) {
    return (
      <Page>
        <Notice message={offer ? `暂不符合申请条件：${offer.placement.missing.join('；')}` : '找不到这个岗位上的这位人员'} />
        <Button className="btn btn--secondary" onClick={() => void Taro.redirectTo({ url: back })}>
          回到公益性岗位补贴
        </Button>
      </Page>
    );
  }
  const { programme: p, placement } = offer;
  const open = pastMonths(12).filter((m) => !placement.monthsClaimed.includes(m) && m >= placement.from.slice(0, 7) && m <= placement.until.slice(0, 7));
  const amountFen = subsidyAmountFen(p.amount, months.length);

  async function submit() {
    const found: Record<string, string> = {};
    if (!months.length) found.months = '请选择申请补贴的月份';
    if (months.length > placement.monthsLeft) found.months = `这位人员还能申请${placement.monthsLeft}个月`;
    for (const e of p.evidence) if (!evidence[e.code]) found[`evidence.${e.code}`] = `请上传${e.label}`;
    Object.assign(found, accountErrors(account, 'unit'));
    if (Object.keys(found).length) return form.refuse(found);
    const { confirm } = await Taro.showModal({
      title: '提交申请？',
      content: `为${placement.personMasked}申请${p.name}，${months.length}个月，共${yuan(amountFen)}。提交后由岗位所在街道实地核查、区里复审，通过后公示7天，再发到单位账户。`,
      confirmText: '提交',
      cancelText: '再看看',
    });
    if (!confirm) return;
    await form.send(async () => {
      const { application } = await subsidyApi.unit.apply(
        employerId,
        { programmeId: p.id, postId, caseId, months, evidence: p.evidence.map((e) => ({ code: e.code, key: evidence[e.code] })), account: trimmedAccount(account) },
        key.current,
      );
      void Taro.showToast({ title: '已提交', icon: 'success' });
      await Taro.redirectTo({ url: `/subsidies/mine/index?employerId=${employerId}&id=${application.id}` });
    });
  }

  return (
    <Page>
      <Text className="page__title">{p.name}</Text>
      <Text className="page__lead">
        {placement.personMasked} · {placement.postTitle}（上岗 {placement.from} 至 {placement.until}）。{p.amountText}。
      </Text>
      <ClaimMonthsField
        open={open}
        chosen={months}
        hint={`选上岗期间已发工资、已缴社保的月份；还能申请${placement.monthsLeft}个月`}
        emptyText="最近12个月里没有可以申请的月份。"
        error={form.errors.months}
        onChange={(next) => {
          setMonths(next);
          form.clear(['months']);
        }}
      />
      <EvidenceFields
        evidence={p.evidence}
        keys={evidence}
        errors={form.errors}
        onChange={(code, k) => {
          setEvidence({ ...evidence, [code]: k });
          form.clear([`evidence.${code}`, 'evidence']);
        }}
      />
      <BankAccountFields
        kind="unit"
        value={account}
        errors={form.errors}
        onChange={(next, changed) => {
          setAccount(next);
          form.clear([changed]);
        }}
      />
      <View className="card">
        <Text className="card__subtitle">按选的月份，共可领取</Text>
        <Text className="subsidy-card__amount">{yuan(amountFen)}</Text>
      </View>
      {form.submitError ? <Notice message={form.submitError} /> : null}
      <View className="page__actions">
        <Button className="btn btn--primary" disabled={form.busy} onClick={() => void submit()}>
          {form.busy ? '正在提交…' : '提交申请'}
        </Button>
        <Button className="btn btn--secondary" onClick={() => Taro.navigateBack().catch(() => Taro.redirectTo({ url: back }))}>
          返回
        </Button>
      </View>
    </Page>
  );
}
