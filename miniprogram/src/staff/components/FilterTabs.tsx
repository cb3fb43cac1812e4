// A row of big tabs choosing one filter of a staff list (审核工作台's queues, the ledgers' states):
// wraps onto more lines in 关怀模式 rather than shrinking. Styles in staff/reviews/index.scss.
import { Text, View } from '@tarojs/components';

export function FilterTabs<V extends string>({ options, chosen, onChange }: { options: readonly { value: V; label: string }[]; chosen: V; onChange: (value: V) => void }) {
  return (
    <View className="queue-tabs" role="tablist">
      {options.map((o) => (
        <View key={o.value || 'all'} className={`queue-tabs__tab${o.value === chosen ? ' queue-tabs__tab--on' : ''}`} role="tab" aria-selected={o.value === chosen} onClick={() => onChange(o.value)}>
          <Text>{o.label}</Text>
        </View>
      ))}
    </View>
  );
}
