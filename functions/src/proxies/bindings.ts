// 亲情代办 bindings: a person invites a family member's phone (the code is passed on in person or by
// phone, as for a unit's colleagues), the family member accepts, and then may act for the person
// until either of them ends it. Both consents are kept on the binding.
import { createHash, randomInt, timingSafeEqual } from 'node:crypto';
import { DeleteItemCommand } from 'dynamodb-toolbox/entity/actions/delete';
import { GetItemCommand } from 'dynamodb-toolbox/entity/actions/get';
import { PutItemCommand } from 'dynamodb-toolbox/entity/actions/put';
import { DeleteTransaction } from 'dynamodb-toolbox/entity/actions/transactDelete';
import { PutTransaction } from 'dynamodb-toolbox/entity/actions/transactPut';
import { UpdateTransaction } from 'dynamodb-toolbox/entity/actions/transactUpdate';
import { $add } from 'dynamodb-toolbox/entity/actions/update';
import { execute } from 'dynamodb-toolbox/entity/actions/transactWrite';
import { QueryCommand } from 'dynamodb-toolbox/table/actions/query';
import type { FormattedItem } from 'dynamodb-toolbox/entity';
import { ulid } from 'ulid';
import {
  maskPhone,
  MAX_PROXIES_PER_PERSON,
  PRIVACY_POLICY_VERSION,
  PROXY_INVITE_DAYS,
  PROXY_INVITE_MAX_ATTEMPTS,
  PROXY_SESSION_SECONDS,
  type ConsentChannel,
  type InviteProxyBody,
  type ProxyBinding,
  type ProxyRelation,
} from '@doorstep/shared';
import { getUser } from '../auth/users';
import { getConfig } from '../config';
import {
  ProxyBindingEntity,
  ProxyCountEntity,
  ProxyInvitationEntity,
  ProxyPairEntity,
  proxyBindingIndexKeys,
  proxyInvitationIndexKeys,
} from './entities';
import { cancelledTransaction, isConditionFailure } from '../db/errors';
import { table } from '../db/table';
import { ConflictError, NotFoundError, ProxyRevokedError, RuleError, ValidationError } from '../http/errors';
import { signSession } from '../http/session';
import { revocationWrites } from './revocation';

type StoredBinding = FormattedItem<typeof ProxyBindingEntity>;
type StoredInvitation = FormattedItem<typeof ProxyInvitationEntity>;

const hashCode = (personId: string, phone: string, code: string) => createHash('sha256').update(`proxy:${personId}:${phone}:${code}`).digest('hex');
const consentNow = (channel: ConsentChannel, at: string) => ({ at, version: PRIVACY_POLICY_VERSION, channel });

export function toBindingView(b: StoredBinding): ProxyBinding {
  return {
    id: b.bindingId,
    relation: b.relation as ProxyRelation,
    callName: b.callName,
    proxyPhone: b.proxyPhone ? maskPhone(b.proxyPhone) : '',
    status: b.status,
    createdAt: b.createdAt,
    ...(b.revokedAt ? { revokedAt: b.revokedAt } : {}),
    ...(b.revokedBy ? { revokedBy: b.revokedBy } : {}),
  };
}

const toInvitationView = (i: StoredInvitation) => ({ phone: i.phone, relation: i.relation as ProxyRelation, callName: i.callName, expiresAt: i.expiresAt, createdAt: i.createdAt });

async function activeCount(personId: string): Promise<number> {
  const { Item } = await ProxyCountEntity.build(GetItemCommand).key({ personId }).options({ consistent: true }).send();
  return Item?.active ?? 0;
}

