// Subsidies' items (functions/src/db/README.md has their access patterns): the programme and its
// budget; an application, the months it claims of a person's subsidy (one item a month, so no
// month is paid twice) and their count (the longest period); the programme's ledger row of each
// application the budget pays for (what reconciliation adds up); the public notice and its lines;
// an objection; a payment and its lines.
import { Entity } from 'dynamodb-toolbox/entity';
import { item } from 'dynamodb-toolbox/schema/item';
import { string } from 'dynamodb-toolbox/schema/string';
import { number } from 'dynamodb-toolbox/schema/number';
import { list } from 'dynamodb-toolbox/schema/list';
import { map } from 'dynamodb-toolbox/schema/map';
import { boolean } from 'dynamodb-toolbox/schema/boolean';
import { SUBSIDY_STAGES } from '@doorstep/shared';
import { table } from '../db/table';

export const SUBSIDY_PROGRAMMES_PARTITION = 'SUBPROGS';
export const SUBSIDY_NOTICES_PARTITION = 'SUBNOTICES';

const branch = () => map({ groups: list(string()), employmentKinds: list(string()).optional(), maxMonths: number() });

/** A subsidy programme (补贴项目). Few: GSI1 `SUBPROGS` lists them all. */
export const SubsidyProgrammeEntity = new Entity({
  name: 'SubsidyProgramme',
  table,
  timestamps: false,
  schema: item({
    programmeId: string().key(),
    name: string(),
    kind: string(),
    areaCode: string(),
    areaName: string(),
    branches: list(branch()),
    amount: map({ mode: string().enum('fixed', 'per_month', 'share'), amountFen: number().optional(), shareBp: number().optional(), capFen: number().optional() }),
    maxMonths: number().optional(),
    evidence: list(map({ code: string(), label: string() })),
    siteCheck: boolean(),
    budgetFen: number(),
    applyFrom: string(),
    applyUntil: string(),
    noticeDays: number(),
    noticeWorkingDays: boolean(),
    ruleVersion: string(),
    status: string().enum('pending_approval', 'approved', 'withdrawn'),
    createdBy: string(),
    createdAt: string(),
    approvedBy: string().optional(),
    approvedAt: string().optional(),
    withdrawnReason: string().optional(),
    /** 追加预算 asked by the district, waiting for finance (one at a time). */
    topUp: map({ addFen: number(), reason: string(), by: string(), at: string() }).optional(),
    updatedAt: string(),
    version: number(),
    auditHead: string(),
    gsi1pk: string(),
    gsi1sk: string(),
  }),
  computeKey: ({ programmeId }) => ({ pk: `SUBPROG#${programmeId}`, sk: 'PROGRAMME' }),
});

/** What is left of the budget after the district's approvals: an approval takes its amount under `leftFen >= amount`. */
export const SubsidyBudgetEntity = new Entity({
  name: 'SubsidyBudget',
  table,
  timestamps: false,
  schema: item({ programmeId: string().key(), budgetFen: number(), leftFen: number() }),
  computeKey: ({ programmeId }) => ({ pk: `SUBPROG#${programmeId}`, sk: 'BUDGET' }),
});

/**
 * One application, with its steps. GSI1: the programme's queue of a stage, by community
 * (`SUBQ#<programmeId>#<stage>` / `<community>#<createdAt>#<id>`: a street's or a district's part is
 * one `begins_with` Query); GSI2: the applicant's own (`USER_SUBAPPS#<userId>`).
 */
export const SubsidyApplicationEntity = new Entity({
  name: 'SubsidyApplication',
  table,
  timestamps: false,
  schema: item({
    applicationId: string().key(),
    programmeId: string(),
    programmeName: string(),
    kind: string(),
    userId: string(),
    personName: string(),
    idNumberMasked: string(),
    /** The community the person lives in (12 digits). */
    areaCode: string(),
    months: list(string()),
    contributionFenPerMonth: number().optional(),
    amountFen: number(),
    evidence: list(map({ code: string(), key: string() })),
    accountMasked: string(),
    bankName: string(),
    stage: string().enum(...SUBSIDY_STAGES),
    reason: string().optional(),
    waitingForBudget: boolean().optional(),
    siteCheck: map({ checkedAt: string(), place: string(), photoKey: string(), finding: string(), by: string() }).optional(),
    ruleVersion: string(),
    steps: list(map({ at: string(), stage: string(), by: string(), reason: string().optional() })),
    districtDueOn: string().optional(),
    districtTaskId: string().optional(),
    noticeId: string().optional(),
    lineNo: number().optional(),
    paymentId: string().optional(),
    paidAt: string().optional(),
    /** R21: the unit that applied for the person it placed (its list: SubsidyUnitRef), who applied, the post and placement. */
    employerId: string().optional(),
    unitName: string().optional(),
    appliedBy: string().optional(),
    postId: string().optional(),
    caseId: string().optional(),
    createdAt: string(),
    updatedAt: string(),
    version: number(),
    auditHead: string(),
    gsi1pk: string(),
    gsi1sk: string(),
    gsi2pk: string(),
    gsi2sk: string(),
  }),
  computeKey: ({ applicationId }) => ({ pk: `SUBAPP#${applicationId}`, sk: 'APPLICATION' }),
});

