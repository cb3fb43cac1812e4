// Subsidies paid to people and units (issue 32; domain.md §2.D, §3.5 WF-38/WF-39, §4.4 R16, §4.5
// R21, §4.11 S04 S05 S12 S14): the four subsidies, who qualifies for each (a versioned table, like
// the person rules: every decision keeps the version it was taken under), how much is paid (integer
// fen: fixed once, per month, or a share of the contributions paid, capped), the months claimed, the
// stages an application goes through, and the public notice (公示). Pure rules: no I/O.
import dayjs from 'dayjs';
import { dueDate, type Deadline } from './calendar';
import { fenToYuanText } from './money';
import { recognisedCategoryLabels, type RecognisedCategory } from './registration';

export const SUBSIDY_KINDS = ['flexible_si', 'welfare_post', 'skills_appraisal', 'startup_once'] as const;
export type SubsidyKind = (typeof SUBSIDY_KINDS)[number];
export const subsidyKindLabels: Record<SubsidyKind, string> = {
  flexible_si: '灵活就业社会保险补贴',
  welfare_post: '公益性岗位补贴',
  skills_appraisal: '技能鉴定补贴',
  startup_once: '一次性创业补贴',
};

/** Who applies: R21's post subsidy is the unit's (for the person it placed); the rest are the person's own. */
export const subsidyApplicant = (kind: SubsidyKind): 'person' | 'employer' => (kind === 'welfare_post' ? 'employer' : 'person');

/** The employment registration kinds (就业登记) a branch may ask for. */
export const SUBSIDY_EMPLOYMENT_KINDS = ['unit', 'flexible', 'self_employed'] as const;
export type SubsidyEmploymentKind = (typeof SUBSIDY_EMPLOYMENT_KINDS)[number];
const employmentKindWords: Record<SubsidyEmploymentKind, string> = {
  unit: '在单位就业',
  flexible: '灵活就业',
  self_employed: '自主创业或个体经营',
};

/**
 * One way to qualify (R16 has three): hold one of `groups` and, where asked, an employment
 * registration of one of `employmentKinds`; then at most `maxMonths` months of this subsidy in all
 * (one-off subsidies: 1).
 */
export interface SubsidyBranch {
  groups: readonly RecognisedCategory[];
  employmentKinds?: readonly SubsidyEmploymentKind[];
  maxMonths: number;
}

export type SubsidyAmount =
  | { mode: 'fixed'; amountFen: number }
  | { mode: 'per_month'; amountFen: number }
  /** `shareBp` ten-thousandths of each month's contribution, at most `capFen` a month. */
  | { mode: 'share'; shareBp: number; capFen: number };

export interface SubsidyRuleSet {
  version: string;
  effectiveFrom: string;
  /** Per subsidy: the branches, the default amount, the evidence, whether the street checks on site. */
  subsidies: Record<
    SubsidyKind,
    {
      branches: readonly SubsidyBranch[];
      amount: SubsidyAmount;
      evidence: readonly { code: string; label: string }[];
      siteCheck: boolean;
      /** R19: what the community checks at each follow-up after payment (none: no follow-up). */
      followUp?: string;
    }
  >;
  /** 公示: how long a notice stays open. */
  noticePeriod: Deadline;
  /** District review after the street's (WF-39 initial → second review). */
  districtReview: Deadline;
  /** R19: follow-ups after payment, days after the payment date. */
  followUpDays: readonly number[];
}

