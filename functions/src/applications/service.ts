// Person applications: unemployment registration → street review; employment registration,
// recorded at once (it ends the unemployed status); hard-to-employ recognition → street first
// review → district confirmation. Eligibility comes from the versioned person rules, and each
// application and decision stores the version it used.
import { GetItemCommand } from 'dynamodb-toolbox/entity/actions/get';
import { PutTransaction } from 'dynamodb-toolbox/entity/actions/transactPut';
import { execute } from 'dynamodb-toolbox/entity/actions/transactWrite';
import { QueryCommand } from 'dynamodb-toolbox/table/actions/query';
import type { FormattedItem } from 'dynamodb-toolbox/entity';
import { ulid } from 'ulid';
import {
  applicationSchema,
  hardshipCategoryRule,
  inJurisdiction,
  isOverAge,
  isWorkingAge,
  monthsBetween,
  rulesOn,
  rulesVersion,
  todayInChina,
  uploadOwner,
  workingAgeMessage,
  type Application,
  type ApplicationKind,
  type ApplicationStatus,
  type EmploymentBody,
  type HardshipBody,
  type UnemploymentBody,
} from '@doorstep/shared';
import { employmentRegisteredWrites } from '../assistance/cases';
import { memberWorkWrites } from '../households/service';
import { areaFullName } from '../areas/dataset';
import { formatAuditHead, nextAuditEvent } from '../audit/events';
import { readAuditEvents } from '../audit/events';
import {
  JobseekerRegistrationEntity,
  OpenApplicationEntity,
  PersonApplicationEntity,
  PersonCategoryEntity,
  personApplicationIndexKeys,
} from '../db/entities';
import { cancelledTransaction } from '../db/errors';
import { table } from '../db/table';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../http/errors';
import type { Principal } from '../http/session';
import { newReview } from '../reviews/queue';
import { activeCategory, loadCategories, notOpen } from './categories';

export type StoredApplication = FormattedItem<typeof PersonApplicationEntity>;
type StoredRegistration = FormattedItem<typeof JobseekerRegistrationEntity>;

export const APPLICATION_RECORD = 'PersonApplication';

interface Filing {
  personId: string;
  actorId: string;
  assisted: boolean;
  registration: StoredRegistration;
}

/**
 * Who files and for whom. A citizen files for themself; community staff may file for a person
 * of their community (assisted mode). A person outside their community is 404, as if unknown.
 */
async function filing(principal: Principal, onBehalfOf: string | undefined): Promise<Filing> {
  const assisted = onBehalfOf !== undefined && onBehalfOf !== principal.userId;
  if (assisted && !(principal.roles.includes('staff') && principal.level === 'community')) {
    throw new ForbiddenError('只有社区工作人员可以代办');
  }
  const personId = assisted ? onBehalfOf : principal.userId;
  const { Item: registration } = await JobseekerRegistrationEntity.build(GetItemCommand)
    .key({ userId: personId })
    .options({ consistent: true })
    .send();
  if (assisted && (!registration || !inJurisdiction(registration.residence.areaCode, principal.level, principal.areaCode))) {
    throw new NotFoundError('找不到这个人员');
  }
  if (!registration) throw new ConflictError('请先填写求职登记（个人基本信息），再办理这项申请');
  return { personId, actorId: principal.userId, assisted, registration };
}

function checkEvidenceOwners(keys: readonly string[], f: Filing): void {
  keys.forEach((key, i) => {
    if (uploadOwner(key) !== f.personId && uploadOwner(key) !== f.actorId) {
      throw new ValidationError([{ path: ['evidenceKeys', i], message: '证明材料图片无效，请重新上传' }]);
    }
  });
}

function checkWorkingAge(f: Filing, today: string) {
  const rules = rulesOn(today);
  if (!isWorkingAge(rules, f.registration.birthDate, f.registration.gender, today)) {
    throw new ValidationError([{ path: [], message: workingAgeMessage(rules, f.registration.gender) }], workingAgeMessage(rules, f.registration.gender));
  }
  return rules;
}

interface NewApplication {
  kind: ApplicationKind;
  status: ApplicationStatus;
  details: Record<string, unknown>;
  evidenceKeys: string[];
  ruleVersion: string;
}

