// A family member's proxy session (亲情代办) on its way through the HTTP wrapper: the route must be
// one a proxy may use, the binding must still stand (one consistent read, so ending it takes effect
// on the very next request), and a write is recorded as done by the proxy for the person — a line
// written before it runs and its outcome after, and every audit event it writes names the proxy.
import { AsyncLocalStorage } from 'node:async_hooks';
import { GetItemCommand } from 'dynamodb-toolbox/entity/actions/get';
import { PutItemCommand } from 'dynamodb-toolbox/entity/actions/put';
import { ulid } from 'ulid';
import type { Contract } from '@doorstep/shared';
import { ProxyActionEntity, ProxyBindingEntity, proxyActionIndexKeys } from './entities';
import { AppError, ProxyNotAllowedError, ProxyRevokedError } from '../http/errors';
import type { Principal, ProxyOf } from '../http/session';
import { logger } from '../logger';

const acting = new AsyncLocalStorage<ProxyOf>();

/** The family member acting in the current request, if it is a proxy request. */
export const actingProxy = (): ProxyOf | undefined => acting.getStore();

/** The binding if it still lets this family member act for the person. */
export async function standingBinding(personId: string, proxy: ProxyOf) {
  const { Item } = await ProxyBindingEntity.build(GetItemCommand).key({ personId, bindingId: proxy.bindingId }).options({ consistent: true }).send();
  return Item?.status === 'active' && Item.proxyUserId === proxy.proxyUserId ? Item : undefined;
}

/** 403 unless the route is one a proxy may use and the binding stands. */
export async function checkProxy(contract: Contract, principal: Principal & { proxy: ProxyOf }): Promise<void> {
  if (!contract.proxy) throw new ProxyNotAllowedError();
  if (!(await standingBinding(principal.userId, principal.proxy))) throw new ProxyRevokedError();
}

/** Runs the route as the proxy: reads as they are; a write with its line in the person's 代办记录. */
export async function runAsProxy<T>(contract: Contract, principal: Principal & { proxy: ProxyOf }, run: () => Promise<T>): Promise<T> {
  const proxy = principal.proxy;
  if (contract.method === 'GET') return acting.run(proxy, run);
  const personId = principal.userId;
  const actionId = ulid();
  const line = {
    personId,
    actionId,
    proxyUserId: proxy.proxyUserId,
    bindingId: proxy.bindingId,
    what: contract.proxy ?? contract.summary,
    route: `${contract.method} ${contract.path}`,
    at: new Date().toISOString(),
    ...proxyActionIndexKeys(proxy.proxyUserId, actionId),
  };
  await ProxyActionEntity.build(PutItemCommand).item({ ...line, outcome: 'started' }).send();
  // Put again whole (every function that serves a proxy route may PutItem; not all may UpdateItem).
  const settle = (outcome: 'done' | 'refused', status: number) =>
    ProxyActionEntity.build(PutItemCommand)
      .item({ ...line, outcome, status })
      .send()
      // The line stays "started" (结果未知): an honest record, never a lost one.
      .catch((err: Error) => logger.warn('proxy action outcome not recorded', { actionId, reason: err.name }));
  try {
    const result = await acting.run(proxy, run);
    await settle('done', contract.successStatus ?? 200);
    return result;
  } catch (err) {
    if (err instanceof AppError && err.statusCode < 500) await settle('refused', err.statusCode);
    throw err;
  }
}
