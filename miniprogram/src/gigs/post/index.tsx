// 发布零工: in under a minute — the place starts at home (from the registration), today 14:00–
// 17:00; what, pay and how many are the rest. Checked before sending (errors beside the fields),
// and again by the server (the minimum hourly wage of the place, discriminatory words); a
// person's post is live at once, the station checks it afterwards. A unit's member may post as
// the unit (the station checks it first).
import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { createGig, getJobseekerRegistration, gigBodySchema, listMyEmployers } from '@doorstep/shared';
import { Notice } from '../../components/Notice';
import { Page } from '../../components/Page';
import { ChoiceToggles } from '../../components/Toggles';
import { check } from '../../hooks/fieldErrors';
import { useFormSubmit } from '../../hooks/useFormSubmit';
import { usePageData } from '../../hooks/usePageData';
import { ApiError, request } from '../../services/request';
import { emptyGigForm, gigBodyOf, GigFields, type GigForm } from '../components/GigFields';
import '../../styles/page.scss';
import '../components/gigs.scss';

export default function PostGigPage() {
  const [form, setForm] = useState<GigForm>();
  const [asUnit, setAsUnit] = useState<string>('');
  const { data, gate } = usePageData(async () => {
    let home: GigForm | undefined;
    try {
      const { registration: r } = await request(getJobseekerRegistration);
      home = { ...emptyGigForm(), areaCode: r.residence.areaCode, address: r.residence.address, lat: String(r.residence.lat), lng: String(r.residence.lng) };
    } catch (err) {
      if (!(err instanceof ApiError && err.status === 404)) throw err;
    }
    const units = (await request(listMyEmployers)).items.filter((m) => m.employer.status === 'approved').map((m) => m.employer);
    if (home) setForm((f) => f ?? home);
    else if (units.length) setForm((f) => f ?? emptyGigForm());
    return { registered: !!home, units };
  });
  const submission = useFormSubmit();
  const { errors, busy, submitError } = submission;
  if (gate || !data) return gate;
  if (!data.registered && data.units.length === 0) {
    return (
      <Page>
        <Text className="page__title">发布零工</Text>
        <Notice kind="info" message="发布零工要留下您的姓名和手机号，方便接活的人联系您。请先完成个人登记（求职登记），只要几分钟。" actionText="去登记" onAction={() => void Taro.navigateTo({ url: '/registration/form/index' })} />
      </Page>
    );
  }
  if (!form) return null;

  const update = (patch: Partial<GigForm>, paths: string[]) => {
    setForm((f) => ({ ...f!, ...patch }));
    submission.clear(paths);
  };

  async function post() {
    const checked = check(gigBodySchema, { ...gigBodyOf(form!), ...(asUnit ? { employerId: asUnit } : {}) });
    if (!checked.body) return submission.refuse(checked.errors);
    await submission.send(async () => {
      const { gig } = await request(createGig, { body: checked.body! });
      void Taro.showToast({ title: gig.status === 'open' ? '已发布' : '已提交，等驿站核查', icon: 'success' });
      await Taro.redirectTo({ url: `/gigs/gig/index?id=${gig.id}` });
    });
  }

  return (
    <Page>
      <Text className="page__title">发布零工</Text>
      <Text className="page__lead">附近的人会在“零工”里看到。接活以后，双方才能看到对方的电话。</Text>
      {data.units.length ? (
        <View className="card">
          <Text className="card__title">以谁的名义</Text>
          <ChoiceToggles options={[...(data.registered ? [{ value: '', label: '我个人' }] : []), ...data.units.map((u) => ({ value: u.id, label: u.name }))]} chosen={asUnit} onChange={setAsUnit} />
          {asUnit ? <Text className="page__lead">以单位名义发布的，零工驿站核查后上线。</Text> : null}
        </View>
      ) : null}
      <GigFields form={form} errors={errors} update={update} />
      {submitError ? <Notice message={submitError} /> : null}
      <Button className="btn btn--primary" disabled={busy} onClick={() => void post()}>
        {busy ? '正在发布…' : '发布'}
      </Button>
    </Page>
  );
}
