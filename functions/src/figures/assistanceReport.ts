// 就业援助按时率 (in the figures' function, with the other reports and exports): every case of the administrator's area with its step tasks, tallied per deadline
// kind, per street and per specialist. Read through the ledger's index a page of 100 at a time and
// the tasks in batches; a street's cases number in the hundreds to low thousands.
import { QueryCommand } from 'dynamodb-toolbox/table/actions/query';
import type { FormattedItem } from 'dynamodb-toolbox/entity';
import { taskKindLabels, todayInChina, streetOf, type AssistanceReport, type TaskKind } from '@doorstep/shared';
import { areaFullName } from '../areas/dataset';
import { batchRead } from '../db/batchRead';
import { table } from '../db/table';
import { ForbiddenError } from '../http/errors';
import { scopeOf } from '../http/jurisdiction';
import type { Principal } from '../http/session';
import { AssistanceCaseEntity } from '../assistance/entities';
import { WelfarePostEntity } from '../welfarePosts/entities';

type StoredCase = FormattedItem<typeof AssistanceCaseEntity>;
type Ref = { taskId: string; due: string };

/** Each step task of a case with its kind (the tasks map's name, or an interview check). */
function refs(c: StoredCase): [TaskKind, Ref][] {
  const named: [TaskKind, Ref | undefined][] = [
    ['assist_assign', c.tasks.assign],
    ['assist_contact', c.tasks.contact],
    ['assist_plan', c.tasks.plan],
    ['assist_posts', c.tasks.posts],
    ['assist_registration', c.tasks.registration],
    ['assist_followup', c.tasks.followUp],
    ...(c.offers ?? []).map((o): [TaskKind, Ref | undefined] => ['assist_interview', o.check]),
  ];
  return named.flatMap(([k, r]) => (r ? [[k, r] as [TaskKind, Ref]] : []));
}

const empty = () => ({ done: 0, onTime: 0, overdue: 0 });

async function allPosts(scope: string) {
  const posts: FormattedItem<typeof WelfarePostEntity>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await table
      .build(QueryCommand)
      .entities(WelfarePostEntity)
      .query({ index: 'gsi1', partition: `PWPOSTS#${scope.slice(0, 4)}`, range: { beginsWith: scope } })
      .options({ limit: 100, ...(start ? { exclusiveStartKey: start } : {}) })
      .send();
    posts.push(...(page.Items ?? []));
    start = page.LastEvaluatedKey;
  } while (start);
  return posts;
}

/** Every case of an area, through the ledger's index, 100 a page. */
export async function allCases(scope: string): Promise<StoredCase[]> {
  const cases: StoredCase[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await table
      .build(QueryCommand)
      .entities(AssistanceCaseEntity)
      .query({ index: 'gsi1', partition: `ASSISTS#${scope.slice(0, 4)}`, range: { beginsWith: scope } })
      .options({ limit: 100, ...(start ? { exclusiveStartKey: start } : {}) })
      .send();
    cases.push(...(page.Items ?? []));
    start = page.LastEvaluatedKey;
  } while (start);
  return cases;
}

export async function assistanceReport(principal: Principal, today = todayInChina()): Promise<AssistanceReport> {
  if (!principal.roles.includes('admin') || principal.level === 'community') throw new ForbiddenError('由街道及以上管理员查看');
  const scope = scopeOf(principal);
  const [cases, posts] = await Promise.all([allCases(scope), allPosts(scope)]);
  const confirmed = posts.filter((p) => p.status === 'confirmed');
  const tasks = await batchRead<{ taskId: string; status: string; onTime?: boolean }>(
    cases.flatMap((c) => refs(c).map(([, r]) => ({ pk: `TASK#${r.taskId}`, sk: 'TASK' }))),
    ['taskId', 'status', 'onTime'],
  );
  const state = new Map(tasks.map((t) => [t.taskId, t]));
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
    const who = c.specialist && (specialists.get(c.specialist.userId) ?? { ...empty(), name: c.specialist.name, areaCode: c.specialist.areaCode, cases: 0 });
    if (who && c.specialist) {
      who.cases += 1;
      specialists.set(c.specialist.userId, who);
    }
    for (const [kind, ref] of refs(c)) {
      const t = state.get(ref.taskId);
      const step = steps.get(kind) ?? empty();
      // A step before a specialist (naming one) is the street's; the rest are the specialist's.
      const tallies = [step, street, ...(who && kind !== 'assist_assign' ? [who] : [])];
      for (const x of tallies) {
        if (t?.status === 'done') {
          x.done += 1;
          if (t.onTime) x.onTime += 1;
        } else if (ref.due < today) x.overdue += 1;
      }
      steps.set(kind, step);
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
