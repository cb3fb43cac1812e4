// Eligibility gates (domain.md §4.1). Versioned so a stored decision can say which rule applied.
import { ageOn, todayInChina } from './idNumber';

export const JOBSEEKER_MIN_AGE = 16; // R01: 年满16周岁

export const ELIGIBILITY_RULES_VERSION = '2026-11-R01';

export function isOldEnoughToRegister(birthDate: string, today: string = todayInChina()): boolean {
  return ageOn(birthDate, today) >= JOBSEEKER_MIN_AGE;
}
