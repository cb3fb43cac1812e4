// 发布政策 (district and city staff): the policy in plain words — what it gives, who it is for, how
// to apply — and who qualifies as a rule the system can check (groups, age, gender, education;
// the area is the officer's own). Published at once; reaching every registered person of the area
// runs in the background, its progress on 政策发布. Errors sit under their fields.
import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Input, Text, Textarea, View } from '@tarojs/components';
import {
  catalogueOn,
  EDUCATION_LEVELS,
  educationLabels,
  POLICY_GROUPS,
  policyBodySchema,
  publishPolicy,
  recognisedCategoryLabels,
  todayInChina,
  type Education,
  type RecognisedCategory,
  type ServiceKey,
} from '@doorstep/shared';
import { DateField } from '../../components/DateField';
import { FormField } from '../../components/FormField';
import { Notice } from '../../components/Notice';
import { Page } from '../../components/Page';
import { ChoiceToggles, Toggles } from '../../components/Toggles';
import { check } from '../../hooks/fieldErrors';
import { useFormSubmit } from '../../hooks/useFormSubmit';
import { useSignedIn } from '../../hooks/useSignedIn';
import { goBack } from '../../services/nav';
import { request } from '../../services/request';
import '../../styles/page.scss';

const SERVICES = catalogueOn(todayInChina()).services;

export default function PolicyFormPage() {
  const { session } = useSignedIn();
  const [f, setF] = useState({ title: '', issuer: '', docNumber: '', validFrom: todayInChina(), validUntil: '', summary: '', benefits: '', howToApply: '', minAge: '', maxAge: '' });
  const [service, setService] = useState<ServiceKey>();
  const [groups, setGroups] = useState<string[]>([]);
  const [gender, setGender] = useState<'male' | 'female' | 'any'>('any');
  const [minEducation, setMinEducation] = useState<Education | 'any'>('any');
  const submission = useFormSubmit();
  const { errors, busy, submitError } = submission;
  const set = (k: keyof typeof f) => (v: string) => {
    setF((old) => ({ ...old, [k]: v }));
    submission.clear([k, 'rule']);
  };

  async function publish() {
    const body = {
      title: f.title.trim(),
      issuer: f.issuer.trim(),
      docNumber: f.docNumber.trim(),
      validFrom: f.validFrom,
      validUntil: f.validUntil,
      summary: f.summary.trim(),
      benefits: f.benefits.trim(),
      howToApply: f.howToApply.trim(),
      ...(service ? { service } : {}),
      areaCode: session?.user.areaCode ?? '',
      rule: {
        groups: groups as RecognisedCategory[],
        ...(f.minAge.trim() ? { minAge: Number(f.minAge) } : {}),
        ...(f.maxAge.trim() ? { maxAge: Number(f.maxAge) } : {}),
        ...(gender !== 'any' ? { gender } : {}),
        ...(minEducation !== 'any' ? { minEducation } : {}),
      },
    };
    const checked = check(policyBodySchema, body);
    if (!checked.body) return submission.refuse(checked.errors);
    const { confirm } = await Taro.showModal({ title: '发布这条政策？', content: '发布后马上对群众可见，并自动通知符合条件的已登记人员。规则发布后不能改，只能撤回重发。', confirmText: '发布', cancelText: '再看看' });
    if (!confirm) return;
    await submission.send(async () => {
      await request(publishPolicy, { body: checked.body! });
      void Taro.showToast({ title: '已发布', icon: 'success' });
      await Taro.redirectTo({ url: '/staff/policies/index' });
    });
  }

  const text = (k: keyof typeof f, label: string, hint: string, multiline = false) => (
    <FormField label={label} required hint={hint} error={errors[k]}>
      {multiline ? (
        <Textarea className="text-input text-input--multiline" value={f[k]} maxlength={500} autoHeight onInput={(e) => set(k)(e.detail.value)} />
      ) : (
        <Input className="text-input" value={f[k]} maxlength={60} onInput={(e) => set(k)(e.detail.value)} />
      )}
    </FormField>
  );

  return (
    <Page>
      <Text className="page__title">发布政策</Text>
      <Text className="page__lead">用大白话写，让群众一看就懂能得到什么、怎么申请。</Text>
      <View className="card">
        {text('title', '政策名称', '例如：灵活就业人员社保补贴')}
        {text('issuer', '发文单位', '例如：福州市鼓楼区人力资源和社会保障局')}
        {text('docNumber', '文号', '例如：鼓人社〔2026〕8号')}
        <FormField label="开始日期" required error={errors.validFrom}>
          <DateField value={f.validFrom} start="2020-01-01" placeholder="请选择" onChange={set('validFrom')} />
        </FormField>
        <FormField label="截止日期" required hint="过了这天自动不再显示" error={errors.validUntil}>
          <DateField value={f.validUntil} start={todayInChina()} end="2040-12-31" placeholder="请选择" onChange={set('validUntil')} />
        </FormField>
        {text('summary', '讲的是什么', '10到500字', true)}
        {text('benefits', '能得到什么', '例如：每月社保补贴 500 元，最长 3 年')}
        {text('howToApply', '怎么申请', '例如：带身份证到街道劳动保障事务所申请', true)}
        <FormField label="在小程序里对应的业务" hint="可不选">
          <ChoiceToggles options={SERVICES.map((s) => ({ value: s.key, label: s.name }))} chosen={service} onChange={setService} />
        </FormField>
      </View>
      <View className="card">
        <Text className="card__title">谁符合条件</Text>
        <FormField label="人员类别" hint="符合其中一类即可；都不选表示本地所有已登记的人" error={errors['rule.groups']}>
          <Toggles options={POLICY_GROUPS.map((g) => ({ value: g, label: recognisedCategoryLabels[g] }))} chosen={groups} onChange={(g) => { setGroups(g); submission.clear(['rule']); }} />
        </FormField>
        <FormField label="最小年龄" hint="可不填" error={errors['rule.minAge']}>
          <Input className="text-input" type="number" value={f.minAge} maxlength={2} onInput={(e) => set('minAge')(e.detail.value)} />
        </FormField>
        <FormField label="最大年龄" hint="可不填" error={errors['rule.maxAge']}>
          <Input className="text-input" type="number" value={f.maxAge} maxlength={2} onInput={(e) => set('maxAge')(e.detail.value)} />
        </FormField>
        <FormField label="性别">
          <ChoiceToggles options={[{ value: 'any' as const, label: '不限' }, { value: 'female' as const, label: '女' }, { value: 'male' as const, label: '男' }]} chosen={gender} onChange={setGender} />
        </FormField>
        <FormField label="最低学历">
          <ChoiceToggles options={[{ value: 'any' as const, label: '不限' }, ...EDUCATION_LEVELS.map((e) => ({ value: e, label: educationLabels[e] }))]} chosen={minEducation} onChange={setMinEducation} />
        </FormField>
      </View>
      {submitError ? <Notice message={submitError} /> : null}
      <View className="page__actions">
        <Button className="btn btn--primary" disabled={busy} onClick={() => void publish()}>
          {busy ? '正在发布…' : '发布'}
        </Button>
        <Button className="btn btn--secondary" onClick={goBack}>
          返回
        </Button>
      </View>
    </Page>
  );
}
