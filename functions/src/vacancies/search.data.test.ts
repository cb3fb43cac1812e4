// The ring search against the obvious answer: with cards spread over a city (a dense centre and
// a sparse rest) on DynamoDB Local, every page is exactly the next cards by (distance, id) that
// a full scan would give, paging covers every card in the radius once, and a page reads about
// as many cards as it returns.
import { execute } from 'dynamodb-toolbox/entity/actions/transactWrite';
import { haversineM } from '@doorstep/shared';
import { createTestTable } from '../../../tests/support/table';
import { vacancyBody } from '../../../tests/support/vacancies';
import { cardOf, nearestCards, putCard } from './search';

jest.setTimeout(60_000);

beforeAll(createTestTable);

// A fixed pseudo-random sequence, so a failure can be replayed.
let seed = 42;
const random = () => {
  seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
  return seed / 2 ** 31;
};

const CENTRE = { lat: 26.08, lng: 119.3 };
const points = Array.from({ length: 600 }, (_, i) =>
  i % 3
    ? { lat: CENTRE.lat + (random() - 0.5) * 0.012, lng: CENTRE.lng + (random() - 0.5) * 0.012 } // about 1.3 km across
    : { lat: CENTRE.lat + (random() - 0.5) * 0.09, lng: CENTRE.lng + (random() - 0.5) * 0.09 }, // about 10 km across
);
const ids = points.map((_, i) => `V${String(i).padStart(25, '0')}`);

const body = (p: { lat: number; lng: number }) => vacancyBody('01J00000000000000000000000', p);

beforeAll(async () => {
  for (let i = 0; i < points.length; i += 25) {
    await execute(...points.slice(i, i + 25).map((p, k) => putCard(cardOf({ vacancyId: ids[i + k], employerName: '单位', body: body(p) }))));
  }
});

function expected(center: { lat: number; lng: number }, limitM: number) {
  return points
    .map((p, i) => ({ id: ids[i], distanceM: Math.round(haversineM(center, p)) }))
    .filter((c) => c.distanceM <= limitM)
    .sort((a, b) => a.distanceM - b.distanceM || a.id.localeCompare(b.id));
}

describe('nearestCards', () => {
  const centres = [CENTRE, { lat: CENTRE.lat + 0.004, lng: CENTRE.lng - 0.003 }, { lat: CENTRE.lat + 0.03, lng: CENTRE.lng + 0.03 }, { lat: 26.5, lng: 119.9 }];

  it.each(centres.map((c) => [c]))('pages through a 3-km circle around %o exactly as a full scan orders it', async (center) => {
    const all = expected(center, 3000);
    const seen: { id: string; distanceM: number }[] = [];
    let after: { distanceM: number; id: string } | undefined;
    for (let page = 0; page < 100; page += 1) {
      const { page: found } = await nearestCards({ center, limitM: 3000, need: 20, accept: () => true, ...(after ? { after } : {}) });
      seen.push(...found.map((c) => ({ id: c.card.vacancyId, distanceM: c.distanceM })));
      if (found.length < 20) break;
      const last = found[found.length - 1];
      after = { distanceM: last.distanceM, id: last.card.vacancyId };
    }
    expect(seen).toEqual(all);
  });

  it('reads a few times what a page returns in the dense centre, not the whole circle', async () => {
    const inside = expected(CENTRE, 3000).length;
    const { page, read } = await nearestCards({ center: CENTRE, limitM: 3000, need: 21, accept: () => true });
    expect(page).toHaveLength(21);
    expect(read).toBeLessThan(inside / 3);
  });

  it('applies the acceptance test before counting a page full', async () => {
    const odd = (id: string) => Number(id.slice(1)) % 2 === 1;
    const { page } = await nearestCards({ center: CENTRE, limitM: 3000, need: 10, accept: (card) => odd(card.vacancyId) });
    expect(page.map((c) => c.card.vacancyId)).toEqual(expected(CENTRE, 3000).filter((c) => odd(c.id)).slice(0, 10).map((c) => c.id));
  });
});
