// 我的就业券 / 单位就业券: every voucher the person (or, with `employerId`, the unit) holds, what
// it is worth, and what to do next.
import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { voucherStatusLabels } from '@doorstep/shared';
import { Notice } from '../../components/Notice';
import { usePageData } from '../../hooks/usePageData';
import { voucherHolder } from '../components/holder';
import { validityText, yuan } from '../components/labels';
import { Page } from '../../components/Page';
import '../../styles/page.scss';
import '../components/vouchers.scss';

export default function WalletPage() {
  const { employerId } = useRouter().params;
  const holder = voucherHolder(employerId);
  const { data: items, gate } = usePageData(holder.list, [employerId]);
  if (gate || !items) return gate;

  return (
    <Page>
      <Text className="page__title">{holder.title}</Text>
      {items.length === 0 ? (
        <Notice
          kind="info"
          message={
            holder.employer
              ? '本单位还没有就业券。区里设立面向用人单位的券种后，审核通过的单位会自动收到。'
              : '您还没有就业券。登记失业、认定为就业困难人员、16–24岁青年或离校2年内的高校毕业生，符合条件时会自动发给您。'
          }
        />
      ) : null}
      {items.map((v) => (
        <View key={v.id} className="card voucher-card" onClick={() => Taro.navigateTo({ url: holder.detailUrl(v.id) })}>
          <Text className="voucher-card__name">{v.programmeName}</Text>
          <Text className="voucher-card__value">{yuan(v.faceValueFen)}</Text>
          <Text className={`voucher-status voucher-status--${v.status}`}>{voucherStatusLabels[v.status]}</Text>
          <Text className="voucher-card__meta">{v.serviceName}</Text>
          <Text className="voucher-card__meta">{validityText(v, holder.employer)}</Text>
        </View>
      ))}
    </Page>
  );
}
