// 我的就业券: every voucher the person holds, what it is worth, and what to do next.
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { listMyVouchers, voucherStatusLabels } from '@doorstep/shared';
import { Notice } from '../../components/Notice';
import { usePageData } from '../../hooks/usePageData';
import { request } from '../../services/request';
import { validityText, yuan } from '../components/labels';
import '../../styles/page.scss';
import '../components/vouchers.scss';

export default function WalletPage() {
  const { data: items, gate } = usePageData(async () => (await request(listMyVouchers)).items);
  if (gate || !items) return gate;

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
