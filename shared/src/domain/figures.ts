// The assessment figures (domain.md §5): what is counted, over which period, and the rates and
// targets read from the counts. Counts are kept per area at community, street, district and city
// level (an event counts at its own area and every level above), per month, quarter and year;
// the standing figures (employment rates, zero-employment families) are kept as they are now.
import dayjs from 'dayjs';
import type { SubsidyKind } from './subsidies';

/** Things that happen, counted in the period they happened in. */
export const FLOW_FIGURES = [
  'jobseekerRegistrations',
  'unemploymentRegistrations',
  'employmentRegistrations',
  'hardshipRecognitions',
  'employerOnboardings',
  'reviewsDecided',
  'referrals',
  'placements',
  'trainees',
  'vouchersPerson',
  'vouchersPersonFen',
  'vouchersEmployer',
  'vouchersEmployerFen',
  'ratings',
  'ratingsSatisfied',
  'tasksDone',
  'tasksOnTime',
  'complaints',
  'complaintsResolved',
  'fairsHeld',
  'fairAttendances',
  'gigMatches',
  'gigWorkers',
  'gigIncomeFen',
  // 补贴 (issue 32): applications made, the district's approvals and every refusal, what was paid
  // (by subsidy, in fen) and the days from applying to being paid (a sum: its mean is ÷ paid).
  'subsidyApplications',
  'subsidyApprovals',
  'subsidyRefusals',
  'subsidiesPaid',
  'subsidiesPaidFen',
  'subsidyFlexibleSiFen',
  'subsidyWelfarePostFen',
  'subsidySkillsAppraisalFen',
  'subsidyStartupOnceFen',
  'subsidyDaysToPay',
] as const;
export type FlowFigure = (typeof FLOW_FIGURES)[number];

/** How things stand: people counted while they are in the state. */
export const STANDING_FIGURES = ['willing', 'willingEmployed', 'hardToEmploy', 'hardToEmployEmployed', 'zeroEmploymentFamilies'] as const;
export type StandingFigure = (typeof STANDING_FIGURES)[number];

export type Figures = Record<FlowFigure, number> & Record<StandingFigure, number>;

export const figureLabels: Record<FlowFigure | StandingFigure, string> = {
  jobseekerRegistrations: '求职登记',
  unemploymentRegistrations: '失业登记',
  employmentRegistrations: '就业登记',
  hardshipRecognitions: '就业困难人员认定',
  employerOnboardings: '单位入驻',
  reviewsDecided: '审核办结',
  referrals: '推荐就业',
  placements: '平台上岗',
  trainees: '培训结业',
  vouchersPerson: '个人就业券核销（张）',
  vouchersPersonFen: '个人就业券核销（分）',
  vouchersEmployer: '单位就业券核销（张）',
  vouchersEmployerFen: '单位就业券核销（分）',
  ratings: '服务评价',
  ratingsSatisfied: '满意评价（4星及以上）',
  tasksDone: '办结任务',
  tasksOnTime: '按时办结任务',
  complaints: '收到投诉意见',
  complaintsResolved: '办结投诉意见',
  fairsHeld: '举办招聘会（场）',
  fairAttendances: '招聘会到场（人次）',
  gigMatches: '零工撮合（次）',
  gigWorkers: '零工灵活就业（人）',
  gigIncomeFen: '零工收入（分）',
  subsidyApplications: '补贴申请（份）',
  subsidyApprovals: '补贴区级审核通过（份）',
  subsidyRefusals: '补贴未通过（份）',
  subsidiesPaid: '补贴发放（笔）',
  subsidiesPaidFen: '补贴发放金额（分）',
  subsidyFlexibleSiFen: '其中灵活就业社会保险补贴（分）',
  subsidyWelfarePostFen: '其中公益性岗位补贴（分）',
  subsidySkillsAppraisalFen: '其中技能鉴定补贴（分）',
  subsidyStartupOnceFen: '其中一次性创业补贴（分）',
  subsidyDaysToPay: '补贴从申请到发放合计天数',
  willing: '有就业意愿的劳动力',
  willingEmployed: '其中已就业',
  hardToEmploy: '就业困难人员',
  hardToEmployEmployed: '其中已就业',
  zeroEmploymentFamilies: '零就业家庭（认定后仍无人就业的户数）',
};

export const emptyFigures = (): Figures =>
  Object.fromEntries([...FLOW_FIGURES, ...STANDING_FIGURES].map((f) => [f, 0])) as Figures;

/** Per subsidy, the figure its paid amount is counted in. */
export const subsidyPaidFigure: Record<SubsidyKind, FlowFigure> = {
  flexible_si: 'subsidyFlexibleSiFen',
  welfare_post: 'subsidyWelfarePostFen',
  skills_appraisal: 'subsidySkillsAppraisalFen',
  startup_once: 'subsidyStartupOnceFen',
};

/** Days from applying to being paid, on average (one decimal); null with nothing paid. */
export const meanDaysToPay = (f: Figures): number | null => (f.subsidiesPaid > 0 ? Math.round((f.subsidyDaysToPay / f.subsidiesPaid) * 10) / 10 : null);

/** Rates with their targets (M01–M03, M07); null when there is nothing to divide by. */
export const RATE_TARGETS = {
  satisfactionRate: 0.95,
  employmentRate: 0.9,
  hardToEmployEmploymentRate: 0.8,
} as const;

export interface Rates {
  satisfactionRate: number | null;
  onTimeRate: number | null;
  employmentRate: number | null;
  hardToEmployEmploymentRate: number | null;
}

const ratio = (a: number, b: number) => (b > 0 ? Math.round((a / b) * 10_000) / 10_000 : null);

export function ratesOf(f: Figures): Rates {
  return {
    satisfactionRate: ratio(f.ratingsSatisfied, f.ratings),
    onTimeRate: ratio(f.tasksOnTime, f.tasksDone),
    employmentRate: ratio(f.willingEmployed, f.willing),
    hardToEmployEmploymentRate: ratio(f.hardToEmployEmployed, f.hardToEmploy),
  };
}

/** A rate as people read it: "96.5%", or "—" with nothing to count. */
export function rateText(rate: number | null): string {
  return rate === null ? '—' : `${Math.round(rate * 1000) / 10}%`;
}

// ── Periods ────────────────────────────────────────────────────────────────────────────────

/** `2026-11` (month), `2026-Q4` (quarter), `2026` (year). */
export const PERIOD_PATTERN = /^(\d{4})(-(0[1-9]|1[0-2])|-Q[1-4])?$/;

/** The month, quarter and year a China date (YYYY-MM-DD) falls in: where an event is counted. */
export function periodsOf(date: string): [string, string, string] {
  const d = dayjs(date);
  return [d.format('YYYY-MM'), `${d.year()}-Q${Math.floor(d.month() / 3) + 1}`, String(d.year())];
}

export function periodLabel(period: string): string {
  const m = PERIOD_PATTERN.exec(period);
  if (!m) return period;
  if (!m[2]) return `${m[1]}年`;
  if (m[2].startsWith('-Q')) return `${m[1]}年第${m[2].slice(2)}季度`;
  return `${m[1]}年${Number(m[3])}月`;
}

/** The area codes an event at `areaCode` counts at: itself and each level above, up to the city. */
export function rollUpAreas(areaCode: string): string[] {
  return [4, 6, 9, 12].filter((n) => n <= areaCode.length).map((n) => areaCode.slice(0, n));
}
