// GET /openapi.json — kept apart from /health so this function loads no AWS SDK.
import { buildOpenApiDocument, openapi as openapiContract } from '@doorstep/shared';
import { httpHandler } from '../http/handler';

let document: Record<string, unknown> | undefined;

export const openapi = httpHandler(openapiContract, async () => {
  document ??= buildOpenApiDocument();
  return document;
});
