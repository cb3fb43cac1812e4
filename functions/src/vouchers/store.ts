// Reading programmes and the stored shapes of programmes and vouchers, for every voucher module
// (kept apart from issuing, so that settlement and the wallet do not bundle what issuing needs).
import { GetItemCommand } from 'dynamodb-toolbox/entity/actions/get';
import { QueryCommand } from 'dynamodb-toolbox/table/actions/query';
import type { FormattedItem } from 'dynamodb-toolbox/entity';
import { areaAncestry, todayInChina } from '@doorstep/shared';
import { PROGRAMMES_PARTITION, VoucherEntity, VoucherProgrammeEntity, programmeAreaPartition } from './entities';
import { table } from '../db/table';

export type StoredProgramme = FormattedItem<typeof VoucherProgrammeEntity>;
export type StoredVoucher = FormattedItem<typeof VoucherEntity>;

export async function loadProgramme(programmeId: string): Promise<StoredProgramme | undefined> {
  const { Item } = await VoucherProgrammeEntity.build(GetItemCommand).key({ programmeId }).options({ consistent: true }).send();
  return Item;
}

/** Every programme, newest first. There are few: one partition, read whole. */
export async function allProgrammes(): Promise<StoredProgramme[]> {
  const out: StoredProgramme[] = [];
  let exclusiveStartKey: Record<string, string> | undefined;
  do {
    const page = await table
      .build(QueryCommand)
      .entities(VoucherProgrammeEntity)
      .query({ index: 'gsi1', partition: PROGRAMMES_PARTITION })
      .options({ reverse: true, ...(exclusiveStartKey ? { exclusiveStartKey } : {}) })
      .send();
    out.push(...(page.Items ?? []));
    exclusiveStartKey = page.LastEvaluatedKey as Record<string, string> | undefined;
  } while (exclusiveStartKey);
  return out;
}

/** Approved programmes still open for claims whose area covers a place (its city, district or street). */
export async function programmesCovering(areaCode: string, today = todayInChina()): Promise<StoredProgramme[]> {
  const prefixes = areaAncestry(areaCode).filter((c) => c.length >= 4 && c.length <= 9);
  const pages = await Promise.all(
    prefixes.map((prefix) =>
      table
        .build(QueryCommand)
        .entities(VoucherProgrammeEntity)
        .query({ index: 'gsi2', partition: programmeAreaPartition(prefix), range: { gte: today } })
        .send(),
    ),
  );
  return pages.flatMap((pg) => pg.Items ?? []);
}
