// A user's account as the rest of the code reads it: kept apart from sign-in (users.ts) because the
// HTTP wrapper reads it on every request, and every function's bundle carries the wrapper.
import { GetItemCommand } from 'dynamodb-toolbox/entity/actions/get';
import type { User } from '@doorstep/shared';
import { UserEntity } from '../db/entities';

type UserItem = { userId: string; roles: string[]; level?: string; areaCode?: string; careMode?: boolean; createdAt: string };

export function toUser(item: UserItem): User {
  return {
    id: item.userId,
    roles: Array.from(new Set(item.roles)) as User['roles'],
    ...(item.level ? { level: item.level as User['level'] } : {}),
    ...(item.areaCode ? { areaCode: item.areaCode } : {}),
    ...(item.careMode !== undefined ? { careMode: item.careMode } : {}),
    createdAt: item.createdAt,
  };
}

/** The openid subscription messages to a user go to, if known. */
export async function openidOf(userId: string): Promise<string | undefined> {
  const { Item } = await UserEntity.build(GetItemCommand).key({ userId }).send();
  return Item?.openid;
}

export async function getUser(userId: string, { consistent = false } = {}): Promise<User | undefined> {
  const { Item } = await UserEntity.build(GetItemCommand).key({ userId }).options({ consistent }).send();
  return Item ? toUser(Item) : undefined;
}
