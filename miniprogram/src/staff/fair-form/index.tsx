// 举办招聘会 (street, district and city staff): what kind (综合 or a 专场 for one group), on site
// (venue and its position) or online (a live-stream link), the days and hours, how many booths.
// In the officer's own area; publishing is a separate step, due within 3 working days.
import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Input, Text, Textarea, View } from '@tarojs/components';
import { createFair, FAIR_KINDS, FAIR_MODES, fairBodySchema, fairKindLabels, fairModeLabels, todayInChina, type FairKind, type FairMode } from '@doorstep/shared';
import { DateField } from '../../components/DateField';
import { FormField } from '../../components/FormField';
import { LocationField } from '../../components/LocationField';
import { Notice } from '../../components/Notice';
import { Page } from '../../components/Page';
import { ChoiceToggles } from '../../components/Toggles';
import { check } from '../../hooks/fieldErrors';
import { useFormSubmit } from '../../hooks/useFormSubmit';
import { useSignedIn } from '../../hooks/useSignedIn';
import { goBack } from '../../services/nav';
import { request } from '../../services/request';
import '../../styles/page.scss';

export default function FairFormPage() {
  const { session } = useSignedIn();
  const [f, setF] = useState({ title: '', startDate: todayInChina(), endDate: todayInChina(), from: '09:00', to: '12:00', venueName: '', venueAddress: '', lat: '', lng: '', liveUrl: '', liveRoomId: '', intro: '', booths: '20' });
  const [kind, setKind] = useState<FairKind>('general');
  const [mode, setMode] = useState<FairMode>('onsite');
  const submission = useFormSubmit();
  const { errors, busy, submitError } = submission;
  const set = (k: keyof typeof f, path = k as string) => (v: string) => {
    setF((old) => ({ ...old, [k]: v }));
    submission.clear([path]);
  };

  async function save() {
    const body = {
      title: f.title.trim(),
      kind,
      mode,
      areaCode: session?.user.areaCode ?? '',
      startDate: f.startDate,
      endDate: f.endDate,
      hours: { from: f.from.trim(), to: f.to.trim() },
      ...(mode === 'onsite' ? { venue: { name: f.venueName.trim(), address: f.venueAddress.trim(), lat: Number(f.lat), lng: Number(f.lng) } } : {}),
      ...(mode === 'online' && f.liveUrl.trim() ? { liveUrl: f.liveUrl.trim() } : {}),
      ...(mode === 'online' && f.liveRoomId.trim() ? { liveRoomId: f.liveRoomId.trim() } : {}),
      intro: f.intro.trim(),
      booths: Number(f.booths),
    };
    const checked = check(fairBodySchema, body);
    const missing: Record<string, string> = mode === 'onsite' && !(f.lat && f.lng) ? { 'venue.lat': '请定位或填写场地的位置' } : {};
    if (!checked.body || Object.keys(missing).length) return submission.refuse({ ...checked.errors, ...missing });
    await submission.send(async () => {
      await request(createFair, { body: checked.body! });
      void Taro.showToast({ title: '已创建', icon: 'success' });
      await Taro.redirectTo({ url: '/staff/fairs/index' });
    });
  }

  return (
    <Page>
      <Text className="page__title">举办招聘会</Text>
      <View className="card">
        <FormField label="名称" required error={errors.title}>
          <Input className="text-input" value={f.title} maxlength={40} placeholder="例如：鼓东街道春风行动招聘会" onInput={(e) => set('title')(e.detail.value)} />
        </FormField>
        <FormField label="类型" required>
          <ChoiceToggles options={FAIR_KINDS.map((k) => ({ value: k, label: fairKindLabels[k] }))} chosen={kind} onChange={setKind} />
        </FormField>
        <FormField label="形式" required>
          <ChoiceToggles options={FAIR_MODES.map((m) => ({ value: m, label: fairModeLabels[m] }))} chosen={mode} onChange={(m) => { setMode(m); submission.clear(['venue', 'liveUrl', 'liveRoomId']); }} />
        </FormField>
        <FormField label="开始日期" required error={errors.startDate}>
          <DateField value={f.startDate} start={todayInChina()} end="2040-12-31" placeholder="请选择" onChange={set('startDate')} />
        </FormField>
        <FormField label="结束日期" required error={errors.endDate}>
          <DateField value={f.endDate} start={todayInChina()} end="2040-12-31" placeholder="请选择" onChange={set('endDate')} />
        </FormField>
        <FormField label="每天几点到几点" required hint="24小时制，如 09:00 到 12:00" error={errors['hours.from'] ?? errors['hours.to']}>
          <View className="toggle-row">
            <Input className="text-input" value={f.from} maxlength={5} onInput={(e) => set('from', 'hours')(e.detail.value)} />
            <Text>到</Text>
            <Input className="text-input" value={f.to} maxlength={5} onInput={(e) => set('to', 'hours')(e.detail.value)} />
          </View>
        </FormField>
        {mode === 'onsite' ? (
          <View>
            <FormField label="场地名称" required error={errors['venue.name'] ?? errors.venue}>
              <Input className="text-input" value={f.venueName} maxlength={40} placeholder="例如：鼓东街道文化广场" onInput={(e) => set('venueName', 'venue')(e.detail.value)} />
            </FormField>
            <FormField label="场地地址" required error={errors['venue.address']}>
              <Input className="text-input" value={f.venueAddress} maxlength={100} onInput={(e) => set('venueAddress', 'venue')(e.detail.value)} />
            </FormField>
            <FormField label="场地位置" required error={errors['venue.lat']}>
              <LocationField lat={f.lat} lng={f.lng} onChange={(lat, lng) => { setF((old) => ({ ...old, lat, lng })); submission.clear(['venue']); }} />
            </FormField>
            <FormField label="展位数" required error={errors.booths}>
              <Input className="text-input" type="number" value={f.booths} maxlength={4} onInput={(e) => set('booths')(e.detail.value)} />
            </FormField>
          </View>
        ) : (
          <View>
            <FormField label="视频号直播" hint="可不填；视频号 ID 以 sph 开头，在视频号助手里能查到。小程序里一点就进直播间" error={errors.liveRoomId}>
              <Input className="text-input" value={f.liveRoomId} maxlength={60} placeholder="sph…" onInput={(e) => set('liveRoomId')(e.detail.value)} />
            </FormField>
            <FormField label="直播链接" hint="可不填；https:// 开头的网址，其他平台的直播间" error={errors.liveUrl}>
              <Input className="text-input" value={f.liveUrl} maxlength={300} onInput={(e) => set('liveUrl')(e.detail.value)} />
            </FormField>
            <FormField label="参会单位数" required hint="网上展位" error={errors.booths}>
              <Input className="text-input" type="number" value={f.booths} maxlength={4} onInput={(e) => set('booths')(e.detail.value)} />
            </FormField>
          </View>
        )}
        <FormField label="介绍" required hint="哪些单位、什么岗位、适合谁" error={errors.intro}>
          <Textarea className="text-input text-input--multiline" value={f.intro} maxlength={500} autoHeight onInput={(e) => set('intro')(e.detail.value)} />
        </FormField>
      </View>
      {submitError ? <Notice message={submitError} /> : null}
      <View className="page__actions">
        <Button className="btn btn--primary" disabled={busy} onClick={() => void save()}>
          {busy ? '正在创建…' : '创建招聘会'}
        </Button>
        <Button className="btn btn--secondary" onClick={goBack}>
          返回
        </Button>
      </View>
    </Page>
  );
}
