// A resident and their subsidies: what they may apply for (可以申请 / 还差什么, from their own record),
// applying (the months claimed one item a month, the longest period a condition on their count,
// the account sealed — all in one transaction, so overlapping applications and replays cannot claim
// a month twice), following it, withdrawing it before the district has reviewed it, and putting a
// failed payment's account right.
import { GetItemCommand } from 'dynamodb-toolbox/entity/actions/get';
import { PutTransaction } from 'dynamodb-toolbox/entity/actions/transactPut';
import { DeleteTransaction } from 'dynamodb-toolbox/entity/actions/transactDelete';
import { UpdateTransaction } from 'dynamodb-toolbox/entity/actions/transactUpdate';
import { $add } from 'dynamodb-toolbox/entity/actions/update/symbols';
import { execute } from 'dynamodb-toolbox/entity/actions/transactWrite';
import { QueryCommand } from 'dynamodb-toolbox/table/actions/query';
import type { FormattedItem } from 'dynamodb-toolbox/entity';
import { ulid } from 'ulid';
import {
  branchMaxMonths,
  checkSubsidy,
  isLiveStage,
  maskAccountNo,
  maskName,
  monthProblems,
  monthsText,
  subsidyAmountFen,
  subsidyApplicant,
  subsidyKindLabels,
  subsidyStageLabels,
  subsidyStepLabels,
  subsidyStepMessage,
  subsidyRulesOn,
  subsidyRulesVersion,
  todayInChina,
  type RecognisedCategory,
  type SubsidyApplication,
  type SubsidyApplicationBody,
  type SubsidyVoice,
  type SubsidyEmploymentKind,
  type SubsidyKind,
  type SubsidyStage,
} from '@doorstep/shared';
import { activeCategory, categoriesOn, loadCategories } from '../applications/categories';
import { areaFullName, areaShortName } from '../areas/dataset';
import { formatAuditHead, nextAuditEvent, parseAuditHead } from '../audit/events';
import { decodeKeyCursor, encodeKeyCursor } from '../db/cursor';
import { JobseekerRegistrationEntity, PersonApplicationEntity } from '../db/entities';
import { cancelledTransaction } from '../db/errors';
import { table } from '../db/table';
import type { TransactionWrite } from '../db/transaction';
import { getDependencies } from '../deps';
import { ConflictError, NotFoundError, RuleError, ValidationError } from '../http/errors';
import type { RecordAnswer } from '../http/idempotency';
import type { Principal } from '../http/session';
import { PayoutAccountEntity } from '../payouts/entities';
import { payeeOf, SubsidyApplicationEntity, SubsidyMonthEntity, SubsidyPeriodEntity, SubsidyUnitRefEntity, subsidyQueueKeys } from './entities';
import { ledgerMoveWrites } from './ledgerRows';
import { outboxMessage } from '../notifications/outboxMessage';
import { openTask } from '../tasks/tasks';
import { allSubsidyProgrammes, amountOf, branchesOf, loadSubsidyProgramme, programmeOpen, toProgrammeView, type StoredSubsidyProgramme } from './programmes';

export type StoredSubsidyApplication = FormattedItem<typeof SubsidyApplicationEntity>;

/** Who handles an application at each stage, in words. */
const officeOf: Record<SubsidyStage, string> = {
  submitted: '所在街道（乡镇）',
  street_approved: '区人力资源和社会保障局',
  approved: '区人力资源和社会保障局',
  on_notice: '区人力资源和社会保障局（公示）',
  held: '区人力资源和社会保障局（核实反映的问题）',
  cleared: '区财政（审批拨付）',
  paying: '发放银行',
  paid: '发放银行',
  failed: '发放银行',
  refused: '—',
  withdrawn: '—',
};

