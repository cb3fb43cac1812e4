import fc from 'fast-check';
import { parseUscc, usccCheckChar, USCC_CHARSET } from './uscc';

const body17 = fc
  .tuple(
    fc.constantFrom(...'1259Y'),
    fc.constantFrom(...'123'),
    fc.stringMatching(/^\d{6}$/),
    fc.array(fc.constantFrom(...USCC_CHARSET), { minLength: 9, maxLength: 9 }),
  )
  .map(([authority, type, division, org]) => `${authority}${type}${division}${org.join('')}`);

describe('unified social credit code', () => {
  it.each([
    ['91350100M000100Y43', true],
    ['91350100M000100Y44', false],
  ])('checks the GB 32100 check character of %s', (uscc, ok) => {
    expect(parseUscc(uscc).ok).toBe(ok);
  });

  it.each(['', '9135010', '91350100M000100Y4', '91350100M000100Y433', '91350100I000100Y43', '91ABCDEFM000100Y43', '91350100m000100y4 '])(
    'rejects the malformed %p',
    (raw) => {
      expect(parseUscc(raw)).toEqual({ ok: false, problem: 'format' });
    },
  );

  it('reads lower case as upper case and gives the division code', () => {
    const first17 = '91350102MA2XYW123';
    const result = parseUscc(`${first17}${usccCheckChar(first17)}`.toLowerCase());
    expect(result).toEqual({ ok: true, uscc: `${first17}${usccCheckChar(first17)}`, divisionCode: '350102' });
  });

  it('accepts every code built with its check character (property)', () => {
    fc.assert(fc.property(body17, (first17) => parseUscc(first17 + usccCheckChar(first17)).ok));
  });

  it('catches any single changed character (property)', () => {
    fc.assert(
      fc.property(body17, fc.integer({ min: 8, max: 16 }), fc.integer({ min: 1, max: 30 }), (first17, pos, shift) => {
        const code = first17 + usccCheckChar(first17);
        const changed = code.slice(0, pos) + USCC_CHARSET[(USCC_CHARSET.indexOf(code[pos]) + shift) % 31] + code.slice(pos + 1);
        return !parseUscc(changed).ok;
      }),
    );
  });
});
