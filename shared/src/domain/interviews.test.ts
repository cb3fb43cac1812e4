import fc from 'fast-check';
import { SLOT_TIMES, bookingCutoff, busyBuckets, chinaDateTimeText, chinaInstant } from './interviews';

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

describe('times as people read them', () => {
  it('shows a moment in China time with the weekday', () => {
    expect(chinaDateTimeText('2026-11-25T02:00:00.000Z')).toBe('11月25日（周三）10:00');
    expect(chinaDateTimeText('2026-11-25T17:30:00.000Z')).toBe('11月26日（周四）01:30');
  });

  it('turns a China date and time into the instant', () => {
    expect(chinaInstant('2026-11-25', '09:15')).toBe('2026-11-25T01:15:00.000Z');
  });

  it('offers quarter-hours from eight in the morning to a quarter to nine at night', () => {
    expect([SLOT_TIMES[0], SLOT_TIMES[1], SLOT_TIMES.at(-1)]).toEqual(['08:00', '08:15', '20:45']);
  });
});
