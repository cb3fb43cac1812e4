// The consent check of every personal write: one consistent GetItem of the person's consents.
import { GetItemCommand } from 'dynamodb-toolbox/entity/actions/get';
import { CONSENT_PURPOSES, missingConsents, type ConsentPurpose, type HeldConsent } from '@doorstep/shared';
import { ConsentsEntity } from '../db/entities';
import { ConsentRequiredError } from './errors';

export type HeldConsents = Partial<Record<ConsentPurpose, HeldConsent>>;

export async function heldConsents(userId: string): Promise<HeldConsents> {
  const { Item } = await ConsentsEntity.build(GetItemCommand).key({ userId }).options({ consistent: true }).send();
  return Object.fromEntries(CONSENT_PURPOSES.flatMap((p) => (Item?.[p] ? [[p, Item[p]]] : [])));
}

/** Throws 403 `consent_required` naming what is missing; nothing has been stored yet. */
export async function requireConsents(userId: string, needed: readonly ConsentPurpose[]): Promise<void> {
  const missing = missingConsents(await heldConsents(userId), needed);
  if (missing.length) throw new ConsentRequiredError(missing);
}
