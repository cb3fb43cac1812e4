// 公益性岗位: the area's posts — the confirmed ones are the reserve a specialist places people into
// (托底) — with seats and who holds them until when; registering a new post (R20's three
// conditions answered, what is missing beside each field) for the street's on-site check and the
// district's confirmation; the ledger as a file.
import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Input, Text, Textarea, View } from '@tarojs/components';
import {
  WELFARE_FUNDING,
  WELFARE_POST_KINDS,
  createWelfarePost,
  exportWelfarePosts,
  fenToYuanText,
  listWelfarePosts,
  welfareFundingLabels,
  welfarePostKindLabels,
  yuanTextToFen,
  type WelfareFunding,
  type WelfarePostKind,
} from '@doorstep/shared';
import { DetailRow } from '../../components/DetailRow';
import { FormField } from '../../components/FormField';
import { LoadMore } from '../../components/LoadMore';
import { Notice } from '../../components/Notice';
import { Page } from '../../components/Page';
import { ChoiceToggles } from '../../components/Toggles';
import { useFormSubmit } from '../../hooks/useFormSubmit';
import { usePageData } from '../../hooks/usePageData';
import { saveCsv } from '../../services/files';
import { request } from '../../services/request';
import '../../styles/page.scss';
import '../reviews/index.scss';

const YES_NO = [
  { value: 'yes' as const, label: '是' },
  { value: 'no' as const, label: '否' },
];

