// The entities many domains share (people, employers, reviews, applications, vacancies, tasks, the
// outbox, idempotency, the local queue), one per aggregate; each domain's own are beside it
// (vouchers/entities.ts, training/entities.ts, …) and ./registry.ts lists them all. Key prefixes
// live in the entities, so nothing else ever writes `USER#…`.
import { Entity } from 'dynamodb-toolbox/entity';
import { item } from 'dynamodb-toolbox/schema/item';
import { string } from 'dynamodb-toolbox/schema/string';
import { number } from 'dynamodb-toolbox/schema/number';
import { boolean } from 'dynamodb-toolbox/schema/boolean';
import { list } from 'dynamodb-toolbox/schema/list';
import { map } from 'dynamodb-toolbox/schema/map';
import { geoCard, geoCardAttributes } from './geoCard';
import { table } from './table';

/** A place: a 12-digit community code, the address within it, GCJ-02 coordinates. */
export const place = () => map({ areaCode: string(), address: string(), lat: number(), lng: number() });

/**
 * What every regulated record carries: timestamps, an optimistic-lock version, the head of its
 * audit chain ("<seq>:<hash>") and the GSI1 keys staff find it by (see jurisdictionKeys).
 */
export const regulatedRecord = () => ({
  createdAt: string(),
  updatedAt: string(),
  version: number(),
  auditHead: string(),
  gsi1pk: string(),
  gsi1sk: string(),
});

/** GSI1 keys of a record staff look up by area: one partition per district, the community code first in the sort key. */
export function jurisdictionKeys(kind: 'JOBSEEKER_REG' | 'EMPLOYER', id: string, communityCode: string) {
  return { gsi1pk: `${kind}#${communityCode.slice(0, 6)}`, gsi1sk: `${communityCode}#${id}` };
}

export const UserEntity = new Entity({
  name: 'User',
  table,
  timestamps: false,
  schema: item({
    userId: string().key(),
    roles: list(string()),
    level: string().optional(),
    areaCode: string().optional(),
    /** Where subscription messages go: the WeChat openid (a dev identity stands in locally). */
    openid: string().optional(),
    /** 关怀模式 as last chosen (a display setting). */
    careMode: boolean().optional(),
    createdAt: string(),
    updatedAt: string(),
  }),
  computeKey: ({ userId }) => ({ pk: `USER#${userId}`, sk: 'PROFILE' }),
});

/** Which user an external identity (a WeChat openid) belongs to. */
export const IdentityLinkEntity = new Entity({
  name: 'IdentityLink',
  table,
  timestamps: false,
  schema: item({
    provider: string().key(),
    subject: string().key(),
    userId: string(),
    createdAt: string(),
  }),
  computeKey: ({ provider, subject }) => ({ pk: `IDENTITY#${provider}#${subject}`, sk: 'LINK' }),
});

export const JobseekerRegistrationEntity = new Entity({
  name: 'JobseekerRegistration',
  table,
  timestamps: false,
  schema: item({
    userId: string().key(),
    idNumberCipher: string(),
    idNumberHash: string(),
    idNumberMasked: string(),
    name: string(),
    gender: string().enum('male', 'female'),
    birthDate: string(),
    phone: string(),
    education: string(),
    yearsOfExperience: number(),
    qualificationLevel: string().optional(),
    professionalTitle: string().optional(),
    personCategory: string().optional(),
    graduationDate: string().optional(),
    resume: string().optional(),
    residence: place(),
    intention: map({
      occupations: list(string()),
      minMonthlySalaryFen: number(),
      maxDistanceKm: number(),
      shift: string(),
    }),
    validUntil: string(),
    ...regulatedRecord(),
  }),
  computeKey: ({ userId }) => ({ pk: `USER#${userId}`, sk: 'JOBSEEKER_REG' }),
});

