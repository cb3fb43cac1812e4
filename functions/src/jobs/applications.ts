// Applying for a vacancy, the employer's candidate roster and its answers (issue 4).
import { GetItemCommand } from 'dynamodb-toolbox/entity/actions/get';
import { PutTransaction } from 'dynamodb-toolbox/entity/actions/transactPut';
import { execute, type ExecuteTransactWriteInput, type ExecuteTransactWriteOptions } from 'dynamodb-toolbox/entity/actions/transactWrite';
import { QueryCommand } from 'dynamodb-toolbox/table/actions/query';
import type { FormattedItem } from 'dynamodb-toolbox/entity';
import { ulid } from 'ulid';
import {
  maskName,
  ageOn,
  haversineM,
  inThirdPerson,
  jobApplicationStatusLabels,
  maskPhone,
  OUTCOME_FROM,
  todayInChina,
  vacancySummarySchema,
  type Candidate,
  type Education,
  type JobApplication,
} from '@doorstep/shared';
import { formatAuditHead, nextAuditEvent, parseAuditHead } from '../audit/events';
import {
  ApplicantMarkerEntity,
  EmployerMemberEntity,
  JobApplicationEntity,
  JobseekerRegistrationEntity,
  ReferralEntity,
  ReferralMarkerEntity,
  jobApplicationKeys,
  vacancyApplicantsPartition,
  vacancyReferralsPartition,
} from '../db/entities';
import { cancelledTransaction } from '../db/errors';
import { retryConflicts } from '../concurrency';
import { countOnFair } from '../fairs/entities';
import { table } from '../db/table';
import { ConflictError, ForbiddenError, NotFoundError } from '../http/errors';
import { outboxMessage } from '../notifications/outbox';
import { cardOf, summaryOf } from '../vacancies/search';
import { bodyOf, loadVacancy, matchOf, seekerProfileOf } from '../vacancies/service';

type StoredApplication = FormattedItem<typeof JobApplicationEntity>;
const RECORD = 'JobApplication';
/** The status in the five characters a template's `phrase` field allows. */
const OUTCOME_WORDS = { invited: '邀请面试', hired: '已录用', rejected: '未录用' } as const;

function toView(a: StoredApplication): JobApplication {
  return {
    id: a.applicationId,
    vacancy: vacancySummarySchema.parse(JSON.parse(a.vacancyJson)),
    status: a.status,
    ...(a.message ? { message: a.message } : {}),
    ...(a.employerNote ? { employerNote: a.employerNote } : {}),
    ...(a.referralCode ? { referralCode: a.referralCode } : {}),
    ...(a.fairId ? { fairId: a.fairId } : {}),
    createdAt: a.createdAt,
    updatedAt: a.updatedAt,
  };
}

/**
 * One tap: the person's registration stands in for a CV. A second application → 409. `fair`:
 * said at a fair's booth — `also` gives the fair's own record of it, written in the same transaction.
 */
