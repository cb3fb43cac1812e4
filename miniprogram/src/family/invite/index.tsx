// 邀请家人代办: the family member's phone, who they are, how they call the person; what they will
// and will not be able to do; the separate consent for the ID number if the person has not given
// it (registering them needs it, and only the person can give it). Then the code to pass on.
import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Input, Text, View } from '@tarojs/components';
import { inviteProxy, inviteProxyBodySchema, maskPhone, PROXY_NOT_ALLOWED, PROXY_RELATIONS, PROXY_SERVICES, proxyRelationLabels, separateConsentTexts, type ProxyRelation } from '@doorstep/shared';
import { FormField } from '../../components/FormField';
import { Notice } from '../../components/Notice';
import { Page } from '../../components/Page';
import { ChoiceToggles, Toggles } from '../../components/Toggles';
import { check } from '../../hooks/fieldErrors';
import { useFormSubmit } from '../../hooks/useFormSubmit';
import { usePageData } from '../../hooks/usePageData';
import { goBack } from '../../services/nav';
import { agree, currentConsents } from '../../services/privacy';
import { channel } from '../../services/proxy';
import { request } from '../../services/request';
import '../../styles/page.scss';
import '../family.scss';

const RELATIONS = PROXY_RELATIONS.map((value) => ({ value, label: proxyRelationLabels[value] }));

export default function InviteProxyPage() {
  const { data: held, gate } = usePageData(() => currentConsents());
  const [form, setForm] = useState<{ phone: string; relation?: ProxyRelation; callName: string }>({ phone: '', callName: '' });
  const [idConsent, setIdConsent] = useState<string[]>([]);
  const [sent, setSent] = useState<{ code: string; phone: string; relation: ProxyRelation }>();
  const { errors, busy, submitError, refuse, send, clear } = useFormSubmit();

  const update = (patch: Partial<typeof form>) => {
    setForm((f) => ({ ...f, ...patch }));
    clear(Object.keys(patch));
  };

  async function submit() {
    const checked = check(inviteProxyBodySchema, { ...form, channel });
    if (!checked.body) return refuse(checked.errors);
    const body = checked.body;
    await send(async () => {
      if (idConsent.length) await agree(['id_number']);
      const { code, invitation } = await request(inviteProxy, { body, self: true });
      setSent({ code, phone: invitation.phone, relation: invitation.relation });
    });
  }

  if (gate || !held) return gate;
  if (sent) {
    return (
      <Page>
        <Text className="page__title">邀请码已生成</Text>
        <View className="card" id="proxy-code">
          <Text className="consent__text">{`请把邀请码告诉您的${proxyRelationLabels[sent.relation]}：`}</Text>
          <Text className="family-code">{sent.code}</Text>
          <Text className="consent__text">{`TA 用自己的微信打开「家门口就业」→ 亲情代办 → 接受家人的邀请，输入手机号 ${maskPhone(sent.phone)} 和这个邀请码。7 天内有效。`}</Text>
        </View>
        <View className="page__actions">
          <Button className="btn btn--primary" onClick={goBack}>
            完成
          </Button>
        </View>
      </Page>
    );
  }
  return (
    <Page>
      <Text className="page__title">邀请家人为我代办</Text>
      <View className="card">
        <Text className="card__title">TA 可以为您办</Text>
        {PROXY_SERVICES.map((s) => (
          <Text key={s} className="family-list__item">{`· ${s}`}</Text>
        ))}
        <Text className="consent__text section-title">{`${PROXY_NOT_ALLOWED}TA 办的每件事您都能在「代办记录」里看到，您随时可以解除。`}</Text>
      </View>
      <FormField label="家人的手机号" required hint="TA 接受邀请时要输入这个号码" error={errors.phone}>
        <Input className="text-input" type="number" maxlength={11} value={form.phone} placeholder="11位手机号" onInput={(e) => update({ phone: e.detail.value })} />
      </FormField>
      <FormField label="TA 是您的" required error={errors.relation}>
        <ChoiceToggles options={RELATIONS} chosen={form.relation} onChange={(relation) => update({ relation })} />
      </FormField>
      <FormField label="TA 怎么称呼您" required hint="例如：妈妈、王阿姨。TA 代办时手机上会这样显示" error={errors.callName}>
        <Input className="text-input" maxlength={10} value={form.callName} placeholder="例如：妈妈" onInput={(e) => update({ callName: e.detail.value })} />
      </FormField>
      {held.has('id_number') ? null : (
        <View className="card">
          <Text className="card__title">{separateConsentTexts.id_number.title}</Text>
          <Text className="consent__text">{`${separateConsentTexts.id_number.why}家人为您办求职登记时要用到。`}</Text>
          <Toggles options={[{ value: 'id_number', label: '同意，让家人可以为我办求职登记' }]} chosen={idConsent} onChange={setIdConsent} />
          <Text className="consent__text section-title">不勾选也可以邀请，以后您自己同意后家人再办。</Text>
        </View>
      )}
      {submitError ? <Notice message={submitError} /> : null}
      <View className="page__actions">
        <Button className="btn btn--secondary" onClick={goBack} disabled={busy}>
          返回
        </Button>
        <Button className="btn btn--primary" onClick={() => void submit()} disabled={busy}>
          {busy ? '正在生成…' : '同意并生成邀请码'}
        </Button>
      </View>
    </Page>
  );
}