/** Uniqueness of an ID number across accounts, by its HMAC blind index (never the number itself). */
export const IdNumberClaimEntity = new Entity({
  name: 'IdNumberClaim',
  table,
  timestamps: false,
  schema: item({
    idNumberHash: string().key(),
    userId: string(),
    createdAt: string(),
  }),
  computeKey: ({ idNumberHash }) => ({ pk: `IDNUMBER#${idNumberHash}`, sk: 'CLAIM' }),
});

/** An append-only, hash-chained audit event of a regulated record. */
export const AuditEventEntity = new Entity({
  name: 'AuditEvent',
  table,
  timestamps: false,
  schema: item({
    recordType: string().key(),
    recordId: string().key(),
    seq: number().key(),
    actorId: string(),
    at: string(),
    action: string(),
    fromState: string(),
    toState: string(),
    reason: string().optional(),
    changedFields: list(string()).optional(),
    /** 亲情代办: the family member who did it for `actorId`, the person (part of the hash). */
    proxyId: string().optional(),
    prevHash: string(),
    hash: string(),
  }),
  computeKey: ({ recordType, recordId, seq }) => ({
    pk: `AUDIT#${recordType}#${recordId}`,
    sk: `EVENT#${String(seq).padStart(8, '0')}`,
  }),
});

/** A CloudBase identity ticket already exchanged: tickets are single use; TTL removes them. */
export const UsedTicketEntity = new Entity({
  name: 'UsedTicket',
  table,
  timestamps: false,
  schema: item({
    jti: string().key(),
    ttl: number(),
  }),
  computeKey: ({ jti }) => ({ pk: `TICKET#${jti}`, sk: 'USED' }),
});

export const EmployerEntity = new Entity({
  name: 'Employer',
  table,
  timestamps: false,
  schema: item({
    employerId: string().key(),
    name: string(),
    uscc: string(),
    industry: string(),
    economicType: string(),
    address: place(),
    intro: string(),
    contactName: string(),
    contactPhone: string(),
    licenceImageKey: string().optional(),
    status: string().enum('pending_review', 'approved', 'rejected'),
    /** Why staff rejected it, shown to the employer. */
    reviewReason: string().optional(),
    createdBy: string(),
    ...regulatedRecord(),
  }),
  computeKey: ({ employerId }) => ({ pk: `EMPLOYER#${employerId}`, sk: 'PROFILE' }),
});

/** One unified social credit code belongs to one employer record. */
export const UsccClaimEntity = new Entity({
  name: 'UsccClaim',
  table,
  timestamps: false,
  schema: item({
    uscc: string().key(),
    employerId: string(),
    createdAt: string(),
  }),
  computeKey: ({ uscc }) => ({ pk: `USCC#${uscc}`, sk: 'CLAIM' }),
});

/** A user acting for an employer: the onboarding user is its first admin. */
export const EmployerMemberEntity = new Entity({
  name: 'EmployerMember',
  table,
  timestamps: false,
  schema: item({
    employerId: string().key(),
    userId: string().key(),
    role: string().enum('admin', 'member'),
    createdAt: string(),
    /** GSI2: the employers a user belongs to (GET /me/employers). */
    gsi2pk: string(),
    gsi2sk: string(),
  }),
  computeKey: ({ employerId, userId }) => ({ pk: `EMPLOYER#${employerId}`, sk: `MEMBER#${userId}` }),
});

export const memberIndexKeys = (userId: string, employerId: string) => ({ gsi2pk: `USER_EMPLOYERS#${userId}`, gsi2sk: employerId });

/** A colleague invited by phone; the six-digit code is stored only as a hash, and expires. */
export const EmployerInvitationEntity = new Entity({
  name: 'EmployerInvitation',
  table,
  timestamps: false,
  schema: item({
    employerId: string().key(),
    phone: string().key(),
    codeHash: string(),
    attempts: number(),
    expiresAt: string(),
    createdBy: string(),
    createdAt: string(),
    ttl: number(),
    /** GSI2: the invitations waiting for a phone, so a colleague joins with phone and code alone. */
    gsi2pk: string(),
    gsi2sk: string(),
  }),
  computeKey: ({ employerId, phone }) => ({ pk: `EMPLOYER#${employerId}`, sk: `INVITE#${phone}` }),
});

