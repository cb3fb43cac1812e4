// Test people: valid ID numbers built with the real check-digit rule, and a complete registration body.
import { idCheckChar, type JobseekerRegistrationBody } from '@doorstep/shared';

export function makeIdNumber(birth: string, seq = 123, area = '350102'): string {
  const first17 = `${area}${birth.replace(/-/g, '')}${String(seq).padStart(3, '0')}`;
  return first17 + idCheckChar(first17);
}

/** A date `years` years before today (Asia/Shanghai), shifted by `days`. */
export function birthDateYearsAgo(years: number, days = 0): string {
  const now = new Date(Date.now() + 8 * 3600_000);
  const d = new Date(Date.UTC(now.getUTCFullYear() - years, now.getUTCMonth(), now.getUTCDate() + days));
  return d.toISOString().slice(0, 10);
}

export const GULOU_COMMUNITY = '350102001001'; // 福建省福州市鼓楼区鼓东街道 …

export function registrationBody(overrides: Partial<JobseekerRegistrationBody> = {}): JobseekerRegistrationBody {
  return {
    idNumber: makeIdNumber('1980-05-17', 123),
    name: '林秀英',
    phone: '13812345678',
    education: 'senior_high',
    yearsOfExperience: 12,
    personCategory: 'registered_unemployed',
    resume: '在服装厂做过十年缝纫工。',
    residence: { areaCode: GULOU_COMMUNITY, address: '鼓东路 18 号 3 单元', lat: 26.0845, lng: 119.3012 },
    intention: { occupations: ['缝纫工', '保洁员'], minMonthlySalaryFen: 350000, maxDistanceKm: 3, shift: 'day' },
    ...overrides,
  };
}
