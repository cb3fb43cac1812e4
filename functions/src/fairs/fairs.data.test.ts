// Job fairs on DynamoDB Local (issue 20, first part): booths are never given beyond the fair's
// count, even to 12 employers accepted at once; an employer applies once and brings only its own
// published posts; a special fair refuses people outside its group (422, saying why); a check-in
// code works once per person per day, cannot be forged, and is refused on another day; 我有意向
// is an application marked as from the fair; signing up writes the reminders once; publishing
// closes its 3-working-day task and opens the screen's (the working day before); acceptance opens
// the receipt's (5 working days after), which the unit's receipt closes; the venue screen and the
// fair's figures, kept as counters in the transactions (equal to its records, under concurrent
// check-ins); fairs held and attendances in the assessment figures.
import { GetItemCommand } from 'dynamodb-toolbox/entity/actions/get';
import { addCalendarDays, addWorkingDays, chinaInstant, previousWorkingDay, todayInChina, type FairBody } from '@doorstep/shared';
import { createTestTable } from '../../../tests/support/table';
import { employerFixture } from '../../../tests/support/providers';
import { vacancyRecord } from '../../../tests/support/records';
import { makeIdNumber, registrationBody } from '../../../tests/support/people';
import { QueryCommand } from 'dynamodb-toolbox/table/actions/query';
import { OutboxEntity, TaskEntity } from '../db/entities';
import { table } from '../db/table';
import type { Principal } from '../http/session';
import { figureEvents } from '../figures/count';
import { myApplications, recordOutcome } from '../jobs/applications';
import { putRegistration } from '../registration/service';
import { gateCode, intention, personCode, registerForFair, scanCheckin, selfCheckin } from './attendance';
import { BoothEntity, FairCheckInEntity, FairEntity } from './entities';
import { applyForBooth, createFair, decideBooth, loadFair, publishFair } from './fairs';
import { countedFromPartition, employerBooths, figuresOf, fileReceipt, markScreenReady, screenOf } from './results';
import { PutItemCommand } from 'dynamodb-toolbox/entity/actions/put';

jest.setTimeout(60_000);
beforeAll(createTestTable);

const street: Principal = { userId: 'fair-street', roles: ['staff'], level: 'street', areaCode: '350102001' };
const otherStreet: Principal = { userId: 'fair-other', roles: ['staff'], level: 'street', areaCode: '350102003' };
const TODAY = todayInChina();
const TOMORROW = addCalendarDays(TODAY, 1);

const fairBody = (over: Partial<FairBody> = {}): FairBody => ({
  title: '鼓东街道春风行动招聘会',
  kind: 'general',
  mode: 'onsite',
  areaCode: '350102001',
  startDate: TODAY,
  endDate: TOMORROW,
  hours: { from: '09:00', to: '12:00' },
  venue: { name: '鼓东街道文化广场', address: '鼓东路 1 号', lat: 26.086, lng: 119.301 },
  intro: '社区周边商超、餐饮、物业企业现场招聘。',
  booths: 5,
  ...over,
});

const employerId = (n: number) => `01KFA1RBE0000000000000${String(n).padStart(4, '0')}`;
const vacancyId = (n: number) => `01KFA1RVA0000000000000${String(n).padStart(4, '0')}`;

