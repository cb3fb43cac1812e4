// The consent check of every personal write: one consistent GetItem of the person's privacy state
// (their consents, and whether they have asked to close the account or it has been erased).
import { GetItemCommand } from 'dynamodb-toolbox/entity/actions/get';
import { CONSENT_PURPOSES, missingConsents, type ConsentPurpose, type HeldConsent } from '@doorstep/shared';
import { ConsentsEntity } from '../privacy/entities';
import { ConsentRequiredError, ForbiddenError, UnauthenticatedError } from './errors';

export type HeldConsents = Partial<Record<ConsentPurpose, HeldConsent>>;

export interface PrivacyState {
  held: HeldConsents;
  closing?: { requestedAt: string; eraseAfter: string };
  erasedAt?: string;
}

export async function privacyState(userId: string): Promise<PrivacyState> {
  const { Item } = await ConsentsEntity.build(GetItemCommand).key({ userId }).options({ consistent: true }).send();
  return {
    held: Object.fromEntries(CONSENT_PURPOSES.flatMap((p) => (Item?.[p] ? [[p, Item[p]]] : []))),
    ...(Item?.closing ? { closing: Item.closing } : {}),
    ...(Item?.erasedAt ? { erasedAt: Item.erasedAt } : {}),
  };
}

export async function heldConsents(userId: string): Promise<HeldConsents> {
  return (await privacyState(userId)).held;
}

/**
 * Throws 403 `consent_required` naming what is missing, 403 while the account is closing (its
 * cooling-off), 401 once it has been erased; nothing has been stored yet.
 */
export async function requireConsents(userId: string, needed: readonly ConsentPurpose[]): Promise<void> {
  const state = await privacyState(userId);
  if (state.erasedAt) throw new UnauthenticatedError('这个账号已注销，请重新登录');
  if (state.closing) throw new ForbiddenError('您已申请注销账号：冷静期内不能办理新的事项，撤销注销后即可继续（我的 → 我的数据）');
  const missing = missingConsents(state.held, needed);
  if (missing.length) throw new ConsentRequiredError(missing);
}
