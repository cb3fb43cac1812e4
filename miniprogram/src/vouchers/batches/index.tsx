// 结算拨付 (finance): start a settlement run now (it also runs every night), and the batches of
// the jurisdiction, newest first.
import { useRef, useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { batchStatusLabels, listBatches, startSettlementRun } from '@doorstep/shared';
import { Notice } from '../../components/Notice';
import { usePageData } from '../../hooks/usePageData';
import { newIdempotencyKey, request } from '../../services/request';
import { chinaDate, yuan } from '../components/labels';
import '../../styles/page.scss';
import '../components/vouchers.scss';

export default function BatchesPage() {
  const { session, data: items, reload, gate } = usePageData(async () => (await request(listBatches, { query: {} })).items);
  const [message, setMessage] = useState<string>();
  const [busy, setBusy] = useState(false);
  const runKey = useRef(newIdempotencyKey());

  async function run() {
    const { confirm } = await Taro.showModal({ title: '立即结算？', content: '把辖区内已核销、还没结算的就业券生成结算批次。每天夜里也会自动结算。', confirmText: '结算', cancelText: '取消' });
    if (!confirm) return;
    setBusy(true);
    setMessage(undefined);
    try {
      const { run: r } = await request(startSettlementRun, { idempotencyKey: runKey.current });
      runKey.current = newIdempotencyKey();
      setMessage(r.batches.length === 0 ? '没有待结算的就业券。' : `生成 ${r.batches.length} 个批次，共 ${r.voucherCount} 张、${yuan(r.amountFen)}。`);
      await reload();
    } catch (err) {
      setMessage(`结算没有完成：${(err as Error).message}。可以再点一次，不会重复结算。`);
    } finally {
      setBusy(false);
    }
  }

  if (gate || !items) return gate;
  return (
    <View className="page">
      <Text className="page__title">结算拨付</Text>
      {message ? <Notice kind="info" message={message} /> : null}
      {session?.user.roles.includes('finance') ? (
        <View className="stack"><Button className="btn btn--primary" disabled={busy} onClick={() => void run()}>{busy ? '正在结算…' : '立即结算'}</Button></View>
      ) : null}
      {items.length === 0 ? <Notice kind="info" message="还没有结算批次。" /> : null}
      {items.map((b) => (
        <View key={b.id} className="card voucher-card" onClick={() => Taro.navigateTo({ url: `/vouchers/batch/index?id=${b.id}` })}>
          <Text className="voucher-card__name">{b.programmeName}</Text>
          <Text className="voucher-card__value">{yuan(b.amountFen)}</Text>
          <Text className={`voucher-status voucher-status--${b.status === 'reconciled' ? 'settled' : 'issued'}`}>{batchStatusLabels[b.status]}</Text>
          <Text className="voucher-card__meta">{b.voucherCount} 张券 · {b.lineCount} 个收款方 · {chinaDate(b.createdAt)}</Text>
        </View>
      ))}
    </View>
  );
}