export const invitationIndexKeys = (phone: string, employerId: string) => ({ gsi2pk: `INVITES#${phone}`, gsi2sk: employerId });

/** One staff decision to be taken on an application (employer onboarding now). */
export const ReviewEntity = new Entity({
  name: 'Review',
  table,
  timestamps: false,
  schema: item({
    reviewId: string().key(),
    type: string(),
    subjectId: string(),
    subjectName: string(),
    personId: string().optional(),
    assisted: boolean().optional(),
    areaCode: string(),
    step: string().enum('street', 'district'),
    status: string().enum('pending', 'approved', 'rejected'),
    createdAt: string(),
    decidedAt: string().optional(),
    decidedBy: string().optional(),
    reason: string().optional(),
    /** The person-rules version the decision was taken under. */
    ruleVersion: string().optional(),
    /** Its task in the deciding level's inbox, closed with the decision. */
    taskId: string().optional(),
    version: number(),
    gsi1pk: string(),
    gsi1sk: string(),
    /** GSI2 of a review about a person: their reviews, found when their account is erased. */
    gsi2pk: string().optional(),
    gsi2sk: string().optional(),
  }),
  computeKey: ({ reviewId }) => ({ pk: `REVIEW#${reviewId}`, sk: 'REVIEW' }),
});

/**
 * GSI1 keys of a review queue: one partition per type, step, status and city; the community code
 * leads the sort key, so any jurisdiction (city, district, street, community) is one prefix query.
 */
export function reviewQueueKeys(r: { reviewId: string; type: string; step: string; status: string; areaCode: string; createdAt: string }) {
  return {
    gsi1pk: reviewQueuePartition(r.type, r.step, r.status, r.areaCode.slice(0, 4)),
    gsi1sk: `${r.areaCode}#${r.createdAt}#${r.reviewId}`,
  };
}

export function reviewQueuePartition(type: string, step: string, status: string, cityCode: string): string {
  return `REVIEWQ#${type}#${step}#${status}#${cityCode}`;
}

/**
 * A person's application: unemployment registration, employment registration or hard-to-employ
 * recognition. `details` holds the form as JSON, parsed with the shared contract on the way out.
 */
export const PersonApplicationEntity = new Entity({
  name: 'PersonApplication',
  table,
  timestamps: false,
  schema: item({
    applicationId: string().key(),
    userId: string(),
    kind: string().enum('unemployment', 'employment', 'hardship'),
    status: string().enum('pending_street', 'pending_district', 'approved', 'rejected', 'recorded'),
    areaCode: string(),
    detailsJson: string(),
    evidenceKeys: list(string()),
    /** Set when community staff filed it for the person (assisted mode). */
    assistedBy: string().optional(),
    /** The person-rules version the submission was checked against. */
    ruleVersion: string(),
    ...regulatedRecord(),
    gsi2pk: string(),
    gsi2sk: string(),
  }),
  computeKey: ({ applicationId }) => ({ pk: `APPLICATION#${applicationId}`, sk: 'APPLICATION' }),
});

export const personApplicationIndexKeys = (userId: string, createdAt: string, applicationId: string) => ({
  gsi2pk: `USER_APPS#${userId}`,
  gsi2sk: `${createdAt}#${applicationId}`,
});

/** At most one application of a kind in progress per person: written under a condition, removed on the final decision. */
export const OpenApplicationEntity = new Entity({
  name: 'OpenApplication',
  table,
  timestamps: false,
  schema: item({
    userId: string().key(),
    kind: string().key(),
    applicationId: string(),
    createdAt: string(),
  }),
  computeKey: ({ userId, kind }) => ({ pk: `USER#${userId}`, sk: `OPEN_APP#${kind}` }),
});

