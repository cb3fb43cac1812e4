// The platform's own routes, one Lambda: health, the OpenAPI document, areas, the working-day
// calendar, photo uploads and viewing (the one function that may read the bucket) and audit trails; and API Gateway's `$default`, for whatever no route matches.
import * as areas from '../areas/handlers';
import * as audit from '../audit/handlers';
import * as calendar from '../calendar/handlers';
import * as health from '../health/handlers';
import * as openapi from '../health/openapi';
import { openApiDocument } from '../health/openapiDocument';
import { router, unrouted, withDefault } from '../http/router';
import * as uploads from '../uploads/handlers';

// `$default`: every request no route matches, answered in Chinese (404, or 405 for a served path).
// The served paths are read from the OpenAPI document (prebuilt into the bundle), not the contracts.
const served = () =>
  Object.entries(openApiDocument().paths as Record<string, Record<string, unknown>>).flatMap(([path, item]) =>
    Object.keys(item).map((method) => ({ method: method.toUpperCase(), path })),
  );
export const handler = withDefault(router(health.health, openapi.openapi, areas.list, calendar.calendar, uploads.create, uploads.view, audit.get), unrouted(served));
