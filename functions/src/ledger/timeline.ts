// 服务手册 (F11) on a phone: everything the product did with and for a person, newest first, from
// the same lists 我的数据 reads (privacy/personLists.ts) — so staff see what the person can. Read
// raw: the ledger's function does not carry every domain's entity definitions. Plain words, no
// personal values beyond what the titles need.
import { recognisedCategoryLabels, type RecognisedCategory } from '@doorstep/shared';
import { itemsOf, ownItems, rawList, type PersonListName, type RawItem } from '../privacy/personLists';

const LISTS = ['applications', 'jobApplications', 'referrals', 'interviews', 'enrolments', 'vouchers', 'visits', 'notices', 'fairs', 'gigTakes', 'ratings', 'complaints'] as const satisfies readonly PersonListName[];
export type TimelineSources = Record<(typeof LISTS)[number] | 'own', RawItem[]>;

export async function timelineSources(userId: string): Promise<TimelineSources> {
  const [own, ...lists] = await Promise.all([ownItems(userId), ...LISTS.map((l) => rawList(l, userId))]);
  return { own, ...Object.fromEntries(LISTS.map((l, i) => [l, lists[i]])) } as TimelineSources;
}

export interface ServiceEvent {
  at: string;
  kind: string;
  title: string;
  detail?: string;
}

type Loose = Record<string, unknown>;
const text = (v: unknown) => (typeof v === 'string' ? v : '');
/** The first of a record's time fields it has (a sort key `<time>#<id>` counts too). */
const when = (r: Loose, ...fields: string[]) => fields.map((f) => (f === 'gsi2sk' ? text(r[f]).split('#')[0] : text(r[f]))).find(Boolean) ?? '';
const vacancyTitle = (r: Loose) => {
  try {
    return text((JSON.parse(text(r.vacancyJson)) as Loose).title);
  } catch {
    return '';
  }
};

const APPLICATION_KINDS: Record<string, string> = { unemployment: '失业登记', employment: '就业登记', hardship: '就业困难人员认定' };
const STATUS_WORDS: Record<string, string> = {
  pending_street: '街道审核中',
  pending_district: '区级审核中',
  approved: '已通过',
  rejected: '未通过',
  recorded: '已登记',
  applied: '已投递',
  invited: '邀请面试',
  hired: '已录用',
  booked: '已预约',
  cancelled: '已取消',
  arrived: '已到场',
  served: '已办结',
  no_show: '未到',
  enrolled: '已报名',
  waitlisted: '候补',
  completed: '已结业',
  not_completed: '未结业',
  issued: '已发放',
  claimed: '已领取',
  redeemed: '已使用',
  settling: '已使用',
  settled: '已使用',
  expired: '已过期',
  revoked: '已收回',
  reversed: '已撤销',
  taken: '已接单',
  reported_done: '已完工待确认',
  done: '已完成',
};
const status = (r: Loose) => STATUS_WORDS[text(r.status)] ?? '';

export function serviceTimeline(r: TimelineSources, extra: ServiceEvent[] = []): ServiceEvent[] {
  const own = (sk: string) => itemsOf(r.own, sk) as Loose[];
  const events: ServiceEvent[] = [...extra];
  const add = (at: string, kind: string, title: string, detail?: string) => {
    if (at) events.push({ at, kind, title, ...(detail ? { detail } : {}) });
  };
  for (const reg of own('JOBSEEKER_REG')) add(when(reg, 'createdAt', 'updatedAt'), 'registration', '求职登记', `有效期至 ${text(reg.validUntil)}`);
  for (const c of own('CATEGORY')) add(text(c.since), 'category', `认定：${recognisedCategoryLabels[text(c.code) as RecognisedCategory] ?? text(c.code)}`, c.until ? `至 ${text(c.until)}` : undefined);
  for (const a of r.applications as Loose[]) add(when(a, 'createdAt'), 'application', `${APPLICATION_KINDS[text(a.kind)] ?? '申请'}`, status(a));
  for (const j of r.jobApplications as Loose[]) add(when(j, 'gsi2sk'), 'jobApplication', `投递岗位：${vacancyTitle(j)}`, status(j));
  for (const f of r.referrals as Loose[]) add(when(f, 'issuedAt'), 'referral', `工作人员推荐岗位：${vacancyTitle(f)}`);
  for (const i of r.interviews as Loose[]) add(when(i, 'startsAt'), 'interview', '面试', status(i));
  for (const e of r.enrolments as Loose[]) add(when(e, 'createdAt'), 'training', `培训：${text(e.courseTitle)}`, status(e));
  for (const v of r.vouchers as Loose[]) add(when(v, 'issuedAt'), 'voucher', `就业券：${text(v.programmeName)}`, status(v));
  for (const v of r.visits as Loose[]) add(when(v, 'startsAt'), 'visit', '窗口办事预约', status(v));
  for (const n of r.notices as Loose[]) add(when(n, 'createdAt'), 'notice', '一次性告知单', text(n.serviceName) || undefined);
  for (const f of r.fairs as Loose[]) add(when(f, 'createdAt'), 'fair', '报名招聘会');
  for (const g of r.gigTakes as Loose[]) add(when(g, 'takenAt'), 'gig', '零工接活', status(g));
  for (const p of own('POLICYMATCH')) add(when(p, 'matchedAt'), 'policy', '政策找人：匹配到可享受的政策');
  for (const q of r.ratings as Loose[]) add(when(q, 'createdAt'), 'rating', `服务评价 ${String(q.score ?? '')} 星`);
  for (const c of r.complaints as Loose[]) add(when(c, 'createdAt'), 'complaint', '投诉或建议', status(c));
  return events.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
}
