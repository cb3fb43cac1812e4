// 访问记录: a staff read of a person's personal data leaves one record — who, when, which person,
// what, from which route — written by the route that read it, after it has read it. An officer
// reading more than ACCESS_FLAG_PER_HOUR (configuration; 100 by default) different people's ID-backed records within an hour opens a
// task for the level above (once: the count crosses the line in exactly one request).
import { PutItemCommand } from 'dynamodb-toolbox/entity/actions/put';
import { $add, UpdateItemCommand } from 'dynamodb-toolbox/entity/actions/update';
import { execute } from 'dynamodb-toolbox/entity/actions/transactWrite';
import { ulid } from 'ulid';
import { getConfig } from '../config';
import { areaCodeLength, maskName, STAFF_LEVELS, todayInChina, type AccessKind, type StaffLevelName } from '@doorstep/shared';
import { isConditionFailure } from '../db/errors';
import type { Principal } from '../http/session';
import { openTask } from '../tasks/tasks';
import { AccessCountEntity, AccessSeenEntity, PersonAccessEntity, personAccessIndexKeys } from './entities';

/** The kinds that read a record behind an ID number (counted for the flag). */
const ID_BACKED: readonly AccessKind[] = ['person', 'idSearch'];

/** The area of the level above an officer's (a city stays itself: nobody is above it here). */
function areaAbove(level: StaffLevelName, areaCode: string): string {
  const above = STAFF_LEVELS[Math.min(STAFF_LEVELS.indexOf(level) + 1, STAFF_LEVELS.length - 1)];
  return areaCode.slice(0, areaCodeLength(above));
}

export async function recordAccess(principal: Principal, read: { personId: string; personName: string; kind: AccessKind; route: string }, now = new Date()): Promise<void> {
  if (!principal.level || !principal.areaCode) return; // not an officer of an area: nothing staff-side was read
  const at = now.toISOString();
  const accessId = ulid(now.getTime());
  await PersonAccessEntity.build(PutItemCommand)
    .item({
      personId: read.personId,
      accessId,
      personName: maskName(read.personName),
      officerId: principal.userId,
      officerLevel: principal.level,
      officerArea: principal.areaCode,
      kind: read.kind,
      route: read.route,
      at,
      ...personAccessIndexKeys(principal.areaCode, at, accessId),
    })
    .send();
  if (ID_BACKED.includes(read.kind)) await countForFlag(principal as Principal & { level: StaffLevelName; areaCode: string }, read.personId, now);
}

async function countForFlag(officer: Principal & { level: StaffLevelName; areaCode: string }, personId: string, now: Date): Promise<void> {
  const hour = now.toISOString().slice(0, 13);
  const ttl = Math.floor(now.getTime() / 1000) + 2 * 3600;
  try {
    await AccessSeenEntity.build(PutItemCommand).item({ officerId: officer.userId, hour, personId, ttl }).options({ condition: { attr: 'personId', exists: false } }).send();
  } catch (err) {
    if (isConditionFailure(err)) return; // this person was counted this hour already
    throw err;
  }
  const { Attributes } = await AccessCountEntity.build(UpdateItemCommand)
    .item({ officerId: officer.userId, hour, count: $add(1), ttl })
    .options({ returnValues: 'ALL_NEW' })
    .send();
  const limit = getConfig().ACCESS_FLAG_PER_HOUR;
  if (Attributes?.count !== limit + 1) return;
  await execute(
    openTask({
      kind: 'access_anomaly',
      detail: `一名工作人员（${officer.areaCode}）在 ${hour.slice(11)} 时这一小时内查看了超过 ${limit} 人的身份证信息，请在“访问记录”中核实`,
      areaCode: areaAbove(officer.level, officer.areaCode),
      subjectType: 'StaffAccount',
      subjectId: officer.userId,
      today: todayInChina(now),
      at: now.toISOString(),
    }),
  );
}
