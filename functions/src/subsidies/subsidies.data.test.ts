// Subsidies on DynamoDB Local (issue 32): the budget is never passed however many approvals come at
// once; two staff approving one application make one approval; a month is claimed once across
// applications and replays; the longest period holds; the public notice shows only masked data, an
// objection holds exactly its line, nothing is paid before the notice ends; and paid = approved −
// refused − held, to the fen, through a failed bank line and its re-send, with the reconciliation
// naming a removed ledger row.
import { DeleteItemCommand } from 'dynamodb-toolbox/entity/actions/delete';
import { GetItemCommand } from 'dynamodb-toolbox/entity/actions/get';
import { PutItemCommand } from 'dynamodb-toolbox/entity/actions/put';
import { UpdateItemCommand } from 'dynamodb-toolbox/entity/actions/update';
import { addCalendarDays, calendarDeadline, todayInChina, type SubsidyApplicationBody } from '@doorstep/shared';
import { createTestTable } from '../../../tests/support/table';
import { makeIdNumber, registrationBody } from '../../../tests/support/people';
import { drainLocalQueueOnce } from '../../../scripts/lib/localQueue';
import { employerFixture } from '../../../tests/support/providers';
import { OutboxEntity, PersonCategoryEntity, TaskEntity } from '../db/entities';
import { WelfarePlacementEntity, WelfarePostEntity, welfarePostAreaKeys, welfarePostUnitKeys } from '../welfarePosts/entities';
import { applyAsUnit, unitApplications, unitOffersOf } from './unitApplications';
import { countEvent, figureEvents } from '../figures/count';
import { readAuditEvents } from '../audit/events';
import { findBrokenLink } from '../audit/chain';
import { figuresOf } from '../figures/stats';
import type { Principal } from '../http/session';
import { idempotent } from '../http/idempotency';
import { putRegistration } from '../registration/service';
import { applyForSubsidy, fixAccount, loadApplication, myOffers, ownApplication, withdrawApplication } from './applications';
import { SubsidyBudgetEntity, SubsidyLedgerRowEntity, SubsidyNoticeEntity, SubsidyProgrammeEntity } from './entities';
import { endNotices, publicNotice, publishNotice } from './notices';
import { raiseObjection, resolveObjection } from './objections';
import { approvePayment, importBankResults, payoutFile } from './payments';
import { approveSubsidyProgramme, approveTopUp, createSubsidyProgramme, requestTopUp, withdrawSubsidyProgramme } from './programmes';
import { reconcileSubsidyProgramme } from './reconcile';
import { reviewApplication } from './review';
import { work } from './work';
import { QueryCommand } from 'dynamodb-toolbox/table/actions/query';
import { ERASED_PERSON_LABEL } from '@doorstep/shared';
import { table } from '../db/table';
import { ConsentsEntity } from '../privacy/entities';
import { dataExport } from '../privacy/dataExport';
import { eraseAccount } from '../privacy/erasure';

jest.setTimeout(120_000);
beforeAll(createTestTable);

const district: Principal = { userId: 'sb-district', roles: ['staff'], level: 'district', areaCode: '350102' };
const district2: Principal = { userId: 'sb-district-2', roles: ['staff'], level: 'district', areaCode: '350102' };
const finance: Principal = { userId: 'sb-finance', roles: ['finance'], level: 'district', areaCode: '350102' };
const street: Principal = { userId: 'sb-street', roles: ['staff'], level: 'street', areaCode: '350102001' };
const person = (userId: string): Principal => ({ userId, roles: ['jobseeker'] });

const today = todayInChina();
const thisMonth = today.slice(0, 7);
const monthsAgo = (n: number) => addCalendarDays(`${thisMonth}-01`, -1 - 31 * (n - 1)).slice(0, 7);
const account = { accountNo: '6217000010001234567', bankName: '中国建设银行福州鼓楼支行' };
const siteCheck = { checkedAt: `${today}T10:00`, place: '鼓东路18号', photoKey: `evidence/${street.userId}/site.jpg`, finding: '本人在从事网约配送，灵活就业属实' };

