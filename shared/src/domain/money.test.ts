import fc from 'fast-check';
import { fenToYuanText, yuanTextToFen } from './money';

describe('money in fen', () => {
  it.each([
    ['3500', 350000],
    ['3500.5', 350050],
    ['0.01', 1],
    [' 12 ', 1200],
  ])('reads %s yuan as %i fen', (text, fen) => expect(yuanTextToFen(text)).toBe(fen));

  it.each(['', '-1', '3,500', '1.234', 'abc', '1e5'])('refuses %s', (text) => expect(yuanTextToFen(text)).toBeUndefined());

  it('round-trips every non-negative amount (property)', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 99_999_999_999 }), (fen) => yuanTextToFen(fenToYuanText(fen)) === fen));
  });
});
