// Staff review, level by level (WF-38/WF-39): a community or the street takes in and reviews first —
// with the site-check record where the rule asks for one — then the district reviews within five
// working days (a task with its timer) and, approving, reserves the amount from the budget under a
// condition, so approvals at once never pass the budget. Each refusal carries a reason the person reads.
import { QueryCommand } from 'dynamodb-toolbox/table/actions/query';
import { execute } from 'dynamodb-toolbox/entity/actions/transactWrite';
import { ulid } from 'ulid';
import { fenToYuanText, isWithinArea, maskName, subsidyRulesOn, subsidyRulesVersion, taskDue, todayInChina, type SubsidyStage } from '@doorstep/shared';
import { areaFullName } from '../areas/dataset';
import { retryConflicts } from '../concurrency';
import { decodeKeyCursor, encodeKeyCursor } from '../db/cursor';
import { cancelledTransaction } from '../db/errors';
import { table } from '../db/table';
import type { TransactionWrite } from '../db/transaction';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../http/errors';
import type { RecordAnswer } from '../http/idempotency';
import { scopeOf } from '../http/jurisdiction';
import type { Principal } from '../http/session';
import { recordAccess } from '../access/log';
import { viewLink } from '../uploads/viewLinks';
import { closeTask, openTask } from '../tasks/tasks';
import { SubsidyApplicationEntity } from './entities';
import { applicationPut, loadApplication, movedApplication, toApplicationView, type StoredSubsidyApplication } from './applications';
import { reserveBudgetWrite } from './ledgerRows';
import { loadSubsidyProgramme, programmeConcerns } from './programmes';

export function toStaffRow(a: StoredSubsidyApplication) {
  return {
    ...toApplicationView(a),
    personName: a.personName,
    idNumberMasked: a.idNumberMasked,
    communityName: areaFullName(a.areaCode),
    ...(a.districtDueOn && a.stage === 'street_approved' ? { districtDueOn: a.districtDueOn } : {}),
  };
}

/** A programme's applications at one stage in the caller's jurisdiction: one `begins_with` Query. */
export async function listApplications(principal: Principal, query: { programmeId: string; stage: SubsidyStage; cursor?: string }) {
  const scope = scopeOf(principal);
  const p = await loadSubsidyProgramme(query.programmeId);
  if (!p || !programmeConcerns(p.areaCode, scope)) return { items: [] };
  const partition = `SUBQ#${query.programmeId}#${query.stage}`;
  const page = await table
    .build(QueryCommand)
    .entities(SubsidyApplicationEntity)
    .query({ index: 'gsi1', partition, range: { beginsWith: scope } })
    .options({ limit: 20, ...(query.cursor ? { exclusiveStartKey: decodeKeyCursor(query.cursor, 'gsi1', partition) } : {}) })
    .send();
  return {
    items: (page.Items ?? []).map(toStaffRow),
    ...(page.LastEvaluatedKey ? { nextCursor: encodeKeyCursor(page.LastEvaluatedKey as Record<string, string>) } : {}),
  };
}

/** One application for the reviewer, its photos as short-lived links; a look at the person, in their 访问记录. */
export async function staffApplication(principal: Principal, applicationId: string, route: string) {
  const a = await inScope(principal, applicationId);
  const p = await loadSubsidyProgramme(a.programmeId);
  const labelOf = (code: string) => p?.evidence.find((e) => e.code === code)?.label ?? code;
  const evidence = await Promise.all(a.evidence.map(async (e) => ({ code: e.code, label: labelOf(e.code), url: await viewLink(e.key) })));
  const siteCheck = a.siteCheck ? { checkedAt: a.siteCheck.checkedAt, place: a.siteCheck.place, finding: a.siteCheck.finding, photoUrl: await viewLink(a.siteCheck.photoKey) } : undefined;
  const canReview =
    (a.stage === 'submitted' && (principal.level === 'community' || principal.level === 'street')) || (a.stage === 'street_approved' && principal.level === 'district');
  await recordAccess(principal, { personId: a.userId, personName: a.personName, kind: 'subsidy', route });
  return { application: { ...toStaffRow(a), evidence, ...(siteCheck ? { siteCheck } : {}), canReview, siteCheckRequired: a.stage === 'submitted' && !!p?.siteCheck } };
}

type ReviewBody = { decision: 'approve' | 'refuse'; reason?: string; siteCheck?: { checkedAt: string; place: string; photoKey: string; finding: string } };

async function inScope(principal: Principal, applicationId: string): Promise<StoredSubsidyApplication> {
  const a = await loadApplication(applicationId);
  if (!a || !isWithinArea(a.areaCode, scopeOf(principal))) throw new NotFoundError('找不到这份申请');
  return a;
}

export async function reviewApplication(principal: Principal, applicationId: string, body: ReviewBody, record: RecordAnswer<{ application: ReturnType<typeof toStaffRow> }> | undefined) {
  if (body.decision === 'refuse' && !body.reason) throw new ValidationError([{ path: ['reason'], message: '不通过须写明理由，申请人能看到' }]);
  const a = await inScope(principal, applicationId);
  if (a.stage === 'submitted') return streetReview(principal, a, body, record);
  if (a.stage === 'street_approved') return districtReview(principal, a, body, record);
  throw new ConflictError('这份申请已经审核过了');
}

