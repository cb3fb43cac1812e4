// The figures on DynamoDB Local (issue 7): after a randomised run of real operations —
// registrations, moves, reviews, employment and hard-to-employ recognitions, applications and
// hires, referrals, ratings and appeals, complaints, task completions — the table's own stream
// is replayed through the consumer in random batches with every batch delivered again, and the
// counters must equal a recomputation from the records as they stand, at every level and period.
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { PutItemCommand } from 'dynamodb-toolbox/entity/actions/put';
import { ulid } from 'ulid';
import {
  employmentBodySchema,
  FLOW_FIGURES,
  hardshipBodySchema,
  periodsOf,
  rollUpAreas,
  STANDING_FIGURES,
  todayInChina,
  unemploymentBodySchema,
  type Figures,
} from '@doorstep/shared';
import { localClient } from '../../../scripts/lib/dynamoLocal';
import { readWholeStream } from '../../../scripts/lib/localStream';
import { createTestTable } from '../../../tests/support/table';
import { makeIdNumber, registrationBody } from '../../../tests/support/people';
import { vacancyRecord } from '../../../tests/support/records';
import { citizen, staffOf, streamEvent, voucherRecord } from '../../../tests/support/vouchers';
import { registerEmployment, submitHardship, submitUnemployment } from '../applications/service';
import { getDocumentClient } from '../db/client';
import { EmployerMemberEntity, memberIndexKeys } from '../db/entities';
import { apply, recordOutcome } from '../jobs/applications';
import { createReferral } from '../jobs/referrals';
import { complaintProgress } from '../ratings/complaintHandling';
import { createComplaint } from '../ratings/complaints';
import { appealRating, createRating, decideAppeal, myRatings } from '../ratings/ratings';
import { putRegistration } from '../registration/service';
import { decide, listReviews } from '../reviews/service';
import { completeTask, listTasks } from '../tasks/tasks';
import { onStream } from './handlers/stream';
import { figuresOf } from './stats';

beforeAll(createTestTable);
jest.setTimeout(300_000);

const COMMUNITIES = ['350102001001', '350102001002', '350102002002', '350102003001'];
const SEED = Number(process.env.FIGURES_SEED ?? Date.now() % 100_000);
const EMPLOYER = '01K0EMP0000000000000000FG1';
const VACANCIES = ['01K0VAC0000000000000000FG1', '01K0VAC0000000000000000FG2'];
const OWNER = 'fig-owner';

function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = prng(SEED);
const pickOne = <T>(xs: readonly T[]): T | undefined => (xs.length ? xs[Math.floor(random() * xs.length)] : undefined);

const street = (c: string) => staffOf(`fig-street-${c.slice(0, 9)}`, 'street', c.slice(0, 9));
const communityStaff = (c: string) => staffOf(`fig-community-${c}`, 'community', c);
const district = staffOf('fig-district', 'district', '350102');

/** Refusals (4xx) are part of a random run; anything else is a failure. */
async function attempt(fn: () => Promise<unknown>) {
  try {
    await fn();
  } catch (err) {
    const status = (err as { statusCode?: number }).statusCode;
    if (!status || status >= 500) throw err;
  }
}

type Item = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

async function scanAll(): Promise<Item[]> {
  const out: Item[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await getDocumentClient().send(new ScanCommand({ TableName: process.env.TABLE_NAME!, ConsistentRead: true, ...(start ? { ExclusiveStartKey: start } : {}) }));
    out.push(...(page.Items ?? []));
    start = page.LastEvaluatedKey;
  } while (start);
  return out;
}

const chinaDate = (iso: string) => todayInChina(new Date(iso));

/**
 * The figures recomputed from the records as they stand, by a route of its own: walk every item
 * and count what its state says happened. A registration counts where it was first made (the
 * run remembers that; the record keeps only where the person lives now).
 */
