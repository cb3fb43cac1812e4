import { areaAncestry, areaLevelOf, childAreaLength, isWithinArea } from './areas';

describe('division codes', () => {
  it.each([
    ['35', 'province'],
    ['3501', 'city'],
    ['350102', 'district'],
    ['350102001', 'street'],
    ['350102001001', 'community'],
    ['3501020', undefined],
    ['35a1', undefined],
  ])('%s is a %s code', (code, level) => expect(areaLevelOf(code)).toBe(level));

  it('lists a community’s ancestry from the province down', () => {
    expect(areaAncestry('350102001001')).toEqual(['35', '3501', '350102', '350102001', '350102001001']);
  });

  it.each([
    ['350102001001', '350102', true],
    ['350102001001', '350102001001', true],
    ['350103001001', '350102', false],
    ['350102001001', '', false],
    ['350102001001', '3501020', false],
  ])('%s within %s: %s', (code, scope, within) => expect(isWithinArea(code, scope)).toBe(within));

  it.each([
    ['35', 4],
    ['3501', 6],
    ['350102', 9],
    ['350102001', 12],
    ['350102001001', undefined],
    ['3501020', undefined],
  ])('the areas one level below %s have %s-digit codes', (code, length) => expect(childAreaLength(code)).toBe(length));
});
