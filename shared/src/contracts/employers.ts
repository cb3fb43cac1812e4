import * as z from 'zod/mini';
import { parseUscc, usccProblemMessages } from '../domain/uscc';
import { ECONOMIC_TYPES, EMPLOYER_INTRO_MAX_CHARS, EMPLOYER_STATUSES, INDUSTRIES } from '../domain/employer';
import { defineContract, ulidSchema } from './contract';
import { mobileSchema, personNameSchema, residenceSchema } from './registration';
import { uploadKeySchema } from './uploads';

export const usccSchema = z.string().check(
  z.superRefine((raw, ctx) => {
  const parsed = parseUscc(raw);
  if (!parsed.ok) ctx.addIssue({ code: 'custom', message: usccProblemMessages[parsed.problem] });
}),
);

export const createEmployerBodySchema = z.strictObject({
  name: z.string().check(z.trim(), z.minLength(2, '单位名称至少2个字'), z.maxLength(100, '单位名称最多100个字')),
  uscc: usccSchema,
  industry: z.enum(INDUSTRIES),
  economicType: z.enum(ECONOMIC_TYPES),
  /** Where the unit is: the same shape as a person's residence (community code, detail, GCJ-02). */
  address: residenceSchema,
  intro: z.string().check(
    z.trim(),
    z.maxLength(EMPLOYER_INTRO_MAX_CHARS, `单位简介最多${EMPLOYER_INTRO_MAX_CHARS}字`),
  ),
  contactName: personNameSchema,
  contactPhone: mobileSchema,
  /** Set once the licence photo is uploaded (POST /uploads, a later step of issue 3). */
  licenceImageKey: z.optional(uploadKeySchema('licences', '营业执照图片无效')),
});
export type CreateEmployerBody = z.infer<typeof createEmployerBodySchema>;

export const employerIdParamsSchema = z.strictObject({
  id: ulidSchema,
});

export const employerSchema = z.object({
  id: z.string(),
  name: z.string(),
  uscc: z.string(),
  industry: z.enum(INDUSTRIES),
  economicType: z.enum(ECONOMIC_TYPES),
  address: z.extend(residenceSchema, { areaName: z.string() }),
  intro: z.string(),
  contactName: z.string(),
  contactPhone: z.string(),
  licenceImageKey: z.optional(z.string()),
  status: z.enum(EMPLOYER_STATUSES),
  /** Why staff did not approve it. */
  reviewReason: z.optional(z.string()),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Employer = z.infer<typeof employerSchema>;

export const createEmployer = defineContract({
  id: 'createEmployer',
  method: 'POST',
  path: '/employers',
  summary: '单位入驻：提交单位信息，等待所在街道审核',
  auth: 'user',
  consents: ['privacy'],
  body: createEmployerBodySchema,
  response: z.object({ employer: employerSchema }),
  successStatus: 201,
  errors: [400, 401, 409],
});

export const getEmployer = defineContract({
  id: 'getEmployer',
  method: 'GET',
  path: '/employers/{id}',
  summary: '单位信息（本单位成员可见）',
  auth: 'user',
  params: employerIdParamsSchema,
  response: z.object({ employer: employerSchema }),
  errors: [401, 404],
});

export const inviteMemberBodySchema = z.strictObject({
  phone: mobileSchema,
});

export const invitationSchema = z.object({
  employerId: z.string(),
  phone: z.string(),
  /** Six digits the admin passes to the colleague; valid for 7 days, shown once. */
  code: z.string(),
  expiresAt: z.string(),
});

export const inviteEmployerMember = defineContract({
  id: 'inviteEmployerMember',
  method: 'POST',
  path: '/employers/{id}/members',
  summary: '单位管理员按手机号添加同事：生成加入码，同事凭手机号和加入码加入（单位审核通过后可用）',
  auth: 'user',
  consents: ['privacy'],
  params: employerIdParamsSchema,
  body: inviteMemberBodySchema,
  response: z.object({ invitation: invitationSchema }),
  successStatus: 201,
  errors: [400, 401, 403, 404, 409],
});

export const acceptInvitationBodySchema = z.strictObject({
  phone: mobileSchema,
  code: z.string().check(z.regex(/^\d{6}$/, '加入码是6位数字')),
});

export const acceptEmployerInvitation = defineContract({
  id: 'acceptEmployerInvitation',
  method: 'POST',
  path: '/me/employer-invitations/accept',
  summary: '凭手机号和加入码成为单位成员',
  auth: 'user',
  consents: ['privacy'],
  body: acceptInvitationBodySchema,
  response: z.object({ employer: employerSchema }),
  errors: [400, 401, 404, 409],
});

export const listMyEmployers = defineContract({
  id: 'listMyEmployers',
  method: 'GET',
  path: '/me/employers',
  summary: '我所在的单位及其审核状态',
  auth: 'user',
  response: z.object({
    items: z.array(z.object({ employer: employerSchema, role: z.enum(['admin', 'member']) })),
  }),
  errors: [401],
});
