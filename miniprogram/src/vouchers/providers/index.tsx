// 认定服务机构 (district or city staff): find a unit of the jurisdiction by its unified social
// credit code, see whether it is a voucher provider already, and designate it — what kinds of
// services it may redeem vouchers for and the account its service fees are paid into.
import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Input, Text, View } from '@tarojs/components';
import { PROVIDER_TYPES, designateProvider, employerStatusLabels, lookupProvider, providerTypeLabels, type ResponseOf } from '@doorstep/shared';
import { FormField } from '../../components/FormField';
import { Notice } from '../../components/Notice';
import { Toggles } from '../../components/Toggles';
import { useFormSubmit } from '../../hooks/useFormSubmit';
import { useSignedIn } from '../../hooks/useSignedIn';
import { goBack } from '../../services/nav';
import { request } from '../../services/request';
import { Page } from '../../components/Page';
import '../../styles/page.scss';
import '../components/vouchers.scss';

type Found = ResponseOf<typeof lookupProvider>;
const blankAccount = { accountName: '', accountNo: '', bankName: '' };

export default function ProvidersPage() {
  const { session, error: signInError, retry } = useSignedIn();
  const [uscc, setUscc] = useState('');
  const [found, setFound] = useState<Found>();
  const [types, setTypes] = useState<string[]>([]);
  const [account, setAccount] = useState(blankAccount);
  const [done, setDone] = useState<string>();
  const search = useFormSubmit();
  const form = useFormSubmit();

  if (signInError) return <Page><Notice message={signInError} actionText="重新登录" onAction={retry} /></Page>;
  if (!session) return <Page><Text className="page__loading">正在加载…</Text></Page>;
  const allowed = session.user.roles.includes('staff') && (session.user.level === 'district' || session.user.level === 'city');
  if (!allowed) return <Page><Notice message="服务机构由区级或市级工作人员认定。" actionText="返回" onAction={goBack} /></Page>;

  async function find() {
    setDone(undefined);
    setFound(undefined);
    await search.send(async () => {
      const answer = await request(lookupProvider, { body: { uscc: uscc.trim().toUpperCase() } });
      setFound(answer);
      setTypes(answer.provider?.types ?? []);
      setAccount({ ...blankAccount, accountName: answer.provider?.accountName ?? answer.employer.name, bankName: answer.provider?.bankName ?? '' });
    });
  }

  async function designate(unit: Found['employer']) {
    const chosen = types.map((t) => providerTypeLabels[t as (typeof PROVIDER_TYPES)[number]]).join('、') || '（未选）';
    const { confirm } = await Taro.showModal({
      title: '认定为服务机构？',
      content: `「${unit.name}」可以为持券人提供${chosen}服务并核销就业券，服务费打到填写的账户。`,
      confirmText: '认定',
      cancelText: '再看看',
    });
    if (!confirm) return;
    await form.send(async () => {
      await request(designateProvider, {
        body: { employerId: unit.id, types: types as (typeof PROVIDER_TYPES)[number][], bankAccount: { accountName: account.accountName.trim(), accountNo: account.accountNo.trim(), bankName: account.bankName.trim() } },
      });
      setDone(`已认定「${unit.name}」为就业券服务机构（${chosen}）。它的工作人员现在可以在“核销就业券”里扫码核销。`);
      setFound(undefined);
      setUscc('');
    });
  }

  const setField = (patch: Partial<typeof blankAccount>, path: string) => {
    setAccount({ ...account, ...patch });
    form.clear([path]);
  };

  return (
    <Page>
      <Text className="page__title">认定服务机构</Text>
      <Text className="page__lead">培训机构、人力资源服务机构或用人单位先在小程序完成单位入驻，审核通过后在这里认定，才能核销就业券。</Text>
      {done ? <Notice kind="info" message={done} /> : null}
      <FormField label="统一社会信用代码" required hint="营业执照上的18位代码" error={search.errors.uscc}>
        <Input className="input" value={uscc} maxlength={18} placeholder="例如：91350102MA2XXXXXXX" onInput={(e) => { setUscc(e.detail.value); search.clear(['uscc']); }} />
      </FormField>
      {search.submitError && !search.errors.uscc ? <Notice message={search.submitError} /> : null}
      <View className="stack">
        <Button className="btn btn--secondary" disabled={search.busy} onClick={() => void find()}>{search.busy ? '正在查找…' : '查找单位'}</Button>
      </View>

      {found ? (
        <View>
          <View className="card voucher-card">
            <Text className="voucher-card__name">{found.employer.name}</Text>
            <Text className="voucher-card__meta">{found.employer.address}</Text>
            <Text className="voucher-card__meta">入驻状态：{employerStatusLabels[found.employer.status]}</Text>
            {found.provider ? (
              <Text className="voucher-card__meta">
                已是服务机构：{found.provider.types.map((t) => providerTypeLabels[t]).join('、')} · 收款账户 {found.provider.accountMasked}（可在下面修改）
              </Text>
            ) : null}
          </View>
          {found.employer.status !== 'approved' ? (
            <Notice message="这个单位的入驻还没有审核通过，通过后才能认定为服务机构。" />
          ) : (
            <View>
              <FormField label="机构类型" required hint="可多选：它能为持券人提供哪类服务" error={form.errors.types}>
                <Toggles options={PROVIDER_TYPES.map((t) => ({ value: t, label: providerTypeLabels[t] }))} chosen={types} onChange={(v) => { setTypes(v); form.clear(['types']); }} />
              </FormField>
              <FormField label="收款户名" required hint="服务费打到这个账户，一般是单位名称" error={form.errors['bankAccount.accountName']}>
                <Input className="input" value={account.accountName} maxlength={60} onInput={(e) => setField({ accountName: e.detail.value }, 'bankAccount.accountName')} />
              </FormField>
              <FormField label="收款账号" required hint="12到19位数字" error={form.errors['bankAccount.accountNo']}>
                <Input className="input" type="number" value={account.accountNo} maxlength={19} placeholder="单位对公账号" onInput={(e) => setField({ accountNo: e.detail.value }, 'bankAccount.accountNo')} />
              </FormField>
              <FormField label="开户银行" required error={form.errors['bankAccount.bankName']}>
                <Input className="input" value={account.bankName} maxlength={40} placeholder="例如：工商银行福州分行" onInput={(e) => setField({ bankName: e.detail.value }, 'bankAccount.bankName')} />
              </FormField>
              {form.submitError ? <Notice message={form.submitError} /> : null}
              <View className="stack">
                <Button className="btn btn--primary" disabled={form.busy} onClick={() => void designate(found.employer)}>{form.busy ? '正在认定…' : found.provider ? '保存修改' : '认定为服务机构'}</Button>
              </View>
            </View>
          )}
        </View>
      ) : null}
      <View className="page__actions">
        <Button className="btn btn--secondary" onClick={goBack}>返回</Button>
      </View>
    </Page>
  );
}
