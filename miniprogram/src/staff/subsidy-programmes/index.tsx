// 补贴项目: district or city staff set one up from the rule in force — which subsidy, the budget,
// the dates (who qualifies, the amount, the evidence and the longest period come from the rule);
// finance approves its budget (not the one who set it up); when the budget runs short the district
// asks for more (追加预算, with its reason) and finance approves it; staff withdraw one whose policy
// has ended. Each step is its own page and asks before it acts.
import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Input, Text, Textarea, View } from '@tarojs/components';
import {
  SUBSIDY_KINDS,
  addCalendarDays,
  approveSubsidyProgramme,
  createSubsidyProgramme,
  fenToYuanText,
  listSubsidyProgrammes,
  subsidyKindLabels,
  subsidyProgrammeBodySchema,
  todayInChina,
  withdrawSubsidyProgramme,
  requestSubsidyTopUp,
  approveSubsidyTopUp,
  type SubsidyProgramme,
} from '@doorstep/shared';
import { DateField } from '../../components/DateField';
import { FormField } from '../../components/FormField';
import { Notice } from '../../components/Notice';
import { Page } from '../../components/Page';
import { ChoiceToggles } from '../../components/Toggles';
import { check, yuanToFenOrText } from '../../hooks/fieldErrors';
import { useFormSubmit } from '../../hooks/useFormSubmit';
import { usePageData } from '../../hooks/usePageData';
import { request } from '../../services/request';
import '../../styles/page.scss';

const STATUS: Record<SubsidyProgramme['status'], string> = { pending_approval: '待财务审批预算', approved: '受理中', withdrawn: '已撤回' };
const blank = { name: '', kind: 'flexible_si' as SubsidyProgramme['kind'], budget: '', applyFrom: todayInChina(), applyUntil: '' };

