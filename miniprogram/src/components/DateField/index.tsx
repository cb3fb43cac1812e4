// Pick a date with the system's date wheel; shows the chosen date as a large row.
import { Picker, Text, View } from '@tarojs/components';
import '../ChoicePicker/index.scss';

export interface DateFieldProps {
  value: string;
  placeholder: string;
  start?: string;
  end?: string;
  onChange(value: string): void;
  /** Offer a way to clear an optional date. */
  onClear?: () => void;
  /** Where the wheel starts when nothing is chosen yet (default: the last date allowed). */
  initial?: string;
}

export function DateField({ value, placeholder, start = '1950-01-01', end, onChange, onClear, initial }: DateFieldProps) {
  return (
    <View className="choice-picker">
      <Picker mode="date" value={value || initial || end || ''} start={start} end={end} onChange={(e) => onChange(String(e.detail.value))}>
        <View className="choice-picker__row">
          <Text className={value ? 'choice-picker__value' : 'choice-picker__placeholder'}>{value || placeholder}</Text>
          <Text className="choice-picker__arrow">›</Text>
        </View>
      </Picker>
      {value && onClear ? (
        <Text className="choice-picker__clear" onClick={onClear}>
          清除
        </Text>
      ) : null}
    </View>
  );
}
