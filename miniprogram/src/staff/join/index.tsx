// 工作人员加入: the person an administrator invited enters their phone and the code; from their next
// tap they work in that area with those roles (the home shows their tasks).
import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { acceptStaffInvitation, acceptStaffInvitationBodySchema, staffLevelLabels, staffRoleLabels, type StaffMember } from '@doorstep/shared';
import { PhoneCodeFields } from '../../components/PhoneCodeFields';
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
      <PhoneCodeFields value={form} errors={errors} onChange={update} codeLabel="加入码" codeHint="管理员告诉您的 6 位数字" />
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
