// 答复问题 (你问我答): the question, who asks and about what, the day it is due; the answer (starting
// 您好) closes its task; a complex one can be given 10 working days from the day it was asked.
import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Button, Text, Textarea, View } from '@tarojs/components';
import { answerQuestion, askerTypeLabels, getStaffQuestion, markQuestionComplex } from '@doorstep/shared';
import { DetailRow } from '../../components/DetailRow';
import { FormField } from '../../components/FormField';
import { Notice } from '../../components/Notice';
import { Page } from '../../components/Page';
import { useFormSubmit } from '../../hooks/useFormSubmit';
import { usePageData } from '../../hooks/usePageData';
import { request } from '../../services/request';
import '../../styles/page.scss';

export default function AnswerQuestionPage() {
  const { params } = useRouter();
  const id = params.id ?? '';
  const { data: q, setData, gate } = usePageData(async () => (await request(getStaffQuestion, { params: { id } })).question, [id]);
  const [answer, setAnswer] = useState('您好，');
  const submission = useFormSubmit();
  const { errors, busy, submitError } = submission;
  if (gate || !q) return gate;

  async function send() {
    const { confirm } = await Taro.showModal({ title: '发出答复？', content: '答复后提问人就能看到，任务随之办结。', confirmText: '发出', cancelText: '再改改' });
    if (!confirm) return;
    await submission.send(async () => setData((await request(answerQuestion, { params: { id }, body: { answer: answer.trim() } })).question));
  }

  async function complex() {
    const { confirm } = await Taro.showModal({ title: '标为复杂问题？', content: '答复期限改为提问之日起10个工作日。', confirmText: '标为复杂', cancelText: '不改' });
    if (!confirm) return;
    await submission.send(async () => setData((await request(markQuestionComplex, { params: { id } })).question));
  }

  return (
    <Page>
      <Text className="page__title">答复问题</Text>
      <View className="card">
        <Text className="card__title">{q.text}</Text>
        <DetailRow label="类别" value={q.topicName} />
        <DetailRow label="提问人" value={askerTypeLabels[q.askerType]} />
        {q.policyTitle ? <DetailRow label="关于政策" value={q.policyTitle} /> : null}
        <DetailRow label="答复期限" value={`${q.due}${q.complex ? '（复杂问题）' : ''}`} />
      </View>
      {q.status === 'answered' ? (
        <Notice kind="info" message={`已答复：${q.answer ?? ''}`} />
      ) : (
        <View className="card">
          <FormField label="答复" required hint="以“您好”开头，写清楚能不能办、怎么办" error={errors.answer}>
            <Textarea className="text-input text-input--multiline" value={answer} maxlength={1000} autoHeight onInput={(e) => { setAnswer(e.detail.value); submission.clear(['answer']); }} />
          </FormField>
          {submitError ? <Notice message={submitError} /> : null}
          <View className="page__actions">
            <Button className="btn btn--primary" disabled={busy} onClick={() => void send()}>
              {busy ? '正在发出…' : '发出答复'}
            </Button>
            {q.complex ? null : (
              <Button className="btn btn--secondary" disabled={busy} onClick={() => void complex()}>
                标为复杂问题
              </Button>
            )}
          </View>
        </View>
      )}
    </Page>
  );
}
