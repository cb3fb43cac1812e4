// 反映问题: anyone reading a notice may object to a line, without signing in. The objection becomes a
// task for the district and holds that line alone (its application `held`) until the district
// decides: upheld → the application is refused with the reason (its months and budget given back);
// not upheld → the line goes on (back on notice, or cleared if the notice has ended meanwhile).
import { GetItemCommand } from 'dynamodb-toolbox/entity/actions/get';
import { PutTransaction } from 'dynamodb-toolbox/entity/actions/transactPut';
import { UpdateTransaction } from 'dynamodb-toolbox/entity/actions/transactUpdate';
import { $add } from 'dynamodb-toolbox/entity/actions/update/symbols';
import { execute } from 'dynamodb-toolbox/entity/actions/transactWrite';
import { QueryCommand } from 'dynamodb-toolbox/table/actions/query';
import { ulid } from 'ulid';
import { isWithinArea, noticeOpen, todayInChina } from '@doorstep/shared';
import { retryConflicts } from '../concurrency';
import { cancelledTransaction } from '../db/errors';
import { queryAll } from '../db/queryAll';
import { table } from '../db/table';
import type { TransactionWrite } from '../db/transaction';
import { ConflictError, ForbiddenError, NotFoundError } from '../http/errors';
import { scopeOf } from '../http/jurisdiction';
import type { Principal } from '../http/session';
import { closeTask, loadTask, openTask } from '../tasks/tasks';
import { SubsidyNoticeEntity, SubsidyNoticeLineEntity, SubsidyObjectionEntity } from './entities';
import { applicationPut, loadApplication, movedApplication } from './applications';
import { loadNotice } from './notices';

type StoredObjection = NonNullable<Awaited<ReturnType<typeof loadObjection>>>;

async function loadObjection(objectionId: string) {
  const { Item } = await SubsidyObjectionEntity.build(GetItemCommand).key({ objectionId }).options({ consistent: true }).send();
  return Item;
}

const toObjectionView = (o: StoredObjection) => ({
  id: o.objectionId,
  noticeId: o.noticeId,
  lineNo: o.lineNo,
  applicationId: o.applicationId,
  what: o.what,
  contact: o.contact,
  status: o.status,
  receivedAt: o.receivedAt,
  ...(o.resolvedAt ? { resolvedAt: o.resolvedAt } : {}),
  ...(o.resolution ? { resolution: o.resolution } : {}),
});

export async function raiseObjection(noticeId: string, body: { lineNo: number; what: string; contact: string }) {
  const n = await loadNotice(noticeId);
  if (!n || n.status === 'publishing') throw new NotFoundError('找不到这份公示');
  const today = todayInChina();
  if (n.status !== 'open' || !noticeOpen(n.endsOn, today)) throw new ConflictError(`公示已于${n.endsOn}结束，如有问题请拨打监督电话${n.contactPhone}`);
  const { Item: line } = await SubsidyNoticeLineEntity.build(GetItemCommand).key({ noticeId, lineNo: body.lineNo }).options({ consistent: true }).send();
  if (!line) throw new NotFoundError('公示名单中没有这一行');
  const now = new Date().toISOString();
  const objectionId = ulid();
  const taskId = ulid();
  const task = openTask({
    kind: 'subsidy_objection',
    detail: `公示第${body.lineNo}行（${line.communityName} ${line.maskedName}）有群众反映问题`,
    areaCode: n.areaCode,
    subjectType: 'subsidy_objection',
    subjectId: objectionId,
    today,
    at: now,
    taskId,
  });
  await retryConflicts(async () => {
    const a = await loadApplication(line.applicationId);
    if (!a || (a.stage !== 'on_notice' && a.stage !== 'held')) throw new ConflictError('这一行已经处理完毕');
    const held = movedApplication(a, 'held', 'public:objection', now);
    const holding: TransactionWrite[] = a.stage === 'on_notice' ? applicationPut(a, held) : [];
    try {
      await execute(
        SubsidyObjectionEntity.build(PutTransaction)
          .item({ objectionId, noticeId, lineNo: body.lineNo, applicationId: line.applicationId, what: body.what, contact: body.contact, status: 'open', taskId, receivedAt: now, gsi1pk: `SUBNOTICE_OBJ#${noticeId}`, gsi1sk: `${now}#${objectionId}` })
          .options({ condition: { attr: 'objectionId', exists: false } }),
        SubsidyNoticeLineEntity.build(UpdateTransaction).item({ noticeId, lineNo: body.lineNo, held: true }),
        SubsidyNoticeEntity.build(UpdateTransaction).item({ noticeId, openObjections: $add(1) }),
        task,
        ...holding,
      );
    } catch (err) {
      if (cancelledTransaction(err) && !cancelledTransaction(err)?.conflict) throw new ConflictError('这一行刚刚有了变化，请刷新后再反映');
      throw err;
    }
  });
  return { objection: { id: objectionId, lineNo: body.lineNo, receivedAt: now } };
}

