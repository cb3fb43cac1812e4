// Reading 访问记录: the person's own (which office looked, never the officer's name) and an area
// administrator's (who, whom, what, when), newest first, a page at a time.
import { GetItemCommand } from 'dynamodb-toolbox/entity/actions/get';
import { QueryCommand } from 'dynamodb-toolbox/table/actions/query';
import { ACCESS_KINDS, chinaInstant, type AccessEntry, type AccessKind, type StaffLevelName } from '@doorstep/shared';
import { StaffMemberEntity } from '../administration/entities';
import { areaFullName } from '../areas/dataset';
import { decodeKeyCursor, decodeTableCursor, encodeKeyCursor } from '../db/cursor';
import { table } from '../db/table';
import { ForbiddenError } from '../http/errors';
import type { Principal } from '../http/session';
import { PersonAccessEntity } from './entities';

const what = (kind: string) => ACCESS_KINDS[kind as AccessKind] ?? kind;

export async function myDataAccess(userId: string, cursor?: string) {
  const partition = `USER#${userId}`;
  const page = await table
    .build(QueryCommand)
    .entities(PersonAccessEntity)
    .query({ partition, range: { beginsWith: 'ACCESS#' } })
    .options({ reverse: true, limit: 20, exclusiveStartKey: decodeTableCursor(cursor, partition, 'ACCESS#') })
    .send();
  return {
    items: (page.Items ?? []).map((a) => ({ id: a.accessId, at: a.at, what: what(a.kind), office: areaFullName(a.officerArea), level: a.officerLevel as StaffLevelName })),
    ...(page.LastEvaluatedKey ? { nextCursor: encodeKeyCursor(page.LastEvaluatedKey) } : {}),
  };
}

export async function accessLog(principal: Principal, q: { areaCode?: string; officerId?: string; personId?: string; from?: string; to?: string; cursor?: string }) {
  const scope = principal.areaCode;
  if (!scope || !principal.level) throw new ForbiddenError('您的账号没有辖区，请联系上级管理员');
  const area = q.areaCode ?? scope;
  if (!area.startsWith(scope)) throw new ForbiddenError('只能查看本辖区的访问记录');
  const partition = `ACCESS_AREA#${scope.slice(0, 4)}`;
  // Days are China's: 00:00 of `from` to the end of `to`.
  const from = q.from ? chinaInstant(q.from, '00:00') : '0';
  const to = q.to ? `${chinaInstant(q.to, '23:59')}~` : '~';
  const page = await table
    .build(QueryCommand)
    .entities(PersonAccessEntity)
    .query({ index: 'gsi1', partition, range: { between: [from, to] } })
    .options({
      reverse: true,
      limit: 50,
      exclusiveStartKey: decodeKeyCursor(q.cursor, 'gsi1', partition),
      filters: {
        PersonAccess: {
          and: [
            { attr: 'officerArea', beginsWith: area },
            ...(q.officerId ? [{ attr: 'officerId', eq: q.officerId } as const] : []),
            ...(q.personId ? [{ attr: 'personId', eq: q.personId } as const] : []),
          ],
        },
      },
    })
    .send();
  const items = page.Items ?? [];
  // The officers' names, one read each: a page names a handful.
  const names = new Map<string, string>();
  await Promise.all(
    [...new Set(items.map((a) => a.officerId))].map(async (id) => {
      const { Item } = await StaffMemberEntity.build(GetItemCommand).key({ userId: id }).send();
      names.set(id, Item?.name ?? '（已不在岗）');
    }),
  );
  const entries: AccessEntry[] = items.map((a) => ({
    id: a.accessId,
    at: a.at,
    kind: a.kind as AccessKind,
    what: what(a.kind),
    route: a.route,
    officer: { userId: a.officerId, name: names.get(a.officerId)!, level: a.officerLevel as StaffLevelName, areaName: areaFullName(a.officerArea) },
    person: { id: a.personId, name: a.personName },
  }));
  return { items: entries, ...(page.LastEvaluatedKey ? { nextCursor: encodeKeyCursor(page.LastEvaluatedKey) } : {}) };
}
