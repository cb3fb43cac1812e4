// 零就业家庭's four conditions (domain.md §4.2) as a table, then as properties over generated
// households: adding a working member always breaks condition 1, the order of members never
// matters, and a household that passes has nobody of working age in work.
import fc from 'fast-check';
import { idCheckChar } from './idNumber';
import { atZero, zeroEmploymentCheck, type HouseholdMemberFacts, type MemberActivity, MEMBER_ACTIVITIES } from './households';
import { PERSON_RULES } from './personRules';

const rules = PERSON_RULES[0]!;
const ON = '2026-12-07';
const id = (birth: string, seq: number) => {
  const first17 = `350102${birth.replace(/-/g, '')}${String(seq).padStart(3, '0')}`;
  return first17 + idCheckChar(first17);
};
// Odd sequence: a man; even: a woman.
const member = (over: Partial<HouseholdMemberFacts> = {}): HouseholdMemberFacts => ({
  name: '林秀英',
  idNumber: id('1975-04-12', 812),
  activity: 'unemployed',
  ableToWork: true,
  willingToWork: true,
  stableIncome: false,
  ...over,
});
const husband = (over: Partial<HouseholdMemberFacts> = {}) => member({ name: '吴建国', idNumber: id('1972-03-01', 811), ...over });
const child = member({ name: '吴小明', idNumber: id('2015-06-01', 813), activity: 'student', ableToWork: false, willingToWork: false });
const grandmother = member({ name: '陈阿婆', idNumber: id('1950-01-01', 814), activity: 'retired', ableToWork: false, willingToWork: false });

describe('the four conditions of a zero-employment household', () => {
  const cases: [string, { urbanRegister: boolean; members: HouseholdMemberFacts[] }, number[]][] = [
    ['both parents out of work, a schoolchild and a grandmother: eligible', { urbanRegister: true, members: [member(), husband(), child, grandmother] }, []],
    ['(1) the husband works at a factory', { urbanRegister: true, members: [member(), husband({ activity: 'employed' })] }, [1]],
    ['(1) the husband does odd jobs (flexible work counts as work)', { urbanRegister: true, members: [member(), husband({ activity: 'flexible' })] }, [1]],
    ['(1) a working-age son who keeps a stall', { urbanRegister: true, members: [member(), member({ name: '吴大明', idNumber: id('2000-01-01', 815), activity: 'business' })] }, [1]],
    ['(2) the husband cannot work', { urbanRegister: true, members: [member(), husband({ ableToWork: false })] }, [2]],
    ['(2) the husband does not want to work', { urbanRegister: true, members: [member(), husband({ willingToWork: false })] }, [2]],
    ['(2) nobody of working age at all', { urbanRegister: true, members: [grandmother, child] }, [2]],
    ['(3) the grandmother has a pension', { urbanRegister: true, members: [member(), { ...grandmother, stableIncome: true }] }, [3]],
    ['(4) a rural household', { urbanRegister: false, members: [member(), husband()] }, [4]],
    ['(1)(3)(4) all at once, each named', { urbanRegister: false, members: [member(), husband({ activity: 'employed', stableIncome: true })] }, [1, 3, 4]],
    ['a grandfather past working age who still works does not count', { urbanRegister: true, members: [member(), member({ name: '吴老伯', idNumber: id('1960-02-02', 817), activity: 'employed' })] }, []],
  ];
  it.each(cases)('%s', (_name, household, failing) => {
    const result = zeroEmploymentCheck(household, rules, ON);
    expect([...new Set(result.unmet.map((u) => u.condition))]).toEqual(failing);
    expect(result.ok).toBe(failing.length === 0);
    for (const u of result.unmet) expect(u.message).toMatch(/[\u4e00-\u9fa5]/);
  });

  it('names the member a failing condition is about', () => {
    const result = zeroEmploymentCheck({ urbanRegister: true, members: [member(), husband({ activity: 'employed' })] }, rules, ON);
    expect(result.unmet).toEqual([{ condition: 1, member: 1, message: '吴建国目前在单位上班，零就业家庭须劳动年龄内成员均处于失业状态' }]);
  });
});

describe('as properties', () => {
  let seq = 100;
  const anyMember = fc.record({
    birth: fc.constantFrom('1950-05-05', '1966-07-07', '1975-04-12', '1990-01-01', '2004-09-09', '2015-06-01'),
    activity: fc.constantFrom<MemberActivity>(...MEMBER_ACTIVITIES),
    ableToWork: fc.boolean(),
    willingToWork: fc.boolean(),
    stableIncome: fc.boolean(),
  }).map(({ birth, ...m }): HouseholdMemberFacts => ({ name: '成员', idNumber: id(birth, (seq = (seq + 1) % 1000)), ...m }));
  const household = fc.record({ urbanRegister: fc.boolean(), members: fc.array(anyMember, { minLength: 1, maxLength: 6 }) });

  it('adding a working member of working age always fails condition 1', () => {
    fc.assert(
      fc.property(household, fc.constantFrom<MemberActivity>('employed', 'flexible', 'business'), (h, activity) => {
        const worker = husband({ activity });
        const result = zeroEmploymentCheck({ ...h, members: [...h.members, worker] }, rules, ON);
        return !result.ok && result.unmet.some((u) => u.condition === 1 && u.member === h.members.length);
      }),
    );
  });

  it('the order of the members never changes the answer', () => {
    fc.assert(
      fc.property(household, (h) => {
        const forward = zeroEmploymentCheck(h, rules, ON);
        const backward = zeroEmploymentCheck({ ...h, members: [...h.members].reverse() }, rules, ON);
        return forward.ok === backward.ok && forward.unmet.map((u) => u.condition).sort().join() === backward.unmet.map((u) => u.condition).sort().join();
      }),
    );
  });

  it('an eligible household is urban, has no stable income, and is at zero', () => {
    fc.assert(
      fc.property(household, (h) => {
        if (!zeroEmploymentCheck(h, rules, ON).ok) return true;
        return h.urbanRegister && h.members.every((m) => !m.stableIncome) && atZero(h, rules, ON);
      }),
    );
  });
});
