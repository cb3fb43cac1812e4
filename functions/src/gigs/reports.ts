// 零工 — reports and disputes, for the station of the job's street: a report of misconduct (once
// per reporter, job and person), or a poster's objection to a completion; each is a `gig_dispute`
// task due in 5 working days, escalating like every task. Deciding closes the task; an upheld
// report is a strike, and three strikes stop the person posting.
import { GetItemCommand } from 'dynamodb-toolbox/entity/actions/get';
import { PutTransaction } from 'dynamodb-toolbox/entity/actions/transactPut';
import { UpdateTransaction } from 'dynamodb-toolbox/entity/actions/transactUpdate';
import { execute } from 'dynamodb-toolbox/entity/actions/transactWrite';
import { $add } from 'dynamodb-toolbox/entity/actions/update';
import { QueryCommand } from 'dynamodb-toolbox/table/actions/query';
import type { FormattedItem } from 'dynamodb-toolbox/entity';
import { ulid } from 'ulid';
import { inJurisdiction, taskDue, todayInChina, type z, type gigReportSchema } from '@doorstep/shared';
import { TaskEntity } from '../db/entities';
import { cancelledTransaction } from '../db/errors';
import { table } from '../db/table';
import { ConflictError, NotFoundError } from '../http/errors';
import { scopeOf } from '../http/jurisdiction';
import type { Principal } from '../http/session';
import { closeTask, openTask } from '../tasks/tasks';
import { mapLimit } from '../concurrency';
import { GigReportEntity, GigReportMarkerEntity, GigStandingEntity, GigTakeEntity } from './entities';
import { loadGig, type StoredGig } from './gigs';

type StoredReport = FormattedItem<typeof GigReportEntity>;
type GigReport = z.infer<typeof gigReportSchema>;

const toView = (r: StoredReport, againstName: string): GigReport => ({
  id: r.reportId,
  gigId: r.gigId,
  gigTitle: r.gigTitle,
  kind: r.kind,
  against: r.against,
  againstName,
  reason: r.reason,
  status: r.status,
  ...(r.note ? { note: r.note } : {}),
  due: r.due,
  createdAt: r.createdAt,
});

/** The report and its task, as transaction items (the street of the job's place handles it). */
export function openDispute(d: { kind: 'report' | 'dispute'; gig: StoredGig; reporterId: string; against: 'poster' | 'worker'; againstId: string; reason: string; now: Date }) {
  const reportId = ulid(d.now.getTime());
  const taskId = ulid(d.now.getTime());
  const today = todayInChina(d.now);
  const at = d.now.toISOString();
  const areaCode = d.gig.areaCode.slice(0, 9);
  const report: StoredReport = {
    reportId,
    kind: d.kind,
    gigId: d.gig.gigId,
    gigTitle: d.gig.title,
    reporterId: d.reporterId,
    against: d.against,
    againstId: d.againstId,
    reason: d.reason,
    status: 'open',
    taskId,
    due: taskDue('gig_dispute', today),
    areaCode: d.gig.areaCode,
    createdAt: at,
    updatedAt: at,
    gsi1pk: `GIGREPORTS#${d.gig.areaCode.slice(0, 4)}`,
    gsi1sk: `${d.gig.areaCode}#${at}#${reportId}`,
    gsi2pk: `USER_GIGREPORTS#${d.reporterId}`,
    gsi2sk: `${at}#${reportId}`,
  };
  return { reportId, items: [
    GigReportEntity.build(PutTransaction).item(report).options({ condition: { attr: 'reportId', exists: false } }),
    openTask({
      taskId,
      kind: 'gig_dispute',
      detail: `${d.kind === 'dispute' ? '完工异议' : '举报'}：「${d.gig.title}」${d.reason.slice(0, 60)}`,
      areaCode,
      subjectType: 'GigReport',
      subjectId: reportId,
      today,
      at,
    }),
  ] };
}

