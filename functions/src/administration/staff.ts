// 人员与权限: administrators set who works where with which roles, each inside their own
// jurisdiction (shared/src/domain/staff.ts decides what they may give). The account (User) and the
// staff record change in one transaction with the account's audit event and the area's count of
// administrators; the wrapper reads the account on every request, so a change counts at once.
import { createHash, randomInt, timingSafeEqual } from 'node:crypto';
import { DeleteItemCommand } from 'dynamodb-toolbox/entity/actions/delete';
import { GetItemCommand } from 'dynamodb-toolbox/entity/actions/get';
import { PutItemCommand } from 'dynamodb-toolbox/entity/actions/put';
import { DeleteTransaction } from 'dynamodb-toolbox/entity/actions/transactDelete';
import { PutTransaction } from 'dynamodb-toolbox/entity/actions/transactPut';
import { UpdateTransaction } from 'dynamodb-toolbox/entity/actions/transactUpdate';
import { $add, $remove, $set } from 'dynamodb-toolbox/entity/actions/update';
import { execute } from 'dynamodb-toolbox/entity/actions/transactWrite';
import { QueryCommand } from 'dynamodb-toolbox/table/actions/query';
import type { FormattedItem } from 'dynamodb-toolbox/entity';
import {
  assignmentRefusal,
  maskPhone,
  STAFF_INVITE_DAYS,
  STAFF_INVITE_MAX_ATTEMPTS,
  STAFF_ROLES,
  staffLevelOf,
  type InviteStaffBody,
  type StaffMember,
  type StaffPlace,
  type StaffRole,
} from '@doorstep/shared';
import { formatAuditHead, nextAuditEvent, parseAuditHead } from '../audit/events';
import { getUser } from '../auth/users';
import { areaFullName, isKnownArea } from '../areas/dataset';
import { decodeKeyCursor, encodeKeyCursor } from '../db/cursor';
import { UserEntity } from '../db/entities';
import { AreaAdminsEntity, StaffInvitationEntity, StaffMemberEntity, staffInvitationIndexKeys, staffMemberIndexKeys } from './entities';
import { cancelledTransaction, isConditionFailure } from '../db/errors';
import { table } from '../db/table';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../http/errors';
import type { Principal } from '../http/session';

type StoredMember = FormattedItem<typeof StaffMemberEntity>;
type StoredInvitation = FormattedItem<typeof StaffInvitationEntity>;

export const BOOTSTRAP_ACTOR = 'system:bootstrap';
const RECORD = 'StaffAccount';
const isStaffRole = (r: string): r is StaffRole => (STAFF_ROLES as readonly string[]).includes(r);
const hashCode = (areaCode: string, phone: string, code: string) => createHash('sha256').update(`staff:${areaCode}:${phone}:${code}`).digest('hex');

export function toMemberView(m: StoredMember): StaffMember {
  return {
    userId: m.userId,
    name: m.name,
    phone: maskPhone(m.phone),
    level: m.level as StaffMember['level'],
    areaCode: m.areaCode,
    areaName: areaFullName(m.areaCode),
    roles: m.roles.filter(isStaffRole),
    addedBy: m.addedBy === BOOTSTRAP_ACTOR ? '系统初始化' : m.addedByName,
    addedAt: m.addedAt,
    updatedAt: m.updatedAt,
    version: m.version,
  };
}

const toInvitationView = (i: StoredInvitation) => ({
  phone: maskPhone(i.phone),
  name: i.name,
  level: i.level as StaffMember['level'],
  areaCode: i.areaCode,
  areaName: areaFullName(i.areaCode),
  roles: i.roles.filter(isStaffRole),
  invitedBy: i.invitedByName,
  expiresAt: i.expiresAt,
  createdAt: i.createdAt,
});

/** The administrator's own place: 403 for an administrator without a jurisdiction. */
function placeOf(principal: Principal): StaffPlace {
  if (!principal.level || !principal.areaCode) throw new ForbiddenError('您的账号没有辖区，请联系上级管理员');
  return { level: principal.level, areaCode: principal.areaCode, roles: principal.roles };
}

async function loadMember(userId: string, consistent = true): Promise<StoredMember | undefined> {
  const { Item } = await StaffMemberEntity.build(GetItemCommand).key({ userId }).options({ consistent }).send();
  return Item;
}

/** The administrator's name as colleagues read it (their staff record), for who added whom. */
export async function nameOf(principal: Principal): Promise<string> {
  return (await loadMember(principal.userId, false))?.name ?? '管理员';
}

