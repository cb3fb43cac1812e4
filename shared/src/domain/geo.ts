// The 3-km circle (domain.md §7.3) as geohash key ranges, for the vacancy search of issue 4.
//
// A vacancy's search card is stored under its precision-5 cell (partition, about 4.9 × 4.4 km in
// southern China) with its precision-9 geohash leading the sort key. A search circle becomes
// the cells that touch it, at a size that suits the circle (precisionForRing), merged into runs
// of consecutive cells, one `BETWEEN` query per run. So a 3-km circle reads at most 9
// partitions, and only a little outside the circle. Coordinates are GCJ-02 throughout (what WeChat gives and
// our records hold); distances between two GCJ-02 points are accurate to a few metres.
import geohash from 'ngeohash';

export const GEO_PARTITION_PRECISION = 5;
export const GEO_ITEM_PRECISION = 9;
const BASE32 = '0123456789bcdefghjkmnpqrstuvwxyz';
const EARTH_RADIUS_M = 6_371_008.8;

export interface LatLng {
  lat: number;
  lng: number;
}

const rad = (deg: number) => (deg * Math.PI) / 180;

/** Great-circle distance in metres. */
export function haversineM(a: LatLng, b: LatLng): number {
  const dLat = rad(b.lat - a.lat);
  const dLng = rad(b.lng - a.lng);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** A distance as people say it: "600米" under a kilometre, "1.5公里" from there. */
export function distanceText(distanceM: number): string {
  return distanceM < 1000 ? `${Math.round(distanceM)}米` : `${(distanceM / 1000).toFixed(1)}公里`;
}

/** The keys a point is indexed under. */
export function geoKeys(p: LatLng): { cell: string; hash: string } {
  const hash = geohash.encode(p.lat, p.lng, GEO_ITEM_PRECISION);
  return { cell: hash.slice(0, GEO_PARTITION_PRECISION), hash };
}

/** Distance from a point to the nearest point of a cell's rectangle (0 inside it). */
export function distanceToCellM(p: LatLng, cell: string): number {
  const [minLat, minLng, maxLat, maxLng] = geohash.decode_bbox(cell);
  return haversineM(p, { lat: Math.min(Math.max(p.lat, minLat), maxLat), lng: Math.min(Math.max(p.lng, minLng), maxLng) });
}

/** Distance from a point to the farthest corner of a cell's rectangle. */
export function cellFarthestM(p: LatLng, cell: string): number {
  const [minLat, minLng, maxLat, maxLng] = geohash.decode_bbox(cell);
  return Math.max(
    haversineM(p, { lat: minLat, lng: minLng }),
    haversineM(p, { lat: minLat, lng: maxLng }),
    haversineM(p, { lat: maxLat, lng: minLng }),
    haversineM(p, { lat: maxLat, lng: maxLng }),
  );
}

export interface GeoRange {
  /** The GSI partition: a precision-5 cell. */
  cell: string;
  /** Sort-key bounds, inclusive: cells of one precision; a hash starting with `to` is inside. */
  from: string;
  to: string;
}

/** The cells of a precision that touch a circle, in key order. */
export function cellsTouchingCircle(center: LatLng, radiusM: number, precision: number): string[] {
  const dLat = (radiusM / EARTH_RADIUS_M) * (180 / Math.PI);
  const dLng = dLat / Math.max(0.01, Math.cos(rad(center.lat)));
  return geohash
    .bboxes(center.lat - dLat, center.lng - dLng, center.lat + dLat, center.lng + dLng, precision)
    .filter((c) => distanceToCellM(center, c) <= radiusM)
    .sort();
}

/** The suffix below the partition as a number, so consecutive cells differ by one. */
function suffixNumber(cell: string): number {
  let n = 0;
  for (const ch of cell.slice(GEO_PARTITION_PRECISION)) n = n * 32 + BASE32.indexOf(ch);
  return n;
}

/**
 * Sorted cells merged into runs per partition, one `BETWEEN` each. Cells one apart are merged
 * too: reading one more small cell costs less than another query (measured: README, Benchmarks).
 */
export function rangesOfCells(cells: readonly string[], maxGap = 1): GeoRange[] {
  const ranges: GeoRange[] = [];
  for (const c of cells) {
    const last = ranges[ranges.length - 1];
    const parent = c.slice(0, GEO_PARTITION_PRECISION);
    if (last && last.cell === parent && last.to.length === c.length && suffixNumber(c) - suffixNumber(last.to) <= 1 + maxGap) last.to = c;
    else ranges.push({ cell: parent, from: c, to: c });
  }
  return ranges;
}

/**
 * The cells to read for the part of a circle not read yet: the cells of `precision` touching
 * it, leaving out what `read` already holds (a cell partly read is split down to what is
 * missing) and cells wholly nearer than `skipNearerM` (read by an earlier page).
 */
export function coverCircle(center: LatLng, radiusM: number, precision: number, read: readonly string[] = [], skipNearerM = 0): string[] {
  const covered = (c: string) => read.some((r) => c.startsWith(r));
  const partly = (c: string) => read.some((r) => r.length > c.length && r.startsWith(c));
  const wanted = (c: string) => !covered(c) && distanceToCellM(center, c) <= radiusM && (skipNearerM <= 0 || cellFarthestM(center, c) >= skipNearerM);
  const out: string[] = [];
  const refine = (c: string): void => {
    if (!wanted(c)) return;
    if (partly(c)) for (const ch of BASE32) refine(c + ch);
    else out.push(c);
  };
  for (const c of cellsTouchingCircle(center, radiusM, precision)) refine(c);
  return out.sort();
}

/**
 * The cell size for reading a ring (or a disc, inner 0): the finest precision at which the ring
 * is at most about sixty cells, so it reads little outside itself in few queries (precision 8 ≈
 * 38 × 19 m, 7 ≈ 150 × 140 m, 6 ≈ 1.1 × 0.6 km, 5 ≈ 4.4 × 4.9 km at 26° N). Precision 6 may
 * take more cells (a 3-km circle in the north of China is some eighty): the next size up would
 * read a whole partition.
 */
const MOST_CELLS: Record<number, number> = { 8: 60, 7: 60, 6: 150 };
export function precisionForRing(center: LatLng, innerM: number, outerM: number): number {
  const areaKm2 = (Math.PI * (outerM ** 2 - Math.max(0, innerM) ** 2)) / 1e6;
  for (const precision of [8, 7, 6]) {
    if (areaKm2 / cellAreaKm2(geohash.encode(center.lat, center.lng, precision)) <= MOST_CELLS[precision]) return precision;
  }
  return GEO_PARTITION_PRECISION;
}

/** A cell's area in km². */
export function cellAreaKm2(cell: string): number {
  const [minLat, minLng, maxLat, maxLng] = geohash.decode_bbox(cell);
  const h = haversineM({ lat: minLat, lng: minLng }, { lat: maxLat, lng: minLng }) / 1000;
  const w = haversineM({ lat: (minLat + maxLat) / 2, lng: minLng }, { lat: (minLat + maxLat) / 2, lng: maxLng }) / 1000;
  return h * w;
}

/**
 * The next radius of a search that reads rings outward from the centre until it holds `need`
 * items: from the density seen so far, a circle expected to hold a quarter more than that (at
 * least 1.5 times the last radius; 4 times when nothing has been seen), never beyond the limit.
 */
export function nextSearchRadiusM(opts: { radiusM: number; limitM: number; found: number; need: number; areaReadKm2: number; startM: number }): number {
  const { radiusM, limitM, found, need, areaReadKm2, startM } = opts;
  let next: number;
  if (found === 0 || areaReadKm2 === 0) next = radiusM * 4;
  else {
    const density = found / areaReadKm2; // per km²
    const areaNeeded = (1.25 * need) / density; // km²: a quarter more than the page, as density varies
    next = Math.max(radiusM * 1.5, Math.sqrt((areaNeeded + Math.PI * (startM / 1000) ** 2) / Math.PI) * 1000);
  }
  return Math.min(limitM, next);
}
