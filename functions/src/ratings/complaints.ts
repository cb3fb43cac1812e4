// Complaints and suggestions (投诉/意见, domain.md F69): received by the street of the community
// they concern (the community itself may be what is complained about), answered within 15
// working days through a task in the staff inbox, each step shown to the person.
import { GetItemCommand } from 'dynamodb-toolbox/entity/actions/get';
import { PutTransaction } from 'dynamodb-toolbox/entity/actions/transactPut';
import { execute } from 'dynamodb-toolbox/entity/actions/transactWrite';
import { QueryCommand } from 'dynamodb-toolbox/table/actions/query';
import type { FormattedItem } from 'dynamodb-toolbox/entity';
import { ulid } from 'ulid';
import {
  complaintKindLabels,
  complaintTopicLabels,
  taskDue,
  todayInChina,
  uploadOwner,
  type Complaint,
  type ComplaintBody,
  type ComplaintStatus,
  type ComplaintTopic,
} from '@doorstep/shared';
import { areaFullName, isKnownArea } from '../areas/dataset';
import { ComplaintEntity } from './entities';
import { JobseekerRegistrationEntity } from '../db/entities';
import { table } from '../db/table';
import { RuleError, ValidationError } from '../http/errors';
import type { RecordAnswer } from '../http/idempotency';
import { openTask } from '../tasks/tasks';

export type StoredComplaint = FormattedItem<typeof ComplaintEntity>;

/** The street that handles complaints about a community. */
export const handlingArea = (communityCode: string) => communityCode.slice(0, 9);

export function toView(c: StoredComplaint): Complaint {
  return {
    id: c.complaintId,
    kind: c.kind,
    topic: c.topic as ComplaintTopic,
    text: c.text,
    photoCount: c.photoKeys.length,
    areaCode: c.areaCode,
    areaName: areaFullName(c.areaCode),
    status: c.status,
    due: c.due,
    progress: c.progress.map((p) => ({ at: p.at, status: p.status as ComplaintStatus, note: p.note })),
    createdAt: c.createdAt,
  };
}

export async function load(complaintId: string) {
  const { Item } = await ComplaintEntity.build(GetItemCommand).key({ complaintId }).options({ consistent: true }).send();
  return Item;
}

export async function createComplaint(userId: string, body: ComplaintBody, record?: RecordAnswer<{ complaint: Complaint }>): Promise<Complaint> {
  body.photoKeys.forEach((key, i) => {
    if (uploadOwner(key) !== userId) throw new ValidationError([{ path: ['photoKeys', i], message: '图片无效，请重新上传' }]);
  });
  let areaCode = body.areaCode;
  if (!areaCode) {
    const { Item: reg } = await JobseekerRegistrationEntity.build(GetItemCommand).key({ userId }).send();
    areaCode = reg?.residence.areaCode;
  }
  if (!areaCode) throw new RuleError('请选择投诉或意见涉及的社区');
  if (areaCode.length !== 12 || !isKnownArea(areaCode)) throw new ValidationError([{ path: ['areaCode'], message: '请选择到社区（村）一级' }]);
  if ((body.serviceType === undefined) !== (body.serviceId === undefined)) {
    throw new ValidationError([{ path: ['serviceId'], message: '请同时写明服务类型和服务编号，或都不写' }]);
  }

  const complaintId = ulid();
  const taskId = ulid();
  const at = new Date().toISOString();
  const today = todayInChina();
  const due = taskDue('complaint', today);
  const item: StoredComplaint = {
    complaintId,
    userId,
    kind: body.kind,
    topic: body.topic,
    text: body.text,
    photoKeys: body.photoKeys,
    areaCode,
    ...(body.serviceType ? { serviceType: body.serviceType, serviceId: body.serviceId } : {}),
    status: 'received',
    due,
    taskId,
    progress: [{ at, status: 'received', note: `已受理，由${areaFullName(handlingArea(areaCode))}办理，${due}前答复`, by: 'system' }],
    createdAt: at,
    updatedAt: at,
    gsi2pk: `USER_COMPLAINTS#${userId}`,
    gsi2sk: `${at}#${complaintId}`,
  };
  const view = toView(item);
  await execute(
    ComplaintEntity.build(PutTransaction).item(item),
    openTask({
      taskId,
      kind: 'complaint',
      detail: `${complaintKindLabels[body.kind]}·${complaintTopicLabels[body.topic]}（${areaFullName(areaCode)}）：${body.text}`.slice(0, 300),
      areaCode: handlingArea(areaCode),
      subjectType: 'Complaint',
      subjectId: complaintId,
      today,
      at,
      personId: userId,
    }),
    ...(record ? [record({ complaint: view })] : []),
  );
  return view;
}

export async function myComplaints(userId: string): Promise<Complaint[]> {
  const { Items = [] } = await table
    .build(QueryCommand)
    .entities(ComplaintEntity)
    .query({ index: 'gsi2', partition: `USER_COMPLAINTS#${userId}` })
    .options({ reverse: true, limit: 50 })
    .send();
  return Items.map(toView);
}
