// Employer onboarding (单位入驻): the unit registers from a phone and waits for its street's review.
import { GetItemCommand } from 'dynamodb-toolbox/entity/actions/get';
import { PutTransaction } from 'dynamodb-toolbox/entity/actions/transactPut';
import { execute } from 'dynamodb-toolbox/entity/actions/transactWrite';
import type { FormattedItem } from 'dynamodb-toolbox/entity';
import { ulid } from 'ulid';
import { parseUscc, uploadOwner, type CreateEmployerBody, type Employer } from '@doorstep/shared';
import { areaFullName, isKnownArea } from '../areas/dataset';
import { formatAuditHead, nextAuditEvent } from '../audit/events';
import { EmployerEntity, EmployerMemberEntity, UsccClaimEntity, jurisdictionKeys, memberIndexKeys } from '../db/entities';
import { cancelledTransaction } from '../db/errors';
import { ConflictError, NotFoundError, ValidationError } from '../http/errors';
import { newReview } from '../reviews/queue';

export type StoredEmployer = FormattedItem<typeof EmployerEntity>;

export function toEmployerView(item: StoredEmployer): Employer {
  return {
    id: item.employerId,
    name: item.name,
    uscc: item.uscc,
    industry: item.industry as Employer['industry'],
    economicType: item.economicType as Employer['economicType'],
    address: { ...item.address, areaName: areaFullName(item.address.areaCode) },
    intro: item.intro,
    contactName: item.contactName,
    contactPhone: item.contactPhone,
    ...(item.licenceImageKey ? { licenceImageKey: item.licenceImageKey } : {}),
    status: item.status,
    ...(item.reviewReason ? { reviewReason: item.reviewReason } : {}),
    createdAt: item.createdAt,
    updatedAt: item.updatedAt,
  };
}

export async function createEmployer(userId: string, body: CreateEmployerBody): Promise<Employer> {
  if (!isKnownArea(body.address.areaCode)) {
    throw new ValidationError([{ path: ['address', 'areaCode'], message: '没有这个社区（村），请从列表中选择' }]);
  }
  if (body.licenceImageKey && uploadOwner(body.licenceImageKey) !== userId) {
    throw new ValidationError([{ path: ['licenceImageKey'], message: '营业执照图片无效，请重新上传' }]);
  }
  const parsed = parseUscc(body.uscc);
  if (!parsed.ok) throw new ValidationError([{ path: ['uscc'], message: '统一社会信用代码无效' }]);
  const employerId = ulid();
  const now = new Date().toISOString();
  const audit = nextAuditEvent(undefined, {
    recordType: 'Employer',
    recordId: employerId,
    actorId: userId,
    at: now,
    action: 'create',
    fromState: 'none',
    toState: 'pending_review',
  });
  const item = {
    employerId,
    ...body,
    uscc: parsed.uscc,
    status: 'pending_review' as const,
    createdBy: userId,
    createdAt: now,
    updatedAt: now,
    version: 1,
    auditHead: formatAuditHead(audit.head),
    ...jurisdictionKeys('EMPLOYER', employerId, body.address.areaCode),
  };
  try {
    await execute(
      UsccClaimEntity.build(PutTransaction)
        .item({ uscc: parsed.uscc, employerId, createdAt: now })
        .options({ condition: { attr: 'uscc', exists: false } }),
      EmployerEntity.build(PutTransaction).item(item).options({ condition: { attr: 'employerId', exists: false } }),
      EmployerMemberEntity.build(PutTransaction).item({ employerId, userId, role: 'admin', createdAt: now, ...memberIndexKeys(userId, employerId) }),
      audit.put,
      // Its street reviews it (domain.md §3.2).
      ...newReview({ reviewId: ulid(), type: 'employer', subjectId: employerId, subjectName: body.name, areaCode: body.address.areaCode, step: 'street', createdAt: now }),
    );
  } catch (err) {
    if (cancelledTransaction(err)?.conditionFailed[0]) {
      throw new ConflictError('这个统一社会信用代码已经入驻过。如是本单位，请联系单位管理员把您加为成员', [
        { path: ['uscc'], message: '该统一社会信用代码已入驻' },
      ]);
    }
    throw err;
  }
  return toEmployerView(item);
}

/** An employer as its own members see it; anyone else gets 404, never its content. */
export async function getEmployerForMember(userId: string, employerId: string): Promise<Employer> {
  const [{ Item: member }, { Item: employer }] = await Promise.all([
    EmployerMemberEntity.build(GetItemCommand).key({ employerId, userId }).send(),
    EmployerEntity.build(GetItemCommand).key({ employerId }).send(),
  ]);
  if (!member || !employer) throw new NotFoundError('找不到这个单位');
  return toEmployerView(employer);
}