/** Versioned, never edited: a change of policy is a new row with a later `effectiveFrom`. */
export const SUBSIDY_RULES: readonly SubsidyRuleSet[] = [
  {
    version: 'SR-2026-01',
    effectiveFrom: '2026-01-01',
    subsidies: {
      // R16 (FJ-A2 §2.1.8): the hard to employ in flexible work or with a licensed business, and
      // graduates within two years in flexible work; all after employment registration. The seeds
      // give no period: 36 months for the hard to employ and 24 for graduates are the national
      // practice the issue names, and a programme may set less.
      flexible_si: {
        branches: [
          { groups: ['hard_to_employ'], employmentKinds: ['flexible', 'self_employed'], maxMonths: 36 },
          { groups: ['graduate_2y'], employmentKinds: ['flexible'], maxMonths: 24 },
        ],
        amount: { mode: 'share', shareBp: 6667, capFen: 60_000 },
        evidence: [{ code: 'si_receipt', label: '社会保险缴费凭证' }],
        siteCheck: true,
        followUp: '是否仍在灵活就业：工作内容、地点、时长、收入',
      },
      // R21: the unit that placed a hard-to-employ person in a public-welfare post and pays their
      // social insurance; checked on site (contract, on post, insurance and wages paid).
      welfare_post: {
        branches: [{ groups: ['hard_to_employ'], employmentKinds: ['unit'], maxMonths: 36 }],
        amount: { mode: 'per_month', amountFen: 180_000 },
        evidence: [
          { code: 'labour_contract', label: '劳动合同' },
          { code: 'payroll', label: '工资发放记录' },
          { code: 'si_receipt', label: '社会保险缴费凭证' },
        ],
        siteCheck: true,
        followUp: '是否仍在岗：上岗、工资和社会保险缴纳情况',
      },
      // S12: people who passed an appraisal and hold the certificate.
      skills_appraisal: {
        branches: [{ groups: [], maxMonths: 1 }],
        amount: { mode: 'fixed', amountFen: 100_000 },
        evidence: [{ code: 'certificate', label: '职业技能等级证书' }],
        siteCheck: false,
      },
      // S14: founders — registered unemployed, hard to employ or recent graduates — with a licensed business.
      startup_once: {
        branches: [{ groups: ['registered_unemployed', 'hard_to_employ', 'graduate_2y'], employmentKinds: ['self_employed'], maxMonths: 1 }],
        amount: { mode: 'fixed', amountFen: 500_000 },
        evidence: [{ code: 'business_licence', label: '营业执照' }],
        siteCheck: true,
        followUp: '是否仍在经营：经营项目、地址、盈利情况',
      },
    },
    noticePeriod: { days: 7, unit: 'calendar' },
    districtReview: { days: 5, unit: 'working' },
    followUpDays: [30, 90, 180],
  },
];

export function subsidyRulesOn(date: string): SubsidyRuleSet {
  const inForce = SUBSIDY_RULES.filter((r) => r.effectiveFrom <= date);
  return inForce[inForce.length - 1] ?? SUBSIDY_RULES[0];
}

export function subsidyRulesVersion(version: string): SubsidyRuleSet | undefined {
  return SUBSIDY_RULES.find((r) => r.version === version);
}

/** A branch as the 一次性告知 catalogue writes it: who, and the employment registration asked. */
export function branchText(branch: SubsidyBranch): string {
  const who = branch.groups.length ? branch.groups.map((g) => recognisedCategoryLabels[g]).join('或') : '';
  const work = branch.employmentKinds?.length ? `已办理就业登记（${branch.employmentKinds.map((k) => employmentKindWords[k]).join('或')}）` : '';
  return [who, work].filter(Boolean).join('，') || '符合项目公布的条件';
}

// ── Who qualifies ─────────────────────────────────────────────────────────────────────────────

/** What the person's record says, as the rule reads it. */
export interface SubsidyFacts {
  /** The recognised and derived categories that hold today. */
  groups: readonly RecognisedCategory[];
  /** The kind of their current employment registration (就业登记), if any. */
  employmentKind?: SubsidyEmploymentKind;
  /** Community (12 digits) they live in. */
  areaCode: string;
  /** Months of this subsidy already claimed, in every application not refused. */
  monthsUsed: number;
}

export interface SubsidyCheck {
  ok: boolean;
  /** The branch that applies (the most generous of those that hold). */
  branch?: SubsidyBranch;
  /** Why they qualify, in their words. */
  reasons: string[];
  /** What is still missing (还差什么), each in plain words. */
  missing: string[];
  /** Months still open to them under the longest period. */
  monthsLeft: number;
}

/** The longest period the programme allows in this branch: the programme may set less than the rule. */
export const branchMaxMonths = (branch: SubsidyBranch, programmeMaxMonths?: number) =>
  programmeMaxMonths === undefined ? branch.maxMonths : Math.min(branch.maxMonths, programmeMaxMonths);

/**
 * Who the reasons are written to: the person applying for themselves (您是…), or a unit applying
 * for a person it placed on its post (R21: the area is the post's, the employment is on that post).
 */
export type SubsidyVoice = 'person' | 'unit';
const WORDS: Record<SubsidyVoice, { inArea(a: string): string; outOfArea(a: string): string; holds(groups: string): string; employed(kind: string): string; usedUp(max: number): string }> = {
  person: {
    inArea: (a) => `住在${a}`,
    outOfArea: (a) => `只适用于住在${a}的人`,
    holds: (g) => `您是${g}`,
    employed: (k) => `已办理就业登记（${k}）`,
    usedUp: (max) => (max === 1 ? '已经享受过这项补贴' : `这项补贴最多享受${max}个月，您已全部享受`),
  },
  unit: {
    inArea: (a) => `岗位在${a}`,
    outOfArea: (a) => `只适用于${a}的岗位`,
    holds: (g) => `这位人员是${g}`,
    employed: () => '在本单位的公益性岗位上岗',
    usedUp: (max) => (max === 1 ? '这位人员已经享受过这项补贴' : `这项补贴最多享受${max}个月，这位人员已全部享受`),
  },
};

