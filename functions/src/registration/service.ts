// Job-seeker registration (求职登记): create or update the caller's own registration.
import { GetItemCommand } from 'dynamodb-toolbox/entity/actions/get';
import { PutTransaction } from 'dynamodb-toolbox/entity/actions/transactPut';
import { DeleteTransaction } from 'dynamodb-toolbox/entity/actions/transactDelete';
import { execute } from 'dynamodb-toolbox/entity/actions/transactWrite';
import type { FormattedItem } from 'dynamodb-toolbox/entity';
import {
  ageOn,
  geoKeys,
  maskIdNumber,
  parseIdNumber,
  REGISTRATION_VALID_DAYS,
  type JobseekerRegistration,
  type JobseekerRegistrationBody,
} from '@doorstep/shared';
import { areaFullName, isKnownArea } from '../areas/dataset';
import { formatAuditHead, nextAuditEvent, parseAuditHead } from '../audit/events';
import { IdNumberClaimEntity, JobseekerRegistrationEntity, SeekerCardEntity, jurisdictionKeys } from '../db/entities';
import { cancelledTransaction } from '../db/errors';
import { getDependencies } from '../deps';
import { ConflictError, NotFoundError, ValidationError } from '../http/errors';

type StoredRegistration = FormattedItem<typeof JobseekerRegistrationEntity>;

const RECORD_TYPE = 'JobseekerRegistration';
// The fields a person edits; a PUT that changes none of them writes nothing.
const EDITABLE_FIELDS = [
  'idNumberHash',
  'name',
  'phone',
  'education',
  'yearsOfExperience',
  'qualificationLevel',
  'professionalTitle',
  'personCategory',
  'graduationDate',
  'resume',
  'residence',
  'intention',
] as const;

function toView(item: StoredRegistration, now = new Date()): JobseekerRegistration {
  return {
    idNumberMasked: item.idNumberMasked,
    name: item.name,
    gender: item.gender,
    birthDate: item.birthDate,
    age: ageOn(item.birthDate),
    phone: item.phone,
    education: item.education as JobseekerRegistration['education'],
    yearsOfExperience: item.yearsOfExperience,
    ...(item.qualificationLevel ? { qualificationLevel: item.qualificationLevel as JobseekerRegistration['qualificationLevel'] } : {}),
    ...(item.professionalTitle ? { professionalTitle: item.professionalTitle as JobseekerRegistration['professionalTitle'] } : {}),
    ...(item.personCategory ? { personCategory: item.personCategory as JobseekerRegistration['personCategory'] } : {}),
    ...(item.graduationDate ? { graduationDate: item.graduationDate } : {}),
    ...(item.resume !== undefined ? { resume: item.resume } : {}),
    residence: { ...item.residence, areaName: areaFullName(item.residence.areaCode) },
    intention: { ...item.intention, shift: item.intention.shift as JobseekerRegistration['intention']['shift'] },
    status: item.validUntil > now.toISOString() ? 'active' : 'expired',
    validUntil: item.validUntil,
    createdAt: item.createdAt,
    updatedAt: item.updatedAt,
    version: item.version,
  };
}

async function load(userId: string): Promise<StoredRegistration | undefined> {
  const { Item } = await JobseekerRegistrationEntity.build(GetItemCommand).key({ userId }).options({ consistent: true }).send();
  return Item;
}

export async function getRegistration(userId: string): Promise<JobseekerRegistration> {
  const item = await load(userId);
  if (!item) throw new NotFoundError('您还没有填写求职登记');
  return toView(item);
}

/** The editable fields whose values differ (all of them for a new registration). */
function changedFields(before: Record<string, unknown> | undefined, after: Record<string, unknown>): string[] {
  return EDITABLE_FIELDS.filter((f) => JSON.stringify(before?.[f] ?? null) !== JSON.stringify(after[f] ?? null));
}

export async function putRegistration(userId: string, body: JobseekerRegistrationBody): Promise<JobseekerRegistration> {
  if (!isKnownArea(body.residence.areaCode)) {
    throw new ValidationError([{ path: ['residence', 'areaCode'], message: '没有这个社区（村），请从列表中选择' }]);
  }
  // Optimistic concurrency: a concurrent edit of the same registration makes us re-read and retry.
  for (let attempt = 0; attempt < 5; attempt += 1) {
    const existing = await load(userId);
    const result = await tryWrite(userId, body, existing);
    if (result) return result;
  }
  throw new ConflictError('登记正在被修改，请稍后重试');
}

interface StoredIdentity {
  cipher: string;
  hash: string;
  masked: string;
  birthDate: string;
  gender: 'male' | 'female';
}

