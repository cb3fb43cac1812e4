// Subsidy rules (issue 32): who qualifies and what is still missing, how much is paid to the fen,
// the months a claim names, and when a notice ends.
import fc from 'fast-check';
import {
  SUBSIDY_RULES,
  checkSubsidy,
  monthProblems,
  monthsText,
  noticeEndsOn,
  subsidyAmountFen,
  subsidyRulesOn,
  type SubsidyFacts,
} from './subsidies';

const rules = subsidyRulesOn('2026-12-07');
const flexible = rules.subsidies.flexible_si.branches;
const programme = { areaCode: '350102', areaName: '鼓楼区' };
const facts = (over: Partial<SubsidyFacts>): SubsidyFacts => ({ groups: [], areaCode: '350102001001', monthsUsed: 0, ...over });

describe('who qualifies for the flexible-employment social-insurance subsidy (R16)', () => {
  it('takes a hard-to-employ person in flexible work for up to 36 months, with the reasons in her words', () => {
    const check = checkSubsidy(flexible, programme, facts({ groups: ['hard_to_employ'], employmentKind: 'flexible', monthsUsed: 10 }));
    expect(check).toMatchObject({ ok: true, monthsLeft: 26, reasons: ['住在鼓楼区', '您是就业困难人员', '已办理就业登记（灵活就业）'] });
  });

  it('takes a recent graduate in flexible work for 24 months, but not one running a business', () => {
    expect(checkSubsidy(flexible, programme, facts({ groups: ['graduate_2y'], employmentKind: 'flexible' }))).toMatchObject({ ok: true, monthsLeft: 24 });
    const business = checkSubsidy(flexible, programme, facts({ groups: ['graduate_2y'], employmentKind: 'self_employed' }));
    expect(business.ok).toBe(false);
    expect(business.missing).toEqual(['须办理就业登记（灵活就业）']);
  });

  it('says what is still missing: the employment registration, the category, the area', () => {
    expect(checkSubsidy(flexible, programme, facts({ groups: ['hard_to_employ'] })).missing).toEqual(['须办理就业登记（灵活就业或自主创业或个体经营）']);
    expect(checkSubsidy(flexible, programme, facts({ employmentKind: 'flexible' })).missing).toEqual(['须为就业困难人员']);
    expect(checkSubsidy(flexible, programme, facts({ groups: ['hard_to_employ'], employmentKind: 'flexible', areaCode: '350103001001' })).missing).toEqual(['只适用于住在鼓楼区的人']);
    // Written to a unit about the person it placed (R21).
    const welfare = rules.subsidies.welfare_post.branches;
    expect(checkSubsidy(welfare, programme, facts({ groups: ['hard_to_employ'], employmentKind: 'unit' }), 'unit').reasons).toEqual(['岗位在鼓楼区', '这位人员是就业困难人员', '在本单位的公益性岗位上岗']);
  });

  it('closes when the longest period is used up, and a programme may allow less than the rule', () => {
    const used = checkSubsidy(flexible, programme, facts({ groups: ['graduate_2y'], employmentKind: 'flexible', monthsUsed: 24 }));
    expect(used).toMatchObject({ ok: false, missing: ['这项补贴最多享受24个月，您已全部享受'] });
    expect(checkSubsidy(flexible, { ...programme, maxMonths: 12 }, facts({ groups: ['hard_to_employ'], employmentKind: 'flexible', monthsUsed: 3 })).monthsLeft).toBe(9);
  });

  it('says a one-off subsidy has been had', () => {
    const once = checkSubsidy(rules.subsidies.startup_once.branches, programme, facts({ groups: ['registered_unemployed'], employmentKind: 'self_employed', monthsUsed: 1 }));
    expect(once.missing).toEqual(['已经享受过这项补贴']);
  });

  it('never grants more months than any branch allows, whatever the facts (property)', () => {
    const group = fc.constantFrom('registered_unemployed', 'hard_to_employ', 'employed', 'graduate_2y', 'youth_16_24' as const);
    fc.assert(
      fc.property(fc.uniqueArray(group, { maxLength: 5 }), fc.option(fc.constantFrom('unit', 'flexible', 'self_employed' as const), { nil: undefined }), fc.nat(50), (groups, employmentKind, monthsUsed) => {
        const check = checkSubsidy(flexible, programme, facts({ groups, employmentKind, monthsUsed }));
        if (check.ok) {
          expect(check.monthsLeft).toBeGreaterThan(0);
          expect(check.monthsLeft + monthsUsed).toBeLessThanOrEqual(36);
          expect(check.missing).toEqual([]);
        } else {
          expect(check.missing.length).toBeGreaterThan(0);
        }
      }),
    );
  });
});

describe('what is paid, in fen', () => {
  it('pays a fixed sum once, a monthly sum per month, or a capped share of each month’s contribution', () => {
    expect(subsidyAmountFen({ mode: 'fixed', amountFen: 500_000 }, 1)).toBe(500_000);
    expect(subsidyAmountFen({ mode: 'per_month', amountFen: 180_000 }, 3)).toBe(540_000);
    // Two thirds of 812.37 yuan is 541.5796...: 541.57 a month, rounded down to the fen.
    expect(subsidyAmountFen({ mode: 'share', shareBp: 6667, capFen: 60_000 }, 3, 81_237)).toBe(54_160 * 3);
    expect(subsidyAmountFen({ mode: 'share', shareBp: 6667, capFen: 60_000 }, 2, 120_000)).toBe(120_000);
  });

  it('is always a whole number of fen, never above the cap times the months (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000 }), fc.integer({ min: 0, max: 1_000_000 }), fc.integer({ min: 1, max: 12 }), fc.nat(10_000_000), (shareBp, capFen, months, contribution) => {
        const fen = subsidyAmountFen({ mode: 'share', shareBp, capFen }, months, contribution);
        expect(Number.isInteger(fen)).toBe(true);
        expect(fen).toBeLessThanOrEqual(capFen * months);
        expect(fen).toBeLessThanOrEqual(contribution * months);
      }),
    );
  });
});

describe('the months a claim names', () => {
  it('reads as people say them', () => {
    expect(monthsText(['2026-09', '2026-07', '2026-08'])).toBe('2026年7月–9月（3个月）');
    expect(monthsText(['2026-11', '2026-12', '2027-01'])).toBe('2026年11月–2027年1月（3个月）');
    expect(monthsText(['2026-03', '2026-05'])).toBe('2026年3月、2026年5月（2个月）');
    expect(monthsText(['2026-05'])).toBe('2026年5月');
  });

  it('refuses a month twice and a month not yet come', () => {
    expect(monthProblems(['2026-10', '2026-10'], '2026-12')).toBe('同一个月份填了两次');
    expect(monthProblems(['2026-12', '2027-01'], '2026-12')).toBe('2027年1月还没有到，不能申请');
    expect(monthProblems(['2026-11', '2026-12'], '2026-12')).toBeUndefined();
  });
});

describe('the public notice', () => {
  it('stays open 7 calendar days over a holiday, its last day moved past the days off', () => {
    const period = SUBSIDY_RULES[0].noticePeriod;
    // Published on Monday 28 September 2026: 7 days on is Monday 5 October, inside National Day
    // (1–7 October), so the notice runs to the first working day after it.
    expect(noticeEndsOn('2026-09-28', period)).toBe('2026-10-08');
    expect(noticeEndsOn('2026-11-02', period)).toBe('2026-11-09');
    // Counted in working days where a locality says so.
    expect(noticeEndsOn('2026-09-28', { days: 7, unit: 'working' })).toBe('2026-10-13');
  });
});