/**
 * 可以申请 / 还差什么: the first branch that holds wins (most months first); when none holds, what
 * the closest branch still needs. Area: the programme's area must contain where they live (for a
 * unit, where the post is).
 */
export function checkSubsidy(
  branches: readonly SubsidyBranch[],
  programme: { areaCode: string; areaName: string; maxMonths?: number },
  facts: SubsidyFacts,
  voice: SubsidyVoice = 'person',
): SubsidyCheck {
  const words = WORDS[voice];
  const inArea = facts.areaCode.startsWith(programme.areaCode);
  const ordered = [...branches].sort((a, b) => b.maxMonths - a.maxMonths);
  // When none holds, the branch to explain is one whose group they are in, then the one that needs least.
  let closest: { missing: string[]; reasons: string[]; score: number } | undefined;
  for (const branch of ordered) {
    const reasons: string[] = [];
    const missing: string[] = [];
    if (!inArea) missing.push(words.outOfArea(programme.areaName));
    else reasons.push(words.inArea(programme.areaName));
    let outOfGroup = false;
    if (branch.groups.length) {
      const held = branch.groups.filter((g) => facts.groups.includes(g));
      if (held.length) reasons.push(words.holds(held.map((g) => recognisedCategoryLabels[g]).join('、')));
      else {
        missing.push(`须为${branch.groups.map((g) => recognisedCategoryLabels[g]).join('或')}`);
        outOfGroup = true;
      }
    }
    if (branch.employmentKinds?.length) {
      if (facts.employmentKind && branch.employmentKinds.includes(facts.employmentKind)) reasons.push(words.employed(employmentKindWords[facts.employmentKind]));
      else missing.push(`须办理就业登记（${branch.employmentKinds.map((k) => employmentKindWords[k]).join('或')}）`);
    }
    const max = branchMaxMonths(branch, programme.maxMonths);
    const monthsLeft = Math.max(0, max - facts.monthsUsed);
    if (monthsLeft === 0) missing.push(words.usedUp(max));
    if (!missing.length) return { ok: true, branch, reasons, missing, monthsLeft };
    const score = missing.length + (outOfGroup ? 10 : 0);
    if (!closest || score < closest.score) closest = { missing, reasons, score };
  }
  return { ok: false, reasons: closest?.reasons ?? [], missing: closest?.missing ?? ['暂无符合条件的申请方式'], monthsLeft: 0 };
}

// ── Months and money ──────────────────────────────────────────────────────────────────────────

/** A claimed month, `YYYY-MM`. One-off subsidies claim the single month they are applied in. */
export const MONTH_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/;
/** Months one application may claim (a quarter, a half year, a year). */
export const MAX_MONTHS_PER_APPLICATION = 12;

/** `2026-07, 2026-08, 2026-09` → 2026年7月–9月（3个月）; gaps are listed. */
export function monthsText(months: readonly string[]): string {
  const sorted = [...months].sort();
  if (!sorted.length) return '';
  const label = (m: string, withYear: boolean) => (withYear ? `${Number(m.slice(0, 4))}年${Number(m.slice(5))}月` : `${Number(m.slice(5))}月`);
  const runs: string[][] = [];
  for (const m of sorted) {
    const last = runs[runs.length - 1];
    if (last && dayjs(`${last[last.length - 1]}-01`).add(1, 'month').format('YYYY-MM') === m) last.push(m);
    else runs.push([m]);
  }
  const parts = runs.map((run) => {
    const [first, end] = [run[0], run[run.length - 1]];
    if (run.length === 1) return label(first, true);
    return `${label(first, true)}–${label(end, first.slice(0, 4) !== end.slice(0, 4))}`;
  });
  return sorted.length === 1 ? parts[0] : `${parts.join('、')}（${sorted.length}个月）`;
}

/** Months that repeat in the list, or are after `thisMonth` (a subsidy is claimed for months gone by). */
export function monthProblems(months: readonly string[], thisMonth: string): string | undefined {
  if (new Set(months).size !== months.length) return '同一个月份填了两次';
  const future = months.filter((m) => m > thisMonth).sort();
  if (future.length) return `${monthsText(future)}还没有到，不能申请`;
  return undefined;
}

/**
 * What an application is worth, in fen: fixed once; per month × months; or each month's share of
 * the contribution paid (rounded down to the fen), capped per month.
 */
