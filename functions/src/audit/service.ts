// Reading a record's audit trail, with the hash chain verified. Who may read it: the person the
// record is about (a registration), the employer's members, and staff whose jurisdiction holds it.
// Anyone else gets 404, as if it did not exist.
import { GetItemCommand } from 'dynamodb-toolbox/entity/actions/get';
import { QueryCommand } from 'dynamodb-toolbox/table/actions/query';
import { inJurisdiction, type AuditEventView } from '@doorstep/shared';
import { AuditEventEntity, EmployerEntity, EmployerMemberEntity, JobseekerRegistrationEntity, PersonApplicationEntity, VacancyEntity } from '../db/entities';
import { table } from '../db/table';
import { NotFoundError } from '../http/errors';
import type { Principal } from '../http/session';
import { findBrokenLink } from './chain';

type AuditedType = 'JobseekerRegistration' | 'Employer' | 'PersonApplication' | 'Vacancy';

/** The record's area and whether the caller is on the record's own side (owner or member). */
async function recordAccess(type: AuditedType, id: string, principal: Principal): Promise<{ areaCode: string; own: boolean } | undefined> {
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
  const staffSees = access && principal.roles.includes('staff') && inJurisdiction(access.areaCode, principal.level, principal.areaCode);
  if (!access || !(access.own || staffSees)) throw new NotFoundError('找不到这条记录');
  const events = await readAuditEvents(type, id);
  return {
    events: events.map(({ seq, at, actorId, action, fromState, toState, reason, changedFields }) => ({
      seq,
      at,
      actorId,
      action,
      fromState,
      toState,
      ...(reason ? { reason } : {}),
      ...(changedFields ? { changedFields } : {}),
    })),
    verified: findBrokenLink(events) === -1,
  };
}

/** Every event of a record's chain, in order. */
export async function readAuditEvents(type: string, id: string) {
  const events = [];
  let exclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const page = await table
      .build(QueryCommand)
      .entities(AuditEventEntity)
      .query({ partition: `AUDIT#${type}#${id}` })
      .options({ consistent: true, ...(exclusiveStartKey ? { exclusiveStartKey } : {}) })
      .send();
    events.push(...(page.Items ?? []));
    exclusiveStartKey = page.LastEvaluatedKey;
  } while (exclusiveStartKey);
  return events;
}
