// 就业援助 (domain.md §3.4 WF-27/WF-28, issue 31): "出现一人，认定一人，扶助一人，稳定一人". A case
// opens the moment a person is recognised as hard to employ; the street gives it one assistance
// specialist (就业援助专员: a staff member of the street or of a community under it), who contacts
// the person and makes the personalised plan (F31). Every deadline is a task on the task engine,
// and so on the working-day calendar (tasks.ts: assist_assign, assist_contact, assist_plan, assist_posts, assist_interview).
import dayjs from 'dayjs';
import { areaCodeLength } from './areas';
import { addCalendarDays } from './calendar';

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

/** WF-27 step 6: at least two posts offered within 2 days of the recognition. */
export const POSTS_TO_OFFER = 2;

/** What came of an interview, checked 5 days after it (WF-27 step 6). */
export const INTERVIEW_RESULTS = ['hired', 'not_hired'] as const;
export type InterviewResult = (typeof INTERVIEW_RESULTS)[number];
export const interviewResultLabels: Record<InterviewResult, string> = { hired: '已录用', not_hired: '未录用' };

/**
 * The assistance agreement (F32, 就业援助协议书) in plain words: what the specialist does, what
 * the person does. Shown in full before the person signs in the app; the same words are what a
 * paper copy says.
 */
export function agreementText(p: { personName: string; specialistName: string; streetName: string }): string[] {
  return [
    `${p.personName}（以下称“您”）经${p.streetName}认定为就业困难人员，由援助专员${p.specialistName}一对一为您提供就业援助。`,
    `援助专员会：和您一起制定援助方案并按方案落实；在认定后尽快为您推荐至少两个合适的岗位，需要时陪同面试；帮您了解和申请可以享受的就业政策、培训；您就业后继续回访，帮您稳定就业。`,
    `您会：按方案参加就业指导和培训；参加推荐的面试，去不了的提前告诉援助专员；找到工作、搬家或换了电话时及时告诉援助专员。`,
    `您的个人信息只用于为您提供就业援助，援助专员和街道、社区工作人员会依规查看，每次查看都有记录，您可以在“我的数据”里看到。`,
    `您可以随时找援助专员商量调整援助方案；不再需要援助时，告诉援助专员即可。`,
  ];
}

/**
 * After placement (WF-28): the first follow-up 7 days after the employment registration, then
 * by how the job holds — stable at least monthly, unstable every 10 days, family hardship or a
 * need for work near home weekly — for 6 months, after which the case closes as stably employed.
 */
export const STABILITIES = ['stable', 'unstable', 'family_hardship'] as const;
export type Stability = (typeof STABILITIES)[number];
export const stabilityLabels: Record<Stability, string> = { stable: '稳定', unstable: '不稳定', family_hardship: '家庭困难，需就近' };
export const FOLLOW_UP_EVERY_DAYS: Record<Stability, number> = { stable: 30, unstable: 10, family_hardship: 7 };
export const FIRST_FOLLOW_UP_DAYS = 7;
export const FOLLOW_UP_MONTHS = 6;

/** The last day of follow-up for someone placed on `placedOn`. */
export const followUpEnds = (placedOn: string, months = FOLLOW_UP_MONTHS): string => dayjs(placedOn).add(months, 'month').format('YYYY-MM-DD');

/**
 * When the next follow-up is due after one on `on` that found the job `stability`; undefined
 * when the follow-up period is over and the job stable (the case closes as stably employed). An
 * unstable job is followed beyond the period until it is stable.
 */
export function nextFollowUpDue(placedOn: string, on: string, stability: Stability, months = FOLLOW_UP_MONTHS): string | undefined {
  const end = followUpEnds(placedOn, months);
  if (stability === 'stable' && on >= end) return undefined;
  const next = addCalendarDays(on, FOLLOW_UP_EVERY_DAYS[stability]);
  return stability === 'stable' && next > end ? end : next;
}
