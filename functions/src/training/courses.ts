// Courses (培训班): published by the members of a designated training institution, found near
// home by a search card under the course's geohash cell (as vacancies are), read with their live
// seat counters.
import { GetItemCommand } from 'dynamodb-toolbox/entity/actions/get';
import { PutTransaction } from 'dynamodb-toolbox/entity/actions/transactPut';
import { execute } from 'dynamodb-toolbox/entity/actions/transactWrite';
import { QueryCommand } from 'dynamodb-toolbox/table/actions/query';
import type { FormattedItem } from 'dynamodb-toolbox/entity';
import { ulid } from 'ulid';
import { geoKeys, isWithinArea, signUpOpen, todayInChina, type Course, type CourseBody, type z, type nearbyCoursesQuerySchema } from '@doorstep/shared';
import { areaFullName } from '../areas/dataset';
import { mapLimit } from '../concurrency';
import { CourseCardEntity, CourseEntity } from './entities';
import { EmployerMemberEntity } from '../db/entities';
import { VoucherProgrammeEntity } from '../vouchers/entities';
import { table } from '../db/table';
import { ForbiddenError, NotFoundError, ValidationError } from '../http/errors';
import type { Principal } from '../http/session';
import { decodeDistanceCursor, encodeDistanceCursor, nearestCourses } from '../vacancies/search';
import { providerForMember } from '../vouchers/redeemable';
import { programmesCovering } from '../vouchers/store';

export type StoredCourse = FormattedItem<typeof CourseEntity>;
type StoredBody = Omit<CourseBody, 'providerId'>;

export const courseBodyOf = (c: StoredCourse): StoredBody => JSON.parse(c.bodyJson) as StoredBody;

export function toCourseView(c: StoredCourse, today = todayInChina()): Course {
  const body = courseBodyOf(c);
  return {
    id: c.courseId,
    providerId: c.providerId,
    providerName: c.providerName,
    title: body.title,
    occupationName: body.occupationName,
    level: body.level,
    type: body.type,
    schedule: body.schedule,
    place: { ...body.place, areaName: areaFullName(body.place.areaCode) },
    seats: c.seats,
    enrolled: c.enrolled,
    waiting: c.waiting,
    feeFen: body.feeFen,
    acceptedProgrammes: JSON.parse(c.programmesJson) as { id: string; name: string }[],
    eligibleGroups: body.eligibleGroups,
    materials: body.materials,
    signUpDeadline: c.signUpDeadline,
    open: c.status === 'open' && signUpOpen(c.signUpDeadline, today),
  };
}

export async function loadCourse(courseId: string, consistent = false): Promise<StoredCourse | undefined> {
  const { Item } = await CourseEntity.build(GetItemCommand).key({ courseId }).options({ consistent }).send();
  return Item;
}

/** Cards stay a week past the deadline for the TTL sweep; search stops showing them the day after. */
const cardTtl = (deadline: string) => Math.floor(Date.parse(`${deadline}T23:59:59+08:00`) / 1000) + 7 * 24 * 3600;

