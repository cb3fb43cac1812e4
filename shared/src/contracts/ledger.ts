// 实名制台账 (issue 31): community and street staff list every person of their area the system
// knows, by category and work status; open one person's service timeline (a look, in their
// 访问记录); export the list; and import the ledgers the street keeps today (CSV or Excel), first
// as a preview with each bad row's reason, then applied on a queue, each row once.
import * as z from 'zod/mini';
import { IMPORT_MAX_BYTES, IMPORT_PROBLEMS, LEDGER_ALL, LEDGER_CATEGORY_KEYS, LEDGER_STATUSES, type LedgerCategory, type LedgerStatus } from '../domain/ledger';
import { defineContract } from './contract';

const categorySchema = z.enum(LEDGER_CATEGORY_KEYS as [LedgerCategory, ...LedgerCategory[]]);
const statusSchema = z.enum(Object.keys(LEDGER_STATUSES) as [LedgerStatus, ...LedgerStatus[]]);
/** `U<account id>` for a person with an account, `I<import>_<row>` for one only imported. */
export const ledgerKeySchema = z.string().check(z.regex(/^(U[0-9A-HJKMNP-TV-Z]{26}|I[0-9a-f]{32}_\d{1,5})$/, '人员编号格式不对'));

export const ledgerPersonRowSchema = z.object({
  key: z.string(),
  name: z.string(),
  idNumberMasked: z.string(),
  gender: z.enum(['male', 'female']),
  age: z.number(),
  areaCode: z.string(),
  areaName: z.string(),
  categories: z.array(categorySchema),
  categoryNames: z.array(z.string()),
  status: statusSchema,
  statusName: z.string(),
  source: z.enum(['app', 'import']),
  updatedAt: z.string(),
});
export type LedgerPersonRow = z.infer<typeof ledgerPersonRowSchema>;

export const listLedger = defineContract({
  id: 'listLedger',
  method: 'GET',
  path: '/staff/ledger',
  summary: '实名制台账：辖区内系统掌握的每一个人（求职登记、登记失业、就业困难、零就业家庭成员、两年内毕业生、零工、窗口或招聘会服务过、街道台账导入），按类别和就业状态筛选，每页 20 人',
  auth: ['staff'],
  query: z.strictObject({
    category: z.optional(z.enum([LEDGER_ALL, ...LEDGER_CATEGORY_KEYS] as [string, ...string[]], { message: '人员类别不对' })),
    status: z.optional(statusSchema),
    cursor: z.optional(z.string().check(z.maxLength(400))),
  }),
  response: z.object({ items: z.array(ledgerPersonRowSchema), nextCursor: z.optional(z.string()) }),
  errors: [400, 401, 403],
});

export const serviceEventSchema = z.object({ at: z.string(), kind: z.string(), title: z.string(), detail: z.optional(z.string()) });

export const getLedgerPerson = defineContract({
  id: 'getLedgerPerson',
  method: 'GET',
  path: '/staff/ledger/people/{key}',
  summary: '台账中一个人的服务手册：基本情况、类别、全部服务记录按时间排列（登记、申请、推荐、面试、培训、就业券、窗口、零工、招聘会、政策、评价）；记入此人的访问记录；辖区外 → 404',
  auth: ['staff'],
  params: z.strictObject({ key: ledgerKeySchema }),
  response: z.object({
    person: z.object({
      ...ledgerPersonRowSchema.shape,
      phoneMasked: z.optional(z.string()),
      address: z.optional(z.string()),
      importedFrom: z.optional(z.object({ fileName: z.string(), row: z.number(), at: z.string() })),
    }),
    timeline: z.array(serviceEventSchema),
  }),
  errors: [400, 401, 403, 404],
});

export const exportLedger = defineContract({
  id: 'exportLedger',
  method: 'GET',
  path: '/staff/ledger/export.csv',
  summary: '导出实名制台账（CSV，Excel 可直接打开）：所选类别的每个人一行，身份证号部分隐去；每个人都记入访问记录',
  auth: ['admin'],
  query: z.strictObject({ category: z.optional(z.enum([LEDGER_ALL, ...LEDGER_CATEGORY_KEYS] as [string, ...string[]], { message: '人员类别不对' })) }),
  produces: 'text/csv',
  response: z.object({ fileName: z.string(), content: z.string() }),
  errors: [400, 401, 403],
});

const fileBody = z.strictObject({
  fileName: z.string().check(z.regex(/\.(csv|xlsx)$/i, '请选择 .csv 或 .xlsx 文件'), z.maxLength(120, '文件名太长')),
  contentBase64: z.string().check(z.minLength(4, '文件是空的'), z.maxLength(Math.ceil(IMPORT_MAX_BYTES / 3) * 4, '文件超过 3 MB，请分成几个文件'), z.regex(/^[A-Za-z0-9+/]+={0,2}$/, '文件内容无法读取')),
});

const problemSchema = z.enum(Object.keys(IMPORT_PROBLEMS) as [keyof typeof IMPORT_PROBLEMS, ...(keyof typeof IMPORT_PROBLEMS)[]]);
export const badRowSchema = z.object({ row: z.number(), name: z.string(), problems: z.array(problemSchema), reasons: z.array(z.string()) });

export const ledgerImportSchema = z.object({
  id: z.string(),
  fileName: z.string(),
  rows: z.number(),
  good: z.number(),
  bad: z.number(),
  /** Applied so far, and refused when applied (someone registered or imported meanwhile). */
  applied: z.number(),
  refusedOnApply: z.number(),
  state: z.enum(['running', 'done']),
  createdAt: z.string(),
  byName: z.string(),
});
export type LedgerImport = z.infer<typeof ledgerImportSchema>;

export const previewLedgerImport = defineContract({
  id: 'previewLedgerImport',
  method: 'POST',
  path: '/staff/ledger-imports/preview',
  summary: '导入街道台账前先检查（CSV 或 Excel .xlsx；列：姓名、身份证号、社区，可选 联系电话、居住地址、人员类别、就业状态）：每一行的问题用中文列出，不写入任何数据',
  auth: ['staff'],
  body: fileBody,
  response: z.object({
    id: z.string(),
    rows: z.number(),
    good: z.number(),
    bad: z.array(badRowSchema),
    /** This file was imported before (by this office): applying it again changes nothing. */
    imported: z.optional(ledgerImportSchema),
  }),
  errors: [400, 401, 403],
});

export const startLedgerImport = defineContract({
  id: 'startLedgerImport',
  method: 'POST',
  path: '/staff/ledger-imports',
  summary: '导入街道台账：检查通过的行逐行写入（每行全部写入或都不写入），已导入过的文件再导入不会重复；导入的人员在本人登录并同意前标为“街道台账导入”',
  auth: ['staff'],
  body: fileBody,
  response: z.object({ import: ledgerImportSchema }),
  successStatus: 202,
  errors: [400, 401, 403],
});

export const getLedgerImport = defineContract({
  id: 'getLedgerImport',
  method: 'GET',
  path: '/staff/ledger-imports/{id}',
  summary: '一次导入的进度和导入时被拒的行（例如期间本人已登记）',
  auth: ['staff'],
  params: z.strictObject({ id: z.string().check(z.regex(/^[0-9a-f]{32}$/, '导入编号格式不对')) }),
  response: z.object({ import: ledgerImportSchema, refused: z.array(badRowSchema) }),
  errors: [400, 401, 403, 404],
});
