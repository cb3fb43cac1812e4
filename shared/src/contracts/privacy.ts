// The privacy guide and the person's consents to it (PIPL; WeChat's 用户隐私保护指引).
import { z } from '../zod';
import { defineContract } from './contract';
import { ACCOUNT_DELETION_COOLING_DAYS, CONSENT_CHANNELS, CONSENT_PURPOSES, PERSONAL_DATA_CATEGORIES, type PersonalDataCategory } from '../domain/privacy';

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
  purposes: z.array(consentPurposeSchema).min(1, '请说明同意的事项').max(CONSENT_PURPOSES.length),
  /** The version the person read: a consent to anything but the one in force is refused. */
  version: z.string().min(1).max(32),
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
  proxy: true,
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

// ── 我的数据: what we hold, a copy to keep, and closing the account ─────────────────────────

export const personalDataCategorySchema = z.enum(Object.keys(PERSONAL_DATA_CATEGORIES) as [PersonalDataCategory, ...PersonalDataCategory[]]);

export const dataExportSchema = z.object({
  generatedAt: z.string(),
  policyVersion: z.string(),
  /** What we hold, by kind: how many records of each (not their contents). */
  categories: z.array(z.object({ key: personalDataCategorySchema, label: z.string(), holds: z.string(), count: z.number().int() })),
  /** The records themselves, as the person may keep them; secrets (ID number, bank account) masked. */
  data: z.record(z.string(), z.unknown()),
});
export type DataExport = z.infer<typeof dataExportSchema>;

export const getDataExport = defineContract({
  id: 'getDataExport',
  method: 'GET',
  path: '/me/data-export',
  summary: '我的数据：我们保存的您的信息（分类和条数）和一份可下载的副本',
  auth: 'user',
  response: dataExportSchema,
  errors: [401],
});

export const accountDeletionSchema = z.object({
  requestedAt: z.string(),
  /** From this day on the account is erased (the cooling-off ends). */
  eraseAfter: z.string(),
});
export type AccountDeletion = z.infer<typeof accountDeletionSchema>;

export const accountDeletionStateSchema = z.object({
  deletion: accountDeletionSchema.nullable(),
  /** What stops the account being closed now, in words (money still being paid, a unit to hand over…). */
  blockers: z.array(z.string()),
  coolingOffDays: z.number().int(),
});

export const getAccountDeletion = defineContract({
  id: 'getAccountDeletion',
  method: 'GET',
  path: '/me/account-deletion',
  summary: '注销账号：是否已申请、冷静期到哪天、有什么要先办完',
  auth: 'user',
  response: accountDeletionStateSchema,
  errors: [401],
});

export const requestAccountDeletion = defineContract({
  id: 'requestAccountDeletion',
  method: 'POST',
  path: '/me/account-deletion',
  summary: `申请注销账号：${ACCOUNT_DELETION_COOLING_DAYS} 天冷静期后删除个人信息（再次申请得到同一个申请）`,
  auth: 'user',
  body: z.strictObject({ confirm: z.literal(true, { message: '请确认注销账号' }) }),
  response: accountDeletionStateSchema,
  errors: [400, 401, 409],
});

export const cancelAccountDeletion = defineContract({
  id: 'cancelAccountDeletion',
  method: 'DELETE',
  path: '/me/account-deletion',
  summary: '冷静期内撤销注销，账号照常使用',
  auth: 'user',
  response: accountDeletionStateSchema,
  errors: [401, 404],
});
