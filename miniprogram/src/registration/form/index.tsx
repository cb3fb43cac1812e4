// 求职登记表: first the separate consent for the ID number (单独同意, PIPL), then three short
// steps. Errors from the shared rules or the server sit under their field.
import { useEffect, useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { getJobseekerRegistration, putJobseekerRegistration } from '@doorstep/shared';
import { RegistrationFields } from '../../components/RegistrationFields';
import { StepIndicator } from '../../components/StepIndicator';
import { Notice } from '../../components/Notice';
import { SeparateConsent } from '../../components/SeparateConsent';
import { useActingFor } from '../../hooks/useActingFor';
import { useSignedIn } from '../../hooks/useSignedIn';
import {
  STEPS,
  emptyForm,
  errorsFrom,
  errorsOfStep,
  formFromRegistration,
  stepOf,
  validate,
  withoutErrorsOf,
  type FormErrors,
  type RegistrationFormState,
} from '../../hooks/registrationForm';
import { ApiError, request } from '../../services/request';
import { currentConsents } from '../../services/privacy';
import { Page } from '../../components/Page';
import { ServiceChecklist } from '../../components/ServiceChecklist';
import '../../styles/page.scss';

const MINE_ROUTE = 'registration/mine/index';

export default function RegistrationFormPage() {
  const { session, error: signInError, retry: retrySignIn } = useSignedIn();
  const acting = useActingFor();
  const [form, setForm] = useState<RegistrationFormState>(emptyForm);
  const [maskedId, setMaskedId] = useState<string>();
  const [loading, setLoading] = useState(true);
  const [loadError, setLoadError] = useState<string>();
  const [step, setStep] = useState(0);
  const [errors, setErrors] = useState<FormErrors>({});
  const [submitting, setSubmitting] = useState(false);
  const [submitError, setSubmitError] = useState<string>();
  // The separate consent: asked before the ID number is typed; `undefined` until known.
  const [idConsent, setIdConsent] = useState<boolean>();

  async function loadExisting() {
    setLoading(true);
    setLoadError(undefined);
    try {
      setIdConsent((await currentConsents()).has('id_number'));
      const { registration } = await request(getJobseekerRegistration);
      setForm(formFromRegistration(registration));
      setMaskedId(registration.idNumberMasked);
    } catch (err) {
      if (!(err instanceof ApiError && err.status === 404)) setLoadError((err as Error).message);
    } finally {
      setLoading(false);
    }
  }

  useEffect(() => {
    if (session) void loadExisting();
  }, [session?.token]);

  const update = (patch: Partial<RegistrationFormState>) => {
    setForm((f) => ({ ...f, ...patch }));
    // Clear the errors of the fields just changed, so a fixed field stops looking wrong.
    setErrors((e) => withoutErrorsOf(e, Object.keys(patch) as (keyof RegistrationFormState)[]));
  };

  function next() {
    const found = errorsOfStep(validate(form, { idNumberRequired: !maskedId }).errors, step);
    setErrors(found);
    if (Object.keys(found).length === 0) {
      setStep(step + 1);
      Taro.pageScrollTo({ scrollTop: 0, duration: 0 });
    }
  }

  async function submit() {
    const { body, errors: found } = validate(form, { idNumberRequired: !maskedId });
    if (!body) {
      setErrors(found);
      setStep(Math.min(...Object.keys(found).map(stepOf)));
      return;
    }
    setSubmitting(true);
    setSubmitError(undefined);
    try {
      await request(putJobseekerRegistration, { body });
      Taro.showToast({ title: maskedId ? '已保存' : '登记成功', icon: 'success' });
      // Came from 我的求职登记: go back to it (it reloads when shown); otherwise open it in our place.
      const pages = Taro.getCurrentPages();
      const previous = pages[pages.length - 2] as { route?: string; path?: string } | undefined;
      if (`${previous?.route ?? previous?.path ?? ''}`.includes(MINE_ROUTE)) Taro.navigateBack();
      else Taro.redirectTo({ url: `/${MINE_ROUTE}` });
    } catch (err) {
      if (err instanceof ApiError && err.details.length) {
        const serverErrors = errorsFrom(err.details);
        setErrors(serverErrors);
        setStep(Math.min(...Object.keys(serverErrors).map(stepOf)));
        setSubmitError(err.message);
      } else {
        // Nothing typed is lost: the form keeps its state and the person can try again.
        setSubmitError((err as Error).message);
      }
    } finally {
      setSubmitting(false);
    }
  }

  if (signInError) return <Page><Notice message={signInError} actionText="重新登录" onAction={retrySignIn} /></Page>;
  if (!session || loading) {
    return (
      <Page>
        <Text className="page__loading">正在加载…</Text>
      </Page>
    );
  }
  if (loadError) return <Page><Notice message={loadError} actionText="重试" onAction={loadExisting} /></Page>;

  if (!idConsent && acting) {
    // The separate consent is the person's own: a family member cannot give it for them.
    return (
      <Page>
        <Text className="page__title">需要{acting.callName}本人同意</Text>
        <Notice
          kind="info"
          message={`求职登记要用身份证号，这需要${acting.callName}本人单独同意。请${acting.callName}在自己的手机上打开「家门口就业」→ 求职登记，点「同意」；或者在邀请您代办时勾选同意。之后您就可以代为登记。`}
        />
        <View className="page__actions">
          <Button className="btn btn--secondary" onClick={() => Taro.navigateBack()}>
            返回
          </Button>
        </View>
      </Page>
    );
  }

  if (!idConsent) return <SeparateConsent purpose="id_number" refusedText="您没有同意，暂时不能办理求职登记。工作和培训照常可以查看。" onAgreed={() => setIdConsent(true)} />;

  return (
    <Page>
      <StepIndicator steps={STEPS} current={step} />
      {step === 0 ? <ServiceChecklist service="jobseeker_registration" /> : null}
      {submitError ? <Notice message={submitError} /> : null}
      {/* Keyed by step: Taro's H5 components do not take every prop change on a reused element
          (a reused input kept the previous step's placeholder), so each step mounts fresh. */}
      <RegistrationFields key={step} step={step} form={form} errors={errors} maskedId={maskedId} update={update} />
      <View className="page__actions" key={`actions-${step}`}>
        {step > 0 ? (
          <Button className="btn btn--secondary" onClick={() => setStep(step - 1)} disabled={submitting}>
            上一步
          </Button>
        ) : null}
        {step < STEPS.length - 1 ? (
          <Button className="btn btn--primary" onClick={next}>
            下一步
          </Button>
        ) : (
          <Button className="btn btn--primary" onClick={submit} disabled={submitting}>
            {submitting ? '正在提交…' : maskedId ? '保存修改' : '提交登记'}
          </Button>
        )}
      </View>
    </Page>
  );
}
