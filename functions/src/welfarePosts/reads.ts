// Reading 公益性岗位 without the service's writes (so the subsidies and the figures functions carry
// only this): a post's placements, and every post a unit applied for.
import { QueryCommand } from 'dynamodb-toolbox/table/actions/query';
import type { FormattedItem } from 'dynamodb-toolbox/entity';
import { queryAll } from '../db/queryAll';
import { table } from '../db/table';
import { WelfarePlacementEntity, WelfarePostEntity } from './entities';

export type StoredPost = FormattedItem<typeof WelfarePostEntity>;
export type StoredPlacement = FormattedItem<typeof WelfarePlacementEntity>;

/** Who holds the post's seats: one Query of its partition. */
export async function placementsOf(postId: string): Promise<StoredPlacement[]> {
  const { Items = [] } = await table.build(QueryCommand).entities(WelfarePlacementEntity).query({ partition: `PWPOST#${postId}`, range: { beginsWith: 'PLACE#' } }).options({ consistent: true }).send();
  return Items;
}

/** Every post a unit applied for, newest first (GSI2 `EMPLOYER_PWPOSTS#<employerId>`, every page). */
export function unitPostsOf(employerId: string): Promise<StoredPost[]> {
  return queryAll((start) =>
    table
      .build(QueryCommand)
      .entities(WelfarePostEntity)
      .query({ index: 'gsi2', partition: `EMPLOYER_PWPOSTS#${employerId}` })
      .options({ reverse: true, ...(start ? { exclusiveStartKey: start } : {}) })
      .send(),
  );
}