export async function apply(
  userId: string,
  vacancyId: string,
  message?: string,
  fair?: { fairId: string; hireBy: string; also: (a: { applicationId: string; employerId: string; createdAt: string }) => Exclude<ExecuteTransactWriteInput[number], ExecuteTransactWriteOptions>[] },
): Promise<JobApplication> {
  const fairId = fair?.fairId;
  const [vacancy, { Item: registration }, { Item: referralMarker }] = await Promise.all([
    loadVacancy(vacancyId),
    JobseekerRegistrationEntity.build(GetItemCommand).key({ userId }).send(),
    ReferralMarkerEntity.build(GetItemCommand).key({ vacancyId, personId: userId }).send(),
  ]);
  const today = todayInChina();
  if (!vacancy || vacancy.status !== 'published' || vacancy.recruitFrom > today || vacancy.recruitUntil < today) {
    throw new NotFoundError('这个岗位已经不在招聘了');
  }
  if (!registration) throw new ForbiddenError('请先完成求职登记，再应聘岗位');
  const now = new Date().toISOString();
  const applicationId = ulid();
  const card = cardOf({ vacancyId, employerName: vacancy.employerName, body: bodyOf(vacancy) });
  const audit = nextAuditEvent(undefined, { recordType: RECORD, recordId: applicationId, actorId: userId, at: now, action: 'apply', fromState: 'none', toState: 'applied' });
  const item = {
    applicationId,
    vacancyId,
    employerId: vacancy.employerId,
    userId,
    status: 'applied' as const,
    ...(message ? { message } : {}),
    ...(referralMarker ? { referralCode: referralMarker.code } : {}),
    ...(fair ? { fairId: fair.fairId, fairHireBy: fair.hireBy } : {}),
    vacancyJson: card.cardJson,
    createdAt: now,
    updatedAt: now,
    version: 1,
    auditHead: formatAuditHead(audit.head),
    ...jobApplicationKeys(vacancyId, userId, now, applicationId),
  };
  try {
    await retryConflicts(() =>
      execute(
        ApplicantMarkerEntity.build(PutTransaction).item({ vacancyId, userId, applicationId }).options({ condition: { attr: 'applicationId', exists: false } }),
        JobApplicationEntity.build(PutTransaction).item(item).options({ condition: { attr: 'applicationId', exists: false } }),
        audit.put,
        ...(fair ? fair.also({ applicationId, employerId: vacancy.employerId, createdAt: now }) : []),
      ),
    );
  } catch (err) {
    if (cancelledTransaction(err)?.conditionFailed[0]) throw new ConflictError('您已经应聘过这个岗位，请在“我的应聘”里查看进度');
    throw err;
  }
  return toView(item);
}

export async function myApplications(userId: string): Promise<JobApplication[]> {
  const { Items = [] } = await table
    .build(QueryCommand)
    .entities(JobApplicationEntity)
    .query({ index: 'gsi2', partition: `USER_JOBAPPS#${userId}` })
    .options({ reverse: true, limit: 50 })
    .send();
  return Items.map(toView);
}

async function applicantsOf(vacancyId: string): Promise<StoredApplication[]> {
  const found: StoredApplication[] = [];
  let exclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const page = await table
      .build(QueryCommand)
      .entities(JobApplicationEntity)
      .query({ index: 'gsi1', partition: vacancyApplicantsPartition(vacancyId) })
      .options(exclusiveStartKey ? { exclusiveStartKey } : {})
      .send();
    found.push(...(page.Items ?? []));
    exclusiveStartKey = page.LastEvaluatedKey;
  } while (exclusiveStartKey);
  return found;
}


/**
 * 推荐人员花名册: who applied (name and phone shown: they chose to contact the employer) and who
 * staff referred (masked until they apply), best match first. Members of the vacancy's own
 * employer only; anyone else gets 404.
 */
