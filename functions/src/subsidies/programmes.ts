// Subsidy programmes (补贴项目): set up by district or city staff from the rule in force (which a
// programme may narrow: fewer months, its own amount), their budget approved by finance — as voucher
// programmes are — and withdrawn when the policy ends (nothing new is accepted then).
import { GetItemCommand } from 'dynamodb-toolbox/entity/actions/get';
import { PutTransaction } from 'dynamodb-toolbox/entity/actions/transactPut';
import { UpdateTransaction } from 'dynamodb-toolbox/entity/actions/transactUpdate';
import { $add } from 'dynamodb-toolbox/entity/actions/update/symbols';
import { execute } from 'dynamodb-toolbox/entity/actions/transactWrite';
import { QueryCommand } from 'dynamodb-toolbox/table/actions/query';
import type { FormattedItem } from 'dynamodb-toolbox/entity';
import { ulid } from 'ulid';
import {
  amountRuleText,
  isWithinArea,
  subsidyApplicant,
  subsidyKindLabels,
  subsidyRulesOn,
  todayInChina,
  type SubsidyAmount,
  type SubsidyBranch,
  type SubsidyKind,
  type SubsidyProgramme,
  type SubsidyProgrammeBody,
} from '@doorstep/shared';
import { areaFullName, isKnownArea } from '../areas/dataset';
import { formatAuditHead, nextAuditEvent, parseAuditHead } from '../audit/events';
import { cancelledTransaction } from '../db/errors';
import { queryAll } from '../db/queryAll';
import { table } from '../db/table';
import type { TransactionWrite } from '../db/transaction';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../http/errors';
import { scopeOf } from '../http/jurisdiction';
import type { RecordAnswer } from '../http/idempotency';
import type { Principal } from '../http/session';
import { SUBSIDY_PROGRAMMES_PARTITION, SubsidyBudgetEntity, SubsidyProgrammeEntity } from './entities';

export type StoredSubsidyProgramme = FormattedItem<typeof SubsidyProgrammeEntity>;

export const amountOf = (p: StoredSubsidyProgramme): SubsidyAmount =>
  p.amount.mode === 'share'
    ? { mode: 'share', shareBp: p.amount.shareBp ?? 0, capFen: p.amount.capFen ?? 0 }
    : { mode: p.amount.mode, amountFen: p.amount.amountFen ?? 0 };

export const branchesOf = (p: StoredSubsidyProgramme): SubsidyBranch[] =>
  p.branches.map((b) => ({ groups: b.groups as SubsidyBranch['groups'], ...(b.employmentKinds ? { employmentKinds: b.employmentKinds as SubsidyBranch['employmentKinds'] } : {}), maxMonths: b.maxMonths }));

/** Staff who see a programme: those whose jurisdiction is inside its area, or contains it. */
export const programmeConcerns = (areaCode: string, scope: string) => isWithinArea(areaCode, scope) || isWithinArea(scope, areaCode);

export function toProgrammeView(p: StoredSubsidyProgramme, reservedFen?: number): SubsidyProgramme {
  const kind = p.kind as SubsidyKind;
  return {
    id: p.programmeId,
    name: p.name,
    kind,
    kindName: subsidyKindLabels[kind],
    applicant: subsidyApplicant(kind),
    areaCode: p.areaCode,
    areaName: p.areaName,
    branches: branchesOf(p).map((b) => ({ groups: [...b.groups], ...(b.employmentKinds ? { employmentKinds: [...b.employmentKinds] } : {}), maxMonths: b.maxMonths })),
    amount: amountOf(p),
    amountText: amountRuleText(amountOf(p)),
    ...(p.maxMonths !== undefined ? { maxMonths: p.maxMonths } : {}),
    evidence: p.evidence,
    siteCheck: p.siteCheck,
    budgetFen: p.budgetFen,
    ...(reservedFen !== undefined ? { reservedFen } : {}),
    applyFrom: p.applyFrom,
    applyUntil: p.applyUntil,
    noticeDays: p.noticeDays,
    noticeWorkingDays: p.noticeWorkingDays,
    ruleVersion: p.ruleVersion,
    status: p.status,
    createdAt: p.createdAt,
    ...(p.approvedAt ? { approvedAt: p.approvedAt } : {}),
    ...(p.topUp ? { topUp: { addFen: p.topUp.addFen, reason: p.topUp.reason, at: p.topUp.at } } : {}),
  };
}

export async function loadSubsidyProgramme(programmeId: string): Promise<StoredSubsidyProgramme | undefined> {
  const { Item } = await SubsidyProgrammeEntity.build(GetItemCommand).key({ programmeId }).options({ consistent: true }).send();
  return Item;
}