export function toApplicationView(a: StoredSubsidyApplication): SubsidyApplication {
  const stage = a.stage as SubsidyStage;
  const kind = a.kind as SubsidyKind;
  return {
    id: a.applicationId,
    programmeId: a.programmeId,
    programmeName: a.programmeName,
    kind,
    kindName: subsidyKindLabels[kind],
    stage,
    stageName: subsidyStageLabels[stage],
    months: a.months,
    monthsText: monthsText(a.months),
    amountFen: a.amountFen,
    accountMasked: a.accountMasked,
    bankName: a.bankName,
    areaCode: a.areaCode,
    areaName: areaFullName(a.areaCode),
    office: officeOf[stage],
    ...(a.reason ? { reason: a.reason } : {}),
    ...(a.waitingForBudget ? { waitingForBudget: true } : {}),
    ruleVersion: a.ruleVersion,
    createdAt: a.createdAt,
    ...(a.paidAt ? { paidAt: a.paidAt } : {}),
    steps: a.steps.map((s) => ({
      at: s.at,
      stage: s.stage as SubsidyStage,
      label: subsidyStepLabels[s.stage as SubsidyStage],
      ...(s.reason ? { reason: s.reason } : {}),
    })),
    ...(a.unitName ? { unitName: a.unitName, personMasked: maskName(a.personName) } : {}),
  };
}

export async function loadApplication(applicationId: string): Promise<StoredSubsidyApplication | undefined> {
  const { Item } = await SubsidyApplicationEntity.build(GetItemCommand).key({ applicationId }).options({ consistent: true }).send();
  return Item;
}

/** The months of a subsidy the person holds in live applications, in order. */
export async function claimedMonths(kind: string, userId: string): Promise<string[]> {
  const { Items = [] } = await table
    .build(QueryCommand)
    .entities(SubsidyMonthEntity)
    .query({ partition: `SUBCLAIM#${kind}#${userId}`, range: { beginsWith: 'MONTH#' } })
    .options({ consistent: true })
    .send();
  return Items.map((m) => m.month).sort();
}

/** The kind of the person's current employment registration: on the category, or in the registration itself. */
async function employmentKindOf(userId: string, today: string): Promise<SubsidyEmploymentKind | undefined> {
  const employed = activeCategory(await loadCategories(userId), 'employed', today);
  if (!employed) return undefined;
  if (employed.detail) return employed.detail as SubsidyEmploymentKind;
  const { Item } = await PersonApplicationEntity.build(GetItemCommand).key({ applicationId: employed.applicationId }).send();
  const details = Item ? (JSON.parse(Item.detailsJson) as { employmentKind?: SubsidyEmploymentKind }) : {};
  return details.employmentKind;
}

export interface Person {
  userId: string;
  name: string;
  idNumberMasked: string;
  areaCode: string;
  groups: RecognisedCategory[];
  employmentKind?: SubsidyEmploymentKind;
}

export async function personOf(userId: string, today: string): Promise<Person | undefined> {
  const { Item: reg } = await JobseekerRegistrationEntity.build(GetItemCommand).key({ userId }).options({ consistent: true }).send();
  if (!reg) return undefined;
  const [categories, employmentKind] = await Promise.all([categoriesOn(reg, today), employmentKindOf(userId, today)]);
  return {
    userId,
    name: reg.name,
    idNumberMasked: reg.idNumberMasked,
    areaCode: reg.residence.areaCode,
    groups: categories.map((c) => c.code),
    ...(employmentKind ? { employmentKind } : {}),
  };
}

export const judge = (p: StoredSubsidyProgramme, person: Person, monthsUsed: number, voice: SubsidyVoice = 'person') =>
  checkSubsidy(
    branchesOf(p),
    { areaCode: p.areaCode, areaName: areaShortName(p.areaCode), ...(p.maxMonths !== undefined ? { maxMonths: p.maxMonths } : {}) },
    { groups: person.groups, ...(person.employmentKind ? { employmentKind: person.employmentKind } : {}), areaCode: person.areaCode, monthsUsed },
    voice,
  );

/** The programmes open where the person lives, each with 可以申请 or 还差什么. */
export async function myOffers(principal: Principal) {
  const today = todayInChina();
  const person = await personOf(principal.userId, today);
  if (!person) throw new RuleError('请先完成求职登记，再查看能申请的补贴');
  const open = (await allSubsidyProgrammes()).filter((p) => programmeOpen(p, today) && person.areaCode.startsWith(p.areaCode) && subsidyApplicant(p.kind as SubsidyKind) === 'person');
  return {
    items: await Promise.all(
      open.map(async (p) => {
        const months = await claimedMonths(p.kind, person.userId);
        const check = judge(p, person, months.length);
        return { programme: toProgrammeView(p), ok: check.ok, reasons: check.reasons, missing: check.missing, monthsLeft: check.monthsLeft, monthsClaimed: months.filter((m) => m !== 'ONCE') };
      }),
    ),
  };
}

