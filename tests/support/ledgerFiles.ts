// A street's ledger as staff keep it today: a CSV with the columns the import reads, good rows and
// (on request) the seven kinds of bad row the preview must name. Used by the data suite, the API
// suite and the import benchmark.
import Papa from 'papaparse';
import type { ImportProblem } from '@doorstep/shared';
import { makeIdNumber } from './people';

export const HEADER = ['姓名', '身份证号', '社区', '联系电话', '居住地址', '人员类别', '就业状态'];
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高';
const GIVEN = ['秀英', '建国', '桂兰', '志强', '丽华', '海燕', '国平', '玉梅', '文斌', '春生'];
const COMMUNITIES = ['350102001001', '中山社区', '350102001002', '庆城社区居委会'];

/** The ID number of good row `i` (unique per `series`, valid check digit). */
export function rowIdNumber(i: number, series = 0): string {
  const birth = new Date(Date.UTC(1966 + series, 0, 1) + (i % 9000) * 86_400_000).toISOString().slice(0, 10);
  return makeIdNumber(birth, 100 + Math.floor(i / 9000) * 7 + series, '350102');
}

export interface LedgerFile {
  csv: string;
  /** The bad rows by their number in the file (the header is row 1), with the problem each must show. */
  bad: Map<number, ImportProblem>;
}

/**
 * `rows` data rows; with `badKinds`, every twentieth row (from the eighth) is bad, cycling through
 * them until each kind has `perKind` rows. `registeredIds` are ID numbers of people who registered
 * themselves (one for each `registered` row).
 */
export function ledgerFile(rows: number, options: { series?: number; badKinds?: ImportProblem[]; perKind?: number; registeredIds?: string[] } = {}): LedgerFile {
  const data: string[][] = [];
  const bad = new Map<number, ImportProblem>();
  let badSeen = 0;
  for (let i = 0; i < rows; i += 1) {
    const row = [
      `${SURNAMES[i % SURNAMES.length]}${GIVEN[Math.floor(i / SURNAMES.length) % GIVEN.length]}`,
      rowIdNumber(i, options.series ?? 0),
      COMMUNITIES[i % COMMUNITIES.length],
      i % 3 === 0 ? '' : `139${String(10_000_000 + i).slice(-8)}`,
      `鼓东路 ${i % 200} 号`,
      i % 5 === 0 ? '登记失业、就业困难' : i % 5 === 1 ? '零工' : '',
      i % 5 === 0 ? '失业' : i % 4 === 0 ? '就业' : '',
    ];
    const kinds = options.badKinds ?? [];
    if (kinds.length && i % 20 === 7 && badSeen < kinds.length * (options.perKind ?? 2)) {
      const kind = kinds[badSeen % kinds.length];
      if (kind === 'name') row[0] = '';
      if (kind === 'idCheckDigit') row[1] = row[1].slice(0, 17) + (row[1][17] === '0' ? '1' : '0');
      if (kind === 'idFormat') row[1] = row[1].slice(0, 16);
      if (kind === 'areaOutside') row[2] = '350102002002';
      if (kind === 'areaUnknown') row[2] = '不存在社区';
      if (kind === 'duplicateInFile') row[1] = data[0][1];
      if (kind === 'registered') row[1] = options.registeredIds![Math.floor(badSeen / kinds.length)];
      if (kind === 'phone') row[3] = '12345';
      if (kind === 'category') row[5] = '贫困户';
      bad.set(i + 2, kind);
      badSeen += 1;
    }
    data.push(row);
  }
  return { csv: Papa.unparse({ fields: HEADER, data }, { newline: '\r\n' }), bad };
}

export const toBase64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');
