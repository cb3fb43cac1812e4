// 核销就业券 (providers): scan the holder's code (weapp) or type it — a USB scanner types it too
// (H5) — see whose voucher it is and what for, record the service, confirm. Below: this
// provider's redemptions and where their payment stands.
import { useRef, useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Text, Textarea, View } from '@tarojs/components';
import {
  inspectVoucher,
  listMyProviders,
  providerRedemptions,
  redeemVoucher,
  todayInChina,
  voucherStatusLabels,
  type Redemption,
  type z,
  type redemptionPreviewSchema,
} from '@doorstep/shared';
import { ChoicePicker } from '../../components/ChoicePicker';
import { DateField } from '../../components/DateField';
import { FormField } from '../../components/FormField';
import { Notice } from '../../components/Notice';
import { useFormSubmit } from '../../hooks/useFormSubmit';
import { usePageData } from '../../hooks/usePageData';
import { newIdempotencyKey, request } from '../../services/request';
import { chinaDate, yuan } from '../components/labels';
import { Page } from '../../components/Page';
import '../../styles/page.scss';
import '../components/vouchers.scss';

type Provider = { id: string; name: string };
type Preview = z.infer<typeof redemptionPreviewSchema>;

export default function RedeemPage() {
  const [providerId, setProviderId] = useState('');
  const [code, setCode] = useState('');
  const [preview, setPreview] = useState<Preview>();
  const [record, setRecord] = useState({ serviceDate: todayInChina(), description: '' });
  const [done, setDone] = useState<Redemption>();
  const [history, setHistory] = useState<Redemption[]>([]);
  const form = useFormSubmit();
  const redeemKey = useRef(newIdempotencyKey());

  async function loadHistory(id: string) {
    setHistory((await request(providerRedemptions, { params: { id }, query: {} })).items);
  }
  const { data: providers, gate } = usePageData(async () => {
    const mine: Provider[] = (await request(listMyProviders)).items;
    const first = providerId || mine[0]?.id || '';
    setProviderId(first);
    if (first) await loadHistory(first);
    return mine;
  });

  async function scan() {
    try {
      const { result } = await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] });
      setCode(result);
      await look(result);
    } catch {
      // Cancelled: nothing to do.
    }
  }

  async function look(text = code) {
    setDone(undefined);
    setPreview(undefined);
    await form.send(async () => {
      setPreview((await request(inspectVoucher, { body: { code: text.trim(), providerId } })).voucher);
      redeemKey.current = newIdempotencyKey();
    });
  }

  async function redeem(p: Preview) {
    const { confirm } = await Taro.showModal({
      title: '确认核销？',
      content: `${p.holderName} 的「${p.programmeName}」${yuan(p.faceValueFen)}，核销后不能再用。`,
      confirmText: '确认核销',
      cancelText: '取消',
    });
    if (!confirm) return;
    await form.send(async () => {
      const { redemption } = await request(redeemVoucher, {
        body: { code: code.trim(), providerId, serviceRecord: { serviceDate: record.serviceDate, description: record.description.trim() } },
        idempotencyKey: redeemKey.current,
      });
      setDone(redemption);
      setPreview(undefined);
      setCode('');
      setRecord({ serviceDate: todayInChina(), description: '' });
      await loadHistory(providerId);
    });
  }

  if (gate || !providers) return gate;
  if (providers.length === 0) {
    return (
      <Page>
        <Notice kind="info" message="您所在的单位还不是就业券服务机构。培训机构、人力资源服务机构和用人单位可向区人社部门申请认定。" />
      </Page>
    );
  }

  return (
    <Page>
      <Text className="page__title">核销就业券</Text>
      {providers.length > 1 ? (
        <FormField label="以哪个机构核销">
          <ChoicePicker options={providers.map((p) => ({ value: p.id, label: p.name }))} value={providerId} placeholder="请选择机构" onChange={(v) => { setProviderId(v); void loadHistory(v); }} />
        </FormField>
      ) : (
        <Text className="page__lead">{providers[0].name}</Text>
      )}
      {done ? <Notice kind="info" message={`核销成功：${done.holderName} 的「${done.programmeName}」${yuan(done.amountFen)}。拨付后到账。`} /> : null}

      {process.env.TARO_ENV === 'weapp' ? (
        <Button className="btn btn--primary" onClick={() => void scan()}>扫持券人的二维码</Button>
      ) : null}
      <FormField label="券码" hint="扫码枪扫码会自动填入；也可以粘贴持券人的券码" error={form.errors.code}>
        <Textarea className="text-area" value={code} maxlength={1000} placeholder="券码" onInput={(e) => { setCode(e.detail.value); form.clear(['code']); }} />
      </FormField>
      {!preview ? (
        <View>
          {form.submitError ? <Notice message={form.submitError} /> : null}
          <Button className="btn btn--primary" disabled={form.busy || code.trim().length === 0} onClick={() => void look()}>
            {form.busy ? '正在查看…' : '查看这张券'}
          </Button>
        </View>
      ) : (
        <View>
          <View className="card voucher-card">
            <Text className="voucher-card__name">{preview.programmeName}</Text>
            <Text className="voucher-card__value">{yuan(preview.faceValueFen)}</Text>
            <Text className="voucher-card__meta">持券人：{preview.holderName}</Text>
            <Text className="voucher-card__meta">用途：{preview.serviceName}</Text>
            <Text className="voucher-card__meta">有效期至 {preview.expiresOn}</Text>
          </View>
          <FormField label="服务日期" required error={form.errors['serviceRecord.serviceDate']}>
            <DateField value={record.serviceDate} placeholder="选择日期" end={todayInChina()} onChange={(d) => setRecord({ ...record, serviceDate: d })} />
          </FormField>
          <FormField label="提供了什么服务" required hint="例如：岗前技能培训结业、一对一职业指导" error={form.errors['serviceRecord.description']}>
            <Textarea className="text-area" value={record.description} maxlength={300} placeholder="服务内容" onInput={(e) => { setRecord({ ...record, description: e.detail.value }); form.clear(['serviceRecord']); }} />
          </FormField>
          {form.submitError ? <Notice message={form.submitError} /> : null}
          <View className="page__actions">
            <Button className="btn btn--secondary" onClick={() => setPreview(undefined)}>换一张</Button>
            <Button className="btn btn--primary" disabled={form.busy} onClick={() => void redeem(preview)}>
              {form.busy ? '正在核销…' : '确认核销'}
            </Button>
          </View>
        </View>
      )}

      <Text className="page__title section-title">本机构的核销记录</Text>
      {history.length === 0 ? <Text className="page__lead">还没有核销记录。</Text> : null}
      {history.map((r) => (
        <View key={r.voucherId} className="line-row">
          <Text>{chinaDate(r.redeemedAt)} · {r.holderName} · {r.programmeName}</Text>
          <Text>{yuan(r.amountFen)} · {voucherStatusLabels[r.status]}</Text>
        </View>
      ))}
    </Page>
  );
}
