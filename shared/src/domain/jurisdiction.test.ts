import { inJurisdiction, staffScope } from './jurisdiction';

describe('staff jurisdiction', () => {
  it.each([
    ['community', '350102001001', '350102001001', true],
    ['community', '350102001001', '350102001002', false],
    ['street', '350102001', '350102001002', true],
    ['street', '350102001', '350102002001', false],
    ['district', '350102', '350102002001', true],
    ['district', '350102', '350103001001', false],
    ['city', '3501', '350103001001', true],
    ['city', '3501', '350203001001', false],
  ] as const)('%s staff of %s sees a record in %s: %s', (level, scope, record, sees) => {
    expect(inJurisdiction(record, level, scope)).toBe(sees);
  });

  it.each([
    ['street', '350102'],
    ['district', '350102001'],
    [undefined, '350102'],
    ['street', undefined],
  ] as const)('gives no scope to a %s staff member with area %s', (level, area) => {
    expect(staffScope(level, area)).toBeUndefined();
    expect(inJurisdiction('350102001001', level, area)).toBe(false);
  });
});
