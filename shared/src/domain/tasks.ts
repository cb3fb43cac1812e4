// Staff tasks (跟踪任务 / 待办): what each kind is, how long it may take, and who it escalates to
// when it runs late (domain.md §3.Z, §5.6). Every due date comes from the working-day calendar.
import { areaCodeLength } from './areas';
import { dueDate, type Deadline } from './calendar';
import { STAFF_LEVELS, type StaffLevelName } from './jurisdiction';

export const TASK_KINDS = [
  'referral_call_seeker',
  'referral_visit_employer',
  'placement_revisit',
  'placement_monthly',
  'training_employment',
  'rectification',
  'appeal_decision',
  'complaint',
  'review',
  'access_anomaly',
  'question',
  'fair_publish',
  'fair_screen',
  'fair_receipt',
  'gig_dispute',
  'assist_assign',
  'assist_contact',
  'assist_plan',
  'assist_posts',
  'assist_interview',
  'assist_registration',
  'assist_followup',
  'household_clear',
  'subsidy_review',
  'subsidy_objection',
  'subsidy_followup',
] as const;
export type TaskKind = (typeof TASK_KINDS)[number];

export const taskKindLabels: Record<TaskKind, string> = {
  referral_call_seeker: '回访求职者：推荐后是否已面试、录用',
  referral_visit_employer: '回访用人单位：推荐人员的录用情况',
  placement_revisit: '回访新上岗人员：上岗一周的情况，提醒办理就业登记',
  placement_monthly: '月度回访：新上岗人员是否稳定就业',
  training_employment: '培训后就业回访：结业三个月的就业情况',
  rectification: '差评整改：查明原因、整改，并回访评价人',
  appeal_decision: '差评申诉：核实后决定是否撤销这条评价',
  complaint: '投诉意见办理：核实、答复并办结',
  review: '审核申请：在审核工作台办理',
  access_anomaly: '异常查看：核实下级工作人员短时间内大量查看个人信息的原因',
  question: '你问我答：答复群众的政策和办事问题',
  fair_publish: '发布招聘会：受理后3个工作日内发布',
  fair_screen: '招聘会大屏：开始前1个工作日备好现场大屏内容',
  fair_receipt: '招聘会回执：参会单位会后5个工作日内交回执，逾期电话或上门催收',
  gig_dispute: '零工纠纷：核实举报或完工异议，调解并答复双方',
  assist_assign: '就业援助：为新认定的就业困难人员指派援助专员',
  assist_contact: '就业援助：援助专员联系本人，了解情况、商定援助',
  assist_plan: '就业援助：制定个性化援助方案',
  assist_posts: '就业援助：认定后2日内至少推荐两个岗位',
  assist_interview: '就业援助：面试5日后回访面试结果',
  assist_registration: '就业援助：录用后3个工作日内告知并办理就业登记',
  assist_followup: '就业援助：上岗后跟踪回访，帮助稳定就业',
  household_clear: '动态清零：零就业家庭至少一人实现就业',
  subsidy_review: '补贴复审：街道初审后5个工作日内审核',
  subsidy_objection: '公示反映：核实群众对补贴公示名单反映的问题',
  subsidy_followup: '补贴发放后回访：是否仍在灵活就业、仍在经营',
};

/**
 * How long each kind may take. Follow-ups are in calendar days as the seeds write them (seeker
 * call-back 7 days, counter follow-up ≤ 30 days); a bad rating's rectification and a complaint
 * take 15 working days (the national 好差评 rule for rectifying a bad review); an appeal is
 * decided within 5 working days; a review (an onboarding, a vacancy, a registration) within 5
 * working days of receipt (D10/D12: basic review ≤ 5 WD).
 */
