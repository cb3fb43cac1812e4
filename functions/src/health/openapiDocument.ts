// The OpenAPI document of every contract. In a Lambda bundle this module is replaced by the
// document itself, built when the bundle is built (scripts/build/esbuildPlugins.js): the function
// then carries a compressed JSON instead of every contract's schema, and its size stops growing
// with each route. Tests and `tsx` build it here, from the contracts.
import { buildOpenApiDocument } from '@doorstep/shared';

export const openApiDocument = (): Record<string, unknown> => buildOpenApiDocument();
