// 推荐人员花名册: who applied and who staff referred, best match first, with why. An applicant's
// phone can be called from here; a referred person's contact stays hidden until they apply.
// Each answer (invite, hire, turn down) is confirmed first and reaches the applicant by message.
import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { distanceText, educationLabels, getVacancy, jobApplicationStatusLabels, recordOutcome, vacancyCandidates, type Candidate } from '@doorstep/shared';
import { Notice } from '../../components/Notice';
import { usePageData } from '../../hooks/usePageData';
import { request } from '../../services/request';
import { Page } from '../../components/Page';
import '../../styles/page.scss';
import './index.scss';

const KIND_TEXT: Record<Candidate['kind'], string> = { applied: '本人应聘', referred: '工作人员推荐' };
const OUTCOME_TEXT = { invited: '邀请面试', hired: '录用', rejected: '不录用' } as const;

export default function CandidatesPage() {
  const { params } = useRouter();
  const vacancyId = params.id ?? '';
  const { data, reload, gate } = usePageData(async () => {
    const [v, c] = await Promise.all([request(getVacancy, { params: { id: vacancyId } }), request(vacancyCandidates, { params: { id: vacancyId } })]);
    return { vacancy: v.vacancy, items: c.items };
  }, [vacancyId]);
  const [message, setMessage] = useState<string>();
  const [busy, setBusy] = useState<string>();

  async function answer(c: Candidate, outcome: keyof typeof OUTCOME_TEXT) {
    const { confirm } = await Taro.showModal({
      title: OUTCOME_TEXT[outcome],
      content: `确定对 ${c.name}“${OUTCOME_TEXT[outcome]}”吗？对方会收到通知。`,
      confirmText: '确定',
      cancelText: '取消',
    });
    if (!confirm || !c.applicationId) return;
    setBusy(c.applicationId);
    setMessage(undefined);
    try {
      await request(recordOutcome, { params: { id: c.applicationId }, body: { outcome } });
      setMessage(`已${OUTCOME_TEXT[outcome]}：${c.name}`);
      await reload();
    } catch (err) {
      setMessage((err as Error).message);
    } finally {
      setBusy(undefined);
    }
  }

  if (gate || !data) return gate;
  const { vacancy, items } = data;

  return (
    <Page>
      <Text className="page__title">应聘人员</Text>
      <Text className="page__lead">{vacancy.title}，按匹配程度排列。</Text>
      {message ? <Notice kind="info" message={message} /> : null}
      {items.length === 0 ? <Text className="page__lead">还没有人应聘。岗位审核通过后，附近的求职者会看到它。</Text> : null}
      {items.map((c) => (
        <View key={`${c.kind}-${c.applicationId ?? c.referralCode}`} className="card candidate">
          <View className="candidate__head">
            <Text className="card__title">{c.name}</Text>
            <Text className="candidate__score">{c.match.score}分</Text>
          </View>
          <Text className="candidate__meta">
            {KIND_TEXT[c.kind]} · {c.gender === 'male' ? '男' : '女'} · {c.age}岁 · {educationLabels[c.education]} · 工作{c.yearsOfExperience}年 · 住处离岗位{distanceText(c.distanceM)}
          </Text>
          {c.status ? <Text className={`status-pill status-pill--${c.status}`}>{jobApplicationStatusLabels[c.status]}</Text> : null}
          {c.match.reasons.length ? <Text className="candidate__reasons">符合：{c.match.reasons.join('；')}</Text> : null}
          {c.match.unmet.length ? <Text className="candidate__unmet">不足：{c.match.unmet.join('；')}</Text> : null}
          {c.message ? <Text className="candidate__meta">留言：{c.message}</Text> : null}
          {c.referralCode ? <Text className="candidate__meta">推荐信核验码：{c.referralCode}</Text> : null}
          {c.fairId ? <Text className="candidate__meta">招聘会上投的</Text> : null}
          {c.contactMasked ? (
            <Text className="candidate__meta">电话 {c.phone}（本人应聘后显示完整号码）</Text>
          ) : (
            <Button className="btn btn--secondary" onClick={() => Taro.makePhoneCall({ phoneNumber: c.phone })}>
              打电话 {c.phone}
            </Button>
          )}
          {c.applicationId && (c.status === 'applied' || c.status === 'invited') ? (
            <View className="candidate__actions">
              {c.status === 'applied' ? (
                <Button className="btn btn--primary" disabled={busy === c.applicationId} onClick={() => answer(c, 'invited')}>
                  邀请面试
                </Button>
              ) : null}
              <Button className="btn btn--primary" disabled={busy === c.applicationId} onClick={() => answer(c, 'hired')}>
                录用
              </Button>
              <Button className="btn btn--danger" disabled={busy === c.applicationId} onClick={() => answer(c, 'rejected')}>
                不录用
              </Button>
            </View>
          ) : null}
        </View>
      ))}
    </Page>
  );
}
