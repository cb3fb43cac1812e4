import fc from 'fast-check';
import { bookingCutoff, busyBuckets } from './interviews';

describe('interview diary buckets', () => {
  it.each([
    ['2026-12-01T02:00:00.000Z', 30, ['2026-12-01T02:00:00.000Z', '2026-12-01T02:15:00.000Z']],
    ['2026-12-01T02:10:00.000Z', 20, ['2026-12-01T02:00:00.000Z', '2026-12-01T02:15:00.000Z']],
    ['2026-12-01T02:00:00.000Z', 15, ['2026-12-01T02:00:00.000Z']],
  ])('an interview at %s for %i minutes takes %j', (start, minutes, expected) => expect(busyBuckets(start, minutes)).toEqual(expected));

  it('gives two interviews a common bucket exactly when their times overlap (property)', () => {
    const base = Date.UTC(2026, 11, 1, 1, 0);
    const slot = fc.record({ offset: fc.integer({ min: 0, max: 8 * 4 }), minutes: fc.constantFrom(15, 30, 45, 60) });
    fc.assert(
      fc.property(slot, slot, (a, b) => {
        const startA = base + a.offset * 15 * 60_000;
        const startB = base + b.offset * 15 * 60_000;
        const overlap = startA < startB + b.minutes * 60_000 && startB < startA + a.minutes * 60_000;
        const shared = busyBuckets(new Date(startA).toISOString(), a.minutes).some((x) => busyBuckets(new Date(startB).toISOString(), b.minutes).includes(x));
        return shared === overlap;
      }),
    );
  });

  it('closes booking two hours before the start', () => expect(bookingCutoff('2026-12-01T02:00:00.000Z')).toBe('2026-12-01T00:00:00.000Z'));
});
