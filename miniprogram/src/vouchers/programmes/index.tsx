// 就业券券种: district staff set up a programme for people or for employers and issue it to the
// eligible ones of their area; finance approves its budget. Each step asks before it acts.
import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Input, Text, View } from '@tarojs/components';
import {
  EMPLOYER_TARGET_GROUPS,
  PROVIDER_TYPES,
  VOUCHER_TARGET_GROUPS,
  employerTargetGroupLabels,
  voucherHolderTypeLabels,
  voucherKindLabel,
  approveProgramme,
  createProgramme,
  issueVouchers,
  listProgrammes,
  programmeBodySchema,
  providerTypeLabels,
  recognisedCategoryLabels,
  todayInChina,
  addCalendarDays,
  type Programme,
} from '@doorstep/shared';
import { ChoicePicker } from '../../components/ChoicePicker';
import { DateField } from '../../components/DateField';
import { FormField } from '../../components/FormField';
import { Toggles } from '../../components/Toggles';
import { Notice } from '../../components/Notice';
import { check, numberOrText, yuanToFenOrText } from '../../hooks/fieldErrors';
import { useFormSubmit } from '../../hooks/useFormSubmit';
import { usePageData } from '../../hooks/usePageData';
import { request } from '../../services/request';
import { yuan } from '../components/labels';
import { Page } from '../../components/Page';
import '../../styles/page.scss';
import '../components/vouchers.scss';

const blank = { name: '', holderType: 'person' as 'person' | 'employer', kind: 'service' as const, serviceName: '', faceValue: '', targetGroups: [] as string[], providerTypes: [] as string[], budget: '', quota: '', claimFrom: todayInChina(), claimUntil: '', validityDays: '90', perPersonLimit: '1' };

