// Voucher programmes (券种): created by district staff and approved by finance, which splits the
// quota and budget over shards. Issuing them is in issuing.ts.
import { GetItemCommand } from 'dynamodb-toolbox/entity/actions/get';
import { PutTransaction } from 'dynamodb-toolbox/entity/actions/transactPut';
import { execute } from 'dynamodb-toolbox/entity/actions/transactWrite';
import { QueryCommand } from 'dynamodb-toolbox/table/actions/query';
import { ulid } from 'ulid';
import {
  isWithinArea,
  shardCountFor,
  splitBudget,
  splitEvenly,
  todayInChina,
  type Programme,
  type ProgrammeBody,
} from '@doorstep/shared';
import { areaFullName, isKnownArea } from '../areas/dataset';
import { formatAuditHead, nextAuditEvent, parseAuditHead } from '../audit/events';
import { PROGRAMMES_PARTITION, QuotaShardEntity, VoucherProgrammeEntity, programmeAreaPartition } from './entities';
import { cancelledTransaction } from '../db/errors';
import { table } from '../db/table';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../http/errors';
import type { Principal } from '../http/session';
import { concerns, scopeOf } from './access';
import { allProgrammes, loadProgramme, type StoredProgramme } from './store';

async function remainingOf(p: StoredProgramme): Promise<Programme['remaining']> {
  const { Items = [] } = await table
    .build(QueryCommand)
    .entities(QuotaShardEntity)
    .query({ partition: `VPROG#${p.programmeId}`, range: { beginsWith: 'SHARD#' } })
    .options({ consistent: true })
    .send();
  return { quota: Items.reduce((n, s) => n + s.quotaLeft, 0), budgetFen: Items.reduce((n, s) => n + s.budgetLeftFen, 0) };
}

export async function toProgrammeView(p: StoredProgramme, withRemaining = false): Promise<Programme> {
  return {
    id: p.programmeId,
    name: p.name,
    kind: p.kind,
    serviceName: p.serviceName,
    faceValueFen: p.faceValueFen,
    holderType: p.holderType ?? 'person',
    targetGroups: p.targetGroups as Programme['targetGroups'],
    providerTypes: p.providerTypes as Programme['providerTypes'],
    areaCode: p.areaCode,
    areaName: p.areaName,
    budgetFen: p.budgetFen,
    quota: p.quota,
    claimFrom: p.claimFrom,
    claimUntil: p.claimUntil,
    validityDays: p.validityDays,
    perPersonLimit: p.perPersonLimit,
    status: p.status,
    ...(withRemaining && p.status === 'approved' ? { remaining: await remainingOf(p) } : {}),
    createdAt: p.createdAt,
    ...(p.approvedAt ? { approvedAt: p.approvedAt } : {}),
  };
}

export async function createProgramme(principal: Principal, body: ProgrammeBody): Promise<Programme> {
  const scope = scopeOf(principal);
  if (principal.level !== 'district' && principal.level !== 'city') throw new ForbiddenError('就业券券种由区级或市级工作人员设立');
  if (!isKnownArea(body.areaCode)) throw new ValidationError([{ path: ['areaCode'], message: '没有这个区划代码' }]);
  if (!isWithinArea(body.areaCode, scope)) throw new ValidationError([{ path: ['areaCode'], message: '发放区域须在您的辖区内' }]);
  if (body.claimUntil < todayInChina()) throw new ValidationError([{ path: ['claimUntil'], message: '领取截止日已经过了' }]);
  const now = new Date().toISOString();
  const programmeId = ulid();
  const audit = nextAuditEvent(undefined, { recordType: 'VoucherProgramme', recordId: programmeId, actorId: principal.userId, at: now, action: 'create', fromState: 'none', toState: 'pending_approval' });
  const item: StoredProgramme = {
    programmeId,
    ...body,
    areaName: areaFullName(body.areaCode),
    shards: shardCountFor(body.quota),
    status: 'pending_approval',
    createdBy: principal.userId,
    createdAt: now,
    updatedAt: now,
    version: 1,
    auditHead: formatAuditHead(audit.head),
    gsi1pk: PROGRAMMES_PARTITION,
    gsi1sk: `${now}#${programmeId}`,
  };
  await execute(VoucherProgrammeEntity.build(PutTransaction).item(item).options({ condition: { attr: 'programmeId', exists: false } }), audit.put);
  return toProgrammeView(item);
}

/** Programmes concerning the caller's jurisdiction, newest first. There are few: one partition, read whole. */
export async function listProgrammes(principal: Principal): Promise<Programme[]> {
  const scope = scopeOf(principal);
  const all = await allProgrammes();
  return Promise.all(all.filter((p) => concerns(p.areaCode, scope)).map((p) => toProgrammeView(p, true)));
}

/** Finance approves the budget: the quota and budget are split over shards that claims draw from. */
export async function approveProgramme(principal: Principal, programmeId: string): Promise<Programme> {
  const scope = scopeOf(principal);
  const p = await loadProgramme(programmeId);
  if (!p || !isWithinArea(p.areaCode, scope)) throw new NotFoundError('找不到这个券种');
  if (p.status !== 'pending_approval') throw new ConflictError('这个券种已经审批过了');
  if (p.createdBy === principal.userId) throw new ForbiddenError('设立券种的人不能自己审批预算');
  const now = new Date().toISOString();
  const audit = nextAuditEvent(parseAuditHead(p.auditHead), { recordType: 'VoucherProgramme', recordId: programmeId, actorId: principal.userId, at: now, action: 'approve', fromState: p.status, toState: 'approved' });
  const quotas = splitEvenly(p.quota, p.shards);
  const budgets = splitBudget(p.budgetFen, p.faceValueFen, p.shards);
  const next: StoredProgramme = {
    ...p,
    status: 'approved',
    approvedBy: principal.userId,
    approvedAt: now,
    updatedAt: now,
    version: p.version + 1,
    auditHead: formatAuditHead(audit.head),
    gsi2pk: programmeAreaPartition(p.areaCode),
    gsi2sk: `${p.claimUntil}#${programmeId}`,
  };
  try {
    await execute(
      VoucherProgrammeEntity.build(PutTransaction).item(next).options({ condition: { and: [{ attr: 'status', eq: 'pending_approval' }, { attr: 'version', eq: p.version }] } }),
      audit.put,
      ...quotas.map((quotaLeft, shard) =>
        QuotaShardEntity.build(PutTransaction).item({ programmeId, shard, quotaLeft, budgetLeftFen: budgets[shard] }).options({ condition: { attr: 'shard', exists: false } }),
      ),
    );
  } catch (err) {
    if (cancelledTransaction(err)) throw new ConflictError('这个券种刚刚被审批过了');
    throw err;
  }
  return toProgrammeView(next, true);
}
