// Users and the external identities (WeChat openids) linked to them.
import { GetItemCommand } from 'dynamodb-toolbox/entity/actions/get';
import { PutItemCommand } from 'dynamodb-toolbox/entity/actions/put';
import { PutTransaction } from 'dynamodb-toolbox/entity/actions/transactPut';
import { UpdateTransaction } from 'dynamodb-toolbox/entity/actions/transactUpdate';
import { $append, UpdateItemCommand } from 'dynamodb-toolbox/entity/actions/update';
import { execute } from 'dynamodb-toolbox/entity/actions/transactWrite';
import { ulid } from 'ulid';
import type { DevLoginBody, User } from '@doorstep/shared';
import { IdentityLinkEntity, UserEntity } from '../db/entities';
import { getUser, toUser } from './account';
import { cancelledTransaction, isConditionFailure } from '../db/errors';
import { UnauthenticatedError } from '../http/errors';

export type IdentityProvider = 'wechat' | 'dev';

export { getUser, openidOf } from './account';

/**
 * The user behind an external identity, created on first sign-in as a job seeker (every
 * citizen is one). Two first sign-ins racing both end on the same user: the link is written
 * under a condition, and the loser reads the winner's.
 */
export async function findOrCreateUser(provider: IdentityProvider, subject: string): Promise<User> {
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const { Item: link } = await IdentityLinkEntity.build(GetItemCommand)
      .key({ provider, subject })
      .options({ consistent: true })
      .send();
    if (link) {
      const user = await getUser(link.userId);
      if (user) return user;
    }
    const now = new Date().toISOString();
    const userId = ulid();
    try {
      await execute(
        UserEntity.build(PutTransaction)
          .item({ userId, roles: ['jobseeker'], openid: subject, createdAt: now, updatedAt: now })
          .options({ condition: { attr: 'userId', exists: false } }),
        IdentityLinkEntity.build(PutTransaction)
          .item({ provider, subject, userId, createdAt: now })
          .options({ condition: { attr: 'userId', exists: false } }),
      );
      return toUser({ userId, roles: ['jobseeker'], createdAt: now });
    } catch (err) {
      // Another first sign-in of the same identity won: read its user on the next pass.
      if (!cancelledTransaction(err)) throw err;
    }
  }
  throw new Error('Could not link identity after retries');
}

/** Local and test stages only: sign in as anyone, with the roles and jurisdiction asked for. */
export async function devSignIn(body: DevLoginBody): Promise<User> {
  const user = await findOrCreateUser('dev', body.openid);
  if (!body.roles) return user;
  const now = new Date().toISOString();
  const roles = Array.from(new Set<string>(['jobseeker', ...body.roles]));
  const item = {
    userId: user.id,
    roles,
    openid: body.openid,
    ...(body.level ? { level: body.level } : {}),
    ...(body.areaCode ? { areaCode: body.areaCode } : {}),
    ...(user.careMode !== undefined ? { careMode: user.careMode } : {}),
    createdAt: user.createdAt,
    updatedAt: now,
  };
  await UserEntity.build(PutItemCommand).item(item).send();
  return toUser(item);
}

/** Remembers 关怀模式 on the account; 401 if the account is gone (erased). */
export async function setCareMode(userId: string, careMode: boolean): Promise<User> {
  try {
    const { Attributes } = await UserEntity.build(UpdateItemCommand)
      .item({ userId, careMode, updatedAt: new Date().toISOString() })
      .options({ condition: { attr: 'userId', exists: true }, returnValues: 'ALL_NEW' })
      .send();
    return toUser(Attributes!);
  } catch (err) {
    if (isConditionFailure(err)) throw new UnauthenticatedError('账号不存在，请重新登录');
    throw err;
  }
}

/**
 * The write that gives a user a unit's role (never a staff role: those come only from 人员与权限,
 * administration/staff.ts, which the type here keeps so), for a caller's transaction; nothing if they have it.
 * The role counts from the user's next request (the wrapper reads the account's roles).
 */
export async function grantRole(userId: string, role: 'employer' | 'provider', at: string) {
  const user = await getUser(userId);
  if (!user || user.roles.includes(role)) return [];
  return [UserEntity.build(UpdateTransaction).item({ userId, roles: $append([role]), updatedAt: at })];
}
