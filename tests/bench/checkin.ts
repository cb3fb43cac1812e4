// 招聘会 check-in throughput for `npm run bench` (issue 20), in a process of its own: one fair on
// today, 1,000 people pre-registered (written in process) with their signed codes of the day; 20
// scanners at the gate (20 street officers) post the 1,000 codes at once through serverless
// offline over DynamoDB Local — p50, p99, errors — and, in the same run at the same concurrency,
// the floor: GET /health through the same stack. Prints one JSON line last.
import { todayInChina } from '@doorstep/shared';
import { benchApiFor } from './api';
import { benchInProcess } from './inProcess';

const PEOPLE = 1_000;
const SCANNERS = 20;
const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;

benchInProcess('bench-checkin', async () => {
  const { createFair, publishFair } = await import('../../functions/src/fairs/fairs');
  const { personCode } = await import('../../functions/src/fairs/attendance');
  const { FairRegistrationEntity } = await import('../../functions/src/fairs/entities');
  const { PutItemCommand } = await import('dynamodb-toolbox/entity/actions/put');
  const street = { userId: 'bench-street', roles: ['staff' as const], level: 'street' as const, areaCode: '350102001' };
  const today = todayInChina();
  const fair = await createFair(street, {
    title: '压测招聘会',
    kind: 'general',
    mode: 'onsite',
    areaCode: '350102001',
    startDate: today,
    endDate: today,
    hours: { from: '00:00', to: '23:59' },
    venue: { name: '文化广场', address: '鼓东路 1 号', lat: 26.086, lng: 119.301 },
    intro: '压测用的招聘会',
    booths: 10,
  });
  await publishFair(street, fair.id);
  const at = new Date().toISOString();
  const codes: string[] = [];
  for (let i = 0; i < PEOPLE; i += 1) {
    const userId = `bench-visitor-${i}`;
    await FairRegistrationEntity.build(PutItemCommand).item({ fairId: fair.id, userId, createdAt: at, gsi2pk: `USER_FAIRS#${userId}`, gsi2sk: `${today}#${fair.id}` }).send();
    codes.push((await personCode(userId, fair.id)).code);
  }

  const api = await benchApiFor('bench-checkin', process.env.DYNAMODB_ENDPOINT!);
  try {
    const scanners = await Promise.all(Array.from({ length: SCANNERS }, (_, i) => api.login({ openid: `bench-gate-${i}`, roles: ['staff'], level: 'street', areaCode: '350102001' })));
    const run = async (send: (i: number, token: string) => Promise<Response>) => {
      const latencies: number[] = [];
      const statuses: Record<string, number> = {};
      let next = 0;
      const t0 = performance.now();
      await Promise.all(
        scanners.map(async (token) => {
          while (next < PEOPLE) {
            const i = next++;
            const t = performance.now();
            const res = await send(i, token);
            await res.text();
            latencies.push(performance.now() - t);
            statuses[res.status] = (statuses[res.status] ?? 0) + 1;
          }
        }),
      );
      const seconds = (performance.now() - t0) / 1000;
      latencies.sort((a, b) => a - b);
      return { p50: quantile(latencies, 0.5), p99: quantile(latencies, 0.99), perSecond: PEOPLE / seconds, statuses };
    };
    const floor = await run((_, token) => fetch(`${api.base}/health`, { headers: { authorization: `Bearer ${token}` } }));
    const checkins = await run((i, token) =>
      fetch(`${api.base}/staff/fairs/${fair.id}/checkins`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify({ code: codes[i] }) }),
    );
    const errors = PEOPLE - (checkins.statuses['201'] ?? 0);
    return { people: PEOPLE, scanners: SCANNERS, checkins, errors, floor };
  } finally {
    await api.stop();
  }
});
