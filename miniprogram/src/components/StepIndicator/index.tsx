// "第 1 步，共 3 步：基本信息" — where the person is in a multi-step form, in words.
import { Text, View } from '@tarojs/components';
import './index.scss';

export function StepIndicator({ steps, current }: { steps: readonly string[]; current: number }) {
  return (
    <View className="step-indicator">
      <Text className="step-indicator__text">
        第 {current + 1} 步，共 {steps.length} 步：{steps[current]}
      </Text>
      <View className="step-indicator__bar">
        {steps.map((s, i) => (
          <View key={s} className={`step-indicator__dot${i <= current ? ' step-indicator__dot--done' : ''}`} />
        ))}
      </View>
    </View>
  );
}
