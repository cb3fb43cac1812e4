// 服务网点's search for `npm run bench` (issue 19), in a process of its own: 5,000 service points in
// one city (Fuzhou's urban area, half of them packed in the old town) and, beside them, 5,000
// vacancy cards at the same places, so the nearby-points search (in process on DynamoDB Local: the
// ring search, the cards' JSON, today's opening hours) is measured next to the vacancy search it is
// built on, over the same circles, interleaved. Prints one JSON line last.
import { ulid } from 'ulid';
import { geoKeys } from '@doorstep/shared';
import { benchInProcess } from './inProcess';
import { benchPlace, putAll, vacancyCards } from './cards';

const COUNT = 5_000;
const CIRCLES = 200;
const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;

benchInProcess('bench-points', async (doc, table) => {
  const { nearbyPoints } = await import('../../functions/src/servicePoints/points');
  const { nearestCards } = await import('../../functions/src/vacancies/search');
  const vacancyCard = await vacancyCards();
  const place = benchPlace;
  const items: Record<string, unknown>[] = [];
  for (let i = 0; i < COUNT; i += 1) {
    const at = place(i);
    const pointId = ulid();
    const now = new Date().toISOString();
    const point = {
      pointId,
      name: `压测服务站 ${i}`,
      kind: 'community_station',
      areaCode: '350102001001',
      address: '鼓东路 1 号',
      ...at,
      phone: '0591-87650000',
      hours: { workday: [{ from: '08:30', to: '12:00' }, { from: '14:00', to: '17:30' }], restDay: [] },
      services: [{ key: 'unemployment_registration', desks: 2 }],
      status: 'open',
      version: 1,
      createdBy: 'bench',
      createdAt: now,
      updatedAt: now,
    };
    const { cell, hash } = geoKeys(at);
    items.push({ pk: `POINT_GEO#${cell}`, sk: `${hash}#${pointId}`, _et: 'ServicePointCard', cell, hash, pointId, ...at, services: ['unemployment_registration'], pointJson: JSON.stringify(point) });
    items.push(vacancyCard(at));
  }
  await putAll(doc, table, items);

  const centers = Array.from({ length: CIRCLES }, () => ({ lat: 26.0 + Math.random() * 0.15, lng: 119.2 + Math.random() * 0.2 }));
  const points: number[] = [];
  const vacancies: number[] = [];
  let found = 0;
  for (const round of [0, 1]) {
    for (const c of centers) {
      let t = performance.now();
      const p = await nearbyPoints({ ...c, radiusKm: 3, limit: 20 });
      const pointMs = performance.now() - t;
      t = performance.now();
      await nearestCards({ center: c, limitM: 3000, need: 21, accept: () => true });
      const vacancyMs = performance.now() - t;
      if (round === 0) continue; // the first round warms the code up
      points.push(pointMs);
      vacancies.push(vacancyMs);
      found += p.items.length;
    }
  }
  points.sort((a, b) => a - b);
  vacancies.sort((a, b) => a - b);
  return {
    count: COUNT,
    circles: CIRCLES,
    perPage: found / CIRCLES,
    points: { p50: quantile(points, 0.5), p99: quantile(points, 0.99) },
    vacancies: { p50: quantile(vacancies, 0.5), p99: quantile(vacancies, 0.99) },
  };
});
