// 就业援助's on-time figures (issue 31): for each assistance deadline, how many steps were done,
// done on time, and are open past their due date — by street and by specialist — computed from the
// cases' own step tasks, i.e. from what staff did.
import * as z from 'zod/mini';
import { defineContract } from './contract';

const tally = { done: z.number(), onTime: z.number(), overdue: z.number() };
export const assistanceReportSchema = z.object({
  cases: z.number(),
  placed: z.number(),
  closedStable: z.number(),
  /** 公益性岗位: confirmed posts' seats and how many are held. */
  welfareSeats: z.number(),
  welfareFilled: z.number(),
  steps: z.array(z.object({ kind: z.string(), name: z.string(), ...tally })),
  byStreet: z.array(z.object({ areaCode: z.string(), areaName: z.string(), cases: z.number(), placed: z.number(), ...tally })),
  bySpecialist: z.array(z.object({ id: z.string(), name: z.string(), areaName: z.string(), cases: z.number(), ...tally })),
});
export type AssistanceReport = z.infer<typeof assistanceReportSchema>;

export const getAssistanceReport = defineContract({
  id: 'getAssistanceReport',
  method: 'GET',
  path: '/staff/assistance-report',
  summary: '就业援助按时率：每项援助期限（指派、联系、方案、推荐岗位、面试回访、就业登记、跟踪回访）办结数、按时数、逾期未办数，按街道和援助专员',
  auth: ['admin'],
  response: z.object({ report: assistanceReportSchema }),
  errors: [401, 403],
});

export const exportAssistanceLedger = defineContract({
  id: 'exportAssistanceLedger',
  method: 'GET',
  path: '/staff/assistance-cases/export.csv',
  summary: '导出就业困难人员援助服务台账（F30，CSV，Excel 可直接打开）：每人一行；每个人都记入访问记录',
  auth: ['admin'],
  produces: 'text/csv',
  response: z.object({ fileName: z.string(), content: z.string() }),
  errors: [401, 403],
});

export const exportHouseholdLedger = defineContract({
  id: 'exportHouseholdLedger',
  method: 'GET',
  path: '/staff/households/export.csv',
  summary: '导出零就业家庭台账（CSV）：每户一行，认定情况、零就业起始日和天数、动态清零期限；不含身份证号',
  auth: ['staff'],
  produces: 'text/csv',
  response: z.object({ fileName: z.string(), content: z.string() }),
  errors: [401, 403],
});
