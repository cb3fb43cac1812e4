// The training-needs survey (培训需求调查): one answer per person, replaceable; counted in the same
// transaction at every level of the person's area (community, street, district, city), so staff at
// any level read their area's figures from one partition, never by a scan.
import { GetItemCommand } from 'dynamodb-toolbox/entity/actions/get';
import { PutTransaction } from 'dynamodb-toolbox/entity/actions/transactPut';
import { UpdateTransaction } from 'dynamodb-toolbox/entity/actions/transactUpdate';
import { $add } from 'dynamodb-toolbox/entity/actions/update';
import { execute } from 'dynamodb-toolbox/entity/actions/transactWrite';
import { QueryCommand } from 'dynamodb-toolbox/table/actions/query';
import { courseTypeLabels, isWithinArea, needCounterChanges, needTimeLabels, type CourseType, type NeedTime, type z, type trainingNeedBodySchema } from '@doorstep/shared';
import { areaFullName } from '../areas/dataset';
import { JobseekerRegistrationEntity } from '../db/entities';
import { TrainingNeedCountEntity, TrainingNeedEntity } from './entities';
import { cancelledTransaction } from '../db/errors';
import { table } from '../db/table';
import { ConflictError, ForbiddenError, NotFoundError } from '../http/errors';
import type { Principal } from '../http/session';
import { scopeOf } from '../vouchers/access';

type NeedBody = z.infer<typeof trainingNeedBodySchema>;

export async function submitTrainingNeed(userId: string, body: NeedBody) {
  const [{ Item: reg }, { Item: previous }] = await Promise.all([
    JobseekerRegistrationEntity.build(GetItemCommand).key({ userId }).send(),
    TrainingNeedEntity.build(GetItemCommand).key({ userId }).options({ consistent: true }).send(),
  ]);
  if (!reg) throw new ForbiddenError('请先完成求职登记，再填写培训需求');
  const areaCode = reg.residence.areaCode;
  const occupations = [...new Set(body.occupations)];
  const need = { occupations, type: body.type, time: body.time };
  const changes = needCounterChanges(
    areaCode,
    need,
    previous ? { areaCode: previous.areaCode, need: { occupations: previous.occupations, type: previous.type as CourseType, time: previous.time as NeedTime } } : undefined,
  );
  const updatedAt = new Date().toISOString();
  try {
    await execute(
      TrainingNeedEntity.build(PutTransaction)
        .item({ userId, ...need, areaCode, version: (previous?.version ?? 0) + 1, updatedAt })
        .options({ condition: previous ? { attr: 'version', eq: previous.version } : { attr: 'userId', exists: false } }),
      ...changes.map((c) => TrainingNeedCountEntity.build(UpdateTransaction).item({ areaCode: c.areaCode, key: c.key, count: $add(c.delta) })),
    );
  } catch (err) {
    if (cancelledTransaction(err)?.conditionFailed[0]) throw new ConflictError('您的培训需求刚刚已经更新，请刷新后再填');
    throw err;
  }
  return { need: { ...need, areaCode, updatedAt } };
}

/** The area's figures: how many answered, and the counts by occupation (most wanted first), type and time. */
export async function staffTrainingNeeds(principal: Principal, areaCode: string) {
  const scope = scopeOf(principal);
  if (!isWithinArea(areaCode, scope)) throw new NotFoundError('不在您的辖区内');
  const rows: { key: string; count: number }[] = [];
  let exclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const page = await table
      .build(QueryCommand)
      .entities(TrainingNeedCountEntity)
      .query({ partition: `TRAINING_NEEDS#${areaCode}` })
      .options(exclusiveStartKey ? { exclusiveStartKey } : {})
      .send();
    rows.push(...(page.Items ?? []));
    exclusiveStartKey = page.LastEvaluatedKey;
  } while (exclusiveStartKey);
  const of = (prefix: string, label: (v: string) => string) =>
    rows
      .filter((r) => r.key.startsWith(prefix) && r.count > 0)
      .map((r) => ({ value: r.key.slice(prefix.length), label: label(r.key.slice(prefix.length)), count: r.count }))
      .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value, 'zh-CN'));
  return {
    areaCode,
    areaName: areaFullName(areaCode),
    total: rows.find((r) => r.key === 'TOTAL')?.count ?? 0,
    occupations: of('OCC#', (v) => v),
    types: of('TYPE#', (v) => courseTypeLabels[v as CourseType] ?? v),
    times: of('TIME#', (v) => needTimeLabels[v as NeedTime] ?? v),
  };
}
