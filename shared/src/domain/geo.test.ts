import fc from 'fast-check';
import { cellAreaKm2, coverCircle, geoKeys, haversineM, nextSearchRadiusM, precisionForRing, rangesOfCells, type LatLng } from './geo';

// Points where people in China live: south of Hainan to Heilongjiang.
const chinaPoint = fc.record({ lat: fc.double({ min: 18, max: 53, noNaN: true }), lng: fc.double({ min: 74, max: 134, noNaN: true }) });

/** A point at `distanceM` from `p` in direction `bearing` (radians). */
function offset(p: LatLng, distanceM: number, bearing: number): LatLng {
  const dLat = ((distanceM * Math.cos(bearing)) / 6_371_008.8) * (180 / Math.PI);
  const dLng = dLat === 0 && Math.sin(bearing) === 0 ? 0 : ((distanceM * Math.sin(bearing)) / (6_371_008.8 * Math.cos((p.lat * Math.PI) / 180))) * (180 / Math.PI);
  return { lat: p.lat + dLat, lng: p.lng + dLng };
}

describe('distance', () => {
  it('matches known distances', () => {
    const tiananmen = { lat: 39.9087, lng: 116.3975 };
    const theBund = { lat: 31.2400, lng: 121.4900 };
    expect(haversineM(tiananmen, theBund) / 1000).toBeGreaterThan(1060);
    expect(haversineM(tiananmen, theBund) / 1000).toBeLessThan(1075);
    expect(haversineM(tiananmen, tiananmen)).toBe(0);
  });
});

describe('the 3-km circle as key ranges', () => {
  const cover = (p: LatLng) => coverCircle(p, 3000, precisionForRing(p, 0, 3000));

  it('reads at most 9 partitions for a 3-km circle anywhere in China', () => {
    fc.assert(
      fc.property(chinaPoint, (p) => new Set(rangesOfCells(cover(p)).map((r) => r.cell)).size <= 9),
      { numRuns: 300 },
    );
  });

  it('reads little more than the circle: the cells cover at most twice its area', () => {
    fc.assert(
      fc.property(chinaPoint, (p) => cover(p).reduce((sum, c) => sum + cellAreaKm2(c), 0) <= 2 * Math.PI * 3 * 3),
      { numRuns: 100 },
    );
  });

  it('keeps the number of queries small', () => {
    fc.assert(
      fc.property(chinaPoint, (p) => rangesOfCells(cover(p)).length <= 40),
      { numRuns: 100 },
    );
  });
});

describe('rings read outward (the ring search of 附近的工作)', () => {
  const radius = fc.double({ min: 60, max: 3000, noNaN: true });

  it('covers every point of any circle at the precision chosen for it, leaving out only what was read', () => {
    fc.assert(
      fc.property(chinaPoint, radius, fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 2 * Math.PI, noNaN: true }), (center, r, f, bearing) => {
        const point = offset(center, f * r * 0.999, bearing);
        const inner = coverCircle(center, r / 4, 8);
        const outer = coverCircle(center, r, precisionForRing(center, r / 2 - 200, r), inner);
        const { hash } = geoKeys(point);
        const hits = [...inner, ...outer].filter((c) => hash.startsWith(c)).length;
        // Inside the circle: read exactly once, in the first ring or the second.
        return haversineM(center, point) > r || hits === 1;
      }),
      { numRuns: 300 },
    );
  });

  it('merges cells into runs that stay inside one partition', () => {
    fc.assert(
      fc.property(chinaPoint, radius, (center, r) =>
        rangesOfCells(coverCircle(center, r, precisionForRing(center, 0, r))).every((x) => x.from.startsWith(x.cell) && x.to.startsWith(x.cell) && x.from <= x.to),
      ),
      { numRuns: 200 },
    );
  });

  it('grows the circle from the density seen, and never past the limit', () => {
    // 3 of 21 wanted in 0.02 km²: about 0.22 km² more is needed, a circle of some 270 m.
    const next = nextSearchRadiusM({ radiusM: 60, limitM: 3000, found: 3, need: 21, areaReadKm2: 0.02, startM: 0 });
    expect(next).toBeGreaterThan(200);
    expect(next).toBeLessThan(400);
    expect(nextSearchRadiusM({ radiusM: 60, limitM: 3000, found: 0, need: 21, areaReadKm2: 0.02, startM: 0 })).toBe(240);
    expect(nextSearchRadiusM({ radiusM: 2000, limitM: 3000, found: 0, need: 21, areaReadKm2: 10, startM: 0 })).toBe(3000);
  });
});
