// One review: what the decision needs (personal data masked otherwise), the photos, and the
// decision itself — approve, or refuse with a reason the applicant will read. Confirmed first.
import { useEffect, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Button, Text, Textarea, View } from '@tarojs/components';
import {
  REVIEW_TYPES,
  accommodationLabels,
  employmentFormLabels,
  fenToYuanText,
  getVacancy,
  shiftLabels,
  type Vacancy,
  applicationKindLabels,
  decideReview,
  decideReviewBodySchema,
  economicTypeLabels,
  educationLabels,
  employmentKindLabels,
  getStaffEmployer,
  getStaffPerson,
  getHousehold,
  getWelfarePost,
  industryLabels,
  reviewTypeLabels,
  leavingReasonLabels,
  priorStatusLabels,
  reviewStepLabels,
  type Application,
  type ResponseOf,
  type ReviewStep,
} from '@doorstep/shared';
import { DetailRow } from '../../components/DetailRow';
import { FormField } from '../../components/FormField';
import { LoadFailure } from '../../components/LoadFailure';
import { Notice } from '../../components/Notice';
import { useSignedIn } from '../../hooks/useSignedIn';
import { AuditHistory } from '../components/AuditHistory';
import { ReviewPhoto } from '../components/ReviewPhoto';
import { check } from '../../hooks/fieldErrors';
import { goBack } from '../../services/nav';
import { request } from '../../services/request';
import { Page } from '../../components/Page';
import '../../styles/page.scss';
import './index.scss';

type Subject =
  | { kind: 'employer'; employer: ResponseOf<typeof getStaffEmployer>['employer'] }
  | { kind: 'vacancy'; vacancy: Vacancy }
  | { kind: 'person'; data: ResponseOf<typeof getStaffPerson>; application?: Application }
  | { kind: 'household'; data: ResponseOf<typeof getHousehold> }
  | { kind: 'welfare_post'; post: ResponseOf<typeof getWelfarePost>['post'] };

function ApplicationDetails({ a }: { a: Application }) {
  if (a.kind === 'unemployment') {
    return (
      <View>
        <DetailRow label="失业前情况" value={priorStatusLabels[a.details.priorStatus]} />
        {a.details.lastEmployer ? <DetailRow label="原工作单位" value={a.details.lastEmployer} /> : null}
        {a.details.leavingReason ? <DetailRow label="离职原因" value={leavingReasonLabels[a.details.leavingReason]} /> : null}
        {a.details.leftOn ? <DetailRow label="离职日期" value={a.details.leftOn} /> : null}
      </View>
    );
  }
  if (a.kind === 'hardship') {
    return (
      <View>
        <DetailRow label="困难类别" value={a.details.categoryLabel} />
        {a.details.note ? <DetailRow label="说明" value={a.details.note} /> : null}
      </View>
    );
  }
  return <DetailRow label="就业" value={`${employmentKindLabels[a.details.employmentKind]} · ${a.details.employerName}`} />;
}

function VacancyDetails({ v }: { v: Vacancy }) {
  const r = v.requirements;
  return (
    <View className="card">
      <Text className="card__title">{v.title}</Text>
      {v.flags.length ? (
        <View className="review-flags" role="alert">
          <Text className="review-flags__title">可能存在就业歧视，请核实：</Text>
          {v.flags.map((f, i) => (
            <Text key={i} className="review-flags__item">{`“${f.phrase}”——${f.reason}`}</Text>
          ))}
        </View>
      ) : null}
      <DetailRow label="单位" value={v.employerName} />
      <DetailRow label="工种" value={`${v.occupationName}（${employmentFormLabels[v.employmentForm]}，招${v.headcount}人）`} />
      <DetailRow label="月薪" value={`${fenToYuanText(v.pay.salaryMinFen)}–${fenToYuanText(v.pay.salaryMaxFen)} 元，${accommodationLabels[v.pay.accommodation]}`} />
      {v.pay.benefits ? <DetailRow label="福利" value={v.pay.benefits} /> : null}
      <DetailRow label="要求" value={[r.minEducation ? `${educationLabels[r.minEducation]}以上` : '', r.minAge || r.maxAge ? `${r.minAge ?? 16}–${r.maxAge ?? '—'}岁` : '', r.minYearsOfExperience ? `${r.minYearsOfExperience}年经验` : '', r.other].filter(Boolean).join('；') || '无'} />
      <DetailRow label="班次" value={shiftLabels[v.shift]} />
      <DetailRow label="工作地点" value={`${v.workplace.areaName} ${v.workplace.address}`} />
      <DetailRow label="招聘时间" value={`${v.time.recruitFrom} 至 ${v.time.recruitUntil}`} />
      <Text className="card__subtitle">办理记录</Text>
      <AuditHistory type="Vacancy" id={v.id} />
    </View>
  );
}

