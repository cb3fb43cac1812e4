// The assessment figures by area and period (issue 7), their CSV export, and the service hall's
// big screen.
import * as z from 'zod/mini';
import { FLOW_FIGURES, PERIOD_PATTERN, STANDING_FIGURES } from '../domain/figures';
import { defineContract } from './contract';
import { areaCodeSchema } from './auth';
import { vacancySummarySchema } from './vacancies';

const figuresSchema = z.object(Object.fromEntries([...FLOW_FIGURES, ...STANDING_FIGURES].map((f) => [f, z.number().check(z.int())])) as Record<(typeof FLOW_FIGURES)[number] | (typeof STANDING_FIGURES)[number], z.ZodMiniNumber>);
const ratesSchema = z.object({
  satisfactionRate: z.nullable(z.number()),
  onTimeRate: z.nullable(z.number()),
  employmentRate: z.nullable(z.number()),
  hardToEmployEmploymentRate: z.nullable(z.number()),
});

export const areaFiguresSchema = z.object({ areaCode: z.string(), areaName: z.string(), figures: figuresSchema, rates: ratesSchema });
export type AreaFigures = z.infer<typeof areaFiguresSchema>;

const periodSchema = z.string().check(z.regex(PERIOD_PATTERN, '统计期格式：2026-11（月）、2026-Q4（季度）或 2026（年）'));

const statsQuery = z.strictObject({ areaCode: z.optional(areaCodeSchema), period: z.optional(periodSchema) });

export const getStats = defineContract({
  id: 'getStats',
  method: 'GET',
  path: '/stats',
  summary: '辖区的考核数据：本区域和下一级各区域，按统计期（默认本月）；就业率等存量指标为当前值',
  auth: ['staff', 'finance'],
  query: statsQuery,
  response: z.object({
    period: z.string(),
    periodLabel: z.string(),
    total: areaFiguresSchema,
    children: z.array(areaFiguresSchema),
    targets: z.object({ satisfactionRate: z.number(), employmentRate: z.number(), hardToEmployEmploymentRate: z.number(), zeroEmploymentFamilies: z.number() }),
  }),
  errors: [400, 401, 403, 404],
});

export const exportStats = defineContract({
  id: 'exportStats',
  method: 'GET',
  path: '/stats/export.csv',
  summary: '导出考核数据（CSV，UTF-8 带 BOM，Excel 可直接打开）：下一级各区域一行，最后一行合计',
  auth: ['staff', 'finance'],
  query: statsQuery,
  produces: 'text/csv',
  response: z.object({ fileName: z.string(), content: z.string() }),
  errors: [400, 401, 403, 404],
});

export const bigScreen = defineContract({
  id: 'bigScreen',
  method: 'GET',
  path: '/screen/{areaCode}',
  summary: '服务大厅 LED 大屏：大厅附近3公里内正在招聘的岗位和本区域本月数据（公开，不含个人信息）',
  auth: 'public',
  params: z.strictObject({ areaCode: areaCodeSchema }),
  query: z.strictObject({
    lat: z.optional(z.coerce.number().check(z.gte(3), z.lte(54))),
    lng: z.optional(z.coerce.number().check(z.gte(73), z.lte(136))),
  }),
  response: z.object({
    areaCode: z.string(),
    areaName: z.string(),
    periodLabel: z.string(),
    month: areaFiguresSchema,
    vacancies: z.array(z.object({ vacancy: vacancySummarySchema, distanceM: z.number() })),
    updatedAt: z.string(),
  }),
  errors: [400, 404],
});
