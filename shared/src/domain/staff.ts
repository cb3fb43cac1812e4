// Staff administration (issue 18): the four levels of government (city, district, street,
// community) set who works where with which roles, each administrator inside their own
// jurisdiction. What an administrator may give is decided here, for the API and the app alike.
import { areaLevelOf } from './areas';
import { STAFF_LEVELS, type StaffLevelName } from './jurisdiction';

/** The roles an administrator gives; everyone is a `jobseeker` (a citizen) besides. */
export const STAFF_ROLES = ['staff', 'finance', 'admin'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

export const staffRoleLabels: Record<StaffRole, string> = {
  staff: '业务经办（审核、待办、数据看板）',
  finance: '财务（预算审批、结算拨付）',
  admin: '管理员（人员与权限、访问记录）',
};

export const staffLevelLabels: Record<StaffLevelName, string> = { community: '社区', street: '街道', district: '区县', city: '市' };

export const STAFF_INVITE_DAYS = 7;
export const STAFF_INVITE_MAX_ATTEMPTS = 5;

/** The level of an area code that staff can work at (4 digits a city, … 12 a community). */
export function staffLevelOf(areaCode: string): StaffLevelName | undefined {
  const level = areaLevelOf(areaCode);
  return level && (STAFF_LEVELS as readonly string[]).includes(level) ? (level as StaffLevelName) : undefined;
}

/** Higher levels first: city 3 … community 0. */
const rank = (level: StaffLevelName) => STAFF_LEVELS.indexOf(level);

export interface StaffPlace {
  level: StaffLevelName;
  areaCode: string;
  roles: readonly string[];
}

/**
 * Why `admin` may not give `target` (a place and roles), or undefined if they may: the area must be
 * inside the administrator's own (never above or beside); the roles must be ones they hold; and an
 * administrator is named only for a level below their own.
 */
export function assignmentRefusal(admin: StaffPlace, target: { areaCode: string; roles: readonly StaffRole[] }): string | undefined {
  const level = staffLevelOf(target.areaCode);
  if (!level) return '请选择市、区（县）、街道或社区';
  if (!admin.roles.includes('admin')) return '只有管理员可以设置工作人员';
  if (!target.areaCode.startsWith(admin.areaCode) || rank(level) > rank(admin.level)) return '只能设置本辖区（及以下）的工作人员';
  if (target.roles.length === 0) return '请至少选择一项权限';
  const missing = target.roles.filter((r) => !admin.roles.includes(r));
  if (missing.length) return `您没有“${missing.map((r) => staffRoleLabels[r]).join('、')}”权限，不能授予别人`;
  if (target.roles.includes('admin') && rank(level) >= rank(admin.level)) return '只能为下级区域设置管理员';
  return undefined;
}