/** The writes that give an application's months back (refused, withdrawn). */
function releaseMonthsWrites(a: StoredSubsidyApplication): TransactionWrite[] {
  const months = a.months.length ? a.months : ['ONCE'];
  return [
    ...months.map((month) => SubsidyMonthEntity.build(DeleteTransaction).key({ kind: a.kind, userId: a.userId, month }).options({ condition: { attr: 'applicationId', eq: a.applicationId } })),
    SubsidyPeriodEntity.build(UpdateTransaction).item({ kind: a.kind, userId: a.userId, months: $add(-months.length) }),
  ];
}

/** The body's months, evidence and contribution checked against the programme: 400s in the field's words. */
function checkClaimBody(p: StoredSubsidyProgramme, body: { months: string[]; contributionFenPerMonth?: number; evidence: { code: string; key: string }[] }, uploaderId: string, today: string) {
  const amountRule = amountOf(p);
  const oneOff = amountRule.mode === 'fixed';
  // One-off subsidies claim nothing but the subsidy itself; the others name the months paid for.
  if (!oneOff && !body.months.length) throw new ValidationError([{ path: ['months'], message: '请选择申请补贴的月份' }]);
  if (oneOff && body.months.length) throw new ValidationError([{ path: ['months'], message: '一次性补贴不用选择月份' }]);
  const problem = monthProblems(body.months, today.slice(0, 7));
  if (problem) throw new ValidationError([{ path: ['months'], message: problem }]);
  if (amountRule.mode === 'share' && body.contributionFenPerMonth === undefined) {
    throw new ValidationError([{ path: ['contributionFenPerMonth'], message: '请填写每月实际缴纳的社会保险费' }]);
  }
  const missingEvidence = p.evidence.filter((e) => !body.evidence.some((x) => x.code === e.code));
  if (missingEvidence.length) throw new ValidationError([{ path: ['evidence'], message: `请上传：${missingEvidence.map((e) => e.label).join('、')}` }]);
  const unknown = body.evidence.find((x) => !p.evidence.some((e) => e.code === x.code));
  if (unknown) throw new ValidationError([{ path: ['evidence'], message: '有一份材料不是这项补贴要的' }]);
  if (body.evidence.some((x) => !x.key.startsWith(`evidence/${uploaderId}/`))) throw new ValidationError([{ path: ['evidence'], message: '材料图片须由您本人上传' }]);
  return { amountRule, oneOff };
}

/** Who applies for whom (a person for themselves, or a unit for the person it placed), and where the money goes. */
export interface Claim {
  programme: StoredSubsidyProgramme;
  person: Person;
  /** Where the application is reviewed (the person's community; for a unit, its post's). */
  areaCode: string;
  body: { months: string[]; contributionFenPerMonth?: number; evidence: { code: string; key: string }[] };
  account: { accountNo: string; bankName: string; accountName: string };
  actorId: string;
  unit?: { employerId: string; unitName: string; postId: string; caseId: string };
  today: string;
}

/**
 * The claim judged and written: each month its own item under `attribute_not_exists`, the month
 * count under the longest period, the application, the sealed account — one transaction, so
 * overlapping applications (the person's own, or two units') and replays cannot claim a month twice.
 */
