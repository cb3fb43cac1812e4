// 好差评: a rating after each completed service, and complaints (domain.md §2.H F68–F69, §3.13).
// One rating per service, by the person (or employer) who received it, once the service is done.

export const SERVICE_TYPES = ['review', 'job_application', 'interview', 'training', 'voucher', 'referral', 'visit'] as const;
export type ServiceType = (typeof SERVICE_TYPES)[number];

export const serviceTypeLabels: Record<ServiceType, string> = {
  review: '业务审核',
  job_application: '求职应聘',
  interview: '面试',
  training: '技能培训',
  voucher: '就业券使用',
  referral: '推荐就业',
  visit: '网点办事',
};

export const SCORE_LABELS = ['', '非常不满意', '不满意', '基本满意', '满意', '非常满意'] as const;

/** Scores at or below this open a rectification task (差评). */
export const BAD_SCORE = 2;
/** Scores at or above this count as satisfied for the satisfaction rate. */
export const SATISFIED_SCORE = 4;

export const GOOD_TAGS = ['办事快', '态度好', '讲得清楚', '一次办好', '岗位合适'] as const;
export const BAD_TAGS = ['等太久', '态度不好', '没讲清楚', '跑了多次', '信息不准'] as const;
export const RATING_TAGS = [...GOOD_TAGS, ...BAD_TAGS] as const;
export type RatingTag = (typeof RATING_TAGS)[number];

/** The tags offered for a score: what went well for a good one, what went wrong for a bad one. */
export function tagsForScore(score: number): readonly RatingTag[] {
  if (score >= SATISFIED_SCORE) return GOOD_TAGS;
  if (score <= BAD_SCORE) return BAD_TAGS;
  return RATING_TAGS;
}

export const RATING_STATUSES = ['valid', 'appealed', 'voided'] as const;
export type RatingStatus = (typeof RATING_STATUSES)[number];
export const ratingStatusLabels: Record<RatingStatus, string> = {
  valid: '有效',
  appealed: '申诉核实中',
  voided: '经核实已撤销',
};

// ── Complaints and suggestions (投诉/意见) ────────────────────────────────────────────────────

export const COMPLAINT_KINDS = ['complaint', 'suggestion'] as const;
export type ComplaintKind = (typeof COMPLAINT_KINDS)[number];
export const complaintKindLabels: Record<ComplaintKind, string> = { complaint: '投诉', suggestion: '意见建议' };

export const COMPLAINT_TOPICS = ['attitude', 'efficiency', 'job_info', 'training', 'voucher', 'other'] as const;
export type ComplaintTopic = (typeof COMPLAINT_TOPICS)[number];
export const complaintTopicLabels: Record<ComplaintTopic, string> = {
  attitude: '服务态度',
  efficiency: '办事效率',
  job_info: '岗位信息不实',
  training: '培训质量',
  voucher: '就业券',
  other: '其他',
};

export const COMPLAINT_STATUSES = ['received', 'processing', 'resolved'] as const;
export type ComplaintStatus = (typeof COMPLAINT_STATUSES)[number];
export const complaintStatusLabels: Record<ComplaintStatus, string> = {
  received: '已受理',
  processing: '正在办理',
  resolved: '已办结',
};
