// 就业援助 (domain.md §3.4 WF-27/WF-28, issue 31): "出现一人，认定一人，扶助一人，稳定一人". A case
// opens the moment a person is recognised as hard to employ; the street gives it one assistance
// specialist (就业援助专员: a staff member of the street or of a community under it), who contacts
// the person and makes the personalised plan (F31). Every deadline is a task on the task engine,
// and so on the working-day calendar (tasks.ts: assist_assign, assist_contact, assist_plan).
import { areaCodeLength } from './areas';

export const ASSISTANCE_STATUSES = ['awaiting_specialist', 'in_progress', 'placed', 'closed'] as const;
export type AssistanceStatus = (typeof ASSISTANCE_STATUSES)[number];
export const assistanceStatusLabels: Record<AssistanceStatus, string> = {
  awaiting_specialist: '待指派援助专员',
  in_progress: '援助中',
  placed: '已就业，跟踪回访',
  closed: '已结案',
};

/** How the specialist reached the person (WF-27 step 3: within 2 working days of assignment). */
export const CONTACT_METHODS = ['phone', 'visit', 'desk', 'wechat'] as const;
export type ContactMethod = (typeof CONTACT_METHODS)[number];
export const contactMethodLabels: Record<ContactMethod, string> = { phone: '电话', visit: '上门走访', desk: '窗口面谈', wechat: '微信' };

/** What a plan offers (F31: posts, training, policy, guidance), each with a date. */
export const PLAN_SERVICE_KINDS = ['post', 'training', 'policy', 'guidance'] as const;
export type PlanServiceKind = (typeof PLAN_SERVICE_KINDS)[number];
export const planServiceLabels: Record<PlanServiceKind, string> = { post: '推荐岗位', training: '技能培训', policy: '落实政策', guidance: '就业指导' };

/** The street a case belongs to: the first 9 digits of the person's community. */
export const streetOf = (areaCode: string): string => areaCode.slice(0, areaCodeLength('street'));

/**
 * Who may be a case's specialist: active staff whose area is the case's street or a community
 * under it (WF-27 step 3); a district's or city's staff are not.
 */
export function canBeSpecialist(staff: { areaCode: string; level: string }, caseArea: string): boolean {
  const street = streetOf(caseArea);
  return (staff.level === 'street' || staff.level === 'community') && staff.areaCode.startsWith(street);
}
