// A test vacancy (用人单位招聘登记表) at a place, with the parts a test cares about overridden.
export function vacancyBody(employerId: string, at: { lat: number; lng: number }, overrides: Record<string, unknown> = {}) {
  return {
    employerId,
    title: '超市收银员',
    occupationName: '收银员',
    employmentForm: 'full_time',
    headcount: 2,
    requirements: { minEducation: 'junior_high', other: '能适应早晚班' },
    pay: { salaryMinFen: 380_000, salaryMaxFen: 450_000, accommodation: 'none', benefits: '五险' },
    time: { recruitFrom: '2026-11-01', recruitUntil: '2027-01-31' },
    workplace: { areaCode: '350102001001', address: '鼓东路 20 号', ...at },
    shift: 'day',
    ...overrides,
  };
}
