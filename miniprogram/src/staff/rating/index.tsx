// 评价详情 for staff: who rated what and how (with the phone to call back), the rectification,
// and the appeal — made by the service point that was rated, decided by the level above.
import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Button, Text, Textarea, View } from '@tarojs/components';
import { appealRating, BAD_SCORE, chinaTimeText, decideAppeal, getStaffRating, parentArea, ratingStatusLabels, SCORE_LABELS, staffScope } from '@doorstep/shared';
import { DetailRow } from '../../components/DetailRow';
import { FormField } from '../../components/FormField';
import { Notice } from '../../components/Notice';
import { useFormSubmit } from '../../hooks/useFormSubmit';
import { usePageData } from '../../hooks/usePageData';
import { goBack } from '../../services/nav';
import { request } from '../../services/request';
import { Page } from '../../components/Page';
import '../../styles/page.scss';

export default function StaffRatingPage() {
  const id = useRouter().params.id ?? '';
  const { session, data: rating, setData, gate } = usePageData(async () => (await request(getStaffRating, { params: { id } })).rating, [id]);
  const [text, setText] = useState('');
  const submission = useFormSubmit();
  const { errors, busy, submitError } = submission;
  if (gate || !rating || !session) return gate;

  const scope = staffScope(session.user.level, session.user.areaCode);
  const canAppeal = scope === rating.servicePoint.areaCode && rating.score <= BAD_SCORE && !rating.appeal && rating.status === 'valid';
  const canDecide = scope !== undefined && parentArea(rating.servicePoint.areaCode) === scope && rating.appeal?.decision === 'pending';

  async function appeal() {
    if (text.trim().length < 10) return submission.refuse({ reason: '请写明申诉理由，至少10个字' });
    const { confirm } = await Taro.showModal({ title: '提交申诉', content: '申诉由上一级核实决定，每条评价只能申诉一次。确定提交吗？', confirmText: '提交', cancelText: '再想想' });
    if (!confirm) return;
    await submission.send(async () => {
      setData((await request(appealRating, { params: { id }, body: { reason: text.trim() } })).rating);
      setText('');
    });
  }

  async function decide(decision: 'upheld' | 'rejected') {
    if (text.trim().length < 2) return submission.refuse({ note: '请写明核实情况' });
    const { confirm } = await Taro.showModal({
      title: decision === 'upheld' ? '申诉成立' : '申诉不成立',
      content: decision === 'upheld' ? '这条评价将被撤销，不再计入满意率，整改任务一并办结。确定吗？' : '评价保留，服务网点继续整改。确定吗？',
      confirmText: '确定',
      cancelText: '再想想',
    });
    if (!confirm) return;
    await submission.send(async () => {
      setData((await request(decideAppeal, { params: { id }, body: { decision, note: text.trim() } })).rating);
      setText('');
    });
  }

  return (
    <Page>
      <Text className="page__title">评价详情</Text>
      <View className="card">
        <Text className="card__title">{rating.serviceTitle}</Text>
        <DetailRow label="评价" value={`${rating.score}星 · ${SCORE_LABELS[rating.score]}`} />
        {rating.tags.length ? <DetailRow label="标签" value={rating.tags.join('、')} /> : null}
        {rating.comment ? <DetailRow label="原话" value={rating.comment} /> : null}
        <DetailRow label="评价人" value={rating.raterName} />
        {rating.raterPhone ? <DetailRow label="电话" value={rating.raterPhone} /> : null}
        <DetailRow label="服务网点" value={rating.servicePoint.areaName} />
        <DetailRow label="时间" value={chinaTimeText(rating.createdAt)} />
        <DetailRow label="状态" value={ratingStatusLabels[rating.status]} />
        {rating.rectification ? <DetailRow label="整改" value={rating.rectification.status === 'done' ? `已办结：${rating.rectification.note ?? ''}` : `${rating.rectification.due}前整改并回访`} /> : null}
        {rating.appeal ? <DetailRow label="申诉" value={`${rating.appeal.reason}（${rating.appeal.decision === 'pending' ? '待上一级决定' : rating.appeal.decision === 'upheld' ? '成立' : '不成立'}${rating.appeal.decisionNote ? `：${rating.appeal.decisionNote}` : ''}）`} /> : null}
        {rating.raterPhone && process.env.TARO_ENV === 'weapp' ? (
          <Button className="btn btn--secondary" onClick={() => void Taro.makePhoneCall({ phoneNumber: rating.raterPhone! })}>
            打电话回访
          </Button>
        ) : null}
      </View>
      {canAppeal || canDecide ? (
        <View className="card">
          <FormField
            label={canAppeal ? '申诉理由' : '核实情况'}
            required
            hint={canAppeal ? '误评、恶意差评可以申诉，由上一级核实决定' : '写明怎样核实的'}
            error={errors.reason ?? errors.note}
          >
            <Textarea className="text-input text-input--multiline" value={text} maxlength={300} autoHeight placeholder="请填写" onInput={(e) => { setText(e.detail.value); submission.clear(['reason', 'note']); }} />
          </FormField>
        </View>
      ) : null}
      {submitError ? <Notice message={submitError} /> : null}
      <View className="page__actions">
        {canAppeal ? (
          <Button className="btn btn--primary" disabled={busy} onClick={() => void appeal()}>
            提交申诉
          </Button>
        ) : null}
        {canDecide ? (
          <Button className="btn btn--primary" disabled={busy} onClick={() => void decide('upheld')}>
            申诉成立，撤销评价
          </Button>
        ) : null}
        {canDecide ? (
          <Button className="btn btn--secondary" disabled={busy} onClick={() => void decide('rejected')}>
            申诉不成立
          </Button>
        ) : null}
        <Button className="btn btn--secondary" onClick={goBack}>返回</Button>
      </View>
    </Page>
  );
}
