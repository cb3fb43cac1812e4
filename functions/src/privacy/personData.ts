// Where a person's data lives: their own partition (USER#<id>) and the records about them that
// other partitions hold, each found through a GSI2 list of that person. One place, read by both
// 我的数据 (the export) and the erasure, so what a person can download is what gets erased.
import { QueryCommand } from 'dynamodb-toolbox/table/actions/query';
import type { Entity, FormattedItem } from 'dynamodb-toolbox/entity';
import { ComplaintEntity, RatingEntity } from '../ratings/entities';
import { EmployerMemberEntity, JobApplicationEntity, PersonApplicationEntity, ReferralEntity, ReviewEntity, TaskEntity } from '../db/entities';
import { EnrolmentEntity } from '../training/entities';
import { InterviewBookingEntity } from '../interviews/entities';
import { VoucherEntity } from '../vouchers/entities';
import { ProxyBindingEntity } from '../proxies/entities';
import { NoticeSlipEntity, VisitEntity } from '../servicePoints/entities';
import { QuestionEntity } from '../policies/entities';
import { FairRegistrationEntity } from '../fairs/entities';
import { GigEntity, GigReportEntity, GigTakeEntity } from '../gigs/entities';
import { SubsidyApplicationEntity } from '../subsidies/entities';
import { queryAll } from '../db/queryAll';
import { table } from '../db/table';
import { itemsOf, ownItems, PERSON_LISTS, type PersonListName, type RawItem } from './personLists';

export { ownItems };

export type { RawItem } from './personLists';

export interface PersonRecords {
  /** Everything under USER#<id>: profile, registration, consents and their log, categories, … */
  own: RawItem[];
  applications: FormattedItem<typeof PersonApplicationEntity>[];
  reviews: FormattedItem<typeof ReviewEntity>[];
  tasks: FormattedItem<typeof TaskEntity>[];
  jobApplications: FormattedItem<typeof JobApplicationEntity>[];
  referrals: FormattedItem<typeof ReferralEntity>[];
  interviews: FormattedItem<typeof InterviewBookingEntity>[];
  visits: FormattedItem<typeof VisitEntity>[];
  notices: FormattedItem<typeof NoticeSlipEntity>[];
  questions: FormattedItem<typeof QuestionEntity>[];
  fairs: FormattedItem<typeof FairRegistrationEntity>[];
  /** 零工 the person posted, and the places they took. */
  gigs: FormattedItem<typeof GigEntity>[];
  gigTakes: FormattedItem<typeof GigTakeEntity>[];
  /** Reports and disputes the person filed (their text). */
  gigReports: FormattedItem<typeof GigReportEntity>[];
  subsidyApplications: FormattedItem<typeof SubsidyApplicationEntity>[];
  enrolments: FormattedItem<typeof EnrolmentEntity>[];
  vouchers: FormattedItem<typeof VoucherEntity>[];
  ratings: FormattedItem<typeof RatingEntity>[];
  complaints: FormattedItem<typeof ComplaintEntity>[];
  memberships: FormattedItem<typeof EmployerMemberEntity>[];
  /** 亲情代办 bindings under which the person acts for someone else (in that person's partition). */
  actingFor: FormattedItem<typeof ProxyBindingEntity>[];
}

/** Every page of one GSI2 list of a person. */
function listOf<E extends Entity>(entity: E, list: PersonListName, userId: string): Promise<FormattedItem<E>[]> {
  return queryAll((start) =>
    table
      .build(QueryCommand)
      .entities(entity)
      .query({ index: 'gsi2', partition: `${PERSON_LISTS[list]}${userId}` })
      .options(start ? { exclusiveStartKey: start } : {})
      .send(),
  ) as Promise<FormattedItem<E>[]>;
}

export async function personRecords(userId: string): Promise<PersonRecords> {
  const [own, applications, reviews, tasks, jobApplications, referrals, interviews, enrolments, vouchers, ratings, complaints, memberships, actingFor, visits, notices, questions, fairs, gigs, gigTakes, gigReports, subsidyApplications] = await Promise.all([
    ownItems(userId),
    listOf(PersonApplicationEntity, 'applications', userId),
    listOf(ReviewEntity, 'reviews', userId),
    listOf(TaskEntity, 'tasks', userId),
    listOf(JobApplicationEntity, 'jobApplications', userId),
    listOf(ReferralEntity, 'referrals', userId),
    listOf(InterviewBookingEntity, 'interviews', userId),
    listOf(EnrolmentEntity, 'enrolments', userId),
    listOf(VoucherEntity, 'vouchers', userId),
    listOf(RatingEntity, 'ratings', userId),
    listOf(ComplaintEntity, 'complaints', userId),
    listOf(EmployerMemberEntity, 'memberships', userId),
    listOf(ProxyBindingEntity, 'actingFor', userId),
    listOf(VisitEntity, 'visits', userId),
    listOf(NoticeSlipEntity, 'notices', userId),
    listOf(QuestionEntity, 'questions', userId),
    listOf(FairRegistrationEntity, 'fairs', userId),
    listOf(GigEntity, 'gigs', userId),
    listOf(GigTakeEntity, 'gigTakes', userId),
    listOf(GigReportEntity, 'gigReports', userId),
    listOf(SubsidyApplicationEntity, 'subsidyApplications', userId),
  ]);
  return { own, applications, reviews, tasks, jobApplications, referrals, interviews, enrolments, vouchers, ratings, complaints, memberships, actingFor, visits, notices, questions, fairs, gigs, gigTakes, gigReports, subsidyApplications };
}

/** The items of the person's own partition whose sort key is `sk` or starts with `prefix#`. */
export const ownOf = (records: PersonRecords, sk: string) => itemsOf(records.own, sk);
