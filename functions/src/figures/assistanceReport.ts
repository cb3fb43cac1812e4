// 就业援助按时率 (in the figures' function, with the other reports and exports): every case of the
// administrator's area with its step tasks, tallied per deadline kind, per street and per specialist. Read through the ledger's index a page of 100 at a time and
// the tasks in batches; a street's cases number in the hundreds to low thousands.
import { QueryCommand } from 'dynamodb-toolbox/table/actions/query';
import type { Entity, FormattedItem } from 'dynamodb-toolbox/entity';
import { taskKindLabels, todayInChina, streetOf, type AssistanceReport, type TaskKind } from '@doorstep/shared';
import { caseSteps } from '../assistance/steps';
import { areaFullName } from '../areas/dataset';
import { batchRead } from '../db/batchRead';
import { queryAll } from '../db/queryAll';
import { table } from '../db/table';
import { ForbiddenError } from '../http/errors';
import { scopeOf } from '../http/jurisdiction';
import type { Principal } from '../http/session';
import { AssistanceCaseEntity } from '../assistance/entities';
import { WelfarePostEntity } from '../welfarePosts/entities';

type StoredCase = FormattedItem<typeof AssistanceCaseEntity>;

const empty = () => ({ done: 0, onTime: 0, overdue: 0 });

/**
 * Every item of an area on an entity's GSI1 city list (`<prefix>#<city4>` / `<areaCode>#…`): the
 * cases, the households, the public-welfare posts — all pages, 100 at a time.
 */
export function allInArea<E extends Entity>(entity: E, prefix: string, scope: string): Promise<FormattedItem<E>[]> {
  return queryAll((start) =>
    table
      .build(QueryCommand)
      .entities(entity)
      .query({ index: 'gsi1', partition: `${prefix}#${scope.slice(0, 4)}`, range: { beginsWith: scope } })
      .options({ limit: 100, ...(start ? { exclusiveStartKey: start } : {}) })
      .send(),
  ) as Promise<FormattedItem<E>[]>;
}

export const allCases = (scope: string): Promise<StoredCase[]> => allInArea(AssistanceCaseEntity, 'ASSISTS', scope);

/** Each opened step of each case of the area, and how it stands today: done (on time or not), overdue, or open. */
export async function stepOutcomes(scope: string, today = todayInChina()) {
  const cases = await allCases(scope);
  const tasks = await batchRead<{ taskId: string; status: string; onTime?: boolean }>(
    cases.flatMap((c) => caseSteps(c).map((x) => ({ pk: `TASK#${x.task.taskId}`, sk: 'TASK' }))),
    ['taskId', 'status', 'onTime'],
  );
  const state = new Map(tasks.map((t) => [t.taskId, t]));
  const outcomes = cases.flatMap((c) =>
    caseSteps(c).map(({ kind, task: ref }) => {
      const t = state.get(ref.taskId);
      return { case: c, kind, done: t?.status === 'done', onTime: t?.status === 'done' && !!t.onTime, overdue: t?.status !== 'done' && ref.due < today };
    }),
  );
  return { cases, outcomes };
}

/** 就业援助期限按时率 of the steps under an area: done on time of done, and how many are overdue. */
export function onTimeUnder(outcomes: Awaited<ReturnType<typeof stepOutcomes>>['outcomes'], areaCode: string) {
  const under = outcomes.filter((o) => o.case.areaCode.startsWith(areaCode));
  const done = under.filter((o) => o.done).length;
  return { done, onTime: under.filter((o) => o.onTime).length, overdue: under.filter((o) => o.overdue).length };
}

export async function assistanceReport(principal: Principal, today = todayInChina()): Promise<AssistanceReport> {
  if (!principal.roles.includes('admin') || principal.level === 'community') throw new ForbiddenError('由街道及以上管理员查看');
  const scope = scopeOf(principal);
  const [{ cases, outcomes }, posts] = await Promise.all([stepOutcomes(scope, today), allInArea(WelfarePostEntity, 'PWPOSTS', scope)]);
  const confirmed = posts.filter((p) => p.status === 'confirmed');
  const steps = new Map<TaskKind, ReturnType<typeof empty>>();
  const streets = new Map<string, ReturnType<typeof empty> & { cases: number; placed: number }>();
  const specialists = new Map<string, ReturnType<typeof empty> & { name: string; areaCode: string; cases: number }>();
  let placed = 0;
  let closedStable = 0;
  for (const c of cases) {
    const isPlaced = c.status === 'placed' || c.closedAs === 'stably_employed';
    if (isPlaced) placed += 1;
    if (c.closedAs === 'stably_employed') closedStable += 1;
    const street = streets.get(streetOf(c.areaCode)) ?? { ...empty(), cases: 0, placed: 0 };
    street.cases += 1;
    if (isPlaced) street.placed += 1;
    streets.set(streetOf(c.areaCode), street);
    if (c.specialist) {
      const who = specialists.get(c.specialist.userId) ?? { ...empty(), name: c.specialist.name, areaCode: c.specialist.areaCode, cases: 0 };
      who.cases += 1;
      specialists.set(c.specialist.userId, who);
    }
  }
  for (const o of outcomes) {
    const step = steps.get(o.kind) ?? empty();
    steps.set(o.kind, step);
    // A step before a specialist (naming one) is the street's; the rest are the specialist's.
    const who = o.case.specialist && o.kind !== 'assist_assign' ? specialists.get(o.case.specialist.userId) : undefined;
    for (const x of [step, streets.get(streetOf(o.case.areaCode))!, ...(who ? [who] : [])]) {
      if (o.done) {
        x.done += 1;
        if (o.onTime) x.onTime += 1;
      } else if (o.overdue) x.overdue += 1;
    }
  }
  return {
    cases: cases.length,
    placed,
    closedStable,
    welfareSeats: confirmed.reduce((n, p) => n + p.seats, 0),
    welfareFilled: confirmed.reduce((n, p) => n + p.filled, 0),
    steps: [...steps].map(([kind, t]) => ({ kind, name: taskKindLabels[kind].replace(/^就业援助：/, ''), ...t })),
    byStreet: [...streets].map(([areaCode, t]) => ({ areaCode, areaName: areaFullName(areaCode), ...t })).sort((a, b) => a.areaCode.localeCompare(b.areaCode)),
    bySpecialist: [...specialists].map(([id, { name, areaCode, ...t }]) => ({ id, name, areaName: areaFullName(areaCode), ...t })).sort((a, b) => a.name.localeCompare(b.name, 'zh')),
  };
}
