// An application's progress, newest last: each step with its date and, for a refusal, why.
import { Text, View } from '@tarojs/components';
import { chinaTimeText } from '@doorstep/shared';
import './index.scss';

export interface TimelineEntry {
  at: string;
  label: string;
  status: string;
  reason?: string;
}

export function Timeline({ entries, pendingText }: { entries: TimelineEntry[]; pendingText?: string }) {
  return (
    <View className="timeline">
      {entries.map((e, i) => (
        <View key={`${e.at}-${i}`} className={`timeline__item timeline__item--${e.status}`}>
          <View className="timeline__dot" />
          <View className="timeline__body">
            <Text className="timeline__label">{e.label}</Text>
            <Text className="timeline__time">{chinaTimeText(e.at)}</Text>
            {e.reason ? <Text className="timeline__reason">理由：{e.reason}</Text> : null}
          </View>
        </View>
      ))}
      {pendingText ? (
        <View className="timeline__item timeline__item--next">
          <View className="timeline__dot" />
          <View className="timeline__body">
            <Text className="timeline__label">{pendingText}</Text>
          </View>
        </View>
      ) : null}
    </View>
  );
}
