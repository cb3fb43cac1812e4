// 就业券详情: what the voucher is, claiming it (a benefit voucher asks for the account the money
// goes to: the person's social-security card, or the unit's own account), showing the code to a
// provider (it refreshes itself every minute), and what has happened to it. With `employerId` in
// the address it is one of the unit's vouchers.
import { useEffect, useRef, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { voucherKindLabel, voucherStatusLabels, type Voucher } from '@doorstep/shared';
import { Notice } from '../../components/Notice';
import { Timeline } from '../../components/Timeline';
import { useFormSubmit } from '../../hooks/useFormSubmit';
import { usePageData } from '../../hooks/usePageData';
import { newIdempotencyKey } from '../../services/request';
import { agree } from '../../services/privacy';
import { BankAccountFields, BankConsentToggle, trimmedAccount } from '../../components/BankAccountFields';
import { voucherHolder } from '../components/holder';
import { QrImage } from '../../components/QrImage';
import { validityText, yuan } from '../components/labels';
import { Page } from '../../components/Page';
import '../../styles/page.scss';
import '../components/vouchers.scss';

const REFRESH_MS = 45_000;
/** History steps whose reason the holder reads (a failed payment, a revocation, an expiry). */
const SHOWN_REASONS = ['payment_failed', 'revoke', 'expire'];

function HolderCode({ voucherId, fetchCode, onUsed }: { voucherId: string; fetchCode: (id: string) => Promise<{ code: string; expiresAt: string }>; onUsed: () => void }) {
  const [code, setCode] = useState<{ code: string; expiresAt: string }>();
  const [error, setError] = useState<string>();
  const [seconds, setSeconds] = useState(0);
  const timer = useRef<ReturnType<typeof setInterval>>();

  async function refresh() {
    try {
      setCode(await fetchCode(voucherId));
      setError(undefined);
    } catch (err) {
      setError((err as Error).message);
      // A used voucher can no longer be shown: reload the page's view of it.
      onUsed();
    }
  }
  useEffect(() => {
    void refresh();
    const every = setInterval(() => void refresh(), REFRESH_MS);
    timer.current = setInterval(() => setSeconds((s) => s + 1), 1000);
    return () => {
      clearInterval(every);
      clearInterval(timer.current);
    };
  }, [voucherId]);

  if (error) return <Notice message={error} actionText="重试" onAction={refresh} />;
  if (!code) return <Text className="page__loading">正在生成券码…</Text>;
  const left = Math.max(0, Math.round((new Date(code.expiresAt).getTime() - Date.now()) / 1000));
  return (
    <View className="card holder-code" key={seconds > -1 ? code.code : ''}>
      <QrImage className="holder-code__image" text={code.code} label="就业券二维码" />
      <Text className="holder-code__countdown">请服务机构扫码核销 · {left} 秒后自动更新</Text>
      <Text className="holder-code__text" selectable>{code.code}</Text>
    </View>
  );
}

export default function VoucherDetailPage() {
  const { id = '', employerId } = useRouter().params;
  const holder = voucherHolder(employerId);
  const { data: voucher, reload, gate } = usePageData(() => holder.get(id), [id, employerId]);
  const [showCode, setShowCode] = useState(false);
  const [account, setAccount] = useState({ accountNo: '', bankName: '' });
  // A person's own bank account needs its separate consent (单独同意); a unit's account does not.
  const [bankConsent, setBankConsent] = useState(false);
  const form = useFormSubmit();
  // One key per claim: a retry after a lost answer is the same claim.
  const claimKey = useRef(newIdempotencyKey());

  async function claim(v: Voucher) {
    const asksBankConsent = v.kind === 'benefit' && !holder.employer;
    if (asksBankConsent && !bankConsent) return form.refuse({ 'consents.bank_account': '请先勾选同意，才能在线领取补贴；不同意可到社区服务站办理' });
    const { confirm } = await Taro.showModal({
      title: '领取这张券？',
      content: `领取后 ${v.kind === 'benefit' ? `补贴会在使用后打到填写的${holder.employer ? '单位账户' : '社保卡账户'}` : '请在有效期内到服务机构使用'}。名额有限，领完为止。`,
      confirmText: '领取',
      cancelText: '再想想',
    });
    if (!confirm) return;
    await form.send(async () => {
      if (asksBankConsent) await agree(['bank_account']);
      const body = v.kind === 'benefit' ? { account: trimmedAccount(account) } : {};
      await holder.claim(v.id, body, claimKey.current);
      await reload();
      void Taro.showToast({ title: '领取成功', icon: 'success' });
    });
  }

  if (gate || !voucher) return gate;
  const v = voucher;

  return (
    <Page>
      <View className="card voucher-card">
        <Text className="voucher-card__name">{v.programmeName}</Text>
        <Text className="voucher-card__value">{yuan(v.faceValueFen)}</Text>
        <Text className={`voucher-status voucher-status--${v.status}`}>{voucherStatusLabels[v.status]}</Text>
        <Text className="voucher-card__meta">用途：{v.serviceName}</Text>
        <Text className="voucher-card__meta">{voucherKindLabel(v.kind, holder.employer ? 'employer' : 'person')}</Text>
        <Text className="voucher-card__meta">可用机构：{v.usableAt}</Text>
        <Text className="voucher-card__meta">{validityText(v, holder.employer)}</Text>
        {v.accountMasked ? <Text className="voucher-card__meta">{holder.accountShown}：{v.accountMasked}</Text> : null}
        {v.payout?.status === 'failed' ? <Text className="form-field__error">拨付失败：{v.payout.reason}。我们会重新拨付，如账号有误请联系社区。</Text> : null}
        {v.status === 'revoked' ? <Text className="form-field__error">这张券已被收回：{[...(v.history ?? [])].reverse().find((e) => e.action === 'revoke')?.reason ?? '请联系社区了解原因'}</Text> : null}
      </View>

      {v.status === 'issued' ? (
        <View>
          {v.kind === 'benefit' ? (
            <View>
              {!holder.employer ? (
                <BankConsentToggle
                  agreed={bankConsent}
                  error={form.errors['consents.bank_account']}
                  onChange={(next) => {
                    setBankConsent(next);
                    form.clear(['consents.bank_account']);
                  }}
                />
              ) : null}
              <BankAccountFields
                value={account}
                errors={form.errors}
                label={holder.accountLabel}
                hint={holder.accountHint}
                {...(holder.employer ? { placeholder: '开户许可证上的账号' } : {})}
                onChange={(next, changed) => {
                  setAccount(next);
                  form.clear([changed]);
                }}
              />
            </View>
          ) : null}
          {form.submitError ? <Notice message={form.submitError} /> : null}
          <Button className="btn btn--primary" disabled={form.busy} onClick={() => void claim(v)}>
            {form.busy ? '正在领取…' : '领取这张券'}
          </Button>
        </View>
      ) : null}

      {v.status === 'claimed' ? (
        showCode ? (
          <HolderCode voucherId={v.id} fetchCode={holder.code} onUsed={reload} />
        ) : (
          <Button className="btn btn--primary" onClick={() => setShowCode(true)}>
            出示券码
          </Button>
        )
      ) : null}

      <Text className="page__title section-title">经过</Text>
      <Timeline entries={(v.history ?? []).map((e) => ({ at: e.at, label: e.label, status: e.action, ...(e.reason && SHOWN_REASONS.includes(e.action) ? { reason: e.reason } : {}) }))} />
      <View className="page__actions">
        <Button className="btn btn--secondary" onClick={() => Taro.navigateBack().catch(() => Taro.redirectTo({ url: holder.backUrl }))}>
          返回
        </Button>
      </View>
    </Page>
  );
}
