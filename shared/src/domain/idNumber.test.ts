import fc from 'fast-check';
import { ageOn, chinaTimeText, idCheckChar, maskIdNumber, parseIdNumber, todayInChina } from './idNumber';

const TODAY = '2026-11-23';

describe('parseIdNumber', () => {
  it.each([
    ['11010519491231002X', '1949-12-31', 'female'],
    ['110105194912310029', undefined, undefined],
    ['350102198005171235', undefined, undefined],
  ])('checks the GB 11643 check character of %s', (id, birthDate, gender) => {
    const result = parseIdNumber(id, TODAY);
    if (birthDate) expect(result).toEqual({ ok: true, value: { idNumber: id, birthDate, gender } });
    else expect(result.ok).toBe(false);
  });

  it.each([
    ['', 'format'],
    ['12345', 'format'],
    ['3501021980051712345', 'format'],
    ['35010219800517123A', 'format'],
    ['3501021980-517123X', 'format'],
    ['350102198002301230', 'birthDate'], // 30 February
    ['350102198013011230', 'birthDate'], // month 13
    ['350102189912311230', 'birthDate'], // before 1900
    ['350102203001011230', 'birthDate'], // in the future
  ])('rejects %s as a %s problem', (id, problem) => {
    expect(parseIdNumber(id, TODAY)).toEqual({ ok: false, problem });
  });

  it('accepts a lower-case x and normalises it', () => {
    const result = parseIdNumber('11010519491231002x', TODAY);
    expect(result.ok && result.value.idNumber).toBe('11010519491231002X');
  });

  it('derives gender from the 17th digit: odd is male', () => {
    const male = '35010219800517123';
    const female = '35010219800517124';
    expect(parseIdNumber(male + idCheckChar(male), TODAY)).toMatchObject({ value: { gender: 'male' } });
    expect(parseIdNumber(female + idCheckChar(female), TODAY)).toMatchObject({ value: { gender: 'female' } });
  });

  const validDate = fc
    .date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2026-11-23T00:00:00Z'), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10));

  it('accepts every number built with the right check character (property)', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{6}$/), validDate, fc.stringMatching(/^\d{3}$/), (area, birth, seq) => {
        const first17 = `${area}${birth.replace(/-/g, '')}${seq}`;
        const result = parseIdNumber(first17 + idCheckChar(first17), TODAY);
        return result.ok && result.value.birthDate === birth;
      }),
    );
  });

  it('rejects every number whose check character is changed (property)', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{6}$/), validDate, fc.stringMatching(/^\d{3}$/), fc.constantFrom(...'0123456789X'), (area, birth, seq, other) => {
        const first17 = `${area}${birth.replace(/-/g, '')}${seq}`;
        fc.pre(other !== idCheckChar(first17));
        return parseIdNumber(first17 + other, TODAY).ok === false;
      }),
    );
  });

  it('detects any single changed digit in the first 17 (property)', () => {
    fc.assert(
      fc.property(validDate, fc.integer({ min: 0, max: 16 }), fc.integer({ min: 1, max: 9 }), (birth, pos, delta) => {
        const first17 = `350102${birth.replace(/-/g, '')}123`;
        const id = first17 + idCheckChar(first17);
        const changed = id.slice(0, pos) + String((Number(id[pos]) + delta) % 10) + id.slice(pos + 1);
        const result = parseIdNumber(changed, TODAY);
        return !result.ok;
      }),
    );
  });
});

describe('ageOn', () => {
  it.each([
    ['2010-11-23', 16],
    ['2010-11-24', 15],
    ['1980-02-29', 46],
    ['2026-11-23', 0],
  ])('someone born %s is %i on 2026-11-23', (birth, age) => {
    expect(ageOn(birth, TODAY)).toBe(age);
  });
});

describe('maskIdNumber', () => {
  it('keeps the first and last four characters', () => {
    expect(maskIdNumber('350102198005171234')).toBe('3501**********1234');
  });
});

describe('todayInChina', () => {
  it('is already the next day in Shanghai at 16:00 UTC', () => {
    expect(todayInChina(new Date('2026-11-23T16:00:00Z'))).toBe('2026-11-24');
    expect(todayInChina(new Date('2026-11-23T15:59:59Z'))).toBe('2026-11-23');
  });
});

describe('chinaTimeText', () => {
  it('reads a UTC time as Shanghai does, to the minute, across midnight', () => {
    expect(chinaTimeText('2026-11-23T16:05:59Z')).toBe('2026-11-24 00:05');
    expect(chinaTimeText('2026-11-23T02:30:00.000Z')).toBe('2026-11-23 10:30');
  });
});
