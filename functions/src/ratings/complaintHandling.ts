// Handling complaints (staff): the complaint with its photos (five-minute links) and the
// person's phone, and each step of the answer; resolving it closes its inbox task in the same
// transaction. Apart from filing, so only these functions carry the photo signer.
import { GetItemCommand } from 'dynamodb-toolbox/entity/actions/get';
import { UpdateTransaction } from 'dynamodb-toolbox/entity/actions/transactUpdate';
import { $append } from 'dynamodb-toolbox/entity/actions/update';
import { execute } from 'dynamodb-toolbox/entity/actions/transactWrite';
import { ComplaintEntity } from './entities';
import { JobseekerRegistrationEntity } from '../db/entities';
import { cancelledTransaction } from '../db/errors';
import { ConflictError, NotFoundError } from '../http/errors';
import { scopeOf } from '../http/jurisdiction';
import type { Principal } from '../http/session';
import { recordAccess } from '../access/log';
import { closeTask, loadTask } from '../tasks/tasks';
import { viewUrls } from '../uploads/store';
import { handlingArea, load, toView, type StoredComplaint } from './complaints';

async function inScope(principal: Principal, complaintId: string): Promise<StoredComplaint> {
  const scope = scopeOf(principal);
  const c = await load(complaintId);
  // Handled from the street up: community staff do not see complaints (they may be about them).
  if (!c || !handlingArea(c.areaCode).startsWith(scope)) throw new NotFoundError('您的辖区里没有这件投诉');
  return c;
}

/** A complaint as staff see it, with its author's name and phone: a read of personal data, recorded (访问记录). */
async function toStaffView(c: StoredComplaint, seen: { principal: Principal; route: string }) {
  const { Item: reg } = await JobseekerRegistrationEntity.build(GetItemCommand).key({ userId: c.userId }).send();
  if (reg) await recordAccess(seen.principal, { personId: c.userId, personName: reg.name, kind: 'complainant', route: seen.route });
  return {
    ...toView(c),
    complainantName: reg?.name ?? '（未做求职登记）',
    ...(reg?.phone ? { complainantPhone: reg.phone } : {}),
    photoUrls: (await viewUrls(c.photoKeys)).map((p) => p.url),
  };
}

export async function staffComplaint(principal: Principal, complaintId: string) {
  return toStaffView(await inScope(principal, complaintId), { principal, route: 'GET /staff/complaints/{id}' });
}

/** A step of the handling; `resolved` answers the person and closes the task in the same transaction. */
export async function complaintProgress(principal: Principal, complaintId: string, status: 'processing' | 'resolved', note: string) {
  const c = await inScope(principal, complaintId);
  if (c.status === 'resolved') throw new ConflictError('这件投诉已经办结了');
  const at = new Date().toISOString();
  const task = status === 'resolved' ? await loadTask(c.taskId) : undefined;
  try {
    await execute(
      ComplaintEntity.build(UpdateTransaction)
        .item({ complaintId, status, progress: $append([{ at, status, note, by: principal.userId }]), updatedAt: at })
        .options({ condition: { attr: 'status', ne: 'resolved' } }),
      ...(task?.status === 'open' ? [closeTask(task, principal.userId, at, note)] : []),
    );
  } catch (err) {
    if (cancelledTransaction(err)) throw new ConflictError('这件投诉已经办结了');
    throw err;
  }
  return toStaffView((await load(complaintId))!, { principal, route: 'POST /staff/complaints/{id}/progress' });
}