/** The application, its first audit event, and (for reviewed kinds) the open marker and the street review. */
function applicationWrites(f: Filing, a: NewApplication, now: string) {
  const applicationId = ulid();
  const audit = nextAuditEvent(undefined, {
    recordType: APPLICATION_RECORD,
    recordId: applicationId,
    actorId: f.actorId,
    at: now,
    action: a.status === 'recorded' ? 'record' : f.assisted ? 'submit_assisted' : 'submit',
    fromState: 'none',
    toState: a.status,
  });
  const item = {
    applicationId,
    userId: f.personId,
    kind: a.kind,
    status: a.status,
    areaCode: f.registration.residence.areaCode,
    detailsJson: JSON.stringify(a.details),
    evidenceKeys: a.evidenceKeys,
    ...(f.assisted ? { assistedBy: f.actorId } : {}),
    ruleVersion: a.ruleVersion,
    createdAt: now,
    updatedAt: now,
    version: 1,
    auditHead: formatAuditHead(audit.head),
    gsi1pk: `APPLICATION#${f.registration.residence.areaCode.slice(0, 6)}`,
    gsi1sk: `${f.registration.residence.areaCode}#${applicationId}`,
    ...personApplicationIndexKeys(f.personId, now, applicationId),
  };
  const writes = [
    PersonApplicationEntity.build(PutTransaction).item(item).options({ condition: { attr: 'applicationId', exists: false } }),
    audit.put,
  ];
  const reviewed =
    a.status === 'pending_street'
      ? [
          // One application of a kind in progress at a time: the marker's condition decides.
          OpenApplicationEntity.build(PutTransaction)
            .item({ userId: f.personId, kind: a.kind, applicationId, createdAt: now })
            .options({ condition: { attr: 'userId', exists: false } }),
          ...newReview({
            reviewId: ulid(),
            type: a.kind as 'unemployment' | 'hardship',
            subjectId: applicationId,
            subjectName: f.registration.name,
            personId: f.personId,
            assisted: f.assisted,
            areaCode: f.registration.residence.areaCode,
            step: 'street',
            createdAt: now,
          }),
        ]
      : [];
  return { item, writes: [...writes, ...reviewed] };
}

async function submitReviewed(f: Filing, a: NewApplication, now: string): Promise<Application> {
  const { item, writes } = applicationWrites(f, a, now);
  try {
    await execute(...writes);
  } catch (err) {
    if (cancelledTransaction(err)?.conditionFailed[2]) throw new ConflictError('已有一份同类申请正在办理，请等待审核结果');
    throw err;
  }
  return toApplicationView(item);
}

export async function submitUnemployment(principal: Principal, body: UnemploymentBody): Promise<Application> {
  const f = await filing(principal, body.onBehalfOf);
  checkEvidenceOwners(body.evidenceKeys, f);
  const today = todayInChina();
  const rules = checkWorkingAge(f, today);
  const categories = await loadCategories(f.personId);
  if (activeCategory(categories, 'registered_unemployed', today)) throw new ConflictError('已是登记失业人员，无需重复登记');
  const employed = activeCategory(categories, 'employed', today);
  if (employed && body.leftOn && body.leftOn < employed.since) {
    throw new ValidationError([{ path: ['leftOn'], message: `离职日期早于您登记的就业日期（${employed.since}）` }]);
  }
  const { onBehalfOf: _o, evidenceKeys, ...details } = body;
  return submitReviewed(f, { kind: 'unemployment', status: 'pending_street', details, evidenceKeys, ruleVersion: rules.version }, new Date().toISOString());
}

export async function submitHardship(principal: Principal, body: HardshipBody): Promise<Application> {
  const f = await filing(principal, body.onBehalfOf);
  checkEvidenceOwners(body.evidenceKeys, f);
  const today = todayInChina();
  const rules = rulesOn(today);
  const rule = hardshipCategoryRule(rules, body.category);
  const categories = await loadCategories(f.personId);
  if (activeCategory(categories, 'hard_to_employ', today)) throw new ConflictError('已认定为就业困难人员');
  // R12: only registered unemployed persons may apply.
  const unemployed = activeCategory(categories, 'registered_unemployed', today);
  if (!unemployed) throw new ConflictError('须先办理失业登记，成为登记失业人员后才能申请就业困难人员认定');
  if (body.evidenceKeys.length < rule.evidence.length) {
    throw new ValidationError([{ path: ['evidenceKeys'], message: `请上传：${rule.evidence.map((e) => e.label).join('、')}` }]);
  }
  if (rule.check === 'over_age' && !isOverAge(rules, f.registration.birthDate, f.registration.gender, today)) {
    throw new ValidationError([{ path: ['category'], message: `${rule.label}须${rule.description}` }]);
  }
  if (rule.check === 'long_term_unemployed' && monthsBetween(unemployed.since, today) < rules.longTermUnemployedMonths) {
    throw new ValidationError([{ path: ['category'], message: `${rule.label}须${rule.description}，您自${unemployed.since}起登记失业` }]);
  }
  const details = { category: body.category, note: body.note };
  return submitReviewed(f, { kind: 'hardship', status: 'pending_street', details, evidenceKeys: body.evidenceKeys, ruleVersion: rules.version }, new Date().toISOString());
}