/** A person category recognised by staff or recorded from a registration, with the period it holds. */
export const PersonCategoryEntity = new Entity({
  name: 'PersonCategory',
  table,
  timestamps: false,
  schema: item({
    userId: string().key(),
    code: string().key(),
    since: string(),
    until: string().optional(),
    source: string().enum('review', 'declared'),
    detail: string().optional(),
    applicationId: string(),
    ruleVersion: string(),
    updatedAt: string(),
  }),
  computeKey: ({ userId, code }) => ({ pk: `USER#${userId}`, sk: `CATEGORY#${code}` }),
});

/**
 * A vacancy. The form is kept as JSON (parsed with the shared contract on the way out); the
 * fields search and review need are attributes. GSI2 lists an employer's vacancies, newest first.
 * Search does not read this item: a published vacancy has a VacancyCard (below).
 */
export const VacancyEntity = new Entity({
  name: 'Vacancy',
  table,
  timestamps: false,
  schema: item({
    vacancyId: string().key(),
    employerId: string(),
    employerName: string(),
    bodyJson: string(),
    status: string().enum('pending_review', 'published', 'rejected', 'paused', 'closed'),
    flagsJson: string(),
    reviewReason: string().optional(),
    areaCode: string(),
    lat: number(),
    lng: number(),
    recruitFrom: string(),
    recruitUntil: string(),
    ...regulatedRecord(),
    gsi2pk: string(),
    gsi2sk: string(),
  }),
  computeKey: ({ vacancyId }) => ({ pk: `VACANCY#${vacancyId}`, sk: 'VACANCY' }),
});

export const employerVacanciesKeys = (employerId: string, createdAt: string, vacancyId: string) => ({
  gsi2pk: `EMPLOYER_VACANCIES#${employerId}`,
  gsi2sk: `${createdAt}#${vacancyId}`,
});

const vacancyCard = geoCard('VACANCY_GEO');
const seekerCard = geoCard('SEEKER_GEO');
export const vacancyGeoPartition = vacancyCard.partition;
export const seekerGeoPartition = seekerCard.partition;

/**
 * The search card of a published vacancy: exists exactly while the vacancy is published, written
 * in the same transaction as every change. Partition: its precision-5 geohash cell; sort key: its
 * precision-9 geohash then id, so a run of small cells is one `BETWEEN`. Small (the list view and
 * what matching needs), so reading rings of cards is cheap; `ttl` removes it some days after the
 * recruitment end date (search hides it from the day after).
 */
export const VacancyCardEntity = new Entity({
  name: 'VacancyCard',
  table,
  timestamps: false,
  schema: item({
    ...geoCardAttributes(),
    vacancyId: string().key(),
    recruitFrom: string(),
    recruitUntil: string(),
    cardJson: string(),
    ttl: number(),
  }),
  computeKey: ({ cell, hash, vacancyId }) => vacancyCard.key(cell, hash, vacancyId),
});

/**
 * A person's application for a vacancy. GSI1 lists a vacancy's applicants (the roster), GSI2 a
 * person's applications; both newest last by creation time.
 */
export const JobApplicationEntity = new Entity({
  name: 'JobApplication',
  table,
  timestamps: false,
  schema: item({
    applicationId: string().key(),
    vacancyId: string(),
    employerId: string(),
    userId: string(),
    status: string().enum('applied', 'invited', 'hired', 'rejected'),
    message: string().optional(),
    employerNote: string().optional(),
    referralCode: string().optional(),
    /** Said at a job fair (我有意向 at its booth). */
    fairId: string().optional(),
    /** A fair's application: the last day a hire counts in the fair's figures (30 days after it ends). */
    fairHireBy: string().optional(),
    /** The search card as it was when the person applied, so the list survives edits and closing. */
    vacancyJson: string(),
    ...regulatedRecord(),
    gsi2pk: string(),
    gsi2sk: string(),
  }),
  computeKey: ({ applicationId }) => ({ pk: `JOBAPP#${applicationId}`, sk: 'JOBAPP' }),
});

export const vacancyApplicantsPartition = (vacancyId: string) => `VACANCY_APPS#${vacancyId}`;
export const vacancyReferralsPartition = (vacancyId: string) => `VACANCY_REFERRALS#${vacancyId}`;

