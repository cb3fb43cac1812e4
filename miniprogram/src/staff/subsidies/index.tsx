// 补贴审核: a programme's applications waiting for this level — 待初审 for a community or street,
// 待复审 and 待公示 for the district, which publishes the notice from here (after a confirmation).
import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Input, Text, View } from '@tarojs/components';
import { fenToYuanText, listSubsidyApplications, listSubsidyProgrammes, publishSubsidyNotice, type SubsidyStage } from '@doorstep/shared';
import { ChoiceToggles } from '../../components/Toggles';
import { FormField } from '../../components/FormField';
import { LoadFailure } from '../../components/LoadFailure';
import { Notice } from '../../components/Notice';
import { Page } from '../../components/Page';
import { useFormSubmit } from '../../hooks/useFormSubmit';
import { useLoadOnShow } from '../../hooks/useLoadOnShow';
import { usePageData } from '../../hooks/usePageData';
import { request } from '../../services/request';
import { FilterTabs } from '../components/FilterTabs';
import '../../styles/page.scss';
import '../reviews/index.scss';

type Rows = Awaited<ReturnType<typeof loadRows>>;
const loadRows = async (programmeId: string, stage: SubsidyStage) => (await request(listSubsidyApplications, { query: { programmeId, stage } })).items;

const TABS: Record<string, { value: SubsidyStage; label: string }[]> = {
  community: [{ value: 'submitted', label: '待初审' }],
  street: [{ value: 'submitted', label: '待初审' }],
  district: [
    { value: 'street_approved', label: '待复审' },
    { value: 'approved', label: '待公示' },
  ],
};

export default function SubsidyQueuePage() {
  const { data: programmes, session, gate } = usePageData(async () => (await request(listSubsidyProgrammes)).items.filter((p) => p.status === 'approved'));
  const level = session?.user.level ?? 'street';
  const tabs = TABS[level] ?? TABS.street;
  const [programmeId, setProgrammeId] = useState<string>();
  const [picked, setStage] = useState<SubsidyStage>();
  // The level is known once signed in: a tab of another level's falls back to this level's first.
  const stage = picked && tabs.some((t) => t.value === picked) ? picked : tabs[0].value;
  const [rows, setRows] = useState<{ items?: Rows; error?: unknown }>({});
  const [phone, setPhone] = useState('');
  const form = useFormSubmit();
  const chosen = programmeId ?? programmes?.[0]?.id;

  async function reload() {
    if (!chosen) return;
    setRows({});
    try {
      setRows({ items: await loadRows(chosen, stage) });
    } catch (error) {
      setRows({ error });
    }
  }
  // Again when shown again: back from deciding one, it is gone from the list.
  useLoadOnShow(reload, !!chosen, [chosen, stage]);

  async function publish() {
    if (!chosen) return;
    if (!/^[\d-]{7,20}$/.test(phone.trim())) return form.refuse({ contactPhone: '请填写群众反映问题的监督电话' });
    const { confirm } = await Taro.showModal({ title: '发布公示？', content: `这 ${rows.items?.length ?? 0} 份（及后面各页的）复审通过的申请将向社会公示7天，任何人都能看到名单（姓名只显示姓）。`, confirmText: '发布', cancelText: '再看看' });
    if (!confirm) return;
    await form.send(async () => {
      await request(publishSubsidyNotice, { body: { programmeId: chosen, contactPhone: phone.trim() } });
      void Taro.showToast({ title: '公示正在生成', icon: 'none' });
      await reload();
    });
  }

  if (gate || !programmes) return gate;
  return (
    <Page>
      <Text className="page__title">补贴审核</Text>
      {programmes.length === 0 ? <Text className="page__lead">辖区内还没有审批了预算的补贴项目。</Text> : null}
      {programmes.length > 1 ? <ChoiceToggles options={programmes.map((p) => ({ value: p.id, label: p.name }))} chosen={chosen} onChange={setProgrammeId} /> : null}
      {programmes.length === 1 ? <Text className="page__lead">{programmes[0].name}</Text> : null}
      {chosen ? <FilterTabs options={tabs} chosen={stage} onChange={setStage} /> : null}
      {rows.error ? <LoadFailure error={rows.error} onRetry={reload} /> : null}
      {chosen && !rows.items && !rows.error ? <Text className="page__loading">正在加载…</Text> : null}
      {rows.items?.length === 0 ? <Text className="page__lead">没有等待办理的申请。</Text> : null}
      {rows.items?.map((a) => (
        <View key={a.id} className="card" onClick={() => void Taro.navigateTo({ url: `/staff/subsidy/index?id=${a.id}` })}>
          <Text className="card__title">
            {a.personName}（{a.idNumberMasked}）
          </Text>
          <Text className="card__subtitle">
            {a.communityName} · {a.monthsText || '一次性'} · {fenToYuanText(a.amountFen)}元
          </Text>
          {a.districtDueOn ? <Text className="card__subtitle">复审期限：{a.districtDueOn}</Text> : null}
          {a.waitingForBudget ? <Text className="form-field__error">预算不足，等待追加预算</Text> : null}
        </View>
      ))}
      {stage === 'approved' && rows.items?.length ? (
        <View>
          <FormField label="监督电话" required hint="公示上写明，群众有意见可以打这个电话" error={form.errors.contactPhone}>
            <Input className="text-input" value={phone} maxlength={20} placeholder="例如 0591-87654321" onInput={(e) => { setPhone(e.detail.value); form.clear(['contactPhone']); }} />
          </FormField>
          {form.submitError ? <Notice message={form.submitError} /> : null}
          <Button className="btn btn--primary" disabled={form.busy} onClick={() => void publish()}>
            {form.busy ? '正在发布…' : '发布公示'}
          </Button>
        </View>
      ) : null}
      <View className="page__actions">
        <Button className="btn btn--secondary" onClick={() => Taro.navigateBack().catch(() => Taro.reLaunch({ url: '/pages/index/index' }))}>
          返回
        </Button>
      </View>
    </Page>
  );
}
