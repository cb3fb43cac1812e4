// Reading a record's audit trail, with the hash chain verified. Who may read it: the person the
// record is about (a registration), the employer's members, and staff whose jurisdiction holds it.
// Anyone else gets 404, as if it did not exist.
import { GetItemCommand } from 'dynamodb-toolbox/entity/actions/get';
import { inJurisdiction, isWithinArea, staffScope, type AUDITED_TYPES, type AuditEventView } from '@doorstep/shared';
import { SubsidyApplicationEntity } from '../subsidies/entities';
import { AuditEventEntity, EmployerEntity, EmployerMemberEntity, JobseekerRegistrationEntity, PersonApplicationEntity, VacancyEntity } from '../db/entities';
import { BatchEntity, VoucherEntity, VoucherProgrammeEntity } from '../vouchers/entities';
import { StaffMemberEntity } from '../administration/entities';
import { NotFoundError } from '../http/errors';
import type { Principal } from '../http/session';
import { findBrokenLink } from './chain';
import { readAuditEvents } from './events';

export { readAuditEvents };

type AuditedType = (typeof AUDITED_TYPES)[number];

/** The record's area and whether the caller is on the record's own side (owner or member). */
async function recordAccess(type: AuditedType, id: string, principal: Principal): Promise<{ areaCode: string; own: boolean; money?: boolean; admin?: boolean } | undefined> {
  // A staff account's changes: the officer, and the administrators of their area.
  if (type === 'StaffAccount') {
    const { Item } = await StaffMemberEntity.build(GetItemCommand).key({ userId: id }).send();
    return Item && { areaCode: Item.areaCode, own: id === principal.userId, admin: true };
  }
  if (type === 'JobseekerRegistration') {
    const { Item } = await JobseekerRegistrationEntity.build(GetItemCommand).key({ userId: id }).send();
    return Item && { areaCode: Item.residence.areaCode, own: id === principal.userId };
  }
  if (type === 'Vacancy') {
    const { Item } = await VacancyEntity.build(GetItemCommand).key({ vacancyId: id }).send();
    if (!Item) return undefined;
    const { Item: member } = await EmployerMemberEntity.build(GetItemCommand).key({ employerId: Item.employerId, userId: principal.userId }).send();
    return { areaCode: Item.areaCode, own: member !== undefined };
  }
  // Money records: the holder sees their voucher; the redeeming provider's members see it too;
  // staff and finance see those of their area (a programme's area, which may contain theirs).
  if (type === 'Voucher') {
    const { Item } = await VoucherEntity.build(GetItemCommand).key({ voucherId: id }).send();
    if (!Item) return undefined;
    const member = Item.providerId ? (await EmployerMemberEntity.build(GetItemCommand).key({ employerId: Item.providerId, userId: principal.userId }).send()).Item : undefined;
    return { areaCode: Item.programmeAreaCode, own: Item.holderId === principal.userId || member !== undefined, money: true };
  }
  if (type === 'VoucherProgramme') {
    const { Item } = await VoucherProgrammeEntity.build(GetItemCommand).key({ programmeId: id }).send();
    return Item && { areaCode: Item.areaCode, own: false, money: true };
  }
  if (type === 'SettlementBatch') {
    const { Item } = await BatchEntity.build(GetItemCommand).key({ batchId: id }).send();
    return Item && { areaCode: Item.areaCode, own: false, money: true };
  }
  // A subsidy application: the person it is about, the unit that applied, staff and finance of its area.
  if (type === 'SubsidyApplication') {
    const { Item } = await SubsidyApplicationEntity.build(GetItemCommand).key({ applicationId: id }).send();
    if (!Item) return undefined;
    const member = Item.employerId ? (await EmployerMemberEntity.build(GetItemCommand).key({ employerId: Item.employerId, userId: principal.userId }).send()).Item : undefined;
    return { areaCode: Item.areaCode, own: Item.userId === principal.userId || member !== undefined, money: true };
  }
  if (type === 'PersonApplication') {
    const { Item } = await PersonApplicationEntity.build(GetItemCommand).key({ applicationId: id }).send();
    return Item && { areaCode: Item.areaCode, own: Item.userId === principal.userId };
  }
  const [{ Item: employer }, { Item: member }] = await Promise.all([
    EmployerEntity.build(GetItemCommand).key({ employerId: id }).send(),
    EmployerMemberEntity.build(GetItemCommand).key({ employerId: id, userId: principal.userId }).send(),
  ]);
  return employer && { areaCode: employer.address.areaCode, own: member !== undefined };
}

export async function auditTrail(principal: Principal, type: AuditedType, id: string): Promise<{ events: AuditEventView[]; verified: boolean }> {
  const access = await recordAccess(type, id, principal);
  const scope = staffScope(principal.level, principal.areaCode);
  const official = access?.admin ? principal.roles.includes('admin') : principal.roles.includes('staff') || (access?.money === true && principal.roles.includes('finance'));
  // A programme-wide record (a district programme) concerns the streets inside it too.
  const staffSees = access && official && scope !== undefined && (inJurisdiction(access.areaCode, principal.level, principal.areaCode) || (access.money === true && isWithinArea(scope, access.areaCode)));
  if (!access || !(access.own || staffSees)) throw new NotFoundError('找不到这条记录');
  const events = await readAuditEvents(type, id);
  return {
    events: events.map(({ seq, at, actorId, action, fromState, toState, reason, changedFields, proxyId }) => ({
      seq,
      at,
      actorId,
      action,
      fromState,
      toState,
      ...(reason ? { reason } : {}),
      ...(changedFields ? { changedFields } : {}),
      ...(proxyId ? { proxyId } : {}),
    })),
    verified: findBrokenLink(events) === -1,
  };
}
