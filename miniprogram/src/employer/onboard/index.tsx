// 单位入驻: a small shop or factory registers from a phone and waits for its street's review.
import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Input, Text, Textarea, View } from '@tarojs/components';
import {
  ECONOMIC_TYPES,
  EMPLOYER_INTRO_MAX_CHARS,
  INDUSTRIES,
  createEmployer,
  createEmployerBodySchema,
  economicTypeLabels,
  industryLabels,
} from '@doorstep/shared';
import { AreaPicker } from '../../components/AreaPicker';
import { ChoicePicker } from '../../components/ChoicePicker';
import { FormField } from '../../components/FormField';
import { LocationField } from '../../components/LocationField';
import { Notice } from '../../components/Notice';
import { PhotoField } from '../../components/PhotoField';
import { useFormSubmit } from '../../hooks/useFormSubmit';
import { useSignedIn } from '../../hooks/useSignedIn';
import { check, numberOrText } from '../../hooks/fieldErrors';
import { goBack } from '../../services/nav';
import { request } from '../../services/request';
import { Page } from '../../components/Page';
import { ServiceChecklist } from '../../components/ServiceChecklist';
import '../../styles/page.scss';

const choices = <K extends string>(keys: readonly K[], labels: Record<K, string>) => keys.map((k) => ({ value: k, label: `${labels[k]}` }));

const empty = {
  name: '',
  uscc: '',
  industry: '',
  economicType: '',
  areaCode: '',
  address: '',
  lat: '',
  lng: '',
  intro: '',
  contactName: '',
  contactPhone: '',
  licenceImageKey: '',
};
type Form = typeof empty;

export default function EmployerOnboardPage() {
  const { session, error: signInError, retry } = useSignedIn();
  const [form, setForm] = useState<Form>(empty);
  const submission = useFormSubmit();
  const { errors, busy: submitting, submitError } = submission;

  const update = (patch: Partial<Form>, fields: string[] = Object.keys(patch)) => {
    setForm((f) => ({ ...f, ...patch }));
    submission.clear(fields);
  };

  function body() {
    return {
      name: form.name,
      uscc: form.uscc.trim().toUpperCase(),
      industry: form.industry,
      economicType: form.economicType,
      address: { areaCode: form.areaCode, address: form.address, lat: numberOrText(form.lat), lng: numberOrText(form.lng) },
      intro: form.intro,
      contactName: form.contactName,
      contactPhone: form.contactPhone,
      ...(form.licenceImageKey ? { licenceImageKey: form.licenceImageKey } : {}),
    };
  }

  async function submit() {
    const checked = check(createEmployerBodySchema, body());
    if (!checked.body) return submission.refuse(checked.errors);
    await submission.send(async () => {
      await request(createEmployer, { body: checked.body });
      await Taro.redirectTo({ url: '/employer/mine/index' });
    });
  }

  if (signInError) return <Page><Notice message={signInError} actionText="重新登录" onAction={retry} /></Page>;
  if (!session) return <Page><Text className="page__loading">正在登录…</Text></Page>;

  const locationError = errors['address.lat'] ?? errors['address.lng'];
  return (
    <Page>
      <Text className="page__title">单位入驻</Text>
      <Text className="page__lead">填写单位信息并上传营业执照照片。提交后由单位所在街道审核，一般 3 个工作日内有结果。</Text>
      <ServiceChecklist service="employer_recruitment" />
      <View className="card">
        <Text className="card__title">单位信息</Text>
        <FormField label="单位名称" required error={errors.name}>
          <Input className="text-input" value={form.name} maxlength={100} placeholder="与营业执照一致" onInput={(e) => update({ name: e.detail.value })} />
        </FormField>
        <FormField label="统一社会信用代码" required hint="营业执照上的18位代码" error={errors.uscc}>
          <Input className="text-input" value={form.uscc} maxlength={18} placeholder="18位，字母和数字" onInput={(e) => update({ uscc: e.detail.value })} />
        </FormField>
        <FormField label="所属行业" required error={errors.industry}>
          <ChoicePicker options={choices(INDUSTRIES, industryLabels)} value={form.industry as never} placeholder="请选择行业" onChange={(v) => update({ industry: v })} />
        </FormField>
        <FormField label="经济类型" required error={errors.economicType}>
          <ChoicePicker
            options={choices(ECONOMIC_TYPES, economicTypeLabels)}
            value={form.economicType as never}
            placeholder="请选择经济类型"
            onChange={(v) => update({ economicType: v })}
          />
        </FormField>
        <FormField label="营业执照照片" hint="拍清楚整张执照，审核更快" error={errors.licenceImageKey}>
          <PhotoField purpose="licences" value={form.licenceImageKey} buttonText="拍照或选择照片" onChange={(key) => update({ licenceImageKey: key })} />
        </FormField>
      </View>
      <View className="card">
        <Text className="card__title">单位地址</Text>
        <FormField label="所在社区（村）" required error={errors['address.areaCode']}>
          <AreaPicker value={form.areaCode} onChange={(code) => update({ areaCode: code }, ['address.areaCode'])} />
        </FormField>
        <FormField label="详细地址" required error={errors['address.address']}>
          <Input className="text-input" value={form.address} maxlength={100} placeholder="路名、门牌号" onInput={(e) => update({ address: e.detail.value }, ['address.address'])} />
        </FormField>
        <FormField label="单位位置" required hint="用于向附近 3 公里的求职者推荐您的岗位" error={locationError}>
          <LocationField lat={form.lat} lng={form.lng} onChange={(lat, lng) => update({ lat, lng }, ['address.lat', 'address.lng'])} />
        </FormField>
      </View>
      <View className="card">
        <Text className="card__title">联系方式和简介</Text>
        <FormField label="联系人" required error={errors.contactName}>
          <Input className="text-input" value={form.contactName} maxlength={30} placeholder="姓名" onInput={(e) => update({ contactName: e.detail.value })} />
        </FormField>
        <FormField label="联系电话" required error={errors.contactPhone}>
          <Input className="text-input" type="number" value={form.contactPhone} maxlength={11} placeholder="11位手机号" onInput={(e) => update({ contactPhone: e.detail.value })} />
        </FormField>
        <FormField label="单位简介" hint={`最多${EMPLOYER_INTRO_MAX_CHARS}字，可不填`} error={errors.intro}>
          <Textarea className="text-input text-input--multiline" value={form.intro} maxlength={EMPLOYER_INTRO_MAX_CHARS} placeholder="主要业务、规模、工作环境" onInput={(e) => update({ intro: e.detail.value })} />
        </FormField>
      </View>
      {submitError ? <Notice message={submitError} /> : null}
      <View className="page__actions">
        <Button className="btn btn--primary" onClick={submit} disabled={submitting}>
          {submitting ? '正在提交…' : '提交审核'}
        </Button>
        <Button className="btn btn--secondary" onClick={goBack}>
          返回
        </Button>
      </View>
    </Page>
  );
}
