// Applications, the candidate roster, outcomes, referrals and message subscriptions.
import {
  applyToVacancy,
  createReferral as createReferralContract,
  getReferral as getReferralContract,
  listMyJobApplications,
  recordOutcome as recordOutcomeContract,
  recordSubscriptions,
  vacancyCandidates,
} from '@doorstep/shared';
import { httpHandler } from '../http/handler';
import { recordSubscriptions as record } from '../notifications/outbox';
import { apply as applyFor, candidates as candidatesOf, myApplications, recordOutcome } from './applications';
import { createReferral, getReferral } from './referrals';

export const apply = httpHandler(applyToVacancy, async ({ principal, params, body }) => ({ application: await applyFor(principal.userId, params.id, body.message) }));
export const mine = httpHandler(listMyJobApplications, async ({ principal }) => ({ items: await myApplications(principal.userId) }));
export const candidates = httpHandler(vacancyCandidates, async ({ principal, params }) => ({ items: await candidatesOf(principal.userId, params.id) }));
export const outcome = httpHandler(recordOutcomeContract, async ({ principal, params, body }) => ({
  application: await recordOutcome(principal.userId, params.id, body.outcome, body.note),
}));
export const refer = httpHandler(createReferralContract, async ({ principal, body }) => ({ referral: await createReferral(principal, body) }));
export const referral = httpHandler(getReferralContract, async ({ params }) => ({ referral: await getReferral(params.code) }));
export const subscribe = httpHandler(recordSubscriptions, async ({ principal, body }) => ({ remaining: await record(principal.userId, body.accepted) }));
