import { HARDSHIP_CATEGORIES, PERSON_RULES, isOverAge, isRecentGraduate, isWorkingAge, monthsBetween, rulesOn, rulesVersion, type PersonRules } from './personRules';

const base = PERSON_RULES[0];

describe('the versioned person rules', () => {
  it('picks the row in force on a date: the latest whose effectiveFrom is not after it', () => {
    const table: PersonRules[] = [base, { ...base, version: 'PR-2027-01', effectiveFrom: '2027-01-01', overAge: { male: 55, female: 45 } }];
    expect(rulesOn('2026-12-31', table).version).toBe(base.version);
    expect(rulesOn('2027-01-01', table).version).toBe('PR-2027-01');
    expect(() => rulesOn('2025-12-31', table)).toThrow();
  });

  it('finds the row a stored decision names, whatever is in force today', () => {
    const table: PersonRules[] = [base, { ...base, version: 'PR-2027-01', effectiveFrom: '2027-01-01' }];
    expect(rulesVersion(base.version, table)).toBe(base);
    expect(() => rulesVersion('PR-1999-01', table)).toThrow();
  });

  it('keeps versions unique and in date order, and names every hard-to-employ category once', () => {
    const versions = PERSON_RULES.map((r) => r.version);
    expect(new Set(versions).size).toBe(versions.length);
    const dates = PERSON_RULES.map((r) => r.effectiveFrom);
    expect([...dates].sort()).toEqual(dates);
    for (const rules of PERSON_RULES) expect(rules.hardshipCategories.map((c) => c.code).sort()).toEqual([...HARDSHIP_CATEGORIES].sort());
  });
});

describe('working age (R02/R04)', () => {
  it.each([
    ['2010-11-23', 'male', true], // 16 today
    ['2010-11-24', 'male', false], // 16 tomorrow
    ['1966-11-24', 'male', true], // 59
    ['1966-11-23', 'male', false], // 60 today: past the bound
    ['1971-11-24', 'female', true], // 54
    ['1971-11-23', 'female', false], // 55
  ] as const)('born %s (%s) on 2026-11-23 → %s', (birth, gender, expected) => {
    expect(isWorkingAge(base, birth, gender, '2026-11-23')).toBe(expected);
  });
});

describe('derived thresholds', () => {
  it('over-age: women from 40, men from 50', () => {
    expect(isOverAge(base, '1986-11-23', 'female', '2026-11-23')).toBe(true);
    expect(isOverAge(base, '1986-11-24', 'female', '2026-11-23')).toBe(false);
    expect(isOverAge(base, '1980-01-01', 'male', '2026-11-23')).toBe(false);
  });

  it('a graduate stays "within 2 years" until the second anniversary of leaving school', () => {
    expect(isRecentGraduate(base, '2024-11-24', '2026-11-23')).toBe(true);
    expect(isRecentGraduate(base, '2024-11-23', '2026-11-23')).toBe(false);
    expect(isRecentGraduate(base, '2026-12-01', '2026-11-23')).toBe(false); // not yet graduated
  });

  it('counts whole months of unemployment', () => {
    expect(monthsBetween('2025-11-23', '2026-11-23')).toBe(12);
    expect(monthsBetween('2025-11-24', '2026-11-23')).toBe(11);
  });
});
