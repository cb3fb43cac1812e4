// What each ratable service is (好差评): who received it, whether it is done, and which service
// point, staff member and provider it is attributed to. One resolver per service type; nothing
// here writes.
import { GetItemCommand } from 'dynamodb-toolbox/entity/actions/get';
import { QueryCommand } from 'dynamodb-toolbox/table/actions/query';
import {
  reviewTypeLabels,
  serviceTypeLabels,
  todayInChina,
  type ServiceType,
} from '@doorstep/shared';
import { ApplicantMarkerEntity, EmployerEntity, EmployerMemberEntity, JobApplicationEntity, JobseekerRegistrationEntity, PersonApplicationEntity, ReferralEntity } from '../db/entities';
import { EnrolmentEntity } from '../training/entities';
import { InterviewBookingEntity } from '../interviews/entities';
import { VoucherEntity } from '../vouchers/entities';
import { table } from '../db/table';
import { VisitEntity } from '../servicePoints/entities';

export interface ServiceFacts {
  type: ServiceType;
  id: string;
  /** Who may rate it: the person, or any member of the employer. */
  recipient: { kind: 'person'; userId: string } | { kind: 'employer'; employerId: string };
  complete: boolean;
  completedAt?: string;
  /** The service point's area code (community 12, street 9, district 6 digits). */
  servicePoint: string;
  staffId?: string;
  providerId?: string;
  providerName?: string;
  title: string;
}

const get = async <T>(p: Promise<{ Item?: T }>) => (await p).Item;

async function homeArea(userId: string): Promise<string | undefined> {
  const reg = await get(JobseekerRegistrationEntity.build(GetItemCommand).key({ userId }).send());
  return reg?.residence.areaCode;
}

const vacancyTitle = (json: string) => {
  const v = JSON.parse(json) as { title?: string; employerName?: string };
  return [v.employerName, v.title].filter(Boolean).join(' ');
};

const resolvers: Record<ServiceType, (id: string) => Promise<ServiceFacts | undefined>> = {
  // A reviewed registration: a person's unemployment registration or hard-to-employ recognition,
  // or an employer's onboarding. Done once decided; the street handles it.
  async review(id) {
    const app = await get(PersonApplicationEntity.build(GetItemCommand).key({ applicationId: id }).send());
    if (app) {
      if (app.kind === 'employment') return undefined; // recorded at once, nothing reviewed
      return {
        type: 'review',
        id,
        recipient: { kind: 'person', userId: app.userId },
        complete: app.status === 'approved' || app.status === 'rejected',
        completedAt: app.updatedAt,
        servicePoint: app.areaCode.slice(0, 9),
        title: `${reviewTypeLabels[app.kind]}审核`,
      };
    }
    const employer = await get(EmployerEntity.build(GetItemCommand).key({ employerId: id }).send());
    if (!employer) return undefined;
    return {
      type: 'review',
      id,
      recipient: { kind: 'employer', employerId: id },
      complete: employer.status !== 'pending_review',
      completedAt: employer.updatedAt,
      servicePoint: employer.address.areaCode.slice(0, 9),
      title: `${reviewTypeLabels.employer}审核`,
    };
  },
  async job_application(id) {
    const a = await get(JobApplicationEntity.build(GetItemCommand).key({ applicationId: id }).send());
    if (!a) return undefined;
    const area = await homeArea(a.userId);
    if (!area) return undefined;
    return {
      type: 'job_application',
      id,
      recipient: { kind: 'person', userId: a.userId },
      complete: a.status === 'hired' || a.status === 'rejected',
      completedAt: a.updatedAt,
      servicePoint: area,
      providerId: a.employerId,
      title: `应聘：${vacancyTitle(a.vacancyJson)}`,
    };
  },
  async interview(id) {
    const b = await get(InterviewBookingEntity.build(GetItemCommand).key({ bookingId: id }).send());
    if (!b) return undefined;
    const area = await homeArea(b.userId);
    if (!area) return undefined;
    return {
      type: 'interview',
      id,
      recipient: { kind: 'person', userId: b.userId },
      // Done once the employer recorded it and the person came.
      complete: b.outcome !== undefined && b.outcome !== 'no_show',
      completedAt: b.updatedAt,
      servicePoint: area,
      ...(b.bookedBy ? { staffId: b.bookedBy } : {}),
      ...(b.employerName ? { providerName: b.employerName } : {}),
      title: `面试：${[b.employerName, b.vacancyTitle].filter(Boolean).join(' ')}`,
    };
  },
  async training(id) {
    const e = await get(EnrolmentEntity.build(GetItemCommand).key({ enrolmentId: id }).send());
    if (!e) return undefined;
    const area = await homeArea(e.userId);
    if (!area) return undefined;
    return {
      type: 'training',
      id,
      recipient: { kind: 'person', userId: e.userId },
      complete: e.status === 'completed' || e.status === 'not_completed',
      completedAt: e.updatedAt,
      servicePoint: area,
      ...(e.bookedBy ? { staffId: e.bookedBy } : {}),
      providerId: e.providerId,
      providerName: e.providerName,
      title: `培训：${e.courseTitle}`,
    };
  },
  async voucher(id) {
    const v = await get(VoucherEntity.build(GetItemCommand).key({ voucherId: id }).send());
    if (!v) return undefined;
    return {
      type: 'voucher',
      id,
      recipient: v.holderType === 'employer' ? { kind: 'employer', employerId: v.holderId } : { kind: 'person', userId: v.holderId },
      complete: v.status === 'redeemed' || v.status === 'settling' || v.status === 'settled',
      ...(v.redeemedAt ? { completedAt: v.redeemedAt } : {}),
      servicePoint: v.holderAreaCode,
      ...(v.providerId ? { providerId: v.providerId } : {}),
      ...(v.providerName ? { providerName: v.providerName } : {}),
      title: `就业券：${v.programmeName}`,
    };
  },
  // A referral letter is done once the person applied with it, or once it has lapsed.
  async referral(id) {
    const r = await get(ReferralEntity.build(GetItemCommand).key({ code: id }).send());
    if (!r) return undefined;
    const applied = await get(ApplicantMarkerEntity.build(GetItemCommand).key({ vacancyId: r.vacancyId, userId: r.personId }).send());
    return {
      type: 'referral',
      id,
      recipient: { kind: 'person', userId: r.personId },
      complete: !!applied || r.validUntil < todayInChina(),
      completedAt: r.issuedAt,
      servicePoint: r.staffAreaCode,
      staffId: r.staffId,
      providerId: r.employerId,
      title: `推荐就业：${vacancyTitle(r.vacancyJson)}`,
    };
  },
  // A visit to a point's desk, once the desk marked it served; attributed to the point's area and the officer who marked it.
  async visit(id) {
    const v = await get(VisitEntity.build(GetItemCommand).key({ visitId: id }).send());
    if (!v) return undefined;
    return {
      type: 'visit',
      id,
      recipient: { kind: 'person', userId: v.userId },
      complete: v.status === 'served',
      completedAt: v.updatedAt,
      servicePoint: v.pointAreaCode,
      ...(v.markedBy ? { staffId: v.markedBy } : {}),
      providerName: v.pointName,
      title: `网点办事：${v.pointName} ${v.serviceName}`,
    };
  },
};

