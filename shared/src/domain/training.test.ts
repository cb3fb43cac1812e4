import { courseIsFull, enrolmentLabel, needCounterChanges, needCounterKeys, signUpOpen } from './training';

describe('training needs counters', () => {
  it('counts an answer at the city, district, street and community of the person, once per occupation', () => {
    const keys = needCounterKeys('350102001001', { occupations: ['电工', '电工', '育婴员'], type: 'other', time: 'evening' });
    expect(new Set(keys.map((k) => k.areaCode))).toEqual(new Set(['3501', '350102', '350102001', '350102001001']));
    expect(keys.filter((k) => k.areaCode === '3501').map((k) => k.key)).toEqual(['TOTAL', 'OCC#电工', 'OCC#育婴员', 'TYPE#other', 'TIME#evening']);
  });

  it('changes only what differs between the old answer and the new one', () => {
    const previous = { areaCode: '350102001001', need: { occupations: ['电工'], type: 'other' as const, time: 'evening' as const } };
    const changes = needCounterChanges('350102001001', { occupations: ['电工', '焊工'], type: 'other', time: 'weekend' }, previous);
    const at = (code: string) => changes.filter((c) => c.areaCode === code).map((c) => `${c.delta > 0 ? '+' : '-'}${c.key}`).sort();
    expect(at('350102')).toEqual(['+OCC#焊工', '+TIME#weekend', '-TIME#evening']);
  });

  it('moves every counter when the person has moved to another community', () => {
    const previous = { areaCode: '350102001001', need: { occupations: ['电工'], type: 'other' as const, time: 'evening' as const } };
    const changes = needCounterChanges('350102003001', previous.need, previous);
    expect(changes.filter((c) => c.areaCode === '350102')).toEqual([]);
    expect(changes.filter((c) => c.areaCode === '350102001001').every((c) => c.delta === -1)).toBe(true);
    expect(changes.filter((c) => c.areaCode === '350102003001').every((c) => c.delta === 1)).toBe(true);
  });

  it('keeps sign-up open through the deadline day', () => {
    expect([signUpOpen('2026-12-01', '2026-12-01'), signUpOpen('2026-12-01', '2026-12-02')]).toEqual([true, false]);
  });
});

describe('courseIsFull', () => {
  it('sends a sign-up to the line when the seats are taken or anyone is already waiting', () => {
    expect(courseIsFull({ seats: 30, enrolled: 29, waiting: 0 })).toBe(false);
    expect(courseIsFull({ seats: 30, enrolled: 30, waiting: 0 })).toBe(true);
    expect(courseIsFull({ seats: 30, enrolled: 25, waiting: 1 })).toBe(true);
  });
});

describe('enrolmentLabel', () => {
  it('names a waitlist place only when the server told one, and never invents "first"', () => {
    expect(enrolmentLabel({ status: 'waitlisted', position: 3 })).toBe('候补第 3 位');
    expect(enrolmentLabel({ status: 'waitlisted' })).toBe('候补中，我们会通知您');
    expect(enrolmentLabel({ status: 'enrolled', position: 2 })).toBe('已报上名');
  });
});