/** The person asks a family member (by phone) to act for them: their consent to it, and a code. */
export async function inviteProxy(personId: string, body: InviteProxyBody) {
  if ((await activeCount(personId)) >= MAX_PROXIES_PER_PERSON) throw new ConflictError(`最多可以有 ${MAX_PROXIES_PER_PERSON} 位代办人，请先解除一位`);
  const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
  const now = new Date();
  const expiresAt = new Date(now.getTime() + PROXY_INVITE_DAYS * 86400_000);
  const invitation = {
    personId,
    phone: body.phone,
    relation: body.relation,
    callName: body.callName,
    codeHash: hashCode(personId, body.phone, code),
    attempts: 0,
    expiresAt: expiresAt.toISOString(),
    createdAt: now.toISOString(),
    personConsent: consentNow(body.channel, now.toISOString()),
    ttl: Math.floor(expiresAt.getTime() / 1000),
    ...proxyInvitationIndexKeys(body.phone, personId),
  };
  // A new invitation to the same phone replaces the old one (and its code).
  await ProxyInvitationEntity.build(PutItemCommand).item(invitation).send();
  return { invitation: toInvitationView(invitation), code };
}

export async function cancelInvitation(personId: string, phone: string): Promise<void> {
  try {
    await ProxyInvitationEntity.build(DeleteItemCommand).key({ personId, phone }).options({ condition: { attr: 'phone', exists: true } }).send();
  } catch (err) {
    if (isConditionFailure(err)) throw new NotFoundError('没有这个号码的代办邀请');
    throw err;
  }
}

async function countWrongAttempt(i: StoredInvitation) {
  try {
    await ProxyInvitationEntity.build(PutItemCommand)
      .item({ ...i, attempts: i.attempts + 1 })
      .options({ condition: { attr: 'attempts', eq: i.attempts } })
      .send();
  } catch (err) {
    if (!isConditionFailure(err)) throw err;
  }
}

/**
 * The family member accepts with their phone and the code. Every live invitation to the phone is
 * tried (two parents may both invite their child); a wrong code counts against each.
 */
export async function acceptInvitation(proxyUserId: string, body: { phone: string; code: string; channel: ConsentChannel }): Promise<ProxyBinding> {
  const { Items = [] } = await table.build(QueryCommand).entities(ProxyInvitationEntity).query({ index: 'gsi2', partition: `PROXYINVITES#${body.phone}` }).send();
  const now = new Date().toISOString();
  const live = Items.filter((i) => i.expiresAt > now);
  if (live.length === 0) throw new NotFoundError('没有发给这个手机号的代办邀请，或已过期。请让家人重新邀请');
  const open = live.filter((i) => i.attempts < PROXY_INVITE_MAX_ATTEMPTS);
  if (open.length === 0) throw new ConflictError('邀请码输错次数过多，请让家人重新邀请');
  const match = open.find((i) => timingSafeEqual(Buffer.from(i.codeHash, 'hex'), Buffer.from(hashCode(i.personId, body.phone, body.code), 'hex')));
  if (!match) {
    await Promise.all(open.map(countWrongAttempt));
    throw new ValidationError([{ path: ['code'], message: '邀请码不对，请核对' }]);
  }
  if (match.personId === proxyUserId) throw new RuleError('不能为自己代办：请让家人用他们自己的微信接受邀请');

  const bindingId = ulid();
  const binding: StoredBinding = {
    personId: match.personId,
    bindingId,
    proxyUserId,
    proxyPhone: body.phone,
    relation: match.relation,
    callName: match.callName,
    status: 'active',
    personConsent: match.personConsent,
    proxyConsent: consentNow(body.channel, now),
    createdAt: now,
    ...proxyBindingIndexKeys(proxyUserId, bindingId),
  };
  try {
    await execute(
      ProxyInvitationEntity.build(DeleteTransaction).key({ personId: match.personId, phone: match.phone }).options({ condition: { attr: 'codeHash', eq: match.codeHash } }),
      ProxyBindingEntity.build(PutTransaction).item(binding),
      ProxyPairEntity.build(PutTransaction).item({ personId: match.personId, proxyUserId, bindingId }).options({ condition: { attr: 'proxyUserId', exists: false } }),
      ProxyCountEntity.build(UpdateTransaction)
        .item({ personId: match.personId, active: $add(1) })
        .options({ condition: { or: [{ attr: 'active', exists: false }, { attr: 'active', lt: MAX_PROXIES_PER_PERSON }] } }),
    );
  } catch (err) {
    const cancelled = cancelledTransaction(err);
    if (cancelled?.conditionFailed[2]) throw new ConflictError('您已经在为这位家人代办');
    if (cancelled?.conditionFailed[3]) throw new ConflictError(`对方已有 ${MAX_PROXIES_PER_PERSON} 位代办人，请让对方先解除一位`);
    if (cancelled) throw new ConflictError('邀请码刚刚被使用或已更换，请让家人重新邀请');
    throw err;
  }
  return toBindingView(binding);
}