describe('a fair', () => {
  it('is the street’s to publish within 3 working days; publishing closes that task; another street gets 404', async () => {
    const fair = await createFair(street, fairBody());
    const stored = (await loadFair(fair.id, true))!;
    const { Item: task } = await TaskEntity.build(GetItemCommand).key({ taskId: stored.publishTaskId }).send();
    expect(task).toMatchObject({ kind: 'fair_publish', areaCode: '350102001', due: addWorkingDays(TODAY, 3), status: 'open' });
    await expect(publishFair(otherStreet, fair.id)).rejects.toMatchObject({ statusCode: 404 });
    await publishFair(street, fair.id);
    expect((await TaskEntity.build(GetItemCommand).key({ taskId: stored.publishTaskId }).send()).Item).toMatchObject({ status: 'done', onTime: true });
    await expect(publishFair(street, fair.id)).rejects.toMatchObject({ statusCode: 409 });
    await expect(createFair({ ...street, level: 'community', areaCode: '350102001001' }, fairBody())).rejects.toMatchObject({ statusCode: 403 });
  });

  it('never gives more booths than it has, even with 12 employers accepted at once; each employer applies once, with its own published posts', async () => {
    const fair = await createFair(street, fairBody({ title: '五个展位的招聘会', booths: 5 }));
    await publishFair(street, fair.id);
    for (let n = 1; n <= 12; n += 1) {
      await employerFixture(employerId(n), [`boss-${n}`], '350102001001');
      await vacancyRecord(vacancyId(n), { employerId: employerId(n) });
      await applyForBooth(`boss-${n}`, fair.id, { employerId: employerId(n), vacancyIds: [vacancyId(n)] });
    }
    await expect(applyForBooth('boss-1', fair.id, { employerId: employerId(1), vacancyIds: [vacancyId(1)] })).rejects.toMatchObject({ statusCode: 409 });
    // Another unit's post, or a paused one of its own: refused.
    await employerFixture(employerId(13), ['boss-13'], '350102001001');
    await expect(applyForBooth('boss-13', fair.id, { employerId: employerId(13), vacancyIds: [vacancyId(2)] })).rejects.toMatchObject({ statusCode: 422 });
    await vacancyRecord(vacancyId(13), { employerId: employerId(13), status: 'paused' });
    await expect(applyForBooth('boss-13', fair.id, { employerId: employerId(13), vacancyIds: [vacancyId(13)] })).rejects.toMatchObject({ statusCode: 422 });
    await expect(applyForBooth('not-a-member', fair.id, { employerId: employerId(13), vacancyIds: [vacancyId(13)] })).rejects.toMatchObject({ statusCode: 404 });

    const results = await Promise.allSettled(Array.from({ length: 12 }, (_, i) => decideBooth(street, fair.id, employerId(i + 1), { decision: 'accept' })));
    const accepted = results.filter((r): r is PromiseFulfilledResult<Awaited<ReturnType<typeof decideBooth>>> => r.status === 'fulfilled');
    expect(accepted).toHaveLength(5);
    expect(accepted.map((a) => a.value.boothNo).sort()).toEqual([1, 2, 3, 4, 5]);
    expect(results.filter((r) => r.status === 'rejected').every((r) => (r as PromiseRejectedResult).reason.statusCode === 409)).toBe(true);
    expect((await loadFair(fair.id, true))?.accepted).toBe(5);
    await expect(decideBooth(otherStreet, fair.id, employerId(1), { decision: 'accept' })).rejects.toMatchObject({ statusCode: 404 });
  });
});

