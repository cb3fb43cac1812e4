// The assessment figures' items (functions/src/db/README.md has their access patterns): the counts
// per area and period, the events already counted, each person's standing as last counted. Beside
// the domain, so that functions which never count or read figures do not carry their definitions.
import { Entity } from 'dynamodb-toolbox/entity';
import { item } from 'dynamodb-toolbox/schema/item';
import { list } from 'dynamodb-toolbox/schema/list';
import { number } from 'dynamodb-toolbox/schema/number';
import { string } from 'dynamodb-toolbox/schema/string';
import { FLOW_FIGURES, STANDING_FIGURES } from '@doorstep/shared';
import { table } from '../db/table';

const figureAttributes = () =>
  Object.fromEntries([...FLOW_FIGURES, ...STANDING_FIGURES].map((f) => [f, number().optional()])) as Record<
    (typeof FLOW_FIGURES)[number] | (typeof STANDING_FIGURES)[number],
    ReturnType<ReturnType<typeof number>['optional']>
  >;

/**
 * The figures of one area for one period (`2026-11`, `2026-Q4`, `2026`, or `now` for the standing
 * figures), kept by the stream consumer. One partition per city and period; the sort key leads
 * with the area code's length, so an area's direct children are one `begins_with` query.
 */
export const FigureCountEntity = new Entity({
  name: 'FigureCount',
  table,
  timestamps: false,
  schema: item({
    cityCode: string().key(),
    period: string().key(),
    areaCode: string().key(),
    ...figureAttributes(),
  }),
  computeKey: ({ cityCode, period, areaCode }) => ({ pk: `FIG#${cityCode}#${period}`, sk: figureSortKey(areaCode) }),
});

export const figureSortKey = (areaCode: string) => `${String(areaCode.length).padStart(2, '0')}#${areaCode}`;

/** An event already counted (the stream delivers at least once): kept a week, longer than the stream keeps a record. */
export const FigureAppliedEntity = new Entity({
  name: 'FigureApplied',
  table,
  timestamps: false,
  schema: item({
    eventKey: string().key(),
    ttl: number(),
  }),
  computeKey: ({ eventKey }) => ({ pk: `FIG_APPLIED#${eventKey}`, sk: 'APPLIED' }),
});

/** How a person stands in the standing figures, as last counted (willing, employed, …). */
export const PersonFigureStateEntity = new Entity({
  name: 'PersonFigureState',
  table,
  timestamps: false,
  schema: item({
    userId: string().key(),
    areaCode: string(),
    flags: list(string()),
    version: number(),
  }),
  computeKey: ({ userId }) => ({ pk: `USER#${userId}`, sk: 'FIGURE_STATE' }),
});
