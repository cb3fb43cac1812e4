// One entity per aggregate. Key prefixes live here so nothing else ever writes `USER#…`.
import { Entity } from 'dynamodb-toolbox/entity';
import { item } from 'dynamodb-toolbox/schema/item';
import { string } from 'dynamodb-toolbox/schema/string';
import { number } from 'dynamodb-toolbox/schema/number';
import { boolean } from 'dynamodb-toolbox/schema/boolean';
import { list } from 'dynamodb-toolbox/schema/list';
import { map } from 'dynamodb-toolbox/schema/map';
import { table } from './table';

/** A place: a 12-digit community code, the address within it, GCJ-02 coordinates. */
const place = () => map({ areaCode: string(), address: string(), lat: number(), lng: number() });

/**
 * What every regulated record carries: timestamps, an optimistic-lock version, the head of its
 * audit chain ("<seq>:<hash>") and the GSI1 keys staff find it by (see jurisdictionKeys).
 */
const regulatedRecord = () => ({
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

export const vacancyGeoPartition = (cell: string) => `VACANCY_GEO#${cell}`;
export const seekerGeoPartition = (cell: string) => `SEEKER_GEO#${cell}`;

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
    cell: string().key(),
    hash: string().key(),
    vacancyId: string().key(),
    lat: number(),
    lng: number(),
    recruitFrom: string(),
    recruitUntil: string(),
    cardJson: string(),
    ttl: number(),
  }),
  computeKey: ({ cell, hash, vacancyId }) => ({ pk: vacancyGeoPartition(cell), sk: `${hash}#${vacancyId}` }),
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
    cell: string().key(),
    hash: string().key(),
    userId: string().key(),
    lat: number(),
    lng: number(),
    profileJson: string(),
    ttl: number(),
  }),
  computeKey: ({ cell, hash, userId }) => ({ pk: seekerGeoPartition(cell), sk: `${hash}#${userId}` }),
});

// ── Employment vouchers (就业券) ───────────────────────────────────────────────────────────

/** A voucher programme (券种). GSI1 lists every programme (few); GSI2, once approved, finds those covering an area. */
export const VoucherProgrammeEntity = new Entity({
  name: 'VoucherProgramme',
  table,
  timestamps: false,
  schema: item({
    programmeId: string().key(),
    name: string(),
    kind: string().enum('benefit', 'service'),
    serviceName: string(),
    faceValueFen: number(),
    /** People or employers; absent on programmes created before employers could hold vouchers (people). */
    holderType: string().enum('person', 'employer').optional(),
    targetGroups: list(string()),
    providerTypes: list(string()),
    areaCode: string(),
    /** Named once, on creation, so that reading a programme never loads the division dataset. */
    areaName: string(),
    budgetFen: number(),
    quota: number(),
    shards: number(),
    claimFrom: string(),
    claimUntil: string(),
    validityDays: number(),
    perPersonLimit: number(),
    status: string().enum('pending_approval', 'approved'),
    createdBy: string(),
    approvedBy: string().optional(),
    approvedAt: string().optional(),
    ...regulatedRecord(),
    gsi2pk: string().optional(),
    gsi2sk: string().optional(),
  }),
  computeKey: ({ programmeId }) => ({ pk: `VPROG#${programmeId}`, sk: 'PROGRAMME' }),
});
export const PROGRAMMES_PARTITION = 'VPROGS';
export const programmeAreaPartition = (areaCode: string) => `VPROG_AREA#${areaCode}`;

/** One shard of a programme's quota and budget: a claim takes one place and one face value from a shard under a condition. */
export const QuotaShardEntity = new Entity({
  name: 'QuotaShard',
  table,
  timestamps: false,
  schema: item({
    programmeId: string().key(),
    shard: number().key(),
    quotaLeft: number(),
    budgetLeftFen: number(),
  }),
  computeKey: ({ programmeId, shard }) => ({ pk: `VPROG#${programmeId}`, sk: `SHARD#${String(shard).padStart(2, '0')}` }),
});

/** Which vouchers of a programme a holder has: written under a condition, so issuing twice gives nobody a second one. */
export const VoucherHoldingEntity = new Entity({
  name: 'VoucherHolding',
  table,
  timestamps: false,
  schema: item({
    programmeId: string().key(),
    holderId: string().key(),
    n: number().key(),
    voucherId: string(),
    createdAt: string(),
  }),
  computeKey: ({ programmeId, holderId, n }) => ({ pk: `VPROG#${programmeId}`, sk: `HOLDER#${holderId}#${n}` }),
});

