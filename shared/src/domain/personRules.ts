// Person-category rules (domain.md §4.1 R02–R04, §4.3 R11–R13) as configuration: a versioned
// table. A new policy is a new row with a later `effectiveFrom`; old rows are never edited,
// because every decision stores the version it was taken under.
import dayjs from 'dayjs';
import { ageOn, type Gender } from './idNumber';

export const HARDSHIP_CATEGORIES = [
  'over_age',
  'disabled',
  'long_term_unemployed',
  'zero_employment_family',
  'land_lost_farmer',
  'low_income',
] as const;
export type HardshipCategory = (typeof HARDSHIP_CATEGORIES)[number];

export interface EvidenceRule {
  code: string;
  label: string;
}

export interface HardshipCategoryRule {
  code: HardshipCategory;
  label: string;
  /** One line for the applicant: who this category is for. */
  description: string;
  /** Photos the applicant must upload, one per item. */
  evidence: readonly EvidenceRule[];
  /** A check the system can make from the record itself (else staff judge the evidence). */
  check?: 'over_age' | 'long_term_unemployed';
}

export interface PersonRules {
  version: string;
  effectiveFrom: string;
  /** R04: working age, lower bound and upper bound by gender (configurable per locality). */
  workingAge: { min: number; max: Record<Gender, number> };
  /** "4050" over-age workers: women from 40, men from 50. */
  overAge: Record<Gender, number>;
  /** R13: the "certain period" of continuous unemployment. */
  longTermUnemployedMonths: number;
  /** "Graduate within 2 years of leaving school". */
  graduateYears: number;
  hardshipCategories: readonly HardshipCategoryRule[];
  /**
   * 零就业家庭 (§4.2, a local rule where the seeds are silent): whether working-age full-time
   * students count as members who must be unemployed, and within how many days a household back
   * at zero must have a member placed again (动态清零).
   */
  zeroEmployment: { studentsCount: boolean; clearWithinDays: number };
}

export const PERSON_RULES: readonly PersonRules[] = [
  {
    version: 'PR-2026-01',
    effectiveFrom: '2026-01-01',
    workingAge: { min: 16, max: { male: 60, female: 55 } },
    overAge: { male: 50, female: 40 },
    longTermUnemployedMonths: 12,
    graduateYears: 2,
    zeroEmployment: { studentsCount: false, clearWithinDays: 30 },
    hardshipCategories: [
      { code: 'over_age', label: '大龄失业人员', description: '女性满40周岁、男性满50周岁', evidence: [], check: 'over_age' },
      {
        code: 'disabled',
        label: '残疾人',
        description: '持有残疾人证',
        evidence: [{ code: 'disability_card', label: '残疾人证' }],
      },
      {
        code: 'long_term_unemployed',
        label: '长期失业人员',
        description: '登记失业连续满12个月',
        evidence: [],
        check: 'long_term_unemployed',
      },
      {
        code: 'zero_employment_family',
        label: '零就业家庭成员',
        description: '家庭中劳动年龄内成员均处于失业状态',
        evidence: [{ code: 'household_register', label: '户口簿（全家）' }],
      },
      {
        code: 'land_lost_farmer',
        label: '失地农民',
        description: '承包土地被依法征收',
        evidence: [{ code: 'land_requisition', label: '征地证明' }],
      },
      {
        code: 'low_income',
        label: '低保或低收入家庭成员',
        description: '享受最低生活保障或经认定的低收入家庭',
        evidence: [{ code: 'allowance_certificate', label: '低保证或低收入家庭证明' }],
      },
    ],
  },
];

/** The rules in force on a date (YYYY-MM-DD): the latest row whose effectiveFrom is not after it. */
export function rulesOn(date: string, table: readonly PersonRules[] = PERSON_RULES): PersonRules {
  const inForce = table.filter((r) => r.effectiveFrom <= date);
  const rules = inForce[inForce.length - 1];
  if (!rules) throw new Error(`no person rules in force on ${date}`);
  return rules;
}

/** The row a stored decision names (its `ruleVersion`). */
export function rulesVersion(version: string, table: readonly PersonRules[] = PERSON_RULES): PersonRules {
  const rules = table.find((r) => r.version === version);
  if (!rules) throw new Error(`no person rules with version ${version}`);
  return rules;
}

export function hardshipCategoryRule(rules: PersonRules, code: HardshipCategory): HardshipCategoryRule {
  const rule = rules.hardshipCategories.find((c) => c.code === code);
  if (!rule) throw new Error(`category ${code} not in rules ${rules.version}`);
  return rule;
}

/** R02/R04: is the person within the legal working age on that date? */
export function isWorkingAge(rules: PersonRules, birthDate: string, gender: Gender, on: string): boolean {
  const age = ageOn(birthDate, on);
  return age >= rules.workingAge.min && age < rules.workingAge.max[gender];
}

export function workingAgeMessage(rules: PersonRules, gender: Gender): string {
  return `须在法定劳动年龄内（${rules.workingAge.min}周岁至${rules.workingAge.max[gender]}周岁）`;
}

export function isOverAge(rules: PersonRules, birthDate: string, gender: Gender, on: string): boolean {
  return ageOn(birthDate, on) >= rules.overAge[gender];
}

/** Whole months from `since` to `on` (both YYYY-MM-DD). */
export function monthsBetween(since: string, on: string): number {
  return dayjs(on).diff(dayjs(since), 'month');
}

/** A graduate is in the "within N years of leaving school" group until the Nth anniversary. */
export function isRecentGraduate(rules: PersonRules, graduationDate: string, on: string): boolean {
  return graduationDate <= on && dayjs(graduationDate).add(rules.graduateYears, 'year').format('YYYY-MM-DD') > on;
}