describe('going to a fair', () => {
  let fairId: string;
  beforeAll(async () => {
    fairId = (await createFair(street, fairBody({ title: '女性就业专场', kind: 'women' }))).id;
    await publishFair(street, fairId);
    // Gender comes from the ID number: an even sequence is a woman's, an odd one a man's.
    await putRegistration('fair-ann', registrationBody({ idNumber: makeIdNumber('1985-02-02', 662), name: '林安' }));
    await putRegistration('fair-bo', registrationBody({ idNumber: makeIdNumber('1985-02-03', 671), name: '陈博' }));
  });

  it('a special fair refuses people outside its group, saying why', async () => {
    await expect(registerForFair('fair-bo', fairId)).rejects.toMatchObject({ statusCode: 422, message: '这是女性就业专场，只接受女性报名' });
    await registerForFair('fair-ann', fairId);
    await expect(registerForFair('fair-ann', fairId)).rejects.toMatchObject({ statusCode: 409 });
    await expect(registerForFair('fair-nobody', fairId)).rejects.toMatchObject({ statusCode: 403 });
  });

  it('signing up for a fair days ahead writes its two reminders once: the day before and an hour before it opens', async () => {
    const later = await createFair(street, fairBody({ title: '三天后的招聘会', startDate: addCalendarDays(TODAY, 3), endDate: addCalendarDays(TODAY, 3) }));
    await publishFair(street, later.id);
    await registerForFair('fair-ann', later.id);
    await expect(registerForFair('fair-ann', later.id)).rejects.toMatchObject({ statusCode: 409 });
    const { Items = [] } = await table.build(QueryCommand).entities(OutboxEntity).query({ index: 'gsi1', partition: 'OUTBOX#pending' }).send();
    const opens = new Date(chinaInstant(addCalendarDays(TODAY, 3), '09:00')).getTime();
    expect(Items.filter((m) => m.messageId.startsWith(`fair-${later.id}-fair-ann-`)).map((m) => m.sendAfter).sort()).toEqual([
      new Date(opens - 24 * 3600_000).toISOString(),
      new Date(opens - 3600_000).toISOString(),
    ]);
  });

  it('a check-in code works once per person per day, cannot be forged, and is refused on another day', async () => {
    const { code } = await personCode('fair-ann', fairId);
    await expect(personCode('fair-bo', fairId)).rejects.toMatchObject({ statusCode: 422 });
    const forged = `${code.slice(0, -4)}${code.slice(-4) === 'AAAA' ? 'BBBB' : 'AAAA'}`;
    await expect(scanCheckin(street, fairId, forged)).rejects.toMatchObject({ statusCode: 422 });
    await expect(scanCheckin(street, fairId, 'not.a.code')).rejects.toMatchObject({ statusCode: 422 });
    expect(await scanCheckin(street, fairId, code)).toMatchObject({ userId: 'fair-ann', name: '林安', date: TODAY });
    await expect(scanCheckin(street, fairId, code)).rejects.toMatchObject({ statusCode: 409, message: '今天已经签到过了' });
    // Tomorrow (the fair's second day) the same code is refused; a new one works once.
    const tomorrow = new Date(chinaInstant(TOMORROW, '09:30'));
    await expect(scanCheckin(street, fairId, code, tomorrow)).rejects.toMatchObject({ statusCode: 422, message: `这是${TODAY}的签到码，今天不能用` });
    const next = await personCode('fair-ann', fairId, tomorrow);
    await scanCheckin(street, fairId, next.code, tomorrow);
    await expect(scanCheckin(otherStreet, fairId, next.code, tomorrow)).rejects.toMatchObject({ statusCode: 404 });
  });

  it('a person can scan the gate’s code of the day instead, once', async () => {
    // Someone who came without pre-registering.
    const { code } = await gateCode(street, fairId);
    await selfCheckin('fair-cy', fairId, code);
    await expect(selfCheckin('fair-cy', fairId, code)).rejects.toMatchObject({ statusCode: 409 });
    const { code: personal } = await personCode('fair-ann', fairId);
    await expect(selfCheckin('fair-cy', fairId, personal)).rejects.toMatchObject({ statusCode: 422 });
  });

  it('我有意向 sends her registration to a post at an accepted booth, marked as from the fair', async () => {
    const other = await createFair(street, fairBody({ title: '有展位的综合招聘会' }));
    await publishFair(street, other.id);
    await employerFixture(employerId(50), ['boss-50'], '350102001001');
    await vacancyRecord(vacancyId(50), { employerId: employerId(50) });
    await applyForBooth('boss-50', other.id, { employerId: employerId(50), vacancyIds: [vacancyId(50)] });
    await expect(intention('fair-ann', other.id, vacancyId(50))).rejects.toMatchObject({ statusCode: 404 }); // not accepted yet
    await decideBooth(street, other.id, employerId(50), { decision: 'accept' });
    const { applicationId } = await intention('fair-ann', other.id, vacancyId(50));
    expect((await myApplications('fair-ann')).find((a) => a.id === applicationId)).toMatchObject({ fairId: other.id, status: 'applied' });
    await expect(intention('fair-ann', other.id, vacancyId(50))).rejects.toMatchObject({ statusCode: 409 });
  });
});

