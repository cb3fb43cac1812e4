import * as z from 'zod/mini';
import { parseIdNumber, idNumberProblemMessages, todayInChina } from '../domain/idNumber';
import { isOldEnoughToRegister, JOBSEEKER_MIN_AGE } from '../domain/eligibility';
import { MOBILE_PATTERN } from '../domain/phone';
import {
  EDUCATION_LEVELS,
  SHIFTS,
  QUALIFICATION_LEVELS,
  PROFESSIONAL_TITLES,
  PERSON_CATEGORIES,
  RESUME_MAX_CHARS,
  MAX_OCCUPATIONS,
} from '../domain/registration';
import { defineContract } from './contract';

/** The ID number: check digit, a real birth date, and the age gate (R01, ≥16 full years). */
export const idNumberSchema = z.string().check(
  z.superRefine((raw, ctx) => {
  const parsed = parseIdNumber(raw);
  if (!parsed.ok) {
    ctx.addIssue({ code: 'custom', message: idNumberProblemMessages[parsed.problem] });
    return;
  }
  if (!isOldEnoughToRegister(parsed.value.birthDate)) {
    ctx.addIssue({ code: 'custom', message: `求职登记须年满${JOBSEEKER_MIN_AGE}周岁` });
  }
}),
);

export const personNameSchema = z.string().check(
  z.trim(),
  z.minLength(2, '姓名至少2个字'),
  z.maxLength(30, '姓名最多30个字'),
  z.regex(/^[\p{Script=Han}A-Za-z·•\s]+$/u, '姓名只能包含汉字、字母和间隔号'),
);

export const mobileSchema = z.string().check(z.regex(MOBILE_PATTERN, '请输入11位手机号码，如13812345678'));

export const residenceSchema = z.strictObject({
  areaCode: z.string().check(z.regex(/^\d{12}$/, '请选择到社区（村）')),
  address: z.string().check(z.trim(), z.minLength(2, '请填写详细地址'), z.maxLength(100, '详细地址最多100个字')),
  // Coordinates in GCJ-02 as WeChat's getLocation returns them; the bounds are China's.
  lat: z.number().check(z.gte(3, '纬度不在中国境内'), z.lte(54, '纬度不在中国境内')),
  lng: z.number().check(z.gte(73, '经度不在中国境内'), z.lte(136, '经度不在中国境内')),
});

export const intentionSchema = z.strictObject({
  occupations: z.array(z.string().check(z.trim(), z.minLength(1, '工种不能为空'), z.maxLength(20, '每个工种最多20个字'))).check(
    z.minLength(1, '请至少填写一个想做的工种'),
    z.maxLength(MAX_OCCUPATIONS, `最多填写${MAX_OCCUPATIONS}个工种`),
  ),
  minMonthlySalaryFen: z.number().check(z.int('金额以分为单位，须为整数'), z.gte(0, '月薪要求不能为负数'), z.lte(100_000_000, '月薪要求过高，请核对')),
  maxDistanceKm: z.number().check(z.int(), z.gte(1, '距离至少1公里'), z.lte(50, '距离最多50公里')),
  shift: z.enum(SHIFTS),
});

export const jobseekerRegistrationBodySchema = z.strictObject({
  /** Required the first time; on an update, leaving it out keeps the stored number. */
  idNumber: z.optional(idNumberSchema),
  name: personNameSchema,
  phone: mobileSchema,
  education: z.enum(EDUCATION_LEVELS),
  yearsOfExperience: z.number().check(z.int('从业年限须为整数'), z.gte(0, '从业年限不能为负数'), z.lte(60, '从业年限最多60年')),
  qualificationLevel: z.optional(z.enum(QUALIFICATION_LEVELS)),
  professionalTitle: z.optional(z.enum(PROFESSIONAL_TITLES)),
  personCategory: z.optional(z.enum(PERSON_CATEGORIES)),
  /** When the person left school (毕业日期): "graduate within 2 years" is derived from it. */
  graduationDate: z.optional(z.string().check(
    z.regex(/^\d{4}-\d{2}-\d{2}$/, '请选择毕业日期'),
    z.refine((d) => d <= todayInChina(), '毕业日期不能晚于今天'),
  )),
  resume: z.optional(z.string().check(z.maxLength(RESUME_MAX_CHARS, `简历最多${RESUME_MAX_CHARS}个字`))),
  residence: residenceSchema,
  intention: intentionSchema,
});
export type JobseekerRegistrationBody = z.infer<typeof jobseekerRegistrationBodySchema>;

export const jobseekerRegistrationSchema = z.object({
  idNumberMasked: z.string(),
  name: z.string(),
  gender: z.enum(['male', 'female']),
  birthDate: z.string(),
  age: z.number().check(z.int()),
  phone: z.string(),
  education: z.enum(EDUCATION_LEVELS),
  yearsOfExperience: z.number().check(z.int()),
  qualificationLevel: z.optional(z.enum(QUALIFICATION_LEVELS)),
  professionalTitle: z.optional(z.enum(PROFESSIONAL_TITLES)),
  personCategory: z.optional(z.enum(PERSON_CATEGORIES)),
  graduationDate: z.optional(z.string()),
  resume: z.optional(z.string()),
  residence: z.extend(residenceSchema, { areaName: z.string() }),
  intention: intentionSchema,
  status: z.enum(['active', 'expired']),
  validUntil: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().check(z.int()),
});
export type JobseekerRegistration = z.infer<typeof jobseekerRegistrationSchema>;

export const putJobseekerRegistration = defineContract({
  id: 'putJobseekerRegistration',
  method: 'PUT',
  path: '/me/jobseeker-registration',
  summary: '填写或修改本人的求职登记',
  auth: 'user',
  proxy: '填写求职登记',
  consents: ['privacy', 'id_number'],
  body: jobseekerRegistrationBodySchema,
  response: z.object({ registration: jobseekerRegistrationSchema }),
  errors: [400, 401, 409],
});

export const getJobseekerRegistration = defineContract({
  id: 'getJobseekerRegistration',
  method: 'GET',
  path: '/me/jobseeker-registration',
  summary: '本人的求职登记（身份证号脱敏）',
  auth: 'user',
  proxy: '查看求职登记',
  response: z.object({ registration: jobseekerRegistrationSchema }),
  errors: [401, 404],
});
