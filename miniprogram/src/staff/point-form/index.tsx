// 设立网点 / 修改网点 (district and city staff): where it is (community, address, the map position),
// its phone, when it is open — up to two periods on working days, and whether it opens on
// weekends and public holidays (the working-day calendar decides which day is which) — and what it
// does with how many desks each (a half hour takes one visit per desk). Errors sit under their
// fields; a change someone else made first is refused (409) rather than overwritten.
import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Button, Input, Text, View } from '@tarojs/components';
import {
  catalogueOn,
  todayInChina,
  listStaffServicePoints,
  createServicePoint,
  POINT_KINDS,
  pointKindLabels,
  servicePointBodySchema,
  updateServicePoint,
  type PointKind,
  type ServiceKey,
  type ServicePoint,
} from '@doorstep/shared';
import { AreaPicker } from '../../components/AreaPicker';
import { FormField } from '../../components/FormField';
import { LocationField } from '../../components/LocationField';
import { Notice } from '../../components/Notice';
import { Page } from '../../components/Page';
import { ChoiceToggles, Toggles } from '../../components/Toggles';
import { check } from '../../hooks/fieldErrors';
import { useFormSubmit } from '../../hooks/useFormSubmit';
import { usePageData } from '../../hooks/usePageData';
import { goBack } from '../../services/nav';
import { request } from '../../services/request';
import '../../styles/page.scss';

const SERVICES = catalogueOn(todayInChina()).services;

interface Form {
  name: string;
  kind?: PointKind;
  areaCode: string;
  address: string;
  lat: string;
  lng: string;
  phone: string;
  am: [string, string];
  pm: [string, string];
  restDay: boolean;
  rest: [string, string];
  services: string[];
  desks: Record<string, string>;
}

const fromPoint = (p?: ServicePoint): Form => ({
  name: p?.name ?? '',
  kind: p?.kind,
  areaCode: p?.areaCode.length === 12 ? p.areaCode : '',
  address: p?.address ?? '',
  lat: p ? String(p.lat) : '',
  lng: p ? String(p.lng) : '',
  phone: p?.phone ?? '',
  am: [p?.hours.workday[0]?.from ?? '08:30', p?.hours.workday[0]?.to ?? '12:00'],
  pm: [p?.hours.workday[1]?.from ?? '14:00', p?.hours.workday[1]?.to ?? '17:30'],
  restDay: !!p?.hours.restDay.length,
  rest: [p?.hours.restDay[0]?.from ?? '09:00', p?.hours.restDay[0]?.to ?? '12:00'],
  services: p?.services.map((s) => s.key) ?? [],
  desks: Object.fromEntries((p?.services ?? []).map((s) => [s.key, String(s.desks)])),
});

