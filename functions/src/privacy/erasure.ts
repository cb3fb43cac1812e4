// Erasing a closed account once its cooling-off has ended (the erasure run, hourly). What goes:
// every personal field — the ID number's ciphertext and blind index, name, phone, addresses,
// photos, what the person wrote — and the links that let anyone sign in as them. What stays,
// without anything that identifies the person: the money records of their vouchers, the audit
// chains, the figures, staff tasks and decisions (README "Personal data and consent").
//
// Every step can run again: a run that stops half way is finished by the next one, because the
// due entry goes last, with the mark that the account is erased.
import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import { DeleteItemCommand } from 'dynamodb-toolbox/entity/actions/delete';
import { GetItemCommand } from 'dynamodb-toolbox/entity/actions/get';
import { DeleteTransaction } from 'dynamodb-toolbox/entity/actions/transactDelete';
import { PutTransaction } from 'dynamodb-toolbox/entity/actions/transactPut';
import { UpdateItemCommand, $add, $remove } from 'dynamodb-toolbox/entity/actions/update';
import { execute } from 'dynamodb-toolbox/entity/actions/transactWrite';
import { QueryCommand } from 'dynamodb-toolbox/table/actions/query';
import { ulid } from 'ulid';
import { ERASED_PERSON_LABEL, geoKeys } from '@doorstep/shared';
import { nextAuditEvent, parseAuditHead } from '../audit/events';
import { mapLimit } from '../concurrency';
import { getDocumentClient } from '../db/client';
import { ComplaintEntity, RatingEntity } from '../ratings/entities';
import { ConsentEventEntity, ConsentsEntity, ErasureDueEntity } from './entities';
import { EmployerInvitationEntity, IdentityLinkEntity, IdNumberClaimEntity, JobApplicationEntity, JobseekerRegistrationEntity, PersonApplicationEntity, ReferralEntity, ReviewEntity, SeekerCardEntity, TaskEntity } from '../db/entities';
import { PayoutLineEntity, VoucherEntity } from '../vouchers/entities';
import { ProxyBindingEntity, ProxyInvitationEntity } from '../proxies/entities';
import { isConditionFailure } from '../db/errors';
import { queryAll } from '../db/queryAll';
import { table, tableName } from '../db/table';
import { recountPerson } from '../figures/count';
import { AppError } from '../http/errors';
import { cancelBooking } from '../interviews/booking';
import { cancelVisit } from '../servicePoints/visits';
import { NoticeSlipEntity } from '../servicePoints/entities';
import { QuestionEntity } from '../policies/entities';
import { FairRegistrationEntity } from '../fairs/entities';
import { GigEntity, GigReportEntity, GigTakeEntity } from '../gigs/entities';
import { closeGig } from '../gigs/gigs';
import { cancelTake } from '../gigs/takes';
import { logger } from '../logger';
import { cancelEnrolment } from '../training/enrolments';
import { getObjectStore } from '../uploads/store';
import { lapse } from '../vouchers/lapse';
import { loadProgramme } from '../vouchers/store';
import { revocationWrites } from '../proxies/revocation';
import { PersonAccessEntity } from '../access/entities';
import { erasePersonFromCase } from '../assistance/cases';
import { erasePersonFromSubsidies } from '../subsidies/erasure';
import { erasePersonFromHouseholds } from '../households/service';
import { ownOf, personRecords, type RawItem } from './personData';

const ACTOR = 'system:erasure';
/**
 * What the person's own partition keeps: the erased mark, the consent log (proof of what was
 * agreed), how they were last counted, and the lines of what family members did in their name
 * (user ids and the service, no personal fields: proof of who acted, like the audit chains), and
 * the records of staff reading their data (the officers' accountability; the name in them is
 * replaced below).
 */
const KEPT_OWN = (sk: string) => sk === 'CONSENTS' || sk.startsWith('CONSENTLOG#') || sk === 'FIGURE_STATE' || sk.startsWith('PROXYACT#') || sk.startsWith('ACCESS#');
/** Uploads are filed under `<purpose>/<userId>/`: a person's evidence and complaint photos (licences are their unit's). */
const PERSONAL_UPLOADS = ['evidence', 'complaints'];
/** How many of the erasure's independent writes are in flight at once. */
const PARALLEL_WRITES = 16;

