// Staff jurisdiction (design.md): a staff member's scope is the prefix of their area code for
// their level; every staff read filters by it and every write checks it.
import { areaCodeLength, isWithinArea } from './areas';

export const STAFF_LEVELS = ['community', 'street', 'district', 'city'] as const;
export type StaffLevelName = (typeof STAFF_LEVELS)[number];

/** A staff member's area code has the length of their level's division code. */
export function scopeLength(level: StaffLevelName): number {
  return areaCodeLength(level);
}

/** The area-code prefix a staff member may see, or undefined if their level and code do not fit. */
export function staffScope(level: StaffLevelName | undefined, areaCode: string | undefined): string | undefined {
  if (!level || !areaCode || areaCode.length !== scopeLength(level)) return undefined;
  return areaCode;
}

export function inJurisdiction(recordAreaCode: string, level: StaffLevelName | undefined, areaCode: string | undefined): boolean {
  const scope = staffScope(level, areaCode);
  return scope !== undefined && isWithinArea(recordAreaCode, scope);
}

/** Review steps, in order; each is decided by staff of the level with the same name. */
export const REVIEW_STEPS = ['street', 'district'] as const;
export type ReviewStep = (typeof REVIEW_STEPS)[number];
export const reviewStepLabels: Record<ReviewStep, string> = { street: '街道初审', district: '区级确认' };
