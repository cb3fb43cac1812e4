// Training (培训, domain.md §2.E, §3.7): courses near home, seats with an ordered waitlist,
// vouchers redeemed on completion, an employment follow-up three months after, and the training
// needs survey (培训需求调查) counted by area.
import { areaAncestry } from './areas';

export const COURSE_TYPES = ['employment_skills', 'entrepreneurship', 'other'] as const;
export type CourseType = (typeof COURSE_TYPES)[number];
export const courseTypeLabels: Record<CourseType, string> = {
  employment_skills: '就业技能培训',
  entrepreneurship: '创业培训',
  other: '其他培训',
};

/** 职业技能等级 (the national five levels, the three a community course reaches) and 专项职业能力. */
export const COURSE_LEVELS = ['none', 'level5', 'level4', 'level3', 'special'] as const;
export type CourseLevel = (typeof COURSE_LEVELS)[number];
export const courseLevelLabels: Record<CourseLevel, string> = {
  none: '不发等级证书',
  level5: '五级/初级工',
  level4: '四级/中级工',
  level3: '三级/高级工',
  special: '专项职业能力',
};

export const ENROLMENT_STATUSES = ['enrolled', 'waitlisted', 'cancelled', 'completed', 'not_completed'] as const;
export type EnrolmentStatus = (typeof ENROLMENT_STATUSES)[number];
export const enrolmentStatusLabels: Record<EnrolmentStatus, string> = {
  enrolled: '已报上名',
  waitlisted: '候补中',
  cancelled: '已取消',
  completed: '已结业',
  not_completed: '未结业',
};

/**
 * What a person is told about an enrolment: a waitlisted one names its place only when the
 * server gave one (a place read after the write); a replayed answer has none and says so plainly.
 */
export const enrolmentLabel = (e: { status: EnrolmentStatus; position?: number }): string =>
  e.status !== 'waitlisted' ? enrolmentStatusLabels[e.status] : e.position ? `候补第 ${e.position} 位` : '候补中，我们会通知您';

/** Sign-up and cancelling close at the end of the deadline day (China time). */
export const signUpOpen = (deadline: string, today: string): boolean => today <= deadline;

/**
 * Whether a new sign-up goes to the waitlist: every seat taken, or people already waiting (nobody
 * passes the line). The sign-up transaction's own condition decides; this is what to expect.
 */
export const courseIsFull = (c: { seats: number; enrolled: number; waiting: number }): boolean => c.enrolled >= c.seats || c.waiting > 0;

export const NEED_TIMES = ['weekday_day', 'evening', 'weekend'] as const;
export type NeedTime = (typeof NEED_TIMES)[number];
export const needTimeLabels: Record<NeedTime, string> = { weekday_day: '工作日白天', evening: '晚上', weekend: '周末' };

export interface TrainingNeed {
  occupations: readonly string[];
  type: CourseType;
  time: NeedTime;
}

/**
 * The counters one survey answer adds to, at every level of the person's area (community up to
 * city), so staff at any level read their area's figures from one partition. The sort keys:
 * `TOTAL`, `OCC#<occupation>`, `TYPE#<type>`, `TIME#<time>`.
 */
export function needCounterKeys(areaCode: string, need: TrainingNeed): { areaCode: string; key: string }[] {
  const keys = ['TOTAL', ...[...new Set(need.occupations)].map((o) => `OCC#${o}`), `TYPE#${need.type}`, `TIME#${need.time}`];
  return areaAncestry(areaCode)
    .filter((code) => code.length >= 4)
    .flatMap((code) => keys.map((key) => ({ areaCode: code, key })));
}

/**
 * The counter changes from a person's previous answer to the new one: +1 for keys only the new
 * answer has, −1 for keys only the old one had; keys in both stay (and are not written).
 */
export function needCounterChanges(areaCode: string, next: TrainingNeed, previous?: { areaCode: string; need: TrainingNeed }): { areaCode: string; key: string; delta: 1 | -1 }[] {
  const id = (k: { areaCode: string; key: string }) => `${k.areaCode}|${k.key}`;
  const added = needCounterKeys(areaCode, next);
  const removed = previous ? needCounterKeys(previous.areaCode, previous.need) : [];
  const addedIds = new Set(added.map(id));
  const removedIds = new Set(removed.map(id));
  return [
    ...added.filter((k) => !removedIds.has(id(k))).map((k) => ({ ...k, delta: 1 as const })),
    ...removed.filter((k) => !addedIds.has(id(k))).map((k) => ({ ...k, delta: -1 as const })),
  ];
}
