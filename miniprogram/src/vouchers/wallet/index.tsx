// 我的就业券: every voucher the person holds, what it is worth, and what to do next.
import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { listMyVouchers, voucherStatusLabels, type Voucher } from '@doorstep/shared';
import { Notice } from '../../components/Notice';
import { useLoadOnShow } from '../../hooks/useLoadOnShow';
import { useSignedIn } from '../../hooks/useSignedIn';
import { request } from '../../services/request';
import { validityText, yuan } from '../components/labels';
import '../../styles/page.scss';
import '../components/vouchers.scss';

export default function WalletPage() {
  const { session, error: signInError, retry } = useSignedIn();
  const [items, setItems] = useState<Voucher[]>();
  const [error, setError] = useState<string>();

  async function load() {
    setError(undefined);
    try {
      setItems((await request(listMyVouchers)).items);
    } catch (err) {
      setError((err as Error).message);
    }
  }
  useLoadOnShow(load, !!session, [session?.token]);

  if (signInError) return <View className="page"><Notice message={signInError} actionText="重新登录" onAction={retry} /></View>;
  if (error) return <View className="page"><Notice message={error} actionText="重试" onAction={load} /></View>;
  if (!items) return <View className="page"><Text className="page__loading">正在加载…</Text></View>;

  return (
    <View className="page">
      <Text className="page__title">我的就业券</Text>
      {items.length === 0 ? (
        <Notice kind="info" message="您还没有就业券。登记失业、认定为就业困难人员、16–24岁青年或离校2年内的高校毕业生，符合条件时会自动发给您。" />
      ) : null}
      {items.map((v) => (
        <View key={v.id} className="card voucher-card" onClick={() => Taro.navigateTo({ url: `/vouchers/detail/index?id=${v.id}` })}>
          <Text className="voucher-card__name">{v.programmeName}</Text>
          <Text className="voucher-card__value">{yuan(v.faceValueFen)}</Text>
          <Text className={`voucher-status voucher-status--${v.status}`}>{voucherStatusLabels[v.status]}</Text>
          <Text className="voucher-card__meta">{v.serviceName}</Text>
          <Text className="voucher-card__meta">{validityText(v)}</Text>
        </View>
      ))}
    </View>
  );
}