/** Every programme, newest first. Few: one partition, read whole. */
export async function allSubsidyProgrammes(): Promise<StoredSubsidyProgramme[]> {
  return queryAll((start) =>
    table
      .build(QueryCommand)
      .entities(SubsidyProgrammeEntity)
      .query({ index: 'gsi1', partition: SUBSIDY_PROGRAMMES_PARTITION })
      .options({ reverse: true, ...(start ? { exclusiveStartKey: start } : {}) })
      .send(),
  );
}

export async function reservedOf(programmeId: string): Promise<number> {
  const { Item } = await SubsidyBudgetEntity.build(GetItemCommand).key({ programmeId }).options({ consistent: true }).send();
  return Item ? Item.budgetFen - Item.leftFen : 0;
}

/** Open for applications today: approved, not withdrawn, inside its dates. */
export const programmeOpen = (p: StoredSubsidyProgramme, today = todayInChina()) => p.status === 'approved' && p.applyFrom <= today && today <= p.applyUntil;

export async function createSubsidyProgramme(principal: Principal, body: SubsidyProgrammeBody): Promise<SubsidyProgramme> {
  const scope = scopeOf(principal);
  if (principal.level !== 'district' && principal.level !== 'city') throw new ForbiddenError('补贴项目由区级或市级工作人员设立');
  if (!isKnownArea(body.areaCode)) throw new ValidationError([{ path: ['areaCode'], message: '没有这个区划代码' }]);
  if (!isWithinArea(body.areaCode, scope)) throw new ValidationError([{ path: ['areaCode'], message: '补贴项目的区域须在您的辖区内' }]);
  const today = todayInChina();
  if (body.applyUntil < today) throw new ValidationError([{ path: ['applyUntil'], message: '申请截止日已经过了' }]);
  const rules = subsidyRulesOn(today);
  const rule = rules.subsidies[body.kind];
  const branches = body.branches ?? rule.branches;
  // A programme may narrow the rule, never widen it: no branch longer than the rule's longest.
  const longest = Math.max(...rule.branches.map((b) => b.maxMonths));
  if (branches.some((b) => b.maxMonths > longest)) throw new ValidationError([{ path: ['branches'], message: `这项补贴按政策最多${longest}个月` }]);
  const amount = body.amount ?? rule.amount;
  const now = new Date().toISOString();
  const programmeId = ulid();
  const audit = nextAuditEvent(undefined, { recordType: 'SubsidyProgramme', recordId: programmeId, actorId: principal.userId, at: now, action: 'create', fromState: 'none', toState: 'pending_approval' });
  const item: StoredSubsidyProgramme = {
    programmeId,
    name: body.name,
    kind: body.kind,
    areaCode: body.areaCode,
    areaName: areaFullName(body.areaCode),
    branches: branches.map((b) => ({ groups: [...b.groups], ...(b.employmentKinds ? { employmentKinds: [...b.employmentKinds] } : {}), maxMonths: b.maxMonths })),
    amount: { ...amount },
    ...(body.maxMonths !== undefined ? { maxMonths: body.maxMonths } : {}),
    evidence: rule.evidence.map((e) => ({ ...e })),
    siteCheck: rule.siteCheck,
    budgetFen: body.budgetFen,
    applyFrom: body.applyFrom,
    applyUntil: body.applyUntil,
    noticeDays: body.noticeDays ?? rules.noticePeriod.days,
    noticeWorkingDays: body.noticeWorkingDays ?? rules.noticePeriod.unit === 'working',
    ruleVersion: rules.version,
    status: 'pending_approval',
    createdBy: principal.userId,
    createdAt: now,
    updatedAt: now,
    version: 1,
    auditHead: formatAuditHead(audit.head),
    gsi1pk: SUBSIDY_PROGRAMMES_PARTITION,
    gsi1sk: `${now}#${programmeId}`,
  };
  await execute(SubsidyProgrammeEntity.build(PutTransaction).item(item).options({ condition: { attr: 'programmeId', exists: false } }), audit.put);
  return toProgrammeView(item);
}

export async function listSubsidyProgrammes(principal: Principal): Promise<SubsidyProgramme[]> {
  const scope = scopeOf(principal);
  const mine = (await allSubsidyProgrammes()).filter((p) => programmeConcerns(p.areaCode, scope));
  return Promise.all(mine.map(async (p) => toProgrammeView(p, await reservedOf(p.programmeId))));
}

async function programmeInScope(principal: Principal, programmeId: string): Promise<StoredSubsidyProgramme> {
  const p = await loadSubsidyProgramme(programmeId);
  if (!p || !isWithinArea(p.areaCode, scopeOf(principal))) throw new NotFoundError('找不到这个补贴项目');
  return p;
}

