// 工作人员加入: the person an administrator invited enters their phone and the code; from their next
// tap they work in that area with those roles (the home shows their tasks).
import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Input, Text, View } from '@tarojs/components';
import { acceptStaffInvitation, acceptStaffInvitationBodySchema, staffLevelLabels, staffRoleLabels, type StaffMember } from '@doorstep/shared';
import { FormField } from '../../components/FormField';
import { Notice } from '../../components/Notice';
import { Page } from '../../components/Page';
import { check } from '../../hooks/fieldErrors';
import { useFormSubmit } from '../../hooks/useFormSubmit';
import { goBack } from '../../services/nav';
import { request } from '../../services/request';
import '../../styles/page.scss';

export default function JoinStaffPage() {
  const [form, setForm] = useState({ phone: '', code: '' });
  const [member, setMember] = useState<StaffMember>();
  const { errors, busy, submitError, refuse, send, clear } = useFormSubmit();
  const update = (patch: Partial<typeof form>) => {
    setForm((f) => ({ ...f, ...patch }));
    clear(Object.keys(patch));
  };

  async function submit() {
    const checked = check(acceptStaffInvitationBodySchema, form);
    if (!checked.body) return refuse(checked.errors);
    const body = checked.body;
    await send(async () => setMember((await request(acceptStaffInvitation, { body })).member));
  }

  if (member) {
    return (
      <Page>
        <Text className="page__title">{`您已成为${member.areaName}的工作人员`}</Text>
        <Notice kind="info" message={`级别：${staffLevelLabels[member.level]}；权限：${member.roles.map((r) => staffRoleLabels[r]).join('、')}。首页会显示您的工作入口。`} />
        <Button className="btn btn--primary" onClick={() => void Taro.reLaunch({ url: '/pages/index/index' })}>
          回到首页
        </Button>
      </Page>
    );
  }
  return (
    <Page>
      <Text className="page__title">工作人员加入</Text>
      <Text className="page__lead">输入管理员邀请您时填写的手机号和告诉您的加入码。</Text>
      <FormField label="您的手机号" required error={errors.phone}>
        <Input className="text-input" type="number" maxlength={11} value={form.phone} placeholder="11位手机号" onInput={(e) => update({ phone: e.detail.value })} />
      </FormField>
      <FormField label="加入码" required hint="管理员告诉您的 6 位数字" error={errors.code}>
        <Input className="text-input" type="number" maxlength={6} value={form.code} placeholder="6位数字" onInput={(e) => update({ code: e.detail.value })} />
      </FormField>
      {submitError ? <Notice message={submitError} /> : null}
      <View className="page__actions">
        <Button className="btn btn--secondary" onClick={goBack} disabled={busy}>
          返回
        </Button>
        <Button className="btn btn--primary" onClick={() => void submit()} disabled={busy}>
          {busy ? '正在加入…' : '加入'}
        </Button>
      </View>
    </Page>
  );
}
