import fc from 'fast-check';
import { VOUCHER_STATUSES, canTransition, isInTargetGroups, shardCountFor, splitBudget, splitEvenly, voucherExpiryDate } from './vouchers';

describe('the voucher lifecycle', () => {
  it.each([
    ['issued', 'claimed'],
    ['claimed', 'redeemed'],
    ['redeemed', 'settling'],
    ['settling', 'settled'],
    ['redeemed', 'reversed'],
    ['settling', 'redeemed'],
  ] as const)('allows %s → %s', (from, to) => expect(canTransition(from, to)).toBe(true));

  it.each([
    ['issued', 'redeemed'],
    ['redeemed', 'claimed'],
    ['settling', 'reversed'],
    ['settled', 'reversed'],
    ['reversed', 'settling'],
    ['expired', 'claimed'],
  ] as const)('refuses %s → %s', (from, to) => expect(canTransition(from, to)).toBe(false));

  it('ends in settled, expired, revoked or reversed and nowhere else', () => {
    const terminal = VOUCHER_STATUSES.filter((s) => VOUCHER_STATUSES.every((t) => !canTransition(s, t)));
    expect(terminal.sort()).toEqual(['expired', 'reversed', 'revoked', 'settled']);
  });
});

describe('quota and budget shards', () => {
  it('splits a quota so that the parts differ by at most one and add up', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), (quota) => {
        const parts = splitEvenly(quota, shardCountFor(quota));
        return parts.reduce((a, b) => a + b, 0) === quota && Math.max(...parts) - Math.min(...parts) <= 1 && parts.every((p) => p >= 1);
      }),
    );
  });

  it('splits a budget in whole face values, so the shards admit exactly min(quota, budget ÷ face) claims (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5_000 }), fc.integer({ min: 1, max: 100_000 }), fc.integer({ min: 0, max: 1_000_000_000 }), (quota, face, extra) => {
        const budget = face + extra;
        const shards = shardCountFor(quota);
        const q = splitEvenly(quota, shards);
        const b = splitBudget(budget, face, shards);
        const admitted = q.reduce((n, qi, i) => n + Math.min(qi, Math.floor(b[i] / face)), 0);
        return b.reduce((x, y) => x + y, 0) === budget && admitted === Math.min(quota, Math.floor(budget / face));
      }),
    );
  });

  it('never uses more shards than places, nor more than ten', () => {
    expect([1, 3, 10, 11, 1_000_000].map(shardCountFor)).toEqual([1, 3, 10, 10, 10]);
  });
});

describe('eligibility and validity', () => {
  it('fits someone in any one of the target groups', () => {
    expect(isInTargetGroups(['hard_to_employ', 'youth_16_24'], ['registered_unemployed', 'youth_16_24'])).toBe(true);
    expect(isInTargetGroups(['hard_to_employ'], ['registered_unemployed', 'employed'])).toBe(false);
  });

  it('counts the day of the claim as the first day of validity', () => {
    expect(voucherExpiryDate('2026-11-24', 1)).toBe('2026-11-24');
    expect(voucherExpiryDate('2026-11-24', 90)).toBe('2027-02-21');
    expect(voucherExpiryDate('2028-02-28', 2)).toBe('2028-02-29');
  });
});
