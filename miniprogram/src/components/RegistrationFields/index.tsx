// The fields of one step of the registration form.
import { useState } from 'react';
import { Button, Input, Text, Textarea, View } from '@tarojs/components';
import {
  DISTANCE_CHOICES_KM,
  EDUCATION_LEVELS,
  PERSON_CATEGORIES,
  PROFESSIONAL_TITLES,
  QUALIFICATION_LEVELS,
  RESUME_MAX_CHARS,
  SHIFTS,
  educationLabels,
  personCategoryLabels,
  professionalTitleLabels,
  qualificationLabels,
  shiftLabels,
  todayInChina,
} from '@doorstep/shared';
import { AreaPicker } from '../AreaPicker';
import { ChoicePicker } from '../ChoicePicker';
import { DateField } from '../DateField';
import { FormField } from '../FormField';
import { location } from '../../services/location';
import type { FormErrors, RegistrationFormState } from '../../hooks/registrationForm';
import './index.scss';

const choices = <K extends string>(keys: readonly K[], labels: Record<K, string>) => keys.map((k) => ({ value: k, label: labels[k] }));

export interface RegistrationFieldsProps {
  step: number;
  form: RegistrationFormState;
  errors: FormErrors;
  /** Set when editing: the stored ID number, masked. */
  maskedId?: string;
  update(patch: Partial<RegistrationFormState>): void;
}

