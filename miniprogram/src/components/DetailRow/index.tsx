// A label and its value on a record page; wraps rather than clips at large text sizes.
import { Text, View } from '@tarojs/components';

export function DetailRow({ label, value }: { label: string; value: string }) {
  return (
    <View className="detail-row">
      <Text className="detail-row__label">{label}</Text>
      <Text className="detail-row__value">{value}</Text>
    </View>
  );
}
