// One policy in a list: what it is, what it gives, who it is for, until when; and, when it was
// found for the person, why ("您是登记失业人员；年龄45岁；住在鼓楼区").
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { z, policySchema } from '@doorstep/shared';

export function PolicyCard({ policy, reasons }: { policy: z.infer<typeof policySchema>; reasons?: readonly string[] }) {
  return (
    <View className="card policy-card" onClick={() => void Taro.navigateTo({ url: `/policies/policy/index?id=${policy.id}` })}>
      <Text className="policy-card__title">{policy.title}</Text>
      <Text className="policy-card__benefit">{policy.benefits}</Text>
      {reasons?.length ? <Text className="policy-card__why">符合的理由：{reasons.join('；')}</Text> : <Text className="policy-card__meta">适用于：{policy.who}</Text>}
      <Text className="policy-card__meta">
        {policy.issuer} · 有效期至 {policy.validUntil}
      </Text>
    </View>
  );
}