export function RegistrationFields({ step, form, errors, maskedId, update }: RegistrationFieldsProps) {
  const [locating, setLocating] = useState(false);
  const [locateError, setLocateError] = useState<string>();
  const [manualLocation, setManualLocation] = useState(false);

  async function locate() {
    setLocating(true);
    setLocateError(undefined);
    try {
      const { lat, lng } = await location.current();
      update({ lat: String(lat), lng: String(lng) });
    } catch {
      setLocateError('没能获取位置。请允许使用位置，或点“手动填写经纬度”。');
    } finally {
      setLocating(false);
    }
  }

  if (step === 0) {
    return (
      <View>
        <FormField label="姓名" required error={errors.name}>
          <Input className="text-input" value={form.name} maxlength={30} placeholder="与身份证上一致" onInput={(e) => update({ name: e.detail.value })} />
        </FormField>
        <FormField
          label="身份证号"
          required={!maskedId}
          hint={maskedId ? `已登记：${maskedId}。号码有误时才需重新填写。` : '性别和年龄会根据身份证号自动识别'}
          error={errors.idNumber}
        >
          <Input
            className="text-input"
            type="idcard"
            value={form.idNumber}
            maxlength={18}
            placeholder={maskedId ? '不修改请留空' : '18位身份证号'}
            onInput={(e) => update({ idNumber: e.detail.value })}
          />
        </FormField>
        <FormField label="手机号码" required error={errors.phone}>
          <Input className="text-input" type="number" value={form.phone} maxlength={11} placeholder="11位手机号" onInput={(e) => update({ phone: e.detail.value })} />
        </FormField>
        <FormField label="文化程度" required error={errors.education}>
          <ChoicePicker
            options={choices(EDUCATION_LEVELS, educationLabels)}
            value={form.education}
            placeholder="请选择文化程度"
            onChange={(education) => update({ education })}
          />
        </FormField>
        <FormField label="从业年限（年）" required hint="没有工作过请填 0" error={errors.yearsOfExperience}>
          <Input className="text-input" type="number" value={form.yearsOfExperience} maxlength={2} placeholder="如 5" onInput={(e) => update({ yearsOfExperience: e.detail.value })} />
        </FormField>
        <FormField label="人员类别" error={errors.personCategory}>
          <ChoicePicker
            options={choices(PERSON_CATEGORIES, personCategoryLabels)}
            value={form.personCategory}
            placeholder="可不选"
            onChange={(personCategory) => update({ personCategory })}
            onClear={() => update({ personCategory: '' })}
          />
        </FormField>
        <FormField label="毕业日期" hint="离开学校的日期。毕业 2 年内可享受毕业生就业政策；可不填" error={errors.graduationDate}>
          <DateField
            value={form.graduationDate}
            end={todayInChina()}
            placeholder="可不填"
            onChange={(graduationDate) => update({ graduationDate })}
            onClear={() => update({ graduationDate: '' })}
          />
        </FormField>
        <FormField label="职业资格等级" error={errors.qualificationLevel}>
          <ChoicePicker
            options={choices(QUALIFICATION_LEVELS, qualificationLabels)}
            value={form.qualificationLevel}
            placeholder="没有可不选"
            onChange={(qualificationLevel) => update({ qualificationLevel })}
            onClear={() => update({ qualificationLevel: '' })}
          />
        </FormField>
        <FormField label="职称" error={errors.professionalTitle}>
          <ChoicePicker
            options={choices(PROFESSIONAL_TITLES, professionalTitleLabels)}
            value={form.professionalTitle}
            placeholder="没有可不选"
            onChange={(professionalTitle) => update({ professionalTitle })}
            onClear={() => update({ professionalTitle: '' })}
          />
        </FormField>
      </View>
    );
  }

  if (step === 1) {
    return (
      <View>
        <FormField label="居住的社区（村）" required error={errors['residence.areaCode']}>
          <AreaPicker value={form.areaCode} onChange={(areaCode, areaName) => update({ areaCode, areaName })} />
        </FormField>
        <FormField label="详细地址" required hint="如：鼓东路18号3单元" error={errors['residence.address']}>
          <Input className="text-input" value={form.address} maxlength={100} placeholder="街道门牌号" onInput={(e) => update({ address: e.detail.value })} />
        </FormField>
        <FormField
          label="家的位置"
          required
          hint="用于推荐您家附近 3 公里内的工作"
          error={errors['residence.location'] ?? errors['residence.lat'] ?? errors['residence.lng'] ?? locateError}
        >
          {form.lat && form.lng ? (
            <Text className="registration-fields__located">
              已获取位置（纬度 {Number(form.lat).toFixed(4)}，经度 {Number(form.lng).toFixed(4)}）
            </Text>
          ) : null}
          <Button className="btn btn--secondary" onClick={locate} disabled={locating}>
            {locating ? '正在获取位置…' : form.lat ? '重新获取当前位置' : '获取当前位置'}
          </Button>
          {manualLocation ? (
            <View className="registration-fields__manual">
              <Text className="registration-fields__sub-label">纬度</Text>
              <Input className="text-input" type="digit" value={form.lat} placeholder="如 26.0845" onInput={(e) => update({ lat: e.detail.value })} />
              <Text className="registration-fields__sub-label">经度</Text>
              <Input className="text-input" type="digit" value={form.lng} placeholder="如 119.3012" onInput={(e) => update({ lng: e.detail.value })} />
            </View>
          ) : (
            <Text className="registration-fields__link" onClick={() => setManualLocation(true)}>
              手动填写经纬度
            </Text>
          )}
        </FormField>
      </View>
    );
  }

  return (
    <View>
      <FormField label="想做的工种" required hint="最多5个，用顿号隔开，如：保洁员、收银员" error={errors['intention.occupations'] ?? errors['intention.occupations.0']}>
        <Input className="text-input" value={form.occupations} maxlength={110} placeholder="如：保洁员、收银员" onInput={(e) => update({ occupations: e.detail.value })} />
      </FormField>
      <FormField label="最低月薪（元）" required error={errors['intention.minMonthlySalaryFen']}>
        <Input className="text-input" type="digit" value={form.minMonthlySalaryYuan} maxlength={9} placeholder="如 3500" onInput={(e) => update({ minMonthlySalaryYuan: e.detail.value })} />
      </FormField>
      <FormField label="上班距离" required error={errors['intention.maxDistanceKm']}>
        <ChoicePicker
          options={DISTANCE_CHOICES_KM.map((km) => ({ value: km, label: `离家 ${km} 公里以内` }))}
          value={form.maxDistanceKm}
          placeholder="请选择"
          onChange={(maxDistanceKm) => update({ maxDistanceKm })}
        />
      </FormField>
      <FormField label="班次" required error={errors['intention.shift']}>
        <ChoicePicker options={choices(SHIFTS, shiftLabels)} value={form.shift} placeholder="请选择班次" onChange={(shift) => update({ shift })} />
      </FormField>
      <FormField label="个人简历" hint={`写写做过什么工作、会什么（最多${RESUME_MAX_CHARS}字，已写${form.resume.length}字）`} error={errors.resume}>
        <Textarea
          className="text-input"
          value={form.resume}
          maxlength={RESUME_MAX_CHARS}
          autoHeight
          placeholder="可不填"
          onInput={(e) => update({ resume: e.detail.value })}
        />
      </FormField>
    </View>
  );
}
