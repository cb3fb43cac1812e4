// R21 (domain.md §4.5): a unit that placed hard-to-employ people in its public-welfare posts applies
// for the post subsidy for each of them, from 我的单位 on its phone. What it may claim comes from
// the placement: the post must be the unit's and confirmed by the district, the person must hold
// the rule's group, the months must fall within the placement's term. The months are the person's
// (two units, or a unit and a replay, cannot claim one month twice); the money goes to the unit's
// account. The application then goes through the same review, notice and payment as a person's.
import { GetItemCommand } from 'dynamodb-toolbox/entity/actions/get';
import { QueryCommand } from 'dynamodb-toolbox/table/actions/query';
import { maskName, monthsText, subsidyApplicant, todayInChina, type SubsidyApplication, type SubsidyKind, type UnitSubsidyApplicationBody } from '@doorstep/shared';
import { decodeTableCursor, encodeKeyCursor } from '../db/cursor';
import { EmployerEntity, EmployerMemberEntity } from '../db/entities';
import { table } from '../db/table';
import { NotFoundError, RuleError, ValidationError } from '../http/errors';
import type { RecordAnswer } from '../http/idempotency';
import type { Principal } from '../http/session';
import { WelfarePlacementEntity, WelfarePostEntity } from '../welfarePosts/entities';
import { placementsOf, unitPostsOf } from '../welfarePosts/reads';
import { claimedMonths, judge, loadApplication, openProgramme, personOf, submitClaim, toApplicationView, type Person, type StoredSubsidyApplication } from './applications';
import { SubsidyUnitRefEntity } from './entities';
import { allSubsidyProgrammes, programmeOpen, toProgrammeView } from './programmes';

/** The unit, for one of its members (an approved unit only: a unit under review has no posts to claim for). */
async function memberUnit(principal: Principal, employerId: string) {
  const [{ Item: member }, { Item: employer }] = await Promise.all([
    EmployerMemberEntity.build(GetItemCommand).key({ employerId, userId: principal.userId }).send(),
    EmployerEntity.build(GetItemCommand).key({ employerId }).send(),
  ]);
  if (!member || !employer) throw new NotFoundError('找不到这个单位');
  return employer;
}

/** The unit's confirmed posts and the people placed in them. */
async function unitPlacements(employerId: string) {
  const confirmed = (await unitPostsOf(employerId)).filter((p) => p.status === 'confirmed');
  const placed = await Promise.all(confirmed.map(async (post) => (await placementsOf(post.postId)).map((placement) => ({ post, placement }))));
  return placed.flat();
}

/** The person as R21 reads them: in unit employment for as long as the placement stands, where the post is. */
const placedPerson = (person: Person, postAreaCode: string): Person => ({ ...person, areaCode: postAreaCode, employmentKind: 'unit' });

/** Months outside the placement's term, in words, or nothing. */
function outsideTerm(months: readonly string[], from: string, until: string): string | undefined {
  const outside = months.filter((m) => m < from.slice(0, 7) || m > until.slice(0, 7));
  return outside.length ? `${monthsText(outside)}不在这位人员的上岗期间（${from}至${until}）` : undefined;
}

/** Per open welfare-post programme of the unit's area: each placed person, 可以申请 or 还差什么. */
export async function unitOffersOf(principal: Principal, employerId: string) {
  await memberUnit(principal, employerId);
  const today = todayInChina();
  const placements = await unitPlacements(employerId);
  const programmes = (await allSubsidyProgrammes()).filter((p) => subsidyApplicant(p.kind as SubsidyKind) === 'employer' && programmeOpen(p, today));
  // Each person once (one may hold seats in two posts), all at once.
  const userIds = [...new Set(placements.map(({ placement }) => placement.userId))];
  const [found, months] = await Promise.all([Promise.all(userIds.map((u) => personOf(u, today))), Promise.all(userIds.map((u) => claimedMonths('welfare_post', u)))]);
  const people = new Map(userIds.map((u, i) => [u, found[i]]));
  const claimed = new Map(userIds.map((u, i) => [u, months[i]!]));
  return {
    items: programmes
      .map((p) => ({
        programme: toProgrammeView(p),
        placements: placements
          .filter(({ post }) => post.areaCode.startsWith(p.areaCode))
          .map(({ post, placement }) => {
            const person = people.get(placement.userId);
            const months = claimed.get(placement.userId) ?? [];
            const check = person ? judge(p, placedPerson(person, post.areaCode), months.length, 'unit') : { ok: false, reasons: [], missing: ['这位人员还没有求职登记，请社区先为其登记'], monthsLeft: 0 };
            return {
              postId: post.postId,
              postTitle: post.title,
              caseId: placement.caseId,
              personMasked: maskName(placement.personName),
              from: placement.from,
              until: placement.until,
              ok: check.ok,
              reasons: check.reasons,
              missing: check.missing,
              monthsLeft: check.monthsLeft,
              monthsClaimed: months,
            };
          }),
      }))
      .filter((o) => o.placements.length),
  };
}

