// POST /auth/wechat, POST /auth/cloudbase, POST /auth/dev-login, GET /me, PUT /me/preferences
import { PutItemCommand } from 'dynamodb-toolbox/entity/actions/put';
import { cloudbaseLogin, devLogin, getMe, putMyPreferences, wechatLogin, type User } from '@doorstep/shared';
import { DEV_STAGES, getConfig } from '../config';
import { getDependencies } from '../deps';
import { UsedTicketEntity } from '../db/entities';
import { isConditionFailure } from '../db/errors';
import { NotFoundError, UnauthenticatedError } from '../http/errors';
import { httpHandler } from '../http/handler';
import { signSession } from '../http/session';
import { devSignIn, findOrCreateUser, getUser, setCareMode } from './users';
import { verifyIdentityTicket } from './cloudbaseTicket';

async function sessionFor(user: User) {
  const c = getConfig();
  return { ...(await signSession(user, c.JWT_SECRET, c.SESSION_TTL_SECONDS)), user };
}

export const wechat = httpHandler(wechatLogin, async ({ body }) => {
  const { openid } = await getDependencies().wechat.codeToSession(body.code);
  return sessionFor(await findOrCreateUser('wechat', openid));
});

export const cloudbase = httpHandler(cloudbaseLogin, async ({ body }) => {
  const ticket = await verifyIdentityTicket(body.ticket, getConfig().CLOUDBASE_TICKET_SECRET).catch(() => {
    throw new UnauthenticatedError('云开发身份票据无效或已过期，请重新登录');
  });
  try {
    // Single use: the jti is recorded under a condition; DynamoDB's TTL clears it later.
    await UsedTicketEntity.build(PutItemCommand)
      .item({ jti: ticket.jti, ttl: ticket.exp + 3600 })
      .options({ condition: { attr: 'jti', exists: false } })
      .send();
  } catch (err) {
    if (isConditionFailure(err)) throw new UnauthenticatedError('该身份票据已使用，请重新登录');
    throw err;
  }
  return sessionFor(await findOrCreateUser('wechat', ticket.openid));
});

export const dev = httpHandler(devLogin, async ({ body }) => {
  // Defence in depth: serverless.yml deploys this route only in local and test stages.
  if (!DEV_STAGES.includes(getConfig().STAGE)) throw new NotFoundError();
  return sessionFor(await devSignIn(body));
});

export const me = httpHandler(getMe, async ({ principal }) => {
  const user = await getUser(principal.userId);
  if (!user) throw new UnauthenticatedError('账号不存在，请重新登录');
  return { user };
});

export const preferences = httpHandler(putMyPreferences, async ({ principal, body }) => ({ user: await setCareMode(principal.userId, body.careMode) }));
