// The parts of a subsidy form a resident's and a unit's share: the months claimed (of those still
// open) and one photo per piece of evidence the programme asks for, each error beside its field.
import { Text } from '@tarojs/components';
import { FormField } from '../../components/FormField';
import { PhotoField } from '../../components/PhotoField';
import { Toggles } from '../../components/Toggles';
import { monthLabel } from './subsidies';

type Errors = Record<string, string | undefined>;

export function ClaimMonthsField(props: { open: string[]; chosen: string[]; hint: string; emptyText: string; error?: string; onChange(next: string[]): void }) {
  return (
    <FormField label="申请哪几个月" required hint={props.hint} error={props.error}>
      {props.open.length ? (
        <Toggles options={props.open.map((m) => ({ value: m, label: monthLabel(m) }))} chosen={props.chosen} onChange={props.onChange} />
      ) : (
        <Text className="page__lead">{props.emptyText}</Text>
      )}
    </FormField>
  );
}

/** One photo field per evidence item; `onChange` gets the item's code and the uploaded key. */
export function EvidenceFields(props: { evidence: readonly { code: string; label: string }[]; keys: Record<string, string>; errors: Errors; onChange(code: string, key: string): void }) {
  return (
    <>
      {props.evidence.map((e) => (
        <FormField key={e.code} label={e.label} required hint="拍清楚整张，文字看得清" error={props.errors[`evidence.${e.code}`] ?? props.errors.evidence}>
          <PhotoField purpose="evidence" value={props.keys[e.code] ?? ''} buttonText={`拍照或选择${e.label}`} onChange={(k) => props.onChange(e.code, k)} />
        </FormField>
      ))}
    </>
  );
}