export async function submitClaim(c: Claim, record: RecordAnswer<{ application: SubsidyApplication }> | undefined) {
  const { programme: p, person, body } = c;
  // The form's own mistakes first (400), then who may claim what.
  const { amountRule, oneOff } = checkClaimBody(p, body, c.actorId, c.today);
  const claimed = await claimedMonths(p.kind, person.userId);
  const check = judge(p, person, claimed.length, c.unit ? 'unit' : 'person');
  if (!check.ok || !check.branch) throw new RuleError(`暂不符合申请条件：${check.missing.join('；')}`);
  const wanted = oneOff ? ['ONCE'] : body.months;
  const already = wanted.filter((m) => claimed.includes(m));
  if (already.length) throw new ConflictError(oneOff ? '已经申请过这项补贴' : `${monthsText(already)}已经申请过这项补贴，不能重复申请`);
  const limit = branchMaxMonths(check.branch, p.maxMonths);
  if (claimed.length + wanted.length > limit) throw new RuleError(`这项补贴最多享受${limit}个月，还能申请${check.monthsLeft}个月`);

  const now = new Date().toISOString();
  const applicationId = ulid();
  const accountMasked = maskAccountNo(c.account.accountNo);
  const audit = nextAuditEvent(undefined, { recordType: 'SubsidyApplication', recordId: applicationId, actorId: c.actorId, at: now, action: 'apply', fromState: 'none', toState: 'submitted' });
  const item: StoredSubsidyApplication = {
    applicationId,
    programmeId: p.programmeId,
    programmeName: p.name,
    kind: p.kind,
    userId: person.userId,
    personName: person.name,
    idNumberMasked: person.idNumberMasked,
    areaCode: c.areaCode,
    months: oneOff ? [] : [...body.months].sort(),
    ...(body.contributionFenPerMonth !== undefined ? { contributionFenPerMonth: body.contributionFenPerMonth } : {}),
    amountFen: subsidyAmountFen(amountRule, oneOff ? 1 : body.months.length, body.contributionFenPerMonth),
    evidence: body.evidence.map((e) => ({ code: e.code, key: e.key })),
    accountMasked,
    bankName: c.account.bankName,
    stage: 'submitted',
    ruleVersion: p.ruleVersion,
    steps: [{ at: now, stage: 'submitted', by: c.actorId }],
    ...(c.unit ? { ...c.unit, appliedBy: c.actorId } : {}),
    createdAt: now,
    updatedAt: now,
    version: 1,
    auditHead: formatAuditHead(audit.head),
    ...subsidyQueueKeys(p.programmeId, 'submitted', c.areaCode, now, applicationId),
    // The person's list holds every application about them, a unit's too (and their erasure finds it there).
    gsi2pk: `USER_SUBAPPS#${person.userId}`,
    gsi2sk: `${now}#${applicationId}`,
  };
  const answer = { application: toApplicationView(item) };
  const monthWrites = wanted.map((month) =>
    SubsidyMonthEntity.build(PutTransaction).item({ kind: p.kind, userId: person.userId, month, applicationId }).options({ condition: { attr: 'month', exists: false } }),
  );
  try {
    await execute(
      ...monthWrites,
      SubsidyApplicationEntity.build(PutTransaction).item(item).options({ condition: { attr: 'applicationId', exists: false } }),
      // The longest period, across applications: the count may only grow to the limit.
      SubsidyPeriodEntity.build(UpdateTransaction)
        .item({ kind: p.kind, userId: person.userId, months: $add(wanted.length) })
        .options({ condition: { or: [{ attr: 'months', exists: false }, { attr: 'months', lte: limit - wanted.length }] } }),
      PayoutAccountEntity.build(PutTransaction).item({
        userId: payeeOf(item),
        accountName: c.account.accountName,
        accountCipher: getDependencies().accounts.encrypt(c.account.accountNo),
        accountMasked,
        bankName: c.account.bankName,
        updatedAt: now,
      }),
      ...(c.unit ? [SubsidyUnitRefEntity.build(PutTransaction).item({ employerId: c.unit.employerId, createdAt: now, applicationId })] : []),
      audit.put,
      ...(record ? [record(answer)] : []),
    );
  } catch (err) {
    const cancelled = cancelledTransaction(err);
    if (cancelled) {
      const taken = wanted.filter((_, i) => cancelled.conditionFailed[i]);
      if (taken.length) throw new ConflictError(oneOff ? '已经申请过这项补贴' : `${monthsText(taken)}已经申请过这项补贴，不能重复申请`);
      if (cancelled.conditionFailed[wanted.length + 1]) throw new RuleError(`这项补贴最多享受${limit}个月`);
      throw new ConflictError('刚刚有另一份申请同时提交，请刷新后再试');
    }
    throw err;
  }
  return answer;
}

/** A programme that takes applications today, or the reason it does not. */
export async function openProgramme(programmeId: string, today: string): Promise<StoredSubsidyProgramme> {
  const p = await loadSubsidyProgramme(programmeId);
  if (!p || p.status === 'pending_approval') throw new NotFoundError('找不到这个补贴项目');
  if (!programmeOpen(p, today)) throw new RuleError(p.status === 'withdrawn' ? '这个补贴项目已停止受理' : `这个补贴项目的受理时间是${p.applyFrom}至${p.applyUntil}`);
  return p;
}

