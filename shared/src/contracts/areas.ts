import * as z from 'zod/mini';
import { AREA_LEVELS } from '../domain/areas';
import { defineContract } from './contract';
import { areaCodeSchema } from './auth';

export const areaSchema = z.object({
  code: z.string(),
  name: z.string(),
  level: z.enum(AREA_LEVELS),
  /** False when the dataset holds no finer division under this one. */
  hasChildren: z.boolean(),
});
export type Area = z.infer<typeof areaSchema>;

export const listAreasQuerySchema = z.strictObject({
  parent: z.optional(areaCodeSchema.check(z.refine((c) => c.length < 12, '社区（村）没有下级区划'))),
});
export const listAreas = defineContract({
  id: 'listAreas',
  method: 'GET',
  path: '/areas',
  summary: '行政区划：不带 parent 时返回省级，带 parent 时返回其下一级',
  auth: 'public',
  query: listAreasQuerySchema,
  response: z.object({ items: z.array(areaSchema) }),
  errors: [400, 404],
});
