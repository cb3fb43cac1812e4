// 实名制台账 (issue 31, F11 服务手册): every person of an area the system knows, by category, with
// their service timeline; and the ledgers a street keeps today (CSV or Excel) checked row by row
// before they are imported. The rules here are pure: the functions decide what a row is, the
// server decides what already exists.
import { idNumberProblemMessages, maskIdNumber, parseIdNumber, type Gender } from './idNumber';
import { isWithinArea } from './areas';
import { isMobile } from './phone';

/** The ledger's categories (a person is listed under each that holds, and under `all`). */
export const LEDGER_CATEGORIES = {
  jobseeker: '求职登记人员',
  unemployed: '登记失业人员',
  hard_to_employ: '就业困难人员',
  zero_household: '零就业家庭成员',
  graduate: '两年内高校毕业生',
  gig_worker: '零工人员',
  met: '窗口或招聘会服务过',
  employed: '已就业',
  imported: '街道台账导入（本人未登记）',
} as const;
export type LedgerCategory = keyof typeof LEDGER_CATEGORIES;
export const LEDGER_CATEGORY_KEYS = Object.keys(LEDGER_CATEGORIES) as LedgerCategory[];
/** Everyone of the area: the ledger's first page. */
export const LEDGER_ALL = 'all';

/** Work status, as the ledger shows it (a filter beside the category). */
export const LEDGER_STATUSES = { employed: '已就业', seeking: '未就业', unknown: '不详' } as const;
export type LedgerStatus = keyof typeof LEDGER_STATUSES;

// ── Importing a street's ledger ─────────────────────────────────────────────────────────────

/** The columns a street's file must have (the first row), and the optional ones. */
export const IMPORT_COLUMNS = { name: '姓名', idNumber: '身份证号', area: '社区', phone: '联系电话', address: '居住地址', categories: '人员类别', status: '就业状态' } as const;
export const IMPORT_REQUIRED: (keyof typeof IMPORT_COLUMNS)[] = ['name', 'idNumber', 'area'];
export const IMPORT_MAX_ROWS = 10_000;
/** Base64 of a file of up to 3 MB (10,000 rows of a ledger are about 1 MB as CSV). */
export const IMPORT_MAX_BYTES = 3 * 1024 * 1024;

/** The words a street's file uses for a category, as its staff write them. */
const CATEGORY_WORDS: Record<string, LedgerCategory> = {
  求职: 'jobseeker',
  求职登记: 'jobseeker',
  求职登记人员: 'jobseeker',
  失业: 'unemployed',
  登记失业: 'unemployed',
  登记失业人员: 'unemployed',
  就业困难: 'hard_to_employ',
  就业困难人员: 'hard_to_employ',
  零就业家庭: 'zero_household',
  零就业家庭成员: 'zero_household',
  高校毕业生: 'graduate',
  毕业生: 'graduate',
  零工: 'gig_worker',
  零工人员: 'gig_worker',
  灵活就业: 'gig_worker',
  灵活就业人员: 'gig_worker',
};
const STATUS_WORDS: Record<string, LedgerStatus> = { 就业: 'employed', 已就业: 'employed', 在职: 'employed', 失业: 'seeking', 未就业: 'seeking', 待业: 'seeking', 不详: 'unknown', '': 'unknown' };

/** Why a row is not imported, in the words the preview shows beside it. */
export const IMPORT_PROBLEMS = {
  name: '姓名为空或不是2到20个字',
  idFormat: idNumberProblemMessages.format,
  idCheckDigit: idNumberProblemMessages.checkDigit,
  idBirthDate: idNumberProblemMessages.birthDate,
  areaUnknown: '辖区内没有这个社区（请填社区名称或12位代码）',
  areaOutside: '社区不在您的辖区内',
  phone: '联系电话不是11位手机号',
  category: '人员类别无法识别',
  status: '就业状态应为 就业、失业 或 不详',
  duplicateInFile: '与本文件中前面一行的身份证号重复',
  registered: '此人已在系统中自行登记，无需导入',
  imported: '此人已由其他台账导入',
} as const;
export type ImportProblem = keyof typeof IMPORT_PROBLEMS;