export async function applyAsUnit(principal: Principal, employerId: string, body: UnitSubsidyApplicationBody, record: RecordAnswer<{ application: SubsidyApplication }> | undefined) {
  const unit = await memberUnit(principal, employerId);
  if (unit.status !== 'approved') throw new RuleError('单位审核通过后才能申请补贴');
  const today = todayInChina();
  const p = await openProgramme(body.programmeId, today);
  if (subsidyApplicant(p.kind as SubsidyKind) !== 'employer') throw new RuleError('单位只能申请公益性岗位补贴');
  const [{ Item: post }, { Item: placement }] = await Promise.all([
    WelfarePostEntity.build(GetItemCommand).key({ postId: body.postId }).options({ consistent: true }).send(),
    WelfarePlacementEntity.build(GetItemCommand).key({ postId: body.postId, caseId: body.caseId }).options({ consistent: true }).send(),
  ]);
  if (!post || post.employerId !== employerId || !placement) throw new NotFoundError('找不到这个岗位上的这位人员');
  if (post.status !== 'confirmed') throw new RuleError('这个岗位还没有经区里认定为公益性岗位');
  if (!post.areaCode.startsWith(p.areaCode)) throw new RuleError('这个岗位不在补贴项目的范围内');
  const term = outsideTerm(body.months, placement.from, placement.until);
  if (term) throw new ValidationError([{ path: ['months'], message: term }]);
  const person = await personOf(placement.userId, today);
  if (!person) throw new RuleError('这位人员还没有求职登记，请社区先为其登记');
  return submitClaim(
    {
      programme: p,
      person: placedPerson(person, post.areaCode),
      areaCode: post.areaCode,
      body,
      account: { ...body.account, accountName: unit.name },
      actorId: principal.userId,
      unit: { employerId, unitName: unit.name, postId: post.postId, caseId: placement.caseId },
      today,
    },
    record,
  );
}

/** The unit's applications, newest first: a page of its references, then the applications. */
export async function unitApplications(principal: Principal, employerId: string, cursor?: string) {
  await memberUnit(principal, employerId);
  const partition = `SUBUNIT#${employerId}`;
  const page = await table
    .build(QueryCommand)
    .entities(SubsidyUnitRefEntity)
    .query({ partition, range: { beginsWith: 'APP#' } })
    .options({ reverse: true, limit: 20, ...(cursor ? { exclusiveStartKey: decodeTableCursor(cursor, partition, 'APP#') } : {}) })
    .send();
  const found = await Promise.all((page.Items ?? []).map((r) => loadApplication(r.applicationId)));
  return {
    items: found.flatMap((a) => (a ? [toApplicationView(a)] : [])),
    ...(page.LastEvaluatedKey ? { nextCursor: encodeKeyCursor(page.LastEvaluatedKey as Record<string, string>) } : {}),
  };
}

/** One of the unit's applications, for a member (withdraw, correct the account). */
export async function unitApplication(principal: Principal, employerId: string, applicationId: string): Promise<StoredSubsidyApplication> {
  await memberUnit(principal, employerId);
  const a = await loadApplication(applicationId);
  if (!a || a.employerId !== employerId) throw new NotFoundError('找不到这份申请');
  return a;
}
