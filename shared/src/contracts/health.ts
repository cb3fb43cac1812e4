import * as z from 'zod/mini';
import { defineContract } from './contract';

export const health = defineContract({
  id: 'health',
  method: 'GET',
  path: '/health',
  summary: '健康检查：服务与数据表可用',
  auth: 'public',
  response: z.object({ status: z.literal('ok'), stage: z.string(), time: z.string() }),
  errors: [503],
});

export const openapi = defineContract({
  id: 'openapi',
  method: 'GET',
  path: '/openapi.json',
  summary: '由共享契约生成的 OpenAPI 文档',
  auth: 'public',
  response: z.record(z.string(), z.unknown()),
  errors: [],
});
