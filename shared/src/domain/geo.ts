// The 3-km circle (domain.md §7.3) as geohash key ranges, for the vacancy search of issue 4.
//
// A vacancy is indexed under its precision-5 cell (GSI partition, about 4.9 × 4.4 km in
// southern China) with its precision-9 geohash leading the sort key. A search circle becomes
// the precision-6 cells (about 0.6 × 0.55 km) that touch it, merged into runs of consecutive
// cells, one `BETWEEN` query per run. So a 3-km circle reads at most 9 partitions, and the items
// read are those of the touching small cells: about 1.5× the circle's area, not the 7× of
// reading whole precision-5 cells. Coordinates are GCJ-02 throughout (what WeChat gives and
// our records hold); distances between two GCJ-02 points are accurate to a few metres.
import geohash from 'ngeohash';

export const GEO_PARTITION_PRECISION = 5;
export const GEO_RANGE_PRECISION = 6;
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

/** The keys a point is indexed under. */
export function geoKeys(p: LatLng): { cell: string; hash: string } {
  const hash = geohash.encode(p.lat, p.lng, GEO_ITEM_PRECISION);
  return { cell: hash.slice(0, GEO_PARTITION_PRECISION), hash };
}

/** Distance from a point to the nearest point of a cell's rectangle (0 inside it). */
function distanceToCellM(p: LatLng, cell: string): number {
  const [minLat, minLng, maxLat, maxLng] = geohash.decode_bbox(cell);
  return haversineM(p, { lat: Math.min(Math.max(p.lat, minLat), maxLat), lng: Math.min(Math.max(p.lng, minLng), maxLng) });
}

export interface GeoRange {
  /** The GSI partition: a precision-5 cell. */
  cell: string;
  /** Sort-key bounds, inclusive: precision-6 cells; a hash starting with `to` is inside. */
  from: string;
  to: string;
}

/** The precision-6 cells touching a circle, as runs of consecutive cells per precision-5 cell. */
export function rangesForCircle(center: LatLng, radiusM: number): GeoRange[] {
  const dLat = (radiusM / EARTH_RADIUS_M) * (180 / Math.PI);
  const dLng = dLat / Math.max(0.01, Math.cos(rad(center.lat)));
  const cells = geohash
    .bboxes(center.lat - dLat, center.lng - dLng, center.lat + dLat, center.lng + dLng, GEO_RANGE_PRECISION)
    .filter((c) => distanceToCellM(center, c) <= radiusM)
    .sort();
  const ranges: GeoRange[] = [];
  for (const c of cells) {
    const last = ranges[ranges.length - 1];
    const parent = c.slice(0, GEO_PARTITION_PRECISION);
    const follows = last && last.cell === parent && BASE32.indexOf(c[GEO_PARTITION_PRECISION]) === BASE32.indexOf(last.to[GEO_PARTITION_PRECISION]) + 1;
    if (follows) last.to = c;
    else ranges.push({ cell: parent, from: c, to: c });
  }
  return ranges;
}

/** The area the ranges cover, in km² (for the read-amplification figure). */
export function rangesAreaKm2(ranges: readonly GeoRange[]): number {
  let area = 0;
  for (const r of ranges) {
    const count = BASE32.indexOf(r.to[GEO_PARTITION_PRECISION]) - BASE32.indexOf(r.from[GEO_PARTITION_PRECISION]) + 1;
    const [minLat, minLng, maxLat, maxLng] = geohash.decode_bbox(r.from);
    const h = haversineM({ lat: minLat, lng: minLng }, { lat: maxLat, lng: minLng }) / 1000;
    const w = haversineM({ lat: (minLat + maxLat) / 2, lng: minLng }, { lat: (minLat + maxLat) / 2, lng: maxLng }) / 1000;
    area += count * h * w;
  }
  return area;
}
