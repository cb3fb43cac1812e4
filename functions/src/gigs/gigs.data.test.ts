// 零工 on DynamoDB Local (issue 21): a person's post goes live at once after its checks (pay not
// below the local minimum hourly wage, no discriminatory wording, a time still ahead), a unit's
// waits for the station; the search shows only open jobs with a free place within the radius,
// nearest first, paged exactly; 30 workers tapping 我来做 on a two-place job give exactly two; a
// worker cannot hold two overlapping jobs; working-age and night rules; done → pay → one rating
// each way; an objection becomes a dispute for the station; three upheld reports stop posting;
// the figures count each match once however often the stream delivers it.
import { GetItemCommand } from 'dynamodb-toolbox/entity/actions/get';
import { addCalendarDays, addWorkingDays, chinaInstant, geoKeys, haversineM, todayInChina, type GigBody } from '@doorstep/shared';
import { createTestTable } from '../../../tests/support/table';
import { employerFixture } from '../../../tests/support/providers';
import { birthDateYearsAgo, makeIdNumber, registrationBody } from '../../../tests/support/people';
import { listTasks } from '../tasks/tasks';
import { countEvent, figureEvents } from '../figures/count';
import { figuresOf } from '../figures/stats';
import type { Principal } from '../http/session';
import { putRegistration } from '../registration/service';
import { GigCardEntity, GigEntity, GigTakeEntity } from './entities';
import { checkGig, closeGig, nearbyGigs, postForPerson, postGig, staffGigs, stationGigs } from './gigs';
import { createPoint } from '../servicePoints/points';
import { staffPerson } from '../staff/service';
import { stationWorkers } from './station';
import { myDataAccess } from '../access/lists';
import { requestDeletion } from '../privacy/accountDeletion';
import { eraseAccount } from '../privacy/erasure';
import { ERASED_PERSON_LABEL } from '@doorstep/shared';
import { decideReport, reportGig, staffReports } from './reports';
import { cancelTake, markDone, myGigs, objectToDone, rate, recordPay, settleReportedDone, takeFor, takeGig, viewGig } from './takes';

jest.setTimeout(120_000);

const TODAY = todayInChina();
const TOMORROW = addCalendarDays(TODAY, 1);
const HOME = { lat: 26.0845, lng: 119.3012 };
const COMMUNITY = '350102001001';
const street: Principal = { userId: 'gig-street', roles: ['staff'], level: 'street', areaCode: '350102001' };
const otherStreet: Principal = { userId: 'gig-other', roles: ['staff'], level: 'street', areaCode: '350102003' };

const body = (over: Partial<GigBody> = {}): GigBody => ({
  kind: 'pipe_clearing',
  title: '修厨房水龙头',
  place: { areaCode: COMMUNITY, address: '鼓东路 18 号', ...HOME },
  when: { type: 'scheduled', date: TOMORROW, from: '14:00', to: '17:00' },
  payFen: 10_000,
  payUnit: 'job',
  places: 1,
  ...over,
});
/** A point `km` north of home (0.009° of latitude ≈ 1 km). */
const north = (km: number) => ({ lat: HOME.lat + km * 0.009, lng: HOME.lng });

let seq = 100;
async function person(userId: string, birthDate = '1980-05-17') {
  seq += 1;
  await putRegistration(userId, registrationBody({ idNumber: makeIdNumber(birthDate, seq * 2), name: '王师傅', phone: `1390000${String(seq).padStart(4, '0')}` }));
  return userId;
}

beforeAll(async () => {
  await createTestTable();
  await person('gig-poster');
});

