// The files money goes out and comes back in: the payout file a bank pays from (every field quoted,
// a formula-looking start defused) and the bank's result file, read row by row (any problem is a
// 400 naming the row, and nothing changes). Voucher settlement and subsidy payments share them.
import Papa from 'papaparse';
import { BANK_RESULT_VALUES, PAYOUT_COLUMNS, type FieldIssue } from '@doorstep/shared';
import { ValidationError } from '../http/errors';

/** The payout file's text: the columns banks read, each field quoted, "=+-@" at a field's start defused. */
export function payoutCsv(rows: string[][]): string {
  const safe = rows.map((r) => r.map((f) => (/^[=+\-@]/.test(f) ? `'${f}` : f)));
  return Papa.unparse({ fields: [...PAYOUT_COLUMNS], data: safe }, { quotes: true, newline: '\r\n' });
}

export interface ResultRow {
  lineId: string;
  result: 'paid' | 'failed';
  reason?: string;
}

/** Reads the bank's result file; any problem is a 400 naming the row, and nothing changes. Subsidy payments read theirs with it too. */
export function parseBankResults(fileText: string, lines: { has(lineId: string): boolean }): ResultRow[] {
  const parsed = Papa.parse<Record<string, string>>(fileText.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: 'greedy', transformHeader: (h) => h.trim() });
  const fields = parsed.meta.fields ?? [];
  if (!fields.includes('line_id') || !fields.includes('result')) {
    throw new ValidationError([{ path: ['fileText'], message: '回盘文件第一行须是列名：line_id,result,reason' }], '回盘文件格式不对');
  }
  const issues: FieldIssue[] = [];
  const seen = new Set<string>();
  const rows: ResultRow[] = [];
  parsed.data.forEach((r, i) => {
    const row = i + 2;
    const lineId = (r.line_id ?? '').trim();
    const result = (r.result ?? '').trim();
    const reason = (r.reason ?? '').trim();
    if (!lines.has(lineId)) issues.push({ path: ['fileText', row], message: `第${row}行：本批次没有明细 ${lineId || '（空）'}` });
    else if (seen.has(lineId)) issues.push({ path: ['fileText', row], message: `第${row}行：明细 ${lineId} 重复出现` });
    else if (result !== BANK_RESULT_VALUES.paid && result !== BANK_RESULT_VALUES.failed) issues.push({ path: ['fileText', row], message: `第${row}行：结果须为“成功”或“失败”` });
    else if (result === BANK_RESULT_VALUES.failed && !reason) issues.push({ path: ['fileText', row], message: `第${row}行：失败须写明原因` });
    else rows.push({ lineId, result: result === BANK_RESULT_VALUES.paid ? 'paid' : 'failed', ...(reason ? { reason: reason.slice(0, 100) } : {}) });
    seen.add(lineId);
  });
  if (parsed.errors.length > 0) issues.push(...parsed.errors.slice(0, 5).map((e) => ({ path: ['fileText', (e.row ?? 0) + 2], message: `第${(e.row ?? 0) + 2}行：${e.message}` })));
  if (issues.length > 0) throw new ValidationError(issues.slice(0, 20), '回盘文件有问题，没有导入任何一行');
  if (rows.length === 0) throw new ValidationError([{ path: ['fileText'], message: '回盘文件里没有结果' }], '回盘文件里没有结果');
  return rows;
}