export function subsidyAmountFen(amount: SubsidyAmount, months: number, contributionFenPerMonth = 0): number {
  if (amount.mode === 'fixed') return amount.amountFen;
  if (amount.mode === 'per_month') return amount.amountFen * months;
  const perMonth = Math.min(Math.floor((contributionFenPerMonth * amount.shareBp) / 10_000), amount.capFen);
  return perMonth * months;
}

export function amountRuleText(amount: SubsidyAmount): string {
  if (amount.mode === 'fixed') return `一次性${fenToYuanText(amount.amountFen)}元`;
  if (amount.mode === 'per_month') return `每月${fenToYuanText(amount.amountFen)}元`;
  return `按实际缴纳社会保险费的${(amount.shareBp / 100).toFixed(amount.shareBp % 100 ? 2 : 0)}%补贴，每月最多${fenToYuanText(amount.capFen)}元`;
}

// ── The stages ────────────────────────────────────────────────────────────────────────────────

/**
 * An application's stages (WF-38/WF-39): the street's intake and initial review (with its site
 * check where the rule asks), the district's review (the budget is reserved then), the public
 * notice, held while an objection about its line is open, cleared when the notice ends, paid by a
 * finance-approved payment file, failed when the bank returns the line. Refused and withdrawn end
 * it and give its months (and any reserved budget) back.
 */
export const SUBSIDY_STAGES = ['submitted', 'street_approved', 'approved', 'on_notice', 'held', 'cleared', 'paying', 'paid', 'failed', 'refused', 'withdrawn'] as const;
export type SubsidyStage = (typeof SUBSIDY_STAGES)[number];
export const subsidyStageLabels: Record<SubsidyStage, string> = {
  submitted: '已提交，等待街道初审',
  street_approved: '街道已初审，等待区里审核',
  approved: '区里已审核，等待公示',
  on_notice: '公示中',
  held: '公示中（有人反映问题，核实中）',
  cleared: '公示结束，等待财务审批拨付',
  paying: '财务已审批，银行发放中',
  paid: '已发放',
  failed: '发放失败，请核对银行账户',
  refused: '未通过',
  withdrawn: '已撤回',
};

/** Each step as it reads in the application's history: what happened, and who did it. */
export const subsidyStepLabels: Record<SubsidyStage, string> = {
  submitted: '提交申请',
  street_approved: '街道初审通过',
  approved: '区人社局复审通过',
  on_notice: '进入公示',
  held: '有人对公示反映问题，暂缓发放',
  cleared: '公示结束，等待拨付',
  paying: '财务审批拨付，银行发放中',
  paid: '已发放到账',
  failed: '银行退回',
  refused: '未通过',
  withdrawn: '已撤回',
};

/**
 * What the applicant is told at each step (a subscription message: a phrase of at most 5
 * characters and a note of at most 20). Submitting and withdrawing are their own doing: no message.
 */
export function subsidyStepMessage(stage: SubsidyStage, amountFen: number, reason?: string): { phrase: string; note: string } | undefined {
  const why = (reason ?? '').slice(0, 20) || '请打开小程序查看原因';
  const messages: Partial<Record<SubsidyStage, { phrase: string; note: string }>> = {
    street_approved: { phrase: '初审通过', note: '街道已初审，等待区里复审' },
    approved: { phrase: '复审通过', note: '区里已审核，即将公示' },
    on_notice: { phrase: '公示中', note: '名单已公示，公示期满后拨付' },
    held: { phrase: '暂缓发放', note: '有人对公示反映问题，核实中' },
    cleared: { phrase: '公示结束', note: '等待财务审批拨付' },
    paid: { phrase: '已发放', note: `${fenToYuanText(amountFen)}元已发到账户`.slice(0, 20) },
    failed: { phrase: '发放失败', note: '请改正银行账户' },
    refused: { phrase: '未通过', note: why },
  };
  return messages[stage];
}

/** The stages whose amount is reserved from the budget (approved and every stage after it that still owes or paid). */
export const BUDGETED_STAGES: readonly SubsidyStage[] = ['approved', 'on_notice', 'held', 'cleared', 'paying', 'paid', 'failed'];
/** The stages that still hold their months: everything but refused and withdrawn. */
export const isLiveStage = (s: SubsidyStage) => s !== 'refused' && s !== 'withdrawn';

/** When a notice published on `publishedOn` ends (its last day); payment may start the day after. */
export const noticeEndsOn = (publishedOn: string, period: Deadline) => dueDate(publishedOn, period);

/** A notice's objection window is open on `today` when it is not past its last day. */
export const noticeOpen = (endsOn: string, today: string) => today <= endsOn;