describe('before and after a fair', () => {
  const START = addCalendarDays(TODAY, 8);
  const END = addCalendarDays(TODAY, 9);
  const receipt = { resumes: 12, intentions: 5, hires: 2 };
  let heldFairId = '';

  it('publishing an on-site fair opens the screen task (the working day before it); checking the screen closes it once', async () => {
    const fair = await createFair(street, fairBody({ title: '下周的招聘会', startDate: START, endDate: END }));
    const published = await publishFair(street, fair.id);
    expect(published.screenDue).toBe(previousWorkingDay(START));
    const stored = (await loadFair(fair.id, true))!;
    const { Item: task } = await TaskEntity.build(GetItemCommand).key({ taskId: stored.screenTaskId! }).send();
    expect(task).toMatchObject({ kind: 'fair_screen', due: previousWorkingDay(START), status: 'open', subjectType: 'Fair', subjectId: fair.id });
    await expect(markScreenReady(otherStreet, fair.id)).rejects.toMatchObject({ statusCode: 404 });
    expect((await markScreenReady(street, fair.id)).screenReadyAt).toBeDefined();
    expect((await TaskEntity.build(GetItemCommand).key({ taskId: stored.screenTaskId! }).send()).Item).toMatchObject({ status: 'done', onTime: true });
    await expect(markScreenReady(street, fair.id)).rejects.toMatchObject({ statusCode: 409 });
    // An online fair has no venue screen.
    const online = await createFair(street, fairBody({ title: '网络招聘会', mode: 'online', venue: undefined, startDate: START, endDate: END }));
    await publishFair(street, online.id);
    expect((await loadFair(online.id, true))?.screenTaskId).toBeUndefined();
  });

  it('an accepted unit files its receipt from the fair’s first day; the first filing closes the office’s 5-working-day task, a later one corrects the numbers', async () => {
    const fair = await createFair(street, fairBody({ title: '回执测试招聘会', startDate: START, endDate: END }));
    await publishFair(street, fair.id);
    await employerFixture(employerId(60), ['boss-60'], '350102001001');
    await vacancyRecord(vacancyId(60), { employerId: employerId(60) });
    await applyForBooth('boss-60', fair.id, { employerId: employerId(60), vacancyIds: [vacancyId(60)] });
    await expect(fileReceipt('boss-60', fair.id, employerId(60), receipt)).rejects.toMatchObject({ statusCode: 422, message: '展位审核通过的单位才需要交回执' });
    const accepted = await decideBooth(street, fair.id, employerId(60), { decision: 'accept' });
    expect(accepted.receiptDue).toBe(addWorkingDays(END, 5));
    const { Item: booth } = await BoothEntity.build(GetItemCommand).key({ fairId: fair.id, employerId: employerId(60) }).send();
    const taskKey = { taskId: booth!.receiptTaskId! };
    expect((await TaskEntity.build(GetItemCommand).key(taskKey).send()).Item).toMatchObject({ kind: 'fair_receipt', due: addWorkingDays(END, 5), status: 'open', areaCode: '350102001' });

    await expect(fileReceipt('boss-60', fair.id, employerId(60), receipt)).rejects.toMatchObject({ statusCode: 422, message: `招聘会${START}开始，开始后才能交回执` });
    const onLastDay = new Date(chinaInstant(END, '17:00'));
    await expect(fileReceipt('boss-61', fair.id, employerId(60), receipt, onLastDay)).rejects.toMatchObject({ statusCode: 404 });
    const filed = await fileReceipt('boss-60', fair.id, employerId(60), receipt, onLastDay);
    expect(filed.receipt).toMatchObject(receipt);
    expect((await TaskEntity.build(GetItemCommand).key(taskKey).send()).Item).toMatchObject({ status: 'done', onTime: true, completedBy: 'boss-60' });
    // Two more hires a fortnight later: the numbers are corrected, the task stays as it was.
    const later = new Date(chinaInstant(addCalendarDays(END, 14), '10:00'));
    await fileReceipt('boss-60', fair.id, employerId(60), { ...receipt, hires: 4 }, later);
    const [row] = await employerBooths('boss-60', employerId(60)).then((rows) => rows.filter((r) => r.fair.id === fair.id));
    expect(row.booth).toMatchObject({ status: 'accepted', boothNo: 1, receiptDue: addWorkingDays(END, 5), receipt: { resumes: 12, intentions: 5, hires: 4 } });
    expect((await TaskEntity.build(GetItemCommand).key(taskKey).send()).Item).toMatchObject({ status: 'done', onTime: true });
  });

  it('a receipt filed after its 5 working days closes the task late', async () => {
    const fair = await createFair(street, fairBody({ title: '逾期回执招聘会', startDate: START, endDate: END }));
    await publishFair(street, fair.id);
    await employerFixture(employerId(62), ['boss-62'], '350102001001');
    await vacancyRecord(vacancyId(62), { employerId: employerId(62) });
    await applyForBooth('boss-62', fair.id, { employerId: employerId(62), vacancyIds: [vacancyId(62)] });
    await decideBooth(street, fair.id, employerId(62), { decision: 'accept' });
    const late = new Date(chinaInstant(addCalendarDays(addWorkingDays(END, 5), 1), '10:00'));
    await fileReceipt('boss-62', fair.id, employerId(62), receipt, late);
    const { Item: booth } = await BoothEntity.build(GetItemCommand).key({ fairId: fair.id, employerId: employerId(62) }).send();
    expect((await TaskEntity.build(GetItemCommand).key({ taskId: booth!.receiptTaskId! }).send()).Item).toMatchObject({ status: 'done', onTime: false });
  });

  it('the screen shows the accepted units in booth order with their posts and today’s check-ins; the figures count the fair from its own records', async () => {
    const fair = await createFair(street, fairBody({ title: '数据测试招聘会' }));
    heldFairId = fair.id;
    await publishFair(street, fair.id);
    for (const n of [70, 71, 72]) {
      await employerFixture(employerId(n), [`boss-${n}`], '350102001001');
      await vacancyRecord(vacancyId(n), { employerId: employerId(n) });
      await applyForBooth(`boss-${n}`, fair.id, { employerId: employerId(n), vacancyIds: [vacancyId(n)] });
    }
    await decideBooth(street, fair.id, employerId(71), { decision: 'accept' });
    await decideBooth(street, fair.id, employerId(70), { decision: 'accept' });
    await decideBooth(street, fair.id, employerId(72), { decision: 'refuse', reason: '岗位与本场主题不符' });
    await putRegistration('fair-dee', registrationBody({ idNumber: makeIdNumber('1990-05-05', 682), name: '郑迪' }));
    await registerForFair('fair-ann', fair.id);
    await registerForFair('fair-dee', fair.id);
    await scanCheckin(street, fair.id, (await personCode('fair-ann', fair.id)).code);
    const tomorrow = new Date(chinaInstant(TOMORROW, '09:30'));
    await scanCheckin(street, fair.id, (await personCode('fair-ann', fair.id, tomorrow)).code, tomorrow);
    await scanCheckin(street, fair.id, (await personCode('fair-dee', fair.id, tomorrow)).code, tomorrow);

    const screen = await screenOf(fair.id);
    // Booth 1 went to the unit accepted first (71), booth 2 to 70; the refused unit is not shown.
    expect(screen.booths.map((b) => b.employerId)).toEqual([employerId(71), employerId(70)]);
    expect(screen.booths.map((b) => [b.boothNo, b.employerName, b.vacancies.map((v) => v.title)])).toEqual([
      [1, expect.any(String), [expect.any(String)]],
      [2, expect.any(String), [expect.any(String)]],
    ]);
    expect(screen.checkedInToday).toBe(1);
    expect(screen.booths[0]).not.toHaveProperty('receiptDue');

    const { applicationId } = await intention('fair-ann', fair.id, vacancyId(70));
    await intention('fair-dee', fair.id, vacancyId(70));
    await intention('fair-dee', fair.id, vacancyId(71));
    await recordOutcome('boss-70', applicationId, 'hired');
    await fileReceipt('boss-70', fair.id, employerId(70), { resumes: 30, intentions: 6, hires: 1 });
    const { figures, final, hireWindowEnd } = await figuresOf(fair.id);
    expect(figures).toEqual({ registered: 2, attendees: 2, employers: 2, posts: 2, intentions: 3, hires: 1, receiptsFiled: 1, reported: { resumes: 30, intentions: 6, hires: 1 } });
    // Kept by the transactions, the counters say what the fair's own records say.
    expect(await countedFromPartition(fair.id, hireWindowEnd)).toEqual(figures);
    // A corrected receipt moves the figures by the difference, not by a second receipt.
    await fileReceipt('boss-70', fair.id, employerId(70), { resumes: 28, intentions: 7, hires: 1 });
    expect((await figuresOf(fair.id)).figures).toMatchObject({ receiptsFiled: 1, reported: { resumes: 28, intentions: 7, hires: 1 } });
    expect(final).toBe(false);
    expect((await figuresOf(fair.id, new Date(chinaInstant(addCalendarDays(hireWindowEnd, 1), '09:00')))).final).toBe(true);
  });

  it('its figures are one read of counters kept in the transactions: people checking in all at once (one of them twice at once, and again the next day) count once each', async () => {
    const fair = await createFair(street, fairBody({ title: '计数招聘会' }));
    await publishFair(street, fair.id);
    const people = Array.from({ length: 8 }, (_, i) => `fair-count-${i}`);
    for (const [i, p] of people.entries()) await putRegistration(p, registrationBody({ idNumber: makeIdNumber('1991-03-03', 700 + i * 2), name: `计数${i}` }));
    await Promise.all(people.map((p) => registerForFair(p, fair.id)));
    const codes = await Promise.all(people.map(async (p) => (await personCode(p, fair.id)).code));
    const outcomes = await Promise.allSettled([...codes, codes[0]].map((code) => scanCheckin(street, fair.id, code)));
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(8);
    expect(outcomes.filter((o) => o.status === 'rejected').map((o) => (o as PromiseRejectedResult).reason.message)).toEqual(['今天已经签到过了']);
    const tomorrow = new Date(chinaInstant(TOMORROW, '09:30'));
    await scanCheckin(street, fair.id, (await personCode(people[1], fair.id, tomorrow)).code, tomorrow);
    const { figures, hireWindowEnd } = await figuresOf(fair.id);
    expect(figures).toMatchObject({ registered: 8, attendees: 8 });
    expect(await countedFromPartition(fair.id, hireWindowEnd)).toEqual(figures);
    // A fair from before the counters (no countsKept) is counted from its partition instead.
    const { Item } = await FairEntity.build(GetItemCommand).key({ fairId: fair.id }).options({ consistent: true }).send();
    const { countsKept: _kept, registered: _r, attendees: _a, ...before } = Item!;
    await FairEntity.build(PutItemCommand).item(before).send();
    expect((await figuresOf(fair.id)).figures).toEqual(figures);
  });

  it('a published fair counts once where it is held, in the month it opens; each check-in is one attendance', async () => {
    const fair = await createFair(street, fairBody({ title: '考核数据招聘会', startDate: START, endDate: END }));
    await publishFair(street, fair.id);
    const { Item: stored } = await FairEntity.build(GetItemCommand).key({ fairId: fair.id }).send();
    const home = async () => undefined;
    const published = { pk: `FAIR#${fair.id}`, sk: 'FAIR', newImage: stored as Record<string, unknown>, oldImage: { ...stored, status: 'planned' } };
    expect(await figureEvents(published, home)).toEqual([{ key: `FAIR#${fair.id}#held`, areaCode: '350102001', date: START, deltas: { fairsHeld: 1 } }]);
    expect(await figureEvents({ ...published, oldImage: stored as Record<string, unknown> }, home)).toEqual([]);
    const { Items = [] } = await table.build(QueryCommand).entities(FairCheckInEntity).query({ partition: `FAIR#${heldFairId}`, range: { beginsWith: 'CHECKIN#' } }).send();
    expect(Items.length).toBeGreaterThan(0);
    expect(Items.every((c) => c.areaCode === '350102001')).toBe(true);
    const events = await Promise.all(Items.map((c) => figureEvents({ pk: `FAIR#${c.fairId}`, sk: `CHECKIN#${c.date}#${c.userId}`, newImage: c as Record<string, unknown> }, home)));
    expect(new Set(events.flat().map((e) => e.key)).size).toBe(Items.length);
    expect(events.flat().every((e) => e.deltas.fairAttendances === 1 && e.areaCode === '350102001')).toBe(true);
  });
});
