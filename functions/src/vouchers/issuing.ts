// Issuing vouchers (分发): to the eligible people of a programme's area — or, for an employers'
// programme, to its approved units — in bulk by staff, and from the table's stream whenever
// someone becomes eligible (a person's categories or registration change; a unit is approved).
// The stream also takes back unclaimed vouchers a person no longer fits.
import { GetItemCommand } from 'dynamodb-toolbox/entity/actions/get';
import { PutTransaction } from 'dynamodb-toolbox/entity/actions/transactPut';
import { execute } from 'dynamodb-toolbox/entity/actions/transactWrite';
import { QueryCommand } from 'dynamodb-toolbox/table/actions/query';
import type { FormattedItem } from 'dynamodb-toolbox/entity';
import { ulid } from 'ulid';
import { claimWindowOpen, isInTargetGroups, isWithinArea, maskName, providerTypeLabels, todayInChina, type ProviderType } from '@doorstep/shared';
import { categoriesOn } from '../applications/categories';
import { listChildAreas } from '../areas/dataset';
import { formatAuditHead, nextAuditEvent } from '../audit/events';
import { mapLimit } from '../concurrency';
import { decodeKeyCursor, encodeKeyCursor } from '../db/cursor';
import { EmployerEntity, JobseekerRegistrationEntity } from '../db/entities';
import { VoucherEntity, VoucherHoldingEntity, expiryKeys, walletKeys } from './entities';
import { cancelledTransaction } from '../db/errors';
import { table } from '../db/table';
import { ConflictError, NotFoundError, ValidationError } from '../http/errors';
import type { Principal } from '../http/session';
import { outboxMessage } from '../notifications/outbox';
import { concerns, scopeOf } from './access';
import { lapse } from './lapse';
import { loadVoucher } from './redeemable';
import { loadProgramme, programmesCovering, type StoredProgramme, type StoredVoucher } from './store';

const ISSUE_PAGE = 50;

type Registration = FormattedItem<typeof JobseekerRegistrationEntity>;
type Employer = FormattedItem<typeof EmployerEntity>;
export type IssueOutcome = 'issued' | 'already_held' | 'not_eligible';

/** Who a voucher is issued to, as the voucher records them. */
interface Holder {
  type: 'person' | 'employer';
  id: string;
  areaCode: string;
  /** As providers see it: a person's name masked, an employer's name in full (it is public). */
  shownName: string;
  /** Who is told it has arrived: the person, or the employer's first administrator. */
  notifyUserId: string;
  /** The wallet page that opens the voucher. */
  page: (voucherId: string) => string;
}

const holderTypeOf = (p: StoredProgramme) => p.holderType ?? 'person';

/** Whether the person fits the programme today: lives in its area and is in one of its target groups. */
async function eligible(p: StoredProgramme, reg: Registration, today: string): Promise<boolean> {
  if (holderTypeOf(p) !== 'person' || !isWithinArea(reg.residence.areaCode, p.areaCode)) return false;
  const categories = await categoriesOn(reg, today);
  return isInTargetGroups(p.targetGroups, categories.map((c) => c.code));
}

/** Whether the employer fits the programme: approved, and in its area. */
const employerEligible = (p: StoredProgramme, e: Employer) =>
  holderTypeOf(p) === 'employer' && e.status === 'approved' && isWithinArea(e.address.areaCode, p.areaCode) && p.targetGroups.includes('approved_employer');

const personHolder = (reg: Registration): Holder => ({
  type: 'person',
  id: reg.userId,
  areaCode: reg.residence.areaCode,
  shownName: maskName(reg.name),
  notifyUserId: reg.userId,
  page: (voucherId) => `vouchers/detail/index?id=${voucherId}`,
});

const employerHolder = (e: Employer): Holder => ({
  type: 'employer',
  id: e.employerId,
  areaCode: e.address.areaCode,
  shownName: e.name,
  notifyUserId: e.createdBy,
  page: (voucherId) => `vouchers/detail/index?id=${voucherId}&employerId=${e.employerId}`,
});

/** Gives the person their next voucher of the programme, if they fit it today. */
export async function issueTo(p: StoredProgramme, reg: Registration, actorId: string, today = todayInChina()): Promise<IssueOutcome> {
  if (p.status !== 'approved' || !claimWindowOpen(p, today)) return 'not_eligible';
  if (!(await eligible(p, reg, today))) return 'not_eligible';
  return issueToHolder(p, personHolder(reg), actorId, today);
}

