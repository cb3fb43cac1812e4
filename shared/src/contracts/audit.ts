import * as z from 'zod/mini';
import { defineContract, ulidSchema } from './contract';

export const AUDITED_TYPES = ['JobseekerRegistration', 'Employer', 'PersonApplication', 'Vacancy', 'VoucherProgramme', 'Voucher', 'SettlementBatch', 'StaffAccount', 'SubsidyApplication'] as const;

export const auditEventSchema = z.object({
  seq: z.number().check(z.int()),
  at: z.string(),
  actorId: z.string(),
  action: z.string(),
  fromState: z.string(),
  toState: z.string(),
  reason: z.optional(z.string()),
  changedFields: z.optional(z.array(z.string())),
  /** 亲情代办: done by this family member (a user id) for the person `actorId`. */
  proxyId: z.optional(z.string()),
});
export type AuditEventView = z.infer<typeof auditEventSchema>;

export const getAuditTrail = defineContract({
  id: 'getAuditTrail',
  method: 'GET',
  path: '/audit/{entityType}/{id}',
  summary: '记录的审计轨迹（哈希链校验结果 verified）：本人、本单位成员或辖区工作人员（就业券和结算批次还有辖区财务）可见',
  auth: 'user',
  params: z.strictObject({ entityType: z.enum(AUDITED_TYPES), id: ulidSchema }),
  response: z.object({ events: z.array(auditEventSchema), verified: z.boolean() }),
  errors: [401, 404],
});
