// 访问记录 (issue 18): every time staff read a person's personal data, who, when, which person, what,
// from which route — reviewable by the administrators of the area, and shown to the person as which
// office looked (office and level, never the officer's name).

/** An officer reading more than this many different people's ID-backed records within one hour is flagged. */
export const ACCESS_FLAG_PER_HOUR = 100;

/** What staff read, as the person and the administrators see it. */
export const ACCESS_KINDS = {
  person: '查看求职登记和办理情况',
  idSearch: '用身份证号查找',
  rater: '查看评价人的姓名和电话',
  complainant: '查看投诉人的姓名和电话',
  visitor: '查看预约办事人的姓名和电话',
  gigContact: '零工驿站查看零工发布人或接活人的姓名和电话',
  assistance: '查看就业援助档案（援助情况和方案）',
  household: '查看零就业家庭的成员和认定材料',
  ledger: '查看实名制台账中的服务记录',
  subsidy: '查看补贴申请和证明材料',
} as const;
export type AccessKind = keyof typeof ACCESS_KINDS;
