// Reading search cards near a point (issue 4, 附近的工作).
//
// Sorted by distance, a page is found by reading rings outward from the centre: a small circle
// first, then, from the density seen, a circle expected to hold the page, reading only cells not
// read before, at a cell size that suits the radius (geo.ts). Once every cell touching a circle
// of radius r has been read, every card within r is known, so when r holds a full page the page
// is exact and the search stops: a query reads about twice the cards it returns, however dense
// the city, instead of the whole 3-km circle. Sorted by match, the nearest few hundred are read
// the same way and scored (vacancies/service.ts).
import { DeleteTransaction } from 'dynamodb-toolbox/entity/actions/transactDelete';
import { PutTransaction } from 'dynamodb-toolbox/entity/actions/transactPut';
import { QueryCommand } from 'dynamodb-toolbox/table/actions/query';
import type { Entity, FormattedItem } from 'dynamodb-toolbox/entity';
import {
  cellAreaKm2,
  coverCircle,
  geoKeys,
  haversineM,
  nextSearchRadiusM,
  precisionForRing,
  rangesOfCells,
  vacancySummarySchema,
  type GeoRange,
  type LatLng,
  type VacancyBody,
  type VacancySummary,
} from '@doorstep/shared';
import { areaFullName } from '../areas/dataset';
import { ValidationError } from '../http/errors';
import { CourseCardEntity, courseGeoPartition } from '../training/entities';
import { SeekerCardEntity, VacancyCardEntity, seekerGeoPartition, vacancyGeoPartition } from '../db/entities';
import { table } from '../db/table';

export type StoredCard = FormattedItem<typeof VacancyCardEntity>;

/** A card kept some days past the end date for the TTL sweep; search stops showing it the day after. */
const CARD_TTL_GRACE_S = 7 * 24 * 3600;

export function cardOf(vacancy: { vacancyId: string; employerName: string; body: VacancyBody }) {
  const { body } = vacancy;
  const { cell, hash } = geoKeys(body.workplace);
  const summary: VacancySummary = {
    id: vacancy.vacancyId,
    title: body.title,
    employerName: vacancy.employerName,
    occupationName: body.occupationName,
    employmentForm: body.employmentForm,
    shift: body.shift,
    headcount: body.headcount,
    salaryMinFen: body.pay.salaryMinFen,
    salaryMaxFen: body.pay.salaryMaxFen,
    accommodation: body.pay.accommodation,
    areaName: areaFullName(body.workplace.areaCode),
    address: body.workplace.address,
    recruitUntil: body.time.recruitUntil,
    requirements: {
      ...(body.requirements.minAge !== undefined ? { minAge: body.requirements.minAge } : {}),
      ...(body.requirements.maxAge !== undefined ? { maxAge: body.requirements.maxAge } : {}),
      ...(body.requirements.minEducation ? { minEducation: body.requirements.minEducation } : {}),
      ...(body.requirements.minYearsOfExperience !== undefined ? { minYearsOfExperience: body.requirements.minYearsOfExperience } : {}),
      ...(body.requirements.minQualificationLevel ? { minQualificationLevel: body.requirements.minQualificationLevel } : {}),
    },
  };
  return {
    cell,
    hash,
    vacancyId: vacancy.vacancyId,
    lat: body.workplace.lat,
    lng: body.workplace.lng,
    recruitFrom: body.time.recruitFrom,
    recruitUntil: body.time.recruitUntil,
    cardJson: JSON.stringify(summary),
    ttl: Math.floor(Date.parse(`${body.time.recruitUntil}T23:59:59+08:00`) / 1000) + CARD_TTL_GRACE_S,
  };
}

export const putCard = (card: ReturnType<typeof cardOf>) => VacancyCardEntity.build(PutTransaction).item(card);
export const deleteCard = (card: Pick<ReturnType<typeof cardOf>, 'cell' | 'hash' | 'vacancyId'>) =>
  VacancyCardEntity.build(DeleteTransaction).key({ cell: card.cell, hash: card.hash, vacancyId: card.vacancyId });

export const summaryOf = (card: Pick<StoredCard, 'cardJson'>): VacancySummary => vacancySummarySchema.parse(JSON.parse(card.cardJson));

type CardEntity = typeof VacancyCardEntity | typeof SeekerCardEntity | typeof CourseCardEntity;

/** Every card of an entity in the ranges (all pages of each, in parallel). */
async function readRanges<E extends Entity>(entity: E, partitionOf: (cell: string) => string, ranges: readonly GeoRange[]): Promise<FormattedItem<E>[]> {
  const pages = await Promise.all(
    ranges.map(async (r) => {
      const found: FormattedItem<E>[] = [];
      let exclusiveStartKey: Record<string, unknown> | undefined;
      do {
        const page = await table
          .build(QueryCommand)
          .entities(entity as unknown as CardEntity)
          .query({ partition: partitionOf(r.cell), range: { between: [r.from, `${r.to}~`] } })
          .options(exclusiveStartKey ? { exclusiveStartKey } : {})
          .send();
        found.push(...((page.Items ?? []) as FormattedItem<E>[]));
        exclusiveStartKey = page.LastEvaluatedKey;
      } while (exclusiveStartKey);
      return found;
    }),
  );
  return pages.flat();
}

