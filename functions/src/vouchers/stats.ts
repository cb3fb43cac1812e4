// Voucher figures for the assessment (FJ-A3: number and amount of vouchers redeemed by employers
// and by individuals): counts and amounts per programme, community and holder type, kept by the
// stream consumer as vouchers arrive in each status — counted once however often the stream
// delivers — and read by area prefix.
import { PutTransaction } from 'dynamodb-toolbox/entity/actions/transactPut';
import { UpdateTransaction } from 'dynamodb-toolbox/entity/actions/transactUpdate';
import { $add } from 'dynamodb-toolbox/entity/actions/update';
import { execute } from 'dynamodb-toolbox/entity/actions/transactWrite';
import { QueryCommand } from 'dynamodb-toolbox/table/actions/query';
import { childAreaLength, isWithinArea, type VoucherFigures } from '@doorstep/shared';
import { areaFullName, isKnownArea } from '../areas/dataset';
import { StatsAppliedEntity, VoucherStatsEntity } from './entities';
import { cancelledTransaction } from '../db/errors';
import { table } from '../db/table';
import { NotFoundError } from '../http/errors';
import type { Principal } from '../http/session';
import { allProgrammes } from './store';
import { scopeOf } from './access';

export const COUNTED_STATUSES = ['issued', 'claimed', 'redeemed', 'reversed', 'settled', 'expired', 'revoked'] as const;
type Counted = (typeof COUNTED_STATUSES)[number];
const DEDUPE_KEEP_S = 7 * 24 * 3600; // longer than the stream keeps a record (24 h)

export interface VoucherArrival {
  voucherId: string;
  programmeId: string;
  holderAreaCode: string;
  holderType: string;
  faceValueFen: number;
  status: string;
}

/** Counts a voucher's arrival in a status, once. Returns false when it had been counted already. */
export async function countArrival(v: VoucherArrival): Promise<boolean> {
  if (!(COUNTED_STATUSES as readonly string[]).includes(v.status)) return false;
  const s = v.status as Counted;
  try {
    await execute(
      StatsAppliedEntity.build(PutTransaction)
        .item({ voucherId: v.voucherId, status: s, ttl: Math.floor(Date.now() / 1000) + DEDUPE_KEEP_S })
        .options({ condition: { attr: 'status', exists: false } }),
      VoucherStatsEntity.build(UpdateTransaction).item({
        programmeId: v.programmeId,
        areaCode: v.holderAreaCode,
        holderType: v.holderType,
        [`${s}Count`]: $add(1),
        [`${s}Fen`]: $add(v.faceValueFen),
      }),
    );
    return true;
  } catch (err) {
    if (cancelledTransaction(err)?.conditionFailed[0]) return false;
    throw err;
  }
}

const zero = (): VoucherFigures => ({
  issued: { count: 0, amountFen: 0 },
  claimed: { count: 0, amountFen: 0 },
  redeemed: { count: 0, amountFen: 0 },
  reversed: { count: 0, amountFen: 0 },
  settled: { count: 0, amountFen: 0 },
  expired: { count: 0, amountFen: 0 },
  revoked: { count: 0, amountFen: 0 },
});

/** Figures of an area (the caller's jurisdiction by default), one row per programme, next-level area and holder type. */
export async function voucherStats(principal: Principal, areaCode?: string) {
  const scope = scopeOf(principal);
  const area = areaCode ?? scope;
  if (!isKnownArea(area) || !isWithinArea(area, scope)) throw new NotFoundError('您的辖区里没有这个区域');
  // Rows by the areas one level down; a community's rows are its own.
  const childLength = childAreaLength(area) ?? area.length;
  const programmes = (await allProgrammes()).filter((p) => isWithinArea(p.areaCode, area) || isWithinArea(area, p.areaCode));
  const rows = new Map<string, VoucherFigures & { programmeId: string; programmeName: string; areaCode: string; areaName: string; holderType: 'person' | 'employer' }>();
  const totals = zero();
  for (const p of programmes) {
    let start: Record<string, unknown> | undefined;
    do {
      const page = await table
        .build(QueryCommand)
        .entities(VoucherStatsEntity)
        .query({ partition: `VSTATS#${p.programmeId}`, range: { beginsWith: area } })
        .options(start ? { exclusiveStartKey: start } : {})
        .send();
      for (const s of page.Items ?? []) {
        const child = s.areaCode.slice(0, childLength);
        const key = `${p.programmeId}#${child}#${s.holderType}`;
        const row = rows.get(key) ?? { ...zero(), programmeId: p.programmeId, programmeName: p.name, areaCode: child, areaName: areaFullName(child), holderType: s.holderType as 'person' | 'employer' };
        for (const status of COUNTED_STATUSES) {
          const count = (s as Record<string, unknown>)[`${status}Count`] as number | undefined;
          const fen = (s as Record<string, unknown>)[`${status}Fen`] as number | undefined;
          row[status].count += count ?? 0;
          row[status].amountFen += fen ?? 0;
          totals[status].count += count ?? 0;
          totals[status].amountFen += fen ?? 0;
        }
        rows.set(key, row);
      }
      start = page.LastEvaluatedKey;
    } while (start);
  }
  return { areaCode: area, areaName: areaFullName(area), rows: [...rows.values()], totals };
}
