// The ledger's rows: what is known of a person (the categories that hold, their work status)
// becomes one row under each category and one under `all`, in their city by community. Written by
// an import for an imported person, and by relist.ts for a person with an account.
import { DeleteTransaction } from 'dynamodb-toolbox/entity/actions/transactDelete';
import { PutTransaction } from 'dynamodb-toolbox/entity/actions/transactPut';
import { LEDGER_ALL, type LedgerCategory, type LedgerStatus } from '@doorstep/shared';
import { LedgerRowEntity } from './entities';

/** What a person's rows say. */
export interface LedgerFacts {
  personKey: string;
  name: string;
  idNumberMasked: string;
  gender: 'male' | 'female';
  birthDate: string;
  areaCode: string;
  categories: LedgerCategory[];
  status: LedgerStatus;
  source: 'app' | 'import';
}

const rowKeys = (areaCode: string, categories: readonly string[], personKey: string) =>
  [LEDGER_ALL, ...categories].map((category) => ({ cityCode: areaCode.slice(0, 4), category, areaCode, personKey }));

export function putRows(f: LedgerFacts, at: string) {
  return rowKeys(f.areaCode, f.categories, f.personKey).map((k) =>
    LedgerRowEntity.build(PutTransaction).item({
      ...k,
      name: f.name,
      idNumberMasked: f.idNumberMasked,
      gender: f.gender,
      birthDate: f.birthDate,
      categories: f.categories,
      status: f.status,
      source: f.source,
      updatedAt: at,
    }),
  );
}

export const deleteRows = (areaCode: string, categories: readonly string[], personKey: string) =>
  rowKeys(areaCode, categories, personKey).map((k) => LedgerRowEntity.build(DeleteTransaction).key(k));

export const importedFacts = (p: { personId: string; name: string; idNumberMasked: string; gender: 'male' | 'female'; birthDate: string; areaCode: string; categories: string[]; status: LedgerStatus }): LedgerFacts => ({
  personKey: `I${p.personId}`,
  name: p.name,
  idNumberMasked: p.idNumberMasked,
  gender: p.gender,
  birthDate: p.birthDate,
  areaCode: p.areaCode,
  categories: ['imported', ...(p.categories as LedgerCategory[]).filter((c) => c !== 'imported')],
  status: p.status,
  source: 'import',
});

