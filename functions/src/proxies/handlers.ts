// POST /me/proxies, DELETE /me/proxy-invitations/{phone}, POST /me/proxy-invitations/accept,
// GET /me/proxies, DELETE /me/proxies/{id}, POST /me/acting-for, GET /me/proxy-actions
import {
  acceptProxyInvitation,
  cancelProxyInvitation,
  inviteProxy as inviteProxyContract,
  listMyProxies,
  listProxyActions,
  revokeProxy as revokeProxyContract,
  startActingFor,
} from '@doorstep/shared';
import { httpHandler } from '../http/handler';
import { listActions } from './actions';
import { acceptInvitation, cancelInvitation, inviteProxy, listProxies, revokeProxy, startActing } from './bindings';

export const invite = httpHandler(inviteProxyContract, async ({ principal, body }) => inviteProxy(principal.userId, body));

export const cancelInvite = httpHandler(cancelProxyInvitation, async ({ principal, params }) => {
  await cancelInvitation(principal.userId, params.phone);
  return { cancelled: true };
});

export const accept = httpHandler(acceptProxyInvitation, async ({ principal, body }) => ({ binding: await acceptInvitation(principal.userId, body) }));

export const list = httpHandler(listMyProxies, async ({ principal }) => listProxies(principal.userId));

export const revoke = httpHandler(revokeProxyContract, async ({ principal, params }) => ({ binding: await revokeProxy(principal.userId, params.id) }));

export const actFor = httpHandler(startActingFor, async ({ principal, body }) => startActing(principal.userId, body.bindingId));

export const actions = httpHandler(listProxyActions, async ({ principal, query }) => listActions(principal.userId, query.side, query.cursor, query.limit));
