// Builds the OpenAPI 3.1 document from the same contract objects the handlers validate with.
import * as z from 'zod/mini';
import { allContracts } from './contracts';
import { errorBodySchema } from './contracts/errors';

const statusText: Record<number, string> = {
  400: '输入有误',
  401: '未登录或登录已过期',
  403: '无权操作',
  404: '不存在',
  409: '冲突（重复或已被占用）',
  422: '不符合业务规则',
  429: '请求过于频繁',
  503: '依赖服务暂时不可用',
};

function jsonSchema(schema: z.ZodMiniType, io: 'input' | 'output') {
  return z.toJSONSchema(schema, { io, unrepresentable: 'any' });
}

export function buildOpenApiDocument(serverUrl?: string): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const c of allContracts) {
    const responses: Record<string, unknown> = {
      [String(c.successStatus ?? 200)]: {
        description: 'OK',
        content: c.produces
          ? { [c.produces]: { schema: { type: 'string' } } }
          : { 'application/json': { schema: jsonSchema(c.response, 'output') } },
      },
    };
    for (const status of c.errors) {
      responses[String(status)] = {
        description: statusText[status] ?? 'Error',
        content: { 'application/json': { schema: jsonSchema(errorBodySchema, 'output') } },
      };
    }
    const query = 'query' in c && c.query ? (jsonSchema(c.query, 'input') as { properties?: Record<string, unknown> }) : undefined;
    const params = 'params' in c && c.params ? (jsonSchema(c.params, 'input') as { properties?: Record<string, unknown> }) : undefined;
    paths[c.path] ??= {};
    paths[c.path][c.method.toLowerCase()] = {
      operationId: c.id,
      summary: c.summary,
      security: c.auth === 'public' ? [] : [{ bearer: [] }],
      parameters: [
        ...Object.entries(params?.properties ?? {}).map(([name, schema]) => ({ name, in: 'path', required: true, schema })),
        ...Object.entries(query?.properties ?? {}).map(([name, schema]) => ({ name, in: 'query', schema })),
      ],
      ...('body' in c && c.body
        ? { requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(c.body, 'input') } } } }
        : {}),
      responses,
    };
  }
  return {
    openapi: '3.1.0',
    info: { title: '家门口就业 Doorstep Jobs API', version: '0.1.0' },
    ...(serverUrl ? { servers: [{ url: serverUrl }] } : {}),
    components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } } },
    paths,
  };
}
