// 政策找人 (domain.md §3.11, §8.2 item 28; Anhui §5.4.1 "根据求职人员登记的就业需求精准匹配相关就业
// 政策服务"): a published policy says who qualifies as a rule over the facts the registration and
// the recognised categories give — categories, age, gender, education, where the person lives —
// and the same rule answers three questions: does this person qualify (and why, in their words),
// which policies could I get (政策计算器, also for someone answering a few questions without an
// account), and whom must a newly published policy reach. Expired policies are never shown or
// matched.
import { ageOn } from './idNumber';
import { EDUCATION_LEVELS, educationLabels, type Education } from './registration';
import { RECOGNISED_CATEGORIES, recognisedCategoryLabels, type RecognisedCategory } from './registration';

export { RECOGNISED_CATEGORIES as POLICY_GROUPS };

export interface PolicyRule {
  /** Any of these (none: every registered person of the area). */
  groups: readonly RecognisedCategory[];
  minAge?: number;
  maxAge?: number;
  gender?: 'male' | 'female';
  /** At least this education. */
  minEducation?: Education;
}

/** What a person's records say, as the rule reads it. */
export interface PolicyFacts {
  birthDate: string;
  gender: 'male' | 'female';
  education: Education;
  /** The recognised and derived categories that hold today. */
  groups: readonly RecognisedCategory[];
  /** The community (12 digits) the person lives in. */
  areaCode: string;
}

export interface PolicyWindow {
  areaCode: string;
  validFrom: string;
  validUntil: string;
}

/** In force on `today`: begun and not expired. */
export const policyInForce = (p: Pick<PolicyWindow, 'validFrom' | 'validUntil'>, today: string): boolean => p.validFrom <= today && today <= p.validUntil;

export interface Qualification {
  ok: boolean;
  /** Why they qualify, in their own facts ("您是登记失业人员", "年龄45岁", "住在鼓楼区"). */
  reasons: string[];
  /** When not: the first condition not met, in plain words. */
  unmet?: string;
}

/**
 * Whether a person qualifies for a policy of an area, with the reasons. `areaName` names the
 * policy's area as people say it (鼓楼区).
 */
export function qualifies(rule: PolicyRule, policy: PolicyWindow, facts: PolicyFacts, today: string, areaName: string): Qualification {
  const reasons: string[] = [];
  if (!policyInForce(policy, today)) return { ok: false, reasons, unmet: '政策不在有效期内' };
  if (!facts.areaCode.startsWith(policy.areaCode)) return { ok: false, reasons, unmet: `只适用于住在${areaName}的人` };
  if (rule.groups.length) {
    const held = rule.groups.filter((g) => facts.groups.includes(g));
    if (!held.length) return { ok: false, reasons, unmet: `适用于${rule.groups.map((g) => recognisedCategoryLabels[g]).join('或')}` };
    reasons.push(`您是${held.map((g) => recognisedCategoryLabels[g]).join('、')}`);
  }
  const age = ageOn(facts.birthDate, today);
  if (rule.minAge !== undefined && age < rule.minAge) return { ok: false, reasons, unmet: `须年满${rule.minAge}岁` };
  if (rule.maxAge !== undefined && age > rule.maxAge) return { ok: false, reasons, unmet: `须在${rule.maxAge}岁以下` };
  if (rule.minAge !== undefined || rule.maxAge !== undefined) reasons.push(`年龄${age}岁`);
  if (rule.gender && facts.gender !== rule.gender) return { ok: false, reasons, unmet: rule.gender === 'female' ? '适用于女性' : '适用于男性' };
  if (rule.gender) reasons.push(rule.gender === 'female' ? '女性' : '男性');
  if (rule.minEducation) {
    if (EDUCATION_LEVELS.indexOf(facts.education) < EDUCATION_LEVELS.indexOf(rule.minEducation)) return { ok: false, reasons, unmet: `学历须${educationLabels[rule.minEducation]}及以上` };
    reasons.push(`学历${educationLabels[facts.education]}`);
  }
  reasons.push(`住在${areaName}`);
  return { ok: true, reasons };
}

/** A rule in words, for the policy's page: 适用于：登记失业人员或就业困难人员；40–60岁；住在鼓楼区. */
export function ruleText(rule: PolicyRule, areaName: string): string {
  const parts: string[] = [];
  parts.push(rule.groups.length ? rule.groups.map((g) => recognisedCategoryLabels[g]).join('或') : '已做求职登记的人');
  if (rule.minAge !== undefined && rule.maxAge !== undefined) parts.push(`${rule.minAge}–${rule.maxAge}岁`);
  else if (rule.minAge !== undefined) parts.push(`${rule.minAge}岁及以上`);
  else if (rule.maxAge !== undefined) parts.push(`${rule.maxAge}岁及以下`);
  if (rule.gender) parts.push(rule.gender === 'female' ? '女性' : '男性');
  if (rule.minEducation) parts.push(`${educationLabels[rule.minEducation]}及以上学历`);
  parts.push(`住在${areaName}`);
  return parts.join('；');
}

/** Q&A (你问我答, domain.md §7.1): answered within 3 working days, complex ones within 10. */
export const QUESTION_DUE_WORKING_DAYS = 3;
export const COMPLEX_QUESTION_DUE_WORKING_DAYS = 10;

/** Who asks, for the hot-topic counts (classified by person type). */
export const ASKER_TYPES = ['unemployed', 'graduate', 'employed', 'employer', 'other'] as const;
export type AskerType = (typeof ASKER_TYPES)[number];
export const askerTypeLabels: Record<AskerType, string> = {
  unemployed: '失业人员',
  graduate: '高校毕业生',
  employed: '在职人员',
  employer: '用人单位',
  other: '其他',
};

/** Topics of questions, counted per month. */
export const QUESTION_TOPICS = ['subsidy', 'registration', 'training', 'voucher', 'insurance', 'startup', 'other'] as const;
export type QuestionTopic = (typeof QUESTION_TOPICS)[number];
export const questionTopicLabels: Record<QuestionTopic, string> = {
  subsidy: '就业补贴',
  registration: '失业和就业登记',
  training: '技能培训',
  voucher: '就业券',
  insurance: '社会保险',
  startup: '创业扶持',
  other: '其他',
};
