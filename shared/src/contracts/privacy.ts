// The privacy guide and the person's consents to it (PIPL; WeChat's 用户隐私保护指引).
import * as z from 'zod/mini';
import { defineContract } from './contract';
import { CONSENT_CHANNELS, CONSENT_PURPOSES } from '../domain/privacy';

export const consentPurposeSchema = z.enum(CONSENT_PURPOSES);
export const consentChannelSchema = z.enum(CONSENT_CHANNELS);

export const privacyPolicySchema = z.object({
  version: z.string(),
  summary: z.array(z.string()),
  sections: z.array(z.object({ title: z.string(), paragraphs: z.array(z.string()) })),
  separate: z.array(z.object({ purpose: consentPurposeSchema, title: z.string(), why: z.string(), ifRefused: z.string() })),
});
export type PrivacyPolicy = z.infer<typeof privacyPolicySchema>;

export const getPrivacyPolicy = defineContract({
  id: 'getPrivacyPolicy',
  method: 'GET',
  path: '/privacy/policy',
  summary: '个人信息保护指引（当前版本）',
  auth: 'public',
  response: z.object({ policy: privacyPolicySchema }),
  errors: [],
});

export const consentSchema = z.object({
  purpose: consentPurposeSchema,
  version: z.string(),
  at: z.string(),
  channel: consentChannelSchema,
  /** Given to the guide now in force (a consent to an older version asks again). */
  current: z.boolean(),
});
export type Consent = z.infer<typeof consentSchema>;

export const giveConsentsBodySchema = z.strictObject({
  purposes: z.array(consentPurposeSchema).check(
    z.minLength(1, '请说明同意的事项'),
    z.maxLength(CONSENT_PURPOSES.length),
  ),
  /** The version the person read: a consent to anything but the one in force is refused. */
  version: z.string().check(z.minLength(1), z.maxLength(32)),
  channel: consentChannelSchema,
});
export type GiveConsentsBody = z.infer<typeof giveConsentsBodySchema>;

export const giveConsents = defineContract({
  id: 'giveConsents',
  method: 'POST',
  path: '/me/consents',
  summary: '同意个人信息保护指引，或单独同意使用某项敏感信息（记录版本、时间和渠道）',
  auth: 'user',
  body: giveConsentsBodySchema,
  response: z.object({ items: z.array(consentSchema) }),
  errors: [400, 401, 409],
});

export const listConsents = defineContract({
  id: 'listConsents',
  method: 'GET',
  path: '/me/consents',
  summary: '我给过的同意',
  auth: 'user',
  proxy: '查看同意记录',
  response: z.object({ policyVersion: z.string(), items: z.array(consentSchema) }),
  errors: [401],
});

export const withdrawConsent = defineContract({
  id: 'withdrawConsent',
  method: 'DELETE',
  path: '/me/consents/{purpose}',
  summary: '撤回一项同意（撤回前已办理的不受影响）',
  auth: 'user',
  params: z.object({ purpose: consentPurposeSchema }),
  response: z.object({ items: z.array(consentSchema) }),
  errors: [401, 404],
});
