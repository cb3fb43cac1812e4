// GET /audit/{entityType}/{id}
import { getAuditTrail } from '@doorstep/shared';
import { httpHandler } from '../http/handler';
import { auditTrail } from './service';

export const get = httpHandler(getAuditTrail, async ({ principal, params }) => auditTrail(principal, params.entityType, params.id));