export default function PointFormPage() {
  const { params } = useRouter();
  const id = params.id;
  const { data: existing, gate } = usePageData(async () => (id ? (await request(listStaffServicePoints, { query: {} })).items.find((p) => p.id === id) ?? null : null), [id]);
  const [form, setForm] = useState<Form>();
  const submission = useFormSubmit();
  const { errors, busy, submitError } = submission;
  if (gate || existing === undefined) return gate;
  const f = form ?? fromPoint(existing ?? undefined);
  const update = (patch: Partial<Form>, fields: string[] = Object.keys(patch)) => {
    setForm({ ...f, ...patch });
    submission.clear(fields);
  };
  const period = (p: [string, string]) => ({ from: p[0].trim(), to: p[1].trim() });

  async function save() {
    const body = {
      name: f.name.trim(),
      kind: f.kind,
      areaCode: f.areaCode,
      address: f.address.trim(),
      lat: Number(f.lat),
      lng: Number(f.lng),
      phone: f.phone.trim(),
      hours: { workday: [period(f.am), ...(f.pm[0].trim() ? [period(f.pm)] : [])], restDay: f.restDay ? [period(f.rest)] : [] },
      services: f.services.map((key) => ({ key: key as ServiceKey, desks: Number(f.desks[key] || '1') })),
    };
    const checked = check(servicePointBodySchema, body);
    const missing = { ...(f.areaCode ? {} : { areaCode: '请选择所在社区' }), ...(f.lat && f.lng ? {} : { lat: '请定位或填写网点的位置' }) };
    if (!checked.body || Object.keys(missing).length) return submission.refuse({ ...checked.errors, ...missing });
    await submission.send(async () => {
      if (existing) await request(updateServicePoint, { params: { id: existing.id }, body: { ...checked.body!, version: existing.version } });
      else await request(createServicePoint, { body: checked.body! });
      void Taro.showToast({ title: existing ? '已保存' : '已设立', icon: 'success' });
      await Taro.redirectTo({ url: '/staff/points/index' });
    });
  }

  const time = (label: string, value: [string, string], set: (v: [string, string]) => void, path: string) => (
    <FormField label={label} hint="24小时制，如 08:30 到 12:00" error={errors[`${path}.from`] ?? errors[`${path}.to`]}>
      <View className="toggle-row">
        <Input className="text-input" value={value[0]} maxlength={5} placeholder="08:30" onInput={(e) => set([e.detail.value, value[1]])} />
        <Text>到</Text>
        <Input className="text-input" value={value[1]} maxlength={5} placeholder="12:00" onInput={(e) => set([value[0], e.detail.value])} />
      </View>
    </FormField>
  );

  return (
    <Page>
      <Text className="page__title">{existing ? '修改网点' : '设立网点'}</Text>
      <View className="card">
        <FormField label="网点名称" required error={errors.name}>
          <Input className="text-input" value={f.name} maxlength={40} placeholder="例如：鼓东街道家门口就业服务站" onInput={(e) => update({ name: e.detail.value })} />
        </FormField>
        <FormField label="类型" required error={errors.kind}>
          <ChoiceToggles options={POINT_KINDS.map((k) => ({ value: k, label: pointKindLabels[k] }))} chosen={f.kind} onChange={(kind) => update({ kind })} />
        </FormField>
        <FormField label="所在社区" required error={errors.areaCode}>
          <AreaPicker value={f.areaCode} onChange={(areaCode) => update({ areaCode })} />
        </FormField>
        <FormField label="详细地址" required error={errors.address}>
          <Input className="text-input" value={f.address} maxlength={100} placeholder="路名、门牌、楼层" onInput={(e) => update({ address: e.detail.value })} />
        </FormField>
        <FormField label="位置" required hint="在网点里点“用我现在的位置”最准" error={errors.lat ?? errors.lng}>
          <LocationField lat={f.lat} lng={f.lng} onChange={(lat, lng) => update({ lat, lng })} />
        </FormField>
        <FormField label="电话" required error={errors.phone}>
          <Input className="text-input" value={f.phone} maxlength={13} placeholder="0591-87654321 或手机号" onInput={(e) => update({ phone: e.detail.value })} />
        </FormField>
      </View>
      <View className="card">
        <Text className="card__title">开放时间</Text>
        {time('工作日上午（或全天）', f.am, (am) => update({ am }, ['hours']), 'hours.workday.0')}
        {time('工作日下午', f.pm, (pm) => update({ pm }, ['hours']), 'hours.workday.1')}
        <FormField label="周末和法定节假日">
          <ChoiceToggles options={[{ value: 'closed' as const, label: '休息' }, { value: 'open' as const, label: '开放' }]} chosen={f.restDay ? 'open' : 'closed'} onChange={(v) => update({ restDay: v === 'open' }, ['hours'])} />
        </FormField>
        {f.restDay ? time('周末和节假日', f.rest, (rest) => update({ rest }, ['hours']), 'hours.restDay.0') : null}
        <Text className="page__lead">调休上班的周末按工作日开放，法定节假日按节假日，系统按国务院的放假安排自动判断。</Text>
      </View>
      <View className="card">
        <Text className="card__title">能办的事</Text>
        <FormField label="服务" required hint="可多选" error={errors.services}>
          <Toggles options={SERVICES.map((s) => ({ value: s.key, label: s.name }))} chosen={f.services} onChange={(services) => update({ services })} />
        </FormField>
        {f.services.map((key, i) => (
          <FormField key={key} label={`${SERVICES.find((s) => s.key === key)?.name ?? key}的窗口数`} hint="每半小时每个窗口约1人" error={errors[`services.${i}.desks`]}>
            <Input className="text-input" type="number" value={f.desks[key] ?? '1'} maxlength={2} onInput={(e) => update({ desks: { ...f.desks, [key]: e.detail.value } }, ['services'])} />
          </FormField>
        ))}
      </View>
      {submitError ? <Notice message={submitError} /> : null}
      <View className="page__actions">
        <Button className="btn btn--primary" disabled={busy} onClick={() => void save()}>
          {busy ? '正在保存…' : existing ? '保存修改' : '设立网点'}
        </Button>
        <Button className="btn btn--secondary" onClick={goBack}>
          返回
        </Button>
      </View>
    </Page>
  );
}
