// 投诉办理: the complaint with its photos and the person's phone, every step so far, and the
// next step — 正在办理 with what is being done, or 办结 with the answer the person will read.
import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Button, Image, Text, Textarea, View } from '@tarojs/components';
import { complaintKindLabels, complaintProgress, complaintStatusLabels, complaintTopicLabels, getStaffComplaint } from '@doorstep/shared';
import { DetailRow } from '../../components/DetailRow';
import { FormField } from '../../components/FormField';
import { Notice } from '../../components/Notice';
import { Timeline } from '../../components/Timeline';
import { useFormSubmit } from '../../hooks/useFormSubmit';
import { usePageData } from '../../hooks/usePageData';
import { goBack } from '../../services/nav';
import { request } from '../../services/request';
import { Page } from '../../components/Page';
import '../../styles/page.scss';

export default function StaffComplaintPage() {
  const id = useRouter().params.id ?? '';
  const { data: c, setData, gate } = usePageData(async () => (await request(getStaffComplaint, { params: { id } })).complaint, [id]);
  const [note, setNote] = useState('');
  const submission = useFormSubmit();
  const { errors, busy, submitError } = submission;
  if (gate || !c) return gate;

  async function record(status: 'processing' | 'resolved') {
    if (note.trim().length < 2) return submission.refuse({ note: status === 'resolved' ? '请写明给投诉人的答复' : '请写明正在做什么' });
    if (status === 'resolved') {
      const { confirm } = await Taro.showModal({ title: '办结答复', content: '办结后投诉人会看到这段答复，不能再修改。确定办结吗？', confirmText: '办结', cancelText: '再看看' });
      if (!confirm) return;
    }
    await submission.send(async () => {
      setData((await request(complaintProgress, { params: { id }, body: { status, note: note.trim() } })).complaint);
      setNote('');
    });
  }

  return (
    <Page>
      <Text className="page__title">
        {complaintKindLabels[c.kind]} · {complaintTopicLabels[c.topic]}
      </Text>
      <View className="card">
        <Text className={`status-pill status-pill--${c.status === 'resolved' ? 'approved' : 'pending'}`}>{complaintStatusLabels[c.status]}</Text>
        <Text className="page__lead">{c.text}</Text>
        <DetailRow label="涉及" value={c.areaName} />
        <DetailRow label="提出人" value={c.complainantName} />
        {c.complainantPhone ? <DetailRow label="电话" value={c.complainantPhone} /> : null}
        <DetailRow label="答复期限" value={c.due} />
        {c.photoUrls.map((url) => (
          <Image key={url} src={url} mode="widthFix" style={{ width: '100%', marginTop: '16px' }} onClick={() => void Taro.previewImage({ urls: c.photoUrls, current: url })} />
        ))}
        <Timeline entries={c.progress.map((p) => ({ at: p.at, label: p.note, status: p.status === 'resolved' ? 'approved' : 'pending' }))} />
      </View>
      {c.status !== 'resolved' ? (
        <View className="card">
          <FormField label="办理情况或答复" required hint="办结时写给投诉人的答复，投诉人能看到" error={errors.note}>
            <Textarea className="text-input text-input--multiline" value={note} maxlength={300} autoHeight placeholder="请填写" onInput={(e) => { setNote(e.detail.value); submission.clear(['note']); }} />
          </FormField>
        </View>
      ) : null}
      {submitError ? <Notice message={submitError} /> : null}
      <View className="page__actions">
        {c.status !== 'resolved' ? (
          <Button className="btn btn--primary" disabled={busy} onClick={() => void record('resolved')}>
            办结并答复
          </Button>
        ) : null}
        {c.status !== 'resolved' ? (
          <Button className="btn btn--secondary" disabled={busy} onClick={() => void record('processing')}>
            记录进度
          </Button>
        ) : null}
        <Button className="btn btn--secondary" onClick={goBack}>返回</Button>
      </View>
    </Page>
  );
}