export async function candidates(userId: string, vacancyId: string): Promise<Candidate[]> {
  const vacancy = await loadVacancy(vacancyId);
  const member = vacancy && (await EmployerMemberEntity.build(GetItemCommand).key({ employerId: vacancy.employerId, userId }).send()).Item;
  if (!vacancy || !member) throw new NotFoundError('找不到这个岗位');
  const [applicants, { Items: referrals = [] }] = await Promise.all([
    applicantsOf(vacancyId),
    table.build(QueryCommand).entities(ReferralEntity).query({ index: 'gsi1', partition: vacancyReferralsPartition(vacancyId) }).send(),
  ]);
  const summary = summaryOf(cardOf({ vacancyId, employerName: vacancy.employerName, body: bodyOf(vacancy) }));
  const applied = new Set(applicants.map((a) => a.userId));
  const people = [
    ...applicants.map((a) => ({ userId: a.userId, kind: 'applied' as const, application: a, referralCode: a.referralCode, at: a.createdAt })),
    ...referrals.filter((r) => !applied.has(r.personId)).map((r) => ({ userId: r.personId, kind: 'referred' as const, application: undefined, referralCode: r.code, at: r.issuedAt })),
  ];
  const today = todayInChina();
  const rows = await Promise.all(
    people.map(async (p): Promise<Candidate | undefined> => {
      const seeker = await seekerProfileOf(p.userId, today);
      if (!seeker) return undefined;
      const reg = seeker.registration;
      const distanceM = Math.round(haversineM(seeker.residence, vacancy));
      const open = p.kind === 'applied';
      return {
        kind: p.kind,
        ...(p.application ? { applicationId: p.application.applicationId, status: p.application.status } : {}),
        name: open ? reg.name : maskName(reg.name),
        phone: open ? reg.phone : maskPhone(reg.phone),
        contactMasked: !open,
        gender: reg.gender,
        age: ageOn(reg.birthDate, today),
        education: reg.education as Education,
        yearsOfExperience: reg.yearsOfExperience,
        distanceM,
        match: inThirdPerson(matchOf(seeker.profile, summary, distanceM)),
        ...(p.application?.message ? { message: p.application.message } : {}),
        ...(p.referralCode ? { referralCode: p.referralCode } : {}),
        ...(p.application?.fairId ? { fairId: p.application.fairId } : {}),
        at: p.at,
      };
    }),
  );
  return rows.filter((r): r is Candidate => !!r).sort((a, b) => b.match.score - a.match.score || a.at.localeCompare(b.at));
}

/** The employer's answer; the applicant hears of it by subscription message. */
export async function recordOutcome(userId: string, applicationId: string, outcome: 'invited' | 'hired' | 'rejected', note?: string): Promise<JobApplication> {
  const { Item: a } = await JobApplicationEntity.build(GetItemCommand).key({ applicationId }).options({ consistent: true }).send();
  const member = a && (await EmployerMemberEntity.build(GetItemCommand).key({ employerId: a.employerId, userId }).send()).Item;
  if (!a || !member) throw new NotFoundError('找不到这份应聘');
  if (!OUTCOME_FROM[outcome].includes(a.status)) {
    throw new ConflictError(`这份应聘现在是“${jobApplicationStatusLabels[a.status]}”，不能再改为“${jobApplicationStatusLabels[outcome]}”`);
  }
  const now = new Date().toISOString();
  const audit = nextAuditEvent(parseAuditHead(a.auditHead), { recordType: RECORD, recordId: applicationId, actorId: userId, at: now, action: outcome, fromState: a.status, toState: outcome });
  const next = {
    ...a,
    status: outcome,
    ...(note ? { employerNote: note } : {}),
    updatedAt: now,
    version: a.version + 1,
    auditHead: formatAuditHead(audit.head),
  };
  const vacancy = vacancySummarySchema.parse(JSON.parse(a.vacancyJson));
  // Hired from a fair's 我有意向 within 30 days of its end: one more hire in the fair's figures.
  const fairHire = outcome === 'hired' && a.fairId && a.fairHireBy && todayInChina(new Date(now)) <= a.fairHireBy ? a.fairId : undefined;
  try {
    await retryConflicts(() => execute(
      JobApplicationEntity.build(PutTransaction).item(next).options({ condition: { and: [{ attr: 'version', eq: a.version }, { attr: 'status', eq: a.status }] } }),
      audit.put,
      outboxMessage({
        userId: a.userId,
        template: 'application_update',
        page: 'jobs/applications/index',
        data: { thing1: vacancy.title.slice(0, 20), thing2: vacancy.employerName.slice(0, 20), phrase3: OUTCOME_WORDS[outcome], thing4: (note ?? '').slice(0, 20) || '请在小程序中查看' },
        at: now,
      }),
      ...(fairHire ? [countOnFair(fairHire, { hires: 1 })] : []),
    ));
  } catch (err) {
    if (cancelledTransaction(err)) throw new ConflictError('这份应聘刚刚被同事处理过，请刷新后再试');
    throw err;
  }
  return toView(next);
}
