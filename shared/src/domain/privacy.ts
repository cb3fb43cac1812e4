// Personal data by consent (PIPL): the privacy guide every person agrees to before anything
// personal is collected, and the separate consents (单独同意) for sensitive items. A consent counts
// only for the version of the guide it was given to: a new version asks again.

/** The version of the privacy guide now in force. Changing the text means changing this. */
export const PRIVACY_POLICY_VERSION = '2026-12-04';

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
  '您可以随时撤回同意，查看、复制、更正或删除您的信息：现在请到社区就业服务站办理，在线办理即将开通。',
];

/** The full guide, served by the app with its version. */
export const privacyPolicySections: ReadonlyArray<{ title: string; paragraphs: readonly string[] }> = [
  {
    title: '一、我们收集哪些信息',
    paragraphs: [
      '登录：微信给我们的匿名标识（openid），用来认出您。',
      '求职登记：姓名、身份证号（单独同意）、手机号、户籍和常住地址、学历、求职意向。',
      '办理认定：失业、就业情况，困难认定的材料照片（单独同意）。',
      '找工作和培训：您的位置（每次使用前询问）、投递和报名记录、面试预约。',
      '评价和投诉：您填写的内容和照片。',
    ],
  },
  {
    title: '二、我们怎样使用',
    paragraphs: [
      '只为办理您申请的就业服务、发放和核销就业券、统计就业工作数据（统计数据不含可识别个人的信息）。',
      '不用于广告，不卖给任何人。',
    ],
  },
  {
    title: '三、谁能看到',
    paragraphs: [
      '办理您事项的社区、街道、区、市人社工作人员，以及您投递的单位（只看到您投递时提供的信息）。',
      '工作人员查看您的个人信息会留下记录。',
    ],
  },
  {
    title: '四、保存和保护',
    paragraphs: ['身份证号加密保存；信息保存在中国境内；注销账号后个人信息会被删除，法律要求保留的资金和审计记录只保留不含个人信息的部分。'],
  },
  {
    title: '五、您的权利',
    paragraphs: ['查看和下载您的信息、更正、撤回同意、注销账号。撤回同意不影响撤回前已办理的事项。'],
  },
  {
    title: '六、联系我们',
    paragraphs: ['可到您所在社区的就业服务站咨询，或在“评价和投诉”里留言，我们会在 3 个工作日内答复。'],
  },
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