/** An invitation (a new one to the same phone and area replaces the old one and its code). */
export async function createInvitation(body: InviteStaffBody, by: { id: string; name: string }) {
  const level = staffLevelOf(body.areaCode)!;
  const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
  const now = new Date();
  const expiresAt = new Date(now.getTime() + STAFF_INVITE_DAYS * 86400_000);
  const invitation: StoredInvitation = {
    areaCode: body.areaCode,
    phone: body.phone,
    name: body.name,
    level,
    roles: body.roles,
    codeHash: hashCode(body.areaCode, body.phone, code),
    attempts: 0,
    expiresAt: expiresAt.toISOString(),
    invitedBy: by.id,
    invitedByName: by.name,
    createdAt: now.toISOString(),
    ttl: Math.floor(expiresAt.getTime() / 1000),
    ...staffInvitationIndexKeys(body.areaCode, body.phone),
  };
  await StaffInvitationEntity.build(PutItemCommand).item(invitation).send();
  return { invitation: toInvitationView(invitation), code };
}

export async function inviteStaff(principal: Principal, body: InviteStaffBody) {
  const refusal = assignmentRefusal(placeOf(principal), body);
  if (refusal) throw new ForbiddenError(refusal);
  if (!isKnownArea(body.areaCode)) throw new ValidationError([{ path: ['areaCode'], message: '没有这个区划代码' }]);
  return createInvitation(body, { id: principal.userId, name: await nameOf(principal) });
}

export async function cancelInvitation(principal: Principal, areaCode: string, phone: string): Promise<void> {
  if (!areaCode.startsWith(placeOf(principal).areaCode)) throw new NotFoundError('没有这个邀请');
  try {
    await StaffInvitationEntity.build(DeleteItemCommand).key({ areaCode, phone }).options({ condition: { attr: 'phone', exists: true } }).send();
  } catch (err) {
    if (isConditionFailure(err)) throw new NotFoundError('没有这个邀请');
    throw err;
  }
}

async function countWrongAttempt(i: StoredInvitation) {
  try {
    await StaffInvitationEntity.build(PutItemCommand).item({ ...i, attempts: i.attempts + 1 }).options({ condition: { attr: 'attempts', eq: i.attempts } }).send();
  } catch (err) {
    if (!isConditionFailure(err)) throw err;
  }
}

/** The account's roles with the staff roles replaced (a citizen, a unit's member, a provider stay so). */
const withStaffRoles = (roles: readonly string[], staff: readonly StaffRole[]) => Array.from(new Set(['jobseeker', ...roles.filter((r) => !isStaffRole(r)), ...staff]));

/** Writes that keep an area's count of administrators; leaving with `lastGuard` refuses the last one. */
function adminCountWrites(before: { areaCode: string; admin: boolean } | undefined, after: { areaCode: string; admin: boolean } | undefined, lastGuard: boolean) {
  const writes = [];
  if (before?.admin && !(after?.admin && after.areaCode === before.areaCode)) {
    writes.push(
      AreaAdminsEntity.build(UpdateTransaction)
        .item({ areaCode: before.areaCode, count: $add(-1) })
        .options(lastGuard ? { condition: { attr: 'count', gt: 1 } } : {}),
    );
  }
  if (after?.admin && !(before?.admin && before.areaCode === after.areaCode)) {
    writes.push(AreaAdminsEntity.build(UpdateTransaction).item({ areaCode: after.areaCode, count: $add(1) }));
  }
  return writes;
}

