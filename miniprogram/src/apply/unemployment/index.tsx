// 失业登记: the person's situation before and the three declarations; the street reviews it.
import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Button, Input, Text, View } from '@tarojs/components';
import {
  LEAVING_REASONS,
  PRIOR_STATUSES,
  createUnemploymentRegistration,
  leavingReasonLabels,
  priorStatusLabels,
  todayInChina,
  unemploymentBodySchema,
} from '@doorstep/shared';
import { ChoicePicker } from '../../components/ChoicePicker';
import { DateField } from '../../components/DateField';
import { FormField } from '../../components/FormField';
import { Notice } from '../../components/Notice';
import { PhotoField } from '../../components/PhotoField';
import { a11yRole } from '../../components/a11y';
import { useFormSubmit } from '../../hooks/useFormSubmit';
import { useSignedIn } from '../../hooks/useSignedIn';
import { check } from '../../hooks/fieldErrors';
import { goBack } from '../../services/nav';
import { request } from '../../services/request';
import { Page } from '../../components/Page';
import { ServiceChecklist } from '../../components/ServiceChecklist';
import '../../styles/page.scss';
import '../form.scss';

const choices = <K extends string>(keys: readonly K[], labels: Record<K, string>) => keys.map((k) => ({ value: k, label: labels[k] }));

const DECLARATIONS = [
  ['ableToWork', '我有劳动能力'],
  ['willingToWork', '我有就业愿望，愿意找工作'],
  ['localResident', '我是本地常住人员'],
] as const;

export default function UnemploymentPage() {
  const { session, error: signInError, retry } = useSignedIn();
  // Community staff filing for a resident (代办): the person's id and name come from the staff page.
  const { params } = useRouter();
  const assistedFor = params.for ? { id: params.for, name: decodeURIComponent(params.name ?? '') } : undefined;
  const [form, setForm] = useState({
    priorStatus: '',
    lastEmployer: '',
    leavingReason: '',
    leftOn: '',
    ableToWork: false,
    willingToWork: false,
    localResident: false,
    evidenceKey: '',
  });
  const submission = useFormSubmit();
  const { errors, busy, submitError } = submission;
  const [assistedDone, setAssistedDone] = useState(false);
  const update = (patch: Partial<typeof form>) => {
    setForm((f) => ({ ...f, ...patch }));
    submission.clear(Object.keys(patch).map((k) => (k === 'evidenceKey' ? 'evidenceKeys' : k)));
  };
  const newEntrant = form.priorStatus === 'new_entrant';

  async function submit() {
    const { evidenceKey, leavingReason, leftOn, ...rest } = form;
    const checked = check(unemploymentBodySchema, {
      ...rest,
      ...(leavingReason && !newEntrant ? { leavingReason } : {}),
      ...(leftOn && !newEntrant ? { leftOn } : {}),
      ...(newEntrant ? { lastEmployer: '' } : {}),
      evidenceKeys: evidenceKey ? [evidenceKey] : [],
      ...(assistedFor ? { onBehalfOf: assistedFor.id } : {}),
    });
    if (!checked.body) return submission.refuse(checked.errors);
    await submission.send(async () => {
      await request(createUnemploymentRegistration, { body: checked.body });
      Taro.showToast({ title: '已提交', icon: 'success' });
      if (assistedFor) setAssistedDone(true);
      else await Taro.redirectTo({ url: '/apply/index/index' });
    });
  }

  if (signInError) return <Page><Notice message={signInError} actionText="重新登录" onAction={retry} /></Page>;
  if (!session) return <Page><Text className="page__loading">正在登录…</Text></Page>;

  if (assistedFor && assistedDone) {
    return (
      <Page>
        <Notice kind="info" message={`已为${assistedFor.name}提交失业登记，等待街道审核。本人在“我的申请”里可以看到进度。`} />
        <View className="page__actions">
          <Button className="btn btn--primary" onClick={goBack}>
            返回代办
          </Button>
        </View>
      </Page>
    );
  }

  return (
    <Page>
      <Text className="page__title">失业登记</Text>
      {assistedFor ? (
        <Notice kind="info" message={`您正在为${assistedFor.name}代办。请当面核实本人情况，提交后记录为社区代办。`} />
      ) : (
        <Text className="page__lead">登记后可享受免费的职业介绍、培训和就业援助。提交后由您所在街道审核。</Text>
      )}
      <ServiceChecklist service="unemployment_registration" />
      <View className="card">
        <FormField label="失业前的情况" required error={errors.priorStatus}>
          <ChoicePicker options={choices(PRIOR_STATUSES, priorStatusLabels)} value={form.priorStatus as never} placeholder="请选择" onChange={(v) => update({ priorStatus: v })} />
        </FormField>
        {newEntrant ? null : (
          <View key="previous-job">
            <FormField label="原工作单位" required={form.priorStatus === 'employed'} error={errors.lastEmployer}>
              <Input className="text-input" value={form.lastEmployer} maxlength={100} placeholder="单位名称" onInput={(e) => update({ lastEmployer: e.detail.value })} />
            </FormField>
            <FormField label="离职原因" required error={errors.leavingReason}>
              <ChoicePicker options={choices(LEAVING_REASONS, leavingReasonLabels)} value={form.leavingReason as never} placeholder="请选择" onChange={(v) => update({ leavingReason: v })} />
            </FormField>
            <FormField label="离职日期" required error={errors.leftOn}>
              <DateField value={form.leftOn} end={todayInChina()} placeholder="请选择日期" onChange={(v) => update({ leftOn: v })} />
            </FormField>
          </View>
        )}
        <FormField label="解除合同证明（可选）" hint="如有，拍照上传可加快审核" error={errors['evidenceKeys.0']}>
          <PhotoField purpose="evidence" value={form.evidenceKey} buttonText="拍照或选择照片" onChange={(key) => update({ evidenceKey: key })} />
        </FormField>
      </View>
      <View className="card">
        <Text className="card__title">请确认</Text>
        {DECLARATIONS.map(([key, text]) => (
          <View key={key} className="declaration">
            <View className="declaration__row" {...a11yRole('checkbox')} aria-checked={form[key]} onClick={() => update({ [key]: !form[key] })}>
              <Text className={`declaration__box${form[key] ? ' declaration__box--on' : ''}`}>{form[key] ? '✓' : ''}</Text>
              <Text className="declaration__text">{text}</Text>
            </View>
            <Text className="declaration__error">{errors[key] ?? ''}</Text>
          </View>
        ))}
      </View>
      {submitError ? <Notice message={submitError} /> : null}
      <View className="page__actions">
        <Button className="btn btn--primary" onClick={submit} disabled={busy}>
          {busy ? '正在提交…' : '提交申请'}
        </Button>
        <Button className="btn btn--secondary" onClick={goBack}>
          返回
        </Button>
      </View>
    </Page>
  );
}
