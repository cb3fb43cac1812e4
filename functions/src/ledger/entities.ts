// 实名制台账's items (functions/src/db/README.md has their access patterns): one row per person and
// category, so that a category's page is one Query; where a person's rows are (to move or remove
// them); people known only from a street's imported ledger; and the imports themselves.
import { Entity } from 'dynamodb-toolbox/entity';
import { item } from 'dynamodb-toolbox/schema/item';
import { string } from 'dynamodb-toolbox/schema/string';
import { number } from 'dynamodb-toolbox/schema/number';
import { list } from 'dynamodb-toolbox/schema/list';
import { map } from 'dynamodb-toolbox/schema/map';
import { table } from '../db/table';

/**
 * A person listed under one category (and under `all`) of their city, sorted by community: the
 * rows of a street or a community are one `begins_with` Query. Derived: written from the person's
 * records (the figures stream) or by an import, never edited.
 */
export const LedgerRowEntity = new Entity({
  name: 'LedgerRow',
  table,
  timestamps: false,
  schema: item({
    cityCode: string().key(),
    category: string().key(),
    areaCode: string().key(),
    /** `U<userId>` or `I<importId>_<row>`. */
    personKey: string().key(),
    name: string(),
    idNumberMasked: string(),
    gender: string().enum('male', 'female'),
    birthDate: string(),
    categories: list(string()),
    status: string().enum('employed', 'seeking', 'unknown'),
    source: string().enum('app', 'import'),
    updatedAt: string(),
  }),
  computeKey: ({ cityCode, category, areaCode, personKey }) => ({ pk: `LEDGER#${cityCode}#${category}`, sk: `${areaCode}#${personKey}` }),
});

/**
 * Where a person with an account is listed now (area, categories) and a digest of what the rows
 * say, so a change rewrites them only when something shown changed. Outside the person's partition
 * on purpose: it holds nothing personal, and it must outlive the erasure of that partition to find
 * the rows to remove.
 */
export const LedgerStateEntity = new Entity({
  name: 'LedgerState',
  table,
  timestamps: false,
  schema: item({
    userId: string().key(),
    areaCode: string(),
    categories: list(string()),
    digest: string(),
    version: number(),
  }),
  computeKey: ({ userId }) => ({ pk: `LEDGERSTATE#${userId}`, sk: 'STATE' }),
});

/** A person known only from a street's ledger, until they register themselves (then it is deleted). */
export const ImportedPersonEntity = new Entity({
  name: 'ImportedPerson',
  table,
  timestamps: false,
  schema: item({
    /** `<importId>_<row>`: the same row of the same file is the same person, however often applied. */
    personId: string().key(),
    importId: string(),
    row: number(),
    name: string(),
    idNumberCipher: string(),
    idNumberHash: string(),
    idNumberMasked: string(),
    birthDate: string(),
    gender: string().enum('male', 'female'),
    areaCode: string(),
    phone: string().optional(),
    address: string().optional(),
    categories: list(string()),
    status: string().enum('employed', 'seeking', 'unknown'),
    importedAt: string(),
  }),
  computeKey: ({ personId }) => ({ pk: `IMPORTED#${personId}`, sk: 'PERSON' }),
});

/** One imported person per ID number (the blind index), across every file. */
export const ImportedClaimEntity = new Entity({
  name: 'ImportedClaim',
  table,
  timestamps: false,
  schema: item({
    idNumberHash: string().key(),
    personId: string(),
  }),
  computeKey: ({ idNumberHash }) => ({ pk: `IMPORTEDID#${idNumberHash}`, sk: 'CLAIM' }),
});

/**
 * An import: a file of an office, named by the hash of the office and the file (the same file
 * again is the same import). Its rows are applied on the ledger queue a part at a time; each
 * part's outcome is added to the counters once (LedgerImportPart). GSI1: the city's imports.
 */
export const LedgerImportEntity = new Entity({
  name: 'LedgerImport',
  table,
  timestamps: false,
  schema: item({
    importId: string().key(),
    fileName: string(),
    scope: string(),
    byId: string(),
    byName: string(),
    rows: number(),
    good: number(),
    bad: number(),
    parts: number(),
    partsDone: number(),
    applied: number(),
    refusedOnApply: number(),
    createdAt: string(),
    queuedAt: string().optional(),
    gsi1pk: string(),
    gsi1sk: string(),
  }),
  computeKey: ({ importId }) => ({ pk: `LEDGERIMPORT#${importId}`, sk: 'IMPORT' }),
});

/** A part of an import applied: written once, with the counters, in one transaction. */
export const LedgerImportPartEntity = new Entity({
  name: 'LedgerImportPart',
  table,
  timestamps: false,
  schema: item({
    importId: string().key(),
    part: number().key(),
    applied: number(),
    refused: list(map({ row: number(), name: string(), problem: string() })),
    doneAt: string(),
  }),
  computeKey: ({ importId, part }) => ({ pk: `LEDGERIMPORT#${importId}`, sk: `PART#${String(part).padStart(4, '0')}` }),
});
