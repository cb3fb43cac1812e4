// 岗位详情 and applying in one tap. Before sending, the person is told what the employer will see
// (name, phone, the registration) and confirms; applying twice says so instead of failing.
import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import {
  accommodationLabels,
  applyToVacancy,
  distanceText,
  educationLabels,
  employmentFormLabels,
  fenToYuanText,
  getVacancy,
  qualificationLabels,
  shiftLabels,
  type Vacancy,
} from '@doorstep/shared';
import { DetailRow } from '../../components/DetailRow';
import { Notice } from '../../components/Notice';
import { useLoadOnShow } from '../../hooks/useLoadOnShow';
import { useSignedIn } from '../../hooks/useSignedIn';
import { goBack } from '../../services/nav';
import { ApiError, request } from '../../services/request';
import { askToBeTold } from '../../services/subscribe';
import { Page } from '../../components/Page';
import '../../styles/page.scss';

function requirementsText(v: Vacancy): string {
  const r = v.requirements;
  const parts = [
    r.minAge !== undefined || r.maxAge !== undefined ? `年龄${r.minAge ?? 16}–${r.maxAge ?? 60}岁` : '',
    r.minEducation ? `${educationLabels[r.minEducation]}及以上` : '',
    r.minYearsOfExperience ? `${r.minYearsOfExperience}年以上经验` : '',
    r.minQualificationLevel ? `职业资格${qualificationLabels[r.minQualificationLevel]}` : '',
    r.major ? `专业：${r.major}` : '',
  ].filter(Boolean);
  return parts.length ? parts.join('，') : '不限';
}

export default function VacancyPage() {
  const { params } = useRouter();
  const id = params.id ?? '';
  const distanceM = params.distanceM ? Number(params.distanceM) : undefined;
  const { session, error: signInError, retry } = useSignedIn();
  const [vacancy, setVacancy] = useState<Vacancy>();
  const [error, setError] = useState<string>();
  const [applied, setApplied] = useState<string>();
  const [applyError, setApplyError] = useState<string>();
  const [busy, setBusy] = useState(false);

  async function load() {
    setError(undefined);
    try {
      setVacancy((await request(getVacancy, { params: { id } })).vacancy);
    } catch (err) {
      setError((err as Error).message);
    }
  }
  useLoadOnShow(load, !!session, [session?.token]);

  async function apply() {
    const { confirm } = await Taro.showModal({
      title: '确认应聘',
      content: `应聘后，${vacancy?.employerName ?? '单位'}能看到您的姓名、电话和求职登记信息，会打电话联系您。`,
      confirmText: '确认应聘',
      cancelText: '再看看',
    });
    if (!confirm) return;
    await askToBeTold(['application_update']);
    setBusy(true);
    setApplyError(undefined);
    try {
      await request(applyToVacancy, { params: { id }, body: {} });
      setApplied('已投递。单位回复后会通知您，也可以在“我的应聘”里查看。');
    } catch (err) {
      if (err instanceof ApiError && err.status === 409) setApplied(err.message);
      else setApplyError((err as Error).message);
    } finally {
      setBusy(false);
    }
  }

  if (signInError) return <Page><Notice message={signInError} actionText="重新登录" onAction={retry} /></Page>;
  if (error) return <Page><Notice message={error} actionText="返回" onAction={goBack} /></Page>;
  if (!vacancy) return <Page><Text className="page__loading">正在加载…</Text></Page>;

  const v = vacancy;
  const open = v.status === 'published' && !v.expired;
  return (
    <Page>
      <Text className="page__title">{v.title}</Text>
      <Text className="page__lead">{v.employerName}</Text>
      <View className="card">
        <DetailRow label="月薪" value={`${fenToYuanText(v.pay.salaryMinFen)}–${fenToYuanText(v.pay.salaryMaxFen)} 元`} />
        {distanceM !== undefined ? <DetailRow label="距离" value={distanceText(distanceM)} /> : null}
        <DetailRow label="工作地点" value={`${v.workplace.areaName} ${v.workplace.address}`} />
        <DetailRow label="工种" value={v.occupationName} />
        <DetailRow label="用工形式" value={employmentFormLabels[v.employmentForm]} />
        <DetailRow label="班次" value={shiftLabels[v.shift]} />
        <DetailRow label="招聘人数" value={`${v.headcount} 人`} />
        <DetailRow label="要求" value={requirementsText(v)} />
        {v.requirements.other ? <DetailRow label="其他要求" value={v.requirements.other} /> : null}
        <DetailRow label="住宿" value={accommodationLabels[v.pay.accommodation]} />
        {v.pay.benefits ? <DetailRow label="福利" value={v.pay.benefits} /> : null}
        <DetailRow label="招聘截止" value={v.time.recruitUntil} />
        {v.time.interviewDate ? <DetailRow label="面试日期" value={v.time.interviewDate} /> : null}
      </View>
      {applied ? <Notice kind="info" message={applied} actionText="查看我的应聘" onAction={() => Taro.navigateTo({ url: '/jobs/applications/index' })} /> : null}
      {applyError ? <Notice message={applyError} /> : null}
      {!open ? <Notice kind="info" message="这个岗位已经不在招聘了。" /> : null}
      <View className="page__actions">
        {open && !applied ? (
          <Button className="btn btn--primary" onClick={apply} disabled={busy}>
            {busy ? '正在投递…' : '我要应聘'}
          </Button>
        ) : null}
        <Button className="btn btn--secondary" onClick={goBack}>
          返回
        </Button>
      </View>
    </Page>
  );
}
