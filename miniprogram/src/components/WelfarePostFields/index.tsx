// A public-welfare post's fields (R20): what the post is, its seats and wage, its kind and funding,
// and the two declarations — for staff registering one at the desk (with the unit's name) and for
// a unit applying from its phone (its own name). What is missing shows beside its field. And the
// post as both lists show it: where it stands, seats, wage, who holds each seat until when.
import { Input, Text, Textarea, View } from '@tarojs/components';
import { WELFARE_FUNDING, WELFARE_POST_KINDS, fenToYuanText, welfareFundingLabels, welfarePostKindLabels, yuanTextToFen, type UnitWelfarePostBody, type WelfareFunding, type WelfarePost, type WelfarePostKind } from '@doorstep/shared';
import { DetailRow } from '../DetailRow';
import type { FieldErrors } from '../../hooks/fieldErrors';
import { FormField } from '../FormField';
import { ChoiceToggles } from '../Toggles';

export type WelfarePostForm = Record<string, string>;

const YES_NO = [
  { value: 'yes' as const, label: '是' },
  { value: 'no' as const, label: '否' },
];

/** What is missing, by field, before anything is sent. */
export function welfarePostMissing(form: WelfarePostForm, withUnit: boolean): FieldErrors {
  const missing: FieldErrors = {};
  if (withUnit && (form.unitName ?? '').trim().length < 2) missing.unitName = '请填写用人单位';
  if ((form.title ?? '').trim().length < 2) missing.title = '请填写岗位名称';
  if ((form.duties ?? '').trim().length < 4) missing.duties = '请写明工作内容';
  if (!/^\d{1,3}$/.test(form.seats ?? '') || Number(form.seats) < 1) missing.seats = '请填写名额（1到200）';
  if (yuanTextToFen(form.wage ?? '') === undefined) missing.monthlyWageFen = '请填写月工资，如 2100';
  if (!form.kind) missing.kind = '请选择岗位类别';
  if (!form.funding) missing.funding = '请选择资金来源';
  if (!form.forHardToEmploy) missing.forHardToEmploy = '请确认是否主要安置就业困难人员';
  if (!form.publicInterest) missing.publicInterest = '请确认是否为公共利益服务';
  return missing;
}

/** The body the API takes, once nothing is missing (the unit's name added by the caller where it is asked). */
export function welfarePostBody(form: WelfarePostForm, areaCode: string): UnitWelfarePostBody {
  return {
    title: form.title!.trim(),
    duties: form.duties!.trim(),
    areaCode,
    seats: Number(form.seats),
    monthlyWageFen: yuanTextToFen(form.wage ?? '')!,
    kind: form.kind as WelfarePostKind,
    funding: form.funding as WelfareFunding,
    forHardToEmploy: form.forHardToEmploy === 'yes',
    publicInterest: form.publicInterest === 'yes',
  };
}

export function WelfarePostFields({ form, set, errors, withUnit }: { form: WelfarePostForm; set: (key: string) => (value: string) => void; errors: FieldErrors; withUnit: boolean }) {
  return (
    <>
      {withUnit ? (
        <FormField label="用人单位" required error={errors.unitName}>
          <Input className="text-input" value={form.unitName ?? ''} maxlength={50} placeholder="例如：鼓东街道社区服务中心" onInput={(e) => set('unitName')(e.detail.value)} />
        </FormField>
      ) : null}
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
    </>
  );
}

/** One post in a list: its title (with the unit's name for staff), where it stands, seats, wage, placements. */
export function WelfarePostCard({ post: p, title }: { post: WelfarePost; title: string }) {
  return (
    <View className="card">
      <Text className="card__title">{title}</Text>
      <Text className="card__subtitle">{p.statusName}</Text>
      <DetailRow label="所在区域" value={p.areaName} />
      <DetailRow label="名额" value={`${p.seats} 个，在岗 ${p.filled} 人`} />
      <DetailRow label="月工资" value={`${fenToYuanText(p.monthlyWageFen)} 元`} />
      {p.placements.map((x) => (
        <DetailRow key={x.caseId} label={x.personName} value={`${x.from} 至 ${x.until}`} />
      ))}
      {p.reason ? <DetailRow label="理由" value={p.reason} /> : null}
    </View>
  );
}
