// 代办记录: what family members did for the person (their own partition), and what the person did
// for family members (their GSI2 list), newest first, a page at a time.
import { QueryCommand } from 'dynamodb-toolbox/table/actions/query';
import type { FormattedItem } from 'dynamodb-toolbox/entity';
import type { ProxyAction, ProxyRelation } from '@doorstep/shared';
import { decodeKeyCursor, decodeTableCursor, encodeKeyCursor } from '../db/cursor';
import { ProxyActionEntity, ProxyBindingEntity } from './entities';
import { table } from '../db/table';
import { toBindingView } from './bindings';

export async function listActions(userId: string, side: 'for_me' | 'by_me', cursor: string | undefined, limit: number) {
  const page =
    side === 'for_me'
      ? await table
          .build(QueryCommand)
          .entities(ProxyActionEntity)
          .query({ partition: `USER#${userId}`, range: { beginsWith: 'PROXYACT#' } })
          .options({ reverse: true, limit, exclusiveStartKey: decodeTableCursor(cursor, `USER#${userId}`, 'PROXYACT#') })
          .send()
      : await table
          .build(QueryCommand)
          .entities(ProxyActionEntity)
          .query({ index: 'gsi2', partition: `PROXYACTS_BY#${userId}` })
          .options({ reverse: true, limit, exclusiveStartKey: decodeKeyCursor(cursor, 'gsi2', `PROXYACTS_BY#${userId}`) })
          .send();
  const actions = page.Items ?? [];
  // The bindings they were done under, for who and how they are called: a handful per page.
  const keys = [...new Map(actions.map((a) => [a.bindingId, { personId: a.personId, bindingId: a.bindingId }])).values()];
  const bindings = new Map<string, FormattedItem<typeof ProxyBindingEntity>>();
  await Promise.all(
    keys.map(async (k) => {
      const { Items = [] } = await table.build(QueryCommand).entities(ProxyBindingEntity).query({ partition: `USER#${k.personId}`, range: { eq: `PROXY#${k.bindingId}` } }).send();
      if (Items[0]) bindings.set(k.bindingId, Items[0]);
    }),
  );
  const items: ProxyAction[] = actions.map((a) => {
    const b = bindings.get(a.bindingId);
    const view = b ? toBindingView(b) : undefined;
    return {
      id: a.actionId,
      at: a.at,
      what: a.what,
      outcome: a.outcome,
      side,
      relation: (view?.relation ?? 'other') as ProxyRelation,
      callName: view?.callName ?? '家人',
      proxyPhone: view?.proxyPhone ?? '',
    };
  });
  return { items, ...(page.LastEvaluatedKey ? { nextCursor: encodeKeyCursor(page.LastEvaluatedKey) } : {}) };
}