async function drain(): Promise<void> {
  while ((await drainLocalQueueOnce('subsidy-work', work as never)) > 0);
}

let serial = 0;
/** A hard-to-employ person in flexible work (registered, recognised, employment registered). */
async function flexibleWorker(name = '林秀英'): Promise<string> {
  serial += 1;
  const userId = `sb-person-${serial}`;
  await putRegistration(userId, registrationBody({ idNumber: makeIdNumber('1978-03-04', 300 + serial * 2), name, phone: `1390000${String(serial).padStart(4, '0')}` }));
  const base = { userId, source: 'review' as const, applicationId: `sb-app-${serial}`, ruleVersion: 'PR-2026-01', updatedAt: new Date().toISOString() };
  await PersonCategoryEntity.build(PutItemCommand).item({ ...base, code: 'hard_to_employ', since: '2026-01-05' }).send();
  await PersonCategoryEntity.build(PutItemCommand).item({ ...base, code: 'employed', since: '2026-02-01', source: 'declared', detail: 'flexible' }).send();
  return userId;
}

const body = (userId: string, months: string[], over: Partial<SubsidyApplicationBody> = {}): SubsidyApplicationBody => ({
  months,
  contributionFenPerMonth: 90_000,
  evidence: [{ code: 'si_receipt', key: `evidence/${userId}/si.jpg` }],
  account,
  ...over,
});

async function programme(budgetFen: number) {
  const p = await createSubsidyProgramme(district, { name: '灵活就业社保补贴（2026年）', kind: 'flexible_si', areaCode: '350102', budgetFen, applyFrom: '2026-01-01', applyUntil: '2027-12-31' });
  await approveSubsidyProgramme(finance, p.id);
  return p.id;
}

/** Applied and through the street's review. */
async function streetApproved(programmeId: string, months = [monthsAgo(1)]): Promise<{ userId: string; applicationId: string }> {
  const userId = await flexibleWorker();
  const { application } = await applyForSubsidy(person(userId), programmeId, body(userId, months), undefined);
  await reviewApplication(street, application.id, { decision: 'approve', siteCheck }, undefined);
  return { userId, applicationId: application.id };
}

