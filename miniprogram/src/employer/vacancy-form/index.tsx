// 发布招聘岗位 (用人单位招聘登记表): the form's four groups — post, requirements, pay, time — and
// the work address. With `?id=` it edits a vacancy: the period and headcount change at once, any
// other change goes back to the street for review, and the page says so before sending.
import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Button, Input, Text, Textarea, View } from '@tarojs/components';
import {
  ACCOMMODATIONS,
  addCalendarDays,
  EDUCATION_LEVELS,
  EMPLOYMENT_FORMS,
  QUALIFICATION_LEVELS,
  SHIFTS,
  accommodationLabels,
  createVacancy,
  educationLabels,
  employmentFormLabels,
  getVacancy,
  qualificationLabels,
  shiftLabels,
  todayInChina,
  updateVacancy,
  vacancyBodySchema,
  type Vacancy,
} from '@doorstep/shared';
import { AreaPicker } from '../../components/AreaPicker';
import { ChoicePicker } from '../../components/ChoicePicker';
import { DateField } from '../../components/DateField';
import { FormField } from '../../components/FormField';
import { LocationField } from '../../components/LocationField';
import { Notice } from '../../components/Notice';
import { useFormSubmit } from '../../hooks/useFormSubmit';
import { useLoadOnShow } from '../../hooks/useLoadOnShow';
import { useSignedIn } from '../../hooks/useSignedIn';
import { check, numberOrText, yuanToFenOrText } from '../../hooks/fieldErrors';
import { goBack } from '../../services/nav';
import { request } from '../../services/request';
import { Page } from '../../components/Page';
import '../../styles/page.scss';

const choices = <K extends string>(keys: readonly K[], labels: Record<K, string>) => keys.map((k) => ({ value: k, label: labels[k] }));

const empty = {
  title: '',
  occupationName: '',
  employmentForm: '',
  headcount: '',
  shift: '',
  minAge: '',
  maxAge: '',
  minEducation: '',
  minYearsOfExperience: '',
  minQualificationLevel: '',
  major: '',
  other: '',
  salaryMin: '',
  salaryMax: '',
  accommodation: 'none',
  benefits: '',
  recruitFrom: todayInChina(),
  recruitUntil: '',
  interviewDate: '',
  areaCode: '',
  address: '',
  lat: '',
  lng: '',
};
type Form = typeof empty;

const optionalNumber = (raw: string) => (raw.trim() === '' ? undefined : numberOrText(raw));
const text = (n: number | undefined) => (n === undefined ? '' : String(n));

function formOf(v: Vacancy): Form {
  return {
    title: v.title,
    occupationName: v.occupationName,
    employmentForm: v.employmentForm,
    headcount: String(v.headcount),
    shift: v.shift,
    minAge: text(v.requirements.minAge),
    maxAge: text(v.requirements.maxAge),
    minEducation: v.requirements.minEducation ?? '',
    minYearsOfExperience: text(v.requirements.minYearsOfExperience),
    minQualificationLevel: v.requirements.minQualificationLevel ?? '',
    major: v.requirements.major ?? '',
    other: v.requirements.other,
    salaryMin: String(v.pay.salaryMinFen / 100),
    salaryMax: String(v.pay.salaryMaxFen / 100),
    accommodation: v.pay.accommodation,
    benefits: v.pay.benefits,
    recruitFrom: v.time.recruitFrom,
    recruitUntil: v.time.recruitUntil,
    interviewDate: v.time.interviewDate ?? '',
    areaCode: v.workplace.areaCode,
    address: v.workplace.address,
    lat: String(v.workplace.lat),
    lng: String(v.workplace.lng),
  };
}

