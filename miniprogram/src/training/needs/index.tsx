// 培训需求调查: what the person would like to learn, what kind of training, and when they can
// come. One answer each (sending again replaces it); staff see the figures for their area.
import { useState } from 'react';
import { Button, Input, Text, View } from '@tarojs/components';
import { COURSE_TYPES, NEED_TIMES, courseTypeLabels, needTimeLabels, submitTrainingNeed, trainingNeedBodySchema, type CourseType, type NeedTime } from '@doorstep/shared';
import { FormField } from '../../components/FormField';
import { ChoiceToggles } from '../../components/Toggles';
import { Notice } from '../../components/Notice';
import { check } from '../../hooks/fieldErrors';
import { useFormSubmit } from '../../hooks/useFormSubmit';
import { useSignedIn } from '../../hooks/useSignedIn';
import { goBack } from '../../services/nav';
import { request } from '../../services/request';
import { Page } from '../../components/Page';
import '../../styles/page.scss';
import '../components/training.scss';

export default function TrainingNeedsPage() {
  const { session, error: signInError, retry } = useSignedIn();
  const [occupations, setOccupations] = useState(['', '', '']);
  const [type, setType] = useState<CourseType>('employment_skills');
  const [time, setTime] = useState<NeedTime>();
  const [sent, setSent] = useState(false);
  const submission = useFormSubmit();
  const { errors, busy, submitError } = submission;

  async function submit() {
    const body = { occupations: occupations.map((o) => o.trim()).filter(Boolean), type, time };
    const checked = check(trainingNeedBodySchema, body);
    if (!checked.body) return submission.refuse({ ...checked.errors, ...(time ? {} : { time: '请选择方便上课的时间' }) });
    await submission.send(async () => {
      await request(submitTrainingNeed, { body: checked.body! });
      setSent(true);
    });
  }

  if (signInError) return <Page><Notice message={signInError} actionText="重新登录" onAction={retry} /></Page>;
  if (!session) return <Page><Text className="page__loading">正在登录…</Text></Page>;
  if (sent) {
    return (
      <Page>
        <Text className="page__title">谢谢您</Text>
        <Notice kind="info" message="您的培训需求已经交给社区。想学的人多了，就会在附近开班，开班时在“附近的培训”里能看到。" />
        <Button className="btn btn--secondary" onClick={goBack}>
          返回
        </Button>
      </Page>
    );
  }
  return (
    <Page>
      <Text className="page__title">培训需求调查</Text>
      <Text className="page__lead">告诉我们您想学什么、什么时间方便，社区会按大家的需要在附近组织培训。</Text>
      <View className="card">
        <FormField label="想学的工种" required hint="最多填 3 个，例如：育婴员、电工、中式面点" error={errors.occupations ?? errors['occupations.0']}>
          <View className="stack">
            {occupations.map((o, i) => (
              <Input
                key={i}
                className="text-input"
                value={o}
                maxlength={20}
                placeholder={i === 0 ? '第一想学的' : '可不填'}
                onInput={(e) => {
                  setOccupations((all) => all.map((x, j) => (j === i ? e.detail.value : x)));
                  submission.clear(['occupations']);
                }}
              />
            ))}
          </View>
        </FormField>
        <FormField label="培训类型" required>
          <ChoiceToggles options={COURSE_TYPES.map((t) => ({ value: t, label: courseTypeLabels[t] }))} chosen={type} onChange={setType} />
        </FormField>
        <FormField label="方便上课的时间" required error={errors.time}>
          <ChoiceToggles
            options={NEED_TIMES.map((t) => ({ value: t, label: needTimeLabels[t] }))}
            chosen={time}
            onChange={(t) => {
              setTime(t);
              submission.clear(['time']);
            }}
          />
        </FormField>
      </View>
      {submitError ? <Notice message={submitError} /> : null}
      <View className="page__actions">
        <Button className="btn btn--primary" disabled={busy} onClick={submit}>
          {busy ? '正在提交…' : '提交'}
        </Button>
        <Button className="btn btn--secondary" onClick={goBack}>
          返回
        </Button>
      </View>
    </Page>
  );
}
