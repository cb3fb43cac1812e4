// Importing a street's own ledger (issue 31): a CSV (UTF-8 or the GB18030 Excel writes in China)
// or an .xlsx file, checked row by row — the ID number's check digit, the community inside the
// office's jurisdiction, duplicates in the file and against who is known — and shown as a preview;
// then applied on the ledger queue, 250 rows a message, each row one transaction (the person, their
// ID number's claim, their rows; nobody who registered themselves), each part counted once. The
// import is named by the office and the file, so the same file again is the same import.
import { createHash } from 'node:crypto';
import Papa from 'papaparse';
import { readSheet } from 'read-excel-file/universal';
import { GetItemCommand } from 'dynamodb-toolbox/entity/actions/get';
import type { FormattedItem } from 'dynamodb-toolbox/entity';
import { PutTransaction } from 'dynamodb-toolbox/entity/actions/transactPut';
import { ConditionCheck } from 'dynamodb-toolbox/entity/actions/transactCheck';
import { UpdateTransaction } from 'dynamodb-toolbox/entity/actions/transactUpdate';
import { $add } from 'dynamodb-toolbox/entity/actions/update';
import { execute } from 'dynamodb-toolbox/entity/actions/transactWrite';
import { UpdateItemCommand } from 'dynamodb-toolbox/entity/actions/update';
import { PutItemCommand } from 'dynamodb-toolbox/entity/actions/put';
import { QueryCommand } from 'dynamodb-toolbox/table/actions/query';
import {
  checkImportRows,
  IMPORT_COLUMNS,
  IMPORT_MAX_BYTES,
  IMPORT_MAX_ROWS,
  IMPORT_PROBLEMS,
  importColumns,
  type CheckedRow,
  type ImportProblem,
  type ImportRow,
  type LedgerImport,
} from '@doorstep/shared';
import { isKnownArea, listChildAreas } from '../areas/dataset';
import { StaffMemberEntity } from '../administration/entities';
import { chunked, mapLimit, retryConflicts } from '../concurrency';
import { batchRead } from '../db/batchRead';
import { IdNumberClaimEntity } from '../db/entities';
import { cancelledTransaction, isConditionFailure } from '../db/errors';
import { table } from '../db/table';
import { getDependencies } from '../deps';
import { ForbiddenError, NotFoundError, ValidationError } from '../http/errors';
import { scopeOf } from '../http/jurisdiction';
import type { Principal } from '../http/session';
import { ImportedClaimEntity, ImportedPersonEntity, LedgerImportEntity, LedgerImportPartEntity } from './entities';
import { importedFacts, putRows } from './rows';

/** Rows per queue message: well inside a message's 256 KB and a 29-second run. */
export const ROWS_PER_PART = 250;
/** Items per transaction when rows are grouped (see groupsOf), and a message's transactions in flight. */
export const GROUP_ITEMS = 25;
const GROUPS_AT_ONCE = 2;

type FileBody = { fileName: string; contentBase64: string };

/** The file's rows as text cells (header first); a file that cannot be read is a 400 in Chinese. */
export async function readLedgerFile(fileName: string, bytes: Buffer): Promise<string[][]> {
  const bad = (message: string) => new ValidationError([{ path: ['contentBase64'], message }]);
  if (bytes.length === 0) throw bad('文件是空的');
  if (bytes.length > IMPORT_MAX_BYTES) throw bad('文件超过 3 MB，请分成几个文件');
  let rows: string[][];
  if (/\.xlsx$/i.test(fileName)) {
    try {
      const sheet = await readSheet(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length) as ArrayBuffer);
      rows = sheet.map((r) => r.map((c) => (c === null || c === undefined ? '' : c instanceof Date ? c.toISOString().slice(0, 10) : String(c))));
    } catch {
      throw bad('无法读取这个 Excel 文件，请另存为 .xlsx 或 .csv 后再试');
    }
  } else {
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      text = new TextDecoder('gb18030').decode(bytes); // Excel's "CSV" on a Chinese Windows
    }
    rows = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: 'greedy' }).data;
  }
  rows = rows.filter((r) => r.some((c) => c.trim() !== ''));
  if (rows.length < 2) throw bad('文件中没有数据行（第一行应为列名）');
  if (rows.length - 1 > IMPORT_MAX_ROWS) throw bad(`一个文件最多 ${IMPORT_MAX_ROWS} 行，请分成几个文件`);
  return rows;
}