export default function SubsidyProgrammesPage() {
  const { session, data: items, reload, gate } = usePageData(async () => (await request(listSubsidyProgrammes)).items);
  const [creating, setCreating] = useState(false);
  const [draft, setDraft] = useState(blank);
  // One programme's 追加预算 or 撤回, on a page of its own.
  const [acting, setActing] = useState<{ p: SubsidyProgramme; what: 'top_up' | 'withdraw' }>();
  const [reason, setReason] = useState('');
  const [amount, setAmount] = useState('');
  const form = useFormSubmit();
  const roles = session?.user.roles ?? [];
  const isFinance = roles.includes('finance');
  const canCreate = roles.includes('staff') && (session?.user.level === 'district' || session?.user.level === 'city');
  const set = (patch: Partial<typeof blank>, fields: string[]) => {
    setDraft({ ...draft, ...patch });
    form.clear(fields);
  };

  async function submit() {
    const { body, errors } = check(subsidyProgrammeBodySchema, {
      name: draft.name,
      kind: draft.kind,
      areaCode: session?.user.areaCode ?? '',
      budgetFen: yuanToFenOrText(draft.budget),
      applyFrom: draft.applyFrom,
      applyUntil: draft.applyUntil,
    });
    if (!body) return form.refuse(errors);
    const { confirm } = await Taro.showModal({ title: '提交财务审批？', content: `「${draft.name}」预算 ${draft.budget} 元。申请条件、金额和材料按现行政策。`, confirmText: '提交', cancelText: '再看看' });
    if (!confirm) return;
    await form.send(async () => {
      await request(createSubsidyProgramme, { body });
      setCreating(false);
      setDraft(blank);
      await reload();
      void Taro.showToast({ title: '已提交财务审批', icon: 'none' });
    });
  }

  async function approve(p: SubsidyProgramme) {
    const { confirm } = await Taro.showModal({ title: '批准预算？', content: `「${p.name}」预算 ${fenToYuanText(p.budgetFen)} 元。批准后开始受理申请。`, confirmText: '批准', cancelText: '取消' });
    if (!confirm) return;
    await form.send(async () => {
      await request(approveSubsidyProgramme, { params: { id: p.id } });
      await reload();
    });
  }

  const act = (p: SubsidyProgramme, what: 'top_up' | 'withdraw') => {
    setActing({ p, what });
    setReason('');
    setAmount('');
    form.reset();
  };

  async function withdraw(p: SubsidyProgramme) {
    if (reason.trim().length < 2) return form.refuse({ reason: '请写明撤回的理由' });
    const { confirm } = await Taro.showModal({ title: '撤回这个补贴项目？', content: '撤回后不再受理新申请，已受理的照常办理。', confirmText: '撤回', cancelText: '取消' });
    if (!confirm) return;
    await form.send(async () => {
      await request(withdrawSubsidyProgramme, { params: { id: p.id }, body: { reason: reason.trim() } });
      setActing(undefined);
      await reload();
    });
  }

  async function askTopUp(p: SubsidyProgramme) {
    const addFen = yuanToFenOrText(amount);
    const found: Record<string, string> = {};
    if (typeof addFen !== 'number' || addFen < 1) found.addFen = '请填写追加的金额（元），例如 200000';
    if (reason.trim().length < 2) found.reason = '请写明追加的理由，至少2个字';
    if (Object.keys(found).length) return form.refuse(found);
    const { confirm } = await Taro.showModal({ title: '提交追加预算？', content: `「${p.name}」追加 ${amount.trim()} 元，交财务审批。`, confirmText: '提交', cancelText: '再看看' });
    if (!confirm) return;
    await form.send(async () => {
      await request(requestSubsidyTopUp, { params: { id: p.id }, body: { addFen: addFen as number, reason: reason.trim() } });
      setActing(undefined);
      await reload();
      void Taro.showToast({ title: '已提交财务审批', icon: 'none' });
    });
  }

  async function approveTopUp(p: SubsidyProgramme) {
    const { confirm } = await Taro.showModal({ title: '批准追加预算？', content: `「${p.name}」追加 ${fenToYuanText(p.topUp!.addFen)} 元。批准后等待追加预算的申请可以重新复审。`, confirmText: '批准', cancelText: '取消' });
    if (!confirm) return;
    await form.send(async () => {
      // One key per top-up asked: a retry after a lost answer is the same approval.
      await request(approveSubsidyTopUp, { params: { id: p.id }, idempotencyKey: `top-up-${p.id}-${p.topUp!.at.replace(/\D/g, '')}` });
      await reload();
    });
  }

  if (gate || !items) return gate;

  if (acting) {
    const { p, what } = acting;
    return (
      <Page>
        <Text className="page__title">{what === 'top_up' ? '追加预算' : '撤回补贴项目'}</Text>
        <Text className="page__lead">
          {p.name}：预算 {fenToYuanText(p.budgetFen)} 元，已占用 {fenToYuanText(p.reservedFen ?? 0)} 元。
          {what === 'top_up' ? '追加后由财务审批。' : '撤回后不再受理新申请，已受理的照常办理。'}
        </Text>
        {what === 'top_up' ? (
          <FormField label="追加金额（元）" required error={form.errors.addFen}>
            <Input className="text-input" type="digit" value={amount} placeholder="例如：200000" onInput={(e) => { setAmount(e.detail.value); form.clear(['addFen']); }} />
          </FormField>
        ) : null}
        <FormField label={what === 'top_up' ? '追加理由' : '撤回理由'} required error={form.errors.reason}>
          <Textarea className="text-input text-input--multiline" autoHeight value={reason} maxlength={200} placeholder={what === 'top_up' ? '例如：申请人数超过预期，还有12份申请等待追加预算' : '例如：政策到期'} onInput={(e) => { setReason(e.detail.value); form.clear(['reason']); }} />
        </FormField>
        {form.submitError ? <Notice message={form.submitError} /> : null}
        <View className="page__actions">
          {what === 'top_up' ? (
            <Button className="btn btn--primary" disabled={form.busy} onClick={() => void askTopUp(p)}>{form.busy ? '正在提交…' : '提交财务审批'}</Button>
          ) : (
            <Button className="btn btn--danger" disabled={form.busy} onClick={() => void withdraw(p)}>{form.busy ? '正在撤回…' : '撤回项目'}</Button>
          )}
          <Button className="btn btn--secondary" onClick={() => { setActing(undefined); form.reset(); }}>取消</Button>
        </View>
      </Page>
    );
  }

  if (creating) {
    return (
      <Page>
        <Text className="page__title">新建补贴项目</Text>
        <FormField label="名称" required error={form.errors.name}>
          <Input className="text-input" value={draft.name} maxlength={40} placeholder="例如：鼓楼区灵活就业社保补贴（2027年）" onInput={(e) => set({ name: e.detail.value }, ['name'])} />
        </FormField>
        <FormField label="哪种补贴" required hint="谁能申请、金额、要交的材料和最长期限按现行政策" error={form.errors.kind}>
          <ChoiceToggles options={SUBSIDY_KINDS.map((k) => ({ value: k, label: subsidyKindLabels[k] }))} chosen={draft.kind} onChange={(k) => set({ kind: k }, ['kind'])} />
        </FormField>
        <FormField label="预算（元）" required error={form.errors.budgetFen}>
          <Input className="text-input" type="digit" value={draft.budget} placeholder="例如：500000" onInput={(e) => set({ budget: e.detail.value }, ['budgetFen'])} />
        </FormField>
        <FormField label="开始受理" required error={form.errors.applyFrom}>
          <DateField value={draft.applyFrom} placeholder="选择日期" start={todayInChina()} end="2099-12-31" onChange={(d) => set({ applyFrom: d }, ['applyFrom'])} />
        </FormField>
        <FormField label="受理截止" required error={form.errors.applyUntil}>
          <DateField value={draft.applyUntil} placeholder="选择日期" start={todayInChina()} end="2099-12-31" initial={addCalendarDays(todayInChina(), 365)} onChange={(d) => set({ applyUntil: d }, ['applyUntil'])} />
        </FormField>
        {form.submitError ? <Notice message={form.submitError} /> : null}
        <View className="page__actions">
          <Button className="btn btn--primary" disabled={form.busy} onClick={() => void submit()}>{form.busy ? '正在提交…' : '提交财务审批'}</Button>
          <Button className="btn btn--secondary" onClick={() => { setCreating(false); form.reset(); }}>取消</Button>
        </View>
      </Page>
    );
  }

  return (
    <Page>
      <Text className="page__title">补贴项目</Text>
      {items.length === 0 ? <Text className="page__lead">辖区内还没有补贴项目。</Text> : null}
      {form.submitError ? <Notice message={form.submitError} /> : null}
      {items.map((p) => (
        <View key={p.id} className="card">
          <Text className="card__title">{p.name}</Text>
          <Text className={`status-pill status-pill--${p.status === 'approved' ? 'approved' : p.status === 'withdrawn' ? 'closed' : 'pending'}`}>{STATUS[p.status]}</Text>
          <Text className="card__subtitle">{p.kindName} · {p.amountText}</Text>
          <Text className="card__subtitle">预算 {fenToYuanText(p.budgetFen)} 元，已占用 {fenToYuanText(p.reservedFen ?? 0)} 元</Text>
          <Text className="card__subtitle">受理：{p.applyFrom} 至 {p.applyUntil}；公示 {p.noticeDays} 天</Text>
          {isFinance && p.status === 'pending_approval' ? <Button className="btn btn--primary" disabled={form.busy} onClick={() => void approve(p)}>批准预算</Button> : null}
          {p.topUp ? <Text className="card__subtitle">待财务审批：追加 {fenToYuanText(p.topUp.addFen)} 元（{p.topUp.reason}）</Text> : null}
          {isFinance && p.topUp ? <Button className="btn btn--primary" disabled={form.busy} onClick={() => void approveTopUp(p)}>批准追加预算</Button> : null}
          {canCreate && p.status === 'approved' ? (
            <View className="page__actions">
              {!p.topUp ? <Button className="btn btn--secondary" onClick={() => act(p, 'top_up')}>追加预算</Button> : null}
              <Button className="btn btn--danger" onClick={() => act(p, 'withdraw')}>撤回项目</Button>
            </View>
          ) : null}
        </View>
      ))}
      <View className="page__actions">
        {canCreate ? <Button className="btn btn--primary" onClick={() => setCreating(true)}>新建补贴项目</Button> : null}
        <Button className="btn btn--secondary" onClick={() => Taro.navigateBack().catch(() => Taro.reLaunch({ url: '/pages/index/index' }))}>返回</Button>
      </View>
    </Page>
  );
}