/**
 * A voucher. GSI2 is the holder's wallet. GSI1, while the voucher is unused (issued or
 * claimed), files it under the month of its last day so the daily expiry run finds it
 * (`expiryKeys`); from settlement on it lists a batch's vouchers by payee. The programme's
 * fields holders and providers see are copied in.
 */
export const VoucherEntity = new Entity({
  name: 'Voucher',
  table,
  timestamps: false,
  schema: item({
    voucherId: string().key(),
    programmeId: string(),
    programmeName: string(),
    kind: string().enum('benefit', 'service'),
    serviceName: string(),
    faceValueFen: number(),
    providerTypes: list(string()),
    programmeAreaCode: string(),
    /** Where it can be used, in words (the area and the provider types), written on issue. */
    usableAt: string(),
    holderType: string().enum('person', 'employer'),
    holderId: string(),
    holderAreaCode: string(),
    /** Masked, as providers see it. */
    holderName: string(),
    status: string().enum('issued', 'claimed', 'redeemed', 'settling', 'settled', 'expired', 'revoked', 'reversed'),
    claimUntil: string(),
    validityDays: number(),
    issuedAt: string(),
    claimedAt: string().optional(),
    expiresOn: string().optional(),
    redeemedAt: string().optional(),
    providerId: string().optional(),
    providerName: string().optional(),
    serviceRecordJson: string().optional(),
    /** Who is paid: `provider#<id>`, or the holder (`person#<userId>`, `employer#<employerId>`) for a benefit voucher; set on redemption. */
    payeeKey: string().optional(),
    batchId: string().optional(),
    payoutStatus: string().enum('pending', 'paid', 'failed').optional(),
    payoutReason: string().optional(),
    payoutAt: string().optional(),
    reversedReason: string().optional(),
    ...regulatedRecord(),
    gsi1pk: string().optional(),
    gsi1sk: string().optional(),
    gsi2pk: string(),
    gsi2sk: string(),
  }),
  computeKey: ({ voucherId }) => ({ pk: `VOUCHER#${voucherId}`, sk: 'VOUCHER' }),
});
export const walletKeys = (holderId: string, issuedAt: string, voucherId: string) => ({ gsi2pk: `WALLET#${holderId}`, gsi2sk: `${issuedAt}#${voucherId}` });
/** An unused voucher's last day (the claim window's end while issued, the validity's end once claimed). */
export const expiryKeys = (lastDay: string, voucherId: string) => ({ gsi1pk: expiryPartition(lastDay.slice(0, 7)), gsi1sk: `${lastDay}#${voucherId}` });
export const expiryPartition = (month: string) => `VEXPIRY#${month}`;
export const batchVouchersKeys = (batchId: string, payeeKey: string, voucherId: string) => ({ gsi1pk: `BATCH_VOUCHERS#${batchId}`, gsi1sk: `${payeeKey}#${voucherId}` });

/**
 * The voucher's money ledger: one row per movement, each of which can exist only once
 * (REDEEM, REVERSE, PAYMENT). GSI2 on the redemption row lists a provider's redemptions.
 */
export const LedgerEntryEntity = new Entity({
  name: 'LedgerEntry',
  table,
  timestamps: false,
  schema: item({
    voucherId: string().key(),
    entry: string().key(),
    amountFen: number(),
    programmeId: string(),
    providerId: string().optional(),
    batchId: string().optional(),
    actorId: string(),
    at: string(),
    gsi2pk: string().optional(),
    gsi2sk: string().optional(),
  }),
  computeKey: ({ voucherId, entry }) => ({ pk: `VOUCHER#${voucherId}`, sk: `LEDGER#${entry}` }),
});
export const providerLedgerKeys = (providerId: string, at: string, voucherId: string) => ({ gsi2pk: `PROVIDER_LEDGER#${providerId}`, gsi2sk: `${at}#${voucherId}` });

/** An approved employer designated by district staff as a voucher provider, with its payout account and running totals. */
export const ProviderEntity = new Entity({
  name: 'Provider',
  table,
  timestamps: false,
  schema: item({
    employerId: string().key(),
    name: string(),
    areaCode: string(),
    types: list(string()),
    accountName: string(),
    accountCipher: string(),
    accountMasked: string(),
    bankName: string(),
    redeemedCount: number(),
    redeemedFen: number(),
    designatedBy: string(),
    createdAt: string(),
    updatedAt: string(),
  }),
  computeKey: ({ employerId }) => ({ pk: `EMPLOYER#${employerId}`, sk: 'PROVIDER' }),
});