function bodyOf(employerId: string, f: Form) {
  const defined = <T extends object>(o: T) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== ''));
  return {
    employerId,
    title: f.title,
    occupationName: f.occupationName,
    employmentForm: f.employmentForm,
    headcount: numberOrText(f.headcount),
    shift: f.shift,
    requirements: {
      ...defined({
        minAge: optionalNumber(f.minAge),
        maxAge: optionalNumber(f.maxAge),
        minEducation: f.minEducation,
        minYearsOfExperience: optionalNumber(f.minYearsOfExperience),
        minQualificationLevel: f.minQualificationLevel,
        major: f.major,
      }),
      other: f.other,
    },
    pay: { salaryMinFen: yuanToFenOrText(f.salaryMin), salaryMaxFen: yuanToFenOrText(f.salaryMax), accommodation: f.accommodation, benefits: f.benefits },
    time: { recruitFrom: f.recruitFrom, recruitUntil: f.recruitUntil, ...defined({ interviewDate: f.interviewDate }) },
    workplace: { areaCode: f.areaCode, address: f.address, lat: numberOrText(f.lat), lng: numberOrText(f.lng) },
  };
}

export default function VacancyFormPage() {
  const { params } = useRouter();
  const editingId = params.id;
  const { session, error: signInError, retry } = useSignedIn();
  const [form, setForm] = useState<Form>(empty);
  const [original, setOriginal] = useState<Vacancy>();
  const [loadError, setLoadError] = useState<string>();
  const submission = useFormSubmit();
  const { errors, busy, submitError } = submission;

  useLoadOnShow(
    async () => {
      if (!editingId || original) return;
      try {
        const { vacancy } = await request(getVacancy, { params: { id: editingId } });
        setOriginal(vacancy);
        setForm(formOf(vacancy));
      } catch (err) {
        setLoadError((err as Error).message);
      }
    },
    !!session,
    [session?.token],
  );

  const update = (patch: Partial<Form>, fields: string[] = Object.keys(patch)) => {
    setForm((f) => ({ ...f, ...patch }));
    submission.clear(fields.map((k) => FIELD_PATHS[k as keyof Form] ?? k));
  };

  async function submit() {
    const employerId = original?.employerId ?? params.employerId ?? '';
    const checked = check(vacancyBodySchema, bodyOf(employerId, form));
    if (!checked.body) return submission.refuse(checked.errors);
    const body = checked.body;
    if (!original) {
      await submission.send(async () => {
        await request(createVacancy, { body });
        await Taro.redirectTo({ url: `/employer/vacancies/index?employerId=${employerId}&posted=1` });
      });
      return;
    }
    // Only the groups that changed are sent; say first if they need another review.
    const groups = ['title', 'occupationName', 'employmentForm', 'headcount', 'requirements', 'pay', 'time', 'workplace', 'shift'] as const;
    const current = { ...original, workplace: { areaCode: original.workplace.areaCode, address: original.workplace.address, lat: original.workplace.lat, lng: original.workplace.lng } };
    const changed = groups.filter((g) => JSON.stringify(body[g]) !== JSON.stringify(current[g]));
    if (changed.length === 0) return goBack();
    const needsReview = original.status === 'rejected' || (original.status !== 'pending_review' && changed.some((g) => g !== 'headcount' && g !== 'time'));
    if (needsReview) {
      const content = original.status === 'rejected' ? '修改后岗位重新交街道审核，通过后上架。确定提交吗？' : '修改岗位内容后，岗位会暂时下架，街道审核通过后重新上架。确定修改吗？';
      const { confirm } = await Taro.showModal({ title: '需要重新审核', content, confirmText: '确定修改', cancelText: '再想想' });
      if (!confirm) return;
    }
    await submission.send(async () => {
      await request(updateVacancy, { params: { id: original.id }, body: { version: original.version, ...Object.fromEntries(changed.map((g) => [g, body[g]])) } });
      await Taro.redirectTo({ url: `/employer/vacancies/index?employerId=${original.employerId}` });
    });
  }

  if (signInError) return <Page><Notice message={signInError} actionText="重新登录" onAction={retry} /></Page>;
  if (loadError) return <Page><Notice message={loadError} actionText="返回" onAction={goBack} /></Page>;
  if (!session || (editingId && !original)) return <Page><Text className="page__loading">正在加载…</Text></Page>;

  const e = (path: string) => errors[path];
  return (
    <Page>
      <Text className="page__title">{original ? '修改岗位' : '发布招聘岗位'}</Text>
      <Text className="page__lead">
        {original ? '延长招聘时间、改招聘人数马上生效；改其他内容需要街道重新审核。' : '填写岗位信息。提交后由工作地点所在街道审核，通过后附近 3 公里的求职者就能看到。'}
      </Text>
      <View className="card">
        <Text className="card__title">岗位</Text>
        <FormField label="岗位名称" required error={e('title')}>
          <Input className="text-input" value={form.title} maxlength={30} placeholder="例如：超市收银员" onInput={(ev) => update({ title: ev.detail.value })} />
        </FormField>
        <FormField label="工种" required error={e('occupationName')}>
          <Input className="text-input" value={form.occupationName} maxlength={20} placeholder="例如：收银员" onInput={(ev) => update({ occupationName: ev.detail.value })} />
        </FormField>
        <FormField label="用工形式" required error={e('employmentForm')}>
          <ChoicePicker options={choices(EMPLOYMENT_FORMS, employmentFormLabels)} value={form.employmentForm as never} placeholder="请选择" onChange={(v) => update({ employmentForm: v })} />
        </FormField>
        <FormField label="招聘人数" required error={e('headcount')}>
          <Input className="text-input" type="number" value={form.headcount} maxlength={3} placeholder="人数" onInput={(ev) => update({ headcount: ev.detail.value })} />
        </FormField>
        <FormField label="班次" required error={e('shift')}>
          <ChoicePicker options={choices(SHIFTS, shiftLabels)} value={form.shift as never} placeholder="请选择" onChange={(v) => update({ shift: v })} />
        </FormField>
      </View>
      <View className="card">
        <Text className="card__title">要求</Text>
        <Text className="card__subtitle">不要写性别、民族、户籍、婚育等限制，这类要求会被退回。</Text>
        <FormField label="最低年龄" hint="可不填" error={e('requirements.minAge')}>
          <Input className="text-input" type="number" value={form.minAge} maxlength={2} placeholder="岁" onInput={(ev) => update({ minAge: ev.detail.value })} />
        </FormField>
        <FormField label="最高年龄" hint="可不填" error={e('requirements.maxAge')}>
          <Input className="text-input" type="number" value={form.maxAge} maxlength={2} placeholder="岁" onInput={(ev) => update({ maxAge: ev.detail.value })} />
        </FormField>
        <FormField label="最低学历" hint="可不填" error={e('requirements.minEducation')}>
          <ChoicePicker
            options={choices(EDUCATION_LEVELS, educationLabels)}
            value={form.minEducation as never}
            placeholder="不限"
            onChange={(v) => update({ minEducation: v })}
            onClear={() => update({ minEducation: '' })}
          />
        </FormField>
        <FormField label="工作经验（年）" hint="可不填" error={e('requirements.minYearsOfExperience')}>
          <Input className="text-input" type="number" value={form.minYearsOfExperience} maxlength={2} placeholder="不限" onInput={(ev) => update({ minYearsOfExperience: ev.detail.value })} />
        </FormField>
        <FormField label="职业资格等级" hint="可不填" error={e('requirements.minQualificationLevel')}>
          <ChoicePicker
            options={choices(QUALIFICATION_LEVELS, qualificationLabels)}
            value={form.minQualificationLevel as never}
            placeholder="不限"
            onChange={(v) => update({ minQualificationLevel: v })}
            onClear={() => update({ minQualificationLevel: '' })}
          />
        </FormField>
        <FormField label="专业" hint="可不填" error={e('requirements.major')}>
          <Input className="text-input" value={form.major} maxlength={30} placeholder="不限" onInput={(ev) => update({ major: ev.detail.value })} />
        </FormField>
        <FormField label="其他要求" hint="最多500字，可不填" error={e('requirements.other')}>
          <Textarea className="text-input text-input--multiline" value={form.other} maxlength={500} placeholder="例如：能适应早晚班" onInput={(ev) => update({ other: ev.detail.value })} />
        </FormField>
      </View>
      <View className="card">
        <Text className="card__title">待遇</Text>
        <FormField label="最低月薪（元）" required error={e('pay.salaryMinFen')}>
          <Input className="text-input" type="digit" value={form.salaryMin} maxlength={9} placeholder="例如：3800" onInput={(ev) => update({ salaryMin: ev.detail.value })} />
        </FormField>
        <FormField label="最高月薪（元）" required error={e('pay.salaryMaxFen')}>
          <Input className="text-input" type="digit" value={form.salaryMax} maxlength={9} placeholder="例如：4500" onInput={(ev) => update({ salaryMax: ev.detail.value })} />
        </FormField>
        <FormField label="住宿" required error={e('pay.accommodation')}>
          <ChoicePicker options={choices(ACCOMMODATIONS, accommodationLabels)} value={form.accommodation as never} placeholder="请选择" onChange={(v) => update({ accommodation: v })} />
        </FormField>
        <FormField label="其他福利" hint="可不填" error={e('pay.benefits')}>
          <Input className="text-input" value={form.benefits} maxlength={200} placeholder="例如：五险、包午餐" onInput={(ev) => update({ benefits: ev.detail.value })} />
        </FormField>
      </View>
      <View className="card">
        <Text className="card__title">招聘时间</Text>
        <FormField label="开始日期" required error={e('time.recruitFrom')}>
          <DateField value={form.recruitFrom} placeholder="请选择" start="2020-01-01" end="2035-12-31" onChange={(v) => update({ recruitFrom: v })} />
        </FormField>
        <FormField label="截止日期" required hint="过了截止日期岗位自动下架" error={e('time.recruitUntil')}>
          <DateField value={form.recruitUntil} placeholder="请选择" start={todayInChina()} end="2035-12-31" initial={addCalendarDays(todayInChina(), 30)} onChange={(v) => update({ recruitUntil: v })} />
        </FormField>
        <FormField label="面试日期" hint="可不填" error={e('time.interviewDate')}>
          <DateField value={form.interviewDate} placeholder="不定" start={todayInChina()} end="2035-12-31" initial={todayInChina()} onChange={(v) => update({ interviewDate: v })} onClear={() => update({ interviewDate: '' })} />
        </FormField>
      </View>
      <View className="card">
        <Text className="card__title">工作地点</Text>
        <FormField label="所在社区（村）" required error={e('workplace.areaCode')}>
          <AreaPicker value={form.areaCode} onChange={(code) => update({ areaCode: code })} />
        </FormField>
        <FormField label="详细地址" required error={e('workplace.address')}>
          <Input className="text-input" value={form.address} maxlength={100} placeholder="路名、门牌号" onInput={(ev) => update({ address: ev.detail.value })} />
        </FormField>
        <FormField label="位置" required hint="求职者按离家远近找到您的岗位" error={e('workplace.lat') ?? e('workplace.lng')}>
          <LocationField lat={form.lat} lng={form.lng} onChange={(lat, lng) => update({ lat, lng })} />
        </FormField>
      </View>
      {submitError ? <Notice message={submitError} /> : null}
      <View className="page__actions">
        <Button className="btn btn--primary" onClick={submit} disabled={busy}>
          {busy ? '正在提交…' : original ? '保存修改' : '提交审核'}
        </Button>
        <Button className="btn btn--secondary" onClick={goBack}>
          返回
        </Button>
      </View>
    </Page>
  );
}

/** Which error paths a form field's change clears. */
const FIELD_PATHS: Partial<Record<keyof Form, string>> = {
  minAge: 'requirements.minAge',
  maxAge: 'requirements',
  minEducation: 'requirements.minEducation',
  minYearsOfExperience: 'requirements.minYearsOfExperience',
  minQualificationLevel: 'requirements.minQualificationLevel',
  major: 'requirements.major',
  other: 'requirements.other',
  salaryMin: 'pay',
  salaryMax: 'pay',
  accommodation: 'pay.accommodation',
  benefits: 'pay.benefits',
  recruitFrom: 'time',
  recruitUntil: 'time',
  interviewDate: 'time.interviewDate',
  areaCode: 'workplace.areaCode',
  address: 'workplace.address',
  lat: 'workplace',
  lng: 'workplace',
};
