// 政策计算器: "what could I get?" — from the person's own registration in one tap, or from a few
// answers (where they live, age, gender, education, which group they are in) for someone not
// registered or asking for a family member. Each policy they could get says why; the others say
// what is missing.
import { useState } from 'react';
import { Button, Input, Text, View } from '@tarojs/components';
import { calculatePolicies, EDUCATION_LEVELS, educationLabels, POLICY_GROUPS, recognisedCategoryLabels, type Education, type RecognisedCategory, type z } from '@doorstep/shared';
import { AreaPicker } from '../../components/AreaPicker';
import { FormField } from '../../components/FormField';
import { Notice } from '../../components/Notice';
import { Page } from '../../components/Page';
import { ChoiceToggles, Toggles } from '../../components/Toggles';
import { fieldErrors, type FieldErrors } from '../../hooks/fieldErrors';
import { ApiError, request } from '../../services/request';
import { PolicyCard } from '../components/PolicyCard';
import '../../styles/page.scss';
import '../components/policies.scss';

type Result = z.infer<typeof calculatePolicies.response>;

export default function CalculatorPage() {
  const [areaCode, setAreaCode] = useState('');
  const [age, setAge] = useState('');
  const [gender, setGender] = useState<'male' | 'female'>();
  const [education, setEducation] = useState<Education>();
  const [groups, setGroups] = useState<string[]>([]);
  const [result, setResult] = useState<Result>();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  async function run(useMyRecord: boolean) {
    setBusy(true);
    setError(undefined);
    setErrors({});
    try {
      const body = useMyRecord
        ? { useMyRecord }
        : {
            useMyRecord,
            ...(areaCode ? { areaCode } : {}),
            ...(age.trim() ? { age: Number(age.trim()) } : {}),
            ...(gender ? { gender } : {}),
            ...(education ? { education } : {}),
            groups: groups as RecognisedCategory[],
          };
      setResult(await request(calculatePolicies, { body }));
    } catch (err) {
      if (err instanceof ApiError && err.details.length) setErrors(fieldErrors(err.details));
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Page>
      <Text className="page__title">算一算我能享受什么</Text>
      <Text className="page__lead">做过求职登记的，一点就算；也可以回答几个问题来算（比如替家里人算）。</Text>
      <Button className="btn btn--primary" disabled={busy} onClick={() => void run(true)}>
        按我的登记信息算
      </Button>
      <View className="card section-title">
        <Text className="card__title">或者回答几个问题</Text>
        <FormField label="住在哪个社区" required error={errors.areaCode}>
          <AreaPicker value={areaCode} onChange={setAreaCode} />
        </FormField>
        <FormField label="年龄" hint="周岁，例如 45" error={errors.age}>
          <Input className="text-input" type="number" value={age} maxlength={3} placeholder="不填按35岁算" onInput={(e) => setAge(e.detail.value)} />
        </FormField>
        <FormField label="性别">
          <ChoiceToggles options={[{ value: 'female' as const, label: '女' }, { value: 'male' as const, label: '男' }]} chosen={gender} onChange={setGender} />
        </FormField>
        <FormField label="学历">
          <ChoiceToggles options={EDUCATION_LEVELS.map((e) => ({ value: e, label: educationLabels[e] }))} chosen={education} onChange={setEducation} />
        </FormField>
        <FormField label="属于哪类人" hint="可多选，都不是就不选">
          <Toggles options={POLICY_GROUPS.map((g) => ({ value: g, label: recognisedCategoryLabels[g] }))} chosen={groups} onChange={setGroups} />
        </FormField>
        <Button className="btn btn--secondary" disabled={busy} onClick={() => void run(false)}>
          按回答算
        </Button>
      </View>
      {error ? <Notice message={error} /> : null}
      {result ? (
        <View>
          <Text className="card__title section-title">{result.eligible.length ? `可以享受 ${result.eligible.length} 条政策` : '暂时没有可以享受的政策'}</Text>
          {result.eligible.map((e) => (
            <PolicyCard key={e.policy.id} policy={e.policy} reasons={e.reasons} />
          ))}
          {result.notEligible.length ? <Text className="card__title section-title">暂不符合的</Text> : null}
          {result.notEligible.map((n) => (
            <View key={n.policy.id} className="card policy-card">
              <Text className="policy-card__title">{n.policy.title}</Text>
              <Text className="policy-card__meta">还差：{n.unmet}</Text>
            </View>
          ))}
        </View>
      ) : null}
    </Page>
  );
}
