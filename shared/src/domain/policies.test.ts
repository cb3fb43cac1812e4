import fc from 'fast-check';
import { EDUCATION_LEVELS } from './registration';
import { ageOn } from './idNumber';
import { POLICY_GROUPS, qualifies, ruleText, type PolicyFacts, type PolicyRule } from './policies';

const TODAY = '2026-12-06';
const POLICY = { areaCode: '350102', validFrom: '2026-01-01', validUntil: '2027-12-31' };
const person = (over: Partial<PolicyFacts> = {}): PolicyFacts => ({
  birthDate: '1981-03-02',
  gender: 'female',
  education: 'senior_high',
  groups: ['registered_unemployed'],
  areaCode: '350102001001',
  ...over,
});

describe('qualifies', () => {
  it('gives the reasons in the person’s own facts', () => {
    const rule: PolicyRule = { groups: ['registered_unemployed', 'hard_to_employ'], minAge: 40 };
    expect(qualifies(rule, POLICY, person(), TODAY, '鼓楼区')).toEqual({ ok: true, reasons: ['您是登记失业人员', '年龄45岁', '住在鼓楼区'] });
    expect(ruleText(rule, '鼓楼区')).toBe('登记失业人员或就业困难人员；40岁及以上；住在鼓楼区');
  });

  it('says the first condition not met', () => {
    expect(qualifies({ groups: ['hard_to_employ'] }, POLICY, person(), TODAY, '鼓楼区')).toMatchObject({ ok: false, unmet: '适用于就业困难人员' });
    expect(qualifies({ groups: [] }, POLICY, person({ areaCode: '350103001001' }), TODAY, '鼓楼区')).toMatchObject({ ok: false, unmet: '只适用于住在鼓楼区的人' });
    expect(qualifies({ groups: [], minEducation: 'bachelor' }, POLICY, person(), TODAY, '鼓楼区')).toMatchObject({ ok: false, unmet: '学历须本科及以上' });
  });

  it('never matches an expired policy or one not yet in force', () => {
    expect(qualifies({ groups: [] }, { ...POLICY, validUntil: '2026-12-05' }, person(), TODAY, '鼓楼区').ok).toBe(false);
    expect(qualifies({ groups: [] }, { ...POLICY, validFrom: '2026-12-07' }, person(), TODAY, '鼓楼区').ok).toBe(false);
    expect(qualifies({ groups: [] }, { ...POLICY, validUntil: TODAY }, person(), TODAY, '鼓楼区').ok).toBe(true);
  });

  it('agrees with the rule read literally, for any person and any rule (property)', () => {
    const facts = fc.record({
      birthDate: fc.date({ min: new Date('1950-01-01'), max: new Date('2010-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
      gender: fc.constantFrom('male' as const, 'female' as const),
      education: fc.constantFrom(...EDUCATION_LEVELS),
      groups: fc.subarray([...POLICY_GROUPS]),
      areaCode: fc.constantFrom('350102001001', '350102003002', '350103001001', '350104002001'),
    });
    const rule = fc.record(
      {
        groups: fc.subarray([...POLICY_GROUPS]),
        minAge: fc.integer({ min: 16, max: 60 }),
        maxAge: fc.integer({ min: 20, max: 65 }),
        gender: fc.constantFrom('male' as const, 'female' as const),
        minEducation: fc.constantFrom(...EDUCATION_LEVELS),
      },
      { requiredKeys: ['groups'] },
    );
    fc.assert(
      fc.property(facts, rule, fc.constantFrom('350102', '3501', '350102001'), (f, r, area) => {
        const age = ageOn(f.birthDate, TODAY);
        const expected =
          f.areaCode.startsWith(area) &&
          (r.groups.length === 0 || r.groups.some((g) => f.groups.includes(g))) &&
          (r.minAge === undefined || age >= r.minAge) &&
          (r.maxAge === undefined || age <= r.maxAge) &&
          (r.gender === undefined || r.gender === f.gender) &&
          (r.minEducation === undefined || EDUCATION_LEVELS.indexOf(f.education) >= EDUCATION_LEVELS.indexOf(r.minEducation));
        const got = qualifies(r, { ...POLICY, areaCode: area }, f, TODAY, '这里');
        return got.ok === expected && (got.ok ? got.reasons.length > 0 : !!got.unmet);
      }),
      { numRuns: 2000 },
    );
  });
});
