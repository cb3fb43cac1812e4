// The fields of an odd job, shared by 发布零工 and the station's posting for a walk-in: what kind,
// what exactly, where (the community, the address, the pin), when (a day and hours, or as soon as
// possible for some hours), the pay in yuan per job / hour / day, how many people. Each error sits
// under its field; `gigBodyOf` turns what was typed into the request body.
import { Input, Text, Textarea, View } from '@tarojs/components';
import { addCalendarDays, GIG_KINDS, GIG_MAX_DAYS_AHEAD, GIG_PAY_UNITS, gigKindLabels, gigPayUnitLabels, todayInChina, yuanTextToFen, type GigKind, type GigPayUnit } from '@doorstep/shared';
import { AreaPicker } from '../../components/AreaPicker';
import { DateField } from '../../components/DateField';
import { FormField } from '../../components/FormField';
import { LocationField } from '../../components/LocationField';
import { ChoiceToggles } from '../../components/Toggles';
import type { FieldErrors } from '../../hooks/fieldErrors';

export interface GigForm {
  kind: GigKind;
  title: string;
  detail: string;
  areaCode: string;
  address: string;
  lat: string;
  lng: string;
  whenType: 'scheduled' | 'asap';
  date: string;
  from: string;
  to: string;
  hours: string;
  pay: string;
  payUnit: GigPayUnit;
  places: string;
}

export const emptyGigForm = (): GigForm => ({
  kind: 'house_repair',
  title: '',
  detail: '',
  areaCode: '',
  address: '',
  lat: '',
  lng: '',
  whenType: 'scheduled',
  date: todayInChina(),
  from: '14:00',
  to: '17:00',
  hours: '2',
  pay: '',
  payUnit: 'job',
  places: '1',
});

const num = (v: string) => (v.trim() === '' ? undefined : Number(v));

export function gigBodyOf(f: GigForm) {
  return {
    kind: f.kind,
    title: f.title.trim(),
    ...(f.detail.trim() ? { detail: f.detail.trim() } : {}),
    place: { areaCode: f.areaCode, address: f.address.trim(), lat: num(f.lat), lng: num(f.lng) },
    when: f.whenType === 'asap' ? { type: 'asap', hours: num(f.hours) } : { type: 'scheduled', date: f.date, from: f.from.trim(), to: f.to.trim() },
    payFen: f.pay.trim() === '' ? undefined : (yuanTextToFen(f.pay) ?? -1),
    payUnit: f.payUnit,
    places: num(f.places),
  };
}

export function GigFields({ form, errors, update }: { form: GigForm; errors: FieldErrors; update(patch: Partial<GigForm>, paths: string[]): void }) {
  const today = todayInChina();
  return (
    <>
      <View className="card">
        <FormField label="什么活" required>
          <ChoiceToggles options={GIG_KINDS.map((k) => ({ value: k, label: gigKindLabels[k] }))} chosen={form.kind} onChange={(kind) => update({ kind }, ['kind'])} />
        </FormField>
        <FormField label="一句话说清楚" required hint="例如：修厨房水龙头" error={errors.title}>
          <Input className="text-input" value={form.title} maxlength={30} onInput={(e) => update({ title: e.detail.value }, ['title'])} />
        </FormField>
        <FormField label="详细说明" hint="可不填：要带什么工具、几楼、有没有电梯" error={errors.detail}>
          <Textarea className="text-input text-input--multiline" value={form.detail} maxlength={300} autoHeight onInput={(e) => update({ detail: e.detail.value }, ['detail'])} />
        </FormField>
      </View>
      <View className="card">
        <Text className="card__title">在哪里</Text>
        <FormField label="所在社区（村）" required error={errors['place.areaCode']}>
          <AreaPicker value={form.areaCode} onChange={(areaCode) => update({ areaCode }, ['place.areaCode'])} />
        </FormField>
        <FormField label="详细地址" required error={errors['place.address']}>
          <Input className="text-input" value={form.address} maxlength={100} placeholder="路名、门牌号" onInput={(e) => update({ address: e.detail.value }, ['place.address'])} />
        </FormField>
        <FormField label="位置" required hint="附近的人按远近找到这个活" error={errors['place.lat'] ?? errors['place.lng'] ?? errors.place}>
          <LocationField lat={form.lat} lng={form.lng} onChange={(lat, lng) => update({ lat, lng }, ['place'])} />
        </FormField>
      </View>
      <View className="card">
        <Text className="card__title">什么时候</Text>
        <ChoiceToggles
          options={[
            { value: 'scheduled' as const, label: '定个时间' },
            { value: 'asap' as const, label: '越快越好' },
          ]}
          chosen={form.whenType}
          onChange={(whenType) => update({ whenType }, ['when'])}
        />
        {form.whenType === 'scheduled' ? (
          <>
            <FormField label="哪天" required error={errors['when.date']}>
              <DateField value={form.date} start={today} end={addCalendarDays(today, GIG_MAX_DAYS_AHEAD)} placeholder="请选择" onChange={(date) => update({ date }, ['when.date'])} />
            </FormField>
            <FormField label="几点到几点" required hint="24小时制，如 14:00 到 17:00" error={errors['when.from'] ?? errors['when.to']}>
              <View className="toggle-row">
                <Input className="text-input gig-time" value={form.from} maxlength={5} onInput={(e) => update({ from: e.detail.value }, ['when'])} />
                <Text>到</Text>
                <Input className="text-input gig-time" value={form.to} maxlength={5} onInput={(e) => update({ to: e.detail.value }, ['when'])} />
              </View>
            </FormField>
          </>
        ) : (
          <FormField label="大约要几小时" required error={errors['when.hours']}>
            <Input className="text-input" type="number" value={form.hours} maxlength={2} onInput={(e) => update({ hours: e.detail.value }, ['when.hours'])} />
          </FormField>
        )}
      </View>
      <View className="card">
        <Text className="card__title">报酬和人数</Text>
        <FormField label="报酬（元）" required hint="不能低于当地小时最低工资" error={errors.payFen}>
          <Input className="text-input" type="digit" value={form.pay} maxlength={8} placeholder="例如 100" onInput={(e) => update({ pay: e.detail.value }, ['payFen'])} />
        </FormField>
        <FormField label="怎么算" required>
          <ChoiceToggles options={GIG_PAY_UNITS.map((u) => ({ value: u, label: gigPayUnitLabels[u] }))} chosen={form.payUnit} onChange={(payUnit) => update({ payUnit }, ['payFen'])} />
        </FormField>
        <FormField label="要几个人" required error={errors.places}>
          <Input className="text-input" type="number" value={form.places} maxlength={2} onInput={(e) => update({ places: e.detail.value }, ['places'])} />
        </FormField>
      </View>
    </>
  );
}