/** Finds a community inside `scope` by its 12-digit code or its name (居委会 or not). */
export function areaResolver(scope: string): (text: string) => string | undefined {
  let byName: Map<string, string | null> | undefined;
  const plain = (name: string) => name.replace(/(社区)?(居民委员会|居委会|村民委员会|村委会)$/, (_m, s: string | undefined) => s ?? '');
  const names = () => {
    if (byName) return byName;
    byName = new Map();
    const walk = (code: string) => {
      for (const child of listChildAreas(code) ?? []) {
        if (child.code.length === 12) {
          const key = plain(child.name);
          byName!.set(key, byName!.has(key) ? null : child.code); // a name twice in the scope is not a place
        } else if (child.hasChildren) walk(child.code);
      }
    };
    walk(scope);
    return byName;
  };
  return (text) => {
    if (/^\d{12}$/.test(text)) return isKnownArea(text) ? text : undefined;
    return names().get(plain(text)) ?? undefined;
  };
}


function assertImporter(principal: Principal): string {
  const scope = scopeOf(principal);
  if (principal.level === 'community') throw new ForbiddenError('由街道及以上工作人员导入台账');
  return scope;
}

export const reasonsOf = (problems: readonly ImportProblem[]) => problems.map((p) => IMPORT_PROBLEMS[p]);
const badRow = (r: Extract<CheckedRow, { ok: false }>) => ({ row: r.row, name: r.name, problems: r.problems, reasons: reasonsOf(r.problems) });

/**
 * The file read and checked for the caller's office, and the import's id: the hash of the office
 * and the file's bytes (the same file again from the same office is the same import).
 */
async function checkedFile(principal: Principal, body: FileBody) {
  const scope = assertImporter(principal);
  const bytes = Buffer.from(body.contentBase64, 'base64');
  const rows = await readLedgerFile(body.fileName, bytes);
  const columns = importColumns(rows[0]);
  if (!columns.ok) throw new ValidationError([{ path: ['contentBase64'], message: `第一行缺少列：${columns.missing.join('、')}（应有 ${Object.values(IMPORT_COLUMNS).join('、')}）` }]);
  const importId = createHash('sha256').update(scope).update('\n').update(bytes).digest('hex').slice(0, 32);
  return { scope, importId, rows: rows.length - 1, checked: checkImportRows(rows.slice(1), columns.index, scope, areaResolver(scope)) };
}

function toImportView(run: FormattedItem<typeof LedgerImportEntity>): LedgerImport {
  return {
    id: run.importId,
    fileName: run.fileName,
    rows: run.rows,
    good: run.good,
    bad: run.bad,
    applied: run.applied,
    refusedOnApply: run.refusedOnApply,
    state: run.partsDone >= run.parts ? 'done' : 'running',
    createdAt: run.createdAt,
    byName: run.byName,
  };
}

/** The preview: every bad row with its reasons; people already known are bad rows too. Writes nothing. */
export async function previewImport(principal: Principal, body: FileBody) {
  const { importId: id, rows, checked } = await checkedFile(principal, body);
  const good = checked.filter((r): r is Extract<CheckedRow, { ok: true }> => r.ok);
  const vault = getDependencies().idNumbers;
  const hashes = new Map(good.map((r) => [r.row, vault.blindIndex(r.value.idNumber)]));
  const [registered, imported, { Item: run }] = await Promise.all([
    batchRead<{ pk: string }>([...hashes.values()].map((h) => ({ pk: `IDNUMBER#${h}`, sk: 'CLAIM' })), ['pk']),
    batchRead<{ pk: string; personId: string }>([...hashes.values()].map((h) => ({ pk: `IMPORTEDID#${h}`, sk: 'CLAIM' })), ['pk', 'personId']),
    LedgerImportEntity.build(GetItemCommand).key({ importId: id }).send(),
  ]);
  const registeredSet = new Set(registered.map((i) => i.pk.slice('IDNUMBER#'.length)));
  // Someone imported by this very file is not a duplicate: applying it again changes nothing.
  const importedElsewhere = new Set(imported.filter((i) => !i.personId.startsWith(`${id}_`)).map((i) => i.pk.slice('IMPORTEDID#'.length)));
  const bad = checked.flatMap((r) => {
    if (!r.ok) return [badRow(r)];
    const h = hashes.get(r.row)!;
    const problem: ImportProblem | undefined = registeredSet.has(h) ? 'registered' : importedElsewhere.has(h) ? 'imported' : undefined;
    return problem ? [{ row: r.row, name: r.value.name, problems: [problem], reasons: reasonsOf([problem]) }] : [];
  });
  return { id, rows, good: rows - bad.length, bad, ...(run ? { imported: toImportView(run) } : {}) };
}

