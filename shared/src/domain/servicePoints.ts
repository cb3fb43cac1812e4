// Service points of the 3-km circle (domain.md §1.2, §1.3, §7.3, §8.2 item 29): the places a
// resident can walk to — 家门口就业服务站, 街道劳动保障站, 零工驿站, desks in 党群服务中心 — what
// each offers, when it is open ("今天 8:30–17:30，还有 40 分钟下班", on the working-day
// calendar: public holidays closed, make-up Saturdays open), and visits booked by the half hour.
// Times are China time (UTC+8, no daylight saving) throughout.
import dayjs from 'dayjs';
import { isWorkingDay } from './calendar';

export const POINT_KINDS = ['community_station', 'street_station', 'gig_station', 'party_centre'] as const;
export type PointKind = (typeof POINT_KINDS)[number];
export const pointKindLabels: Record<PointKind, string> = {
  community_station: '家门口就业服务站',
  street_station: '街道劳动保障站',
  gig_station: '零工驿站',
  party_centre: '党群服务中心就业服务台',
};

/** One opening period, "HH:mm"; `to` at or before `from` ends the next morning (a night desk). */
export interface OpeningPeriod {
  from: string;
  to: string;
}

/** Hours on working days, and on days off (weekends, public holidays: usually none). */
export interface OpeningHours {
  workday: readonly OpeningPeriod[];
  restDay: readonly OpeningPeriod[];
}

export const CHINA_OFFSET_MIN = 8 * 60;
export const SLOT_MINUTES = 30;

/** The China date and minute of the day of an instant. */
export function chinaClock(now: Date): { date: string; minute: number } {
  const shifted = new Date(now.getTime() + CHINA_OFFSET_MIN * 60_000);
  return { date: shifted.toISOString().slice(0, 10), minute: shifted.getUTCHours() * 60 + shifted.getUTCMinutes() };
}

export const minuteOf = (hhmm: string): number => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
/** "08:30" → "8:30", as people write it. */
export const clockText = (hhmm: string): string => hhmm.replace(/^0(\d)/, '$1');
const crossesMidnight = (p: OpeningPeriod) => minuteOf(p.to) <= minuteOf(p.from);

export function periodsOn(hours: OpeningHours, date: string): readonly OpeningPeriod[] {
  return isWorkingDay(date) ? hours.workday : hours.restDay;
}

const periodsText = (periods: readonly OpeningPeriod[]) =>
  periods.map((p) => `${clockText(p.from)}–${crossesMidnight(p) ? '次日' : ''}${clockText(p.to)}`).join('、');

const WEEKDAYS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];

/** How people name a day relative to today: 明天, 后天, 周三 (within a week), else 12月8日. */
export function dayName(date: string, today: string): string {
  const days = dayjs(date).diff(dayjs(today), 'day');
  if (days === 0) return '今天';
  if (days === 1) return '明天';
  if (days === 2) return '后天';
  if (days < 7) return WEEKDAYS[dayjs(date).day()]!;
  return `${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;
}

/** A visit's day as the app writes it: "12月8日 明天", "12月10日 周四", "12月20日". */
export function visitDayText(date: string, today: string): string {
  const name = dayName(date, today);
  return `${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日${name.includes('月') ? '' : ` ${name}`}`;
}

export interface OpeningState {
  open: boolean;
  /** "今天 8:30–17:30" or "今天休息". */
  today: string;
  /** "还有 40 分钟下班", "正在办公，17:30 下班", "8:30 开门", "已下班，明天 8:30 开门". */
  status: string;
}

function leftText(minutesLeft: number, closing: string): string {
  return minutesLeft <= 60 ? `还有 ${minutesLeft} 分钟下班` : `正在办公，${closing} 下班`;
}

/** Whether the point is open now and how to say it, on the working-day calendar. */
export function openingState(hours: OpeningHours, now: Date): OpeningState {
  const { date, minute } = chinaClock(now);
  const todays = periodsOn(hours, date);
  const yesterday = dayjs(date).subtract(1, 'day').format('YYYY-MM-DD');
  const today = todays.length ? `今天 ${periodsText(todays)}` : '今天休息';
  // Still in last night's period (a night desk open past midnight)?
  for (const p of periodsOn(hours, yesterday)) {
    if (crossesMidnight(p) && minute < minuteOf(p.to)) return { open: true, today, status: leftText(minuteOf(p.to) - minute, `${clockText(p.to)}`) };
  }
  for (const p of todays) {
    const end = crossesMidnight(p) ? minuteOf(p.to) + 24 * 60 : minuteOf(p.to);
    if (minute >= minuteOf(p.from) && minute < end) return { open: true, today, status: leftText(end - minute, clockText(p.to)) };
  }
  const later = todays.find((p) => minuteOf(p.from) > minute);
  if (later) return { open: false, today, status: `${clockText(later.from)} 开门` };
  for (let d = 1; d <= 14; d += 1) {
    const next = dayjs(date).add(d, 'day').format('YYYY-MM-DD');
    const first = periodsOn(hours, next)[0];
    if (first) return { open: false, today, status: `${todays.length ? '已下班，' : ''}${dayName(next, date)} ${clockText(first.from)} 开门` };
  }
  return { open: false, today, status: '近期不开放' };
}

/**
 * The half-hour slots a desk takes visits in on a date: every half hour that starts and ends
 * inside an opening period of that day ("HH:mm" starts; a night period's slots run past midnight
 * only up to 24:00 — visits are booked by day).
 */
export function slotStartsOn(hours: OpeningHours, date: string): string[] {
  const out: string[] = [];
  for (const p of periodsOn(hours, date)) {
    const end = crossesMidnight(p) ? 24 * 60 : minuteOf(p.to);
    const first = Math.ceil(minuteOf(p.from) / SLOT_MINUTES) * SLOT_MINUTES;
    for (let m = first; m + SLOT_MINUTES <= end; m += SLOT_MINUTES) out.push(`${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`);
  }
  return out.sort();
}

/** A visit is booked at least 30 minutes ahead and at most 14 days ahead; cancelled or moved until it starts. */
export const VISIT_BOOKING_LEAD_MIN = 30;
export const VISIT_BOOKING_DAYS = 14;

export const VISIT_STATUSES = ['booked', 'cancelled', 'arrived', 'served', 'no_show'] as const;
export type VisitStatus = (typeof VISIT_STATUSES)[number];
export const visitStatusLabels: Record<VisitStatus, string> = {
  booked: '已预约',
  cancelled: '已取消',
  arrived: '已到达，等候办理',
  served: '已办结',
  no_show: '未到场',
};

/** What a desk may mark next: arrived, then served; no-show once the slot has begun. */
export function nextVisitStatuses(status: VisitStatus): readonly VisitStatus[] {
  if (status === 'booked') return ['arrived', 'served', 'no_show'];
  if (status === 'arrived') return ['served'];
  return [];
}

/** A queue number as the screen calls it: the point's letter and the day's running number, A007. */
export const queueNumberText = (n: number): string => `A${String(n).padStart(3, '0')}`;
