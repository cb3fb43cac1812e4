// 帮人发布零工 (station staff): someone walked in — a household needing a hand, an elderly
// resident without a smartphone — and the station posts for them with their name and phone, in
// the station's area. Live at once (the station has checked it in person).
import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Input, Text, View } from '@tarojs/components';
import { assistedGigBodySchema, postGigForPerson } from '@doorstep/shared';
import { FormField } from '../../components/FormField';
import { Notice } from '../../components/Notice';
import { Page } from '../../components/Page';
import { check } from '../../hooks/fieldErrors';
import { useFormSubmit } from '../../hooks/useFormSubmit';
import { emptyGigForm, gigBodyOf, GigFields, type GigForm } from '../../gigs/components/GigFields';
import { request } from '../../services/request';
import '../../styles/page.scss';
import '../../gigs/components/gigs.scss';

export default function AssistedGigPage() {
  const [form, setForm] = useState<GigForm>(emptyGigForm());
  const [contact, setContact] = useState({ name: '', phone: '' });
  const submission = useFormSubmit();
  const { errors, busy, submitError } = submission;
  const update = (patch: Partial<GigForm>, paths: string[]) => {
    setForm((f) => ({ ...f, ...patch }));
    submission.clear(paths);
  };

  async function post() {
    const checked = check(assistedGigBodySchema, { ...gigBodyOf(form), contactName: contact.name.trim(), contactPhone: contact.phone.trim() });
    if (!checked.body) return submission.refuse(checked.errors);
    await submission.send(async () => {
      await request(postGigForPerson, { body: checked.body! });
      void Taro.showToast({ title: '已发布', icon: 'success' });
      await Taro.redirectTo({ url: '/staff/gigs/index' });
    });
  }

  return (
    <Page>
      <Text className="page__title">帮上门的人发布零工</Text>
      <View className="card">
        <Text className="card__title">发布人</Text>
        <FormField label="姓名" required error={errors.contactName}>
          <Input className="text-input" value={contact.name} maxlength={30} onInput={(e) => { setContact((c) => ({ ...c, name: e.detail.value })); submission.clear(['contactName']); }} />
        </FormField>
        <FormField label="手机号" required hint="接活的人接单后才能看到" error={errors.contactPhone}>
          <Input className="text-input" type="number" value={contact.phone} maxlength={11} onInput={(e) => { setContact((c) => ({ ...c, phone: e.detail.value })); submission.clear(['contactPhone']); }} />
        </FormField>
      </View>
      <GigFields form={form} errors={errors} update={update} />
      {submitError ? <Notice message={submitError} /> : null}
      <Button className="btn btn--primary" disabled={busy} onClick={() => void post()}>
        {busy ? '正在发布…' : '发布'}
      </Button>
    </Page>
  );
}
