// GET /privacy/policy, POST /me/consents, GET /me/consents, DELETE /me/consents/{purpose}
import {
  getPrivacyPolicy,
  giveConsents as giveConsentsContract,
  listConsents as listConsentsContract,
  PRIVACY_POLICY_VERSION,
  privacyPolicySections,
  privacySummary,
  SEPARATE_PURPOSES,
  separateConsentTexts,
  withdrawConsent as withdrawConsentContract,
} from '@doorstep/shared';
import { httpHandler } from '../http/handler';
import { giveConsents, listConsents, withdrawConsent } from './consents';

export const policy = httpHandler(getPrivacyPolicy, async () => ({
  policy: {
    version: PRIVACY_POLICY_VERSION,
    summary: [...privacySummary],
    sections: privacyPolicySections.map((s) => ({ title: s.title, paragraphs: [...s.paragraphs] })),
    separate: SEPARATE_PURPOSES.map((purpose) => ({ purpose, ...separateConsentTexts[purpose] })),
  },
}));

export const give = httpHandler(giveConsentsContract, async ({ principal, body }) => ({ items: await giveConsents(principal.userId, body) }));

export const list = httpHandler(listConsentsContract, async ({ principal }) => ({
  policyVersion: PRIVACY_POLICY_VERSION,
  items: await listConsents(principal.userId),
}));

export const withdraw = httpHandler(withdrawConsentContract, async ({ principal, params }) => ({ items: await withdrawConsent(principal.userId, params.purpose) }));
