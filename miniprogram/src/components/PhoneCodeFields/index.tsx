// Joining with a phone number and a six-digit code someone passed on (a unit's colleague, a family
// member, a staff member): the two fields, each with its hint and its error beneath.
import { Input } from '@tarojs/components';
import { FormField } from '../FormField';

export function PhoneCodeFields({ value, errors, onChange, phoneHint, codeLabel, codeHint }: {
  value: { phone: string; code: string };
  errors: Record<string, string | undefined>;
  onChange(patch: Partial<{ phone: string; code: string }>): void;
  phoneHint?: string;
  codeLabel: string;
  codeHint: string;
}) {
  return (
    <>
      <FormField label="您的手机号" required hint={phoneHint} error={errors.phone}>
        <Input className="text-input" type="number" maxlength={11} value={value.phone} placeholder="11位手机号" onInput={(e) => onChange({ phone: e.detail.value })} />
      </FormField>
      <FormField label={codeLabel} required hint={codeHint} error={errors.code}>
        <Input className="text-input" type="number" maxlength={6} value={value.code} placeholder="6位数字" onInput={(e) => onChange({ code: e.detail.value })} />
      </FormField>
    </>
  );
}