/** Gives the employer its next voucher of the programme, if it fits it. */
export async function issueToEmployer(p: StoredProgramme, e: Employer, actorId: string, today = todayInChina()): Promise<IssueOutcome> {
  if (p.status !== 'approved' || !claimWindowOpen(p, today)) return 'not_eligible';
  if (!employerEligible(p, e)) return 'not_eligible';
  return issueToHolder(p, employerHolder(e), actorId, today);
}

/**
 * Gives a holder their next voucher of the programme: only while they hold no unused one and
 * have fewer than the limit. The holding row is written under a condition, so issuing twice —
 * a repeated bulk run, a duplicate stream record — gives nobody a second voucher.
 */
async function issueToHolder(p: StoredProgramme, holder: Holder, actorId: string, today: string): Promise<IssueOutcome> {
  const { Items: holdings = [] } = await table
    .build(QueryCommand)
    .entities(VoucherHoldingEntity)
    .query({ partition: `VPROG#${p.programmeId}`, range: { beginsWith: `HOLDER#${holder.id}#` } })
    .options({ consistent: true })
    .send();
  if (holdings.length >= p.perPersonLimit) return 'already_held';
  const held = await Promise.all(holdings.map((h) => VoucherEntity.build(GetItemCommand).key({ voucherId: h.voucherId }).send()));
  // One unused voucher at a time: still claimable, or claimed and not yet past its last day.
  const unused = (v: StoredVoucher) => (v.status === 'issued' && v.claimUntil >= today) || (v.status === 'claimed' && (v.expiresOn ?? '') >= today);
  if (held.some(({ Item }) => Item && unused(Item))) return 'already_held';

  const now = new Date().toISOString();
  const voucherId = ulid();
  const audit = nextAuditEvent(undefined, { recordType: 'Voucher', recordId: voucherId, actorId, at: now, action: 'issue', fromState: 'none', toState: 'issued' });
  try {
    await execute(
      VoucherHoldingEntity.build(PutTransaction)
        .item({ programmeId: p.programmeId, holderId: holder.id, n: holdings.length + 1, voucherId, createdAt: now })
        .options({ condition: { attr: 'voucherId', exists: false } }),
      VoucherEntity.build(PutTransaction).item({
        voucherId,
        programmeId: p.programmeId,
        programmeName: p.name,
        kind: p.kind,
        serviceName: p.serviceName,
        faceValueFen: p.faceValueFen,
        providerTypes: p.providerTypes,
        programmeAreaCode: p.areaCode,
        usableAt: `${p.areaName}的${p.providerTypes.map((t) => providerTypeLabels[t as ProviderType]).join('、')}`,
        holderType: holder.type,
        holderId: holder.id,
        holderAreaCode: holder.areaCode,
        holderName: holder.shownName,
        status: 'issued',
        claimUntil: p.claimUntil,
        validityDays: p.validityDays,
        issuedAt: now,
        createdAt: now,
        updatedAt: now,
        version: 1,
        auditHead: formatAuditHead(audit.head),
        ...walletKeys(holder.id, now, voucherId),
        ...expiryKeys(p.claimUntil, voucherId),
      }),
      audit.put,
      outboxMessage({
        userId: holder.notifyUserId,
        template: 'application_update',
        page: holder.page(voucherId),
        data: { thing1: p.name.slice(0, 20), thing2: '家门口就业', phrase3: '待领取', thing4: `请在${p.claimUntil}前领取` },
        at: now,
      }),
    );
    return 'issued';
  } catch (err) {
    if (cancelledTransaction(err)?.conditionFailed[0]) return 'already_held';
    throw err;
  }
}

/** The GSI1 partitions (one per district) holding the people or the employers of an area. */
function holderPartitions(areaCode: string, kind: 'JOBSEEKER_REG' | 'EMPLOYER'): string[] {
  if (areaCode.length >= 6) return [`${kind}#${areaCode.slice(0, 6)}`];
  return (listChildAreas(areaCode) ?? []).map((d) => `${kind}#${d.code}`);
}

/**
 * Bulk issue, one page of registrations (or, for an employers' programme, of employers) per
 * call: `nextCursor` continues. Idempotent — a page issued twice gives nobody a second voucher.
 */