export default function ReviewPage() {
  const { params } = useRouter();
  const { session, error: signInError, retry } = useSignedIn();
  const [subject, setSubject] = useState<Subject>();
  const [error, setError] = useState<string>();
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string>();
  const type = REVIEW_TYPES.find((t) => t === params.type);
  const step = (params.step === 'district' ? 'district' : 'street') as ReviewStep;

  const [loadFailure, setLoadFailure] = useState<unknown>();

  async function load() {
    setLoadFailure(undefined);
    try {
      if (type === 'employer') {
        setSubject({ kind: 'employer', employer: (await request(getStaffEmployer, { params: { id: params.subject ?? '' } })).employer });
      } else if (type === 'vacancy') {
        setSubject({ kind: 'vacancy', vacancy: (await request(getVacancy, { params: { id: params.subject ?? '' } })).vacancy });
      } else if (type === 'welfare_post') {
        setSubject({ kind: 'welfare_post', post: (await request(getWelfarePost, { params: { id: params.subject ?? '' } })).post });
      } else if (type === 'household') {
        setSubject({ kind: 'household', data: await request(getHousehold, { params: { id: params.subject ?? '' } }) });
      } else {
        const data = await request(getStaffPerson, { params: { id: params.person ?? '' } });
        setSubject({ kind: 'person', data, application: data.applications.find((a) => a.id === params.subject) });
      }
    } catch (err) {
      setLoadFailure(err);
    }
  }
  useEffect(() => {
    if (session && type) void load();
  }, [session?.token]);

  async function decide(decision: 'approve' | 'reject') {
    const checked = check(decideReviewBodySchema, { decision, reason });
    if (!checked.body) return setReasonError(checked.errors.reason);
    const { confirm } = await Taro.showModal({
      title: decision === 'approve' ? '确认通过？' : '确认不通过？',
      content: decision === 'approve' ? '通过后不能撤回。' : `申请人会看到理由：${reason}`,
      confirmText: decision === 'approve' ? '确认通过' : '确认不通过',
      cancelText: '再看看',
    });
    if (!confirm) return;
    setBusy(true);
    setError(undefined);
    try {
      await request(decideReview, { params: { id: params.id ?? '' }, body: checked.body });
      setDone(decision === 'approve' ? '已通过。' : '已退回，申请人会看到您写的理由。');
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  }

  if (signInError) return <Page><Notice message={signInError} actionText="重新登录" onAction={retry} /></Page>;
  if (!type) return <Page><Notice message="链接不完整，请从审核工作台重新进入。" actionText="返回" onAction={goBack} /></Page>;
  if (done) {
    return (
      <Page>
        <Notice kind="info" message={done} />
        <View className="page__actions">
          <Button className="btn btn--primary" onClick={goBack}>
            返回审核工作台
          </Button>
        </View>
      </Page>
    );
  }
  if (loadFailure && !subject) return <Page><LoadFailure error={loadFailure} onRetry={load} /></Page>;
  if (!subject) return <Page><Text className="page__loading">正在加载…</Text></Page>;

  return (
    <Page>
      <Text className="page__title">{type === 'employer' ? '单位入驻审核' : type === 'vacancy' ? '招聘岗位审核' : type === 'household' || type === 'welfare_post' ? `${reviewTypeLabels[type]}审核` : `${applicationKindLabels[type]}审核`}</Text>
      <Text className="page__lead">{reviewStepLabels[step]}</Text>
      {subject.kind === 'vacancy' ? <VacancyDetails v={subject.vacancy} /> : null}
      {subject.kind === 'employer' ? (
        <View className="card">
          <Text className="card__title">{subject.employer.name}</Text>
          <DetailRow label="统一社会信用代码" value={subject.employer.uscc} />
          <DetailRow label="行业" value={industryLabels[subject.employer.industry]} />
          <DetailRow label="经济类型" value={economicTypeLabels[subject.employer.economicType]} />
          <DetailRow label="地址" value={`${subject.employer.address.areaName} ${subject.employer.address.address}`} />
          <DetailRow label="联系人" value={`${subject.employer.contactName} ${subject.employer.contactPhoneMasked}`} />
          {subject.employer.intro ? <DetailRow label="简介" value={subject.employer.intro} /> : null}
          {subject.employer.licenceUrl ? <ReviewPhoto url={subject.employer.licenceUrl} label="营业执照" /> : <Text className="page__lead">未上传营业执照照片</Text>}
          <Text className="card__subtitle">办理记录</Text>
          <AuditHistory type="Employer" id={subject.employer.id} />
        </View>
      ) : subject.kind === 'welfare_post' ? (
        <View className="card">
          <Text className="card__title">{`${subject.post.unitName} · ${subject.post.title}`}</Text>
          <DetailRow label="所在区域" value={subject.post.areaName} />
          <DetailRow label="工作内容" value={subject.post.duties} />
          <DetailRow label="类别" value={subject.post.kindName} />
          <DetailRow label="资金来源" value={subject.post.fundingName} />
          <DetailRow label="名额、月工资" value={`${subject.post.seats} 个，${fenToYuanText(subject.post.monthlyWageFen)} 元`} />
          <Text className="page__lead">{step === 'street' ? '请实地核查岗位是否存在、是否为公共利益服务、主要安置就业困难人员，在理由里写明核查情况。' : '街道已实地核查，请确认。'}</Text>
        </View>
      ) : subject.kind === 'household' ? (
        <View className="card">
          <Text className="card__title">{`${subject.data.household.applicantName}家`}</Text>
          <DetailRow label="住址" value={subject.data.household.areaName} />
          <DetailRow label="户口类型" value={subject.data.household.urbanRegister ? '城镇户口' : '农村户口'} />
          {subject.data.household.members.map((m, i) => (
            <DetailRow
              key={i}
              label={`${m.relationName} ${m.name}`}
              value={`${m.idNumberMasked}；${m.activityName}；${m.ableToWork ? '有' : '无'}劳动能力；${m.willingToWork ? '愿意' : '不愿'}工作；${m.stableIncome ? '有' : '无'}固定收入${m.labour ? '' : '（不在劳动年龄或在校，不计入）'}`}
            />
          ))}
          {subject.data.evidence.map((e, i) => (
            <ReviewPhoto key={e.key} url={e.url} label={`户口簿等材料 ${i + 1}`} />
          ))}
        </View>
      ) : subject.kind === 'person' ? (
        <View>
          <View className="card">
            <Text className="card__title">{subject.data.person.name}</Text>
            <DetailRow label="身份证号" value={subject.data.person.idNumberMasked} />
            <DetailRow label="性别、年龄" value={`${subject.data.person.gender === 'male' ? '男' : '女'}，${subject.data.person.age} 岁`} />
            <DetailRow label="手机号码" value={subject.data.person.phoneMasked} />
            <DetailRow label="文化程度" value={educationLabels[subject.data.person.education]} />
            <DetailRow label="居住地" value={subject.data.person.residence.areaName} />
            <DetailRow label="人员类别" value={subject.data.categories.map((c) => c.label).join('、') || '暂无'} />
          </View>
          {subject.application ? (
            <View className="card">
              <Text className="card__title">申请内容</Text>
              <ApplicationDetails a={subject.application} />
              {subject.application.assisted ? <DetailRow label="办理方式" value="社区工作人员代办" /> : null}
              {subject.application.evidence.map((e, i) => (e.url ? <ReviewPhoto key={e.key} url={e.url} label={`证明材料 ${i + 1}`} /> : null))}
              <Text className="card__subtitle">办理记录</Text>
              <AuditHistory type="PersonApplication" id={subject.application.id} />
            </View>
          ) : (
            <Notice message="找不到这份申请，可能已被处理。" />
          )}
        </View>
      ) : null}
      <View className="card">
        <Text className="card__title">审核意见</Text>
        <FormField label="理由" hint="不通过时必填，申请人会看到" error={reasonError}>
          <Textarea
            className="text-input text-input--multiline"
            value={reason}
            maxlength={200}
            placeholder="如：营业执照照片不清楚，请重新拍照"
            onInput={(e) => {
              setReason(e.detail.value);
              setReasonError(undefined);
            }}
          />
        </FormField>
      </View>
      {error ? <Notice message={error} /> : null}
      <View className="page__actions">
        <Button className="btn btn--primary" onClick={() => decide('approve')} disabled={busy}>
          通过
        </Button>
        <Button className="btn btn--danger" onClick={() => decide('reject')} disabled={busy}>
          不通过
        </Button>
      </View>
    </Page>
  );
}
