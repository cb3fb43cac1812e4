// Employers (用人单位, domain.md §2.A F02, §3.2): the choices the onboarding form offers.

/** 国民经济行业分类 (GB/T 4754-2017) sections. */
export const INDUSTRIES = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J', 'K', 'L', 'M', 'N', 'O', 'P', 'Q', 'R', 'S', 'T'] as const;
export type Industry = (typeof INDUSTRIES)[number];
export const industryLabels: Record<Industry, string> = {
  A: '农、林、牧、渔业',
  B: '采矿业',
  C: '制造业',
  D: '电力、热力、燃气及水生产和供应业',
  E: '建筑业',
  F: '批发和零售业',
  G: '交通运输、仓储和邮政业',
  H: '住宿和餐饮业',
  I: '信息传输、软件和信息技术服务业',
  J: '金融业',
  K: '房地产业',
  L: '租赁和商务服务业',
  M: '科学研究和技术服务业',
  N: '水利、环境和公共设施管理业',
  O: '居民服务、修理和其他服务业',
  P: '教育',
  Q: '卫生和社会工作',
  R: '文化、体育和娱乐业',
  S: '公共管理、社会保障和社会组织',
  T: '国际组织',
};

/** 经济类型 */
export const ECONOMIC_TYPES = [
  'state_owned',
  'collective',
  'private',
  'individual',
  'limited_liability',
  'joint_stock',
  'hk_macao_taiwan',
  'foreign',
  'other',
] as const;
export type EconomicType = (typeof ECONOMIC_TYPES)[number];
export const economicTypeLabels: Record<EconomicType, string> = {
  state_owned: '国有企业',
  collective: '集体企业',
  private: '私营企业',
  individual: '个体工商户',
  limited_liability: '有限责任公司',
  joint_stock: '股份有限公司',
  hk_macao_taiwan: '港澳台投资企业',
  foreign: '外商投资企业',
  other: '其他',
};

export const EMPLOYER_STATUSES = ['pending_review', 'approved', 'rejected'] as const;
export type EmployerStatus = (typeof EMPLOYER_STATUSES)[number];
export const employerStatusLabels: Record<EmployerStatus, string> = {
  pending_review: '待街道审核',
  approved: '已通过',
  rejected: '未通过',
};

export const EMPLOYER_INTRO_MAX_CHARS = 1000;