export interface ErasureReport {
  userId: string;
  /** Bookings and sign-ups cancelled, unused vouchers given back. */
  released: number;
  /** Records kept with the personal parts removed. */
  pseudonymised: number;
  /** Items deleted from the table, photos from object storage. */
  deleted: number;
  objects: number;
}

/** A cancellation the rules refuse (an interview already started) leaves the record as it is. */
const unlessRefused = (run: () => Promise<unknown>) =>
  run().then(
    () => 1,
    (err: unknown) => {
      if (err instanceof AppError) return 0;
      throw err;
    },
  );

/** Ignores a delete or update whose item has gone or changed owner meanwhile. */
const ifStill = (run: () => Promise<unknown>) =>
  run().then(
    () => 1,
    (err: unknown) => {
      if (isConditionFailure(err)) return 0;
      throw err;
    },
  );

async function deleteRaw(items: RawItem[]): Promise<number> {
  const doc = getDocumentClient();
  for (let i = 0; i < items.length; i += 25) {
    let requests = items.slice(i, i + 25).map((it) => ({ DeleteRequest: { Key: { pk: it.pk, sk: it.sk } } }));
    for (let attempt = 0; requests.length; attempt += 1) {
      const out = await doc.send(new BatchWriteCommand({ RequestItems: { [tableName()]: requests } }));
      requests = (out.UnprocessedItems?.[tableName()] ?? []) as typeof requests;
      if (requests.length && attempt > 8) throw new Error('erasure: DynamoDB kept refusing deletes');
      if (requests.length) await new Promise((r) => setTimeout(r, 50 * 2 ** attempt));
    }
  }
  return items.length;
}

/**
 * Erases one account whose closing was asked for. Returns what it did, or undefined when there is
 * nothing to erase (the closing was cancelled just before, or the account is already erased).
 */