export interface ImportRow {
  /** The row's number in the file (the header is row 1), as staff see it in Excel. */
  row: number;
  name: string;
  idNumber: string;
  idNumberMasked: string;
  birthDate: string;
  gender: Gender;
  areaCode: string;
  phone?: string;
  address?: string;
  categories: LedgerCategory[];
  status: LedgerStatus;
}

export type CheckedRow = { row: number; ok: true; value: ImportRow } | { row: number; ok: false; name: string; problems: ImportProblem[] };

/** Which of the file's columns holds what; missing required ones are named. */
export function importColumns(header: readonly string[]): { ok: true; index: Partial<Record<keyof typeof IMPORT_COLUMNS, number>> } | { ok: false; missing: string[] } {
  const clean = header.map((h) => String(h ?? '').replace(/^\uFEFF/, '').trim());
  const index: Partial<Record<keyof typeof IMPORT_COLUMNS, number>> = {};
  for (const [key, title] of Object.entries(IMPORT_COLUMNS) as [keyof typeof IMPORT_COLUMNS, string][]) {
    const at = clean.indexOf(title);
    if (at >= 0) index[key] = at;
  }
  const missing = IMPORT_REQUIRED.filter((k) => index[k] === undefined).map((k) => IMPORT_COLUMNS[k]);
  return missing.length ? { ok: false, missing } : { ok: true, index };
}

/**
 * Checks the rows of a file (without its header) for an officer of `scope`. `resolveArea` finds a
 * community by its 12-digit code or its name under the scope. Rows with the same ID number as an
 * earlier row are refused, so a file names each person once.
 */
export function checkImportRows(
  rows: readonly (readonly unknown[])[],
  index: Partial<Record<keyof typeof IMPORT_COLUMNS, number>>,
  scope: string,
  resolveArea: (text: string) => string | undefined,
): CheckedRow[] {
  const seen = new Set<string>();
  return rows.map((cells, i) => {
    const row = i + 2;
    const cell = (k: keyof typeof IMPORT_COLUMNS) => (index[k] === undefined ? '' : String(cells[index[k]!] ?? '').trim());
    const problems: ImportProblem[] = [];
    const name = cell('name').replace(/\s+/g, '');
    if (!/^[\p{Script=Han}A-Za-z·•.]{2,20}$/u.test(name)) problems.push('name');
    const id = parseIdNumber(cell('idNumber').replace(/\s+/g, '').toUpperCase());
    if (!id.ok) problems.push(id.problem === 'format' ? 'idFormat' : id.problem === 'checkDigit' ? 'idCheckDigit' : 'idBirthDate');
    else if (seen.has(id.value.idNumber)) problems.push('duplicateInFile');
    const areaText = cell('area');
    const areaCode = areaText ? resolveArea(areaText) : undefined;
    if (!areaCode) problems.push(/^\d{12}$/.test(areaText) && !isWithinArea(areaText, scope) ? 'areaOutside' : 'areaUnknown');
    else if (!isWithinArea(areaCode, scope) || areaCode.length !== 12) problems.push('areaOutside');
    const phone = cell('phone').replace(/[\s-]/g, '');
    if (phone && !isMobile(phone)) problems.push('phone');
    const categories: LedgerCategory[] = [];
    for (const word of cell('categories').split(/[、,，;；/\s]+/).filter(Boolean)) {
      const c = CATEGORY_WORDS[word];
      if (!c) problems.push('category');
      else if (!categories.includes(c)) categories.push(c);
    }
    const status = STATUS_WORDS[cell('status')];
    if (!status) problems.push('status');
    if (id.ok) seen.add(id.value.idNumber);
    if (problems.length || !id.ok || !areaCode) return { row, ok: false, name, problems: [...new Set(problems)] };
    const address = cell('address');
    return {
      row,
      ok: true,
      value: {
        row,
        name,
        idNumber: id.value.idNumber,
        idNumberMasked: maskIdNumber(id.value.idNumber),
        birthDate: id.value.birthDate,
        gender: id.value.gender,
        areaCode,
        ...(phone ? { phone } : {}),
        ...(address ? { address: address.slice(0, 100) } : {}),
        categories,
        status: status!,
      },
    };
  });
}
