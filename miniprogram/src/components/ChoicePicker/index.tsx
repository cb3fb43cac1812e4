// Pick one option from a short list, shown as a large row with the current choice.
import { Picker, Text, View } from '@tarojs/components';
import './index.scss';

export interface Choice<V extends string | number> {
  value: V;
  label: string;
}

export interface ChoicePickerProps<V extends string | number> {
  options: readonly Choice<V>[];
  value: V | '' | undefined;
  placeholder: string;
  onChange(value: V): void;
  disabled?: boolean;
  /** Offer a way to clear an optional choice. */
  onClear?: () => void;
}

export function ChoicePicker<V extends string | number>({ options, value, placeholder, onChange, disabled, onClear }: ChoicePickerProps<V>) {
  const index = options.findIndex((o) => o.value === value);
  const selected = index >= 0 ? options[index] : undefined;
  return (
    <View className="choice-picker">
      <Picker
        mode="selector"
        range={options.map((o) => o.label)}
        value={index >= 0 ? index : 0}
        disabled={disabled}
        onChange={(e) => onChange(options[Number(e.detail.value)].value)}
      >
        <View className={`choice-picker__row${disabled ? ' choice-picker__row--disabled' : ''}`}>
          <Text className={selected ? 'choice-picker__value' : 'choice-picker__placeholder'}>{selected ? selected.label : placeholder}</Text>
          <Text className="choice-picker__arrow">›</Text>
        </View>
      </Picker>
      {selected && onClear ? (
        <Text className="choice-picker__clear" onClick={onClear}>
          清除
        </Text>
      ) : null}
    </View>
  );
}