export const jobApplicationKeys = (vacancyId: string, userId: string, createdAt: string, applicationId: string) => ({
  gsi1pk: vacancyApplicantsPartition(vacancyId),
  gsi1sk: `${createdAt}#${applicationId}`,
  gsi2pk: `USER_JOBAPPS#${userId}`,
  gsi2sk: `${createdAt}#${applicationId}`,
});

/** One application per person and vacancy: written with `attribute_not_exists` beside the application. */
export const ApplicantMarkerEntity = new Entity({
  name: 'ApplicantMarker',
  table,
  timestamps: false,
  schema: item({
    vacancyId: string().key(),
    userId: string().key(),
    applicationId: string(),
  }),
  computeKey: ({ vacancyId, userId }) => ({ pk: `VACANCY#${vacancyId}`, sk: `APPLICANT#${userId}` }),
});

/** A referral letter (推荐介绍信), found by its verification code; GSI1 lists a vacancy's referrals. */
export const ReferralEntity = new Entity({
  name: 'Referral',
  table,
  timestamps: false,
  schema: item({
    code: string().key(),
    personId: string(),
    vacancyId: string(),
    employerId: string(),
    staffId: string(),
    staffAreaCode: string(),
    personNameMasked: string(),
    vacancyJson: string(),
    note: string().optional(),
    issuedAt: string(),
    validUntil: string(),
    gsi1pk: string(),
    gsi1sk: string(),
    /** GSI2: the person's referral letters (我的数据, and erasure). */
    gsi2pk: string().optional(),
    gsi2sk: string().optional(),
  }),
  computeKey: ({ code }) => ({ pk: `REFERRAL#${code}`, sk: 'REFERRAL' }),
});

/** One referral of a person to a vacancy at a time: a second one → 409. */
export const ReferralMarkerEntity = new Entity({
  name: 'ReferralMarker',
  table,
  timestamps: false,
  schema: item({
    vacancyId: string().key(),
    personId: string().key(),
    code: string(),
  }),
  computeKey: ({ vacancyId, personId }) => ({ pk: `VACANCY#${vacancyId}`, sk: `REFERRED#${personId}` }),
});

/**
 * A task of a service point (follow-ups, rectifications, appeals, complaints); its area code's
 * length says which level owns it. GSI1: `TASKQ#<status>#<city code>` / `<due>#<taskId>`, read
 * with the staff member's area as a filter, so the list is in due order.
 */
export const TaskEntity = new Entity({
  name: 'Task',
  table,
  timestamps: false,
  schema: item({
    taskId: string().key(),
    kind: string(),
    title: string(),
    detail: string(),
    areaCode: string(),
    due: string(),
    status: string().enum('open', 'done'),
    subjectType: string(),
    subjectId: string(),
    createdAt: string(),
    /** Set when done: when, by whom, whether by the due date, what was done. */
    completedAt: string().optional(),
    completedBy: string().optional(),
    onTime: boolean().optional(),
    note: string().optional(),
    gsi1pk: string(),
    gsi1sk: string(),
    /** The person a task is about, when its detail names them: GSI2 finds it when their account is erased. */
    personId: string().optional(),
    gsi2pk: string().optional(),
    gsi2sk: string().optional(),
  }),
  computeKey: ({ taskId }) => ({ pk: `TASK#${taskId}`, sk: 'TASK' }),
});

export const personTasksKeys = (personId: string, taskId: string) => ({ personId, gsi2pk: `USER_TASKS#${personId}`, gsi2sk: taskId });
export const personReviewsKeys = (personId: string, reviewId: string) => ({ gsi2pk: `USER_REVIEWS#${personId}`, gsi2sk: reviewId });
export const personReferralsKeys = (personId: string, issuedAt: string, code: string) => ({ gsi2pk: `USER_REFERRALS#${personId}`, gsi2sk: `${issuedAt}#${code}` });

