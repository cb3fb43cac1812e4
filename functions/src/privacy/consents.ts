// Consents to the privacy guide and separate consents for sensitive items: the person's current
// consents (one item, read before every personal write) and a log of every change, written in
// one transaction.
import { PutTransaction } from 'dynamodb-toolbox/entity/actions/transactPut';
import { UpdateTransaction } from 'dynamodb-toolbox/entity/actions/transactUpdate';
import { $remove, $set } from 'dynamodb-toolbox/entity/actions/update';
import { execute } from 'dynamodb-toolbox/entity/actions/transactWrite';
import { ulid } from 'ulid';
import { CONSENT_PURPOSES, PRIVACY_POLICY_VERSION, type Consent, type ConsentPurpose, type GiveConsentsBody } from '@doorstep/shared';
import { ConsentEventEntity, ConsentsEntity } from './entities';
import { heldConsents, privacyState, type HeldConsents } from '../http/consents';
import { ConflictError, ConsentRequiredError, NotFoundError, UnauthenticatedError } from '../http/errors';

export function consentViews(held: HeldConsents): Consent[] {
  return CONSENT_PURPOSES.flatMap((purpose) => {
    const c = held[purpose];
    return c ? [{ purpose, ...c, current: c.version === PRIVACY_POLICY_VERSION }] : [];
  });
}

export async function listConsents(userId: string): Promise<Consent[]> {
  return consentViews(await heldConsents(userId));
}

export async function giveConsents(userId: string, body: GiveConsentsBody, now = new Date()): Promise<Consent[]> {
  if (body.version !== PRIVACY_POLICY_VERSION) throw new ConflictError('《个人信息保护指引》已更新，请阅读新版本后再同意');
  const purposes = [...new Set(body.purposes)];
  const { held, erasedAt } = await privacyState(userId);
  if (erasedAt) throw new UnauthenticatedError('这个账号已注销，请重新登录');
  // A separate consent stands on the guide: agree to the guide first (or in the same request).
  if (!purposes.includes('privacy') && held.privacy?.version !== PRIVACY_POLICY_VERSION) throw new ConsentRequiredError(['privacy']);
  const at = now.toISOString();
  const given = { version: body.version, at, channel: body.channel };
  await execute(
    ConsentsEntity.build(UpdateTransaction).item({ userId, updatedAt: at, ...Object.fromEntries(purposes.map((p) => [p, $set(given)])) }),
    ...purposes.map((purpose) =>
      ConsentEventEntity.build(PutTransaction).item({ userId, eventId: ulid(now.getTime()), purpose, action: 'given', version: body.version, channel: body.channel, at }),
    ),
  );
  return consentViews({ ...held, ...Object.fromEntries(purposes.map((p) => [p, given])) });
}

/** Withdrawing the guide itself withdraws the separate consents that stand on it. */
export async function withdrawConsent(userId: string, purpose: ConsentPurpose, now = new Date()): Promise<Consent[]> {
  const held = await heldConsents(userId);
  if (!held[purpose]) throw new NotFoundError('您没有给过这项同意');
  const withdrawn = purpose === 'privacy' ? CONSENT_PURPOSES.filter((p) => held[p]) : [purpose];
  const at = now.toISOString();
  await execute(
    ConsentsEntity.build(UpdateTransaction).item({ userId, updatedAt: at, ...Object.fromEntries(withdrawn.map((p) => [p, $remove()])) }),
    ...withdrawn.map((p) =>
      ConsentEventEntity.build(PutTransaction).item({ userId, eventId: ulid(now.getTime()), purpose: p, action: 'withdrawn', version: held[p]!.version, at }),
    ),
  );
  return consentViews(Object.fromEntries(Object.entries(held).filter(([p]) => !withdrawn.includes(p as ConsentPurpose))));
}