export async function applyForSubsidy(
  principal: Principal,
  programmeId: string,
  body: SubsidyApplicationBody,
  record: RecordAnswer<{ application: SubsidyApplication }> | undefined,
): Promise<{ application: SubsidyApplication }> {
  const today = todayInChina();
  const p = await openProgramme(programmeId, today);
  if (subsidyApplicant(p.kind as SubsidyKind) === 'employer') throw new RuleError('公益性岗位补贴由用人单位申请');
  const person = await personOf(principal.userId, today);
  if (!person) throw new RuleError('请先完成求职登记');
  return submitClaim({ programme: p, person, areaCode: person.areaCode, body, account: { ...body.account, accountName: person.name }, actorId: principal.userId, today }, record);
}

export async function myApplications(principal: Principal, cursor?: string) {
  const page = await table
    .build(QueryCommand)
    .entities(SubsidyApplicationEntity)
    .query({ index: 'gsi2', partition: `USER_SUBAPPS#${principal.userId}` })
    .options({ reverse: true, limit: 20, ...(cursor ? { exclusiveStartKey: decodeKeyCursor(cursor, 'gsi2', `USER_SUBAPPS#${principal.userId}`) } : {}) })
    .send();
  return {
    items: (page.Items ?? []).map(toApplicationView),
    ...(page.LastEvaluatedKey ? { nextCursor: encodeKeyCursor(page.LastEvaluatedKey as Record<string, string>) } : {}),
  };
}

/** An application about the person, to read: their own, or one a unit made for them. */
export async function myApplication(principal: Principal, applicationId: string) {
  const a = await loadApplication(applicationId);
  if (!a || a.userId !== principal.userId) throw new NotFoundError('找不到这份申请');
  return { application: toApplicationView(a) };
}

/** The person's own application (not one a unit made about them: that one is the unit's to change). */
export async function ownApplication(principal: Principal, applicationId: string): Promise<StoredSubsidyApplication> {
  const a = await loadApplication(applicationId);
  if (!a || a.userId !== principal.userId || a.employerId) throw new NotFoundError('找不到这份申请');
  return a;
}

/**
 * What the applicant is told when the application moves (a subscription message), unless the step
 * was their side's own doing: the person for their own application, the member who applied for a unit's.
 * R19: when it is paid, the community's follow-ups the rule asks for, each a task with its date.
 */
function toldAndFollowedUp(before: StoredSubsidyApplication, next: StoredSubsidyApplication): TransactionWrite[] {
  const stage = next.stage as SubsidyStage;
  const step = next.steps[next.steps.length - 1];
  const now = step.at;
  // Their own steps: withdrawing, or (any member of the unit) correcting the account after a failed payment.
  const ownStep = step.by === (next.appliedBy ?? next.userId) || before.stage === 'failed';
  const message = ownStep ? undefined : subsidyStepMessage(stage, next.amountFen, next.reason);
  const writes: TransactionWrite[] = message
    ? [
        outboxMessage({
          userId: next.appliedBy ?? next.userId,
          template: 'application_update',
          page: next.employerId ? `subsidies/mine/index?employerId=${next.employerId}&id=${next.applicationId}` : `subsidies/mine/index?id=${next.applicationId}`,
          data: { thing1: next.programmeName.slice(0, 20), thing2: '家门口就业', phrase3: message.phrase, thing4: message.note },
          at: now,
        }),
      ]
    : [];
  if (stage === 'paid') {
    const today = todayInChina(new Date(now));
    const rules = subsidyRulesVersion(next.ruleVersion) ?? subsidyRulesOn(today);
    const what = rules.subsidies[next.kind as SubsidyKind]?.followUp;
    if (what) {
      for (const days of rules.followUpDays) {
        writes.push(
          openTask({
            kind: 'subsidy_followup',
            detail: `${maskName(next.personName)}的${next.programmeName}已发放，发放后第${days}天回访：${what}`,
            areaCode: next.areaCode,
            subjectType: 'subsidy_application',
            subjectId: next.applicationId,
            today,
            at: now,
            after: days,
            personId: next.userId,
          }),
        );
      }
    }
  }
  return writes;
}

