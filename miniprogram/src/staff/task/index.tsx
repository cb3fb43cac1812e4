// 办理任务: say what was done (for a bad rating: the rectification and the call-back to the
// rater), confirm, and the task is closed — once.
import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Button, Text, Textarea, View } from '@tarojs/components';
import { completeTask, TASK_NOTE_REQUIRED, taskKindLabels, TASK_KINDS, type TaskKind } from '@doorstep/shared';
import { FormField } from '../../components/FormField';
import { Notice } from '../../components/Notice';
import { useFormSubmit } from '../../hooks/useFormSubmit';
import { useSignedIn } from '../../hooks/useSignedIn';
import { goBack } from '../../services/nav';
import { request } from '../../services/request';
import { Page } from '../../components/Page';
import '../../styles/page.scss';

export default function TaskPage() {
  const params = useRouter().params;
  const kind = (TASK_KINDS as readonly string[]).includes(params.kind ?? '') ? (params.kind as TaskKind) : undefined;
  const { session, error: signInError, retry } = useSignedIn();
  const [note, setNote] = useState('');
  const [done, setDone] = useState(false);
  const submission = useFormSubmit();
  const { errors, busy, submitError } = submission;
  const needsNote = kind !== undefined && TASK_NOTE_REQUIRED.includes(kind);

  if (signInError) return <Page><Notice message={signInError} actionText="重新登录" onAction={retry} /></Page>;
  if (!session) return <Page><Text className="page__loading">正在登录…</Text></Page>;
  if (!params.id || !kind) return <Page><Notice message="没有找到这项任务，请从待办任务里打开。" actionText="返回" onAction={goBack} /></Page>;
  if (done) {
    return (
      <Page>
        <Text className="page__title">已办结</Text>
        <Notice kind="info" message="这项任务已办结，办理情况已记录。" />
        <Button className="btn btn--primary" onClick={goBack}>返回待办任务</Button>
      </Page>
    );
  }

  async function finish() {
    if (needsNote && note.trim().length < 2) return submission.refuse({ note: '请写明整改情况和回访评价人的结果' });
    const { confirm } = await Taro.showModal({ title: '确认办结', content: '办结后不能撤回。确定这项任务已经办完了吗？', confirmText: '确认办结', cancelText: '再看看' });
    if (!confirm) return;
    await submission.send(async () => {
      await request(completeTask, { params: { id: params.id! }, body: note.trim() ? { note: note.trim() } : {} });
      setDone(true);
    });
  }

  return (
    <Page>
      <Text className="page__title">{taskKindLabels[kind]}</Text>
      <View className="card">
        <Text className="card__subtitle">办理期限：{params.due}</Text>
        <Text className="page__lead">{decodeURIComponent(params.detail ?? '')}</Text>
        {params.subject === 'Rating' && params.subjectId ? (
          <Button className="btn btn--secondary" onClick={() => Taro.navigateTo({ url: `/staff/rating/index?id=${params.subjectId}` })}>
            查看评价和评价人电话
          </Button>
        ) : null}
        <FormField label="办理情况" required={needsNote} hint={needsNote ? '整改了什么，回访评价人的结果' : '可不填'} error={errors.note}>
          <Textarea className="text-input text-input--multiline" value={note} maxlength={300} autoHeight placeholder={needsNote ? '例如：已调整窗口排班；已电话回访，评价人表示认可' : '可不填'} onInput={(e) => { setNote(e.detail.value); submission.clear(['note']); }} />
        </FormField>
      </View>
      {submitError ? <Notice message={submitError} /> : null}
      <View className="page__actions">
        <Button className="btn btn--primary" disabled={busy} onClick={() => void finish()}>
          {busy ? '正在提交…' : '办结'}
        </Button>
        <Button className="btn btn--secondary" onClick={goBack}>返回</Button>
      </View>
    </Page>
  );
}
