// 我的单位: each unit the person belongs to, its review status (and why, if refused), and for
// an approved unit's admin, adding a colleague by phone.
import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Input, Text, View } from '@tarojs/components';
import {
  acceptEmployerInvitation,
  acceptInvitationBodySchema,
  employerStatusLabels,
  industryLabels,
  inviteEmployerMember,
  inviteMemberBodySchema,
  listMyEmployers,
  type ResponseOf,
} from '@doorstep/shared';
import { FormField } from '../../components/FormField';
import { PhoneCodeFields } from '../../components/PhoneCodeFields';
import { Notice } from '../../components/Notice';
import { useLoadOnShow } from '../../hooks/useLoadOnShow';
import { useSignedIn } from '../../hooks/useSignedIn';
import { check, fieldErrors } from '../../hooks/fieldErrors';
import { ApiError, request } from '../../services/request';
import { Page } from '../../components/Page';
import '../../styles/page.scss';
import './index.scss';

type Item = ResponseOf<typeof listMyEmployers>['items'][number];

const STATUS_TEXT: Record<Item['employer']['status'], string> = {
  pending_review: '已提交，等待所在街道审核。审核结果会显示在这里。',
  approved: '审核已通过，可以发布招聘岗位。',
  rejected: '审核未通过。请按理由修改后重新提交。',
};