async function advance(p: StoredSubsidyProgramme, actorId: string, action: string, next: StoredSubsidyProgramme, ...more: TransactionWrite[]) {
  const audit = nextAuditEvent(parseAuditHead(p.auditHead), { recordType: 'SubsidyProgramme', recordId: p.programmeId, actorId, at: next.updatedAt, action, fromState: p.status, toState: next.status });
  try {
    await execute(
      SubsidyProgrammeEntity.build(PutTransaction)
        .item({ ...next, version: p.version + 1, auditHead: formatAuditHead(audit.head) })
        .options({ condition: { attr: 'version', eq: p.version } }),
      audit.put,
      ...more,
    );
  } catch (err) {
    if (cancelledTransaction(err)) throw new ConflictError('这个补贴项目刚刚被同事处理过，请刷新');
    throw err;
  }
}

/** Finance approves the budget; the one who set the programme up cannot. */
export async function approveSubsidyProgramme(principal: Principal, programmeId: string): Promise<SubsidyProgramme> {
  const p = await programmeInScope(principal, programmeId);
  if (p.status !== 'pending_approval') throw new ConflictError('这个补贴项目已经审批过了');
  if (p.createdBy === principal.userId) throw new ForbiddenError('设立补贴项目的人不能自己审批预算');
  const now = new Date().toISOString();
  const next: StoredSubsidyProgramme = { ...p, status: 'approved', approvedBy: principal.userId, approvedAt: now, updatedAt: now };
  await advance(p, principal.userId, 'approve', next, SubsidyBudgetEntity.build(PutTransaction).item({ programmeId, budgetFen: p.budgetFen, leftFen: p.budgetFen }).options({ condition: { attr: 'programmeId', exists: false } }));
  return toProgrammeView(next, 0);
}

/** 追加预算: the district asks (with its reason); one waits for finance at a time. */
export async function requestTopUp(principal: Principal, programmeId: string, body: { addFen: number; reason: string }): Promise<SubsidyProgramme> {
  if (principal.level !== 'district' && principal.level !== 'city') throw new ForbiddenError('追加预算由区级或市级工作人员申请');
  const p = await programmeInScope(principal, programmeId);
  if (p.status !== 'approved') throw new ConflictError(p.status === 'withdrawn' ? '这个补贴项目已经撤回，不能追加预算' : '预算审批后才能追加');
  if (p.topUp) throw new ConflictError('已有一笔追加预算等待财务审批');
  const now = new Date().toISOString();
  const next: StoredSubsidyProgramme = { ...p, topUp: { addFen: body.addFen, reason: body.reason, by: principal.userId, at: now }, updatedAt: now };
  await advance(p, principal.userId, 'request_top_up', next);
  return toProgrammeView(next, await reservedOf(programmeId));
}

/**
 * Finance approves the top-up (not the one who asked): the budget and what is left of it grow in
 * the same transaction as the programme, so approvals waiting for budget can be made again.
 */
export async function approveTopUp(principal: Principal, programmeId: string, record?: RecordAnswer<{ programme: SubsidyProgramme }>): Promise<{ programme: SubsidyProgramme }> {
  const p = await programmeInScope(principal, programmeId);
  if (!p.topUp) throw new ConflictError('没有等待审批的追加预算');
  if (p.topUp.by === principal.userId) throw new ForbiddenError('申请追加预算的人不能自己审批');
  const add = p.topUp.addFen;
  const now = new Date().toISOString();
  const next: StoredSubsidyProgramme = { ...p, topUp: undefined, budgetFen: p.budgetFen + add, updatedAt: now };
  // What is reserved does not move: the budget and what is left of it grow alike.
  const answer = { programme: toProgrammeView(next, await reservedOf(programmeId)) };
  await advance(
    p,
    principal.userId,
    'approve_top_up',
    next,
    SubsidyBudgetEntity.build(UpdateTransaction).item({ programmeId, budgetFen: $add(add), leftFen: $add(add) }).options({ condition: { attr: 'programmeId', exists: true } }),
    ...(record ? [record(answer)] : []),
  );
  return answer;
}

export async function withdrawSubsidyProgramme(principal: Principal, programmeId: string, reason: string): Promise<SubsidyProgramme> {
  const p = await programmeInScope(principal, programmeId);
  if (p.status === 'withdrawn') throw new ConflictError('这个补贴项目已经撤回了');
  const now = new Date().toISOString();
  const next: StoredSubsidyProgramme = { ...p, status: 'withdrawn', withdrawnReason: reason, updatedAt: now };
  await advance(p, principal.userId, 'withdraw', next);
  return toProgrammeView(next, await reservedOf(programmeId));
}
