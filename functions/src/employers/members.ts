// Colleagues of an approved employer: the admin invites a phone number and gets a six-digit
// code to pass on; the colleague joins with that phone and code. Codes are stored hashed,
// expire after 7 days, and allow five wrong tries.
import { createHash, randomInt, timingSafeEqual } from 'node:crypto';
import { GetItemCommand } from 'dynamodb-toolbox/entity/actions/get';
import { PutItemCommand } from 'dynamodb-toolbox/entity/actions/put';
import { PutTransaction } from 'dynamodb-toolbox/entity/actions/transactPut';
import { DeleteTransaction } from 'dynamodb-toolbox/entity/actions/transactDelete';
import { execute } from 'dynamodb-toolbox/entity/actions/transactWrite';
import { QueryCommand } from 'dynamodb-toolbox/table/actions/query';
import type { FormattedItem } from 'dynamodb-toolbox/entity';
import type { Employer } from '@doorstep/shared';
import { formatAuditHead, nextAuditEvent, parseAuditHead } from '../audit/events';
import { grantRole } from '../auth/users';
import { EmployerEntity, EmployerInvitationEntity, EmployerMemberEntity, invitationIndexKeys, memberIndexKeys } from '../db/entities';
import { cancelledTransaction, isConditionFailure } from '../db/errors';
import { table } from '../db/table';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../http/errors';
import { toEmployerView } from './service';

const INVITE_DAYS = 7;
const MAX_ATTEMPTS = 5;

const hashCode = (employerId: string, phone: string, code: string) => createHash('sha256').update(`${employerId}:${phone}:${code}`).digest('hex');

export async function inviteMember(userId: string, employerId: string, phone: string) {
  const [{ Item: member }, { Item: employer }] = await Promise.all([
    EmployerMemberEntity.build(GetItemCommand).key({ employerId, userId }).send(),
    EmployerEntity.build(GetItemCommand).key({ employerId }).send(),
  ]);
  if (!member || !employer) throw new NotFoundError('找不到这个单位');
  if (member.role !== 'admin') throw new ForbiddenError('只有单位管理员可以添加同事');
  if (employer.status !== 'approved') throw new ConflictError('单位审核通过后才能添加同事');
  const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
  const now = new Date();
  const expiresAt = new Date(now.getTime() + INVITE_DAYS * 86400_000);
  // A new invitation for the same phone replaces the old one (and its code).
  await EmployerInvitationEntity.build(PutItemCommand)
    .item({
      employerId,
      phone,
      codeHash: hashCode(employerId, phone, code),
      attempts: 0,
      expiresAt: expiresAt.toISOString(),
      createdBy: userId,
      createdAt: now.toISOString(),
      ttl: Math.floor(expiresAt.getTime() / 1000),
      ...invitationIndexKeys(phone, employerId),
    })
    .send();
  return { employerId, phone, code, expiresAt: expiresAt.toISOString() };
}

type Invitation = FormattedItem<typeof EmployerInvitationEntity>;

/**
 * A colleague joins with their phone and the code. Every live invitation for the phone is
 * tried (a phone may be invited by more than one unit); a wrong code counts against each.
 */
export async function acceptInvitation(userId: string, phone: string, code: string): Promise<Employer> {
  const { Items = [] } = await table
    .build(QueryCommand)
    .entities(EmployerInvitationEntity)
    .query({ index: 'gsi2', partition: `INVITES#${phone}` })
    .send();
  const now = new Date().toISOString();
  const live = Items.filter((i) => i.expiresAt > now);
  if (live.length === 0) throw new NotFoundError('没有这个手机号的加入邀请，或已过期。请让单位管理员重新添加');
  const open = live.filter((i) => i.attempts < MAX_ATTEMPTS);
  if (open.length === 0) throw new ConflictError('加入码输错次数过多，请让单位管理员重新添加');
  const given = (i: Invitation) => Buffer.from(hashCode(i.employerId, phone, code), 'hex');
  const match = open.find((i) => timingSafeEqual(Buffer.from(i.codeHash, 'hex'), given(i)));
  if (!match) {
    await Promise.all(open.map(countWrongAttempt));
    throw new ValidationError([{ path: ['code'], message: '加入码不对，请核对' }]);
  }
  return join(userId, match, now);
}

async function countWrongAttempt(invitation: Invitation) {
  try {
    await EmployerInvitationEntity.build(PutItemCommand)
      .item({ ...invitation, attempts: invitation.attempts + 1 })
      .options({ condition: { attr: 'attempts', eq: invitation.attempts } })
      .send();
  } catch (err) {
    if (!isConditionFailure(err)) throw err;
  }
}

async function join(userId: string, invitation: Invitation, now: string): Promise<Employer> {
  const { employerId, phone } = invitation;
  const { Item: employer } = await EmployerEntity.build(GetItemCommand).key({ employerId }).options({ consistent: true }).send();
  if (!employer) throw new NotFoundError('这个单位已不存在');
  const audit = nextAuditEvent(parseAuditHead(employer.auditHead), {
    recordType: 'Employer',
    recordId: employerId,
    actorId: userId,
    at: now,
    action: 'member_joined',
    fromState: employer.status,
    toState: employer.status,
  });
  try {
    await execute(
      EmployerInvitationEntity.build(DeleteTransaction)
        .key({ employerId, phone })
        .options({ condition: { attr: 'codeHash', eq: invitation.codeHash } }),
      EmployerMemberEntity.build(PutTransaction)
        .item({ employerId, userId, role: 'member', createdAt: now, ...memberIndexKeys(userId, employerId) })
        .options({ condition: { attr: 'userId', exists: false } }),
      EmployerEntity.build(PutTransaction)
        .item({ ...employer, version: employer.version + 1, updatedAt: now, auditHead: formatAuditHead(audit.head) })
        .options({ condition: { attr: 'version', eq: employer.version } }),
      audit.put,
      ...(await grantRole(userId, 'employer', now)),
    );
  } catch (err) {
    const cancelled = cancelledTransaction(err);
    if (cancelled?.conditionFailed[1]) throw new ConflictError('您已经是这个单位的成员');
    if (cancelled) throw new ConflictError('加入码刚刚被使用或已更换，请让单位管理员重新添加');
    throw err;
  }
  return toEmployerView({ ...employer, updatedAt: now });
}

export async function listMyEmployers(userId: string) {
  const { Items: memberships = [] } = await table
    .build(QueryCommand)
    .entities(EmployerMemberEntity)
    .query({ index: 'gsi2', partition: `USER_EMPLOYERS#${userId}` })
    .options({ limit: 50 })
    .send();
  // A person belongs to a handful of units at most: one read each.
  const employers = await Promise.all(memberships.map((m) => EmployerEntity.build(GetItemCommand).key({ employerId: m.employerId }).send()));
  return memberships.flatMap((m, i) => {
    const employer = employers[i]?.Item;
    return employer ? [{ employer: toEmployerView(employer), role: m.role }] : [];
  });
}
