// 就业援助 over HTTP: the street's ledger and a case, assigning a specialist, the specialist's
// contact and plan, and the person's own view.
import {
  assignSpecialist as assignSpecialistContract,
  getAssistanceCase,
  getMyAssistance,
  listAssistanceCases,
  putAssistancePlan,
  recordAssistanceContact,
} from '@doorstep/shared';
import { httpHandler } from '../http/handler';
import { assignSpecialist, getCase, listCases, myAssistance, putPlan, recordContact } from './cases';

export const list = httpHandler(listAssistanceCases, ({ principal, query }) => listCases(principal, query));
export const get = httpHandler(getAssistanceCase, async ({ principal, params }) => ({ case: await getCase(principal, params.id, getAssistanceCase.path) }));
export const assign = httpHandler(assignSpecialistContract, async ({ principal, params, body }) => ({ case: await assignSpecialist(principal, params.id, body) }));
export const contact = httpHandler(recordAssistanceContact, async ({ principal, params, body }) => ({ case: await recordContact(principal, params.id, body) }));
export const plan = httpHandler(putAssistancePlan, async ({ principal, params, body }) => ({ case: await putPlan(principal, params.id, body) }));
export const mine = httpHandler(getMyAssistance, ({ principal }) => myAssistance(principal.userId));
