// What a staff decision changes on a person application. Unemployment: the street decides, and
// approval opens `registered_unemployed` from the leaving date. Hard-to-employ: the street's
// approval forwards it to the district (a new review in the same transaction); the district's
// approval opens `hard_to_employ` and the person's assistance case. Final decisions close the
// "one in progress" marker.
import { DeleteTransaction } from 'dynamodb-toolbox/entity/actions/transactDelete';
import { PutTransaction } from 'dynamodb-toolbox/entity/actions/transactPut';
import { ulid } from 'ulid';
import { hardshipCategoryRule, rulesVersion, todayInChina, type ApplicationStatus, type HardshipCategory } from '@doorstep/shared';
import { formatAuditHead, nextAuditEvent, parseAuditHead } from '../audit/events';
import { OpenApplicationEntity, PersonApplicationEntity, PersonCategoryEntity } from '../db/entities';
import { ConflictError, NotFoundError } from '../http/errors';
import { newReview, type Decision } from '../reviews/queue';
import { APPLICATION_RECORD, loadApplication, type StoredApplication } from './service';
import { activeCategory, loadCategories, notOpen } from './categories';
import { openCaseWrites, unemployedAgainWrites } from '../assistance/cases';
import { memberWorkWrites } from '../households/service';

const STEP_STATUS = { street: 'pending_street', district: 'pending_district' } as const;

export async function applicationDecision({ review, status, actorId, at, reason, ruleVersion }: Decision) {
  const application = await loadApplication(review.subjectId);
  if (!application) throw new NotFoundError('找不到这条申请');
  if (application.status !== STEP_STATUS[review.step]) throw new ConflictError('这条申请已经处理过了');

  const forward = status === 'approved' && application.kind === 'hardship' && review.step === 'street';
  const next: ApplicationStatus = forward ? 'pending_district' : status;
  const audit = nextAuditEvent(parseAuditHead(application.auditHead), {
    recordType: APPLICATION_RECORD,
    recordId: application.applicationId,
    actorId,
    at,
    action: status === 'approved' ? 'approve' : 'reject',
    fromState: application.status,
    toState: next,
    ...(reason ? { reason } : {}),
  });
  const writes = [
    PersonApplicationEntity.build(PutTransaction)
      .item({ ...application, status: next, updatedAt: at, version: application.version + 1, auditHead: formatAuditHead(audit.head) })
      .options({ condition: { and: [{ attr: 'version', eq: application.version }, { attr: 'status', eq: application.status }] } }),
    audit.put,
  ];
  if (forward) {
    return [
      ...writes,
      ...newReview({
        reviewId: ulid(),
        type: 'hardship',
        subjectId: application.applicationId,
        subjectName: review.subjectName,
        personId: application.userId,
        assisted: review.assisted ?? false,
        areaCode: application.areaCode,
        step: 'district',
        createdAt: at,
      }),
    ];
  }
  const close = OpenApplicationEntity.build(DeleteTransaction).key({ userId: application.userId, kind: application.kind });
  if (status === 'rejected') return [...writes, close];
  return [...writes, close, ...(await categoryWrites(application, at, ruleVersion, review.subjectName))];
}

async function categoryWrites(application: StoredApplication, at: string, ruleVersion: string, personName: string) {
  const details = JSON.parse(application.detailsJson) as { leftOn?: string; category?: HardshipCategory };
  const today = todayInChina();
  const common = { userId: application.userId, source: 'review' as const, applicationId: application.applicationId, ruleVersion, updatedAt: at };
  if (application.kind === 'hardship') {
    if (!details.category) throw new Error(`hardship application ${application.applicationId} has no category`);
    const label = hardshipCategoryRule(rulesVersion(application.ruleVersion), details.category).label;
    return [
      PersonCategoryEntity.build(PutTransaction)
        .item({ ...common, code: 'hard_to_employ', since: today, detail: label })
        .options({ condition: notOpen() }),
      // 出现一人，认定一人，扶助一人: the assistance case opens with the recognition (issue 31).
      ...openCaseWrites({ userId: application.userId, personName, areaCode: application.areaCode, applicationId: application.applicationId, at }),
    ];
  }
  // Unemployment: registered unemployed from the leaving date (today for a first-time job seeker).
  const since = details.leftOn ?? today;
  const employed = activeCategory(await loadCategories(application.userId), 'employed', today);
  return [
    PersonCategoryEntity.build(PutTransaction)
      .item({ ...common, code: 'registered_unemployed', since })
      .options({ condition: notOpen() }),
    ...(employed
      ? [PersonCategoryEntity.build(PutTransaction).item({ ...employed, until: since, updatedAt: at }).options({ condition: { attr: 'until', exists: false } })]
      : []),
    // 就业援助: unemployed again, a placed person's case re-opens (issue 31).
    ...(await unemployedAgainWrites(application.userId, since, new Date(at))),
    // 零就业家庭: the last member in work out of it puts the household back at zero (动态清零).
    ...(await memberWorkWrites(application.userId, 'unemployed', new Date(at))),
  ];
}
