// 就业登记: where and since when the person works. Recorded at once; it ends the
// registered-unemployed status.
import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Input, Text, View } from '@tarojs/components';
import { EMPLOYMENT_KINDS, createEmploymentRegistration, employmentBodySchema, employmentKindLabels, todayInChina } from '@doorstep/shared';
import { AreaPicker } from '../../components/AreaPicker';
import { ChoicePicker } from '../../components/ChoicePicker';
import { DateField } from '../../components/DateField';
import { FormField } from '../../components/FormField';
import { Notice } from '../../components/Notice';
import { useFormSubmit } from '../../hooks/useFormSubmit';
import { useSignedIn } from '../../hooks/useSignedIn';
import { check, numberOrText, yuanToFenOrText } from '../../hooks/fieldErrors';
import { goBack } from '../../services/nav';
import { request } from '../../services/request';
import { Page } from '../../components/Page';
import { ServiceChecklist } from '../../components/ServiceChecklist';
import '../../styles/page.scss';

const empty = { employmentKind: '', employerName: '', workAreaCode: '', workAddress: '', post: '', startedOn: '', weeklyHours: '', monthlyIncomeYuan: '' };

export default function EmploymentPage() {
  const { session, error: signInError, retry } = useSignedIn();
  const [form, setForm] = useState(empty);
  const submission = useFormSubmit();
  const { errors, busy, submitError } = submission;
  const update = (patch: Partial<typeof empty>) => {
    setForm((f) => ({ ...f, ...patch }));
    submission.clear(Object.keys(patch).map((k) => (k === 'monthlyIncomeYuan' ? 'monthlyIncomeFen' : k)));
  };

  async function submit() {
    const { monthlyIncomeYuan, weeklyHours, ...rest } = form;
    const checked = check(employmentBodySchema, { ...rest, weeklyHours: numberOrText(weeklyHours), monthlyIncomeFen: yuanToFenOrText(monthlyIncomeYuan) });
    if (!checked.body) return submission.refuse({ ...checked.errors, ...(checked.errors.monthlyIncomeFen ? { monthlyIncomeFen: '请输入月收入，如 4200' } : {}) });
    await submission.send(async () => {
      await request(createEmploymentRegistration, { body: checked.body });
      Taro.showToast({ title: '已登记', icon: 'success' });
      await Taro.redirectTo({ url: '/apply/index/index' });
    });
  }

  if (signInError) return <Page><Notice message={signInError} actionText="重新登录" onAction={retry} /></Page>;
  if (!session) return <Page><Text className="page__loading">正在登录…</Text></Page>;

  return (
    <Page>
      <Text className="page__title">就业登记</Text>
      <Text className="page__lead">找到工作后请及时登记。登记后，您的登记失业状态结束。</Text>
      <ServiceChecklist service="employment_registration" />
      <View className="card">
        <FormField label="就业方式" required error={errors.employmentKind}>
          <ChoicePicker
            options={EMPLOYMENT_KINDS.map((k) => ({ value: k, label: employmentKindLabels[k] }))}
            value={form.employmentKind as never}
            placeholder="请选择"
            onChange={(v) => update({ employmentKind: v })}
          />
        </FormField>
        <FormField label="单位或经营名称" required error={errors.employerName}>
          <Input className="text-input" value={form.employerName} maxlength={100} placeholder="如：某某超市" onInput={(e) => update({ employerName: e.detail.value })} />
        </FormField>
        <FormField label="岗位" required error={errors.post}>
          <Input className="text-input" value={form.post} maxlength={30} placeholder="如：收银员" onInput={(e) => update({ post: e.detail.value })} />
        </FormField>
        <FormField label="开始工作日期" required error={errors.startedOn}>
          <DateField value={form.startedOn} end={todayInChina()} placeholder="请选择日期" onChange={(v) => update({ startedOn: v })} />
        </FormField>
        <FormField label="每周工作小时" required error={errors.weeklyHours}>
          <Input className="text-input" type="number" value={form.weeklyHours} maxlength={2} placeholder="如 40" onInput={(e) => update({ weeklyHours: e.detail.value })} />
        </FormField>
        <FormField label="月收入（元）" required error={errors.monthlyIncomeFen}>
          <Input className="text-input" type="digit" value={form.monthlyIncomeYuan} maxlength={9} placeholder="如 4200" onInput={(e) => update({ monthlyIncomeYuan: e.detail.value })} />
        </FormField>
      </View>
      <View className="card">
        <Text className="card__title">工作地点</Text>
        <FormField label="所在社区（村）" required error={errors.workAreaCode}>
          <AreaPicker value={form.workAreaCode} onChange={(code) => update({ workAreaCode: code })} />
        </FormField>
        <FormField label="详细地址" required error={errors.workAddress}>
          <Input className="text-input" value={form.workAddress} maxlength={100} placeholder="路名、门牌号" onInput={(e) => update({ workAddress: e.detail.value })} />
        </FormField>
      </View>
      {submitError ? <Notice message={submitError} /> : null}
      <View className="page__actions">
        <Button className="btn btn--primary" onClick={submit} disabled={busy}>
          {busy ? '正在提交…' : '确认登记'}
        </Button>
        <Button className="btn btn--secondary" onClick={goBack}>
          返回
        </Button>
      </View>
    </Page>
  );
}
