// Job fairs on DynamoDB Local (issue 20, first part): booths are never given beyond the fair's
// count, even to 12 employers accepted at once; an employer applies once and brings only its own
// published posts; a special fair refuses people outside its group (422, saying why); a check-in
// code works once per person per day, cannot be forged, and is refused on another day; 我有意向
// is an application marked as from the fair; signing up writes the reminders once; publishing
// closes its 3-working-day task.
import { GetItemCommand } from 'dynamodb-toolbox/entity/actions/get';
import { addCalendarDays, addWorkingDays, chinaInstant, todayInChina, type FairBody } from '@doorstep/shared';
import { createTestTable } from '../../../tests/support/table';
import { employerFixture } from '../../../tests/support/providers';
import { vacancyRecord } from '../../../tests/support/records';
import { makeIdNumber, registrationBody } from '../../../tests/support/people';
import { QueryCommand } from 'dynamodb-toolbox/table/actions/query';
import { OutboxEntity, TaskEntity } from '../db/entities';
import { table } from '../db/table';
import type { Principal } from '../http/session';
import { myApplications } from '../jobs/applications';
import { putRegistration } from '../registration/service';
import { gateCode, intention, personCode, registerForFair, scanCheckin, selfCheckin } from './attendance';
import { applyForBooth, createFair, decideBooth, loadFair, publishFair } from './fairs';

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
