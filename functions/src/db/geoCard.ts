// A card found near a place — a vacancy, a job seeker's home (for new-match messages), a 零工 job,
// a service point, a course: one definition of what every such card is keyed by, so the nearby
// searches (vacancies/search.ts `nearestOf`) read them all the same way. Partition: the kind's
// prefix and the place's precision-5 geohash cell; sort key: its precision-9 geohash and then the
// card's own id, so a run of small cells is one `BETWEEN`. The kinds add what their lists show.
import { string } from 'dynamodb-toolbox/schema/string';
import { number } from 'dynamodb-toolbox/schema/number';

/** The attributes every geo card has (`cell` and `hash` from `geoKeys` of @doorstep/shared). */
export const geoCardAttributes = () => ({ cell: string().key(), hash: string().key(), lat: number(), lng: number() });

/** A kind of card: its partition of a cell, and its primary key. */
export function geoCard(prefix: string) {
  const partition = (cell: string) => `${prefix}#${cell}`;
  return { partition, key: (cell: string, hash: string, id: string) => ({ pk: partition(cell), sk: `${hash}#${id}` }) };
}