export default function ProgrammesPage() {
  const { session, data: items, reload, gate } = usePageData(async () => (await request(listProgrammes)).items);
  const [error, setError] = useState<string>();
  const [creating, setCreating] = useState(false);
  const [draft, setDraft] = useState(blank);
  const [progress, setProgress] = useState<string>();
  const form = useFormSubmit();
  const roles = session?.user.roles ?? [];
  const canCreate = roles.includes('staff') && (session?.user.level === 'district' || session?.user.level === 'city');

  const set = (patch: Partial<typeof blank>, fields: string[]) => {
    setDraft({ ...draft, ...patch });
    form.clear(fields);
  };

  async function submit() {
    const { body, errors } = check(programmeBodySchema, {
      name: draft.name,
      holderType: draft.holderType,
      kind: draft.kind,
      serviceName: draft.serviceName,
      faceValueFen: yuanToFenOrText(draft.faceValue),
      targetGroups: draft.targetGroups,
      providerTypes: draft.providerTypes,
      areaCode: session?.user.areaCode ?? '',
      budgetFen: yuanToFenOrText(draft.budget),
      quota: numberOrText(draft.quota),
      claimFrom: draft.claimFrom,
      claimUntil: draft.claimUntil,
      validityDays: numberOrText(draft.validityDays),
      perPersonLimit: numberOrText(draft.perPersonLimit),
    });
    if (!body) return form.refuse(errors);
    await form.send(async () => {
      await request(createProgramme, { body });
      setCreating(false);
      setDraft(blank);
      await reload();
      void Taro.showToast({ title: '已提交财务审批', icon: 'none' });
    });
  }

  async function approve(p: Programme) {
    const { confirm } = await Taro.showModal({ title: '批准预算？', content: `「${p.name}」预算 ${yuan(p.budgetFen)}，名额 ${p.quota} 个。批准后即可发放。`, confirmText: '批准', cancelText: '取消' });
    if (!confirm) return;
    try {
      await request(approveProgramme, { params: { id: p.id } });
      setError(undefined);
      await reload();
    } catch (err) {
      setError((err as Error).message);
    }
  }

  async function issue(p: Programme) {
    const who = p.holderType === 'employer' ? '单位' : '人员';
    const { confirm } = await Taro.showModal({ title: '发放就业券？', content: `向辖区内符合条件的${who}发放「${p.name}」。已经有券的不会重复发。`, confirmText: '发放', cancelText: '取消' });
    if (!confirm) return;
    const unit = p.holderType === 'employer' ? '家' : '人';
    let issued = 0;
    let cursor: string | undefined;
    try {
      do {
        const page = await request(issueVouchers, { params: { id: p.id }, body: cursor ? { cursor } : {} });
        issued += page.issued;
        cursor = page.nextCursor;
        setProgress(`正在发放…已发 ${issued} ${unit}`);
      } while (cursor);
      setProgress(`发放完成：新发 ${issued} ${unit}`);
    } catch (err) {
      setProgress(`发放中断：${(err as Error).message}。已发 ${issued} ${unit}，再点一次会接着发，不会重复。`);
    }
  }

  if (gate || !items) return gate;

  if (creating) {
    return (
      <Page>
        <Text className="page__title">新建券种</Text>
        <FormField label="名称" required error={form.errors.name}>
          <Input className="input" value={draft.name} maxlength={40} placeholder="例如：鼓楼区职业指导服务券" onInput={(e) => set({ name: e.detail.value }, ['name'])} />
        </FormField>
        <FormField label="发给谁" required hint="个人券发给求职者，单位券发给用人单位" error={form.errors.holderType}>
          <ChoicePicker
            options={(['person', 'employer'] as const).map((t) => ({ value: t, label: voucherHolderTypeLabels[t] }))}
            value={draft.holderType}
            placeholder="选择发给个人还是单位"
            onChange={(v) => set({ holderType: v as 'person' | 'employer', targetGroups: [] }, ['holderType', 'targetGroups'])}
          />
        </FormField>
        <FormField label="类型" required error={form.errors.kind}>
          <ChoicePicker options={(['service', 'benefit'] as const).map((k) => ({ value: k, label: voucherKindLabel(k, draft.holderType) }))} value={draft.kind} placeholder="选择类型" onChange={(v) => set({ kind: v as 'service' }, ['kind'])} />
        </FormField>
        <FormField label="用途" required hint="持券人和机构看到的服务名称" error={form.errors.serviceName}>
          <Input className="input" value={draft.serviceName} maxlength={40} placeholder="例如：职业指导" onInput={(e) => set({ serviceName: e.detail.value }, ['serviceName'])} />
        </FormField>
        <FormField label="面值（元）" required error={form.errors.faceValueFen}>
          <Input className="input" type="digit" value={draft.faceValue} placeholder="例如：200" onInput={(e) => set({ faceValue: e.detail.value }, ['faceValueFen'])} />
        </FormField>
        <FormField label="发放对象" required error={form.errors.targetGroups}>
          <Toggles
            options={
              draft.holderType === 'employer'
                ? EMPLOYER_TARGET_GROUPS.map((g) => ({ value: g, label: employerTargetGroupLabels[g] }))
                : VOUCHER_TARGET_GROUPS.map((g) => ({ value: g, label: recognisedCategoryLabels[g] }))
            }
            chosen={draft.targetGroups}
            onChange={(v) => set({ targetGroups: v }, ['targetGroups'])}
          />
        </FormField>
        <FormField label="可用机构" required error={form.errors.providerTypes}>
          <Toggles options={PROVIDER_TYPES.map((t) => ({ value: t, label: providerTypeLabels[t] }))} chosen={draft.providerTypes} onChange={(v) => set({ providerTypes: v }, ['providerTypes'])} />
        </FormField>
        <FormField label="预算（元）" required error={form.errors.budgetFen}>
          <Input className="input" type="digit" value={draft.budget} placeholder="例如：20000" onInput={(e) => set({ budget: e.detail.value }, ['budgetFen'])} />
        </FormField>
        <FormField label="名额（张）" required error={form.errors.quota}>
          <Input className="input" type="number" value={draft.quota} placeholder="例如：100" onInput={(e) => set({ quota: e.detail.value }, ['quota'])} />
        </FormField>
        <FormField label="领取开始日" required error={form.errors.claimFrom}>
          <DateField value={draft.claimFrom} placeholder="选择日期" start={todayInChina()} end="2099-12-31" onChange={(d) => set({ claimFrom: d }, ['claimFrom'])} />
        </FormField>
        <FormField label="领取截止日" required error={form.errors.claimUntil}>
          <DateField value={draft.claimUntil} placeholder="选择日期" start={todayInChina()} end="2099-12-31" initial={addCalendarDays(todayInChina(), 90)} onChange={(d) => set({ claimUntil: d }, ['claimUntil'])} />
        </FormField>
        <FormField label="领取后有效天数" required error={form.errors.validityDays}>
          <Input className="input" type="number" value={draft.validityDays} onInput={(e) => set({ validityDays: e.detail.value }, ['validityDays'])} />
        </FormField>
        <FormField label="每人最多几张" required error={form.errors.perPersonLimit}>
          <Input className="input" type="number" value={draft.perPersonLimit} onInput={(e) => set({ perPersonLimit: e.detail.value }, ['perPersonLimit'])} />
        </FormField>
        {form.submitError ? <Notice message={form.submitError} /> : null}
        <View className="page__actions">
          <Button className="btn btn--secondary" onClick={() => setCreating(false)}>取消</Button>
          <Button className="btn btn--primary" disabled={form.busy} onClick={() => void submit()}>{form.busy ? '正在提交…' : '提交财务审批'}</Button>
        </View>
      </Page>
    );
  }

  return (
    <Page>
      <Text className="page__title">就业券券种</Text>
      {progress ? <Notice kind="info" message={progress} /> : null}
      {error ? <Notice message={error} /> : null}
      {canCreate ? <View className="stack"><Button className="btn btn--primary" onClick={() => setCreating(true)}>新建券种</Button></View> : null}
      {items.length === 0 ? <Notice kind="info" message="辖区内还没有就业券券种。" /> : null}
      {items.map((p) => (
        <View key={p.id} className="card voucher-card">
          <Text className="voucher-card__name">{p.name}</Text>
          <Text className="voucher-card__meta">{p.serviceName} · 面值 {yuan(p.faceValueFen)} · {p.areaName}</Text>
          <Text className="voucher-card__meta">发给{voucherHolderTypeLabels[p.holderType]} · {voucherKindLabel(p.kind, p.holderType)}</Text>
          <Text className="voucher-card__meta">预算 {yuan(p.budgetFen)} · 名额 {p.quota} 张 · 领取期 {p.claimFrom} 至 {p.claimUntil}</Text>
          <Text className={`voucher-status voucher-status--${p.status === 'approved' ? 'claimed' : 'issued'}`}>{p.status === 'approved' ? '已批准' : '待财务审批'}</Text>
          {p.remaining ? <Text className="voucher-card__meta">剩余名额 {p.remaining.quota} 张 · 剩余预算 {yuan(p.remaining.budgetFen)}</Text> : null}
          {p.status === 'pending_approval' && roles.includes('finance') ? (
            <Button className="btn btn--primary" onClick={() => void approve(p)}>批准预算</Button>
          ) : null}
          {p.status === 'approved' && roles.includes('staff') ? (
            <Button className="btn btn--secondary" onClick={() => void issue(p)}>{p.holderType === 'employer' ? '向符合条件的单位发放' : '向符合条件的人员发放'}</Button>
          ) : null}
        </View>
      ))}
    </Page>
  );
}
