// Unified social credit code (统一社会信用代码), GB 32100-2015: 18 characters from a 31-character
// set (no I, O, S, V, Z): registration authority, organisation type, 6-digit division code,
// 9-character organisation code, and a check character (weights 3^i mod 31).
export const USCC_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

export type UsccProblem = 'format' | 'checkCharacter';

export const usccProblemMessages: Record<UsccProblem, string> = {
  format: '统一社会信用代码应为18位，由数字和大写字母组成（不含 I、O、S、V、Z）',
  checkCharacter: '统一社会信用代码校验位不正确，请对照营业执照核对',
};

export function usccCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += USCC_CHARSET.indexOf(first17[i]) * WEIGHTS[i];
  return USCC_CHARSET[(31 - (sum % 31)) % 31];
}

export function parseUscc(raw: string): { ok: true; uscc: string; divisionCode: string } | { ok: false; problem: UsccProblem } {
  const uscc = raw.trim().toUpperCase();
  if (!/^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/.test(uscc)) return { ok: false, problem: 'format' };
  if (usccCheckChar(uscc.slice(0, 17)) !== uscc[17]) return { ok: false, problem: 'checkCharacter' };
  return { ok: true, uscc, divisionCode: uscc.slice(2, 8) };
}
