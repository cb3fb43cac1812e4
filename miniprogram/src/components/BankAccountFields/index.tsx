// Where money is paid: the bank-account consent (单独同意, for a person's own account) and the
// account's two fields, each error beside its field. One place for the resident's subsidy, a
// failed payment's correction, a unit's subsidy and a benefit voucher's claim.
import { Input, Text } from '@tarojs/components';
import { separateConsentTexts, subsidyApplicationBodySchema, unitAccountSchema } from '@doorstep/shared';
import { check } from '../../hooks/fieldErrors';
import { a11yRole } from '../a11y';
import { FormField } from '../FormField';

export interface BankAccount {
  accountNo: string;
  bankName: string;
}

/** A person's social-security card (12–19 digits), or a unit's settlement account (8–30 digits): the contracts' own schemas check them. */
const KINDS = {
  person: { label: '社保卡金融账号', hint: '补贴打到这个账户，12到19位数字', placeholder: '社保卡背面的银行卡号', max: 19, schema: subsidyApplicationBodySchema.shape.account },
  unit: { label: '单位银行账号（对公账户）', hint: '补贴打到单位的这个账户', placeholder: '开户许可证上的账号', max: 30, schema: unitAccountSchema },
} as const;

/** The account's problems by the contract's schema, keyed as the server's details are (`account.accountNo`, `account.bankName`). */
export function accountErrors(account: BankAccount, kind: keyof typeof KINDS): Record<string, string> {
  const { errors } = check(KINDS[kind].schema, account);
  return Object.fromEntries(Object.entries(errors).map(([field, message]) => [`account.${field}`, message]));
}

export const trimmedAccount = (a: BankAccount): BankAccount => ({ accountNo: a.accountNo.trim(), bankName: a.bankName.trim() });

export function BankConsentToggle({ agreed, onChange, error }: { agreed: boolean; onChange(next: boolean): void; error?: string }) {
  return (
    <FormField label={separateConsentTexts.bank_account.title} required error={error}>
      <Text className="consent__text">{separateConsentTexts.bank_account.why}</Text>
      <Text {...a11yRole('checkbox')} aria-checked={agreed} className={`toggle${agreed ? ' toggle--on' : ''}`} onClick={() => onChange(!agreed)}>
        {agreed ? '✓ 我同意提供银行账户' : '我同意提供银行账户'}
      </Text>
    </FormField>
  );
}

export function BankAccountFields({
  value,
  onChange,
  errors,
  kind = 'person',
  label,
  hint,
  placeholder,
}: {
  value: BankAccount;
  onChange(next: BankAccount, changed: 'account.accountNo' | 'account.bankName'): void;
  errors: Record<string, string | undefined>;
  kind?: keyof typeof KINDS;
  label?: string;
  hint?: string;
  placeholder?: string;
}) {
  const k = KINDS[kind];
  return (
    <>
      <FormField label={label ?? k.label} required hint={hint ?? k.hint} error={errors['account.accountNo']}>
        <Input className="text-input" type="number" value={value.accountNo} maxlength={k.max} placeholder={placeholder ?? k.placeholder} onInput={(e) => onChange({ ...value, accountNo: e.detail.value }, 'account.accountNo')} />
      </FormField>
      <FormField label="开户银行" required error={errors['account.bankName']}>
        <Input className="text-input" value={value.bankName} maxlength={40} placeholder="例如：建设银行福州分行" onInput={(e) => onChange({ ...value, bankName: e.detail.value }, 'account.bankName')} />
      </FormField>
    </>
  );
}
