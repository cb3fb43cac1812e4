// A labelled field with its hint and its error directly beneath it.
import type { PropsWithChildren } from 'react';
import { Text, View } from '@tarojs/components';
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
      {hint && !error ? <Text className="form-field__hint">{hint}</Text> : null}
      {error ? (
        <Text className="form-field__error" role="alert">
          {error}
        </Text>
      ) : null}
    </View>
  );
}