async function commit(writes: TransactionWrite[], busy = '这份申请刚刚被同事审核过，请刷新') {
  try {
    await retryConflicts(() => execute(...writes));
  } catch (err) {
    if (cancelledTransaction(err)) throw new ConflictError(busy);
    throw err;
  }
}

/** The street's (or its community's) initial review; the district's task opens with the approval. */
async function streetReview(principal: Principal, a: StoredSubsidyApplication, body: ReviewBody, record: RecordAnswer<{ application: ReturnType<typeof toStaffRow> }> | undefined) {
  if (principal.level !== 'community' && principal.level !== 'street') throw new ForbiddenError('初审由社区或街道办理');
  const now = new Date().toISOString();
  const today = todayInChina();
  if (body.decision === 'refuse') {
    const next = movedApplication(a, 'refused', principal.userId, now, { reason: body.reason }, body.reason);
    const answer = { application: toStaffRow(next) };
    await commit([...applicationPut(a, next), ...(record ? [record(answer)] : [])]);
    return answer;
  }
  const p = await loadSubsidyProgramme(a.programmeId);
  if (p?.siteCheck && !body.siteCheck) throw new ValidationError([{ path: ['siteCheck'], message: '这项补贴须入户（实地）核查：请填写核查时间、地点、情况并拍照' }]);
  if (body.siteCheck && !body.siteCheck.photoKey.startsWith(`evidence/${principal.userId}/`)) throw new ValidationError([{ path: ['siteCheck', 'photoKey'], message: '核查照片须由您本人上传' }]);
  const rules = subsidyRulesVersion(a.ruleVersion) ?? subsidyRulesOn(today);
  const taskId = ulid();
  const due = taskDue('subsidy_review', today, rules.districtReview.days);
  const task = openTask({
    kind: 'subsidy_review',
    detail: `${maskName(a.personName)}的${a.programmeName}申请（${areaFullName(a.areaCode)}），街道已初审`,
    areaCode: a.areaCode.slice(0, 6),
    subjectType: 'subsidy_application',
    subjectId: a.applicationId,
    today,
    at: now,
    due,
    taskId,
    personId: a.userId,
  });
  const next = movedApplication(a, 'street_approved', principal.userId, now, {
    ...(body.siteCheck ? { siteCheck: { ...body.siteCheck, by: principal.userId } } : {}),
    districtTaskId: taskId,
    districtDueOn: due,
  });
  const answer = { application: toStaffRow(next) };
  await commit([...applicationPut(a, next), task, ...(record ? [record(answer)] : [])]);
  return answer;
}

/**
 * The district's review. Approving takes the amount from the budget in the same transaction; when
 * too little is left the application stays here, marked as waiting for budget, and the answer says so.
 */
async function districtReview(principal: Principal, a: StoredSubsidyApplication, body: ReviewBody, record: RecordAnswer<{ application: ReturnType<typeof toStaffRow> }> | undefined) {
  if (principal.level !== 'district') throw new ForbiddenError('复审由区人社部门办理');
  const now = new Date().toISOString();
  const closing = a.districtTaskId && a.districtDueOn ? [closeTask({ taskId: a.districtTaskId, areaCode: a.areaCode.slice(0, 6), due: a.districtDueOn }, principal.userId, now)] : [];
  if (body.decision === 'refuse') {
    const next = movedApplication(a, 'refused', principal.userId, now, { reason: body.reason, waitingForBudget: undefined }, body.reason);
    const answer = { application: toStaffRow(next) };
    await commit([...applicationPut(a, next), ...closing, ...(record ? [record(answer)] : [])]);
    return answer;
  }
  const p = await loadSubsidyProgramme(a.programmeId);
  if (!p || p.status !== 'approved') throw new ConflictError('补贴项目的预算尚未审批');
  const next = movedApplication(a, 'approved', principal.userId, now, { waitingForBudget: undefined });
  const answer = { application: toStaffRow(next) };
  const moved = applicationPut(a, next);
  const writes = [...moved, reserveBudgetWrite(a.programmeId, a.amountFen), ...closing, ...(record ? [record(answer)] : [])];
  try {
    await retryConflicts(() => execute(...writes));
  } catch (err) {
    const cancelled = cancelledTransaction(err);
    // The budget's condition alone failed (the application and its audit event stood).
    if (cancelled?.conditionFailed[moved.length] && !cancelled.conditionFailed.slice(0, moved.length).some(Boolean)) {
      // Too little budget left: the application waits here, and the person reads why.
      await markWaitingForBudget(a);
      throw new ConflictError(`补贴预算不足：这份申请需要${fenToYuanText(a.amountFen)}元，剩余预算不够，已标记为等待追加预算`);
    }
    if (cancelled) throw new ConflictError('这份申请刚刚被同事审核过，请刷新');
    throw err;
  }
  return answer;
}

async function markWaitingForBudget(a: StoredSubsidyApplication): Promise<void> {
  if (a.waitingForBudget) return;
  try {
    await execute(...applicationPut(a, { ...a, waitingForBudget: true, version: a.version + 1, updatedAt: new Date().toISOString() }));
  } catch (err) {
    // Changed meanwhile (a colleague decided it): that decision stands, and the mark is moot.
    if (!cancelledTransaction(err)) throw err;
  }
}
