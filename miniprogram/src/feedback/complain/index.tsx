// 投诉和意见: what it is about, in the person's words, with up to three photos. It goes to the
// street of the person's community (or the one chosen), which answers within 15 working days.
// A retry after a lost answer files it once (Idempotency-Key).
import { useRef, useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Text, Textarea, View } from '@tarojs/components';
import {
  COMPLAINT_KINDS,
  COMPLAINT_TOPICS,
  complaintBodySchema,
  complaintKindLabels,
  complaintTopicLabels,
  createComplaint,
  getJobseekerRegistration,
  type Complaint,
  type ComplaintKind,
  type ComplaintTopic,
} from '@doorstep/shared';
import { AreaPicker } from '../../components/AreaPicker';
import { FormField } from '../../components/FormField';
import { ChoiceToggles } from '../../components/Toggles';
import { Notice } from '../../components/Notice';
import { PhotoField } from '../../components/PhotoField';
import { check } from '../../hooks/fieldErrors';
import { useFormSubmit } from '../../hooks/useFormSubmit';
import { usePageData } from '../../hooks/usePageData';
import { goBack } from '../../services/nav';
import { ApiError, newIdempotencyKey, request } from '../../services/request';
import { Page } from '../../components/Page';
import '../../styles/page.scss';
import '../components/feedback.scss';

const MAX_PHOTOS = 3;

export default function ComplainPage() {
  // Where the person lives decides who answers; without a registration they choose the community.
  const { data: home, gate } = usePageData(async () => {
    try {
      const { registration } = await request(getJobseekerRegistration);
      return { areaCode: registration.residence.areaCode };
    } catch (err) {
      if (err instanceof ApiError && err.status === 404) return { areaCode: '' };
      throw err;
    }
  });
  const [kind, setKind] = useState<ComplaintKind>('complaint');
  const [topic, setTopic] = useState<ComplaintTopic>();
  const [text, setText] = useState('');
  const [photos, setPhotos] = useState<string[]>([]);
  const [areaCode, setAreaCode] = useState('');
  const [filed, setFiled] = useState<Complaint>();
  const key = useRef(newIdempotencyKey());
  const submission = useFormSubmit();
  const { errors, busy, submitError } = submission;

  if (gate || !home) return gate;

  if (filed) {
    return (
      <Page>
        <Text className="page__title">已收到</Text>
        <Notice kind="info" message={`您的${complaintKindLabels[filed.kind]}已受理，${filed.due}前会答复您。办理进度可以在“我的投诉和意见”里看到。`} />
        <View className="page__actions">
          <Button className="btn btn--primary" onClick={() => Taro.redirectTo({ url: '/feedback/complaints/index' })}>
            查看办理进度
          </Button>
          <Button className="btn btn--secondary" onClick={goBack}>
            返回
          </Button>
        </View>
      </Page>
    );
  }

  async function submit() {
    const body = { kind, topic, text: text.trim(), photoKeys: photos, ...(home!.areaCode ? {} : { areaCode }) };
    const checked = check(complaintBodySchema, body);
    const missing = { ...(topic ? {} : { topic: '请选择是关于什么的' }), ...(home!.areaCode || areaCode ? {} : { areaCode: '请选择涉及的社区（村）' }) };
    if (!checked.body || Object.keys(missing).length) return submission.refuse({ ...checked.errors, ...missing });
    await submission.send(async () => setFiled((await request(createComplaint, { body: checked.body!, idempotencyKey: key.current })).complaint));
  }

  return (
    <Page>
      <Text className="page__title">投诉和意见</Text>
      <Text className="page__lead">对我们的服务不满意，或有好的建议，都可以在这里告诉我们。街道会在15个工作日内答复。</Text>
      <View className="card">
        <FormField label="您要" required>
          <ChoiceToggles options={COMPLAINT_KINDS.map((k) => ({ value: k, label: complaintKindLabels[k] }))} chosen={kind} onChange={setKind} />
        </FormField>
        <FormField label="是关于什么的" required error={errors.topic}>
          <ChoiceToggles
            options={COMPLAINT_TOPICS.map((t) => ({ value: t, label: complaintTopicLabels[t] }))}
            chosen={topic}
            onChange={(t) => {
              setTopic(t);
              submission.clear(['topic']);
            }}
          />
        </FormField>
        <FormField label="具体情况" required hint={`什么时间、在哪里、发生了什么（10到500字，已写${text.trim().length}字）`} error={errors.text}>
          <Textarea className="text-input text-input--multiline" value={text} maxlength={500} autoHeight placeholder="请把情况写清楚" onInput={(e) => { setText(e.detail.value); submission.clear(['text']); }} />
        </FormField>
        {home.areaCode ? null : (
          <FormField label="涉及的社区（村）" required error={errors.areaCode}>
            <AreaPicker value={areaCode} onChange={(code) => { setAreaCode(code); submission.clear(['areaCode']); }} />
          </FormField>
        )}
        <FormField label="照片" hint={`可不传，最多${MAX_PHOTOS}张`} error={errors.photoKeys}>
          <View className="stack">
            {[...photos, ...(photos.length < MAX_PHOTOS ? [''] : [])].map((p, i) => (
              <PhotoField
                key={`${i}-${p}`}
                purpose="complaints"
                value={p}
                buttonText={p ? '换一张' : '添加照片'}
                onChange={(k) => setPhotos((all) => (i < all.length ? all.map((x, j) => (j === i ? k : x)) : [...all, k]))}
              />
            ))}
          </View>
        </FormField>
      </View>
      {submitError ? <Notice message={submitError} /> : null}
      <View className="page__actions">
        <Button className="btn btn--primary" disabled={busy} onClick={() => void submit()}>
          {busy ? '正在提交…' : '提交'}
        </Button>
        <Button className="btn btn--secondary" onClick={goBack}>
          返回
        </Button>
      </View>
    </Page>
  );
}