export function resolveService(type: ServiceType, id: string): Promise<ServiceFacts | undefined> {
  return resolvers[type](id);
}

/** Whether the user received the service (for an employer's service: is one of its members). */
export async function isRecipient(facts: ServiceFacts, userId: string): Promise<boolean> {
  if (facts.recipient.kind === 'person') return facts.recipient.userId === userId;
  const member = await get(EmployerMemberEntity.build(GetItemCommand).key({ employerId: facts.recipient.employerId, userId }).send());
  return !!member;
}

export interface RatableService {
  serviceType: ServiceType;
  serviceId: string;
  serviceTitle: string;
  completedAt: string;
}

async function queryIndex(partition: string) {
  const { Items = [] } = await table.build(QueryCommand).query({ index: 'gsi2', partition }).options({ limit: 100, reverse: true }).send();
  return Items as Array<Record<string, unknown>>;
}

/**
 * The person's completed services of the last while (the newest 100 of each kind), for the
 * 待评价 list: decided applications, job applications with an answer, interviews attended,
 * finished courses, used vouchers, and referrals they applied with.
 */
export async function completedServicesOf(userId: string): Promise<RatableService[]> {
  const [apps, jobApps, interviews, enrolments, vouchers, visits] = await Promise.all([
    queryIndex(`USER_APPS#${userId}`),
    queryIndex(`USER_JOBAPPS#${userId}`),
    queryIndex(`USER_INTERVIEWS#${userId}`),
    queryIndex(`USER_ENROLMENTS#${userId}`),
    queryIndex(`WALLET#${userId}`),
    queryIndex(`USER_VISITS#${userId}`),
  ]);
  const out: RatableService[] = [];
  const push = (serviceType: ServiceType, serviceId: string, serviceTitle: string, completedAt: string) => out.push({ serviceType, serviceId, serviceTitle, completedAt });
  for (const a of apps) {
    if ((a.status === 'approved' || a.status === 'rejected') && a.kind !== 'employment') {
      push('review', a.applicationId as string, `${reviewTypeLabels[a.kind as 'unemployment' | 'hardship']}审核`, a.updatedAt as string);
    }
  }
  for (const a of jobApps) {
    if (a.status === 'hired' || a.status === 'rejected') push('job_application', a.applicationId as string, `应聘：${vacancyTitle(a.vacancyJson as string)}`, a.updatedAt as string);
    if (a.referralCode) push('referral', a.referralCode as string, `${serviceTypeLabels.referral}：${vacancyTitle(a.vacancyJson as string)}`, a.createdAt as string);
  }
  for (const b of interviews) {
    if (b.outcome && b.outcome !== 'no_show') push('interview', b.bookingId as string, `面试：${[b.employerName, b.vacancyTitle].filter(Boolean).join(' ')}`, b.updatedAt as string);
  }
  for (const e of enrolments) {
    if (e.status === 'completed' || e.status === 'not_completed') push('training', e.enrolmentId as string, `培训：${e.courseTitle as string}`, e.updatedAt as string);
  }
  for (const v of vouchers) {
    if (v.status === 'redeemed' || v.status === 'settling' || v.status === 'settled') push('voucher', v.voucherId as string, `就业券：${v.programmeName as string}`, (v.redeemedAt ?? v.updatedAt) as string);
  }
  for (const v of visits) {
    if (v.status === 'served') push('visit', v.visitId as string, `网点办事：${v.pointName as string} ${v.serviceName as string}`, v.updatedAt as string);
  }
  return out.sort((a, b) => (a.completedAt < b.completedAt ? 1 : -1));
}