describe('posting', () => {
  it('a person’s post is live at once; pay below the minimum wage, discriminatory words or a past time are 400s beside the field', async () => {
    const gig = await postGig('gig-poster', body());
    expect(gig).toMatchObject({ status: 'open', payText: '100元/次', whenText: expect.stringContaining('14:00–17:00'), postedAs: 'person' });
    const { Item: card } = await GigCardEntity.build(GetItemCommand).key({ ...geoKeys(HOME), gigId: gig.id }).send();
    expect(card).toMatchObject({ taken: 0, places: 1, day: TOMORROW });

    // 3 hours for 50 元 is 16.67 元 an hour: below Fuzhou's 21.
    await expect(postGig('gig-poster', body({ payFen: 5000 }))).rejects.toMatchObject({ statusCode: 400, details: [expect.objectContaining({ path: ['payFen'], message: expect.stringContaining('低于当地小时最低工资21元') })] });
    await expect(postGig('gig-poster', body({ payFen: 2100, payUnit: 'hour' }))).resolves.toMatchObject({ status: 'open' });
    await expect(postGig('gig-poster', body({ title: '店铺帮工限男性' }))).rejects.toMatchObject({ statusCode: 400, details: [expect.objectContaining({ path: ['title'] })] });
    await expect(postGig('gig-poster', body({ when: { type: 'scheduled', date: addCalendarDays(TODAY, -1), from: '09:00', to: '10:00' } }))).rejects.toMatchObject({ statusCode: 400 });
    await expect(postGig('gig-nobody', body())).rejects.toMatchObject({ statusCode: 403 });
  });

  it('a unit’s post waits for the station’s check before anyone can find it; another street cannot check it', async () => {
    await employerFixture('01KGIGEMP000000000000000001', ['gig-boss'], COMMUNITY);
    const far = { ...body({ title: '超市理货帮工', kind: 'shop_help' }), place: { areaCode: COMMUNITY, address: '远处', ...north(15) } };
    const gig = await postGig('gig-boss', { ...far, employerId: '01KGIGEMP000000000000000001' });
    expect(gig.status).toBe('pending');
    const search = () => nearbyGigs({ ...north(15), radiusKm: 1, limit: 20 });
    expect((await search()).items).toEqual([]);
    await expect(checkGig(otherStreet, gig.id, { decision: 'ok' })).rejects.toMatchObject({ statusCode: 404 });
    await checkGig(street, gig.id, { decision: 'ok' });
    expect((await search()).items.map((i) => i.gig.id)).toEqual([gig.id]);
    await checkGig(street, gig.id, { decision: 'take_down', reason: '实为长期用工，请发布岗位' });
    expect((await search()).items).toEqual([]);
    expect((await staffGigs(street)).items.find((g) => g.id === gig.id)).toMatchObject({ status: 'taken_down', checked: true, contactName: expect.any(String) });
    expect((await staffGigs(otherStreet)).items.find((g) => g.id === gig.id)).toBeUndefined();
  });
});