async function noticeInScope(principal: Principal, noticeId: string) {
  const n = await loadNotice(noticeId);
  const scope = scopeOf(principal);
  if (!n || !(isWithinArea(n.areaCode, scope) || isWithinArea(scope, n.areaCode))) throw new NotFoundError('找不到这份公示');
  return n;
}

async function objectionsOf(noticeId: string) {
  return queryAll((start) =>
    table
      .build(QueryCommand)
      .entities(SubsidyObjectionEntity)
      .query({ index: 'gsi1', partition: `SUBNOTICE_OBJ#${noticeId}` })
      .options({ ...(start ? { exclusiveStartKey: start } : {}) })
      .send(),
  );
}

export async function listObjections(principal: Principal, noticeId: string) {
  await noticeInScope(principal, noticeId);
  return { items: (await objectionsOf(noticeId)).map(toObjectionView) };
}

/** The district decides. Upheld: the application is refused, the person reads why. Not upheld: the line goes on, unless another objection to it is still open. */
export async function resolveObjection(principal: Principal, objectionId: string, body: { upheld: boolean; resolution: string }) {
  if (principal.level !== 'district') throw new ForbiddenError('公示反映由区人社部门核实处理');
  const o = await loadObjection(objectionId);
  if (!o) throw new NotFoundError('找不到这条反映');
  const n = await noticeInScope(principal, o.noticeId);
  if (o.status !== 'open') throw new ConflictError('这条反映已经处理过了');
  const a = await loadApplication(o.applicationId);
  if (!a) throw new NotFoundError('找不到这份申请');
  const now = new Date().toISOString();
  const task = await loadTask(o.taskId);
  const resolved = { ...o, status: body.upheld ? ('upheld' as const) : ('dismissed' as const), resolvedAt: now, resolvedBy: principal.userId, resolution: body.resolution };
  const writes: TransactionWrite[] = [
    SubsidyObjectionEntity.build(PutTransaction).item(resolved).options({ condition: { attr: 'status', eq: 'open' } }),
    SubsidyNoticeEntity.build(UpdateTransaction).item({ noticeId: o.noticeId, openObjections: $add(-1) }),
    ...(task && task.status === 'open' ? [closeTask(task, principal.userId, now, body.resolution)] : []),
  ];
  if (body.upheld && a.stage === 'held') {
    const reason = `公示期间有群众反映问题，经核实不予发放：${body.resolution}`;
    const next = movedApplication(a, 'refused', principal.userId, now, { reason }, reason);
    writes.push(...applicationPut(a, next));
  } else if (!body.upheld && a.stage === 'held') {
    const others = (await objectionsOf(o.noticeId)).filter((x) => x.objectionId !== o.objectionId && x.applicationId === a.applicationId && x.status === 'open');
    if (!others.length) {
      const stillOpen = n.status === 'open' && noticeOpen(n.endsOn, todayInChina());
      const next = movedApplication(a, stillOpen ? 'on_notice' : 'cleared', principal.userId, now);
      writes.push(...applicationPut(a, next), SubsidyNoticeLineEntity.build(UpdateTransaction).item({ noticeId: o.noticeId, lineNo: o.lineNo, held: false }));
    }
  }
  try {
    await retryConflicts(() => execute(...writes));
  } catch (err) {
    if (cancelledTransaction(err)) throw new ConflictError('这条反映刚刚被同事处理过，请刷新');
    throw err;
  }
  return { objection: toObjectionView(resolved) };
}