export interface Candidate<C = StoredCard> {
  card: C;
  distanceM: number;
}

export interface RingSearch<C = StoredCard> {
  center: LatLng;
  /** The search radius: nothing beyond it is returned. */
  limitM: number;
  /** How many accepted cards make a page (one more than shown, to know whether another follows). */
  need: number;
  /** Whether a card counts (open today, the filters); cards outside the radius never reach it. */
  accept: (card: C) => boolean;
  /** Only what comes after this in (distance, id) order: the previous page's last item. */
  after?: { distanceM: number; id: string };
}

export const badCursor = () => new ValidationError([{ path: ['cursor'], message: '翻页位置无效，请从第一页重新查看' }]);
export const encodeCursor = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
export function decodeCursor(cursor: string): unknown {
  try {
    return JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw badCursor();
  }
}

/** A page by distance ends at its last item: the next starts after that (distance, id). */
export const encodeDistanceCursor = (distanceM: number, id: string) => encodeCursor({ d: distanceM, id });
export function decodeDistanceCursor(cursor: string): { distanceM: number; id: string } {
  const c = decodeCursor(cursor) as { d?: unknown; id?: unknown };
  if (!c || typeof c.d !== 'number' || !Number.isInteger(c.d) || c.d < 0 || typeof c.id !== 'string' || c.id.length > 40) throw badCursor();
  return { distanceM: c.d, id: c.id };
}

const SMALLEST_RING_M = 60;
/** The nearest accepted vacancy cards after `after`, in (distance, id) order, and how many cards were read. */
export function nearestCards(search: RingSearch<StoredCard>): Promise<{ page: Candidate<StoredCard>[]; read: number }> {
  return ringSearch((ranges) => readRanges(VacancyCardEntity, vacancyGeoPartition, ranges), (c) => c.vacancyId, search);
}

export type StoredSeekerCard = FormattedItem<typeof SeekerCardEntity>;

/** The nearest accepted job-seeker cards, the same way (for new-match messages). */
export function nearestSeekers(search: RingSearch<StoredSeekerCard>): Promise<{ page: Candidate<StoredSeekerCard>[]; read: number }> {
  return ringSearch((ranges) => readRanges(SeekerCardEntity, seekerGeoPartition, ranges), (c) => c.userId, search);
}

/**
 * The nearest accepted cards of any geo-keyed entity (keys `<PREFIX>#<cell>` / `<hash>#<id>`),
 * the same way: service points (服务网点) use it.
 */
export function nearestOf<E extends Entity>(
  entity: E,
  partitionOf: (cell: string) => string,
  idOf: (card: FormattedItem<E>) => string,
  search: RingSearch<FormattedItem<E>>,
): Promise<{ page: Candidate<FormattedItem<E>>[]; read: number }> {
  return ringSearch((ranges) => readRanges(entity, partitionOf, ranges) as Promise<(FormattedItem<E> & LatLng)[]>, idOf, search as RingSearch<FormattedItem<E> & LatLng>);
}

export type StoredCourseCard = FormattedItem<typeof CourseCardEntity>;

/** The nearest accepted course cards, the same way (附近的培训班). */
export function nearestCourses(search: RingSearch<StoredCourseCard>): Promise<{ page: Candidate<StoredCourseCard>[]; read: number }> {
  return ringSearch((ranges) => readRanges(CourseCardEntity, courseGeoPartition, ranges), (c) => c.courseId, search);
}

async function ringSearch<C extends LatLng>(
  read: (ranges: GeoRange[]) => Promise<C[]>,
  idOf: (card: C) => string,
  search: RingSearch<C>,
): Promise<{ page: Candidate<C>[]; read: number }> {
  const { center, limitM, need, accept, after } = search;
  const byDistance = (a: Candidate<C>, b: Candidate<C>) => a.distanceM - b.distanceM || idOf(a.card).localeCompare(idOf(b.card));
  const isAfter = (c: Candidate<C>) => !after || c.distanceM > after.distanceM || (c.distanceM === after.distanceM && idOf(c.card) > after.id);
  const startM = after?.distanceM ?? 0;
  const readCells: string[] = [];
  const accepted = new Map<string, Candidate<C>>();
  let readCount = 0;
  let areaReadKm2 = 0;
  let radiusM = Math.min(limitM, startM + SMALLEST_RING_M);
  for (;;) {
    // Cells of this circle not read yet, and not wholly nearer than where the last page ended.
    const cells = coverCircle(center, radiusM, precisionForRing(center, startM - 200, radiusM), readCells, startM - 1);
    const cards = await read(rangesOfCells(cells));
    readCells.push(...cells);
    readCount += cards.length;

    areaReadKm2 += cells.reduce((sum, c) => sum + cellAreaKm2(c), 0);
    for (const card of cards) {
      const candidate = { card, distanceM: Math.round(haversineM(center, card)) };
      if (candidate.distanceM <= limitM && isAfter(candidate) && accept(card)) accepted.set(idOf(card), candidate);
    }
    const within = [...accepted.values()].filter((c) => c.distanceM <= radiusM);
    if (within.length >= need || radiusM >= limitM) {
      return { page: within.sort(byDistance).slice(0, need), read: readCount };
    }
    radiusM = nextSearchRadiusM({ radiusM, limitM, found: accepted.size, need, areaReadKm2, startM });
  }
}
