// A test vacancy (用人单位招聘登记表) at a place, with the parts a test cares about overridden.
// Complete and valid as it stands (a VacancyBody); overrides may be invalid on purpose.
import { addCalendarDays, todayInChina, type VacancyBody } from '@doorstep/shared';

export function vacancyBody(employerId: string, at: { lat: number; lng: number }, overrides: Record<string, unknown> = {}): VacancyBody {
  const base: VacancyBody = {
    employerId,
    title: '超市收银员',
    occupationCode: '',
    occupationName: '收银员',
    employmentForm: 'full_time',
    headcount: 2,
    requirements: { minEducation: 'junior_high', other: '能适应早晚班' },
    pay: { salaryMinFen: 380_000, salaryMaxFen: 450_000, accommodation: 'none', benefits: '五险' },
    // Open today and for three months, whenever the tests run.
    time: { recruitFrom: '2026-11-01', recruitUntil: addCalendarDays(todayInChina(), 90) },
    workplace: { areaCode: '350102001001', address: '鼓东路 20 号', ...at },
    shift: 'day',
  };
  return { ...base, ...overrides } as VacancyBody;
}