export async function createCourse(principal: Principal, body: CourseBody): Promise<Course> {
  const provider = await providerForMember(principal, body.providerId);
  if (!provider.types.includes('training_institution')) throw new ForbiddenError('只有认定的培训机构才能发布培训班，请联系区人社部门');
  // Each accepted programme must be an approved one whose training vouchers this institution may redeem.
  const programmes = await Promise.all(body.acceptedProgrammeIds.map((programmeId) => VoucherProgrammeEntity.build(GetItemCommand).key({ programmeId }).send()));
  programmes.forEach(({ Item: p }, i) => {
    if (!p || p.status !== 'approved' || !p.providerTypes.includes('training_institution') || !isWithinArea(provider.areaCode, p.areaCode)) {
      throw new ValidationError([{ path: ['acceptedProgrammeIds', i], message: '这种就业券不能在本机构使用' }]);
    }
  });
  const { providerId, ...rest } = body;
  const courseId = ulid();
  const now = new Date().toISOString();
  const item: StoredCourse = {
    courseId,
    providerId,
    providerName: provider.name,
    bodyJson: JSON.stringify(rest),
    programmesJson: JSON.stringify(programmes.map(({ Item: p }) => ({ id: p!.programmeId, name: p!.name }))),
    seats: body.seats,
    enrolled: 0,
    waiting: 0,
    signUpDeadline: body.signUpDeadline,
    startsOn: body.schedule.startsOn,
    status: 'open',
    createdBy: principal.userId,
    createdAt: now,
    gsi1pk: `PROVIDER_COURSES#${providerId}`,
    gsi1sk: `${body.schedule.startsOn}#${courseId}`,
  };
  const { cell, hash } = geoKeys(body.place);
  await execute(
    CourseEntity.build(PutTransaction).item(item).options({ condition: { attr: 'courseId', exists: false } }),
    CourseCardEntity.build(PutTransaction).item({
      cell,
      hash,
      courseId,
      lat: body.place.lat,
      lng: body.place.lng,
      occupationName: body.occupationName,
      signUpDeadline: body.signUpDeadline,
      ttl: cardTtl(body.signUpDeadline),
    }),
  );
  return toCourseView(item);
}

export async function getCourse(courseId: string): Promise<Course> {
  const course = await loadCourse(courseId);
  if (!course) throw new NotFoundError('找不到这个培训班');
  return toCourseView(course);
}

/** 附近的培训班: open courses within the radius, nearest first, optionally of one occupation. */
export async function nearbyCourses(q: z.infer<typeof nearbyCoursesQuerySchema>) {
  const today = todayInChina();
  const occupation = q.occupation?.trim();
  const after = q.cursor ? decodeDistanceCursor(q.cursor) : undefined;
  const { page } = await nearestCourses({
    center: { lat: q.lat, lng: q.lng },
    limitM: q.radiusKm * 1000,
    need: q.limit + 1,
    accept: (card) => signUpOpen(card.signUpDeadline, today) && (!occupation || card.occupationName.includes(occupation)),
    ...(after ? { after } : {}),
  });
  const shown = page.slice(0, q.limit);
  const courses = await mapLimit(shown, 10, (c) => loadCourse(c.card.courseId));
  const last = shown[shown.length - 1];
  return {
    items: shown.flatMap((c, i) => {
      const course = courses[i];
      return course && course.status === 'open' ? [{ course: toCourseView(course, today), distanceM: c.distanceM }] : [];
    }),
    ...(page.length > q.limit && last ? { nextCursor: encodeDistanceCursor(last.distanceM, last.card.courseId) } : {}),
  };
}

/** The institution's courses, latest start first (its members). */
export async function providerCourses(principal: Principal, providerId: string): Promise<Course[]> {
  const { Item: member } = await EmployerMemberEntity.build(GetItemCommand).key({ employerId: providerId, userId: principal.userId }).send();
  if (!member) throw new NotFoundError('找不到这个机构');
  const { Items = [] } = await table
    .build(QueryCommand)
    .entities(CourseEntity)
    .query({ index: 'gsi1', partition: `PROVIDER_COURSES#${providerId}` })
    .options({ reverse: true, limit: 100 })
    .send();
  const today = todayInChina();
  return Items.map((c) => toCourseView(c, today));
}

/** The programmes whose vouchers this training institution may take for its courses (its members). */
export async function institutionProgrammes(principal: Principal, providerId: string) {
  const provider = await providerForMember(principal, providerId);
  const programmes = await programmesCovering(provider.areaCode);
  return programmes
    .filter((p) => p.providerTypes.includes('training_institution'))
    .map((p) => ({ id: p.programmeId, name: p.name, serviceName: p.serviceName, faceValueFen: p.faceValueFen }));
}
