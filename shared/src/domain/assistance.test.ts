// After placement (WF-28): when the next follow-up falls due, and when it ends.
import { followUpEnds, nextFollowUpDue } from './assistance';

describe('follow-ups after placement', () => {
  it('come monthly when stable, every 10 days when not, weekly for family hardship', () => {
    expect(nextFollowUpDue('2026-03-02', '2026-03-09', 'stable')).toBe('2026-04-08');
    expect(nextFollowUpDue('2026-03-02', '2026-03-09', 'unstable')).toBe('2026-03-19');
    expect(nextFollowUpDue('2026-03-02', '2026-03-09', 'family_hardship')).toBe('2026-03-16');
  });

  it('end 6 months after placement for a stable job (the last one falls on the end), and go on while it is unstable', () => {
    expect(followUpEnds('2026-03-02')).toBe('2026-09-02');
    expect(followUpEnds('2026-08-31')).toBe('2027-02-28');
    expect(nextFollowUpDue('2026-03-02', '2026-08-20', 'stable')).toBe('2026-09-02');
    expect(nextFollowUpDue('2026-03-02', '2026-09-02', 'stable')).toBeUndefined();
    expect(nextFollowUpDue('2026-03-02', '2026-09-02', 'unstable')).toBe('2026-09-12');
    // A shorter period where the district configures one.
    expect(nextFollowUpDue('2026-03-02', '2026-06-02', 'stable', 3)).toBeUndefined();
  });
});
