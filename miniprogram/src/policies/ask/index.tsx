// 你问我答: ask about a policy or about getting something done; the office responsible answers in
// the app within 3 working days (10 for a complex one). A retry after a lost answer asks once.
import { useRef, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Button, Text, Textarea, View } from '@tarojs/components';
import { ASKER_TYPES, askerTypeLabels, askQuestion, QUESTION_TOPICS, questionTopicLabels, type AskerType, type QuestionTopic, type z, type questionSchema } from '@doorstep/shared';
import { FormField } from '../../components/FormField';
import { Notice } from '../../components/Notice';
import { Page } from '../../components/Page';
import { ChoiceToggles } from '../../components/Toggles';
import { check } from '../../hooks/fieldErrors';
import { useFormSubmit } from '../../hooks/useFormSubmit';
import { goBack } from '../../services/nav';
import { newIdempotencyKey, request } from '../../services/request';
import { askToBeTold } from '../../services/subscribe';
import '../../styles/page.scss';
import '../components/policies.scss';

export default function AskPage() {
  const { params } = useRouter();
  const policyId = params.policyId;
  const title = decodeURIComponent(params.title ?? '');
  const [topic, setTopic] = useState<QuestionTopic>();
  const [askerType, setAskerType] = useState<AskerType>();
  const [text, setText] = useState('');
  const [asked, setAsked] = useState<z.infer<typeof questionSchema>>();
  const key = useRef(newIdempotencyKey());
  const submission = useFormSubmit();
  const { errors, busy, submitError } = submission;

  if (asked) {
    return (
      <Page>
        <Text className="page__title">问题已收到</Text>
        <Notice kind="info" message={`${asked.due}前会在“你问我答”里答复您，答复后也会提醒您。`} />
        <View className="page__actions">
          <Button className="btn btn--primary" onClick={() => Taro.redirectTo({ url: '/policies/questions/index' })}>
            看我的提问
          </Button>
          <Button className="btn btn--secondary" onClick={goBack}>
            返回
          </Button>
        </View>
      </Page>
    );
  }

  async function submit() {
    const body = { text: text.trim(), topic, askerType, ...(policyId ? { policyId } : {}) };
    const checked = check(askQuestion.body!, body);
    if (!checked.body) return submission.refuse(checked.errors);
    await askToBeTold(['application_update']);
    await submission.send(async () => setAsked((await request(askQuestion, { body: checked.body!, idempotencyKey: key.current })).question));
  }

  return (
    <Page>
      <Text className="page__title">问一问</Text>
      <Text className="page__lead">{title ? `关于「${title}」，` : ''}把想问的写下来，3个工作日内答复您。</Text>
      <View className="card">
        <FormField label="问的是" required error={errors.topic}>
          <ChoiceToggles options={QUESTION_TOPICS.map((t) => ({ value: t, label: questionTopicLabels[t] }))} chosen={topic} onChange={(t) => { setTopic(t); submission.clear(['topic']); }} />
        </FormField>
        <FormField label="您的情况" required error={errors.askerType}>
          <ChoiceToggles options={ASKER_TYPES.map((t) => ({ value: t, label: askerTypeLabels[t] }))} chosen={askerType} onChange={(t) => { setAskerType(t); submission.clear(['askerType']); }} />
        </FormField>
        <FormField label="您的问题" required hint={`5到500字，已写${text.trim().length}字`} error={errors.text}>
          <Textarea className="text-input text-input--multiline" value={text} maxlength={500} autoHeight placeholder="例如：我在外区打零工，社保补贴还能申请吗？" onInput={(e) => { setText(e.detail.value); submission.clear(['text']); }} />
        </FormField>
      </View>
      {submitError ? <Notice message={submitError} /> : null}
      <View className="page__actions">
        <Button className="btn btn--primary" disabled={busy} onClick={() => void submit()}>
          {busy ? '正在提交…' : '提交问题'}
        </Button>
        <Button className="btn btn--secondary" onClick={goBack}>
          返回
        </Button>
      </View>
    </Page>
  );
}