/** The ID number as stored: kept from the registration when unchanged or left out, else encrypted anew. */
function identityFor(idNumber: string | undefined, existing: StoredRegistration | undefined): StoredIdentity {
  const stored = existing && {
    cipher: existing.idNumberCipher,
    hash: existing.idNumberHash,
    masked: existing.idNumberMasked,
    birthDate: existing.birthDate,
    gender: existing.gender,
  };
  if (!idNumber) {
    if (stored) return stored;
    throw new ValidationError([{ path: ['idNumber'], message: '请填写身份证号' }]);
  }
  const parsed = parseIdNumber(idNumber);
  if (!parsed.ok) throw new ValidationError([{ path: ['idNumber'], message: '身份证号无效' }]);
  const { idNumbers } = getDependencies();
  const hash = idNumbers.blindIndex(parsed.value.idNumber);
  if (stored && stored.hash === hash) return stored;
  return {
    cipher: idNumbers.encrypt(parsed.value.idNumber),
    hash,
    masked: maskIdNumber(parsed.value.idNumber),
    birthDate: parsed.value.birthDate,
    gender: parsed.value.gender,
  };
}

/**
 * The job seeker's search card (for new-match messages): put with every write, and the old one
 * deleted when the home moved to another key.
 */
function seekerCardWrites(existing: StoredRegistration | undefined, item: { userId: string; residence: { lat: number; lng: number }; birthDate: string; education: string; yearsOfExperience: number; qualificationLevel?: string; intention: unknown; validUntil: string }) {
  const at = geoKeys(item.residence);
  const card = {
    ...at,
    userId: item.userId,
    lat: item.residence.lat,
    lng: item.residence.lng,
    profileJson: JSON.stringify({
      birthDate: item.birthDate,
      education: item.education,
      yearsOfExperience: item.yearsOfExperience,
      ...(item.qualificationLevel ? { qualificationLevel: item.qualificationLevel } : {}),
      intention: item.intention,
    }),
    ttl: Math.floor(Date.parse(item.validUntil) / 1000),
  };
  const before = existing && geoKeys(existing.residence);
  return [
    SeekerCardEntity.build(PutTransaction).item(card),
    ...(before && (before.cell !== at.cell || before.hash !== at.hash) ? [SeekerCardEntity.build(DeleteTransaction).key({ ...before, userId: item.userId })] : []),
  ];
}

async function tryWrite(
  userId: string,
  body: JobseekerRegistrationBody,
  existing: StoredRegistration | undefined,
): Promise<JobseekerRegistration | undefined> {
  const identity = identityFor(body.idNumber, existing);
  const now = new Date();
  const { idNumber: _plain, ...fields } = body;
  const changed = changedFields(existing, { ...fields, idNumberHash: identity.hash });
  // A replayed or unchanged PUT changes nothing: no new version, no audit event.
  if (existing && changed.length === 0) return toView(existing, now);

  const version = (existing?.version ?? 0) + 1;
  const audit = nextAuditEvent(existing ? parseAuditHead(existing.auditHead) : undefined, {
    recordType: RECORD_TYPE,
    recordId: userId,
    actorId: userId,
    at: now.toISOString(),
    action: existing ? 'update' : 'create',
    fromState: existing ? 'active' : 'none',
    toState: 'active',
    // Field names only: the audit trail never holds the personal data itself.
    changedFields: changed.map((f) => (f === 'idNumberHash' ? 'idNumber' : f)),
  });
  const item = {
    userId,
    ...fields,
    idNumberCipher: identity.cipher,
    idNumberHash: identity.hash,
    idNumberMasked: identity.masked,
    birthDate: identity.birthDate,
    gender: identity.gender,
    validUntil: new Date(now.getTime() + REGISTRATION_VALID_DAYS * 86400_000).toISOString(),
    createdAt: existing?.createdAt ?? now.toISOString(),
    updatedAt: now.toISOString(),
    version,
    auditHead: formatAuditHead(audit.head),
    ...jurisdictionKeys('JOBSEEKER_REG', userId, body.residence.areaCode),
  };

  const idChanged = existing?.idNumberHash !== identity.hash;
  const transactions = [
    JobseekerRegistrationEntity.build(PutTransaction)
      .item(item)
      .options({
        condition: existing ? { attr: 'version', eq: existing.version } : { attr: 'userId', exists: false },
      }),
    audit.put,
    ...(idChanged
      ? [
          // The blind index is claimed by one account only.
          IdNumberClaimEntity.build(PutTransaction)
            .item({ idNumberHash: identity.hash, userId, createdAt: now.toISOString() })
            .options({ condition: { or: [{ attr: 'userId', exists: false }, { attr: 'userId', eq: userId }] } }),
        ]
      : []),
    ...(idChanged && existing
      ? [
          IdNumberClaimEntity.build(DeleteTransaction)
            .key({ idNumberHash: existing.idNumberHash })
            .options({ condition: { attr: 'userId', eq: userId } }),
        ]
      : []),
    // Last, so the condition indices above stay as they are.
    ...seekerCardWrites(existing, item),
  ];
  try {
    await execute(...transactions);
  } catch (err) {
    const cancelled = cancelledTransaction(err);
    if (!cancelled) throw err;
    const failed = cancelled.conditionFailed;
    if (idChanged && failed[2]) {
      throw new ConflictError('该身份证号已被其他账号登记。如非本人操作，请携带身份证到社区服务站处理', [
        { path: ['idNumber'], message: '该身份证号已被其他账号登记' },
      ]);
    }
    // Someone else wrote first, or at the same moment: retry on fresh state.
    if (failed[0] || failed[1] || cancelled.conflict) return undefined;
    throw err;
  }
  return toView(item as StoredRegistration, now);
}