/** Where a person's benefit-voucher money goes: their social-security-card financial account, given at claim. */
export const PayoutAccountEntity = new Entity({
  name: 'PayoutAccount',
  table,
  timestamps: false,
  schema: item({
    userId: string().key(),
    accountName: string(),
    accountCipher: string(),
    accountMasked: string(),
    bankName: string(),
    updatedAt: string(),
  }),
  computeKey: ({ userId }) => ({ pk: `USER#${userId}`, sk: 'PAYOUT_ACCOUNT' }),
});

/** An employer's bank account (对公账户) for the benefit vouchers it holds, written when it claims one. */
export const EmployerPayoutAccountEntity = new Entity({
  name: 'EmployerPayoutAccount',
  table,
  timestamps: false,
  schema: item({
    employerId: string().key(),
    accountName: string(),
    accountCipher: string(),
    accountMasked: string(),
    bankName: string(),
    updatedAt: string(),
  }),
  computeKey: ({ employerId }) => ({ pk: `EMPLOYER#${employerId}`, sk: 'PAYOUT_ACCOUNT' }),
});

/** A redeemed voucher waiting for settlement, put there by the stream consumer. */
export const SettlementQueueEntity = new Entity({
  name: 'SettlementQueue',
  table,
  timestamps: false,
  schema: item({
    programmeId: string().key(),
    voucherId: string().key(),
    queuedAt: string(),
  }),
  computeKey: ({ programmeId, voucherId }) => ({ pk: `SETTLE_Q#${programmeId}`, sk: voucherId }),
});

/**
 * A settlement batch: one programme's redeemed vouchers taken by one run. GSI1 lists batches
 * (few: one per programme per day); GSI2 holds the ones still being built, for the next run to finish.
 */
export const BatchEntity = new Entity({
  name: 'Batch',
  table,
  timestamps: false,
  schema: item({
    batchId: string().key(),
    runId: string(),
    programmeId: string(),
    programmeName: string(),
    kind: string().enum('benefit', 'service'),
    areaCode: string(),
    status: string().enum('building', 'ready', 'approved', 'reconciled'),
    voucherCount: number(),
    amountFen: number(),
    lineCount: number(),
    paidFen: number(),
    failedFen: number(),
    approvedBy: string().optional(),
    approvedAt: string().optional(),
    reconciledAt: string().optional(),
    fileSha256: string().optional(),
    /** Set when a run starts finishing the batch: from then on no chunk can join it. */
    closedAt: string().optional(),
    ...regulatedRecord(),
    gsi2pk: string().optional(),
    gsi2sk: string().optional(),
  }),
  computeKey: ({ batchId }) => ({ pk: `BATCH#${batchId}`, sk: 'BATCH' }),
});
export const BATCHES_PARTITION = 'BATCHES';
export const BUILDING_BATCHES_PARTITION = 'BUILDING_BATCHES';

/** What one settlement transaction moved into a batch: its vouchers' sums per payee. The batch's totals are the sum of its chunks. */
export const BatchChunkEntity = new Entity({
  name: 'BatchChunk',
  table,
  timestamps: false,
  schema: item({
    batchId: string().key(),
    chunkId: string().key(),
    voucherCount: number(),
    amountFen: number(),
    /** { payeeKey: [count, amountFen] } */
    payeesJson: string(),
  }),
  computeKey: ({ batchId, chunkId }) => ({ pk: `BATCH#${batchId}`, sk: `CHUNK#${chunkId}` }),
});

/** One line of a batch's payout file: one payee, the sum of their vouchers in the batch, and the bank's result. */
export const PayoutLineEntity = new Entity({
  name: 'PayoutLine',
  table,
  timestamps: false,
  schema: item({
    batchId: string().key(),
    lineNo: number().key(),
    lineId: string(),
    payeeKey: string(),
    payeeName: string(),
    accountCipher: string(),
    accountMasked: string(),
    bankName: string(),
    amountFen: number(),
    voucherCount: number(),
    status: string().enum('pending', 'paid', 'failed'),
    reason: string().optional(),
    resultAt: string().optional(),
  }),
  computeKey: ({ batchId, lineNo }) => ({ pk: `BATCH#${batchId}`, sk: `LINE#${String(lineNo).padStart(6, '0')}` }),
});