function AddColleague({ employerId }: { employerId: string }) {
  const [phone, setPhone] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [code, setCode] = useState<{ phone: string; code: string; expiresAt: string }>();

  async function invite() {
    const checked = check(inviteMemberBodySchema, { phone });
    if (!checked.body) return setError(checked.errors.phone);
    setBusy(true);
    setError(undefined);
    try {
      const { invitation } = await request(inviteEmployerMember, { params: { id: employerId }, body: checked.body });
      setCode(invitation);
      setPhone('');
    } catch (err) {
      setError(err instanceof ApiError && err.details.length ? fieldErrors(err.details).phone ?? err.message : (err as Error).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <View className="employer-card__colleague">
      <FormField label="添加同事" hint="输入同事的手机号，生成加入码" error={error}>
        <Input className="text-input" type="number" maxlength={11} value={phone} placeholder="同事的11位手机号" onInput={(e) => setPhone(e.detail.value)} />
      </FormField>
      <Button className="btn btn--secondary" onClick={invite} disabled={busy}>
        {busy ? '正在生成…' : '生成加入码'}
      </Button>
      {code ? (
        <Notice
          kind="info"
          message={`请把加入码 ${code.code} 告诉手机号为 ${code.phone} 的同事，7天内有效。同事在“单位招聘 → 加入同事的单位”输入手机号和加入码即可加入。`}
        />
      ) : null}
    </View>
  );
}

/** A colleague joins with their phone and the code their unit's admin passed on. */
function JoinEmployer({ onJoined }: { onJoined(employer: Item['employer']): void }) {
  const [form, setForm] = useState({ phone: '', code: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);

  async function join() {
    const checked = check(acceptInvitationBodySchema, form);
    if (!checked.body) return setErrors(checked.errors);
    setBusy(true);
    setErrors({});
    try {
      const { employer } = await request(acceptEmployerInvitation, { body: checked.body });
      setForm({ phone: '', code: '' });
      onJoined(employer);
    } catch (err) {
      setErrors(err instanceof ApiError && err.details.length ? fieldErrors(err.details) : { code: (err as Error).message });
    } finally {
      setBusy(false);
    }
  }

  return (
    <View className="card">
      <Text className="card__title">加入同事的单位</Text>
      <PhoneCodeFields value={form} errors={errors} onChange={(patch) => setForm((f) => ({ ...f, ...patch }))} phoneHint="单位管理员添加您时填写的手机号" codeLabel="加入码" codeHint="管理员告诉您的6位数字" />
      <Button className="btn btn--secondary employer-card__join" onClick={join} disabled={busy}>
        {busy ? '正在加入…' : '加入单位'}
      </Button>
    </View>
  );
}

export default function MyEmployersPage() {
  const { session, error: signInError, retry } = useSignedIn();
  const [items, setItems] = useState<Item[]>();
  const [error, setError] = useState<string>();
  const [joined, setJoined] = useState<string>();

  async function load() {
    setError(undefined);
    try {
      setItems((await request(listMyEmployers)).items);
    } catch (err) {
      setError((err as Error).message);
    }
  }
  useLoadOnShow(load, !!session, [session?.token]);

  const onboard = () => Taro.navigateTo({ url: '/employer/onboard/index' });
  if (signInError) return <Page><Notice message={signInError} actionText="重新登录" onAction={retry} /></Page>;
  if (error) return <Page><Notice message={error} actionText="重试" onAction={load} /></Page>;
  if (!items) return <Page><Text className="page__loading">正在加载…</Text></Page>;

  return (
    <Page>
      <Text className="page__title">我的单位</Text>
      {items.length === 0 ? <Text className="page__lead">您还没有入驻的单位。单位入驻并审核通过后，就可以在这里发布招聘岗位。</Text> : null}
      {joined ? <Notice kind="info" message={`您已加入“${joined}”。`} /> : null}
      {items.map(({ employer, role }) => (
        <View key={employer.id} className="card employer-card">
          <Text className="card__title">{employer.name}</Text>
          <Text className={`status-pill status-pill--${employer.status}`}>{employerStatusLabels[employer.status]}</Text>
          <Text className="employer-card__text">{STATUS_TEXT[employer.status]}</Text>
          {employer.reviewReason ? <Text className="employer-card__reason">理由：{employer.reviewReason}</Text> : null}
          <Text className="employer-card__meta">{industryLabels[employer.industry]}</Text>
          <Text className="employer-card__meta">{employer.address.areaName}</Text>
          <Text className="employer-card__meta">{role === 'admin' ? '您是单位管理员' : '您是单位成员'}</Text>
          {employer.status === 'approved' ? (
            <View className="employer-card__jobs">
              <Button className="btn btn--primary" onClick={() => Taro.navigateTo({ url: `/employer/vacancy-form/index?employerId=${employer.id}` })}>
                发布招聘岗位
              </Button>
              <Button className="btn btn--secondary" onClick={() => Taro.navigateTo({ url: `/employer/vacancies/index?employerId=${employer.id}` })}>
                我的岗位和应聘人员
              </Button>
              <Button className="btn btn--secondary" onClick={() => Taro.navigateTo({ url: `/vouchers/wallet/index?employerId=${employer.id}` })}>
                单位就业券
              </Button>
              <Button className="btn btn--secondary" onClick={() => Taro.navigateTo({ url: `/employer/welfare-posts/index?employerId=${employer.id}` })}>
                公益性岗位申请
              </Button>
              <Button className="btn btn--secondary" onClick={() => Taro.navigateTo({ url: `/subsidies/unit/index?employerId=${employer.id}` })}>
                公益性岗位补贴
              </Button>
            </View>
          ) : null}
          {employer.status === 'approved' && role === 'admin' ? <AddColleague employerId={employer.id} /> : null}
        </View>
      ))}
      <JoinEmployer
        onJoined={(employer) => {
          // The answer is the unit just joined: show it now (the membership index may lag a moment).
          setJoined(employer.name);
          setItems((prev) => (prev?.some((i) => i.employer.id === employer.id) ? prev : [...(prev ?? []), { employer, role: 'member' }]));
        }}
      />
      <View className="page__actions">
        <Button className="btn btn--primary" onClick={onboard}>
          {items.some((i) => i.employer.status === 'rejected') ? '重新提交入驻' : '单位入驻'}
        </Button>
        <Button className="btn btn--secondary" onClick={() => Taro.reLaunch({ url: '/pages/index/index' })}>
          返回首页
        </Button>
      </View>
    </Page>
  );
}
