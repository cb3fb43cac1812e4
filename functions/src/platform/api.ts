// The platform's own routes, one Lambda: health, the OpenAPI document, areas, photo uploads and audit trails.
import * as areas from '../areas/handlers';
import * as audit from '../audit/handlers';
import * as health from '../health/handlers';
import * as openapi from '../health/openapi';
import { router } from '../http/router';
import * as uploads from '../uploads/handlers';

export const handler = router(health.health, openapi.openapi, areas.list, uploads.create, audit.get);
