// Job fairs (招聘会, domain.md §3.2 WF-13, §3.Z D24, §8.2 item 20): routine (综合) or special
// (专场) fairs for a group, on site or online; booths taken by employers' applications; people
// pre-register (a special fair only for its group), check in once a day with a signed code, and
// say 我有意向 to a post at a booth. Deadlines in working days: published within 3 of creation,
// employers' receipts within 5 after the fair.
import { addCalendarDays, previousWorkingDay } from './calendar';
import { taskDue } from './tasks';

export const FAIR_KINDS = ['general', 'graduates', 'hard_to_employ', 'veterans', 'women', 'disabled'] as const;
export type FairKind = (typeof FAIR_KINDS)[number];
export const fairKindLabels: Record<FairKind, string> = {
  general: '综合招聘会',
  graduates: '高校毕业生专场',
  hard_to_employ: '就业困难人员专场',
  veterans: '退役军人专场',
  women: '女性就业专场',
  disabled: '残疾人专场',
};

export const FAIR_MODES = ['onsite', 'online'] as const;
export type FairMode = (typeof FAIR_MODES)[number];
export const fairModeLabels: Record<FairMode, string> = { onsite: '现场招聘会', online: '网络招聘会' };

export const FAIR_STATUSES = ['planned', 'published', 'cancelled'] as const;
export type FairStatus = (typeof FAIR_STATUSES)[number];

export const BOOTH_STATUSES = ['applied', 'accepted', 'refused'] as const;
export type BoothStatus = (typeof BOOTH_STATUSES)[number];
export const boothStatusLabels: Record<BoothStatus, string> = { applied: '待审核', accepted: '已通过', refused: '未通过' };

/** Hires counted for a fair: those made within this many days after it ends. */
export const FAIR_HIRE_WINDOW_DAYS = 30;

/** The venue screens carry the fair from the working day before it opens (D24: loaded 1 WD before). */
export const fairScreenDue = (startDate: string): string => previousWorkingDay(startDate);
/** An employer's receipt (反馈回执) is filed within 5 working days after the fair's last day. */
export const fairReceiptDue = (endDate: string): string => taskDue('fair_receipt', endDate);
/** The last day a hire counts for the fair's figures. */
export const fairHireWindowEnd = (endDate: string): string => addCalendarDays(endDate, FAIR_HIRE_WINDOW_DAYS);

/** What a special fair's rule reads of a person. */
export interface FairPersonFacts {
  gender: 'male' | 'female';
  /** Recognised categories holding now (registered_unemployed, hard_to_employ, graduate_2y, …). */
  groups: readonly string[];
  /** The category the person registered under (ex_serviceman, disabled, college_graduate, …). */
  personCategory: string;
}

/**
 * Whether a person may pre-register for a fair of this kind, and if not, why (in words the
 * person reads in the 422).
 */
export function fairRefusal(kind: FairKind, p: FairPersonFacts): string | undefined {
  switch (kind) {
    case 'general':
      return undefined;
    case 'graduates':
      return p.groups.includes('graduate_2y') || p.personCategory === 'college_graduate' ? undefined : '这是高校毕业生专场，只接受离校2年内的高校毕业生报名';
    case 'hard_to_employ':
      return p.groups.includes('hard_to_employ') ? undefined : '这是就业困难人员专场，只接受已认定的就业困难人员报名';
    case 'veterans':
      return p.personCategory === 'ex_serviceman' ? undefined : '这是退役军人专场，只接受退役军人报名';
    case 'women':
      return p.gender === 'female' ? undefined : '这是女性就业专场，只接受女性报名';
    case 'disabled':
      return p.personCategory === 'disabled' ? undefined : '这是残疾人专场，只接受残疾人报名';
  }
}

/** A fair's figures (GET /fairs/{id}/figures) as rows people read, in the order they are shown. */
export function fairFigureRows(f: {
  registered: number;
  attendees: number;
  employers: number;
  posts: number;
  intentions: number;
  hires: number;
  receiptsFiled: number;
  reported: { resumes: number; intentions: number; hires: number };
}): { label: string; value: string }[] {
  return [
    { label: '预约', value: `${f.registered} 人` },
    { label: '到场', value: `${f.attendees} 人` },
    { label: '参会单位', value: `${f.employers} 家` },
    { label: '岗位', value: `${f.posts} 个` },
    { label: '现场投递意向', value: `${f.intentions} 人次` },
    { label: '会后30天内录用', value: `${f.hires} 人` },
    { label: '单位回执', value: `${f.receiptsFiled}/${f.employers} 家已交` },
    { label: '回执合计', value: `收到简历 ${f.reported.resumes} 份，达成意向 ${f.reported.intentions} 人，录用 ${f.reported.hires} 人` },
  ];
}
