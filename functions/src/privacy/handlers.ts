// GET /privacy/policy, POST /me/consents, GET /me/consents, DELETE /me/consents/{purpose},
// GET /me/data-export, GET /me/data-access, GET|POST|DELETE /me/account-deletion
import {
  cancelAccountDeletion,
  getAccountDeletion,
  getDataExport,
  getPrivacyPolicy,
  listMyDataAccess,
  requestAccountDeletion,
  giveConsents as giveConsentsContract,
  listConsents as listConsentsContract,
  PRIVACY_POLICY_VERSION,
  privacyPolicySections,
  privacySummary,
  SEPARATE_PURPOSES,
  separateConsentTexts,
  withdrawConsent as withdrawConsentContract,
} from '@doorstep/shared';
import { myDataAccess } from '../access/lists';
import { httpHandler } from '../http/handler';
import { cancelDeletion, deletionState, requestDeletion } from './accountDeletion';
import { giveConsents, listConsents, withdrawConsent } from './consents';
import { dataExport } from './dataExport';

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

export const exportData = httpHandler(getDataExport, async ({ principal }) => dataExport(principal.userId));

export const deletion = httpHandler(getAccountDeletion, async ({ principal }) => deletionState(principal.userId));

export const requestDeletionHandler = httpHandler(requestAccountDeletion, async ({ principal }) => requestDeletion(principal.userId));

export const cancelDeletionHandler = httpHandler(cancelAccountDeletion, async ({ principal }) => cancelDeletion(principal.userId));

export const dataAccess = httpHandler(listMyDataAccess, async ({ principal, query }) => myDataAccess(principal.userId, query.cursor));
