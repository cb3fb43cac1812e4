// Several choices at once as toggles side by side (wrapping at large text), each ✓ when on.
import { Text, View } from '@tarojs/components';
import { a11yRole } from '../a11y';

export function Toggles({ options, chosen, onChange }: { options: readonly { value: string; label: string }[]; chosen: readonly string[]; onChange(next: string[]): void }) {
  return (
    <View className="toggle-row">
      {options.map((o) => {
        const on = chosen.includes(o.value);
        return (
          <Text key={o.value} {...a11yRole('checkbox')} aria-checked={on} className={`toggle${on ? ' toggle--on' : ''}`} onClick={() => onChange(on ? chosen.filter((c) => c !== o.value) : [...chosen, o.value])}>
            {on ? '✓ ' : ''}
            {o.label}
          </Text>
        );
      })}
    </View>
  );
}