/** The invited person accepts with the phone and the code, and works there from their next request. */
export async function acceptInvitation(userId: string, body: { phone: string; code: string }): Promise<StaffMember> {
  const { Items = [] } = await table.build(QueryCommand).entities(StaffInvitationEntity).query({ index: 'gsi2', partition: `STAFFINVITES#${body.phone}` }).send();
  const now = new Date().toISOString();
  const live = Items.filter((i) => i.expiresAt > now);
  if (live.length === 0) throw new NotFoundError('没有发给这个手机号的工作人员邀请，或已过期。请让管理员重新邀请');
  const open = live.filter((i) => i.attempts < STAFF_INVITE_MAX_ATTEMPTS);
  if (open.length === 0) throw new ConflictError('加入码输错次数过多，请让管理员重新邀请');
  const match = open.find((i) => timingSafeEqual(Buffer.from(i.codeHash, 'hex'), Buffer.from(hashCode(i.areaCode, body.phone, body.code), 'hex')));
  if (!match) {
    await Promise.all(open.map(countWrongAttempt));
    throw new ValidationError([{ path: ['code'], message: '加入码不对，请核对' }]);
  }
  const [user, existing] = await Promise.all([getUser(userId, { consistent: true }), loadMember(userId)]);
  if (!user) throw new NotFoundError('账号不存在，请重新登录');
  if (existing?.status === 'active') throw new ConflictError('您已是工作人员。调动或增加权限请让管理员在“人员与权限”里修改');
  const roles = match.roles.filter(isStaffRole);
  const audit = nextAuditEvent(existing ? parseAuditHead(existing.auditHead) : undefined, {
    recordType: RECORD,
    recordId: userId,
    actorId: userId,
    at: now,
    action: 'join',
    fromState: existing ? 'removed' : 'none',
    toState: 'active',
    reason: `${match.invitedByName}邀请，${areaFullName(match.areaCode)}，${roles.join('、')}`,
  });
  const member: StoredMember = {
    userId,
    name: match.name,
    phone: match.phone,
    level: match.level,
    areaCode: match.areaCode,
    roles,
    status: 'active',
    addedBy: match.invitedBy,
    addedByName: match.invitedByName,
    addedAt: now,
    updatedAt: now,
    version: (existing?.version ?? 0) + 1,
    auditHead: formatAuditHead(audit.head),
    ...staffMemberIndexKeys(match.areaCode, userId, 'active'),
  };
  try {
    await execute(
      StaffInvitationEntity.build(DeleteTransaction).key({ areaCode: match.areaCode, phone: match.phone }).options({ condition: { attr: 'codeHash', eq: match.codeHash } }),
      StaffMemberEntity.build(PutTransaction)
        .item(member)
        .options({ condition: existing ? { attr: 'version', eq: existing.version } : { attr: 'userId', exists: false } }),
      UserEntity.build(UpdateTransaction)
        .item({ userId, roles: $set(withStaffRoles(user.roles, roles)), level: match.level, areaCode: match.areaCode, updatedAt: now })
        .options({ condition: { attr: 'userId', exists: true } }),
      audit.put,
      ...adminCountWrites(undefined, { areaCode: match.areaCode, admin: roles.includes('admin') }, false),
    );
  } catch (err) {
    if (cancelledTransaction(err)) throw new ConflictError('加入码刚刚被使用或已更换，请让管理员重新邀请');
    throw err;
  }
  return toMemberView(member);
}

/** A member the administrator may change: inside their area, and not an administrator at their level or above (but themselves). */
async function memberInReach(principal: Principal, userId: string): Promise<StoredMember> {
  const admin = placeOf(principal);
  const m = await loadMember(userId);
  if (!m || m.status !== 'active' || !m.areaCode.startsWith(admin.areaCode)) throw new NotFoundError('找不到这位工作人员');
  const peerAdmin = m.roles.includes('admin') && m.areaCode.length <= admin.areaCode.length;
  if (peerAdmin && userId !== principal.userId) throw new ForbiddenError('不能修改或移除同级或上级的管理员，请联系上级管理员');
  return m;
}

/** Moves a member or changes their roles; from their next request they work as changed. */
export async function updateStaff(principal: Principal, userId: string, body: { version: number; areaCode?: string; roles?: StaffRole[] }): Promise<StaffMember> {
  const m = await memberInReach(principal, userId);
  const self = userId === principal.userId;
  const areaCode = body.areaCode ?? m.areaCode;
  const roles = body.roles ?? m.roles.filter(isStaffRole);
  if (self) {
    // One's own place is the administrator above's to set; one may only give up roles.
    if (areaCode !== m.areaCode || roles.some((r) => !m.roles.includes(r))) throw new ForbiddenError('自己的辖区和权限由上级管理员设置；您只能放弃自己的权限');
  } else {
    const refusal = assignmentRefusal(placeOf(principal), { areaCode, roles });
    if (refusal) throw new ForbiddenError(refusal);
    if (!isKnownArea(areaCode)) throw new ValidationError([{ path: ['areaCode'], message: '没有这个区划代码' }]);
  }
  if (m.version !== body.version) throw new ConflictError('这位工作人员的信息刚被修改过，请刷新后再改');
  const now = new Date().toISOString();
  const level = staffLevelOf(areaCode)!;
  const user = await getUser(userId, { consistent: true });
  if (!user) throw new NotFoundError('找不到这位工作人员');
  const audit = nextAuditEvent(parseAuditHead(m.auditHead), {
    recordType: RECORD,
    recordId: userId,
    actorId: principal.userId,
    at: now,
    action: 'change',
    fromState: 'active',
    toState: 'active',
    reason: `${areaFullName(m.areaCode)} ${m.roles.join('、')} → ${areaFullName(areaCode)} ${roles.join('、')}`,
  });
  const next: StoredMember = { ...m, areaCode, level, roles, updatedAt: now, version: m.version + 1, auditHead: formatAuditHead(audit.head), ...staffMemberIndexKeys(areaCode, userId, 'active') };
  await writeChange(
    [
      StaffMemberEntity.build(PutTransaction).item(next).options({ condition: { attr: 'version', eq: m.version } }),
      UserEntity.build(UpdateTransaction).item({ userId, roles: $set(withStaffRoles(user.roles, roles)), level, areaCode, updatedAt: now }),
      audit.put,
    ],
    adminCountWrites({ areaCode: m.areaCode, admin: m.roles.includes('admin') }, { areaCode, admin: roles.includes('admin') }, self),
  );
  return toMemberView(next);
}