/** Where the money of an application goes: the person's own account, or the unit's (R21). */
export const payeeOf = (a: { userId: string; employerId?: string }) => (a.employerId ? `EMPLOYER#${a.employerId}` : a.userId);

/** A unit's applications, newest last: `SUBUNIT#<employerId>` / `APP#<createdAt>#<applicationId>` (the application's GSI2 is the person's). */
export const SubsidyUnitRefEntity = new Entity({
  name: 'SubsidyUnitRef',
  table,
  timestamps: false,
  schema: item({
    employerId: string().key(),
    createdAt: string().key(),
    applicationId: string().key(),
  }),
  computeKey: ({ employerId, createdAt, applicationId }) => ({ pk: `SUBUNIT#${employerId}`, sk: `APP#${createdAt}#${applicationId}` }),
});

export const subsidyQueueKeys = (programmeId: string, stage: string, areaCode: string, createdAt: string, applicationId: string) => ({
  gsi1pk: `SUBQ#${programmeId}#${stage}`,
  gsi1sk: `${areaCode}#${createdAt}#${applicationId}`,
});

/** A month of a person's subsidy, claimed by one application (`attribute_not_exists`). One-off subsidies claim `ONCE`. */
export const SubsidyMonthEntity = new Entity({
  name: 'SubsidyMonth',
  table,
  timestamps: false,
  schema: item({ kind: string().key(), userId: string().key(), month: string().key(), applicationId: string() }),
  computeKey: ({ kind, userId, month }) => ({ pk: `SUBCLAIM#${kind}#${userId}`, sk: `MONTH#${month}` }),
});

/** How many months of a subsidy a person holds in live applications: the longest period is a condition on it. */
export const SubsidyPeriodEntity = new Entity({
  name: 'SubsidyPeriod',
  table,
  timestamps: false,
  schema: item({ kind: string().key(), userId: string().key(), months: number() }),
  computeKey: ({ kind, userId }) => ({ pk: `SUBCLAIM#${kind}#${userId}`, sk: 'PERIOD' }),
});

/**
 * The programme's ledger: a row for each application from its district approval on, moved with it
 * stage by stage in the same transactions; reconciliation adds the rows up against the budget.
 */
export const SubsidyLedgerRowEntity = new Entity({
  name: 'SubsidyLedgerRow',
  table,
  timestamps: false,
  schema: item({ programmeId: string().key(), applicationId: string().key(), amountFen: number(), stage: string(), month: string() }),
  computeKey: ({ programmeId, applicationId }) => ({ pk: `SUBPROG#${programmeId}`, sk: `LEDGER#${applicationId}` }),
});

/** A public notice (公示). GSI1 `SUBNOTICES` / `<publishedOn>#<id>`: the public list. */
export const SubsidyNoticeEntity = new Entity({
  name: 'SubsidyNotice',
  table,
  timestamps: false,
  schema: item({
    noticeId: string().key(),
    programmeId: string(),
    title: string(),
    subsidyName: string(),
    areaCode: string(),
    areaName: string(),
    status: string().enum('publishing', 'open', 'ending', 'ended'),
    publishedOn: string(),
    endsOn: string(),
    lineCount: number(),
    amountFen: number(),
    contactPhone: string(),
    openObjections: number(),
    /** Parts of the roster (0 until planned), parts moved onto it, the last line number given. */
    parts: number(),
    partsDone: number(),
    lastLine: number().optional(),
    /** Parts cleared after the last day (SubsidyNoticeEndPart); all done → ended. */
    endPartsDone: number(),
    /** The latest payment; `building` while one is being built (one at a time). */
    paymentId: string().optional(),
    building: string().optional(),
    publishedBy: string(),
    createdAt: string(),
    updatedAt: string(),
    gsi1pk: string(),
    gsi1sk: string(),
  }),
  computeKey: ({ noticeId }) => ({ pk: `SUBNOTICE#${noticeId}`, sk: 'NOTICE' }),
});

