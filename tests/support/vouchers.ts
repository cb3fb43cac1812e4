// Voucher fixtures: a programme body, principals for each role, and stream records as the table's
// stream would deliver them.
import type { DynamoDBStreamEvent } from 'aws-lambda';
import type { ProgrammeBody } from '@doorstep/shared';

export const DISTRICT = '350102'; // 鼓楼区
export const staffOf = (userId: string, level: 'district' | 'street' | 'community' = 'district', areaCode = DISTRICT) => ({ userId, roles: ['jobseeker', 'staff'] as const, level, areaCode }) as never;
export const financeOf = (userId: string, areaCode = DISTRICT) => ({ userId, roles: ['jobseeker', 'finance'] as const, level: 'district', areaCode }) as never;
export const citizen = (userId: string) => ({ userId, roles: ['jobseeker'] as const }) as never;

export function programmeBody(overrides: Partial<ProgrammeBody> = {}): ProgrammeBody {
  const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
  return {
    name: '青年职业指导服务券',
    kind: 'service',
    serviceName: '职业指导',
    faceValueFen: 20_000,
    holderType: 'person',
    targetGroups: ['youth_16_24', 'registered_unemployed'],
    providerTypes: ['hr_agency', 'training_institution'],
    areaCode: DISTRICT,
    budgetFen: 100 * 20_000,
    quota: 100,
    claimFrom: today,
    claimUntil: `${Number(today.slice(0, 4)) + 1}${today.slice(4)}`,
    validityDays: 90,
    perPersonLimit: 1,
    ...overrides,
  };
}

/** A voucher's change as a NEW_AND_OLD_IMAGES stream record (the attributes the consumer reads). */
export function voucherRecord(v: { voucherId: string; programmeId: string; status: string; holderAreaCode: string; holderType: string; faceValueFen: number; redeemedAt?: string }, oldStatus?: string) {
  const image = (status: string) => ({
    status: { S: status },
    ...(v.redeemedAt ? { redeemedAt: { S: v.redeemedAt } } : {}),
    programmeId: { S: v.programmeId },
    holderAreaCode: { S: v.holderAreaCode },
    holderType: { S: v.holderType },
    faceValueFen: { N: String(v.faceValueFen) },
  });
  return {
    eventName: oldStatus ? 'MODIFY' : 'INSERT',
    dynamodb: { Keys: { pk: { S: `VOUCHER#${v.voucherId}` }, sk: { S: 'VOUCHER' } }, NewImage: image(v.status), ...(oldStatus ? { OldImage: image(oldStatus) } : {}) },
  };
}

export const streamEvent = (records: unknown[]) => ({ Records: records }) as unknown as DynamoDBStreamEvent;