/** What a queue message carries per row: the ID number only as ciphertext, index and masked copy. */
interface PartRow extends Omit<ImportRow, 'idNumber'> {
  idNumberCipher: string;
  idNumberHash: string;
}
export interface ImportPartMessage {
  kind: 'ledgerImport';
  importId: string;
  part: number;
  rows: PartRow[];
}

/**
 * Starts (or finds) the import of a file: the import is created under `attribute_not_exists`, then
 * its parts are queued. The same file again answers with the import as it stands, queuing nothing
 * new — unless its parts were never queued (the request that created it failed half way).
 */
export async function startImport(principal: Principal, body: FileBody): Promise<LedgerImport> {
  const { scope, importId, rows, checked } = await checkedFile(principal, body);
  const { Item: existing } = await LedgerImportEntity.build(GetItemCommand).key({ importId }).options({ consistent: true }).send();
  if (existing?.queuedAt || (existing && Date.now() - Date.parse(existing.createdAt) < 60_000)) return toImportView(existing);
  const vault = getDependencies().idNumbers;
  const good: PartRow[] = checked.flatMap((r) => {
    if (!r.ok) return [];
    const { idNumber, ...rest } = r.value;
    return [{ ...rest, idNumberCipher: vault.encrypt(idNumber), idNumberHash: vault.blindIndex(idNumber) }];
  });
  const parts = chunked(good, ROWS_PER_PART);
  const now = new Date().toISOString();
  if (!existing) {
    const { Item: me } = await StaffMemberEntity.build(GetItemCommand).key({ userId: principal.userId }).send();
    try {
      await LedgerImportEntity.build(PutItemCommand)
        .item({
          importId,
          fileName: body.fileName,
          scope,
          byId: principal.userId,
          byName: me?.name ?? '',
          rows,
          good: good.length,
          bad: rows - good.length,
          parts: parts.length,
          partsDone: 0,
          applied: 0,
          refusedOnApply: 0,
          createdAt: now,
          gsi1pk: `LEDGERIMPORTS#${scope.slice(0, 4)}`,
          gsi1sk: `${scope}#${now}#${importId}`,
        })
        .options({ condition: { attr: 'importId', exists: false } })
        .send();
    } catch (err) {
      if (!isConditionFailure(err)) throw err;
      const { Item } = await LedgerImportEntity.build(GetItemCommand).key({ importId }).options({ consistent: true }).send();
      return toImportView(Item!); // the same file sent twice at once: one import
    }
  }
  const messages: ImportPartMessage[] = parts.map((rowsOfPart, part) => ({ kind: 'ledgerImport', importId, part, rows: rowsOfPart }));
  await getDependencies().ledgerQueue.send(messages);
  const { Attributes } = await LedgerImportEntity.build(UpdateItemCommand).item({ importId, queuedAt: now }).options({ returnValues: 'ALL_NEW' }).send();
  return toImportView(Attributes!);
}

/**
 * One part of an import, on the queue: each row is one transaction — nobody registered with the ID
 * number (a condition on their claim), one imported person per ID number, the person and their
 * rows — and then the part's outcome is added to the import's counters once, with its marker.
 */
export async function applyPart(message: ImportPartMessage): Promise<void> {
  const { Item: run } = await LedgerImportEntity.build(GetItemCommand).key({ importId: message.importId }).options({ consistent: true }).send();
  if (!run) throw new Error(`ledger import ${message.importId} not found`);
  const { Item: done } = await LedgerImportPartEntity.build(GetItemCommand).key({ importId: message.importId, part: message.part }).options({ consistent: true }).send();
  if (done) return; // counted already (a redelivered message)
  const importedAt = run.createdAt;
  const outcomes = (await mapLimit(groupsOf(message.rows), GROUPS_AT_ONCE, (group) => applyGroup(message.importId, group, importedAt))).flat();
  const refused = message.rows.flatMap((r, i) => (outcomes[i] === 'applied' ? [] : [{ row: r.row, name: r.name, problem: outcomes[i] }]));
  const applied = message.rows.length - refused.length;
  try {
    await execute(
      LedgerImportPartEntity.build(PutTransaction)
        .item({ importId: message.importId, part: message.part, applied, refused, doneAt: new Date().toISOString() })
        .options({ condition: { attr: 'importId', exists: false } }),
      LedgerImportEntity.build(UpdateTransaction).item({ importId: message.importId, applied: $add(applied), refusedOnApply: $add(refused.length), partsDone: $add(1) }),
    );
  } catch (err) {
    if (cancelledTransaction(err)?.conditionFailed[0]) return; // another delivery counted it meanwhile
    throw err;
  }
}