async function bindingsAsProxy(proxyUserId: string): Promise<StoredBinding[]> {
  const { Items = [] } = await table.build(QueryCommand).entities(ProxyBindingEntity).query({ index: 'gsi2', partition: `PROXIES_OF#${proxyUserId}` }).options({ reverse: true, limit: 50 }).send();
  return Items;
}

export async function listProxies(userId: string) {
  const partition = `USER#${userId}`;
  const [mine, invitations, actingFor] = await Promise.all([
    table.build(QueryCommand).entities(ProxyBindingEntity).query({ partition, range: { beginsWith: 'PROXY#' } }).options({ consistent: true, reverse: true, limit: 50 }).send(),
    table.build(QueryCommand).entities(ProxyInvitationEntity).query({ partition, range: { beginsWith: 'PROXYINVITE#' } }).options({ consistent: true }).send(),
    bindingsAsProxy(userId),
  ]);
  const now = new Date().toISOString();
  return {
    proxies: (mine.Items ?? []).map(toBindingView),
    actingFor: actingFor.map(toBindingView),
    invitations: (invitations.Items ?? []).filter((i) => i.expiresAt > now).map(toInvitationView),
  };
}

/** The binding `bindingId` as the person (their own) or as the family member (found through their list). */
async function findBinding(userId: string, bindingId: string): Promise<StoredBinding | undefined> {
  const { Item } = await ProxyBindingEntity.build(GetItemCommand).key({ personId: userId, bindingId }).options({ consistent: true }).send();
  if (Item) return Item;
  const { Items = [] } = await table
    .build(QueryCommand)
    .entities(ProxyBindingEntity)
    .query({ index: 'gsi2', partition: `PROXIES_OF#${userId}`, range: { eq: bindingId } })
    .send();
  if (!Items[0]) return undefined;
  // The index may lag: read the binding itself.
  const { Item: fresh } = await ProxyBindingEntity.build(GetItemCommand).key({ personId: Items[0].personId, bindingId }).options({ consistent: true }).send();
  return fresh?.proxyUserId === userId ? fresh : undefined;
}

/** Either side ends the binding; the family member's next request is refused. Ending it again changes nothing. */
export async function revokeProxy(userId: string, bindingId: string): Promise<ProxyBinding> {
  const b = await findBinding(userId, bindingId);
  if (!b) throw new NotFoundError('找不到这个代办关系');
  if (b.status !== 'active') return toBindingView(b);
  const at = new Date().toISOString();
  const by = b.personId === userId ? 'person' : 'proxy';
  try {
    await execute(...revocationWrites(b, by, at));
  } catch (err) {
    // Ended by the other side at the same moment: show it as it now is.
    if (!isConditionFailure(err)) throw err;
    return toBindingView((await findBinding(userId, bindingId))!);
  }
  return toBindingView({ ...b, status: 'revoked', revokedAt: at, revokedBy: by });
}

/** The family member switches to acting for the person: a session on the person's account, marked as a proxy's. */
export async function startActing(proxyUserId: string, bindingId: string) {
  const b = await findBinding(proxyUserId, bindingId);
  if (!b || b.proxyUserId !== proxyUserId) throw new NotFoundError('找不到这个代办关系');
  if (b.status !== 'active') throw new ProxyRevokedError();
  const person = await getUser(b.personId);
  if (!person) throw new NotFoundError('对方的账号已注销');
  // Only the citizen's side of the person's account: never their unit's or their office's roles.
  const user = { id: person.id, roles: ['jobseeker' as const], createdAt: person.createdAt };
  const session = await signSession(user, getConfig().JWT_SECRET, PROXY_SESSION_SECONDS, new Date(), { proxyUserId, bindingId });
  return { ...session, user, actingFor: { bindingId, personId: b.personId, callName: b.callName, relation: b.relation } };
}
