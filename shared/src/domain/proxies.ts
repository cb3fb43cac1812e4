// 亲情代办 (family proxy): a person invites a family member by phone with a one-time code; once the
// family member accepts, they can switch to acting for the person in a few everyday services. Both
// consents are recorded on the binding; either side can end it at any time, with effect on the
// proxy's very next request.

export const PROXY_RELATIONS = ['child', 'spouse', 'parent', 'sibling', 'grandchild', 'other'] as const;
export type ProxyRelation = (typeof PROXY_RELATIONS)[number];

/** The family member's relation to the person who invites them. */
export const proxyRelationLabels: Record<ProxyRelation, string> = {
  child: '子女',
  spouse: '配偶',
  parent: '父母',
  sibling: '兄弟姐妹',
  grandchild: '孙子女、外孙子女',
  other: '其他亲属',
};

/** An invitation's code lasts this long and allows this many wrong tries. */
export const PROXY_INVITE_DAYS = 7;
export const PROXY_INVITE_MAX_ATTEMPTS = 5;
/** At most this many family members act for one person at a time. */
export const MAX_PROXIES_PER_PERSON = 3;
/** A session acting for someone lasts two hours; the binding is checked on every request as well. */
export const PROXY_SESSION_SECONDS = 2 * 3600;

/** What a family member can do for the person, as the invitation and the switch say it. */
export const PROXY_SERVICES: readonly string[] = ['求职登记', '找工作、投递简历', '领取和出示就业券', '报名培训', '预约面试', '评价服务'];

/** What stays the person's own: consents, closing the account, choosing family members, a unit's business. */
export const PROXY_NOT_ALLOWED = '同意或撤回同意、下载或注销账号、添加或解除代办人，以及单位和工作人员的业务，都只能由本人办理。';

/** How the proxy's actions are shown to both sides: "儿子 代 妈妈 办理". */
export const PROXY_ACTION_OUTCOMES = ['started', 'done', 'refused'] as const;
export type ProxyActionOutcome = (typeof PROXY_ACTION_OUTCOMES)[number];
export const proxyActionOutcomeLabels: Record<ProxyActionOutcome, string> = {
  started: '结果未知',
  done: '已办理',
  refused: '未办成',
};
