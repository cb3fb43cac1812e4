// 发布培训班: what is taught (occupation, level, type), when (dates, timetable, class days), where
// (community, address, the spot on the map), seats, fee, the training vouchers taken, who a
// subsidised course is for, the materials to bring, and the sign-up deadline. Errors sit under
// their fields; nothing is sent until the form is right.
import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Button, Input, Text, View } from '@tarojs/components';
import {
  COURSE_LEVELS,
  COURSE_TYPES,
  VOUCHER_TARGET_GROUPS,
  addCalendarDays,
  courseBodySchema,
  courseLevelLabels,
  courseTypeLabels,
  createCourse,
  institutionProgrammes,
  recognisedCategoryLabels,
  todayInChina,
} from '@doorstep/shared';
import { AreaPicker } from '../../components/AreaPicker';
import { ChoicePicker } from '../../components/ChoicePicker';
import { DateField } from '../../components/DateField';
import { FormField } from '../../components/FormField';
import { Toggles } from '../../components/Toggles';
import { LocationField } from '../../components/LocationField';
import { Notice } from '../../components/Notice';
import { check, numberOrText, yuanToFenOrText } from '../../hooks/fieldErrors';
import { useFormSubmit } from '../../hooks/useFormSubmit';
import { usePageData } from '../../hooks/usePageData';
import { goBack } from '../../services/nav';
import { request } from '../../services/request';
import { Page } from '../../components/Page';
import '../../styles/page.scss';
import '../components/training.scss';

const choices = <K extends string>(keys: readonly K[], labels: Record<K, string>) => keys.map((k) => ({ value: k, label: labels[k] }));

const today = todayInChina();
const empty = {
  title: '',
  occupationName: '',
  level: '',
  type: 'employment_skills',
  startsOn: addCalendarDays(today, 14),
  endsOn: addCalendarDays(today, 44),
  timetable: '',
  days: '',
  areaCode: '',
  address: '',
  lat: '',
  lng: '',
  seats: '',
  fee: '0',
  acceptedProgrammeIds: [] as string[],
  eligibleGroups: [] as string[],
  materials: '身份证',
  signUpDeadline: addCalendarDays(today, 7),
};
type Form = typeof empty;