/** A row's writes: nobody registered with the ID number, one imported person per ID number, the person and their rows. */
function rowWrites(importId: string, row: PartRow, importedAt: string) {
  const { idNumberCipher, idNumberHash, ...rest } = row;
  const person = { personId: `${importId}_${row.row}`, importId, ...rest, idNumberCipher, idNumberHash, importedAt };
  return [
    IdNumberClaimEntity.build(ConditionCheck).key({ idNumberHash }).condition({ attr: 'userId', exists: false }),
    ImportedClaimEntity.build(PutTransaction).item({ idNumberHash, personId: person.personId }).options({ condition: { attr: 'personId', exists: false } }),
    ImportedPersonEntity.build(PutTransaction).item(person).options({ condition: { attr: 'personId', exists: false } }),
    ...putRows(importedFacts(person), importedAt),
  ];
}

/**
 * Rows in consecutive groups of at most GROUP_ITEMS items: a few rows a round trip, small enough
 * that a transaction holds its items briefly (100, DynamoDB's limit, made DynamoDB Local's other
 * clients wait on its lock under load).
 */
function groupsOf(rows: readonly PartRow[]): PartRow[][] {
  const groups: PartRow[][] = [];
  let items = 0;
  for (const row of rows) {
    const n = 5 + row.categories.length; // the check, the claim, the person, the `all` and `imported` rows, one per category
    if (!groups.length || items + n > GROUP_ITEMS) {
      groups.push([]);
      items = 0;
    }
    groups.at(-1)!.push(row);
    items += n;
  }
  return groups;
}

type RowOutcome = 'applied' | 'registered' | 'imported';

/**
 * A group of rows in one transaction (most files are mostly new people: one round trip for many);
 * if any row's condition fails, nothing of the group was written and each row goes alone, so each
 * row is still all or nothing and refused only for itself.
 */
async function applyGroup(importId: string, rows: PartRow[], importedAt: string): Promise<RowOutcome[]> {
  if (rows.length > 1) {
    try {
      await retryConflicts(() => execute(...(rows.flatMap((r) => rowWrites(importId, r, importedAt)) as Parameters<typeof execute>)));
      return rows.map(() => 'applied');
    } catch (err) {
      if (!cancelledTransaction(err)?.conditionFailed.some(Boolean)) throw err;
    }
  }
  const out: RowOutcome[] = [];
  for (const row of rows) out.push(await applyRow(importId, row, importedAt));
  return out;
}

async function applyRow(importId: string, row: PartRow, importedAt: string): Promise<RowOutcome> {
  try {
    await retryConflicts(() => execute(...(rowWrites(importId, row, importedAt) as Parameters<typeof execute>)));
    return 'applied';
  } catch (err) {
    const failed = cancelledTransaction(err)?.conditionFailed;
    if (!failed?.some(Boolean)) throw err;
    if (failed[0]) return 'registered';
    // The claim is this very row's: applied by an earlier delivery.
    const { Item: claim } = await ImportedClaimEntity.build(GetItemCommand).key({ idNumberHash: row.idNumberHash }).options({ consistent: true }).send();
    return claim?.personId === `${importId}_${row.row}` ? 'applied' : 'imported';
  }
}

/** An import's progress and the rows refused when applied; only for the office that made it (and above). */
export async function importStatus(principal: Principal, importId: string) {
  const scope = scopeOf(principal);
  const { Item: run } = await LedgerImportEntity.build(GetItemCommand).key({ importId }).send();
  if (!run || !run.scope.startsWith(scope)) throw new NotFoundError('找不到这次导入');
  const { Items: parts = [] } = await table.build(QueryCommand).entities(LedgerImportPartEntity).query({ partition: `LEDGERIMPORT#${importId}`, range: { beginsWith: 'PART#' } }).send();
  const refused = parts.flatMap((p) => p.refused).map((r) => ({ row: r.row, name: r.name, problems: [r.problem as ImportProblem], reasons: reasonsOf([r.problem as ImportProblem]) }));
  return { import: toImportView(run), refused: refused.sort((a, b) => a.row - b.row) };
}
