// Choices as toggles side by side (wrapping at large text), each ✓ when on: several at once
// (Toggles) or one of several (ChoiceToggles).
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

export function ChoiceToggles<T extends string>({ options, chosen, onChange }: { options: readonly { value: T; label: string }[]; chosen: NoInfer<T> | undefined; onChange(next: NoInfer<T>): void }) {
  return (
    <View className="toggle-row">
      {options.map((o) => {
        const on = chosen === o.value;
        return (
          <Text key={o.value} {...a11yRole('radio')} aria-checked={on} className={`toggle${on ? ' toggle--on' : ''}`} onClick={() => onChange(o.value)}>
            {on ? '✓ ' : ''}
            {o.label}
          </Text>
        );
      })}
    </View>
  );
}