export default function CourseFormPage() {
  const providerId = useRouter().params.providerId ?? '';
  const { data: programmes, gate } = usePageData(async () => (await request(institutionProgrammes, { params: { id: providerId } })).items, [providerId]);
  const [form, setForm] = useState<Form>(empty);
  const submission = useFormSubmit();
  const { errors, busy, submitError } = submission;

  const update = (patch: Partial<Form>, paths: string[]) => {
    setForm((f) => ({ ...f, ...patch }));
    submission.clear(paths);
  };

  async function submit() {
    const body = {
      providerId,
      title: form.title,
      occupationName: form.occupationName,
      level: form.level,
      type: form.type,
      schedule: { startsOn: form.startsOn, endsOn: form.endsOn, timetable: form.timetable, days: numberOrText(form.days) },
      place: { areaCode: form.areaCode, address: form.address, lat: numberOrText(form.lat), lng: numberOrText(form.lng) },
      seats: numberOrText(form.seats),
      feeFen: yuanToFenOrText(form.fee),
      acceptedProgrammeIds: form.acceptedProgrammeIds,
      eligibleGroups: form.eligibleGroups,
      materials: form.materials.split(/[、，,\s]+/).map((m) => m.trim()).filter(Boolean),
      signUpDeadline: form.signUpDeadline,
    };
    const checked = check(courseBodySchema, body);
    if (!checked.body) return submission.refuse(checked.errors);
    const { confirm } = await Taro.showModal({ title: '发布这个培训班？', content: `${form.title}，${form.seats} 个名额，${form.startsOn} 开班。发布后附近的人就能报名。`, confirmText: '发布', cancelText: '再看看' });
    if (!confirm) return;
    await submission.send(async () => {
      await request(createCourse, { body: checked.body! });
      await Taro.redirectTo({ url: '/training/manage/index' });
    });
  }

  if (gate || !programmes) return gate;
  const e = (path: string) => errors[path];
  return (
    <Page>
      <Text className="page__title">发布培训班</Text>
      <View className="card">
        <Text className="card__title">教什么</Text>
        <FormField label="班级名称" required error={e('title')}>
          <Input className="text-input" value={form.title} maxlength={30} placeholder="例如：育婴员（五级）培训班" onInput={(ev) => update({ title: ev.detail.value }, ['title'])} />
        </FormField>
        <FormField label="培训工种" required error={e('occupationName')}>
          <Input className="text-input" value={form.occupationName} maxlength={20} placeholder="例如：育婴员" onInput={(ev) => update({ occupationName: ev.detail.value }, ['occupationName'])} />
        </FormField>
        <FormField label="等级" required error={e('level')}>
          <ChoicePicker options={choices(COURSE_LEVELS, courseLevelLabels)} value={form.level as never} placeholder="请选择" onChange={(v) => update({ level: v }, ['level'])} />
        </FormField>
        <FormField label="培训类型" required error={e('type')}>
          <ChoicePicker options={choices(COURSE_TYPES, courseTypeLabels)} value={form.type as never} placeholder="请选择" onChange={(v) => update({ type: v }, ['type'])} />
        </FormField>
      </View>
      <View className="card">
        <Text className="card__title">什么时间</Text>
        <FormField label="开班日期" required error={e('schedule.startsOn')}>
          <DateField value={form.startsOn} placeholder="请选择" start={today} end="2035-12-31" onChange={(v) => update({ startsOn: v }, ['schedule', 'signUpDeadline'])} />
        </FormField>
        <FormField label="结束日期" required error={e('schedule.endsOn')}>
          <DateField value={form.endsOn} placeholder="请选择" start={today} end="2035-12-31" onChange={(v) => update({ endsOn: v }, ['schedule'])} />
        </FormField>
        <FormField label="上课时间" required hint="例如：每周一至周五 上午9:00—12:00" error={e('schedule.timetable')}>
          <Input className="text-input" value={form.timetable} maxlength={60} placeholder="写清楚哪几天、几点到几点" onInput={(ev) => update({ timetable: ev.detail.value }, ['schedule.timetable'])} />
        </FormField>
        <FormField label="上课天数" required error={e('schedule.days')}>
          <Input className="text-input" type="number" value={form.days} maxlength={3} placeholder="天" onInput={(ev) => update({ days: ev.detail.value }, ['schedule.days'])} />
        </FormField>
        <FormField label="报名截止" required hint="不能晚于开班日期" error={e('signUpDeadline')}>
          <DateField value={form.signUpDeadline} placeholder="请选择" start={today} end="2035-12-31" onChange={(v) => update({ signUpDeadline: v }, ['signUpDeadline'])} />
        </FormField>
      </View>
      <View className="card">
        <Text className="card__title">在哪里上课</Text>
        <FormField label="所在社区（村）" required error={e('place.areaCode')}>
          <AreaPicker value={form.areaCode} onChange={(code) => update({ areaCode: code }, ['place.areaCode'])} />
        </FormField>
        <FormField label="详细地址" required error={e('place.address')}>
          <Input className="text-input" value={form.address} maxlength={100} placeholder="路名、门牌号、教室" onInput={(ev) => update({ address: ev.detail.value }, ['place.address'])} />
        </FormField>
        <FormField label="位置" required hint="附近的人按离家远近找到这个班" error={e('place.lat') ?? e('place.lng')}>
          <LocationField lat={form.lat} lng={form.lng} onChange={(lat, lng) => update({ lat, lng }, ['place'])} />
        </FormField>
      </View>
      <View className="card">
        <Text className="card__title">名额和费用</Text>
        <FormField label="名额" required hint="报满后再报名的人进入候补" error={e('seats')}>
          <Input className="text-input" type="number" value={form.seats} maxlength={3} placeholder="人数" onInput={(ev) => update({ seats: ev.detail.value }, ['seats'])} />
        </FormField>
        <FormField label="学费（元）" required hint="免费填 0" error={e('feeFen')}>
          <Input className="text-input" type="digit" value={form.fee} maxlength={9} onInput={(ev) => update({ fee: ev.detail.value }, ['feeFen'])} />
        </FormField>
        <FormField label="可用的培训券" hint={programmes.length ? '学员结业时核销，可不选' : '本机构所在地暂时没有可用的培训券'} error={e('acceptedProgrammeIds')}>
          <Toggles options={programmes.map((p) => ({ value: p.id, label: p.name }))} chosen={form.acceptedProgrammeIds} onChange={(next) => update({ acceptedProgrammeIds: next }, ['acceptedProgrammeIds'])} />
        </FormField>
        <FormField label="补贴对象" hint="补贴班只收这些人；不选则人人可报" error={e('eligibleGroups')}>
          <Toggles options={choices(VOUCHER_TARGET_GROUPS, recognisedCategoryLabels)} chosen={form.eligibleGroups} onChange={(next) => update({ eligibleGroups: next }, ['eligibleGroups'])} />
        </FormField>
        <FormField label="报名材料" hint="用顿号隔开，例如：身份证、一寸照片" error={e('materials')}>
          <Input className="text-input" value={form.materials} maxlength={200} onInput={(ev) => update({ materials: ev.detail.value }, ['materials'])} />
        </FormField>
      </View>
      {submitError ? <Notice message={submitError} /> : null}
      <View className="page__actions">
        <Button className="btn btn--primary" disabled={busy} onClick={submit}>
          {busy ? '正在发布…' : '发布'}
        </Button>
        <Button className="btn btn--secondary" onClick={goBack}>
          返回
        </Button>
      </View>
    </Page>
  );
}
