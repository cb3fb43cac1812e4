// 就业援助 over HTTP: the street's ledger and a case, assigning a specialist, the specialist's
// contact, plan, interviews and the paper agreement, and the person's own view and signature.
import {
  assignSpecialist as assignSpecialistContract,
  getAssistanceCase,
  getMyAssistance,
  listAssistanceCases,
  putAssistancePlan,
  recordAssistanceContact,
  recordAssistanceInterview,
  recordAssistanceInterviewResult,
  recordAssistanceFollowUp,
  recordPaperAgreement as recordPaperAgreementContract,
  signAssistanceAgreement,
} from '@doorstep/shared';
import { httpHandler } from '../http/handler';
import {
  assignSpecialist,
  getCase,
  listCases,
  myAssistance,
  putPlan,
  recordContact,
  recordInterview,
  recordInterviewResult,
  recordFollowUp,
  recordPaperAgreement,
  signAgreement,
} from './cases';

export const list = httpHandler(listAssistanceCases, ({ principal, query }) => listCases(principal, query));
export const get = httpHandler(getAssistanceCase, async ({ principal, params }) => ({ case: await getCase(principal, params.id, getAssistanceCase.path) }));
export const assign = httpHandler(assignSpecialistContract, async ({ principal, params, body }) => ({ case: await assignSpecialist(principal, params.id, body) }));
export const contact = httpHandler(recordAssistanceContact, async ({ principal, params, body }) => ({ case: await recordContact(principal, params.id, body) }));
export const plan = httpHandler(putAssistancePlan, async ({ principal, params, body }) => ({ case: await putPlan(principal, params.id, body) }));
export const interview = httpHandler(recordAssistanceInterview, async ({ principal, params, body }) => ({ case: await recordInterview(principal, params.id, params.code, body) }));
export const result = httpHandler(recordAssistanceInterviewResult, async ({ principal, params, body }) => ({ case: await recordInterviewResult(principal, params.id, params.code, body) }));
export const followUp = httpHandler(recordAssistanceFollowUp, async ({ principal, params, body }) => ({ case: await recordFollowUp(principal, params.id, body) }));
export const paper = httpHandler(recordPaperAgreementContract, async ({ principal, params, body }) => ({ case: await recordPaperAgreement(principal, params.id, body.photoKey) }));
export const mine = httpHandler(getMyAssistance, ({ principal }) => myAssistance(principal.userId));
export const sign = httpHandler(signAssistanceAgreement, ({ principal }) => signAgreement(principal.userId));