export const TASK_DEADLINES: Record<TaskKind, Deadline> = {
  referral_call_seeker: { days: 7, unit: 'calendar' },
  referral_visit_employer: { days: 30, unit: 'calendar' },
  placement_revisit: { days: 7, unit: 'calendar' },
  placement_monthly: { days: 30, unit: 'calendar' },
  training_employment: { days: 90, unit: 'calendar' },
  rectification: { days: 15, unit: 'working' },
  appeal_decision: { days: 5, unit: 'working' },
  complaint: { days: 15, unit: 'working' },
  review: { days: 5, unit: 'working' },
  access_anomaly: { days: 3, unit: 'working' },
  // 你问我答 (domain.md §7.1, §3.Z): 3 working days, 10 for a question marked complex.
  question: { days: 3, unit: 'working' },
  // Job fairs (domain.md §3.2 WF-13): published within 3 working days; the screens loaded 1
  // working day before it (due set from the fair's date); receipts within 5 after its last day.
  fair_publish: { days: 3, unit: 'working' },
  fair_screen: { days: 1, unit: 'working' },
  fair_receipt: { days: 5, unit: 'working' },
  // 零工 (issue 21): a report or a completion dispute is handled by the station within 5 working days.
  gig_dispute: { days: 5, unit: 'working' },
  // 就业援助 (issue 31, WF-27/WF-28): the street names a specialist the next working day (our
  // choice: the seeds' later deadlines run from the recognition); the specialist contacts the person
  // within 2 working days of being assigned; the plan within 3 days of the recognition.
  assist_assign: { days: 1, unit: 'working' },
  assist_contact: { days: 2, unit: 'working' },
  assist_plan: { days: 3, unit: 'calendar' },
  // At least two posts offered within 2 days of the recognition; the result of each interview
  // checked 5 days after it (the due date is set from the interview's date).
  assist_posts: { days: 2, unit: 'calendar' },
  assist_interview: { days: 5, unit: 'calendar' },
  // Placed: the employment registration notice within 3 working days; follow-ups at the dates
  // the case sets (7 days after the registration, then by how the job holds: assistance.ts).
  assist_registration: { days: 3, unit: 'working' },
  assist_followup: { days: 7, unit: 'calendar' },
  // 零就业家庭 back at zero: a member placed within the rule's days (30 by default, personRules.ts).
  household_clear: { days: 30, unit: 'calendar' },
  // Subsidies (issue 32, WF-39): the district reviews within 5 working days of the street's initial
  // review; an objection to a notice's line is looked into within 5 working days; after payment the
  // community checks the person still works as the subsidy assumes (R19), at the rule's days.
  subsidy_review: { days: 5, unit: 'working' },
  subsidy_objection: { days: 5, unit: 'working' },
  subsidy_followup: { days: 30, unit: 'calendar' },
};

/** Kinds whose completion must say what was done (the call-back, the answer). */
export const TASK_NOTE_REQUIRED: readonly TaskKind[] = ['rectification'];

/** The due date of a task of `kind` opened on `today` (`days` overrides the kind's length, same unit). */
export function taskDue(kind: TaskKind, today: string, days?: number): string {
  const d = TASK_DEADLINES[kind];
  return dueDate(today, days === undefined ? d : { ...d, days });
}

/** The level that owns a task: the level whose area code has the task's area-code length. */
export function ownerLevel(areaCode: string): StaffLevelName | undefined {
  return STAFF_LEVELS.find((l) => areaCodeLength(l) === areaCode.length);
}

/** The level above (a community's street, a street's district, …), undefined for the city. */
export function levelAbove(level: StaffLevelName): StaffLevelName | undefined {
  return STAFF_LEVELS[STAFF_LEVELS.indexOf(level) + 1];
}

/** The area of the level above: `350102001001` → `350102001`. */
export function parentArea(areaCode: string): string | undefined {
  const level = ownerLevel(areaCode);
  const above = level && levelAbove(level);
  return above ? areaCode.slice(0, areaCodeLength(above)) : undefined;
}

/**
 * An open task past its due date is escalated to the level above its owner: it shows there as
 * 下级逾期 until it is done.
 */
export function isEscalatedTo(task: { areaCode: string; due: string; status: string }, viewerLevel: StaffLevelName, today: string): boolean {
  const owner = ownerLevel(task.areaCode);
  return task.status === 'open' && task.due < today && owner !== undefined && levelAbove(owner) === viewerLevel;
}
