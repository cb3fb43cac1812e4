// 零工 (odd jobs, issue 21; domain.md §1.3, §3.14): someone who needs a hand posts a small job
// near home — a kind, what exactly, where, when (a day and hours, or as soon as possible), the
// pay in fen per job, hour or day, how many people — and workers nearby take the places, first
// come first served. The rules both sides apply: what a post must satisfy (pay not below the local
// minimum hourly wage, hours within a day), who may take it (working age; no night work under
// 18), the window a take occupies in the worker's diary, and how a take moves to done.
import { addCalendarDays } from './calendar';
import { chinaInstant } from './interviews';

export const GIG_KINDS = ['house_repair', 'pipe_clearing', 'appliance_repair', 'cleaning', 'delivery', 'domestic_help', 'moving', 'shop_help', 'farm_work', 'other'] as const;
export type GigKind = (typeof GIG_KINDS)[number];
export const gigKindLabels: Record<GigKind, string> = {
  house_repair: '房屋维修',
  pipe_clearing: '管道疏通',
  appliance_repair: '家电维修',
  cleaning: '保洁',
  delivery: '跑腿配送',
  domestic_help: '家政帮工',
  moving: '搬家搬运',
  shop_help: '店铺帮工',
  farm_work: '农活',
  other: '其他',
};

export const GIG_PAY_UNITS = ['job', 'hour', 'day'] as const;
export type GigPayUnit = (typeof GIG_PAY_UNITS)[number];
export const gigPayUnitLabels: Record<GigPayUnit, string> = { job: '元/次', hour: '元/小时', day: '元/天' };

export const GIG_STATUSES = ['pending', 'open', 'closed', 'taken_down'] as const;
export type GigStatus = (typeof GIG_STATUSES)[number];
export const gigStatusLabels: Record<GigStatus, string> = { pending: '待审核', open: '招人中', closed: '已结束', taken_down: '已下架' };

export const GIG_TAKE_STATUSES = ['taken', 'reported_done', 'done', 'cancelled'] as const;
export type GigTakeStatus = (typeof GIG_TAKE_STATUSES)[number];
export const gigTakeStatusLabels: Record<GigTakeStatus, string> = { taken: '已接单', reported_done: '已报完工，等发布人确认', done: '已完工', cancelled: '已取消' };

export const GIG_PAY_METHODS = ['cash', 'wechat', 'alipay', 'bank', 'other'] as const;
export type GigPayMethod = (typeof GIG_PAY_METHODS)[number];
export const gigPayMethodLabels: Record<GigPayMethod, string> = { cash: '现金', wechat: '微信', alipay: '支付宝', bank: '银行转账', other: '其他' };

/** The poster has this long to object once the worker reports the work done; then it is done. */
export const GIG_OBJECTION_HOURS = 24;
/** Upheld reports against one person before they may no longer post. */
export const GIG_STRIKES_TO_SUSPEND = 3;
/** How far ahead a job can be posted, and the longest day it can ask for. */
export const GIG_MAX_DAYS_AHEAD = 30;
export const GIG_MAX_HOURS = 12;

/**
 * The local minimum hourly wage (非全日制用工小时最低工资标准) in fen, from configuration: Fujian's
 * standard in force since 2022-04-01 — Fuzhou's districts are class 1 (21 元); elsewhere the lowest
 * class (17.5 元) is the floor until the city is configured.
 */
export const MIN_HOURLY_WAGE_FEN: Readonly<Record<string, number>> = { '3501': 2100, '3502': 2100, '3505': 2050 };
export const DEFAULT_MIN_HOURLY_WAGE_FEN = 1750;
export const minHourlyWageFen = (areaCode: string): number => MIN_HOURLY_WAGE_FEN[areaCode.slice(0, 4)] ?? DEFAULT_MIN_HOURLY_WAGE_FEN;

export type GigWhen = { type: 'scheduled'; date: string; from: string; to: string } | { type: 'asap'; hours: number };

const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** How many hours the job asks for (a scheduled day's span, or the hours an ASAP job takes). */
export function gigHours(when: GigWhen): number {
  return when.type === 'asap' ? when.hours : (minutesOf(when.to) - minutesOf(when.from)) / 60;
}

/** The pay per hour it comes to, in fen (a per-job or per-day pay spread over its hours). */
export function hourlyPayFen(payFen: number, unit: GigPayUnit, when: GigWhen): number {
  return unit === 'hour' ? payFen : Math.floor(payFen / gigHours(when));
}

/** Why the pay is refused (below the minimum hourly wage of the place), or undefined. */
export function payRefusal(payFen: number, unit: GigPayUnit, when: GigWhen, areaCode: string): string | undefined {
  const floor = minHourlyWageFen(areaCode);
  if (hourlyPayFen(payFen, unit, when) >= floor) return undefined;
  const yuan = (fen: number) => (fen / 100).toFixed(fen % 100 === 0 ? 0 : 2);
  return `报酬折合每小时${yuan(hourlyPayFen(payFen, unit, when))}元，低于当地小时最低工资${yuan(floor)}元，请提高报酬`;
}

/**
 * The window a take occupies: a scheduled job's day and hours; an ASAP job from the quarter-hour
 * it is taken in, for its hours.
 */
export function gigWindow(when: GigWhen, takenAt: Date): { startsAt: string; endsAt: string } {
  if (when.type === 'scheduled') return { startsAt: chinaInstant(when.date, when.from), endsAt: chinaInstant(when.date, when.to) };
  const quarter = 15 * 60_000;
  const start = Math.floor(takenAt.getTime() / quarter) * quarter;
  return { startsAt: new Date(start).toISOString(), endsAt: new Date(start + when.hours * 3_600_000).toISOString() };
}

/** The last day a post is shown: its day, or three days after an ASAP post. */
export function gigLastDay(when: GigWhen, postedOn: string): string {
  return when.type === 'scheduled' ? when.date : addCalendarDays(postedOn, 3);
}

/** Whether any part of the window lies between 22:00 and 06:00 China time (night work). */
export function touchesNight(window: { startsAt: string; endsAt: string }): boolean {
  const step = 15 * 60_000;
  for (let t = new Date(window.startsAt).getTime(); t < new Date(window.endsAt).getTime(); t += step) {
    const hour = (new Date(t).getUTCHours() + 8) % 24;
    if (hour >= 22 || hour < 6) return true;
  }
  return false;
}

/** Why a worker of this age may not take the job (under 16; night work under 18), or undefined. */
export function workerRefusal(ageYears: number, window: { startsAt: string; endsAt: string }): string | undefined {
  if (ageYears < 16) return '未满16周岁，不能接零工';
  if (ageYears < 18 && touchesNight(window)) return '未满18周岁，不能接夜间（22点到次日6点）的零工';
  return undefined;
}

/** A take's status as it stands at `now`: a reported completion nobody objected to is done. */
export function effectiveTakeStatus(t: { status: GigTakeStatus; objectionUntil?: string }, now: Date): GigTakeStatus {
  if (t.status === 'reported_done' && t.objectionUntil && t.objectionUntil <= now.toISOString()) return 'done';
  return t.status;
}