export async function eraseAccount(userId: string, now = new Date()): Promise<ErasureReport | undefined> {
  const at = now.toISOString();
  // From here on the request cannot be cancelled (a cancel racing this loses on its condition).
  const marked = await ifStill(() =>
    ConsentsEntity.build(UpdateItemCommand)
      .item({ userId, erasingAt: at, updatedAt: at })
      .options({ condition: { and: [{ attr: 'closing', exists: true }, { attr: 'erasingAt', exists: false }] } })
      .send(),
  );
  if (!marked) {
    // Either a run that stopped half way (marked before: finish it) or a cancel that won.
    const { Item } = await ConsentsEntity.build(GetItemCommand).key({ userId }).options({ consistent: true }).send();
    if (!Item?.erasingAt || Item.erasedAt) return undefined;
  }
  const r = await personRecords(userId);
  const reg = ownOf(r, 'JOBSEEKER_REG')[0] as unknown as { idNumberHash: string; phone: string; residence: { lat: number; lng: number }; auditHead: string } | undefined;
  const profile = ownOf(r, 'PROFILE')[0] as { openid?: string } | undefined;
  const report: ErasureReport = { userId, released: 0, pseudonymised: 0, deleted: 0, objects: 0 };
  const count = (key: 'released' | 'pseudonymised' | 'deleted') => (n: number) => {
    report[key] += n;
  };

  // 1. Give back what the person holds: future interviews, sign-ups, unused vouchers.
  for (const b of r.interviews) if (b.status === 'booked' && b.startsAt > at) count('released')(await unlessRefused(() => cancelBooking(userId, b.bookingId, now)));
  for (const v of r.visits) if (v.status === 'booked' && v.startsAt > at) count('released')(await unlessRefused(() => cancelVisit(userId, v.visitId, now)));
  for (const e of r.enrolments) if (e.status === 'enrolled' || e.status === 'waitlisted') count('released')(await unlessRefused(() => cancelEnrolment(userId, e.enrolmentId, now)));
  // 零工: places on jobs still ahead go back; the person's open jobs are closed.
  for (const t of r.gigTakes) if (t.status === 'taken' && t.startsAt > at) count('released')(await unlessRefused(() => cancelTake(userId, t.gigId, userId, now)));
  for (const g of r.gigs) if (g.status === 'open' || g.status === 'pending') count('released')(await unlessRefused(() => closeGig(userId, g.gigId, now)));
  for (const v of r.vouchers) {
    if (v.status !== 'issued' && v.status !== 'claimed') continue;
    const shards = (await loadProgramme(v.programmeId))?.shards ?? 1;
    if (await lapse(v, 'revoked', { actorId: ACTOR, reason: '持券人已注销账号', shards, quiet: true })) report.released += 1;
  }

  // 2 and 3, all at once (none depends on another; each is a conditional write on its own item):
  // keep the records the law and audit need, without the person in them; delete what is only about
  // the person — applications (their forms), sign-ups, slips, invitations to their phone, photos.
  const work: (() => Promise<void>)[] = [];
  const scrub = <T>(items: T[], update: (item: T) => Promise<unknown>) => {
    for (const it of items) work.push(async () => count('pseudonymised')(await ifStill(() => update(it))));
  };
  const drop = <T>(items: T[], remove: (item: T) => Promise<unknown>) => {
    for (const it of items) work.push(async () => count('deleted')(await ifStill(() => remove(it))));
  };
  scrub(r.vouchers, (v) =>
    VoucherEntity.build(UpdateItemCommand)
      .item({ voucherId: v.voucherId, holderName: ERASED_PERSON_LABEL, version: $add(1), updatedAt: at })
      .options({ condition: { attr: 'voucherId', exists: true } })
      .send(),
  );
  const batches = [...new Set(r.vouchers.filter((v) => v.batchId && v.payeeKey === `person#${userId}`).map((v) => v.batchId!))];
  for (const batchId of batches) {
    work.push(async () => {
      const lines = await queryAll((start) =>
        table
          .build(QueryCommand)
          .entities(PayoutLineEntity)
          .query({ partition: `BATCH#${batchId}`, range: { beginsWith: 'LINE#' } })
          .options({ filters: { PayoutLine: { attr: 'payeeKey', eq: `person#${userId}` } }, ...(start ? { exclusiveStartKey: start } : {}) })
          .send(),
      );
      await mapLimit(lines, 8, async (l) => {
        await PayoutLineEntity.build(UpdateItemCommand).item({ batchId, lineNo: l.lineNo, payeeName: ERASED_PERSON_LABEL, accountCipher: '', accountMasked: '（已删除）', bankName: '（已删除）' }).send();
        report.pseudonymised += 1;
      });
    });
  }
  scrub(r.jobApplications.filter((a) => a.message), (a) => JobApplicationEntity.build(UpdateItemCommand).item({ applicationId: a.applicationId, message: $remove() }).options({ condition: { attr: 'applicationId', exists: true } }).send());
  scrub(r.referrals, (x) => ReferralEntity.build(UpdateItemCommand).item({ code: x.code, personNameMasked: ERASED_PERSON_LABEL }).options({ condition: { attr: 'code', exists: true } }).send());
  scrub(r.reviews, (x) => ReviewEntity.build(UpdateItemCommand).item({ reviewId: x.reviewId, subjectName: ERASED_PERSON_LABEL }).options({ condition: { attr: 'reviewId', exists: true } }).send());
  scrub(r.tasks, (t) =>
    TaskEntity.build(UpdateItemCommand).item({ taskId: t.taskId, detail: `${t.title}：${ERASED_PERSON_LABEL}（个人信息已随账号注销删除）` }).options({ condition: { attr: 'taskId', exists: true } }).send(),
  );
  // 零工 done stay for the figures (a match, an income), without the person's name and phone.
  scrub(r.gigTakes, (t) =>
    GigTakeEntity.build(UpdateItemCommand).item({ gigId: t.gigId, workerId: t.workerId, workerName: ERASED_PERSON_LABEL, workerPhone: '' }).options({ condition: { attr: 'workerId', exists: true } }).send(),
  );
  scrub(r.gigReports, (x) => GigReportEntity.build(UpdateItemCommand).item({ reportId: x.reportId, reason: '（内容已随账号注销删除）' }).options({ condition: { attr: 'reportId', exists: true } }).send());
  scrub(r.gigs, (g) => GigEntity.build(UpdateItemCommand).item({ gigId: g.gigId, contactName: ERASED_PERSON_LABEL, contactPhone: '', detail: $remove() }).options({ condition: { attr: 'gigId', exists: true } }).send());
  scrub(r.ratings.filter((x) => x.comment), (x) => RatingEntity.build(UpdateItemCommand).item({ ratingId: x.ratingId, comment: $remove() }).options({ condition: { attr: 'ratingId', exists: true } }).send());
  scrub(r.questions, (q) => QuestionEntity.build(UpdateItemCommand).item({ questionId: q.questionId, text: '（内容已随账号注销删除）' }).options({ condition: { attr: 'questionId', exists: true } }).send());
  scrub(r.complaints, (c) =>
    ComplaintEntity.build(UpdateItemCommand).item({ complaintId: c.complaintId, text: '（内容已随账号注销删除）', photoKeys: [] }).options({ condition: { attr: 'complaintId', exists: true } }).send(),
  );
  // 就业援助 cases stay for the figures, without the person's name and words (assistance/cases.ts);
  // the pointer to them goes with the partition.
  scrub(ownOf(r, 'ASSIST') as unknown as { caseId: string }[], (a) => erasePersonFromCase(a.caseId, at));
  // 补贴: the anonymous payment record (programme, months, amount) stays; the person goes (subsidies/erasure.ts).
  if (r.subsidyApplications.length) {
    work.push(async () => count('pseudonymised')(await erasePersonFromSubsidies(userId, r.subsidyApplications.map((a) => a.applicationId), at)));
  }
  // 零就业家庭: their member entry keeps no name, ID number or birth date; the household's state stays.
  const households = ownOf(r, 'HOUSEHOLD').map((p) => String(p.householdId));
  if (households.length) work.push(async () => count('pseudonymised')(await ifStill(() => erasePersonFromHouseholds(userId, households, at))));
  // 访问记录 stay for the officers' accountability, without the person's (masked) name.
  scrub(ownOf(r, 'ACCESS') as unknown as { accessId: string }[], (a) =>
    PersonAccessEntity.build(UpdateItemCommand).item({ personId: userId, accessId: a.accessId, personName: ERASED_PERSON_LABEL }).options({ condition: { attr: 'accessId', exists: true } }).send(),
  );
  // 亲情代办 where the person acted for someone: ended, and their phone taken off the other person's record.
  scrub(r.actingFor, (b) =>
    b.status === 'active'
      ? execute(...revocationWrites(b, 'proxy', at, true))
      : ProxyBindingEntity.build(UpdateItemCommand).item({ personId: b.personId, bindingId: b.bindingId, proxyPhone: '' }).options({ condition: { attr: 'bindingId', exists: true } }).send(),
  );
  drop(r.applications, (a) => PersonApplicationEntity.build(DeleteItemCommand).key({ applicationId: a.applicationId }).send());
  drop(r.fairs, (f) => FairRegistrationEntity.build(DeleteItemCommand).key({ fairId: f.fairId, userId: f.userId }).send());
  drop(r.notices, (n) => NoticeSlipEntity.build(DeleteItemCommand).key({ noticeId: n.noticeId }).send());
  if (reg) {
    work.push(async () => {
      const { Items: invitations = [] } = await table.build(QueryCommand).entities(EmployerInvitationEntity).query({ index: 'gsi2', partition: `INVITES#${reg.phone}` }).send();
      for (const inv of invitations) report.deleted += await ifStill(() => EmployerInvitationEntity.build(DeleteItemCommand).key({ employerId: inv.employerId, phone: inv.phone }).send());
    });
  }
  for (const phone of new Set([reg?.phone, ...r.actingFor.map((b) => b.proxyPhone)].filter((p): p is string => !!p))) {
    work.push(async () => {
      const { Items: invitations = [] } = await table.build(QueryCommand).entities(ProxyInvitationEntity).query({ index: 'gsi2', partition: `PROXYINVITES#${phone}` }).send();
      for (const inv of invitations) report.deleted += await ifStill(() => ProxyInvitationEntity.build(DeleteItemCommand).key({ personId: inv.personId, phone: inv.phone }).send());
    });
  }
  const store = await getObjectStore();
  for (const purpose of PERSONAL_UPLOADS) work.push(async () => void (report.objects += await store.removeAll(`${purpose}/${userId}/`)));
  await mapLimit(work, PARALLEL_WRITES, (job) => job());

  // 4. The keys to the person: their ID number's claim (so the same number can register again),
  // their search card, their sign-in links, then the registration itself with an audit event.
  // The claim, the card and the sign-in links first, side by side (they are found through the
  // registration and the profile); then the registration, with its audit event, beside the rest of
  // the partition: a run stopped before them finds them again by what is left.
  const keys: Promise<number>[] = [];
  if (reg) {
    keys.push(ifStill(() => IdNumberClaimEntity.build(DeleteItemCommand).key({ idNumberHash: reg.idNumberHash }).options({ condition: { attr: 'userId', eq: userId } }).send()));
    keys.push(ifStill(() => SeekerCardEntity.build(DeleteItemCommand).key({ ...geoKeys(reg.residence), userId }).send()));
  }
  if (profile?.openid) {
    for (const provider of ['wechat', 'dev'] as const) {
      keys.push(ifStill(() => IdentityLinkEntity.build(DeleteItemCommand).key({ provider, subject: profile.openid! }).options({ condition: { attr: 'userId', eq: userId } }).send()));
    }
  }
  for (const n of await Promise.all(keys)) report.deleted += n;
  const deleteRegistration = async (): Promise<number> => {
    if (!reg) return 0;
    const audit = nextAuditEvent(parseAuditHead(reg.auditHead), {
      recordType: 'JobseekerRegistration',
      recordId: userId,
      actorId: ACTOR,
      at,
      action: 'erase',
      fromState: 'registered',
      toState: 'erased',
      reason: '本人注销账号',
    });
    await execute(JobseekerRegistrationEntity.build(DeleteTransaction).key({ userId }), audit.put);
    return 1;
  };
  for (const n of await Promise.all([deleteRaw(r.own.filter((i) => !KEPT_OWN(i.sk) && i.sk !== 'JOBSEEKER_REG')), deleteRegistration()])) report.deleted += n;
  // The standing figures stop counting the person now (the stream would, a moment later, too).
  await recountPerson(userId);

  // 5. Done: the mark (every consent gone with the data), the log's line, the due entry removed.
  // The closing as read with the records (after the mark, nothing changes it).
  const state = ownOf(r, 'CONSENTS')[0] as { closing?: { eraseAfter: string } } | undefined;
  await execute(
    ConsentsEntity.build(PutTransaction).item({ userId, erasedAt: at, updatedAt: at }),
    ConsentEventEntity.build(PutTransaction).item({ userId, eventId: ulid(now.getTime()), purpose: 'account', action: 'erased', version: '-', at }),
    ...(state?.closing ? [ErasureDueEntity.build(DeleteTransaction).key({ eraseAfter: state.closing.eraseAfter, userId })] : []),
  );
  logger.info('account erased', { ...report });
  return report;
}

/** The erasure run: every account whose cooling-off has ended, one at a time. */
export async function eraseDue(now = new Date()): Promise<ErasureReport[]> {
  const due = await queryAll((start) =>
    table
      .build(QueryCommand)
      .entities(ErasureDueEntity)
      .query({ partition: 'ERASURES_DUE', range: { lt: now.toISOString() } })
      .options(start ? { exclusiveStartKey: start } : {})
      .send(),
  );
  const done: ErasureReport[] = [];
  for (const d of due) {
    const report = await eraseAccount(d.userId, now);
    if (report) done.push(report);
  }
  return done;
}
