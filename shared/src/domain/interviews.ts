// Interview slots (issue 6): when a booking is still allowed, and the quarter-hours a booking
// occupies in its holder's diary — each written once under a condition, so one person can never
// hold two overlapping interviews, without reading first. Slots start on a quarter-hour and last
// whole quarter-hours (the slot form will say so), which makes a shared quarter-hour the same
// thing as an overlap.
export const BOOKING_CUTOFF_MINUTES = 120;
export const BUSY_BUCKET_MINUTES = 15;
export const INTERVIEW_MODES = ['video', 'onsite'] as const;
export type InterviewMode = (typeof INTERVIEW_MODES)[number];
export const interviewModeLabels: Record<InterviewMode, string> = { video: '视频面试', onsite: '现场面试' };

const BUCKET_MS = BUSY_BUCKET_MINUTES * 60_000;

/** The ISO start of every quarter-hour that [startsAt, startsAt + duration) touches. */
export function busyBuckets(startsAt: string, durationMinutes: number): string[] {
  const start = new Date(startsAt).getTime();
  const end = start + durationMinutes * 60_000;
  const out: string[] = [];
  for (let t = Math.floor(start / BUCKET_MS) * BUCKET_MS; t < end; t += BUCKET_MS) out.push(new Date(t).toISOString());
  return out;
}

/** The latest moment a slot starting at `startsAt` can still be booked, rescheduled to or cancelled. */
export function bookingCutoff(startsAt: string): string {
  return new Date(new Date(startsAt).getTime() - BOOKING_CUTOFF_MINUTES * 60_000).toISOString();
}

const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六'];

/** A moment as people in China read it: 11月25日（周三）10:00. */
export function chinaDateTimeText(iso: string): string {
  const d = new Date(new Date(iso).getTime() + 8 * 3600_000);
  const hh = String(d.getUTCHours()).padStart(2, '0');
  const mm = String(d.getUTCMinutes()).padStart(2, '0');
  return `${d.getUTCMonth() + 1}月${d.getUTCDate()}日（周${WEEKDAYS[d.getUTCDay()]}）${hh}:${mm}`;
}

/** The UTC instant of a China date (YYYY-MM-DD) at a China time (HH:mm). */
export function chinaInstant(date: string, time: string): string {
  return new Date(`${date}T${time}:00+08:00`).toISOString();
}

/** Start times a slot form offers: every quarter-hour from 08:00 to 20:45. */
export const SLOT_TIMES = Array.from({ length: 52 }, (_, i) => {
  const minutes = 8 * 60 + i * BUSY_BUCKET_MINUTES;
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
});
