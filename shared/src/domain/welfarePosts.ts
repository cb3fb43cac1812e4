// 公益性岗位 (domain.md §4.5 R20–R23, WF-29): a post is public-welfare when it is mainly publicly
// funded (government, or government-supported / socially funded), mainly places hard-to-employ
// people, and is a service or assistant-management post serving the public interest. The street
// checks on site and recognises it first; the district confirms. Confirmed posts form the area's
// reserve, the safety net (托底) a specialist places a case's person into.

export const WELFARE_FUNDING = ['government', 'supported', 'social'] as const;
export type WelfareFunding = (typeof WELFARE_FUNDING)[number];
export const welfareFundingLabels: Record<WelfareFunding, string> = { government: '政府投资开发', supported: '政府扶持', social: '社会筹资开发' };

export const WELFARE_POST_KINDS = ['service', 'assistant_management'] as const;
export type WelfarePostKind = (typeof WELFARE_POST_KINDS)[number];
export const welfarePostKindLabels: Record<WelfarePostKind, string> = { service: '公共服务类（保洁、绿化、治安巡防、托老托幼等）', assistant_management: '辅助管理类（社区协管、劳动保障协理等）' };

export const WELFARE_POST_STATUSES = ['pending_street', 'pending_district', 'confirmed', 'rejected'] as const;
export type WelfarePostStatus = (typeof WELFARE_POST_STATUSES)[number];
export const welfarePostStatusLabels: Record<WelfarePostStatus, string> = {
  pending_street: '待街道实地核查',
  pending_district: '待区级确认',
  confirmed: '已确认，可安置',
  rejected: '未通过',
};

/** R20's three conditions on what the unit declares; each unmet one named, in Chinese, for its field. */
export function welfarePostCheck(p: { funding: WelfareFunding; kind: WelfarePostKind; forHardToEmploy: boolean; publicInterest: boolean }): { path: string; message: string }[] {
  const unmet: { path: string; message: string }[] = [];
  if (!WELFARE_FUNDING.includes(p.funding)) unmet.push({ path: 'funding', message: '公益性岗位须以政府投资或扶持、社会筹资为主' });
  if (!p.forHardToEmploy) unmet.push({ path: 'forHardToEmploy', message: '公益性岗位须主要安置就业困难人员' });
  if (!p.publicInterest) unmet.push({ path: 'publicInterest', message: '公益性岗位须是满足社会公共利益需要的服务或辅助管理岗位' });
  return unmet;
}
