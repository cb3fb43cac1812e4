// Reading the figures (issue 7): an area and its direct children for a period, from the counters
// the stream keeps — one GetItem and one Query per period kind, whatever the size of the area (a
// city of 1,000 communities reads its own row and its districts' rows). Staff see their own
// jurisdiction only; the big screen sees one area's month, without personal data.
import { QueryCommand } from 'dynamodb-toolbox/table/actions/query';
import {
  emptyFigures,
  FLOW_FIGURES,
  childAreaLength,
  figureLabels,
  isWithinArea,
  meanDaysToPay,
  periodLabel,
  rateText,
  ratesOf,
  RATE_TARGETS,
  STANDING_FIGURES,
  todayInChina,
  type AreaFigures,
  type Figures,
} from '@doorstep/shared';
import Papa from 'papaparse';
import { onTimeUnder, stepOutcomes } from './assistanceReport';
import { areaFullName, isKnownArea, listChildAreas } from '../areas/dataset';
import { FigureCountEntity, figureSortKey } from './entities';
import { table } from '../db/table';
import { NotFoundError } from '../http/errors';
import { scopeOf } from '../http/jurisdiction';
import type { Principal } from '../http/session';
import { STANDING_PERIOD } from './count';

type Row = Partial<Record<keyof Figures, number>> & { areaCode: string };

function pick(row: Row | undefined, names: readonly (keyof Figures)[], into: Figures) {
  for (const f of names) into[f] = row?.[f] ?? 0;
}

async function rowsOf(areaCode: string, period: string, childLength: number | undefined): Promise<{ own?: Row; children: Row[] }> {
  const cityCode = areaCode.slice(0, 4);
  const [ownPage, children] = await Promise.all([
    table.build(QueryCommand).entities(FigureCountEntity).query({ partition: `FIG#${cityCode}#${period}`, range: { eq: figureSortKey(areaCode) } }).send(),
    (async () => {
      if (!childLength) return [];
      const out: Row[] = [];
      let start: Record<string, unknown> | undefined;
      do {
        const page = await table
          .build(QueryCommand)
          .entities(FigureCountEntity)
          .query({ partition: `FIG#${cityCode}#${period}`, range: { beginsWith: `${String(childLength).padStart(2, '0')}#${areaCode}` } })
          .options(start ? { exclusiveStartKey: start } : {})
          .send();
        out.push(...((page.Items ?? []) as Row[]));
        start = page.LastEvaluatedKey;
      } while (start);
      return out;
    })(),
  ]);
  return { own: ownPage.Items?.[0] as Row | undefined, children };
}

function areaFigures(areaCode: string, flow?: Row, standing?: Row): AreaFigures {
  const figures = emptyFigures();
  pick(flow, FLOW_FIGURES, figures);
  pick(standing, STANDING_FIGURES, figures);
  return { areaCode, areaName: areaFullName(areaCode) || areaCode, figures, rates: ratesOf(figures) };
}

export const currentMonth = () => todayInChina().slice(0, 7);

/** An area's figures for a period, with those of each area one level down (every known one, zeros included). */
export async function figuresOf(areaCode: string, period: string) {
  const childLength = childAreaLength(areaCode);
  const [flow, standing] = await Promise.all([rowsOf(areaCode, period, childLength), rowsOf(areaCode, STANDING_PERIOD, childLength)]);
  const childCodes = new Set<string>([...(listChildAreas(areaCode) ?? []).map((a) => a.code), ...flow.children.map((r) => r.areaCode), ...standing.children.map((r) => r.areaCode)]);
  const flowBy = new Map(flow.children.map((r) => [r.areaCode, r]));
  const standingBy = new Map(standing.children.map((r) => [r.areaCode, r]));
  return {
    period,
    periodLabel: periodLabel(period),
    total: areaFigures(areaCode, flow.own, standing.own),
    children: [...childCodes].sort().map((c) => areaFigures(c, flowBy.get(c), standingBy.get(c))),
    targets: { ...RATE_TARGETS, zeroEmploymentFamilies: 0 },
  };
}

function checkedArea(principal: Principal, areaCode?: string): string {
  const scope = scopeOf(principal);
  const area = areaCode ?? scope;
  if (!isKnownArea(area) || !isWithinArea(area, scope) || area.length < 4) throw new NotFoundError('您的辖区里没有这个区域');
  return area;
}

export function staffFigures(principal: Principal, q: { areaCode?: string; period?: string }) {
  return figuresOf(checkedArea(principal, q.areaCode), q.period ?? currentMonth());
}

/** The figures as CSV for Excel (the HTTP layer adds the BOM that makes it read UTF-8): a row per child area, then the total. */
export async function figuresCsv(principal: Principal, q: { areaCode?: string; period?: string }) {
  const area = checkedArea(principal, q.areaCode);
  const period = q.period ?? currentMonth();
  // 就业援助's deadlines stand as of today whatever the period: each case's steps, tallied per row.
  const [data, { outcomes }] = await Promise.all([figuresOf(area, period), stepOutcomes(area)]);
  const figureNames = [...FLOW_FIGURES, ...STANDING_FIGURES];
  const header = ['区域代码', '区域', ...figureNames.map((f) => figureLabels[f]), '补贴从申请到发放平均天数', '满意率', '按时办结率', '就业率', '就业困难人员就业率', '就业援助期限按时率（截至今日）', '就业援助逾期未办（件）'];
  const assistance = (areaCode: string) => {
    const t = onTimeUnder(outcomes, areaCode);
    return [rateText(t.done ? t.onTime / t.done : null), t.overdue];
  };
  const line = (a: AreaFigures) => [
    a.areaCode,
    a.areaName,
    ...figureNames.map((f) => a.figures[f]),
    meanDaysToPay(a.figures) ?? '—',
    rateText(a.rates.satisfactionRate),
    rateText(a.rates.onTimeRate),
    rateText(a.rates.employmentRate),
    rateText(a.rates.hardToEmployEmploymentRate),
    ...assistance(a.areaCode),
  ];
  const total = { ...data.total, areaName: `合计（${data.total.areaName}）` };
  const content = Papa.unparse({ fields: header, data: [...data.children.map(line), line(total)] }, { newline: '\r\n' });
  return { fileName: `考核数据_${area}_${period}.csv`, content };
}
