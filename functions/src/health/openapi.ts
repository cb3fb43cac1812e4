// GET /openapi.json — kept apart from /health so this function loads no AWS SDK.
import { openapi as openapiContract } from '@doorstep/shared';
import { httpHandler } from '../http/handler';
import { openApiDocument } from './openapiDocument';

let document: Record<string, unknown> | undefined;

export const openapi = httpHandler(openapiContract, async () => {
  document ??= openApiDocument();
  return document;
});
