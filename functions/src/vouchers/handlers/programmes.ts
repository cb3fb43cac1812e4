// Voucher programmes over HTTP: created by district staff, approved by finance. Issuing has its own file.
import { approveProgramme as approveContract, createProgramme as createContract, listProgrammes as listContract } from '@doorstep/shared';
import { httpHandler } from '../../http/handler';
import { approveProgramme, createProgramme, listProgrammes } from '../programmes';

export const create = httpHandler(createContract, async ({ principal, body }) => ({ programme: await createProgramme(principal, body) }));
export const list = httpHandler(listContract, async ({ principal }) => ({ items: await listProgrammes(principal) }));
export const approve = httpHandler(approveContract, async ({ principal, params }) => ({ programme: await approveProgramme(principal, params.id) }));
