// 就业困难人员认定: first the separate consent for hardship evidence (disability, low income… are
// sensitive under PIPL), then the category the rules table lists and the evidence it names; the
// street reviews first, the district confirms.
import { useEffect, useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Text, Textarea, View } from '@tarojs/components';
import { createHardshipApplication, hardshipBodySchema, rulesOn, todayInChina, type HardshipCategory } from '@doorstep/shared';
import { ChoicePicker } from '../../components/ChoicePicker';
import { FormField } from '../../components/FormField';
import { Notice } from '../../components/Notice';
import { PhotoField } from '../../components/PhotoField';
import { SeparateConsent } from '../../components/SeparateConsent';
import { useFormSubmit } from '../../hooks/useFormSubmit';
import { useSignedIn } from '../../hooks/useSignedIn';
import { check, type FieldErrors } from '../../hooks/fieldErrors';
import { goBack } from '../../services/nav';
import { currentConsents } from '../../services/privacy';
import { request } from '../../services/request';
import { Page } from '../../components/Page';
import { ServiceChecklist } from '../../components/ServiceChecklist';
import '../../styles/page.scss';

export default function HardshipPage() {
  const { session, error: signInError, retry } = useSignedIn();
  const rules = rulesOn(todayInChina());
  const [category, setCategory] = useState<HardshipCategory | ''>('');
  const [evidence, setEvidence] = useState<string[]>([]);
  const [note, setNote] = useState('');
  const submission = useFormSubmit();
  const { errors, busy, submitError } = submission;
  const rule = rules.hardshipCategories.find((c) => c.code === category);
  // The separate consent for the evidence: `undefined` until known; a failed look stays on loading's retry.
  const [consent, setConsent] = useState<boolean>();
  const [consentError, setConsentError] = useState<string>();
  const loadConsent = () => {
    setConsentError(undefined);
    currentConsents().then((held) => setConsent(held.has('hardship_evidence')), (err: Error) => setConsentError(err.message));
  };
  useEffect(() => {
    if (session) loadConsent();
  }, [session?.token]);

  async function submit() {
    const checked = check(hardshipBodySchema, { category, evidenceKeys: evidence.filter(Boolean), note });
    const missing: FieldErrors = rule && rule.evidence.some((_e, i) => !evidence[i]) ? { evidenceKeys: `请上传：${rule.evidence.map((e) => e.label).join('、')}` } : {};
    if (!checked.body || Object.keys(missing).length) return submission.refuse({ ...checked.errors, ...missing });
    await submission.send(async () => {
      await request(createHardshipApplication, { body: checked.body });
      Taro.showToast({ title: '已提交', icon: 'success' });
      await Taro.redirectTo({ url: '/apply/index/index' });
    });
  }

  if (signInError) return <Page><Notice message={signInError} actionText="重新登录" onAction={retry} /></Page>;
  if (!session) return <Page><Text className="page__loading">正在登录…</Text></Page>;
  if (consentError) return <Page><Notice message={consentError} actionText="重试" onAction={loadConsent} /></Page>;
  if (consent === undefined) return <Page><Text className="page__loading">正在加载…</Text></Page>;
  if (!consent) return <SeparateConsent purpose="hardship_evidence" refusedText="您没有同意，暂时不能申请就业困难人员认定。其他服务照常可以使用。" onAgreed={() => setConsent(true)} />;

  return (
    <Page>
      <Text className="page__title">就业困难人员认定</Text>
      <Text className="page__lead">登记失业人员可以申请。认定后有专人一对一帮扶，优先推荐岗位。街道初审后由区里确认。</Text>
      <ServiceChecklist service="hardship_recognition" />
      <View className="card">
        <FormField label="困难类别" required hint={rule?.description} error={errors.category}>
          <ChoicePicker
            options={rules.hardshipCategories.map((c) => ({ value: c.code, label: c.label }))}
            value={category}
            placeholder="请选择"
            onChange={(v) => {
              setCategory(v);
              setEvidence([]);
              submission.clear(['category', 'evidenceKeys']);
            }}
          />
        </FormField>
        {rule?.evidence.map((e, i) => (
          <FormField key={`${rule.code}-${e.code}`} label={e.label} required error={i === 0 ? errors.evidenceKeys : undefined}>
            <PhotoField
              purpose="evidence"
              value={evidence[i] ?? ''}
              buttonText={`拍照上传${e.label}`}
              onChange={(key) => {
                setEvidence((list) => Object.assign([...list], { [i]: key }));
                submission.clear(['evidenceKeys']);
              }}
            />
          </FormField>
        ))}
        {rule && rule.evidence.length === 0 ? <Text className="page__lead">这个类别由系统根据您的登记信息核对，不需要上传材料。</Text> : null}
        <FormField label="补充说明（可选）" error={errors.note}>
          <Textarea className="text-input text-input--multiline" value={note} maxlength={200} placeholder="想让审核人员了解的情况" onInput={(e) => setNote(e.detail.value)} />
        </FormField>
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