export const taskQueueKeys = (status: 'open' | 'done', areaCode: string, due: string, taskId: string) => ({
  gsi1pk: `TASKQ#${status}#${areaCode.slice(0, 4)}`,
  gsi1sk: `${due}#${taskId}`,
});

/** How many one-time subscription messages of a template a user has allowed and not yet used. */
export const SubscriptionQuotaEntity = new Entity({
  name: 'SubscriptionQuota',
  table,
  timestamps: false,
  schema: item({
    userId: string().key(),
    template: string().key(),
    remaining: number(),
    updatedAt: string(),
  }),
  computeKey: ({ userId, template }) => ({ pk: `USER#${userId}`, sk: `SUBSCRIPTION#${template}` }),
});

/**
 * A message to send, written in the same transaction as the change it tells about; the
 * dispatcher (on the table's stream in AWS, a sweep locally) sends it and marks it sent. GSI1
 * holds the unsent ones in order for the sweep.
 */
export const OutboxEntity = new Entity({
  name: 'Outbox',
  table,
  timestamps: false,
  schema: item({
    messageId: string().key(),
    userId: string(),
    template: string(),
    dataJson: string(),
    page: string(),
    status: string().enum('pending', 'sent', 'skipped', 'failed'),
    detail: string().optional(),
    createdAt: string(),
    claimedAt: string().optional(),
    /** A reminder: not sent before this time (the sweep sends it when it is due). */
    sendAfter: string().optional(),
    /** A reminder of an interview: sent only while that booking still stands. */
    bookingId: string().optional(),
    sentAt: string().optional(),
    gsi1pk: string().optional(),
    gsi1sk: string().optional(),
    ttl: number().optional(),
  }),
  computeKey: ({ messageId }) => ({ pk: `OUTBOX#${messageId}`, sk: 'MESSAGE' }),
});

/**
 * A job seeker's search card: where they live and what matching needs, written with every
 * registration write, so a newly published vacancy can tell the people near it who fit
 * (new-match messages). Read only by the server; never shown to employers.
 */
export const SeekerCardEntity = new Entity({
  name: 'SeekerCard',
  table,
  timestamps: false,
  schema: item({
    ...geoCardAttributes(),
    userId: string().key(),
    profileJson: string(),
    ttl: number(),
  }),
  computeKey: ({ cell, hash, userId }) => seekerCard.key(cell, hash, userId),
});

/** The first answer to a request carrying an Idempotency-Key: a replay gets it back and changes nothing. */
export const IdempotencyRecordEntity = new Entity({
  name: 'IdempotencyRecord',
  table,
  timestamps: false,
  schema: item({
    scope: string().key(),
    key: string().key(),
    requestHash: string(),
    responseJson: string(),
    createdAt: string(),
    ttl: number(),
  }),
  computeKey: ({ scope, key }) => ({ pk: `IDEMPOTENCY#${scope}#${key}`, sk: 'RESPONSE' }),
});

/**
 * The local stand-in for SQS (`npm start` and the tests): a message waiting on a queue, and on
 * `<queue>-dlq` what failed five times. scripts/lib/localQueue.ts drains it as Lambda's SQS
 * trigger would; in AWS the queues are SQS.
 */
export const LocalQueueMessageEntity = new Entity({
  name: 'LocalQueueMessage',
  table,
  timestamps: false,
  schema: item({
    queue: string().key(),
    messageId: string().key(),
    body: string(),
    receives: number(),
    sentAt: string(),
  }),
  computeKey: ({ queue, messageId }) => ({ pk: `LOCAL_QUEUE#${queue}`, sk: messageId }),
});

/** A caller's requests to a public route in one time window (functions/src/http/allowance.ts). */
export const AllowanceEntity = new Entity({
  name: 'Allowance',
  table,
  timestamps: false,
  schema: item({
    key: string().key(),
    window: number().key(),
    n: number(),
    ttl: number(),
  }),
  computeKey: ({ key, window }) => ({ pk: `ALLOWANCE#${key}`, sk: `W#${window}` }),
});