/** A part of a notice's roster, moved and counted once: `SUBNOTICE#<id>` / `PART#<n>`. */
export const SubsidyNoticePartEntity = new Entity({
  name: 'SubsidyNoticePart',
  table,
  timestamps: false,
  schema: item({ noticeId: string().key(), part: number().key(), listed: number(), amountFen: number(), doneAt: string() }),
  computeKey: ({ noticeId, part }) => ({ pk: `SUBNOTICE#${noticeId}`, sk: `PART#${String(part).padStart(4, '0')}` }),
});

/** A part of a notice cleared after its last day, counted once: `SUBNOTICE#<id>` / `ENDPART#<n>`. */
export const SubsidyNoticeEndPartEntity = new Entity({
  name: 'SubsidyNoticeEndPart',
  table,
  timestamps: false,
  schema: item({ noticeId: string().key(), part: number().key(), lines: number(), doneAt: string() }),
  computeKey: ({ noticeId, part }) => ({ pk: `SUBNOTICE#${noticeId}`, sk: `ENDPART#${String(part).padStart(4, '0')}` }),
});

/** A notice's line: what the public sees (masked), and the application it stands for. */
export const SubsidyNoticeLineEntity = new Entity({
  name: 'SubsidyNoticeLine',
  table,
  timestamps: false,
  schema: item({
    noticeId: string().key(),
    lineNo: number().key(),
    applicationId: string(),
    communityName: string(),
    maskedName: string(),
    subsidyName: string(),
    months: string(),
    amountFen: number(),
    held: boolean(),
  }),
  computeKey: ({ noticeId, lineNo }) => ({ pk: `SUBNOTICE#${noticeId}`, sk: `LINE#${String(lineNo).padStart(6, '0')}` }),
});

/** An objection (反映问题) to a line. GSI1 `SUBNOTICE_OBJ#<noticeId>` / `<receivedAt>#<id>`. */
export const SubsidyObjectionEntity = new Entity({
  name: 'SubsidyObjection',
  table,
  timestamps: false,
  schema: item({
    objectionId: string().key(),
    noticeId: string(),
    lineNo: number(),
    applicationId: string(),
    what: string(),
    contact: string(),
    status: string().enum('open', 'upheld', 'dismissed'),
    taskId: string(),
    receivedAt: string(),
    resolvedAt: string().optional(),
    resolvedBy: string().optional(),
    resolution: string().optional(),
    gsi1pk: string(),
    gsi1sk: string(),
  }),
  computeKey: ({ objectionId }) => ({ pk: `SUBOBJ#${objectionId}`, sk: 'OBJECTION' }),
});

/** A payment finance approved for a notice's cleared lines (and re-sent failed ones). */
export const SubsidyPaymentEntity = new Entity({
  name: 'SubsidyPayment',
  table,
  timestamps: false,
  schema: item({
    paymentId: string().key(),
    noticeId: string(),
    programmeId: string(),
    programmeName: string(),
    areaCode: string(),
    status: string().enum('building', 'approved'),
    /** Parts of the notice it is built from, and parts done (each counted once: SubsidyPaymentPart). */
    parts: number(),
    partsDone: number(),
    lineCount: number(),
    amountFen: number(),
    paidFen: number(),
    failedFen: number(),
    approvedBy: string(),
    approvedAt: string(),
    fileSha256: string().optional(),
    version: number(),
    auditHead: string(),
  }),
  computeKey: ({ paymentId }) => ({ pk: `SUBPAY#${paymentId}`, sk: 'PAYMENT' }),
});

/** A part of a payment built and counted once: `SUBPAY#<id>` / `PART#<n>`. */
export const SubsidyPaymentPartEntity = new Entity({
  name: 'SubsidyPaymentPart',
  table,
  timestamps: false,
  schema: item({ paymentId: string().key(), part: number().key(), lines: number(), doneAt: string() }),
  computeKey: ({ paymentId, part }) => ({ pk: `SUBPAY#${paymentId}`, sk: `PART#${String(part).padStart(4, '0')}` }),
});

/** A payment's line: one application, the account it goes to (sealed), its bank result. */
export const SubsidyPaymentLineEntity = new Entity({
  name: 'SubsidyPaymentLine',
  table,
  timestamps: false,
  schema: item({
    paymentId: string().key(),
    applicationId: string().key(),
    payeeName: string(),
    accountCipher: string().optional(),
    accountMasked: string(),
    bankName: string(),
    amountFen: number(),
    status: string().enum('sent', 'paid', 'failed'),
    reason: string().optional(),
  }),
  computeKey: ({ paymentId, applicationId }) => ({ pk: `SUBPAY#${paymentId}`, sk: `LINE#${applicationId}` }),
});