/** Voucher figures of one programme, one community and one holder type, kept by the stream consumer. */
export const VoucherStatsEntity = new Entity({
  name: 'VoucherStats',
  table,
  timestamps: false,
  schema: item({
    programmeId: string().key(),
    areaCode: string().key(),
    holderType: string().key(),
    issuedCount: number().optional(),
    issuedFen: number().optional(),
    claimedCount: number().optional(),
    claimedFen: number().optional(),
    redeemedCount: number().optional(),
    redeemedFen: number().optional(),
    reversedCount: number().optional(),
    reversedFen: number().optional(),
    settledCount: number().optional(),
    settledFen: number().optional(),
    expiredCount: number().optional(),
    expiredFen: number().optional(),
    revokedCount: number().optional(),
    revokedFen: number().optional(),
  }),
  computeKey: ({ programmeId, areaCode, holderType }) => ({ pk: `VSTATS#${programmeId}`, sk: `${areaCode}#${holderType}` }),
});

/** That a voucher's arrival in a status has been counted: duplicate stream deliveries count once. */
export const StatsAppliedEntity = new Entity({
  name: 'StatsApplied',
  table,
  timestamps: false,
  schema: item({
    voucherId: string().key(),
    status: string().key(),
    ttl: number(),
  }),
  computeKey: ({ voucherId, status }) => ({ pk: `VSTATS_APPLIED#${voucherId}`, sk: status }),
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

// ── Interviews (issue 6, first slice) ──────────────────────────────────────────────────────

/** An interview slot an employer opens for a vacancy. `booked < capacity` is the capacity condition. GSI1 lists a vacancy's slots by start. */
export const InterviewSlotEntity = new Entity({
  name: 'InterviewSlot',
  table,
  timestamps: false,
  schema: item({
    slotId: string().key(),
    vacancyId: string(),
    employerId: string(),
    startsAt: string(),
    durationMinutes: number(),
    capacity: number(),
    booked: number(),
    mode: string().enum('video', 'onsite'),
    roomUrl: string().optional(),
    place: string().optional(),
    status: string().enum('open', 'cancelled'),
    createdBy: string(),
    createdAt: string(),
    gsi1pk: string(),
    gsi1sk: string(),
  }),
  computeKey: ({ slotId }) => ({ pk: `INTERVIEW_SLOT#${slotId}`, sk: 'SLOT' }),
});

/** A person's booking of a slot. GSI2 is their interview list, soonest first. */
export const InterviewBookingEntity = new Entity({
  name: 'InterviewBooking',
  table,
  timestamps: false,
  schema: item({
    bookingId: string().key(),
    slotId: string(),
    vacancyId: string(),
    userId: string(),
    startsAt: string(),
    durationMinutes: number(),
    status: string().enum('booked', 'cancelled'),
    /** Copied from the slot and the vacancy, so the person's list needs no other reads. */
    mode: string().enum('video', 'onsite').optional(),
    place: string().optional(),
    roomUrl: string().optional(),
    vacancyTitle: string().optional(),
    employerName: string().optional(),
    /** What the employer recorded after the interview, once. */
    outcome: string().enum('attended', 'no_show', 'hired', 'not_hired').optional(),
    /** Set when the booking was moved to another slot (the new booking's id). */
    rescheduledTo: string().optional(),
    /** Community staff who booked it for the person (assisted mode). */
    bookedBy: string().optional(),
    createdAt: string(),
    updatedAt: string(),
    gsi2pk: string(),
    gsi2sk: string(),
    /** GSI1: the vacancy's bookings for the employer, by start time (`VACANCY_BOOKINGS#<vacancyId>`). */
    gsi1pk: string().optional(),
    gsi1sk: string().optional(),
  }),
  computeKey: ({ bookingId }) => ({ pk: `INTERVIEW_BOOKING#${bookingId}`, sk: 'BOOKING' }),
});

/** One quarter-hour of a person's diary taken by a booking: written under `attribute_not_exists`, so overlapping bookings cannot both exist. */
export const BusyBucketEntity = new Entity({
  name: 'BusyBucket',
  table,
  timestamps: false,
  schema: item({
    userId: string().key(),
    bucket: string().key(),
    bookingId: string(),
    ttl: number(),
  }),
  computeKey: ({ userId, bucket }) => ({ pk: `USER#${userId}`, sk: `BUSY#${bucket}` }),
});

/** How often a person did not come to an interview they booked, for the employer and staff to see. */
export const InterviewRecordEntity = new Entity({
  name: 'InterviewRecord',
  table,
  timestamps: false,
  schema: item({
    userId: string().key(),
    noShows: number(),
    attended: number(),
  }),
  computeKey: ({ userId }) => ({ pk: `USER#${userId}`, sk: 'INTERVIEW_RECORD' }),
});

// ---- Training (issue 6) ----

/**
 * A course (培训班) of a training institution. `enrolled` and `waiting` are the seat counters the
 * sign-up transactions hold their conditions on. GSI1: the provider's courses by start date.
 */
export const CourseEntity = new Entity({
  name: 'Course',
  table,
  timestamps: false,
  schema: item({
    courseId: string().key(),
    providerId: string(),
    providerName: string(),
    /** The course body as posted (shared/src/contracts/training.ts), without the provider id. */
    bodyJson: string(),
    /** Accepted voucher programmes with their names, as shown. */
    programmesJson: string(),
    seats: number(),
    enrolled: number(),
    waiting: number(),
    /** The highest key in the waitlist so far: a place is taken only with a key above it. */
    lastWaitKey: string().optional(),
    signUpDeadline: string(),
    startsOn: string(),
    status: string().enum('open', 'cancelled'),
    createdBy: string(),
    createdAt: string(),
    gsi1pk: string(),
    gsi1sk: string(),
  }),
  computeKey: ({ courseId }) => ({ pk: `COURSE#${courseId}`, sk: 'COURSE' }),
});

export const courseGeoPartition = (cell: string) => `COURSE_GEO#${cell}`;
/** A course's search card under its geohash-5 cell, like a vacancy's; TTL removes it after the sign-up deadline. */
export const CourseCardEntity = new Entity({
  name: 'CourseCard',
  table,
  timestamps: false,
  schema: item({
    cell: string().key(),
    hash: string().key(),
    courseId: string().key(),
    lat: number(),
    lng: number(),
    occupationName: string(),
    signUpDeadline: string(),
    ttl: number(),
  }),
  computeKey: ({ cell, hash, courseId }) => ({ pk: courseGeoPartition(cell), sk: `${hash}#${courseId}` }),
});

/**
 * A person's sign-up for a course. Its id is a ULID taken on arrival: the waitlist is in that
 * order. GSI1: the course's roster; GSI2: the person's sign-ups.
 */
export const EnrolmentEntity = new Entity({
  name: 'Enrolment',
  table,
  timestamps: false,
  schema: item({
    enrolmentId: string().key(),
    courseId: string(),
    userId: string(),
    status: string().enum('enrolled', 'waitlisted', 'cancelled', 'completed', 'not_completed'),
    courseTitle: string(),
    providerId: string(),
    providerName: string(),
    startsOn: string(),
    signUpDeadline: string(),
    voucherId: string().optional(),
    voucherProgrammeName: string().optional(),
    voucherFaceValueFen: number().optional(),
    voucherState: string().enum('reserved', 'redeemed', 'released', 'not_redeemed').optional(),
    voucherNote: string().optional(),
    attendedDays: number().optional(),
    certificateNo: string().optional(),
    /** Its key in the course's waitlist while it is (or was) waitlisted (the WaitlistEntry's). */
    waitKey: string().optional(),
    /** Community staff who signed the person up (assisted mode). */
    bookedBy: string().optional(),
    createdAt: string(),
    updatedAt: string(),
    gsi1pk: string(),
    gsi1sk: string(),
    gsi2pk: string(),
    gsi2sk: string(),
  }),
  computeKey: ({ enrolmentId }) => ({ pk: `ENROLMENT#${enrolmentId}`, sk: 'ENROLMENT' }),
});

/** One live sign-up per person and course: written under `attribute_not_exists`, removed on cancelling. */
export const TraineeMarkerEntity = new Entity({
  name: 'TraineeMarker',
  table,
  timestamps: false,
  schema: item({
    courseId: string().key(),
    userId: string().key(),
    enrolmentId: string(),
  }),
  computeKey: ({ courseId, userId }) => ({ pk: `COURSE#${courseId}`, sk: `TRAINEE#${userId}` }),
});

/**
 * A place in a course's waitlist, in the course's own partition so the head is read consistently,
 * sorted by its key: a ULID made when the place was taken and written only if it is above the
 * course's `lastWaitKey`, so the line is in the order places were taken and nobody can later be
 * put ahead of anyone already waiting.
 */
export const WaitlistEntryEntity = new Entity({
  name: 'WaitlistEntry',
  table,
  timestamps: false,
  schema: item({
    courseId: string().key(),
    waitKey: string().key(),
    enrolmentId: string(),
    userId: string(),
  }),
  computeKey: ({ courseId, waitKey }) => ({ pk: `COURSE#${courseId}`, sk: `WAIT#${waitKey}` }),
});

/** A voucher held for a sign-up until completion: one sign-up at a time can count on a voucher. */
export const VoucherReservationEntity = new Entity({
  name: 'VoucherReservation',
  table,
  timestamps: false,
  schema: item({
    voucherId: string().key(),
    enrolmentId: string(),
  }),
  computeKey: ({ voucherId }) => ({ pk: `VOUCHER#${voucherId}`, sk: 'RESERVED' }),
});

/** A person's answer to the training-needs survey (one, replaced when they answer again). */
export const TrainingNeedEntity = new Entity({
  name: 'TrainingNeed',
  table,
  timestamps: false,
  schema: item({
    userId: string().key(),
    occupations: list(string()),
    type: string(),
    time: string(),
    areaCode: string(),
    version: number(),
    updatedAt: string(),
  }),
  computeKey: ({ userId }) => ({ pk: `USER#${userId}`, sk: 'TRAINING_NEED' }),
});

/** How many answers of an area (every level, community to city) name a value: TOTAL, OCC#…, TYPE#…, TIME#…. */
export const TrainingNeedCountEntity = new Entity({
  name: 'TrainingNeedCount',
  table,
  timestamps: false,
  schema: item({
    areaCode: string().key(),
    key: string().key(),
    count: number(),
  }),
  computeKey: ({ areaCode, key }) => ({ pk: `TRAINING_NEEDS#${areaCode}`, sk: key }),
});

// ── Ratings, complaints and figures (issue 7) ──────────────────────────────────────────────

/**
 * A rating (好差评) of one service. GSI2 lists the rater's ratings, newest first. Attributed to the
 * service point (area code), the staff member and the provider; an appeal and its decision live
 * on the rating.
 */
export const RatingEntity = new Entity({
  name: 'Rating',
  table,
  timestamps: false,
  schema: item({
    ratingId: string().key(),
    serviceType: string(),
    serviceId: string(),
    serviceTitle: string(),
    raterId: string(),
    /** Set when an employer's member rated for the employer. */
    raterEmployerId: string().optional(),
    score: number(),
    tags: list(string()),
    comment: string().optional(),
    status: string().enum('valid', 'appealed', 'voided'),
    servicePoint: string(),
    staffId: string().optional(),
    providerId: string().optional(),
    providerName: string().optional(),
    rectificationTaskId: string().optional(),
    appealReason: string().optional(),
    appealedAt: string().optional(),
    appealedBy: string().optional(),
    appealTaskId: string().optional(),
    appealDecision: string().enum('pending', 'upheld', 'rejected').optional(),
    decisionNote: string().optional(),
    decidedAt: string().optional(),
    decidedBy: string().optional(),
    createdAt: string(),
    updatedAt: string(),
    gsi2pk: string(),
    gsi2sk: string(),
  }),
  computeKey: ({ ratingId }) => ({ pk: `RATING#${ratingId}`, sk: 'RATING' }),
});

/** One rating per service: written with `attribute_not_exists` beside the rating. */
export const RatedMarkerEntity = new Entity({
  name: 'RatedMarker',
  table,
  timestamps: false,
  schema: item({
    serviceType: string().key(),
    serviceId: string().key(),
    ratingId: string(),
  }),
  computeKey: ({ serviceType, serviceId }) => ({ pk: `RATED#${serviceType}#${serviceId}`, sk: 'RATED' }),
});

/** A complaint or suggestion (投诉/意见) and its progress. GSI2 lists a person's, newest first. */
export const ComplaintEntity = new Entity({
  name: 'Complaint',
  table,
  timestamps: false,
  schema: item({
    complaintId: string().key(),
    userId: string(),
    kind: string().enum('complaint', 'suggestion'),
    topic: string(),
    text: string(),
    photoKeys: list(string()),
    areaCode: string(),
    serviceType: string().optional(),
    serviceId: string().optional(),
    status: string().enum('received', 'processing', 'resolved'),
    due: string(),
    taskId: string(),
    progress: list(map({ at: string(), status: string(), note: string(), by: string() })),
    createdAt: string(),
    updatedAt: string(),
    gsi2pk: string(),
    gsi2sk: string(),
  }),
  computeKey: ({ complaintId }) => ({ pk: `COMPLAINT#${complaintId}`, sk: 'COMPLAINT' }),
});

/**
 * A settlement run: finance's (or the schedule's) request, done off HTTP by the settlement
 * worker one unit (a programme, or the batches dead runs left) per queue message. The counters
 * are what the 结算拨付 page's progress bar shows.
 */
export const SettlementRunEntity = new Entity({
  name: 'SettlementRun',
  table,
  timestamps: false,
  schema: item({
    runId: string().key(),
    actorId: string(),
    /** The jurisdiction's prefix; empty for the daily run over everything. */
    scope: string(),
    status: string().enum('running', 'done'),
    unitsTotal: number(),
    unitsDone: number(),
    /** Queued vouchers when the run started; vouchers redeemed meanwhile may add to what it takes. */
    vouchersTotal: number(),
    vouchersDone: number(),
    voucherCount: number(),
    amountFen: number(),
    batchIds: list(string()),
    /** Unit attempts that failed (each retried by the queue; five failures send it to the dead-letter queue). */
    failures: number(),
    createdAt: string(),
    finishedAt: string().optional(),
  }),
  computeKey: ({ runId }) => ({ pk: `SETTLE_RUN#${runId}`, sk: 'RUN' }),
});

/** A unit of a run that is done: written with the run's counters in one transaction, so a redelivered message counts once. */
export const SettlementRunUnitEntity = new Entity({
  name: 'SettlementRunUnit',
  table,
  timestamps: false,
  schema: item({
    runId: string().key(),
    unit: string().key(),
    voucherCount: number(),
    amountFen: number(),
    at: string(),
  }),
  computeKey: ({ runId, unit }) => ({ pk: `SETTLE_RUN#${runId}`, sk: `UNIT#${unit}` }),
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

const heldConsent = () => map({ version: string(), at: string(), channel: string().enum('weapp', 'h5') }).optional();

/**
 * The consents a person holds now, one item so the check before a personal write is one GetItem:
 * per purpose the version of the guide it was given to, when, and through which channel.
 */
export const ConsentsEntity = new Entity({
  name: 'Consents',
  table,
  timestamps: false,
  schema: item({
    userId: string().key(),
    privacy: heldConsent(),
    id_number: heldConsent(),
    hardship_evidence: heldConsent(),
    bank_account: heldConsent(),
    /** Set while the person has asked to close the account (the cooling-off); personal writes are refused meanwhile. */
    closing: map({ requestedAt: string(), eraseAfter: string() }).optional(),
    /** Set when the erasure run has begun: from then on the request can no longer be cancelled. */
    erasingAt: string().optional(),
    /** Set when the account has been erased: what is left of it is this mark and the consent log. */
    erasedAt: string().optional(),
    updatedAt: string(),
  }),
  computeKey: ({ userId }) => ({ pk: `USER#${userId}`, sk: 'CONSENTS' }),
});

/** An account waiting for its erasure, filed by the day its cooling-off ends, for the daily erasure run. */
export const ErasureDueEntity = new Entity({
  name: 'ErasureDue',
  table,
  timestamps: false,
  schema: item({
    eraseAfter: string().key(),
    userId: string().key(),
    requestedAt: string(),
  }),
  computeKey: ({ eraseAfter, userId }) => ({ pk: 'ERASURES_DUE', sk: `${eraseAfter}#${userId}` }),
});

/** Every consent given or withdrawn, kept as it happened (PIPL: proof of consent), in time order. */
export const ConsentEventEntity = new Entity({
  name: 'ConsentEvent',
  table,
  timestamps: false,
  schema: item({
    userId: string().key(),
    eventId: string().key(),
    purpose: string(),
    /** A consent given or withdrawn; or, with purpose `account`, the account's closing asked, cancelled or done. */
    action: string().enum('given', 'withdrawn', 'deletion_requested', 'deletion_cancelled', 'erased'),
    version: string(),
    channel: string().optional(),
    at: string(),
  }),
  computeKey: ({ userId, eventId }) => ({ pk: `USER#${userId}`, sk: `CONSENTLOG#${eventId}` }),
});
