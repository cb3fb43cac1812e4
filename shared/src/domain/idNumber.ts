// Resident identity card number (公民身份号码), GB 11643-1999: 6-digit area code, 8-digit birth
// date, 3-digit sequence (odd = male), and an ISO 7064 MOD 11-2 check character.

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';

export type Gender = 'male' | 'female';

export interface IdNumberInfo {
  /** Normalised: upper-case X. */
  idNumber: string;
  /** YYYY-MM-DD */
  birthDate: string;
  gender: Gender;
}

export type IdNumberProblem = 'format' | 'checkDigit' | 'birthDate';

export const idNumberProblemMessages: Record<IdNumberProblem, string> = {
  format: '身份证号应为18位，前17位是数字，最后一位是数字或X',
  checkDigit: '身份证号校验位不正确，请核对后重新输入',
  birthDate: '身份证号中的出生日期不存在',
};

export function idCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += Number(first17[i]) * WEIGHTS[i];
  return CHECK_CHARS[sum % 11];
}

function isRealDate(year: number, month: number, day: number): boolean {
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

/**
 * Checks the format, the check character and the birth date (a real calendar date, not before
 * 1900 and not after `today`). Returns the derived facts, or the first problem found.
 */
export function parseIdNumber(
  raw: string,
  today: string = todayInChina(),
): { ok: true; value: IdNumberInfo } | { ok: false; problem: IdNumberProblem } {
  const idNumber = raw.trim().toUpperCase();
  if (!/^\d{17}[\dX]$/.test(idNumber)) return { ok: false, problem: 'format' };
  const year = Number(idNumber.slice(6, 10));
  const month = Number(idNumber.slice(10, 12));
  const day = Number(idNumber.slice(12, 14));
  const birthDate = `${idNumber.slice(6, 10)}-${idNumber.slice(10, 12)}-${idNumber.slice(12, 14)}`;
  if (year < 1900 || !isRealDate(year, month, day) || birthDate > today) {
    return { ok: false, problem: 'birthDate' };
  }
  if (idCheckChar(idNumber.slice(0, 17)) !== idNumber[17]) return { ok: false, problem: 'checkDigit' };
  const gender: Gender = Number(idNumber[16]) % 2 === 1 ? 'male' : 'female';
  return { ok: true, value: { idNumber, birthDate, gender } };
}

/** Full years between a YYYY-MM-DD birth date and `today` (a birthday on 29 Feb counts from 1 Mar). */
export function ageOn(birthDate: string, today: string = todayInChina()): number {
  const [by, bm, bd] = birthDate.split('-').map(Number);
  const [ty, tm, td] = today.split('-').map(Number);
  let age = ty - by;
  if (tm < bm || (tm === bm && td < bd)) age -= 1;
  return age;
}

/** `3501**********1234`: keeps the first four and last four characters. */
export function maskIdNumber(idNumber: string): string {
  if (idNumber.length < 8) return '*'.repeat(idNumber.length);
  return `${idNumber.slice(0, 4)}${'*'.repeat(idNumber.length - 8)}${idNumber.slice(-4)}`;
}

/** Today's date (YYYY-MM-DD) in Asia/Shanghai. China keeps UTC+8 all year, with no DST. */
export function todayInChina(now: Date = new Date()): string {
  return new Date(now.getTime() + 8 * 3600 * 1000).toISOString().slice(0, 10);
}

/** An ISO time as China reads it to the minute: "2026-12-02 22:05". */
export function chinaTimeText(iso: string): string {
  const d = new Date(new Date(iso).getTime() + 8 * 3600 * 1000).toISOString();
  return `${d.slice(0, 10)} ${d.slice(11, 16)}`;
}
