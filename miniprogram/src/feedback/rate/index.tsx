// 评价: one service, rated once. Five big buttons with words (not only stars), the tags that fit
// the stars chosen, a comment; then a thank-you that says what happens to a bad rating.
import { useState } from 'react';
import { useRouter } from '@tarojs/taro';
import { Button, Text, Textarea, View } from '@tarojs/components';
import { BAD_SCORE, createRating, ratingBodySchema, SCORE_LABELS, SERVICE_TYPES, tagsForScore, type Rating, type ServiceType } from '@doorstep/shared';
import { a11yRole } from '../../components/a11y';
import { FormField } from '../../components/FormField';
import { Notice } from '../../components/Notice';
import { Toggles } from '../../components/Toggles';
import { check } from '../../hooks/fieldErrors';
import { useFormSubmit } from '../../hooks/useFormSubmit';
import { useSignedIn } from '../../hooks/useSignedIn';
import { goBack } from '../../services/nav';
import { request } from '../../services/request';
import { Page } from '../../components/Page';
import '../../styles/page.scss';
import '../components/feedback.scss';

export default function RatePage() {
  const params = useRouter().params;
  const serviceType = (SERVICE_TYPES as readonly string[]).includes(params.type ?? '') ? (params.type as ServiceType) : undefined;
  const serviceId = params.id ?? '';
  const title = decodeURIComponent(params.title ?? '');
  const { session, error: signInError, retry } = useSignedIn();
  const [score, setScore] = useState<number>();
  const [tags, setTags] = useState<string[]>([]);
  const [comment, setComment] = useState('');
  const [done, setDone] = useState<Rating>();
  const submission = useFormSubmit();
  const { errors, busy, submitError } = submission;

  if (signInError) return <Page><Notice message={signInError} actionText="重新登录" onAction={retry} /></Page>;
  if (!session) return <Page><Text className="page__loading">正在登录…</Text></Page>;
  if (!serviceType || !serviceId) {
    return (
      <Page>
        <Notice message="没有找到要评价的服务，请从“服务评价”里选择。" />
        <Button className="btn btn--secondary" onClick={goBack}>返回</Button>
      </Page>
    );
  }

  if (done) {
    return (
      <Page>
        <Text className="page__title">谢谢您的评价</Text>
        {done.rectification ? (
          <Notice kind="info" message={`我们已把您的意见交给${done.servicePoint.areaName}，工作人员会在${done.rectification.due}前整改，并打电话回访您。`} />
        ) : (
          <Notice kind="info" message="您的评价会帮助我们把服务做得更好。" />
        )}
        <Button className="btn btn--primary" onClick={goBack}>返回</Button>
      </Page>
    );
  }

  async function submit() {
    const checked = check(ratingBodySchema, { serviceType, serviceId, score, tags, ...(comment.trim() ? { comment: comment.trim() } : {}) });
    if (!checked.body) return submission.refuse({ ...checked.errors, ...(score ? {} : { score: '请选择满意程度' }) });
    await submission.send(async () => setDone((await request(createRating, { body: checked.body! })).rating));
  }

  const offered = score ? tagsForScore(score) : [];
  return (
    <Page>
      <Text className="page__title">评价这次服务</Text>
      <Text className="page__lead">{title || '您办理的服务'}</Text>
      <View className="card">
        <FormField label="您满意吗？" required error={errors.score}>
          <View className="stars">
            {[1, 2, 3, 4, 5].map((s) => (
              <View
                key={s}
                {...a11yRole('radio')}
                aria-checked={score === s}
                className={`star ${score !== undefined && s <= score ? 'star--on' : ''}`}
                onClick={() => {
                  setScore(s);
                  setTags((old) => old.filter((t) => (tagsForScore(s) as readonly string[]).includes(t)));
                  submission.clear(['score', 'tags']);
                }}
              >
                <Text className="star__icon">★</Text>
                <Text className="star__label">{SCORE_LABELS[s]}</Text>
              </View>
            ))}
          </View>
        </FormField>
        {score ? (
          <FormField label={score <= BAD_SCORE ? '哪里不满意？（可多选）' : '哪里做得好？（可多选）'} error={errors.tags}>
            <Toggles options={offered.map((t) => ({ value: t, label: t }))} chosen={tags} onChange={setTags} />
          </FormField>
        ) : null}
        <FormField label="想说的话" hint={`可不填，最多200字（已写${comment.length}字）`} error={errors.comment}>
          <Textarea className="text-input text-input--multiline" value={comment} maxlength={200} autoHeight placeholder="可不填" onInput={(e) => { setComment(e.detail.value); submission.clear(['comment']); }} />
        </FormField>
      </View>
      {score !== undefined && score <= BAD_SCORE ? <Notice kind="info" message="差评会转给负责的服务网点整改，工作人员会在15个工作日内打电话回访您。" /> : null}
      {submitError ? <Notice message={submitError} /> : null}
      <View className="page__actions">
        <Button className="btn btn--primary" disabled={busy} onClick={() => void submit()}>
          {busy ? '正在提交…' : '提交评价'}
        </Button>
        <Button className="btn btn--secondary" onClick={goBack}>
          返回
        </Button>
      </View>
    </Page>
  );
}