export async function issueProgramme(principal: Principal, programmeId: string, cursor?: string) {
  const scope = scopeOf(principal);
  const p = await loadProgramme(programmeId);
  if (!p || !concerns(p.areaCode, scope)) throw new NotFoundError('找不到这个券种');
  if (p.status !== 'approved') throw new ConflictError('预算审批通过后才能发放');
  const today = todayInChina();
  if (!claimWindowOpen(p, today)) throw new ConflictError(`领取期是${p.claimFrom}至${p.claimUntil}，现在不能发放`);
  // Staff of a street issue a district programme to their street only.
  const area = isWithinArea(scope, p.areaCode) ? scope : p.areaCode;
  const forEmployers = holderTypeOf(p) === 'employer';
  const partitions = holderPartitions(area, forEmployers ? 'EMPLOYER' : 'JOBSEEKER_REG');
  let position = { i: 0, key: undefined as Record<string, string> | undefined };
  if (cursor) {
    const [i, rest] = cursor.split('.', 2);
    const index = Number(i);
    if (!Number.isInteger(index) || index < 0 || index >= partitions.length) throw new ValidationError([{ path: ['cursor'], message: '发放进度无效，请从头开始' }]);
    position = { i: index, key: rest ? decodeKeyCursor(rest, 'gsi1', partitions[index]) : undefined };
  }
  const query = { index: 'gsi1' as const, partition: partitions[position.i], ...(area.length >= 6 ? { range: { beginsWith: area } } : {}) };
  const options = { limit: ISSUE_PAGE, ...(position.key ? { exclusiveStartKey: position.key } : {}) };
  let page: { LastEvaluatedKey?: Record<string, unknown> };
  let outcomes: IssueOutcome[];
  if (forEmployers) {
    const employers = await table.build(QueryCommand).entities(EmployerEntity).query(query).options(options).send();
    outcomes = await mapLimit(employers.Items ?? [], 8, (e) => issueToEmployer(p, e, principal.userId, today));
    page = employers;
  } else {
    const people = await table.build(QueryCommand).entities(JobseekerRegistrationEntity).query(query).options(options).send();
    outcomes = await mapLimit(people.Items ?? [], 8, (reg) => issueTo(p, reg, principal.userId, today));
    page = people;
  }
  const count = (o: IssueOutcome) => outcomes.filter((x) => x === o).length;
  let nextCursor: string | undefined;
  if (page.LastEvaluatedKey) nextCursor = `${position.i}.${encodeKeyCursor(page.LastEvaluatedKey)}`;
  else if (position.i + 1 < partitions.length) nextCursor = `${position.i + 1}.`;
  return { issued: count('issued'), alreadyHeld: count('already_held'), notEligible: count('not_eligible'), ...(nextCursor ? { nextCursor } : {}) };
}

/** On the stream: an employer's onboarding was approved — issue the employers' programmes covering it. */
export async function issueOnEmployerApproval(employerId: string): Promise<number> {
  const { Item: employer } = await EmployerEntity.build(GetItemCommand).key({ employerId }).options({ consistent: true }).send();
  if (!employer || employer.status !== 'approved') return 0;
  const today = todayInChina();
  let issued = 0;
  for (const p of await programmesCovering(employer.address.areaCode, today)) {
    if ((await issueToEmployer(p, employer, 'system:eligibility', today)) === 'issued') issued += 1;
  }
  return issued;
}

/**
 * On the stream: someone's categories or registration changed — issue what they have become
 * eligible for, and take back the vouchers they have not claimed and no longer fit (moved out of
 * the area, no longer in a target group). A claimed voucher stays theirs until it is used or
 * expires: they may already have booked the service with it.
 */
export async function reconcileEligibility(userId: string): Promise<{ issued: number; revoked: number }> {
  const { Item: reg } = await JobseekerRegistrationEntity.build(GetItemCommand).key({ userId }).options({ consistent: true }).send();
  if (!reg) return { issued: 0, revoked: 0 };
  const today = todayInChina();
  let revoked = 0;
  const { Items: wallet = [] } = await table
    .build(QueryCommand)
    .entities(VoucherEntity)
    .query({ index: 'gsi2', partition: walletKeys(userId, '', '').gsi2pk })
    .send();
  for (const seen of wallet.filter((v) => v.status === 'issued' && v.claimUntil >= today)) {
    const p = await loadProgramme(seen.programmeId);
    if (!p || (await eligible(p, reg, today))) continue;
    const v = await loadVoucher(seen.voucherId);
    if (v && (await lapse(v, 'revoked', { actorId: 'system:eligibility', reason: '已不符合这张券的领取条件', shards: p.shards }))) revoked += 1;
  }
  let issued = 0;
  for (const p of await programmesCovering(reg.residence.areaCode, today)) {
    if ((await issueTo(p, reg, 'system:eligibility', today)) === 'issued') issued += 1;
  }
  return { issued, revoked };
}
