// 接受家人的邀请: the family member's own phone and the code; what acting for someone means, agreed
// by accepting (recorded); then a tap to start acting for them.
import { useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import { acceptProxyInvitation, acceptProxyInvitationBodySchema, PROXY_NOT_ALLOWED, PROXY_SERVICES, type ProxyBinding } from '@doorstep/shared';
import { PhoneCodeFields } from '../../components/PhoneCodeFields';
import { Notice } from '../../components/Notice';
import { Page } from '../../components/Page';
import { check } from '../../hooks/fieldErrors';
import { useFormSubmit } from '../../hooks/useFormSubmit';
import { goBack } from '../../services/nav';
import { actFor, channel } from '../../services/proxy';
import { request } from '../../services/request';
import '../../styles/page.scss';
import '../family.scss';

export default function AcceptProxyPage() {
  const [form, setForm] = useState({ phone: '', code: '' });
  const [binding, setBinding] = useState<ProxyBinding>();
  const { errors, busy, submitError, refuse, send, clear } = useFormSubmit();

  const update = (patch: Partial<typeof form>) => {
    setForm((f) => ({ ...f, ...patch }));
    clear(Object.keys(patch));
  };

  async function submit() {
    const checked = check(acceptProxyInvitationBodySchema, { ...form, channel });
    if (!checked.body) return refuse(checked.errors);
    const body = checked.body;
    await send(async () => setBinding((await request(acceptProxyInvitation, { body, self: true })).binding));
  }

  if (binding) {
    return (
      <Page>
        <Text className="page__title">{`您现在可以为「${binding.callName}」代办了`}</Text>
        <Notice kind="info" message={`在「亲情代办」里点「现在为${binding.callName}代办」，就可以用您的手机为 TA 办事；办完点「退出代办」。`} />
        {submitError ? <Notice message={submitError} /> : null}
        <View className="stack">
          <Button className="btn btn--primary" disabled={busy} onClick={() => void send(() => actFor(binding.id))}>
            {`现在为「${binding.callName}」代办`}
          </Button>
          <Button className="btn btn--secondary" onClick={goBack}>
            以后再说
          </Button>
        </View>
      </Page>
    );
  }
  return (
    <Page>
      <Text className="page__title">接受家人的邀请</Text>
      <View className="card">
        <Text className="card__title">接受后，您可以为家人办</Text>
        {PROXY_SERVICES.map((s) => (
          <Text key={s} className="family-list__item">{`· ${s}`}</Text>
        ))}
        <Text className="consent__text section-title">{`${PROXY_NOT_ALLOWED}您办的每件事都记在对方的账号上，对方能看到；您和对方都可以随时解除。您看到的对方信息只能用于为对方办事。`}</Text>
      </View>
      <PhoneCodeFields value={form} errors={errors} onChange={update} phoneHint="家人邀请您时填写的号码" codeLabel="邀请码" codeHint="家人告诉您的 6 位数字" />
      {submitError ? <Notice message={submitError} /> : null}
      <View className="page__actions">
        <Button className="btn btn--secondary" onClick={goBack} disabled={busy}>
          返回
        </Button>
        <Button className="btn btn--primary" onClick={() => void submit()} disabled={busy}>
          {busy ? '正在确认…' : '同意并接受'}
        </Button>
      </View>
    </Page>
  );
}
