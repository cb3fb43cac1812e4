// Referral letters (推荐介绍信) and the follow-up tasks they create (domain.md §3.1–3.2): staff
// refer a person of their jurisdiction to an open vacancy; the letter carries a verification code
// the employer checks; the service point calls the person back after 7 days and revisits the
// employer within 30 (due dates from the working-day calendar, tasks/tasks.ts).
import { randomInt } from 'node:crypto';
import { GetItemCommand } from 'dynamodb-toolbox/entity/actions/get';
import { PutTransaction } from 'dynamodb-toolbox/entity/actions/transactPut';
import { execute } from 'dynamodb-toolbox/entity/actions/transactWrite';
import { QueryCommand } from 'dynamodb-toolbox/table/actions/query';
import type { FormattedItem } from 'dynamodb-toolbox/entity';
import {
  maskName,
  addCalendarDays,
  inJurisdiction,
  todayInChina,
  vacancySummarySchema,
  type Referral,
} from '@doorstep/shared';
import { areaFullName } from '../areas/dataset';
import {
  ApplicantMarkerEntity,
  JobseekerRegistrationEntity,
  ReferralEntity,
  ReferralMarkerEntity,
  personReferralsKeys,
  vacancyReferralsPartition,
} from '../db/entities';
import { cancelledTransaction } from '../db/errors';
import { table } from '../db/table';
import { ConflictError, NotFoundError, ValidationError } from '../http/errors';
import { scopeOf } from '../http/jurisdiction';
import type { Principal } from '../http/session';
import { outboxMessage } from '../notifications/outbox';
import { openTask } from '../tasks/tasks';
import { prepareOffer } from '../assistance/cases';
import { cardOf, summaryOf } from '../vacancies/search';
import { bodyOf, loadVacancy } from '../vacancies/service';

type StoredReferral = FormattedItem<typeof ReferralEntity>;

const CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const LETTER_VALID_DAYS = 30;

const newCode = () => Array.from({ length: 8 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('');

async function toView(r: StoredReferral): Promise<Referral> {
  const { Item: applied } = await ApplicantMarkerEntity.build(GetItemCommand).key({ vacancyId: r.vacancyId, userId: r.personId }).send();
  return {
    code: r.code,
    personName: r.personNameMasked,
    vacancy: vacancySummarySchema.parse(JSON.parse(r.vacancyJson)),
    issuedBy: areaFullName(r.staffAreaCode),
    issuedAt: r.issuedAt,
    validUntil: r.validUntil,
    ...(r.note ? { note: r.note } : {}),
    applied: !!applied,
  };
}

export async function createReferral(principal: Principal, input: { personId: string; vacancyId: string; note?: string; caseId?: string }): Promise<Referral> {
  const scope = scopeOf(principal);
  // 就业援助: the letter is also a post offered to the case's person (its writes join the
  // transaction). The case is what gives its specialist the person — who may live in another
  // community of the street than the specialist's own.
  const offer = input.caseId ? await prepareOffer(principal, input.caseId, input.personId) : undefined;
  const [{ Item: reg }, vacancy] = await Promise.all([
    JobseekerRegistrationEntity.build(GetItemCommand).key({ userId: input.personId }).send(),
    loadVacancy(input.vacancyId),
  ]);
  if (!reg || (!offer && !inJurisdiction(reg.residence.areaCode, principal.level, principal.areaCode))) throw new NotFoundError('找不到这个人员');
  const today = todayInChina();
  if (!vacancy || vacancy.status !== 'published' || vacancy.recruitUntil < today) {
    throw new ValidationError([{ path: ['vacancyId'], message: '这个岗位不在招聘中，不能推荐' }]);
  }
  const now = new Date().toISOString();
  const card = cardOf({ vacancyId: vacancy.vacancyId, employerName: vacancy.employerName, body: bodyOf(vacancy) });
  const summary = summaryOf(card);
  const subject = `${maskName(reg.name)} → ${vacancy.employerName} · ${summary.title}`;
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const code = newCode();
    const item = {
      code,
      personId: input.personId,
      vacancyId: vacancy.vacancyId,
      employerId: vacancy.employerId,
      staffId: principal.userId,
      staffAreaCode: scope,
      personNameMasked: maskName(reg.name),
      vacancyJson: card.cardJson,
      ...(input.note ? { note: input.note } : {}),
      issuedAt: now,
      validUntil: addCalendarDays(today, LETTER_VALID_DAYS),
      gsi1pk: vacancyReferralsPartition(vacancy.vacancyId),
      gsi1sk: `${now}#${code}`,
      ...personReferralsKeys(input.personId, now, code),
    };
    try {
      await execute(
        ReferralMarkerEntity.build(PutTransaction).item({ vacancyId: vacancy.vacancyId, personId: input.personId, code }).options({ condition: { attr: 'code', exists: false } }),
        ReferralEntity.build(PutTransaction).item(item).options({ condition: { attr: 'code', exists: false } }),
        ...(offer ? offer({ code, vacancyId: vacancy.vacancyId, title: summary.title, employerName: vacancy.employerName, at: now }) : []),
        openTask({ kind: 'referral_call_seeker', detail: subject, areaCode: scope, subjectType: 'Referral', subjectId: code, today, at: now, personId: input.personId }),
        openTask({ kind: 'referral_visit_employer', detail: subject, areaCode: scope, subjectType: 'Referral', subjectId: code, today, at: now, personId: input.personId }),
        outboxMessage({
          userId: input.personId,
          template: 'new_match',
          page: `jobs/vacancy/index?id=${vacancy.vacancyId}`,
          data: { thing1: summary.title.slice(0, 20), thing2: vacancy.employerName.slice(0, 20), thing3: '工作人员为您推荐了这个岗位' },
          at: now,
        }),
      );
      return toView(item);
    } catch (err) {
      const cancelled = cancelledTransaction(err);
      if (cancelled?.conditionFailed[0]) throw new ConflictError('已经把这个人推荐到这个岗位了');
      if (offer && cancelled?.conditionFailed.slice(2).some(Boolean)) throw new ConflictError('援助情况已被他人更新，请刷新后再试');
      if (!cancelled?.conditionFailed[1]) throw err;
      // The code was taken: draw another.
    }
  }
  throw new Error('Could not draw a free referral code');
}

/** Anyone signed in with the code sees the letter (the employer checks it); the name is masked. */
export async function getReferral(code: string): Promise<Referral> {
  const { Item } = await ReferralEntity.build(GetItemCommand).key({ code }).send();
  if (!Item) throw new NotFoundError('没有这个核验码的推荐信，请核对');
  return toView(Item);
}
