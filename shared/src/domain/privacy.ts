// Personal data by consent (PIPL): the privacy guide every person agrees to before anything
// personal is collected, and the separate consents (单独同意) for sensitive items. A consent counts
// only for the version of the guide it was given to: a new version asks again.

/** The version of the privacy guide now in force. Changing the text means changing this. */
export const PRIVACY_POLICY_VERSION = '2026-12-05';

/** Days between asking to close an account and its erasure; cancelling within them restores everything. */
export const ACCOUNT_DELETION_COOLING_DAYS = 7;

/** What pseudonymised records show where a closed account's name was. */
export const ERASED_PERSON_LABEL = '已注销用户';

export const CONSENT_PURPOSES = ['privacy', 'id_number', 'hardship_evidence', 'bank_account'] as const;
export type ConsentPurpose = (typeof CONSENT_PURPOSES)[number];
/** The consents that are separate from the guide itself: sensitive personal information. */
export const SEPARATE_PURPOSES = ['id_number', 'hardship_evidence', 'bank_account'] as const satisfies readonly ConsentPurpose[];

export const CONSENT_CHANNELS = ['weapp', 'h5'] as const;
export type ConsentChannel = (typeof CONSENT_CHANNELS)[number];

export const consentPurposeLabels: Record<ConsentPurpose, string> = {
  privacy: '《个人信息保护指引》',
  id_number: '提供身份证号',
  hardship_evidence: '提供困难认定材料',
  bank_account: '提供银行账户',
};

/** What a person reads before a separate consent: what, why, and what happens if they say no. */
export const separateConsentTexts: Record<(typeof SEPARATE_PURPOSES)[number], { title: string; why: string; ifRefused: string }> = {
  id_number: {
    title: '单独同意：使用您的身份证号',
    why: '身份证号是敏感个人信息。我们只用它核实身份、办理就业登记和申领就业券，加密保存，工作人员只看到部分号码。',
    ifRefused: '不同意也可以看工作和培训，但不能办理求职登记和领取就业券。',
  },
  hardship_evidence: {
    title: '单独同意：使用您的困难认定材料',
    why: '残疾、低保等情况属于敏感个人信息。材料只交给您所在社区和街道审核认定，审核人员查看会留下记录。',
    ifRefused: '不同意就不能申请就业困难人员认定，其他服务照常使用。',
  },
  bank_account: {
    title: '单独同意：使用您的银行账户',
    why: '银行账户是敏感个人信息，只用于把补贴发到您的账户。',
    ifRefused: '不同意就不能在线领取补贴，可到社区服务站办理。',
  },
};

/** The short summary shown at first use, in plain words. */
export const privacySummary: readonly string[] = [
  '我们是家门口就业公共服务平台，为您找工作、培训和就业补贴提供帮助。',
  '您登记时填写的姓名、手机号、地址，只用于为您办理就业服务；身份证号等敏感信息会另外征得您的同意。',
  '需要定位、选照片时，我们会先问您；不同意也能浏览工作和培训。',
  '您的信息只给办理您事项的社区、街道、区、市工作人员看，他们查看会留下记录。',
  '您可以随时在「我的 → 我的数据」查看和下载您的信息、撤回同意或注销账号，也可以到社区就业服务站办理。',
];

export interface HeldConsent {
  version: string;
  at: string;
  channel: ConsentChannel;
}

/** Which of `needed` the person has not given for the guide now in force, in `needed`'s order. */
export function missingConsents(held: Partial<Record<ConsentPurpose, HeldConsent>>, needed: readonly ConsentPurpose[]): ConsentPurpose[] {
  return needed.filter((p) => held[p]?.version !== PRIVACY_POLICY_VERSION);
}

/** The sentence a refused request answers with: which consent is needed. */
export function consentRequiredMessage(missing: readonly ConsentPurpose[]): string {
  if (missing.includes('privacy')) return '请先阅读并同意《个人信息保护指引》';
  return `需要您单独同意：${missing.map((p) => consentPurposeLabels[p]).join('、')}`;
}

/** The kinds of personal data 我的数据 lists, in the order shown, with what each holds. */
export const PERSONAL_DATA_CATEGORIES = {
  account: { label: '账号', holds: '微信标识、角色' },
  consents: { label: '同意记录', holds: '您给过和撤回的每项同意' },
  registration: { label: '求职登记', holds: '姓名、身份证号（加密）、手机号、住址、学历、求职意向' },
  categories: { label: '人员类别', holds: '失业、就业、就业困难等认定结果' },
  applications: { label: '认定申请', holds: '申请表和材料照片' },
  jobApplications: { label: '投递记录', holds: '投递的岗位和留言' },
  referrals: { label: '推荐信', holds: '工作人员为您开的推荐介绍信' },
  interviews: { label: '面试预约', holds: '预约的时间和结果' },
  policies: { label: '政策和提问', holds: '按您的登记信息找到的政策和理由、用于匹配的信息（年龄、性别、学历、人员类别、住的社区）、您问过的问题和答复' },
  fairs: { label: '招聘会', holds: '预约参加的招聘会（签到记录只留账号编号，用于统计到场人数）' },
  gigs: { label: '零工', holds: '您发布的零工（联系人和电话）、用微信验证的联系电话和称呼、您接的零工、完工、收入和互评、您提的举报' },
  visits: { label: '网点预约', holds: '预约到服务网点办事的时间、排队号和办理情况，窗口开给您的一次性告知单' },
  enrolments: { label: '培训报名', holds: '报名的课程和结业情况' },
  trainingNeed: { label: '培训意愿', holds: '想学的工种和时间' },
  vouchers: { label: '就业券', holds: '领到和使用的券、金额' },
  payoutAccount: { label: '收款账户', holds: '户名、银行账号（加密）' },
  subsidies: { label: '补贴申请', holds: '申请的补贴、月份、金额、材料照片、收款账户（部分隐去）和每一步的办理情况' },
  ratings: { label: '评价', holds: '您给的星级和留言' },
  complaints: { label: '投诉和建议', holds: '您写的内容和照片' },
  subscriptions: { label: '消息提醒', holds: '您允许的提醒次数' },
  proxies: { label: '亲情代办', holds: '为您代办的家人、您为谁代办、邀请和代办记录' },
  assistance: { label: '就业援助', holds: '您的援助专员、联系您的记录和为您制定的援助方案' },
  household: { label: '零就业家庭', holds: '您申请或所在的零就业家庭、家庭成员（身份证号部分隐去）和认定情况' },
  dataAccess: { label: '查看记录', holds: '哪些部门的工作人员什么时候查看过您的信息' },
} as const;
export type PersonalDataCategory = keyof typeof PERSONAL_DATA_CATEGORIES;