export default function WelfarePostsPage() {
  const fetchPage = (cursor?: string) => request(listWelfarePosts, { query: cursor ? { cursor } : {} });
  const { session, data, setData, gate, reload } = usePageData(() => fetchPage());
  const [adding, setAdding] = useState(false);
  const [form, setForm] = useState<Record<string, string>>({});
  const submission = useFormSubmit();
  const { errors, busy, submitError } = submission;
  if (session && !session.user.roles.includes('staff')) return <Page><Notice message="这里是工作人员的公益性岗位管理，您的账号没有工作人员权限。" /></Page>;
  if (gate || !data) return gate;
  const set = (key: string) => (value: string) => {
    setForm((f) => ({ ...f, [key]: value }));
    submission.clear([key]);
  };

  if (adding) {
    return (
      <Page>
        <Text className="page__title">登记公益性岗位</Text>
        <Text className="page__lead">以政府投资或扶持、社会筹资为主，主要安置就业困难人员，为公共利益服务的岗位。登记后由街道实地核查，区里确认。</Text>
        <FormField label="用人单位" required error={errors.unitName}>
          <Input className="text-input" value={form.unitName ?? ''} maxlength={50} placeholder="例如：鼓东街道社区服务中心" onInput={(e) => set('unitName')(e.detail.value)} />
        </FormField>
        <FormField label="岗位名称" required error={errors.title}>
          <Input className="text-input" value={form.title ?? ''} maxlength={30} placeholder="例如：社区保洁员" onInput={(e) => set('title')(e.detail.value)} />
        </FormField>
        <FormField label="工作内容" required error={errors.duties}>
          <Textarea className="text-input text-input--multiline" value={form.duties ?? ''} maxlength={300} autoHeight placeholder="每天做什么、在哪里、几点到几点" onInput={(e) => set('duties')(e.detail.value)} />
        </FormField>
        <FormField label="名额" required error={errors.seats}>
          <Input className="text-input" type="number" value={form.seats ?? ''} maxlength={3} placeholder="例如：3" onInput={(e) => set('seats')(e.detail.value)} />
        </FormField>
        <FormField label="月工资（元）" required error={errors.monthlyWageFen}>
          <Input className="text-input" type="digit" value={form.wage ?? ''} maxlength={9} placeholder="例如：2100" onInput={(e) => set('wage')(e.detail.value)} />
        </FormField>
        <FormField label="岗位类别" required error={errors.kind}>
          <ChoiceToggles options={WELFARE_POST_KINDS.map((value) => ({ value, label: welfarePostKindLabels[value] }))} chosen={form.kind as WelfarePostKind | undefined} onChange={set('kind')} />
        </FormField>
        <FormField label="资金来源" required error={errors.funding}>
          <ChoiceToggles options={WELFARE_FUNDING.map((value) => ({ value, label: welfareFundingLabels[value] }))} chosen={form.funding as WelfareFunding | undefined} onChange={set('funding')} />
        </FormField>
        <FormField label="主要安置就业困难人员吗" required error={errors.forHardToEmploy}>
          <ChoiceToggles options={YES_NO} chosen={form.forHardToEmploy as 'yes' | 'no' | undefined} onChange={set('forHardToEmploy')} />
        </FormField>
        <FormField label="为公共利益服务吗" required error={errors.publicInterest}>
          <ChoiceToggles options={YES_NO} chosen={form.publicInterest as 'yes' | 'no' | undefined} onChange={set('publicInterest')} />
        </FormField>
        {submitError ? <Notice message={submitError} /> : null}
        <View className="page__actions">
          <Button
            className="btn btn--primary"
            disabled={busy}
            onClick={() => {
              const missing: Record<string, string> = {};
              const wage = yuanTextToFen(form.wage ?? '');
              if ((form.unitName ?? '').trim().length < 2) missing.unitName = '请填写用人单位';
              if ((form.title ?? '').trim().length < 2) missing.title = '请填写岗位名称';
              if ((form.duties ?? '').trim().length < 4) missing.duties = '请写明工作内容';
              if (!/^\d{1,3}$/.test(form.seats ?? '') || Number(form.seats) < 1) missing.seats = '请填写名额（1到200）';
              if (wage === undefined) missing.monthlyWageFen = '请填写月工资，如 2100';
              if (!form.kind) missing.kind = '请选择岗位类别';
              if (!form.funding) missing.funding = '请选择资金来源';
              if (!form.forHardToEmploy) missing.forHardToEmploy = '请确认是否主要安置就业困难人员';
              if (!form.publicInterest) missing.publicInterest = '请确认是否为公共利益服务';
              if (Object.keys(missing).length) return submission.refuse(missing);
              void submission.send(async () => {
                await request(createWelfarePost, {
                  body: {
                    unitName: form.unitName!.trim(),
                    title: form.title!.trim(),
                    duties: form.duties!.trim(),
                    areaCode: session!.user.areaCode ?? '',
                    seats: Number(form.seats),
                    monthlyWageFen: wage!,
                    kind: form.kind as WelfarePostKind,
                    funding: form.funding as WelfareFunding,
                    forHardToEmploy: form.forHardToEmploy === 'yes',
                    publicInterest: form.publicInterest === 'yes',
                  },
                });
                Taro.showToast({ title: '已登记', icon: 'success' });
                setAdding(false);
                setForm({});
                await reload();
              });
            }}
          >
            {busy ? '正在提交…' : '登记，交街道核查'}
          </Button>
          <Button className="btn btn--secondary" onClick={() => setAdding(false)}>
            返回
          </Button>
        </View>
      </Page>
    );
  }

  return (
    <Page>
      <Text className="page__title">公益性岗位</Text>
      <Text className="page__lead">已确认的岗位是托底安置就业困难人员的岗位储备。</Text>
      <View className="page__actions">
        <Button className="btn btn--primary" onClick={() => { submission.reset(); setAdding(true); }}>
          登记公益性岗位
        </Button>
        <Button
          className="btn btn--secondary"
          onClick={() =>
            void submission.send(async () => {
              const file = await request(exportWelfarePosts);
              saveCsv(file.fileName, file.content);
            })
          }
        >
          导出台账（CSV）
        </Button>
      </View>
      {submitError ? <Notice message={submitError} /> : null}
      {data.items.length === 0 ? <Text className="page__lead">辖区内还没有公益性岗位。</Text> : null}
      {data.items.map((p) => (
        <View key={p.id} className="card">
          <Text className="card__title">{`${p.unitName} · ${p.title}`}</Text>
          <Text className="card__subtitle">{p.statusName}</Text>
          <DetailRow label="所在区域" value={p.areaName} />
          <DetailRow label="名额" value={`${p.seats} 个，在岗 ${p.filled} 人`} />
          <DetailRow label="月工资" value={`${fenToYuanText(p.monthlyWageFen)} 元`} />
          {p.placements.map((x) => (
            <DetailRow key={x.caseId} label={x.personName} value={`${x.from} 至 ${x.until}`} />
          ))}
          {p.reason ? <DetailRow label="理由" value={p.reason} /> : null}
        </View>
      ))}
      <LoadMore page={data} onPage={setData} fetchPage={(cursor) => fetchPage(cursor)} />
      <View className="page__actions">
        <Button className="btn btn--secondary" onClick={() => Taro.reLaunch({ url: '/pages/index/index' })}>
          返回首页
        </Button>
      </View>
    </Page>
  );
}