function recompute(items: Item[], registeredIn: Map<string, string>) {
  const flows = new Map<string, Partial<Figures>>(); // `${period}|${area}`
  const add = (area: string | undefined, iso: string, f: keyof Figures, by = 1) => {
    if (!area || !by) return;
    for (const period of periodsOf(chinaDate(iso))) {
      for (const a of rollUpAreas(area)) {
        const k = `${period}|${a}`;
        const row = flows.get(k) ?? {};
        row[f] = (row[f] ?? 0) + by;
        flows.set(k, row);
      }
    }
  };
  const regs = new Map(items.filter((i) => i.sk === 'JOBSEEKER_REG').map((i) => [i.userId as string, i]));
  const home = (userId: string) => regs.get(userId)?.residence.areaCode as string | undefined;
  for (const i of items) {
    if (i.sk === 'JOBSEEKER_REG') add(registeredIn.get(i.userId), i.createdAt, 'jobseekerRegistrations');
    if (i.sk === 'APPLICATION') {
      if (i.kind === 'unemployment' && i.status === 'approved') add(i.areaCode, i.updatedAt, 'unemploymentRegistrations');
      if (i.kind === 'hardship' && i.status === 'approved') add(i.areaCode, i.updatedAt, 'hardshipRecognitions');
      if (i.kind === 'employment' && i.status === 'recorded') add(i.areaCode, i.updatedAt, 'employmentRegistrations');
    }
    if (i.sk === 'REVIEW' && i.status !== 'pending') add(String(i.areaCode).slice(0, i.step === 'district' ? 6 : 9), i.decidedAt, 'reviewsDecided');
    if (i.sk === 'REFERRAL') add(i.staffAreaCode, i.issuedAt, 'referrals');
    if (i.sk === 'JOBAPP' && i.status === 'hired') add(home(i.userId), i.updatedAt, 'placements');
    if (i.sk === 'RATING' && i.status !== 'voided') {
      add(i.servicePoint, i.createdAt, 'ratings');
      add(i.servicePoint, i.createdAt, 'ratingsSatisfied', i.score >= 4 ? 1 : 0);
    }
    if (i.sk === 'TASK' && i.status === 'done') {
      add(i.areaCode, i.completedAt, 'tasksDone');
      add(i.areaCode, i.completedAt, 'tasksOnTime', i.onTime ? 1 : 0);
    }
    if (i.sk === 'COMPLAINT') {
      add(i.areaCode, i.createdAt, 'complaints');
      if (i.status === 'resolved') add(i.areaCode, i.updatedAt, 'complaintsResolved');
    }
  }
  const standing = new Map<string, Partial<Figures>>();
  const today = todayInChina();
  for (const [userId, reg] of regs) {
    const open = (code: string) =>
      items.find((i) => i.pk === `USER#${userId}` && i.sk === `CATEGORY#${code}` && i.since <= today && (i.until === undefined || i.until > today));
    const employed = !!open('employed');
    const hte = open('hard_to_employ');
    const flags: (keyof Figures)[] = ['willing'];
    if (employed) flags.push('willingEmployed');
    if (hte) flags.push('hardToEmploy');
    if (hte && employed) flags.push('hardToEmployEmployed');
    for (const a of rollUpAreas(reg.residence.areaCode)) {
      const row = standing.get(a) ?? {};
      for (const f of flags) row[f] = (row[f] ?? 0) + 1;
      standing.set(a, row);
    }
  }
  return { flows, standing };
}

