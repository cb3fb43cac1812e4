import { z } from '../zod';
import { parseUscc, usccProblemMessages } from '../domain/uscc';
import { ECONOMIC_TYPES, EMPLOYER_INTRO_MAX_CHARS, EMPLOYER_STATUSES, INDUSTRIES } from '../domain/employer';
import { defineContract, ulidSchema } from './contract';
import { mobileSchema, personNameSchema, residenceSchema } from './registration';

export const usccSchema = z.string().superRefine((raw, ctx) => {
  const parsed = parseUscc(raw);
  if (!parsed.ok) ctx.addIssue({ code: 'custom', message: usccProblemMessages[parsed.problem] });
});

export const createEmployerBodySchema = z.strictObject({
  name: z.string().trim().min(2, '单位名称至少2个字').max(100, '单位名称最多100个字'),
  uscc: usccSchema,
  industry: z.enum(INDUSTRIES),
  economicType: z.enum(ECONOMIC_TYPES),
  /** Where the unit is: the same shape as a person's residence (community code, detail, GCJ-02). */
  address: residenceSchema,
  intro: z.string().trim().max(EMPLOYER_INTRO_MAX_CHARS, `单位简介最多${EMPLOYER_INTRO_MAX_CHARS}字`),
  contactName: personNameSchema,
  contactPhone: mobileSchema,
  /** Set once the licence photo is uploaded (POST /uploads, a later step of issue 3). */
  licenceImageKey: z.string().regex(/^licences\/[\w-]+\.(jpg|jpeg|png)$/, '营业执照图片无效').optional(),
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
  address: residenceSchema.extend({ areaName: z.string() }),
  intro: z.string(),
  contactName: z.string(),
  contactPhone: z.string(),
  licenceImageKey: z.string().optional(),
  status: z.enum(EMPLOYER_STATUSES),
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
