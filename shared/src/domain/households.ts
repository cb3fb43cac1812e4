// 零就业家庭 (domain.md §4.2, WF-26): a household in which nobody of working age works. All four
// conditions must hold: (1) every working-age member is unemployed; (2) every one of them is able
// to work and wants to; (3) no member has a relatively stable income; (4) an urban household.
// Who counts as a member (working age; full-time students by local rule) comes from the person
// rules in force (personRules.ts), so a decision keeps the version it was taken under.
import { parseIdNumber, type Gender } from './idNumber';
import { isWorkingAge, type PersonRules } from './personRules';

/** How another member is related to the applicant (the applicant is `self`). */
export const MEMBER_RELATIONS = ['spouse', 'child', 'parent', 'sibling', 'grandparent', 'grandchild', 'other'] as const;
export const HOUSEHOLD_RELATIONS = ['self', ...MEMBER_RELATIONS] as const;
export type HouseholdRelation = (typeof HOUSEHOLD_RELATIONS)[number];
export const householdRelationLabels: Record<HouseholdRelation, string> = {
  self: '本人',
  spouse: '配偶',
  child: '子女',
  parent: '父母',
  sibling: '兄弟姐妹',
  grandparent: '祖父母、外祖父母',
  grandchild: '孙子女、外孙子女',
  other: '其他',
};

/** What a member does now. Employed, flexible work and running a business all count as working. */
export const MEMBER_ACTIVITIES = ['unemployed', 'employed', 'flexible', 'business', 'student', 'retired', 'other'] as const;
export type MemberActivity = (typeof MEMBER_ACTIVITIES)[number];
export const memberActivityLabels: Record<MemberActivity, string> = {
  unemployed: '失业、没有工作',
  employed: '在单位上班',
  flexible: '打零工、灵活就业',
  business: '个体经营、开店',
  student: '全日制在校学生',
  retired: '已退休',
  other: '其他（如在家照顾家人）',
};
const WORKING: readonly MemberActivity[] = ['employed', 'flexible', 'business'];
export const isWorking = (a: MemberActivity): boolean => WORKING.includes(a);

export interface HouseholdMemberFacts {
  name: string;
  idNumber: string;
  activity: MemberActivity;
  ableToWork: boolean;
  willingToWork: boolean;
  /** A relatively stable income: a wage, a pension, rent (not a subsistence allowance). */
  stableIncome: boolean;
}

export interface HouseholdFacts {
  urbanRegister: boolean;
  members: readonly HouseholdMemberFacts[];
}

export type ZeroEmploymentCondition = 1 | 2 | 3 | 4;
export interface Unmet {
  condition: ZeroEmploymentCondition;
  /** Which member (index in the list), when it is about one. */
  member?: number;
  message: string;
}

/** Members the conditions are about: of working age on `on`, and not a full-time student unless the rule counts them. */
export function countsAsLabour(rules: PersonRules, m: HouseholdMemberFacts, on: string): boolean {
  const parsed = parseIdNumber(m.idNumber, on);
  return parsed.ok && isLabour(rules, { ...parsed.value, activity: m.activity }, on);
}

/** The same, from the birth date and gender an ID number gives (what is stored beside its ciphertext). */
export function isLabour(rules: PersonRules, m: { birthDate: string; gender: Gender; activity: MemberActivity }, on: string): boolean {
  return isWorkingAge(rules, m.birthDate, m.gender, on) && (rules.zeroEmployment.studentsCount || m.activity !== 'student');
}

/** The four conditions of §4.2 on the household as declared; `unmet` names each one that fails, in Chinese. */
export function zeroEmploymentCheck(h: HouseholdFacts, rules: PersonRules, on: string): { ok: boolean; unmet: Unmet[] } {
  const unmet: Unmet[] = [];
  const labour = h.members.map((m, i) => ({ m, i })).filter(({ m }) => countsAsLabour(rules, m, on));
  for (const { m, i } of labour) {
    if (isWorking(m.activity)) unmet.push({ condition: 1, member: i, message: `${m.name}目前${memberActivityLabels[m.activity]}，零就业家庭须劳动年龄内成员均处于失业状态` });
  }
  if (labour.length === 0) unmet.push({ condition: 2, message: '家庭中没有劳动年龄内的成员' });
  for (const { m, i } of labour) {
    if (!m.ableToWork || !m.willingToWork) unmet.push({ condition: 2, member: i, message: `${m.name}须有劳动能力和就业愿望` });
  }
  h.members.forEach((m, i) => {
    if (m.stableIncome) unmet.push({ condition: 3, member: i, message: `${m.name}有相对固定的收入，零就业家庭须均无固定收入` });
  });
  if (!h.urbanRegister) unmet.push({ condition: 4, message: '零就业家庭须为城镇居民家庭' });
  return { ok: unmet.length === 0, unmet };
}

/** A recognised household is at zero while none of its labour members works. */
export function atZero(h: HouseholdFacts, rules: PersonRules, on: string): boolean {
  return !h.members.some((m) => countsAsLabour(rules, m, on) && isWorking(m.activity));
}
