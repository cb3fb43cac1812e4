import { emptyFigures, periodLabel, periodsOf, PERIOD_PATTERN, rateText, ratesOf, rollUpAreas } from './figures';
import { isEscalatedTo, parentArea, taskDue } from './tasks';
import { tagsForScore, BAD_TAGS, GOOD_TAGS } from './ratings';

describe('figure periods and areas', () => {
  it('puts a day in its month, quarter and year', () => {
    expect(periodsOf('2026-11-24')).toEqual(['2026-11', '2026-Q4', '2026']);
    expect(periodsOf('2026-03-31')).toEqual(['2026-03', '2026-Q1', '2026']);
    expect(periodsOf('2026-04-01')).toEqual(['2026-04', '2026-Q2', '2026']);
  });

  it('reads periods the way people say them and accepts only those three shapes', () => {
    expect(periodLabel('2026-11')).toBe('2026年11月');
    expect(periodLabel('2026-Q4')).toBe('2026年第4季度');
    expect(periodLabel('2026')).toBe('2026年');
    for (const bad of ['2026-13', '2026-Q5', '26-11', '2026-1', '']) expect(PERIOD_PATTERN.test(bad)).toBe(false);
  });

  it('counts a community at its street, district and city', () => {
    expect(rollUpAreas('350102001001')).toEqual(['3501', '350102', '350102001', '350102001001']);
    expect(rollUpAreas('350102001')).toEqual(['3501', '350102', '350102001']);
  });

  it('gives rates only when there is something to divide by', () => {
    const f = { ...emptyFigures(), ratings: 40, ratingsSatisfied: 39, willing: 10, willingEmployed: 9 };
    expect(ratesOf(f)).toEqual({ satisfactionRate: 0.975, onTimeRate: null, employmentRate: 0.9, hardToEmployEmploymentRate: null });
    expect(rateText(0.975)).toBe('97.5%');
    expect(rateText(null)).toBe('—');
  });
});

describe('task deadlines and escalation', () => {
  it('gives a rectification 15 working days and a follow-up its calendar days moved off a holiday', () => {
    // Oct 8, 9, 10 (a make-up Saturday), 12–16, 19–23, 26, 27
    expect(taskDue('rectification', '2026-09-30')).toBe('2026-10-27');
    expect(taskDue('referral_call_seeker', '2026-09-24')).toBe('2026-10-08');
  });

  it('raises an overdue task to the level directly above its owner', () => {
    const late = { areaCode: '350102001001', due: '2026-11-01', status: 'open' };
    expect(isEscalatedTo(late, 'street', '2026-11-24')).toBe(true);
    expect(isEscalatedTo(late, 'district', '2026-11-24')).toBe(false);
    expect(isEscalatedTo({ ...late, status: 'done' }, 'street', '2026-11-24')).toBe(false);
    expect(isEscalatedTo({ ...late, due: '2026-11-24' }, 'street', '2026-11-24')).toBe(false);
    expect(parentArea('350102001001')).toBe('350102001');
    expect(parentArea('350102')).toBe('3501');
    expect(parentArea('3501')).toBeUndefined();
  });

  it('offers the tags that fit the stars', () => {
    expect(tagsForScore(5)).toEqual(GOOD_TAGS);
    expect(tagsForScore(1)).toEqual(BAD_TAGS);
    expect(tagsForScore(3)).toEqual([...GOOD_TAGS, ...BAD_TAGS]);
  });
});
