// 发布零工: in under a minute — the place starts at home (from the registration), today 14:00–
// 17:00; what, pay and how many are the rest. Someone without a registration (a household needing
// a hand) first lets WeChat give their verified phone (getPhoneNumber, in the mini-program) and
// says how to call them; in H5 they are told to do it in WeChat or register. Checked before sending (errors beside the fields),
// and again by the server (the minimum hourly wage of the place, discriminatory words); a
// person's post is live at once, the station checks it afterwards. A unit's member may post as
// the unit (the station checks it first).
import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Input, Text, View } from '@tarojs/components';
import { createGig, getGigContact, getJobseekerRegistration, gigBodySchema, listMyEmployers, verifyGigContact } from '@doorstep/shared';
import { FormField } from '../../components/FormField';
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
  const { data, gate, reload } = usePageData(async () => {
    let home: GigForm | undefined;
    try {
      const { registration: r } = await request(getJobseekerRegistration);
      home = { ...emptyGigForm(), areaCode: r.residence.areaCode, address: r.residence.address, lat: String(r.residence.lat), lng: String(r.residence.lng) };
    } catch (err) {
      if (!(err instanceof ApiError && err.status === 404)) throw err;
    }
    const [units, { contact }] = await Promise.all([
      request(listMyEmployers).then((r) => r.items.filter((m) => m.employer.status === 'approved').map((m) => m.employer)),
      request(getGigContact),
    ]);
    if (home) setForm((f) => f ?? home);
    else if (units.length || contact) setForm((f) => f ?? emptyGigForm());
    return { registered: !!home, units, contact };
  });
  const [name, setName] = useState('');
  const [verifyError, setVerifyError] = useState<string>();
  const submission = useFormSubmit();
  const { errors, busy, submitError } = submission;
  if (gate || !data) return gate;
  if (!data.registered && data.units.length === 0 && !data.contact) {
    // The code WeChat gives for the person's phone, exchanged by the server for the verified number.
    const verify = async (code?: string) => {
      setVerifyError(undefined);
      if (!code) return setVerifyError('没有拿到手机号。需要您在弹窗里点“允许”。');
      if (!name.trim()) return setVerifyError('请先填写怎么称呼您');
      try {
        await request(verifyGigContact, { body: { code, name: name.trim() } });
        setForm(emptyGigForm());
        await reload();
      } catch (err) {
        setVerifyError((err as Error).message);
      }
    };
    return (
      <Page>
        <Text className="page__title">发布零工</Text>
        <Text className="page__lead">发布零工要留下您的称呼和手机号，接活的人接单后才能看到，方便联系您。</Text>
        {process.env.TARO_ENV === 'weapp' ? (
          <View className="card">
            <FormField label="怎么称呼您" required hint="例如：王女士">
              <Input className="text-input" value={name} maxlength={20} onInput={(e) => setName(e.detail.value)} />
            </FormField>
            <Button className="btn btn--primary" openType="getPhoneNumber" onGetPhoneNumber={(e) => void verify(e.detail.code)}>
              用微信手机号验证
            </Button>
            {verifyError ? <Notice message={verifyError} /> : null}
          </View>
        ) : (
          <Notice kind="info" message="请在微信小程序里用微信手机号验证；或者先完成求职登记，只要几分钟。" />
        )}
        <Button className="btn btn--secondary section-title" onClick={() => void Taro.navigateTo({ url: '/registration/form/index' })}>
          去做求职登记
        </Button>
      </Page>
    );
  }
  if (!form) return null;
  // Posting as oneself needs one's registration or a verified contact; otherwise as a unit.
  const personal = data.registered || !!data.contact;
  const as = asUnit || (personal ? '' : (data.units[0]?.id ?? ''));

  const update = (patch: Partial<GigForm>, paths: string[]) => {
    setForm((f) => ({ ...f!, ...patch }));
    submission.clear(paths);
  };

  async function post() {
    const checked = check(gigBodySchema, { ...gigBodyOf(form!), ...(as ? { employerId: as } : {}) });
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
          <ChoiceToggles options={[...(personal ? [{ value: '', label: '我个人' }] : []), ...data.units.map((u) => ({ value: u.id, label: u.name }))]} chosen={as} onChange={setAsUnit} />
          {as ? <Text className="page__lead">以单位名义发布的，零工驿站核查后上线。</Text> : null}
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
