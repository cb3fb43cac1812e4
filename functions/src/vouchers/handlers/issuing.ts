// Issuing a voucher programme in bulk over HTTP, a page per call.
import { issueVouchers } from '@doorstep/shared';
import { httpHandler } from '../../http/handler';
import { issueProgramme } from '../issuing';

export const issue = httpHandler(issueVouchers, ({ principal, params, body }) => issueProgramme(principal, params.id, body.cursor));
