// 零就业家庭认定: for a registered unemployed resident — first the separate consent for the
// household's evidence, then the household: its register type, the applicant's own income, each
// other member (name, ID number, relation, what they do now, able and willing to work, a fixed
// income) and the household register photo. The four conditions are checked when it is sent; each
// failure shows beside its member's field. Once applied, the page shows the household's progress
// and whether it is still at zero.
import { useEffect, useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Input, Text, View } from '@tarojs/components';
import {
  MEMBER_ACTIVITIES,
  MEMBER_RELATIONS,
  applyForHousehold,
  getMyHousehold,
  householdRelationLabels,
  memberActivityLabels,
  type HouseholdRelation,
  type MemberActivity,
} from '@doorstep/shared';
import { DetailRow } from '../../components/DetailRow';
import { FormField } from '../../components/FormField';
import { Notice } from '../../components/Notice';
import { Page } from '../../components/Page';
import { PhotoField } from '../../components/PhotoField';
import { SeparateConsent } from '../../components/SeparateConsent';
import { ChoiceToggles } from '../../components/Toggles';
import { useFormSubmit } from '../../hooks/useFormSubmit';
import { usePageData } from '../../hooks/usePageData';
import { goBack } from '../../services/nav';
import { currentConsents } from '../../services/privacy';
import { request } from '../../services/request';
import '../../styles/page.scss';
import '../../staff/assistance-case/index.scss';

type YesNo = 'yes' | 'no';
interface MemberForm {
  name: string;
  idNumber: string;
  relation?: Exclude<HouseholdRelation, 'self'>;
  activity?: MemberActivity;
  ableToWork?: YesNo;
  willingToWork?: YesNo;
  stableIncome?: YesNo;
}

const YES_NO = [
  { value: 'yes' as const, label: '是' },
  { value: 'no' as const, label: '否' },
];
const RELATIONS = MEMBER_RELATIONS.map((value) => ({ value, label: householdRelationLabels[value] }));
const ACTIVITIES = MEMBER_ACTIVITIES.map((value) => ({ value, label: memberActivityLabels[value] }));
const yes = (v: YesNo | undefined) => v === 'yes';

