// 零工驿站 — the workers around a station: who took the recent jobs of the station's street within
// 3 km of it (the newest 200 of at most 1,000 read), how often, how many done, the posters'
// ratings — for the station to call when someone walks in needing a hand. Each worker shown is
// in 访问记录 (the station read their name and phone).
import { QueryCommand } from 'dynamodb-toolbox/table/actions/query';
import { effectiveTakeStatus, haversineM, type z, type stationWorkersSchema } from '@doorstep/shared';
import { recordAccess } from '../access/log';
import { mapLimit } from '../concurrency';
import { table } from '../db/table';
import type { Principal } from '../http/session';
import { GigEntity } from './entities';
import { STATION_RADIUS_M, stationOf } from './gigs';
import { takesOf } from './takes';

type Worker = z.infer<typeof stationWorkersSchema>;

export async function stationWorkers(principal: Principal, pointId: string, now = new Date()): Promise<{ items: Worker[] }> {
  const point = await stationOf(principal, pointId);
  const { Items = [] } = await table
    .build(QueryCommand)
    .entities(GigEntity)
    .query({ index: 'gsi1', partition: `GIGS#${point.areaCode.slice(0, 4)}`, range: { beginsWith: point.areaCode.slice(0, 9) } })
    .options({ limit: 1000 })
    .send();
  const around = Items.filter((g) => haversineM(g, point) <= STATION_RADIUS_M)
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
    .slice(0, 200);
  const takes = (await mapLimit(around, 8, (g) => takesOf(g.gigId))).flat().filter((t) => t.status !== 'cancelled');
  const byWorker = new Map<string, Worker & { scores: number[] }>();
  for (const t of takes) {
    const w = byWorker.get(t.workerId) ?? { userId: t.workerId, name: t.workerName, phone: t.workerPhone, taken: 0, done: 0, lastAt: t.takenAt, scores: [] };
    w.taken += 1;
    if (effectiveTakeStatus(t, now) === 'done') w.done += 1;
    if (t.ratingOfWorker) w.scores.push(t.ratingOfWorker.score);
    if (t.takenAt > w.lastAt) w.lastAt = t.takenAt;
    byWorker.set(t.workerId, w);
  }
  // Erased accounts keep no name or phone: not someone to call.
  const items = [...byWorker.values()]
    .filter((w) => w.phone)
    .sort((a, b) => b.done - a.done || b.lastAt.localeCompare(a.lastAt))
    .map(({ scores, ...w }) => ({ ...w, ...(scores.length ? { rating: Math.round((scores.reduce((n, s) => n + s, 0) / scores.length) * 10) / 10 } : {}) }));
  await mapLimit(items, 8, (w) => recordAccess(principal, { personId: w.userId, personName: w.name, kind: 'gigContact', route: 'GET /staff/gig-stations/{id}/workers' }, now));
  return { items };
}