describe('the budget and the months', () => {
  it('approves exactly as many as the budget holds when 30 approvals come at once; the rest wait, told why', async () => {
    // 60,000 fen each (two thirds of 900 yuan, capped at 600 yuan a month): room for 10.
    const programmeId = await programme(600_000);
    const apps: { userId: string; applicationId: string }[] = [];
    for (let i = 0; i < 30; i += 1) apps.push(await streetApproved(programmeId));
    const outcomes = await Promise.allSettled(apps.map((a) => reviewApplication(district, a.applicationId, { decision: 'approve' }, undefined)));
    const approved = outcomes.filter((o) => o.status === 'fulfilled');
    const refused = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
    expect(approved).toHaveLength(10);
    expect(refused).toHaveLength(20);
    for (const r of refused) expect((r.reason as Error).message).toContain('补贴预算不足');
    const { Item: budget } = await SubsidyBudgetEntity.build(GetItemCommand).key({ programmeId }).options({ consistent: true }).send();
    expect(budget).toMatchObject({ budgetFen: 600_000, leftFen: 0 });
    const waiting = await Promise.all(refused.map((_, i) => loadApplication(apps[outcomes.indexOf(refused[i])].applicationId)));
    for (const a of waiting) expect(a).toMatchObject({ stage: 'street_approved', waitingForBudget: true });
    const r = await reconcileSubsidyProgramme({ programmeId, name: 'p' });
    expect(r).toMatchObject({ reservedFen: 600_000, approvedFen: 600_000, differenceFen: 0, missingRows: [] });

    // 追加预算: the district asks for room for five more, finance approves it once; five of those waiting are approved, the rest still wait.
    expect((await requestTopUp(district, programmeId, { addFen: 300_000, reason: '申请人数超过预期' })).topUp).toMatchObject({ addFen: 300_000 });
    await expect(requestTopUp(district2, programmeId, { addFen: 100_000, reason: '再追加一些' })).rejects.toMatchObject({ statusCode: 409, message: '已有一笔追加预算等待财务审批' });
    // The one who asked cannot approve it.
    await expect(approveTopUp(district, programmeId)).rejects.toMatchObject({ statusCode: 403 });
    const replayed = await Promise.all([0, 1].map(() => idempotent<Awaited<ReturnType<typeof approveTopUp>>>(`${finance.userId}:subsidy-top-up:${programmeId}`, 'top-up-0001', {}, (record) => approveTopUp(finance, programmeId, record))));
    expect(replayed[0]).toEqual(replayed[1]);
    expect(replayed[0].programme).toMatchObject({ budgetFen: 900_000, reservedFen: 600_000 });
    expect(replayed[0].programme.topUp).toBeUndefined();
    const again = await Promise.allSettled(waiting.map((a) => reviewApplication(district, a!.applicationId, { decision: 'approve' }, undefined)));
    expect(again.filter((o) => o.status === 'fulfilled')).toHaveLength(5);
    const { Item: after } = await SubsidyBudgetEntity.build(GetItemCommand).key({ programmeId }).options({ consistent: true }).send();
    expect(after).toMatchObject({ budgetFen: 900_000, leftFen: 0 });
    expect(await reconcileSubsidyProgramme({ programmeId, name: 'p' })).toMatchObject({ reservedFen: 900_000, approvedFen: 900_000, differenceFen: 0 });
  });

  it('makes one approval of two staff approving the same application at once', async () => {
    const programmeId = await programme(10_000_000);
    const { applicationId } = await streetApproved(programmeId);
    const outcomes = await Promise.allSettled([district, district2].map((who) => reviewApplication(who, applicationId, { decision: 'approve' }, undefined)));
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    expect((outcomes.find((o) => o.status === 'rejected') as PromiseRejectedResult).reason.statusCode).toBe(409);
    const { Item: budget } = await SubsidyBudgetEntity.build(GetItemCommand).key({ programmeId }).options({ consistent: true }).send();
    expect(budget!.budgetFen - budget!.leftFen).toBe(60_000);
  });

  it('refuses a month already claimed, naming it, in sequence, at once and on a replay; a withdrawal frees it', async () => {
    const programmeId = await programme(10_000_000);
    const userId = await flexibleWorker();
    const me = person(userId);
    const [m3, m2, m1] = [monthsAgo(3), monthsAgo(2), monthsAgo(1)];
    const first = await applyForSubsidy(me, programmeId, body(userId, [m3, m2]), undefined);
    await expect(applyForSubsidy(me, programmeId, body(userId, [m2, m1]), undefined)).rejects.toMatchObject({ statusCode: 409, message: expect.stringContaining(`${Number(m2.slice(5))}月已经申请过`) });
    // Two applications for the same month at once: one wins.
    const race = await Promise.allSettled([applyForSubsidy(me, programmeId, body(userId, [m1]), undefined), applyForSubsidy(me, programmeId, body(userId, [m1]), undefined)]);
    expect(race.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    // A replay of the same request with the same key is the same application.
    const replay = (key: string) => idempotent<Awaited<ReturnType<typeof applyForSubsidy>>>(`${userId}:subsidy-apply:${programmeId}`, key, body(userId, [monthsAgo(4)]), (record) => applyForSubsidy(me, programmeId, body(userId, [monthsAgo(4)]), record));
    const [a, b] = [await replay('same-key-0001'), await replay('same-key-0001')];
    expect(b.application.id).toBe(a.application.id);
    // Withdrawn before the district's review: its months can be applied for again.
    await withdrawApplication(await ownApplication(me, first.application.id), me.userId);
    await expect(applyForSubsidy(me, programmeId, body(userId, [m3]), undefined)).resolves.toBeDefined();
  });

  it('holds the longest period across applications, and says so before she applies', async () => {
    const programmeId = await programme(100_000_000);
    const userId = await flexibleWorker();
    const months = Array.from({ length: 36 }, (_, i) => monthsAgo(i + 1));
    for (let i = 0; i < 36; i += 12) await applyForSubsidy(person(userId), programmeId, body(userId, months.slice(i, i + 12)), undefined);
    await expect(applyForSubsidy(person(userId), programmeId, body(userId, [monthsAgo(40)]), undefined)).rejects.toMatchObject({ statusCode: 422 });
    const offer = (await myOffers(person(userId))).items.find((o) => o.programme.id === programmeId)!;
    expect(offer).toMatchObject({ ok: false, monthsLeft: 0, missing: ['这项补贴最多享受36个月，您已全部享受'] });
  });

  it('refuses what the rule does not allow: a month not yet come, missing evidence, someone not in flexible work', async () => {
    const programmeId = await programme(10_000_000);
    const userId = await flexibleWorker();
    const next = addCalendarDays(`${thisMonth}-28`, 5).slice(0, 7);
    await expect(applyForSubsidy(person(userId), programmeId, body(userId, [next]), undefined)).rejects.toMatchObject({ statusCode: 400 });
    await expect(applyForSubsidy(person(userId), programmeId, body(userId, [monthsAgo(1)], { evidence: [] }), undefined)).rejects.toMatchObject({ statusCode: 400, details: [{ message: '请上传：社会保险缴费凭证' }] });
    await PersonCategoryEntity.build(UpdateItemCommand).item({ userId, code: 'employed', until: today }).send();
    await expect(applyForSubsidy(person(userId), programmeId, body(userId, [monthsAgo(1)]), undefined)).rejects.toMatchObject({ statusCode: 422, message: expect.stringContaining('须办理就业登记') });
  });
});

describe('programmes that take nothing', () => {
  it('accepts nothing on a withdrawn or expired programme, and does not offer them', async () => {
    const userId = await flexibleWorker();
    const withdrawn = await programme(10_000_000);
    await withdrawSubsidyProgramme(district, withdrawn, '政策到期');
    await expect(applyForSubsidy(person(userId), withdrawn, body(userId, [monthsAgo(1)]), undefined)).rejects.toMatchObject({ statusCode: 422, message: '这个补贴项目已停止受理' });
    const expired = await programme(10_000_000);
    await SubsidyProgrammeEntity.build(UpdateItemCommand).item({ programmeId: expired, applyUntil: addCalendarDays(today, -1) }).send();
    await expect(applyForSubsidy(person(userId), expired, body(userId, [monthsAgo(1)]), undefined)).rejects.toMatchObject({ statusCode: 422, message: expect.stringContaining('这个补贴项目的受理时间是') });
    const offered = (await myOffers(person(userId))).items.map((o) => o.programme.id);
    expect(offered).not.toContain(withdrawn);
    expect(offered).not.toContain(expired);
    // Nothing was claimed by the refusals.
    const { Items: claims = [] } = await table.build(QueryCommand).query({ partition: `SUBCLAIM#flexible_si#${userId}` }).options({ consistent: true }).send();
    expect(claims).toEqual([]);
  });
});

describe('公示 and payment', () => {
  it('shows only masked lines, holds exactly the line objected to, pays nothing before the end, and pays to the fen through a failed line and its re-send', async () => {
    const programmeId = await programme(10_000_000);
    const apps: { userId: string; applicationId: string }[] = [];
    for (let i = 0; i < 4; i += 1) apps.push(await streetApproved(programmeId, [monthsAgo(2), monthsAgo(1)]));
    for (const a of apps) await reviewApplication(district, a.applicationId, { decision: 'approve' }, undefined);
    // A fifth refused by the district: its months come back, its budget was never taken.
    const refused = await streetApproved(programmeId);
    await reviewApplication(district, refused.applicationId, { decision: 'refuse', reason: '核查时本人已在单位就业' }, undefined);

    const { notice } = await publishNotice(district, { programmeId, contactPhone: '0591-87654321' });
    await drain();
    const page = await publicNotice(notice.id);
    expect(page.notice).toMatchObject({ status: 'open', lineCount: 4, amountFen: 4 * 120_000 });
    expect(page.lines.map((l) => l.maskedName)).toEqual(['林**', '林**', '林**', '林**']);
    const text = JSON.stringify(page);
    expect(text).not.toMatch(/\d{17}[\dX]/); // no ID number
    expect(text).not.toMatch(/1[3-9]\d{9}/); // no phone
    expect(text).not.toContain('6217000010001234567'); // no account

    // Someone objects to line 2: only that line is held.
    const { objection } = await raiseObjection(notice.id, { lineNo: 2, what: '此人长期在外地，并未在本地灵活就业', contact: '王先生' });
    const stages = await Promise.all(apps.map((a) => loadApplication(a.applicationId).then((x) => x!.stage)));
    expect(stages.filter((s) => s === 'held')).toHaveLength(1);
    expect(stages.filter((s) => s === 'on_notice')).toHaveLength(3);
    expect((await publicNotice(notice.id)).lines.find((l) => l.lineNo === 2)!.held).toBe(true);

    // Nothing is paid before the notice ends.
    await expect(approvePayment(finance, notice.id, undefined)).rejects.toMatchObject({ statusCode: 409 });
    // The notice ends (its last day has passed): the lines not held are cleared.
    await SubsidyNoticeEntity.build(UpdateItemCommand).item({ noticeId: notice.id, endsOn: addCalendarDays(today, -1) }).send();
    await endNotices();
    await drain();
    expect((await publicNotice(notice.id)).notice.status).toBe('ended');
    await expect(raiseObjection(notice.id, { lineNo: 1, what: '公示结束后才来反映的问题', contact: '李女士' })).rejects.toMatchObject({ statusCode: 409 });
    const afterEnd = await Promise.all(apps.map((a) => loadApplication(a.applicationId)));
    expect(afterEnd.map((a) => a!.stage).sort()).toEqual(['cleared', 'cleared', 'cleared', 'held']);
    const held = afterEnd.find((a) => a!.stage === 'held')!;

    // Upheld: refused with the reason she reads, its budget given back.
    await resolveObjection(district, objection.id, { upheld: true, resolution: '经核实本人在外省工作' });
    expect(await loadApplication(held.applicationId)).toMatchObject({ stage: 'refused', reason: expect.stringContaining('经核实本人在外省工作') });

    // Finance pays what was cleared: three lines.
    const { payment } = await approvePayment(finance, notice.id, undefined);
    await drain();
    const file = await payoutFile(finance, payment.id);
    const lines = file.content.split('\r\n').slice(1).map((r) => JSON.parse(`[${r}]`) as string[]);
    expect(lines).toHaveLength(3);
    expect(lines.every((l) => l[3] === account.accountNo && l[5] === '120000')).toBe(true);
    // The bank pays two and returns one.
    const [ok1, ok2, bad] = lines.map((l) => l[0]);
    const results = `line_id,result,reason\r\n${ok1},成功,\r\n${ok2},成功,\r\n${bad},失败,账户已销户`;
    expect(await importBankResults(finance, payment.id, results)).toMatchObject({ paid: 2, failed: 1, unchanged: 0 });
    expect(await importBankResults(finance, payment.id, results)).toMatchObject({ paid: 0, failed: 0, unchanged: 3 });
    const failed = (await loadApplication(bad))!;
    expect(failed).toMatchObject({ stage: 'failed', reason: expect.stringContaining('账户已销户') });

    // She puts the account right; the next payment re-sends her line alone.
    await fixAccount(await ownApplication(person(failed.userId), bad), failed.userId, { accountNo: '6222000020002345678', bankName: '中国工商银行福州分行' });
    const again = await approvePayment(finance, notice.id, undefined);
    await drain();
    const resent = (await payoutFile(finance, again.payment.id)).content.split('\r\n').slice(1);
    expect(resent).toHaveLength(1);
    expect(resent[0]).toContain('6222000020002345678');
    await importBankResults(finance, again.payment.id, `line_id,result,reason\r\n${bad},成功,`);

    // Paid = approved − refused − held, to the fen: 4 approved × 120,000, one refused on objection.
    const r = await reconcileSubsidyProgramme({ programmeId, name: 'p' });
    expect(r).toMatchObject({ reservedFen: 360_000, paidFen: 360_000, failedFen: 0, heldFen: 0, differenceFen: 0, missingRows: [] });
    // A ledger row removed by hand is named.
    await SubsidyLedgerRowEntity.build(DeleteItemCommand).key({ programmeId, applicationId: ok1 }).send();
    const broken = await reconcileSubsidyProgramme({ programmeId, name: 'p' });
    expect(broken).toMatchObject({ differenceFen: 120_000, missingRows: [ok1] });
  });

  it('keeps the anonymous payment record of a closed account and removes the person: name, account, evidence, the notice’s name, the month claims', async () => {
    const programmeId = await programme(10_000_000);
    const paid = await streetApproved(programmeId, [monthsAgo(1)]);
    await reviewApplication(district, paid.applicationId, { decision: 'approve' }, undefined);
    const { notice } = await publishNotice(district, { programmeId, contactPhone: '0591-87654321' });
    await drain();
    await SubsidyNoticeEntity.build(UpdateItemCommand).item({ noticeId: notice.id, endsOn: addCalendarDays(today, -1) }).send();
    await endNotices();
    await drain();
    const { payment } = await approvePayment(finance, notice.id, undefined);
    await drain();
    await importBankResults(finance, payment.id, `line_id,result,reason\r\n${paid.applicationId},成功,`);
    // A second application still at the street is withdrawn by the erasure.
    const { application: pending } = await applyForSubsidy(person(paid.userId), programmeId, body(paid.userId, [monthsAgo(2)]), undefined);
    expect((await dataExport(paid.userId)).data.subsidies).toHaveLength(2);

    await ConsentsEntity.build(PutItemCommand).item({ userId: paid.userId, closing: { requestedAt: '2026-10-10T00:00:00.000Z', eraseAfter: '2026-10-17' }, updatedAt: '2026-10-10T00:00:00.000Z' }).send();
    expect(await eraseAccount(paid.userId)).toBeDefined();
    const kept = await loadApplication(paid.applicationId);
    expect(kept).toMatchObject({ stage: 'paid', amountFen: 60_000, months: [monthsAgo(1)], programmeId, personName: ERASED_PERSON_LABEL, idNumberMasked: '', evidence: [], accountMasked: '（已删除）' });
    expect(kept!.siteCheck).toBeUndefined();
    expect(await loadApplication(pending.id)).toMatchObject({ stage: 'withdrawn' });
    expect((await publicNotice(notice.id)).lines[0].maskedName).toBe(ERASED_PERSON_LABEL);
    expect((await payoutFile(finance, payment.id)).content).not.toContain(account.accountNo);
    const { Items: claims = [] } = await table.build(QueryCommand).query({ partition: `SUBCLAIM#flexible_si#${paid.userId}` }).options({ consistent: true }).send();
    expect(claims).toEqual([]);
  });
});

describe('a unit’s application (R21) and what follows payment (R19)', () => {
  const owner: Principal = { userId: 'sb-unit-owner', roles: ['jobseeker'] };
  const stranger: Principal = { userId: 'sb-unit-stranger', roles: ['jobseeker'] };
  const unitAccount = { accountNo: '35001866000052500123', bankName: '中国建设银行福州鼓楼支行' };
  const postArea = '350102001001';

  /** An approved unit, its confirmed post (in another context's items), and a hard-to-employ person placed in it for a year from `from`. */
  async function placedInUnitPost(employerId: string, from: string) {
    const userId = await flexibleWorker('吴建国');
    const at = new Date().toISOString();
    const unitName = await employerFixture(employerId, [owner.userId], postArea);
    const postId = `01JPOST${employerId.slice(-19)}`;
    await WelfarePostEntity.build(PutItemCommand)
      .item({ postId, unitName, title: '助老员', duties: '上门陪护独居老人', areaCode: postArea, seats: 2, filled: 1, funding: 'supported', kind: 'service', forHardToEmploy: true, publicInterest: true, monthlyWageFen: 230_000, status: 'confirmed', createdBy: owner.userId, employerId, createdAt: at, updatedAt: at, version: 3, ...welfarePostAreaKeys(postArea, at, postId), ...welfarePostUnitKeys(employerId, at, postId) })
      .send();
    const caseId = `01JCASE${employerId.slice(-19)}`;
    await WelfarePlacementEntity.build(PutItemCommand).item({ postId, caseId, userId, personName: '吴建国', from, until: addCalendarDays(from, 365), placedBy: 'sb-specialist', at }).send();
    return { userId, postId, caseId, unitName };
  }

  async function welfareProgramme() {
    const p = await createSubsidyProgramme(district, { name: '公益性岗位补贴（2026年）', kind: 'welfare_post', areaCode: '350102', budgetFen: 10_000_000, applyFrom: '2026-01-01', applyUntil: '2027-12-31' });
    await approveSubsidyProgramme(finance, p.id);
    return p.id;
  }

  const unitBody = (programmeId: string, placed: { postId: string; caseId: string }, months: string[]) => ({
    programmeId,
    postId: placed.postId,
    caseId: placed.caseId,
    months,
    evidence: ['labour_contract', 'payroll', 'si_receipt'].map((code) => ({ code, key: `evidence/${owner.userId}/${code}.jpg` })),
    account: unitAccount,
  });

  it('lets a unit claim its placed person’s months once, within the placement, pays the unit, tells the member at each step and opens the follow-ups', async () => {
    const programmeId = await welfareProgramme();
    const employerId = '01JUNIT000000000000000000A';
    const placed = await placedInUnitPost(employerId, addCalendarDays(`${monthsAgo(3)}-01`, 0));
    // 可以申请, for the person on its post; nobody else's unit.
    const offers = await unitOffersOf(owner, employerId);
    expect(offers.items).toHaveLength(1);
    expect(offers.items[0].placements).toEqual([expect.objectContaining({ postTitle: '助老员', personMasked: '吴**', ok: true, monthsLeft: 36 })]);
    await expect(unitOffersOf(stranger, employerId)).rejects.toMatchObject({ statusCode: 404 });
    // The person cannot apply for it themselves; a month before the placement is refused beside the field.
    await expect(applyForSubsidy(person(placed.userId), programmeId, body(placed.userId, [monthsAgo(1)]), undefined)).rejects.toMatchObject({ statusCode: 422, message: '公益性岗位补贴由用人单位申请' });
    await expect(applyAsUnit(owner, employerId, unitBody(programmeId, placed, [monthsAgo(5)]), undefined)).rejects.toMatchObject({
      statusCode: 400,
      details: [{ path: ['months'], message: expect.stringContaining('不在这位人员的上岗期间') }],
    });
    const { application } = await applyAsUnit(owner, employerId, unitBody(programmeId, placed, [monthsAgo(2), monthsAgo(1)]), undefined);
    expect(application).toMatchObject({ stage: 'submitted', unitName: placed.unitName, personMasked: '吴**', amountFen: 2 * 180_000, accountMasked: '**** 0123' });
    await expect(applyAsUnit(owner, employerId, unitBody(programmeId, placed, [monthsAgo(1)]), undefined)).rejects.toMatchObject({ statusCode: 409, message: expect.stringContaining('已经申请过') });
    // The unit's list has it; the person sees it in theirs but cannot withdraw it.
    expect((await unitApplications(owner, employerId)).items.map((a) => a.id)).toEqual([application.id]);
    await expect(ownApplication(person(placed.userId), application.id)).rejects.toMatchObject({ statusCode: 404 });
    const images = [(await loadApplication(application.id))!];

    // Through the street (on site), the district, the notice, its end and payment, as any application.
    await reviewApplication(street, application.id, { decision: 'approve', siteCheck }, undefined);
    await reviewApplication(district, application.id, { decision: 'approve' }, undefined);
    images.push((await loadApplication(application.id))!);
    const { notice } = await publishNotice(district, { programmeId, contactPhone: '0591-87654321' });
    await drain();
    expect((await publicNotice(notice.id)).lines).toEqual([expect.objectContaining({ maskedName: '吴**', amountFen: 360_000 })]);
    await SubsidyNoticeEntity.build(UpdateItemCommand).item({ noticeId: notice.id, endsOn: addCalendarDays(today, -1) }).send();
    await endNotices();
    await drain();
    const { payment } = await approvePayment(finance, notice.id, undefined);
    await drain();
    const line = (await payoutFile(finance, payment.id)).content.split('\r\n')[1];
    expect(line).toContain(unitAccount.accountNo);
    expect(line).toContain(placed.unitName);
    await importBankResults(finance, payment.id, `line_id,result,reason\r\n${application.id},成功,`);
    expect(await loadApplication(application.id)).toMatchObject({ stage: 'paid' });
    images.push((await loadApplication(application.id))!);

    // Every step on the record: the application's audit chain, unbroken, from 提交 to 已发放.
    const events = await readAuditEvents('SubsidyApplication', application.id);
    expect(events.map((e) => e.toState)).toEqual(['submitted', 'street_approved', 'approved', 'on_notice', 'cleared', 'paying', 'paid']);
    expect(events.map((e) => e.actorId).slice(0, 3)).toEqual([owner.userId, street.userId, district.userId]);
    expect(findBrokenLink(events)).toBe(-1);
    expect(images.at(-1)!.auditHead).toBe(`7:${events[6].hash}`);

    // 数据看板: made, approved, paid (its amount under its subsidy), each counted once however often the stream delivers it.
    const month = today.slice(0, 7);
    const before = (await figuresOf('350102001', month)).total.figures;
    const records = images.map((img, i) => ({ pk: `SUBAPP#${application.id}`, sk: 'APPLICATION', newImage: img as Record<string, unknown>, ...(i ? { oldImage: images[i - 1] as Record<string, unknown> } : {}) }));
    for (let delivery = 0; delivery < 2; delivery += 1) for (const r of records) for (const e of await figureEvents(r, async () => undefined)) await countEvent(e);
    const after = (await figuresOf('350102001', month)).total.figures;
    const moved = (f: keyof typeof after) => after[f] - before[f];
    expect({ made: moved('subsidyApplications'), approved: moved('subsidyApprovals'), paid: moved('subsidiesPaid'), fen: moved('subsidiesPaidFen'), welfare: moved('subsidyWelfarePostFen'), days: moved('subsidyDaysToPay') }).toEqual({
      made: 1,
      approved: 1,
      paid: 1,
      fen: 360_000,
      welfare: 360_000,
      days: 0,
    });

    // The member who applied was told at each step, in the template's lengths.
    const { Items: messages = [] } = await table.build(QueryCommand).entities(OutboxEntity).query({ index: 'gsi1', partition: 'OUTBOX#pending' }).options({ consistent: false }).send();
    const told = messages.filter((m) => m.userId === owner.userId).map((m) => JSON.parse(m.dataJson) as Record<string, string>);
    expect(told.map((d) => d.phrase3)).toEqual(expect.arrayContaining(['初审通过', '复审通过', '公示中', '公示结束', '已发放']));
    for (const d of told) expect(d.phrase3.length <= 5 && d.thing4.length <= 20).toBe(true);
    expect(messages.some((m) => m.userId === placed.userId)).toBe(false);

    // R19: three follow-ups for the post's community, 30, 90 and 180 days after payment.
    const { Items: tasks = [] } = await table.build(QueryCommand).entities(TaskEntity).query({ index: 'gsi2', partition: `USER_TASKS#${placed.userId}` }).options({ consistent: false }).send();
    const followUps = tasks.filter((t) => t.kind === 'subsidy_followup');
    expect(followUps.map((t) => t.due).sort()).toEqual([30, 90, 180].map((d) => calendarDeadline(today, d)));
    expect(followUps.every((t) => t.areaCode === postArea && t.subjectId === application.id && t.detail.includes('是否仍在岗'))).toBe(true);
  });
});
