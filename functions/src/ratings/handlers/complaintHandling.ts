// Staff handling of complaints over HTTP (photo links: these carry the signer).
import { complaintProgress as progressContract, getStaffComplaint } from '@doorstep/shared';
import { httpHandler } from '../../http/handler';
import { complaintProgress, staffComplaint } from '../complaintHandling';

export const view = httpHandler(getStaffComplaint, async ({ principal, params }) => ({ complaint: await staffComplaint(principal, params.id) }));
export const progress = httpHandler(progressContract, async ({ principal, params, body }) => ({ complaint: await complaintProgress(principal, params.id, body.status, body.note) }));