describe(`figures kept from the stream (seed ${SEED})`, () => {
  const people: string[] = [];
  const registeredIn = new Map<string, string>();
  let serial = 600;

  beforeAll(async () => {
    for (const v of VACANCIES) await vacancyRecord(v, { employerId: EMPLOYER });
    await EmployerMemberEntity.build(PutItemCommand).item({ employerId: EMPLOYER, userId: OWNER, role: 'admin', createdAt: new Date().toISOString(), ...memberIndexKeys(OWNER, EMPLOYER) }).send();
  });

  async function register(areaCode = pickOne(COMMUNITIES)!) {
    const userId = ulid();
    serial += 1;
    await putRegistration(userId, registrationBody({ idNumber: makeIdNumber('1984-06-15', serial), residence: { areaCode, address: '测试路 1 号', lat: 26.0845, lng: 119.3012 } }));
    people.push(userId);
    registeredIn.set(userId, areaCode);
    return userId;
  }

  const steps: Array<[string, () => Promise<unknown>]> = [
    ['register', () => register()],
    ['move home', async () => {
      const who = pickOne(people);
      if (who) await putRegistration(who, registrationBody({ idNumber: undefined as never, residence: { areaCode: pickOne(COMMUNITIES)!, address: '新家 2 号', lat: 26.08, lng: 119.3 } }) as never);
    }],
    ['unemployment', async () => {
      const who = pickOne(people);
      if (who) await submitUnemployment(citizen(who), unemploymentBodySchema.parse({ priorStatus: 'new_entrant', ableToWork: true, willingToWork: true, localResident: true }));
    }],
    ['street decides', async () => {
      for (const type of ['unemployment', 'hardship'] as const) {
        for (const c of COMMUNITIES) {
          const r = pickOne((await listReviews(street(c), { type, status: 'pending', limit: 20 })).items);
          if (r) await decide(street(c), r.id, random() < 0.75 ? { decision: 'approve', reason: '' } : { decision: 'reject', reason: '材料不全' });
        }
      }
    }],
    ['district decides', async () => {
      const r = pickOne((await listReviews(district, { type: 'hardship', status: 'pending', limit: 20 })).items);
      if (r) await decide(district, r.id, random() < 0.8 ? { decision: 'approve', reason: '' } : { decision: 'reject', reason: '不符合条件' });
    }],
    ['hardship', async () => {
      const who = pickOne(people);
      if (who) await submitHardship(citizen(who), hardshipBodySchema.parse({ category: 'zero_employment_family', evidenceKeys: [`evidence/${who}/${ulid()}.jpg`] }));
    }],
    ['employment', async () => {
      const who = pickOne(people);
      if (who) await registerEmployment(citizen(who), employmentBodySchema.parse({ employmentKind: 'unit', employerName: '鼓东便民超市', workAreaCode: COMMUNITIES[0], workAddress: '鼓东路 20 号', post: '收银员', startedOn: todayInChina(), weeklyHours: 40, monthlyIncomeFen: 420000 }));
    }],
    ['apply and hear back', async () => {
      const who = pickOne(people);
      if (!who) return;
      const a = await apply(who, pickOne(VACANCIES)!);
      if (random() < 0.7) await recordOutcome(OWNER, a.id, random() < 0.5 ? 'hired' : 'rejected');
    }],
    ['refer', async () => {
      const who = pickOne(people);
      if (who) await createReferral(communityStaff(registeredIn.get(who)!), { personId: who, vacancyId: pickOne(VACANCIES)! });
    }],
    ['rate', async () => {
      for (const who of people) {
        const service = pickOne((await myRatings(who)).toRate);
        if (!service || random() < 0.5) continue;
        const score = 1 + Math.floor(random() * 5);
        await createRating(who, { serviceType: service.serviceType, serviceId: service.serviceId, score, tags: [] });
        return;
      }
    }],
    ['appeal and decide', async () => {
      for (const c of COMMUNITIES) {
        const t = pickOne((await listTasks(street(c))).items.filter((x) => x.kind === 'rectification' && x.areaCode === c.slice(0, 9)));
        if (!t) continue;
        await appealRating(street(c), t.subject.id, '评价人并未在本窗口办理，属于误评，请核实');
        await decideAppeal(district, t.subject.id, random() < 0.5 ? 'upheld' : 'rejected', '已核实');
        return;
      }
    }],
    ['complain', async () => {
      const who = pickOne(people);
      if (who) await createComplaint(who, { kind: random() < 0.5 ? 'complaint' : 'suggestion', topic: 'efficiency', text: '办理时间太长，希望能提高效率', photoKeys: [] });
    }],
    ['answer a complaint or close a task', async () => {
      const c = pickOne(COMMUNITIES)!;
      const t = pickOne((await listTasks(street(c))).items);
      if (!t) return;
      if (t.kind === 'complaint') await complaintProgress(street(c), t.subject.id, 'resolved', '已答复');
      else if (t.kind !== 'appeal_decision') await completeTask(street(c), t.id, '已整改并回访');
    }],
  ];

  it('equal a recomputation from the records after duplicate and re-batched deliveries', async () => {
    for (let i = 0; i < 6; i += 1) await register();
    // 100 random steps reach every kind of step several times over (seeded: FIGURES_SEED replays a run).
    for (let i = 0; i < 100; i += 1) {
      const [, step] = pickOne(steps)!;
      await attempt(step);
    }

    const client = localClient(process.env.DYNAMODB_ENDPOINT!);
    const records = await readWholeStream(client, process.env.DYNAMODB_ENDPOINT!, process.env.TABLE_NAME!);
    client.destroy();
    expect(records.length).toBeGreaterThan(100);
    // Lambda's way: consecutive batches, in order; a batch may be handed over again after a
    // failure, so every batch here is delivered twice, and a few earlier ones once more late.
    const batches: unknown[][] = [];
    for (let i = 0; i < records.length; ) {
      const size = 1 + Math.floor(random() * 40);
      batches.push(records.slice(i, i + size));
      i += size;
    }
    for (const b of batches) {
      await onStream(streamEvent(b));
      await onStream(streamEvent(b));
    }
    for (let i = 0; i < 3; i += 1) await onStream(streamEvent(pickOne(batches)!));

    const items = await scanAll();
    const expected = recompute(items, registeredIn);
    const counters = items.filter((i) => String(i.pk).startsWith('FIG#'));
    const actual = new Map(counters.map((c) => [`${c.period}|${c.areaCode}`, c]));

    // Every period/area with something expected, and every counter written, agree figure by figure.
    const keys = new Set([...expected.flows.keys(), ...[...actual.keys()].filter((k) => !k.startsWith('now|'))]);
    expect(keys.size).toBeGreaterThan(0);
    for (const k of keys) {
      const want = Object.fromEntries(FLOW_FIGURES.map((f) => [f, expected.flows.get(k)?.[f] ?? 0]));
      const got = Object.fromEntries(FLOW_FIGURES.map((f) => [f, Number(actual.get(k)?.[f] ?? 0)]));
      expect({ k, ...got }).toEqual({ k, ...want });
    }
    const areas = new Set([...expected.standing.keys(), ...counters.filter((c) => c.period === 'now').map((c) => c.areaCode as string)]);
    for (const a of areas) {
      const want = Object.fromEntries(STANDING_FIGURES.map((f) => [f, expected.standing.get(a)?.[f] ?? 0]));
      const got = Object.fromEntries(STANDING_FIGURES.map((f) => [f, Number(actual.get(`now|${a}`)?.[f] ?? 0)]));
      expect({ a, ...got }).toEqual({ a, ...want });
    }

    // The same through the reading side: the district's month, quarter and year, and its streets.
    const [month, quarter, year] = periodsOf(todayInChina());
    for (const period of [month, quarter, year]) {
      const read = await figuresOf('350102', period);
      for (const f of FLOW_FIGURES) expect([f, read.total.figures[f]]).toEqual([f, expected.flows.get(`${period}|350102`)?.[f] ?? 0]);
      const street1 = read.children.find((c) => c.areaCode === '350102001')!;
      expect(street1.figures.jobseekerRegistrations).toBe(expected.flows.get(`${period}|350102001`)?.jobseekerRegistrations ?? 0);
    }
    const total = (await figuresOf('350102', month)).total.figures;
    expect(total.willing).toBe(people.length);
    // The run went through the paths that matter (a run that did nothing could not fail).
    expect(Math.min(total.ratings, total.reviewsDecided, total.complaints, total.tasksDone, total.willingEmployed)).toBeGreaterThan(0);
    expect(total.jobseekerRegistrations).toBe(people.length);
  });
});