/** Employment registration is recorded at once: it opens `employed` and ends `registered_unemployed`. */
export async function registerEmployment(principal: Principal, body: EmploymentBody): Promise<Application> {
  const f = await filing(principal, body.onBehalfOf);
  const today = todayInChina();
  const rules = checkWorkingAge(f, today);
  const categories = await loadCategories(f.personId);
  const employed = activeCategory(categories, 'employed', today);
  if (employed) throw new ConflictError(`您已登记就业（自${employed.since}起）。如已离职，请先办理失业登记`);
  const unemployed = activeCategory(categories, 'registered_unemployed', today);
  if (unemployed && body.startedOn < unemployed.since) {
    throw new ValidationError([{ path: ['startedOn'], message: `开始工作日期早于您的失业登记日期（${unemployed.since}）` }]);
  }
  const now = new Date().toISOString();
  const { onBehalfOf: _o, ...details } = body;
  const { item, writes } = applicationWrites(f, { kind: 'employment', status: 'recorded', details, evidenceKeys: [], ruleVersion: rules.version }, now);
  const common = { userId: f.personId, source: 'declared' as const, applicationId: item.applicationId, ruleVersion: rules.version, updatedAt: now };
  try {
    await execute(
      ...writes,
      // 就业援助: a person with an open case is placed, and followed up from here (issue 31).
      ...(await employmentRegisteredWrites(f.personId, body.startedOn, new Date(now))),
      // 零就业家庭: a member in work takes the household off zero.
      ...(await memberWorkWrites(f.personId, 'employed', new Date(now))),
      PersonCategoryEntity.build(PutTransaction)
        // The kind (unit, flexible, self-employed): what subsidy rules read (issue 32).
        .item({ ...common, code: 'employed', since: body.startedOn, detail: body.employmentKind })
        // A racing second registration finds the category open and fails.
        .options({ condition: notOpen() }),
      ...(unemployed
        ? [
            PersonCategoryEntity.build(PutTransaction)
              .item({ ...unemployed, until: body.startedOn, updatedAt: now })
              .options({ condition: { attr: 'until', exists: false } }),
          ]
        : []),
    );
  } catch (err) {
    if (cancelledTransaction(err)) throw new ConflictError('就业状态刚刚发生变化，请刷新后再试');
    throw err;
  }
  return toApplicationView(item);
}

const TIMELINE_LABELS: Record<string, string> = {
  'submit:pending_street': '提交申请，等待街道审核',
  'submit_assisted:pending_street': '社区工作人员代为提交，等待街道审核',
  'record:recorded': '已登记',
  'approve:pending_district': '街道初审通过，等待区级确认',
  'approve:approved': '审核通过',
  'reject:rejected': '未通过',
};

export async function toApplicationView(item: StoredApplication): Promise<Application> {
  const events = await readAuditEvents(APPLICATION_RECORD, item.applicationId);
  const details = JSON.parse(item.detailsJson) as Record<string, unknown>;
  // The labels of the rules the application was checked against, not today's.
  const rules = rulesVersion(item.ruleVersion);
  const extra =
    item.kind === 'hardship'
      ? { categoryLabel: hardshipCategoryRule(rules, details.category as HardshipBody['category']).label }
      : item.kind === 'employment'
        ? { workAreaName: areaFullName(String(details.workAreaCode)) }
        : {};
  return applicationSchema.parse({
    id: item.applicationId,
    personId: item.userId,
    kind: item.kind,
    status: item.status,
    areaCode: item.areaCode,
    assisted: item.assistedBy !== undefined,
    ruleVersion: item.ruleVersion,
    createdAt: item.createdAt,
    updatedAt: item.updatedAt,
    evidence: item.evidenceKeys.map((key) => ({ key })),
    details: { ...details, ...extra },
    timeline: events.map((e) => ({
      at: e.at,
      label: TIMELINE_LABELS[`${e.action}:${e.toState}`] ?? e.action,
      status: e.toState,
      ...(e.reason ? { reason: e.reason } : {}),
    })),
  });
}

export async function listApplications(userId: string): Promise<Application[]> {
  const { Items = [] } = await table
    .build(QueryCommand)
    .entities(PersonApplicationEntity)
    .query({ index: 'gsi2', partition: `USER_APPS#${userId}` })
    .options({ reverse: true, limit: 50 })
    .send();
  return Promise.all(Items.map(toApplicationView));
}

export async function loadApplication(applicationId: string): Promise<StoredApplication | undefined> {
  const { Item } = await PersonApplicationEntity.build(GetItemCommand).key({ applicationId }).options({ consistent: true }).send();
  return Item;
}