/** A poster reports a worker who took the job, or a worker the poster; once each. */
export async function reportGig(userId: string, gigId: string, body: { workerId?: string; reason: string }, now = new Date()): Promise<{ reportId: string }> {
  const gig = await loadGig(gigId);
  if (!gig) throw new NotFoundError('找不到这条零工');
  const poster = gig.posterId === userId;
  const workerId = poster ? body.workerId : userId;
  const { Item: take } = workerId ? await GigTakeEntity.build(GetItemCommand).key({ gigId, workerId }).send() : { Item: undefined };
  if (!take) throw new NotFoundError(poster ? '请选择要举报的接单人' : '接了这个活才能举报发布人');
  const against = poster ? { against: 'worker' as const, againstId: take.workerId } : { against: 'poster' as const, againstId: gig.posterId };
  const { reportId, items } = openDispute({ kind: 'report', gig, reporterId: userId, ...against, reason: body.reason, now });
  try {
    await execute(
      GigReportMarkerEntity.build(PutTransaction).item({ gigId, reporterId: userId, againstId: against.againstId, reportId }).options({ condition: { attr: 'reportId', exists: false } }),
      ...items,
    );
  } catch (err) {
    if (cancelledTransaction(err)?.conditionFailed[0]) throw new ConflictError('您已经举报过了，零工驿站会在5个工作日内处理');
    throw err;
  }
  return { reportId };
}

/** The jurisdiction's reports and disputes, open ones first, newest first. */
export async function staffReports(principal: Principal): Promise<GigReport[]> {
  const scope = scopeOf(principal);
  const { Items = [] } = await table
    .build(QueryCommand)
    .entities(GigReportEntity)
    .query({ index: 'gsi1', partition: `GIGREPORTS#${scope.slice(0, 4)}`, ...(scope.length > 4 ? { range: { beginsWith: scope } } : {}) })
    .options({ reverse: true, limit: 100 })
    .send();
  const names = await mapLimit(Items, 8, nameOfReported);
  return Items.map((r, i) => toView(r, names[i]!)).sort((a, b) => Number(b.status === 'open') - Number(a.status === 'open'));
}

/** The reported person's name as the job or the take holds it now (已注销用户 once erased). */
async function nameOfReported(r: StoredReport): Promise<string> {
  if (r.against === 'worker') {
    const { Item } = await GigTakeEntity.build(GetItemCommand).key({ gigId: r.gigId, workerId: r.againstId }).send();
    return Item?.workerName ?? '';
  }
  return (await loadGig(r.gigId))?.contactName ?? '';
}

/** Upheld or not, with what was found; closes the task; an upheld report is a strike against the person. */
export async function decideReport(principal: Principal, reportId: string, d: { upheld: boolean; note: string }, now = new Date()): Promise<GigReport> {
  scopeOf(principal);
  const { Item: report } = await GigReportEntity.build(GetItemCommand).key({ reportId }).options({ consistent: true }).send();
  if (!report || !inJurisdiction(report.areaCode, principal.level, principal.areaCode)) throw new NotFoundError('找不到这条举报');
  if (report.status !== 'open') throw new ConflictError('这条举报已经处理过了');
  const { Item: task } = await TaskEntity.build(GetItemCommand).key({ taskId: report.taskId }).options({ consistent: true }).send();
  const at = now.toISOString();
  const status = d.upheld ? ('upheld' as const) : ('dismissed' as const);
  try {
    await execute(
      GigReportEntity.build(UpdateTransaction).item({ reportId, status, note: d.note, decidedBy: principal.userId, updatedAt: at }).options({ condition: { attr: 'status', eq: 'open' } }),
      ...(task && task.status === 'open' ? [closeTask(task, principal.userId, at, d.note)] : []),
      ...(d.upheld && report.kind === 'report' ? [GigStandingEntity.build(UpdateTransaction).item({ userId: report.againstId, strikes: $add(1), updatedAt: at })] : []),
    );
  } catch (err) {
    if (cancelledTransaction(err)) throw new ConflictError('这条举报刚刚已被处理');
    throw err;
  }
  return toView({ ...report, status, note: d.note, updatedAt: at }, await nameOfReported(report));
}