export default function HouseholdPage() {
  const { session, data, gate, reload } = usePageData(async () => (await request(getMyHousehold)).household ?? null);
  const [consent, setConsent] = useState<boolean>();
  const [urban, setUrban] = useState<YesNo>();
  const [selfIncome, setSelfIncome] = useState<YesNo>();
  const [members, setMembers] = useState<MemberForm[]>([]);
  const [photo, setPhoto] = useState('');
  const submission = useFormSubmit();
  const { errors, busy, submitError } = submission;
  useEffect(() => {
    if (session) currentConsents().then((held) => setConsent(held.has('hardship_evidence')), () => setConsent(false));
  }, [session?.token]);

  if (gate) return gate;
  if (data) {
    return (
      <Page>
        <Text className="page__title">零就业家庭认定</Text>
        <View className="card">
          <Text className="card__title">{data.statusName}</Text>
          {data.status === 'recognised' ? (
            <Text className="page__lead">{data.atZero ? `您家自 ${data.zeroSince} 起是零就业家庭，社区和街道会优先帮家里的人就业。` : `${data.leftZeroOn} 起家里已有人就业。`}</Text>
          ) : null}
          {data.reason ? <DetailRow label="理由" value={data.reason} /> : null}
          {data.members.map((m, i) => (
            <DetailRow key={i} label={`${m.relationName} ${m.name}`} value={m.activityName} />
          ))}
        </View>
        <View className="page__actions">
          <Button className="btn btn--secondary" onClick={goBack}>
            返回
          </Button>
        </View>
      </Page>
    );
  }
  if (consent === undefined) return <Page><Text className="page__loading">正在加载…</Text></Page>;
  if (!consent) return <SeparateConsent purpose="hardship_evidence" refusedText="您没有同意，暂时不能申请零就业家庭认定。其他服务照常可以使用。" onAgreed={() => setConsent(true)} />;

  const setMember = (i: number, patch: Partial<MemberForm>) => {
    setMembers((list) => list.map((m, j) => (j === i ? { ...m, ...patch } : m)));
    submission.clear([`members.${i}`]);
  };

  async function submit() {
    const missing: Record<string, string> = {};
    if (!urban) missing.urbanRegister = '请选择户口类型';
    if (!selfIncome) missing.selfStableIncome = '请选择您本人是否有固定收入';
    if (!photo) missing.evidenceKeys = '请上传户口簿照片';
    members.forEach((m, i) => {
      if (m.name.trim().length < 2) missing[`members.${i}.name`] = '请填写姓名';
      if (m.idNumber.trim().length !== 18) missing[`members.${i}.idNumber`] = '身份证号应为18位';
      if (!m.relation) missing[`members.${i}.relation`] = '请选择与您的关系';
      if (!m.activity) missing[`members.${i}.activity`] = '请选择目前的情况';
      if (!m.ableToWork) missing[`members.${i}.ableToWork`] = '请选择是否有劳动能力';
      if (!m.willingToWork) missing[`members.${i}.willingToWork`] = '请选择是否愿意工作';
      if (!m.stableIncome) missing[`members.${i}.stableIncome`] = '请选择是否有固定收入';
    });
    if (Object.keys(missing).length) return submission.refuse(missing);
    const { confirm } = await Taro.showModal({ title: '提交申请', content: '请确认家庭成员的情况都如实填写。提交后由街道审核、区里确认。', confirmText: '确认提交', cancelText: '再看看' });
    if (!confirm) return;
    await submission.send(async () => {
      await request(applyForHousehold, {
        body: {
          urbanRegister: yes(urban),
          selfStableIncome: yes(selfIncome),
          members: members.map((m) => ({
            name: m.name.trim(),
            idNumber: m.idNumber.trim().toUpperCase(),
            relation: m.relation!,
            activity: m.activity!,
            ableToWork: yes(m.ableToWork),
            willingToWork: yes(m.willingToWork),
            stableIncome: yes(m.stableIncome),
          })),
          evidenceKeys: [photo],
        },
      });
      Taro.showToast({ title: '已提交', icon: 'success' });
      await reload();
    });
  }

  return (
    <Page>
      <Text className="page__title">零就业家庭认定</Text>
      <Text className="page__lead">家里劳动年龄内的人都没有工作、都想工作、都没有固定收入的城镇家庭，可以申请。认定后社区、街道优先帮家里至少一人就业。</Text>
      <View className="card">
        <FormField label="户口类型" required error={errors.urbanRegister}>
          <ChoiceToggles options={[{ value: 'yes' as const, label: '城镇户口' }, { value: 'no' as const, label: '农村户口' }]} chosen={urban} onChange={(v) => { setUrban(v); submission.clear(['urbanRegister']); }} />
        </FormField>
        <FormField label="您本人有固定收入吗" required hint="工资、养老金、房租等；低保不算" error={errors.selfStableIncome}>
          <ChoiceToggles options={YES_NO} chosen={selfIncome} onChange={(v) => { setSelfIncome(v); submission.clear(['selfStableIncome']); }} />
        </FormField>
      </View>
      <Text className="section-title">其他家庭成员（不用填您本人）</Text>
      {errors.members ? <Notice message={errors.members} /> : null}
      {members.map((m, i) => (
        <View key={i} className="card case-service">
          <Text className="card__title">{`成员 ${i + 1}`}</Text>
          <FormField label="姓名" required error={errors[`members.${i}.name`]}>
            <Input className="text-input" value={m.name} maxlength={30} placeholder="和户口簿上一致" onInput={(e) => setMember(i, { name: e.detail.value })} />
          </FormField>
          <FormField label="身份证号" required error={errors[`members.${i}.idNumber`]}>
            <Input className="text-input" type="idcard" value={m.idNumber} maxlength={18} placeholder="18位身份证号" onInput={(e) => setMember(i, { idNumber: e.detail.value })} />
          </FormField>
          <FormField label="与您的关系" required error={errors[`members.${i}.relation`]}>
            <ChoiceToggles options={RELATIONS} chosen={m.relation} onChange={(relation) => setMember(i, { relation })} />
          </FormField>
          <FormField label="目前的情况" required error={errors[`members.${i}.activity`]}>
            <ChoiceToggles options={ACTIVITIES} chosen={m.activity} onChange={(activity) => setMember(i, { activity })} />
          </FormField>
          <FormField label="有劳动能力吗" required error={errors[`members.${i}.ableToWork`]}>
            <ChoiceToggles options={YES_NO} chosen={m.ableToWork} onChange={(ableToWork) => setMember(i, { ableToWork })} />
          </FormField>
          <FormField label="愿意工作吗" required error={errors[`members.${i}.willingToWork`]}>
            <ChoiceToggles options={YES_NO} chosen={m.willingToWork} onChange={(willingToWork) => setMember(i, { willingToWork })} />
          </FormField>
          <FormField label="有固定收入吗" required hint="工资、养老金、房租等" error={errors[`members.${i}.stableIncome`]}>
            <ChoiceToggles options={YES_NO} chosen={m.stableIncome} onChange={(stableIncome) => setMember(i, { stableIncome })} />
          </FormField>
          <Button className="btn btn--secondary" onClick={() => setMembers((list) => list.filter((_, j) => j !== i))}>
            删除这位成员
          </Button>
        </View>
      ))}
      {members.length < 9 ? (
        <Button className="btn btn--secondary" onClick={() => setMembers((list) => [...list, { name: '', idNumber: '' }])}>
          添加一位家庭成员
        </Button>
      ) : null}
      <View className="card">
        <FormField label="户口簿" required hint="全家的户口簿，每一页都拍清楚" error={errors.evidenceKeys}>
          <PhotoField purpose="evidence" value={photo} buttonText="拍照上传户口簿" onChange={(key) => { setPhoto(key); submission.clear(['evidenceKeys']); }} />
        </FormField>
      </View>
      {submitError ? <Notice message={submitError} /> : null}
      <View className="page__actions">
        <Button className="btn btn--primary" disabled={busy} onClick={() => void submit()}>
          {busy ? '正在提交…' : '提交申请'}
        </Button>
        <Button className="btn btn--secondary" onClick={goBack}>
          返回
        </Button>
      </View>
    </Page>
  );
}
