// Job-seeker registration (求职登记表, domain.md §2.A F01): the enumerations people pick from,
// with the Chinese labels the mini-program shows.
export const EDUCATION_LEVELS = [
  'primary',
  'junior_high',
  'senior_high',
  'secondary_vocational',
  'junior_college',
  'bachelor',
  'master',
  'doctorate',
] as const;
export type Education = (typeof EDUCATION_LEVELS)[number];
export const educationLabels: Record<Education, string> = {
  primary: '小学',
  junior_high: '初中',
  senior_high: '高中',
  secondary_vocational: '中专/技校/职高',
  junior_college: '大专',
  bachelor: '本科',
  master: '硕士研究生',
  doctorate: '博士研究生',
};

export const SHIFTS = ['day', 'night', 'rotating', 'flexible'] as const;
export type Shift = (typeof SHIFTS)[number];
export const shiftLabels: Record<Shift, string> = {
  day: '白班',
  night: '夜班',
  rotating: '倒班',
  flexible: '时间灵活',
};

/** 国家职业资格等级: level 5 (初级工) up to level 1 (高级技师). */
export const QUALIFICATION_LEVELS = ['level5', 'level4', 'level3', 'level2', 'level1'] as const;
export type QualificationLevel = (typeof QUALIFICATION_LEVELS)[number];
export const qualificationLabels: Record<QualificationLevel, string> = {
  level5: '五级/初级工',
  level4: '四级/中级工',
  level3: '三级/高级工',
  level2: '二级/技师',
  level1: '一级/高级技师',
};

/** 职称（专业技术职务） */
export const PROFESSIONAL_TITLES = ['junior', 'intermediate', 'associate_senior', 'senior'] as const;
export type ProfessionalTitle = (typeof PROFESSIONAL_TITLES)[number];
export const professionalTitleLabels: Record<ProfessionalTitle, string> = {
  junior: '初级职称',
  intermediate: '中级职称',
  associate_senior: '副高级职称',
  senior: '正高级职称',
};

/** 人员类别 (domain.md §1.4), as the person describes themselves; staff verify it later. */
export const PERSON_CATEGORIES = [
  'general',
  'registered_unemployed',
  'college_graduate',
  'rural_labour',
  'ex_serviceman',
  'disabled',
  'flexible_worker',
  'employed',
  'other',
] as const;
export type PersonCategory = (typeof PERSON_CATEGORIES)[number];
export const personCategoryLabels: Record<PersonCategory, string> = {
  general: '一般求职人员',
  registered_unemployed: '登记失业人员',
  college_graduate: '高校毕业生',
  rural_labour: '农村劳动力',
  ex_serviceman: '退役军人',
  disabled: '残疾人',
  flexible_worker: '灵活就业人员',
  employed: '在职人员',
  other: '其他',
};

/** The categories staff recognise (or a registration records) and the two derived from the record. */
export const RECOGNISED_CATEGORIES = ['registered_unemployed', 'hard_to_employ', 'employed', 'graduate_2y', 'youth_16_24'] as const;
export type RecognisedCategory = (typeof RECOGNISED_CATEGORIES)[number];
export const recognisedCategoryLabels: Record<RecognisedCategory, string> = {
  registered_unemployed: '登记失业人员',
  hard_to_employ: '就业困难人员',
  employed: '已就业',
  graduate_2y: '离校2年内高校毕业生',
  youth_16_24: '16–24岁青年',
};

export const DISTANCE_CHOICES_KM = [1, 3, 5, 10, 20, 50] as const;
/** The 3-km employment circle is the default search radius. */
export const DEFAULT_DISTANCE_KM = 3;

export const RESUME_MAX_CHARS = 2000;
export const MAX_OCCUPATIONS = 5;
/** How long a registration stays valid without an update (有效期, [inferred] in domain.md). */
export const REGISTRATION_VALID_DAYS = 180;