describe('voucher figures', () => {
  it('count a redemption by holder type in the month it was redeemed, and take a reversal back out of that month', async () => {
    const area = '350102002003';
    const v = (voucherId: string, holderType: string, status: string) => ({ voucherId, programmeId: 'P', status, holderAreaCode: area, holderType, faceValueFen: 50_000, redeemedAt: '2026-03-31T17:00:00.000Z' });
    const records = [
      voucherRecord(v('01K0V0000000000000000000A1', 'person', 'redeemed'), 'claimed'),
      voucherRecord(v('01K0V0000000000000000000A2', 'person', 'redeemed'), 'claimed'),
      voucherRecord(v('01K0V0000000000000000000A3', 'employer', 'redeemed'), 'claimed'),
      voucherRecord(v('01K0V0000000000000000000A2', 'person', 'reversed'), 'redeemed'),
      voucherRecord(v('01K0V0000000000000000000A1', 'person', 'settling'), 'redeemed'),
    ];
    await onStream(streamEvent([...records, ...records]));
    // 17:00 UTC on 31 March is 1 April in China: the second quarter.
    const april = (await figuresOf('350102002', '2026-04')).children.find((c) => c.areaCode === area)!.figures;
    expect([april.vouchersPerson, april.vouchersPersonFen, april.vouchersEmployer, april.vouchersEmployerFen]).toEqual([1, 50_000, 1, 50_000]);
    expect((await figuresOf('350102002', '2026-03')).children.find((c) => c.areaCode === area)!.figures.vouchersPerson).toBe(0);
    expect((await figuresOf('3501', '2026-Q2')).total.figures.vouchersEmployerFen).toBeGreaterThanOrEqual(50_000);
  });
});