/** Removes a member: from their next request they are a citizen again (their other roles stay). */
export async function removeStaff(principal: Principal, userId: string): Promise<void> {
  const m = await memberInReach(principal, userId);
  const user = await getUser(userId, { consistent: true });
  const now = new Date().toISOString();
  const audit = nextAuditEvent(parseAuditHead(m.auditHead), {
    recordType: RECORD,
    recordId: userId,
    actorId: principal.userId,
    at: now,
    action: 'remove',
    fromState: 'active',
    toState: 'removed',
    reason: `${areaFullName(m.areaCode)} ${m.roles.join('、')}`,
  });
  await writeChange(
    [
      StaffMemberEntity.build(PutTransaction)
        .item({ ...m, status: 'removed', removedAt: now, updatedAt: now, version: m.version + 1, auditHead: formatAuditHead(audit.head), ...staffMemberIndexKeys(m.areaCode, userId, 'removed') })
        .options({ condition: { attr: 'version', eq: m.version } }),
      ...(user ? [UserEntity.build(UpdateTransaction).item({ userId, roles: $set(withStaffRoles(user.roles, [])), level: $remove(), areaCode: $remove(), updatedAt: now })] : []),
      audit.put,
    ],
    adminCountWrites({ areaCode: m.areaCode, admin: m.roles.includes('admin') }, undefined, userId === principal.userId),
  );
}

/** One transaction: the change, then the administrators' count (the last write, so its refusal is known). */
async function writeChange(change: Parameters<typeof execute>, counts: ReturnType<typeof adminCountWrites>): Promise<void> {
  try {
    await execute(...change, ...counts);
  } catch (err) {
    const cancelled = cancelledTransaction(err);
    if (cancelled?.conditionFailed[0]) throw new ConflictError('这位工作人员的信息刚被修改过，请刷新后再改');
    if (cancelled?.conditionFailed.slice(change.length).some(Boolean)) throw new ConflictError('您是本区域唯一的管理员，不能放弃管理员权限；请先让上级管理员再指定一位');
    if (cancelled) throw new ConflictError('刚才有别的修改，请刷新后再试');
    throw err;
  }
}

/** The staff of the administrator's area (or one area inside it), and the invitations waiting there. */
export async function listStaff(principal: Principal, query: { areaCode?: string; cursor?: string }) {
  const place = placeOf(principal);
  const scope = place.areaCode;
  const area = query.areaCode ?? scope;
  if (!area.startsWith(scope)) throw new ForbiddenError('只能查看本辖区的工作人员');
  const partition = `STAFF_AREA#${scope.slice(0, 4)}`;
  const [members, invitations] = await Promise.all([
    table
      .build(QueryCommand)
      .entities(StaffMemberEntity)
      .query({ index: 'gsi1', partition, range: { beginsWith: area } })
      .options({ limit: 50, exclusiveStartKey: decodeKeyCursor(query.cursor, 'gsi1', partition) })
      .send(),
    query.cursor
      ? undefined
      : table.build(QueryCommand).entities(StaffInvitationEntity).query({ index: 'gsi1', partition: `STAFF_INVITES#${scope.slice(0, 4)}`, range: { beginsWith: area } }).options({ limit: 100 }).send(),
  ]);
  const now = new Date().toISOString();
  return {
    scope: { areaCode: scope, areaName: areaFullName(scope), level: place.level },
    items: (members.Items ?? []).map(toMemberView),
    invitations: (invitations?.Items ?? []).filter((i) => i.expiresAt > now).map(toInvitationView),
    ...(members.LastEvaluatedKey ? { nextCursor: encodeKeyCursor(members.LastEvaluatedKey) } : {}),
  };
}
