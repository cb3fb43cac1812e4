// GET /audit/{entityType}/{id}
import { getAuditTrail } from '@doorstep/shared';
import { httpHandler } from '../http/handler';
import { auditTrail } from './service';

export const get = /* @__PURE__ */ httpHandler(getAuditTrail, async ({ principal, params }) => auditTrail(principal, params.entityType, params.id));
