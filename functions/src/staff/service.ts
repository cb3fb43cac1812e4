// What staff see of people and employers in their jurisdiction. Outside it: 404, as if unknown.
// Personal data is masked except what a decision needs (name, age, area; the licence photo).
import { GetItemCommand } from 'dynamodb-toolbox/entity/actions/get';
import { QueryCommand } from 'dynamodb-toolbox/table/actions/query';
import { ageOn, effectiveTakeStatus, idNumberProblemMessages, inJurisdiction, maskPhone, parseIdNumber, todayInChina, type Education } from '@doorstep/shared';
import { areaFullName } from '../areas/dataset';
import { listApplications } from '../applications/service';
import { currentCategories } from '../applications/categories';
import { EmployerEntity, IdNumberClaimEntity, JobseekerRegistrationEntity } from '../db/entities';
import { InterviewRecordEntity } from '../interviews/entities';
import { table } from '../db/table';
import { getDependencies } from '../deps';
import { GigTakeEntity } from '../gigs/entities';
import { toEmployerView } from '../employers/service';
import { NotFoundError, ValidationError } from '../http/errors';
import type { Principal } from '../http/session';
import { recordAccess } from '../access/log';
import { viewUrls } from '../uploads/store';
import { viewLink } from '../uploads/viewLinks';

async function personInScope(principal: Principal, userId: string) {
  const { Item: reg } = await JobseekerRegistrationEntity.build(GetItemCommand).key({ userId }).send();
  if (!reg || !inJurisdiction(reg.residence.areaCode, principal.level, principal.areaCode)) throw new NotFoundError('找不到这个人员');
  return reg;
}

/** The person's 零工 done: on how many days (灵活就业), and the pay recorded. */
async function flexibleWork(userId: string, now = new Date()) {
  const { Items = [] } = await table.build(QueryCommand).entities(GigTakeEntity).query({ index: 'gsi2', partition: `USER_GIGTAKES#${userId}` }).options({ reverse: true, limit: 200 }).send();
  const done = Items.filter((t) => effectiveTakeStatus(t, now) === 'done');
  return { days: new Set(done.map((t) => todayInChina(new Date(t.startsAt)))).size, incomeFen: done.reduce((n, t) => n + (t.pay?.amountFen ?? 0), 0) };
}

async function personView(userId: string, reg: Awaited<ReturnType<typeof personInScope>>) {
  const [{ Item: interviews }, gigs] = await Promise.all([InterviewRecordEntity.build(GetItemCommand).key({ userId }).send(), flexibleWork(userId)]);
  return {
    id: userId,
    name: reg.name,
    gender: reg.gender,
    birthDate: reg.birthDate,
    age: ageOn(reg.birthDate),
    idNumberMasked: reg.idNumberMasked,
    phoneMasked: maskPhone(reg.phone),
    education: reg.education as Education,
    ...(reg.graduationDate ? { graduationDate: reg.graduationDate } : {}),
    residence: { areaCode: reg.residence.areaCode, areaName: areaFullName(reg.residence.areaCode), address: reg.residence.address, lat: reg.residence.lat, lng: reg.residence.lng },
    interviews: { attended: interviews?.attended ?? 0, noShows: interviews?.noShows ?? 0 },
    flexibleWork: gigs,
  };
}

export async function staffPerson(principal: Principal, userId: string) {
  const reg = await personInScope(principal, userId);
  const [{ categories }, applications] = await Promise.all([currentCategories(userId), listApplications(userId)]);
  // Staff judge the evidence: each photo gets a short-lived link.
  const withLinks = await Promise.all(applications.map(async (a) => ({ ...a, evidence: await viewUrls(a.evidence.map((e) => e.key)) })));
  const view = { person: await personView(userId, reg), categories, applications: withLinks };
  await recordAccess(principal, { personId: userId, personName: reg.name, kind: 'person', route: 'GET /staff/people/{id}' });
  return view;
}

/** Finding a person by ID number (for assisted filing): through the blind index, never a scan. */
export async function findPersonByIdNumber(principal: Principal, idNumber: string, route = 'POST /staff/people/search') {
  const parsed = parseIdNumber(idNumber);
  if (!parsed.ok) throw new ValidationError([{ path: ['idNumber'], message: idNumberProblemMessages[parsed.problem] }]);
  const hash = getDependencies().idNumbers.blindIndex(parsed.value.idNumber);
  const { Item: claim } = await IdNumberClaimEntity.build(GetItemCommand).key({ idNumberHash: hash }).send();
  if (!claim) throw new NotFoundError('辖区内没有这个身份证号的求职登记');
  try {
    const reg = await personInScope(principal, claim.userId);
    const person = await personView(claim.userId, reg);
    await recordAccess(principal, { personId: claim.userId, personName: reg.name, kind: 'idSearch', route });
    return { person };
  } catch (err) {
    if (err instanceof NotFoundError) throw new NotFoundError('辖区内没有这个身份证号的求职登记');
    throw err;
  }
}

export async function staffEmployer(principal: Principal, employerId: string) {
  const { Item: employer } = await EmployerEntity.build(GetItemCommand).key({ employerId }).send();
  if (!employer || !inJurisdiction(employer.address.areaCode, principal.level, principal.areaCode)) throw new NotFoundError('找不到这个单位');
  const { contactPhone, ...view } = toEmployerView(employer);
  return {
    employer: {
      ...view,
      contactPhoneMasked: maskPhone(contactPhone),
      ...(employer.licenceImageKey ? { licenceUrl: await viewLink(employer.licenceImageKey) } : {}),
    },
  };
}
