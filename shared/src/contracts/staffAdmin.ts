// 人员与权限 (issue 18): administrators invite staff of their jurisdiction by phone, change their
// area or roles, and remove them; the invited person accepts with the phone and a one-time code.
import * as z from 'zod/mini';
import { defineContract, ulidSchema } from './contract';
import { areaCodeSchema, staffLevelSchema } from './auth';
import { mobileSchema, personNameSchema } from './registration';
import { STAFF_ROLES } from '../domain/staff';

export const staffRoleSchema = z.enum(STAFF_ROLES, { error: '请选择权限' });
const rolesSchema = z.array(staffRoleSchema).check(z.minLength(1, '请至少选择一项权限'), z.maxLength(STAFF_ROLES.length));

export const inviteStaffBodySchema = z.strictObject({
  phone: mobileSchema,
  /** How colleagues and the access log name the officer. */
  name: personNameSchema,
  areaCode: areaCodeSchema,
  roles: rolesSchema,
});
export type InviteStaffBody = z.infer<typeof inviteStaffBodySchema>;

export const staffInvitationSchema = z.object({
  phone: z.string(),
  name: z.string(),
  level: staffLevelSchema,
  areaCode: z.string(),
  areaName: z.string(),
  roles: z.array(staffRoleSchema),
  invitedBy: z.string(),
  expiresAt: z.string(),
  createdAt: z.string(),
});

export const staffMemberSchema = z.object({
  userId: z.string(),
  name: z.string(),
  /** Masked: 138****5678. */
  phone: z.string(),
  level: staffLevelSchema,
  areaCode: z.string(),
  areaName: z.string(),
  roles: z.array(staffRoleSchema),
  /** The administrator who added them (their name), or 系统初始化 for the first one. */
  addedBy: z.string(),
  addedAt: z.string(),
  updatedAt: z.string(),
  version: z.number().check(z.int()),
});
export type StaffMember = z.infer<typeof staffMemberSchema>;

export const inviteStaff = defineContract({
  id: 'inviteStaff',
  method: 'POST',
  path: '/admin/staff',
  summary: '邀请工作人员（本辖区及以下；只能授予自己拥有的权限；管理员只能设在下级区域）：得到 6 位加入码',
  auth: ['admin'],
  consents: ['privacy'],
  body: inviteStaffBodySchema,
  response: z.object({ invitation: staffInvitationSchema, code: z.string() }),
  successStatus: 201,
  errors: [400, 401, 403],
});

export const listStaff = defineContract({
  id: 'listStaff',
  method: 'GET',
  path: '/admin/staff',
  summary: '本辖区（或其中一个下级区域）的工作人员和待接受的邀请',
  auth: ['admin'],
  query: z.strictObject({ areaCode: z.optional(areaCodeSchema), cursor: z.optional(z.string().check(z.maxLength(600))) }),
  response: z.object({
    /** The administrator's own area, where what they may set starts. */
    scope: z.object({ areaCode: z.string(), areaName: z.string(), level: staffLevelSchema }),
    items: z.array(staffMemberSchema),
    invitations: z.array(staffInvitationSchema),
    nextCursor: z.optional(z.string()),
  }),
  errors: [400, 401, 403],
});

export const updateStaffBodySchema = z.strictObject({
    version: z.number().check(z.int(), z.gte(1)),
    areaCode: z.optional(areaCodeSchema),
    roles: z.optional(rolesSchema),
  }).check(
  z.refine((b) => b.areaCode !== undefined || b.roles !== undefined, { message: '请说明要修改的辖区或权限', path: ['roles'] }),
);

export const updateStaff = defineContract({
  id: 'updateStaff',
  method: 'PATCH',
  path: '/admin/staff/{userId}',
  summary: '调动工作人员的辖区或修改权限（下一次操作起生效）；版本不对 → 409',
  auth: ['admin'],
  params: z.object({ userId: ulidSchema }),
  body: updateStaffBodySchema,
  response: z.object({ member: staffMemberSchema }),
  errors: [400, 401, 403, 404, 409],
});

export const removeStaff = defineContract({
  id: 'removeStaff',
  method: 'DELETE',
  path: '/admin/staff/{userId}',
  summary: '移除工作人员（下一次操作起不再有工作人员权限）；不能移除自己这个区域唯一的管理员',
  auth: ['admin'],
  params: z.object({ userId: ulidSchema }),
  response: z.object({ removed: z.boolean() }),
  errors: [401, 403, 404, 409],
});

export const cancelStaffInvitation = defineContract({
  id: 'cancelStaffInvitation',
  method: 'DELETE',
  path: '/admin/staff-invitations/{areaCode}/{phone}',
  summary: '撤回还没有被接受的工作人员邀请',
  auth: ['admin'],
  params: z.object({ areaCode: areaCodeSchema, phone: mobileSchema }),
  response: z.object({ cancelled: z.boolean() }),
  errors: [401, 404],
});

export const acceptStaffInvitationBodySchema = z.strictObject({
  phone: mobileSchema,
  code: z.string().check(z.regex(/^\d{6}$/, '加入码是 6 位数字')),
});

export const acceptStaffInvitation = defineContract({
  id: 'acceptStaffInvitation',
  method: 'POST',
  path: '/me/staff-invitations/accept',
  summary: '接受工作人员邀请（手机号和 6 位加入码）：成为该辖区的工作人员',
  auth: 'user',
  consents: ['privacy'],
  body: acceptStaffInvitationBodySchema,
  response: z.object({ member: staffMemberSchema }),
  successStatus: 201,
  errors: [400, 401, 403, 404, 409],
});
