// 零工 for `npm run bench` (issue 21), in a process of its own on its own DynamoDB Local:
// 1. nearby odd jobs over 50,000 open jobs in one city (half packed in the old town), beside the
//    vacancy search over 50,000 cards at the same places, same circles, interleaved (in process);
// 2. 我来做 on one job with 100 places, 100 workers tapping at once (each a transaction with the
//    job's count, its card, the take and the worker's 12 quarter-hours: 15 items), beside its
//    floor: 100 raw transactions at once on the same DynamoDB Local of as many items — a
//    conditional count on one item and 14 puts.
// Prints one JSON line last.
import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { ulid } from 'ulid';
import { addCalendarDays, chinaInstant, geoKeys, todayInChina } from '@doorstep/shared';
import { makeIdNumber, registrationBody } from '../support/people';
import { benchInProcess } from './inProcess';
import { benchPlace, putAll, vacancyCards } from './cards';

const COUNT = 50_000;
const CIRCLES = 200;
const TAPS = 100;
const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;

benchInProcess('bench-gigs', async (doc, table) => {
  const { nearbyGigs, postGig } = await import('../../functions/src/gigs/gigs');
  const { takeGig } = await import('../../functions/src/gigs/takes');
  const { putRegistration } = await import('../../functions/src/registration/service');
  const { nearestCards } = await import('../../functions/src/vacancies/search');
  const vacancyCard = await vacancyCards();
  const place = benchPlace;
  const day = addCalendarDays(todayInChina(), 2);
  const endsAt = chinaInstant(day, '17:00');
  const items: Record<string, unknown>[] = [];
  for (let i = 0; i < COUNT; i += 1) {
    const at = place(i);
    const gigId = ulid();
    const { cell, hash } = geoKeys(at);
    const view = {
      id: gigId,
      kind: 'cleaning',
      kindName: '保洁',
      title: '家里大扫除',
      place: { ...at, address: '鼓东路 1 号', areaCode: '350102001001', areaName: '福建省 福州市 鼓楼区 鼓东街道 中山社区' },
      when: { type: 'scheduled', date: day, from: '14:00', to: '17:00' },
      whenText: '14:00–17:00',
      payFen: 15_000,
      payUnit: 'job',
      payText: '150元/次',
      places: 1,
      taken: 0,
      status: 'open',
      postedAs: 'person',
      lastDay: day,
      createdAt: new Date().toISOString(),
    };
    items.push({ pk: `GIG_GEO#${cell}`, sk: `${hash}#${gigId}`, _et: 'GigCard', cell, hash, gigId, ...at, kind: 'cleaning', day, endsAt, places: 1, taken: 0, gigJson: JSON.stringify(view), ttl: 4_000_000_000 });
    items.push(vacancyCard(at));
  }
  await putAll(doc, table, items);

  const centers = Array.from({ length: CIRCLES }, () => ({ lat: 26.0 + Math.random() * 0.15, lng: 119.2 + Math.random() * 0.2 }));
  const gigs: number[] = [];
  const vacancies: number[] = [];
  let found = 0;
  for (const round of [0, 1]) {
    for (const c of centers) {
      let t = performance.now();
      const g = await nearbyGigs({ ...c, radiusKm: 3, limit: 20 });
      const gigMs = performance.now() - t;
      t = performance.now();
      await nearestCards({ center: c, limitM: 3000, need: 21, accept: () => true });
      const vacancyMs = performance.now() - t;
      if (round === 0) continue; // the first round warms the code up
      gigs.push(gigMs);
      vacancies.push(vacancyMs);
      found += g.items.length;
    }
  }
  gigs.sort((a, b) => a - b);
  vacancies.sort((a, b) => a - b);

  // 2. 100 taps at once on a 100-place job.
  await putRegistration('bench-poster', registrationBody({ idNumber: makeIdNumber('1970-01-01', 900), name: '发布人', phone: '13700009000' }));
  const workers: string[] = [];
  for (let i = 0; i < TAPS; i += 1) {
    const id = `bench-worker-${i}`;
    await putRegistration(id, registrationBody({ idNumber: makeIdNumber('1985-01-01', 100 + i * 2), name: '接活人', phone: `1370001${String(i).padStart(4, '0')}` }));
    workers.push(id);
  }
  const gig = await postGig('bench-poster', {
    kind: 'moving',
    title: '仓库搬货一百人',
    place: { areaCode: '350102001001', address: '仓库', lat: 26.08, lng: 119.3 },
    when: { type: 'scheduled', date: day, from: '09:00', to: '12:00' },
    payFen: 20_000,
    payUnit: 'job',
    places: TAPS,
  });
  const times: number[] = [];
  let errors = 0;
  let start = performance.now();
  await Promise.all(
    workers.map(async (w) => {
      const t = performance.now();
      try {
        await takeGig(w, gig.id);
      } catch {
        errors += 1;
      }
      times.push(performance.now() - t);
    }),
  );
  const takeWall = performance.now() - start;
  times.sort((a, b) => a - b);

  // Its floor: as many raw transactions at once, as many items each: a conditional count on one item and 14 puts.
  await doc.send(new TransactWriteCommand({ TransactItems: [{ Put: { TableName: table, Item: { pk: 'FLOOR', sk: 'COUNT', n: 0 } } }] }));
  const floor: number[] = [];
  let floorErrors = 0;
  start = performance.now();
  await Promise.all(
    workers.map(async (w) => {
      const t = performance.now();
      for (let attempt = 0; attempt < 12; attempt += 1) {
        try {
          await doc.send(
            new TransactWriteCommand({
              TransactItems: [
                { Update: { TableName: table, Key: { pk: 'FLOOR', sk: 'COUNT' }, UpdateExpression: 'ADD n :one', ConditionExpression: 'n < :max', ExpressionAttributeValues: { ':one': 1, ':max': TAPS } } },
                ...Array.from({ length: 14 }, (_, k) => ({ Put: { TableName: table, Item: { pk: `FLOOR#${w}`, sk: `ITEM#${k}` }, ConditionExpression: 'attribute_not_exists(pk)' } })),
              ],
            }),
          );
          floor.push(performance.now() - t);
          return;
        } catch {
          await new Promise((r) => setTimeout(r, Math.random() * 20 * 2 ** attempt));
        }
      }
      floorErrors += 1;
    }),
  );
  const floorWall = performance.now() - start;
  floor.sort((a, b) => a - b);

  return {
    count: COUNT,
    circles: CIRCLES,
    perPage: found / CIRCLES,
    gigs: { p50: quantile(gigs, 0.5), p99: quantile(gigs, 0.99) },
    vacancies: { p50: quantile(vacancies, 0.5), p99: quantile(vacancies, 0.99) },
    take: { taps: TAPS, errors, p50: quantile(times, 0.5), p99: quantile(times, 0.99), perSecond: (TAPS / takeWall) * 1000 },
    floor: { errors: floorErrors, p50: quantile(floor, 0.5), p99: quantile(floor, 0.99), perSecond: (TAPS / floorWall) * 1000 },
  };
});