describe('finding jobs nearby', () => {
  it('shows only open jobs with a free place within the radius, nearest first, paged exactly', async () => {
    const center = north(40); // far from every other test's jobs
    const at = (km: number) => ({ lat: center.lat + km * 0.009, lng: center.lng });
    const kms = [0.2, 2.9, 0.5, 1.1, 3.4, 0.8, 2.2, 1.7, 0.35, 2.5, 1.3, 4.8];
    const posted = [];
    for (const km of kms) posted.push({ km, gig: await postGig('gig-poster', { ...body({ title: `帮工${km}公里` }), place: { areaCode: COMMUNITY, address: '某处', ...at(km) } }) });
    // A closed one and a full one inside the circle are not shown.
    const closed = await postGig('gig-poster', { ...body({ title: '已关闭的活' }), place: { areaCode: COMMUNITY, address: '某处', ...at(0.1) } });
    await closeGig('gig-poster', closed.id);
    const full = await postGig('gig-poster', { ...body({ title: '已满的活', when: { type: 'scheduled', date: addCalendarDays(TODAY, 2), from: '08:00', to: '09:00' } }), place: { areaCode: COMMUNITY, address: '某处', ...at(0.15) } });
    await takeGig(await person('gig-filler'), full.id);

    const expected = posted.filter((p) => p.km <= 3).sort((a, b) => a.km - b.km).map((p) => p.gig.id);
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await nearbyGigs({ ...center, radiusKm: 3, limit: 3, ...(cursor ? { cursor } : {}) });
      for (const i of page.items) {
        expect(i.distanceM).toBeLessThanOrEqual(3000);
        expect(Math.abs(i.distanceM - haversineM(center, i.gig.place))).toBeLessThanOrEqual(1);
      }
      seen.push(...page.items.map((i) => i.gig.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(expected);
    // By kind: none of these are cleaning jobs.
    expect((await nearbyGigs({ ...center, radiusKm: 3, limit: 20, kind: 'cleaning' })).items).toEqual([]);
  });
});

describe('taking a place', () => {
  it('30 workers tapping 我来做 at once on a two-place job: exactly two get it, the rest are told it is full', async () => {
    const gig = await postGig('gig-poster', body({ title: '搬家帮手两名', kind: 'moving', places: 2, when: { type: 'scheduled', date: addCalendarDays(TODAY, 3), from: '09:00', to: '12:00' } }));
    const workers = await Promise.all(Array.from({ length: 30 }, (_, i) => person(`gig-rush-${i}`)));
    const results = await Promise.allSettled(workers.map((w) => takeGig(w, gig.id)));
    const won = results.filter((r) => r.status === 'fulfilled');
    expect(won).toHaveLength(2);
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(lost.every((r) => r.reason.statusCode === 409)).toBe(true);
    expect(lost.filter((r) => r.reason.message === '名额已经满了，看看附近别的活吧').length).toBeGreaterThan(20);
    const { Item } = await GigEntity.build(GetItemCommand).key({ gigId: gig.id }).options({ consistent: true }).send();
    expect(Item?.taken).toBe(2);
    const { Item: card } = await GigCardEntity.build(GetItemCommand).key({ ...geoKeys(HOME), gigId: gig.id }).send();
    expect(card?.taken).toBe(2);
    // The poster sees the two and their phones; a stranger sees no phone at all.
    const mine = await viewGig('gig-poster', gig.id);
    expect(mine.takes.map((t) => t.worker?.phone)).toEqual([expect.stringMatching(/^1390000\d{4}$/), expect.stringMatching(/^1390000\d{4}$/)]);
    const loser = workers.find((_, i) => results[i]!.status === 'rejected')!;
    const stranger = await viewGig(loser, gig.id);
    expect(stranger.role).toBe('other');
    expect(JSON.stringify(stranger)).not.toMatch(/1390000/);
  });

  it('a worker cannot hold two jobs whose times overlap; cancelling frees the place and the hours', async () => {
    const w = await person('gig-busy');
    const day = addCalendarDays(TODAY, 4);
    const a = await postGig('gig-poster', body({ title: '下午修水管', when: { type: 'scheduled', date: day, from: '14:00', to: '17:00' } }));
    const b = await postGig('gig-poster', body({ title: '傍晚搬东西', kind: 'moving', when: { type: 'scheduled', date: day, from: '16:00', to: '18:00' } }));
    const c = await postGig('gig-poster', body({ title: '晚上打扫卫生', kind: 'cleaning', when: { type: 'scheduled', date: day, from: '18:00', to: '19:00' } }));
    await takeGig(w, a.id);
    await expect(takeGig(w, a.id)).rejects.toMatchObject({ statusCode: 409, message: '您已经接了这个活' });
    await expect(takeGig(w, b.id)).rejects.toMatchObject({ statusCode: 409, message: '这个时间您已经接了别的活，或有面试、预约，不能同时去' });
    await takeGig(w, c.id);
    await cancelTake(w, a.id, w);
    expect((await GigEntity.build(GetItemCommand).key({ gigId: a.id }).options({ consistent: true }).send()).Item?.taken).toBe(0);
    await expect(takeGig(w, b.id)).resolves.toMatchObject({ status: 'taken' });
    await expect(takeGig('gig-poster', a.id)).rejects.toMatchObject({ statusCode: 422 });
  });

  it('nobody under 16 takes a job, nobody under 18 a night job', async () => {
    const teen = await person('gig-teen', birthDateYearsAgo(17));
    const child = await person('gig-child', birthDateYearsAgo(15));
    const night = await postGig('gig-poster', body({ title: '夜里看店', kind: 'shop_help', payFen: 20_000, when: { type: 'scheduled', date: addCalendarDays(TODAY, 5), from: '20:00', to: '23:00' } }));
    await expect(takeGig(teen, night.id)).rejects.toMatchObject({ statusCode: 422, message: '未满18周岁，不能接夜间（22点到次日6点）的零工' });
    const day = await postGig('gig-poster', body({ title: '白天发传单', kind: 'delivery', places: 2, when: { type: 'scheduled', date: addCalendarDays(TODAY, 5), from: '09:00', to: '11:00' } }));
    await expect(takeGig(child, day.id)).rejects.toMatchObject({ statusCode: 422, message: '未满16周岁，不能接零工' });
    await expect(takeGig(teen, day.id)).resolves.toMatchObject({ status: 'taken' });
  });
});

describe('after the work', () => {
  it('reported done, objected to (a dispute for the station), reported again, done after 24 hours; pay once; one rating each way', async () => {
    const w = await person('gig-plumber');
    const gig = await postGig('gig-poster', body({ title: '疏通下水道' }));
    await takeGig(w, gig.id);
    const started = new Date(chinaInstant(TOMORROW, '16:30'));
    await expect(markDone(w, gig.id, w)).rejects.toMatchObject({ statusCode: 422, message: '还没到开工时间' });
    expect(await markDone(w, gig.id, w, started)).toMatchObject({ status: 'reported_done' });
    await expect(recordPay(w, gig.id, w, { amountFen: 10_000, method: 'wechat' }, started)).rejects.toMatchObject({ statusCode: 422 });
    const objected = await objectToDone('gig-poster', gig.id, w, '还是堵着，没修好', new Date(started.getTime() + 3600_000));
    expect(objected).toMatchObject({ status: 'taken', objection: '还是堵着，没修好' });
    const [dispute] = (await staffReports(street)).filter((r) => r.gigId === gig.id);
    expect(dispute).toMatchObject({ kind: 'dispute', against: 'worker', status: 'open' });
    // The street that covers the place has it as a task due in 5 working days.
    const { items: tasks } = await listTasks(street);
    expect(tasks.find((t) => t.subject.id === dispute!.id)).toMatchObject({ kind: 'gig_dispute', due: addWorkingDays(TOMORROW, 5) });

    const again = new Date(started.getTime() + 5 * 3600_000);
    await markDone(w, gig.id, w, again);
    const later = new Date(again.getTime() + 25 * 3600_000);
    await expect(objectToDone('gig-poster', gig.id, w, '还是不行', later)).rejects.toMatchObject({ statusCode: 409 });
    expect((await viewGig('gig-poster', gig.id, later)).takes[0]).toMatchObject({ status: 'done' });
    const paid = await recordPay(w, gig.id, w, { amountFen: 10_000, method: 'wechat' }, later);
    expect(paid).toMatchObject({ status: 'done', pay: { amountFen: 10_000, method: 'wechat' } });
    await expect(recordPay(w, gig.id, w, { amountFen: 10_000, method: 'cash' }, later)).rejects.toMatchObject({ statusCode: 409 });
    await rate('gig-poster', gig.id, w, { score: 5, comment: '手艺好' }, later);
    await expect(rate('gig-poster', gig.id, w, { score: 1 }, later)).rejects.toMatchObject({ statusCode: 409 });
    const both = await rate(w, gig.id, w, { score: 4 }, later);
    expect(both).toMatchObject({ ratingOfWorker: { score: 5, comment: '手艺好' }, ratingOfPoster: { score: 4 } });
    expect(await myGigs(w, later)).toMatchObject({ flexibleDays: 1, incomeFen: 10_000 });
    // …and in the person's record as the street's staff see it.
    expect((await staffPerson(street, w)).person.flexibleWork).toEqual({ days: 1, incomeFen: 10_000 });
  });

  it('a reported completion nobody objects to becomes done by the hourly run after 24 hours, not before', async () => {
    const w = await person('gig-quiet');
    const gig = await postGig('gig-poster', body({ title: '擦玻璃', kind: 'cleaning', when: { type: 'scheduled', date: addCalendarDays(TODAY, 12), from: '09:00', to: '11:00' } }));
    await takeGig(w, gig.id);
    const reportedAt = new Date(chinaInstant(addCalendarDays(TODAY, 12), '11:00'));
    await markDone(w, gig.id, w, reportedAt);
    expect(await settleReportedDone(new Date(reportedAt.getTime() + 23 * 3600_000))).toBe(0);
    expect(await settleReportedDone(new Date(reportedAt.getTime() + 25 * 3600_000))).toBeGreaterThanOrEqual(1);
    const { Item } = await GigTakeEntity.build(GetItemCommand).key({ gigId: gig.id, workerId: w }).options({ consistent: true }).send();
    expect(Item).toMatchObject({ status: 'done', doneAt: new Date(reportedAt.getTime() + 24 * 3600_000).toISOString() });
    expect(Item?.gsi1pk).toBeUndefined();
    // Run again: nothing more to do for it.
    expect(await settleReportedDone(new Date(reportedAt.getTime() + 26 * 3600_000))).toBe(0);
  });

  it('a closed account takes its name out of the reports against it, and its own words out of the reports it filed', async () => {
    await person('gig-leaving-poster');
    const reporter = await person('gig-leaving-reporter');
    const gig = await postGig('gig-leaving-poster', body({ title: '帮忙修门锁', when: { type: 'scheduled', date: addCalendarDays(TODAY, 15), from: '09:00', to: '10:00' } }));
    await takeGig(reporter, gig.id);
    const { reportId } = await reportGig(reporter, gig.id, { reason: '电话里骂人，说不给钱' });
    const view = () => staffReports(street).then((all) => all.find((r) => r.id === reportId)!);
    expect(await view()).toMatchObject({ againstName: '王师傅', reason: '电话里骂人，说不给钱' });
    for (const id of ['gig-leaving-poster', reporter]) {
      await requestDeletion(id);
      await eraseAccount(id);
    }
    expect(await view()).toMatchObject({ againstName: ERASED_PERSON_LABEL, reason: '（内容已随账号注销删除）' });
  });

  it('three upheld reports stop a person posting; a report is once per reporter; another street cannot decide it', async () => {
    await person('gig-rogue');
    for (let i = 0; i < 3; i += 1) {
      const gig = await postGig('gig-rogue', body({ title: `第${i + 1}个活`, when: { type: 'scheduled', date: addCalendarDays(TODAY, 6 + i), from: '09:00', to: '12:00' } }));
      const w = await person(`gig-victim-${i}`);
      await takeGig(w, gig.id);
      const { reportId } = await reportGig(w, gig.id, { reason: '到了现场说不给钱了' });
      await expect(reportGig(w, gig.id, { reason: '再举报一次' })).rejects.toMatchObject({ statusCode: 409 });
      await expect(decideReport(otherStreet, reportId, { upheld: true, note: '核实属实' })).rejects.toMatchObject({ statusCode: 404 });
      const decided = await decideReport(street, reportId, { upheld: true, note: '电话核实，发布人承认' });
      expect(decided.status).toBe('upheld');
    }
    await expect(postGig('gig-rogue', body())).rejects.toMatchObject({ statusCode: 403, message: expect.stringContaining('暂时不能发布零工') });
    // The station can still post for someone who walks in.
    await expect(postForPerson(street, { ...body({ title: '帮老人换灯泡', kind: 'house_repair' }), contactName: '陈阿婆', contactPhone: '13700001111' })).resolves.toMatchObject({ postedAs: 'staff' });
    await expect(postForPerson(otherStreet, { ...body(), contactName: '陈阿婆', contactPhone: '13700001111' })).rejects.toMatchObject({ statusCode: 403 });
  });

  it('the station matches someone by phone: takes the place for them by ID number, in its area only, under the same rules', async () => {
    const idNumber = makeIdNumber('1966-06-06', 888);
    await putRegistration('gig-walkin', registrationBody({ idNumber, name: '赵大姐', phone: '13700008880' }));
    const gig = await postGig('gig-poster', body({ title: '帮忙看店半天', kind: 'shop_help', when: { type: 'scheduled', date: addCalendarDays(TODAY, 9), from: '09:00', to: '12:00' } }));
    await expect(takeFor(otherStreet, gig.id, idNumber)).rejects.toMatchObject({ statusCode: 404 });
    await expect(takeFor(street, gig.id, makeIdNumber('1966-06-06', 890))).rejects.toMatchObject({ statusCode: 404 });
    expect(await takeFor(street, gig.id, idNumber)).toMatchObject({ workerId: 'gig-walkin', status: 'taken' });
    await expect(takeFor(street, gig.id, idNumber)).rejects.toMatchObject({ statusCode: 409 });
    expect((await viewGig('gig-walkin', gig.id)).contact).toMatchObject({ phone: expect.any(String) });
  });
});

describe('a 零工驿站', () => {
  it('its staff see the jobs within 3 km of it, nearest first, with contacts; not a station of another area, not another kind of point', async () => {
    const district: Principal = { userId: 'gig-district', roles: ['staff'], level: 'district', areaCode: '350102' };
    const at = north(60); // away from the other tests' jobs
    const station = await createPoint(district, {
      name: '鼓东零工驿站',
      kind: 'gig_station',
      areaCode: COMMUNITY,
      address: '鼓东路 20 号',
      ...at,
      phone: '0591-87650001',
      hours: { workday: [{ from: '07:00', to: '18:00' }], restDay: [{ from: '07:00', to: '12:00' }] },
      services: [{ key: 'policy_consultation', desks: 1 }],
    });
    const near = await postGig('gig-poster', { ...body({ title: '驿站旁边修门' }), place: { areaCode: COMMUNITY, address: '近处', lat: at.lat + 0.005, lng: at.lng } });
    const nearer = await postGig('gig-poster', { ...body({ title: '驿站对面搬货', kind: 'moving' }), place: { areaCode: COMMUNITY, address: '对面', lat: at.lat + 0.001, lng: at.lng } });
    await postGig('gig-poster', { ...body({ title: '五公里外的活' }), place: { areaCode: COMMUNITY, address: '远处', lat: at.lat + 0.045, lng: at.lng } });
    const { items } = await stationGigs(street, station.id);
    expect(items.map((g) => g.id)).toEqual([nearer.id, near.id]);
    // The workers around it: who took those jobs, how often, done, rated; each look in 访问记录.
    const w = await person('gig-station-regular');
    await takeGig(w, near.id);
    await markDone('gig-poster', near.id, w, new Date(chinaInstant(TOMORROW, '16:00')));
    await rate('gig-poster', near.id, w, { score: 4 }, new Date(chinaInstant(TOMORROW, '16:00')));
    await expect(takeGig(w, nearer.id)).rejects.toMatchObject({ statusCode: 409 }); // the same hours: refused, not counted
    const workers = await stationWorkers(street, station.id);
    expect(workers.items).toEqual([expect.objectContaining({ userId: w, taken: 1, done: 1, rating: 4, phone: expect.stringMatching(/^1390000/) })]);
    const { items: looks } = await myDataAccess(w);
    expect(looks.filter((l) => l.what === '零工驿站查看零工发布人或接活人的姓名和电话')).toHaveLength(1);
    await expect(stationWorkers(otherStreet, station.id)).rejects.toMatchObject({ statusCode: 404 });
    expect(items[0]).toMatchObject({ contactPhone: expect.stringMatching(/^1390000/), distanceM: expect.any(Number) });
    await expect(stationGigs(otherStreet, station.id)).rejects.toMatchObject({ statusCode: 404 });
    const plain = await createPoint(district, { name: '普通服务站', kind: 'community_station', areaCode: COMMUNITY, address: '鼓东路 22 号', ...at, phone: '0591-87650002', hours: { workday: [{ from: '08:30', to: '17:30' }], restDay: [] }, services: [{ key: 'policy_consultation', desks: 1 }] });
    await expect(stationGigs(street, plain.id)).rejects.toMatchObject({ statusCode: 404 });
  });
});

describe('the figures', () => {
  it('count each match, each pay and each worker once however often the stream delivers them', async () => {
    const w = await person('gig-counted');
    // As soon as possible: the place is held from now for two hours.
    const gig = await postGig('gig-poster', body({ title: '帮忙搬冰箱', kind: 'moving', when: { type: 'asap', hours: 2 } }));
    await takeGig(w, gig.id);
    const { Item: taken } = await GigTakeEntity.build(GetItemCommand).key({ gigId: gig.id, workerId: w }).options({ consistent: true }).send();
    await markDone('gig-poster', gig.id, w);
    const { Item: done } = await GigTakeEntity.build(GetItemCommand).key({ gigId: gig.id, workerId: w }).options({ consistent: true }).send();
    await recordPay(w, gig.id, w, { amountFen: 30_000, method: 'cash' });
    const { Item: paid } = await GigTakeEntity.build(GetItemCommand).key({ gigId: gig.id, workerId: w }).options({ consistent: true }).send();
    const key = { pk: `GIG#${gig.id}`, sk: `TAKE#${w}` };
    const records = [
      { ...key, newImage: taken as Record<string, unknown> },
      { ...key, oldImage: taken as Record<string, unknown>, newImage: done as Record<string, unknown> },
      { ...key, oldImage: done as Record<string, unknown>, newImage: paid as Record<string, unknown> },
    ];
    const month = TODAY.slice(0, 7);
    const before = (await figuresOf('350102001', month)).total.figures;
    for (let delivery = 0; delivery < 2; delivery += 1) {
      for (const r of records) for (const e of await figureEvents(r, async () => undefined)) await countEvent(e);
    }
    const after = (await figuresOf('350102001', month)).total.figures;
    expect({ matches: after.gigMatches - before.gigMatches, income: after.gigIncomeFen - before.gigIncomeFen, workers: after.gigWorkers - before.gigWorkers }).toEqual({ matches: 1, income: 30_000, workers: 1 });
  });
});