/** A stage change as the next event of the application's audit chain (its last step: who, when, why). */
function moveAudit(before: StoredSubsidyApplication, after: StoredSubsidyApplication) {
  const step = after.steps[after.steps.length - 1];
  return nextAuditEvent(parseAuditHead(before.auditHead), {
    recordType: 'SubsidyApplication',
    recordId: before.applicationId,
    actorId: step.by,
    at: step.at,
    action: 'move',
    fromState: before.stage,
    toState: after.stage,
    ...(step.reason ? { reason: step.reason } : {}),
  });
}

/** Moves an application to a stage: its queue, its steps, its version, its audit chain's head — the one write every stage change makes. */
export function movedApplication(a: StoredSubsidyApplication, to: SubsidyStage, by: string, now: string, extra: Partial<StoredSubsidyApplication> = {}, reason?: string): StoredSubsidyApplication {
  const next: StoredSubsidyApplication = {
    ...a,
    ...extra,
    stage: to,
    steps: [...a.steps, { at: now, stage: to, by, ...(reason ? { reason } : {}) }],
    updatedAt: now,
    version: a.version + 1,
    ...subsidyQueueKeys(a.programmeId, to, a.areaCode, a.createdAt, a.applicationId),
  };
  return { ...next, auditHead: formatAuditHead(moveAudit(a, next).head) };
}

/**
 * Everything a stage change writes, in one place: the application under its version and stage as
 * read (a racing change makes it fail) first; then its audit event (every step on the record,
 * hash-chained), the programme's ledger row moved (and the budget given back when it leaves the
 * budgeted stages), its months given back when it ends (refused, withdrawn), and the applicant's
 * message and R19's follow-ups. A write that is not a stage change (no new step) is the put alone.
 */
export function applicationPut(before: StoredSubsidyApplication, after: StoredSubsidyApplication): TransactionWrite[] {
  const put = SubsidyApplicationEntity.build(PutTransaction)
    .item(after)
    .options({ condition: { and: [{ attr: 'version', eq: before.version }, { attr: 'stage', eq: before.stage }] } });
  if (after.steps.length === before.steps.length) return [put];
  const ended = isLiveStage(before.stage as SubsidyStage) && !isLiveStage(after.stage as SubsidyStage);
  return [put, moveAudit(before, after).put, ...ledgerMoveWrites(before, after), ...(ended ? releaseMonthsWrites(before) : []), ...toldAndFollowedUp(before, after)];
}

/** Before the district has reviewed it, the applicant may take it back: its months are free again. */
export async function withdrawApplication(a: StoredSubsidyApplication, actorId: string) {
  if (a.stage !== 'submitted' && a.stage !== 'street_approved') throw new ConflictError(isLiveStage(a.stage as SubsidyStage) ? '区里已经审核，不能撤回了' : '这份申请已经结束');
  const now = new Date().toISOString();
  const next = movedApplication(a, 'withdrawn', actorId, now);
  try {
    await execute(...applicationPut(a, next));
  } catch (err) {
    if (cancelledTransaction(err)) throw new ConflictError('这份申请刚刚有了变化，请刷新');
    throw err;
  }
  return { application: toApplicationView(next) };
}

/** After a failed payment: the corrected account (the person's, or the unit's), and the line goes back to wait for the next payment. */
export async function fixAccount(a: StoredSubsidyApplication, actorId: string, account: { accountNo: string; bankName: string }) {
  if (a.stage !== 'failed') throw new ConflictError('只有发放失败的申请需要改正账户');
  const now = new Date().toISOString();
  const accountMasked = maskAccountNo(account.accountNo);
  const next = movedApplication(a, 'cleared', actorId, now, { accountMasked, bankName: account.bankName, paymentId: undefined, reason: undefined });
  try {
    await execute(
      ...applicationPut(a, next),
      PayoutAccountEntity.build(PutTransaction).item({
        userId: payeeOf(a),
        accountName: a.unitName ?? a.personName,
        accountCipher: getDependencies().accounts.encrypt(account.accountNo),
        accountMasked,
        bankName: account.bankName,
        updatedAt: now,
      }),
    );
  } catch (err) {
    if (cancelledTransaction(err)) throw new ConflictError('这份申请刚刚有了变化，请刷新');
    throw err;
  }
  return { application: toApplicationView(next) };
}
