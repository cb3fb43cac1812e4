// A labelled field with its hint and its error directly beneath it.
import type { PropsWithChildren } from 'react';
import { Text, View } from '@tarojs/components';
import { a11yRole } from '../a11y';
import './index.scss';

export interface FormFieldProps {
  label: string;
  required?: boolean;
  hint?: string;
  error?: string;
}

export function FormField({ label, required, hint, error, children }: PropsWithChildren<FormFieldProps>) {
  return (
    <View className={`form-field${error ? ' form-field--invalid' : ''}`}>
      <View className="form-field__label">
        <Text>{label}</Text>
        {required ? <Text className="form-field__required">（必填）</Text> : null}
      </View>
      <View className="form-field__control">{children}</View>
      {/* One line that turns from hint to error: Taro's H5 components break when React inserts
          a new element before an existing sibling, so the line is kept rather than swapped. */}
      {hint || error ? (
        <Text className={error ? 'form-field__error' : 'form-field__hint'} {...a11yRole(error ? 'alert' : undefined)}>
          {error ?? hint}
        </Text>
      ) : null}
    </View>
  );
}
