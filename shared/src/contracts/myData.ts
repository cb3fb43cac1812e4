// 我的数据: what we hold, a copy to keep, and closing the account (注销账号). Apart from the consent
// contracts, which the main package needs at first use: these pages are in a subpackage.
import * as z from 'zod/mini';
import { defineContract } from './contract';
import { ACCOUNT_DELETION_COOLING_DAYS, PERSONAL_DATA_CATEGORIES, type PersonalDataCategory } from '../domain/privacy';

export const personalDataCategorySchema = z.enum(Object.keys(PERSONAL_DATA_CATEGORIES) as [PersonalDataCategory, ...PersonalDataCategory[]]);

export const dataExportSchema = z.object({
  generatedAt: z.string(),
  policyVersion: z.string(),
  /** What we hold, by kind: how many records of each (not their contents). */
  categories: z.array(z.object({ key: personalDataCategorySchema, label: z.string(), holds: z.string(), count: z.number().check(z.int()) })),
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
  deletion: z.nullable(accountDeletionSchema),
  /** What stops the account being closed now, in words (money still being paid, a unit to hand over…). */
  blockers: z.array(z.string()),
  coolingOffDays: z.number().check(z.int()),
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
