// What staff see of a person or an employer in their jurisdiction: what a decision needs,
// personal data masked otherwise.
import * as z from 'zod/mini';
import { EDUCATION_LEVELS } from '../domain/registration';
import { defineContract, ulidSchema } from './contract';
import { applicationSchema, categorySchema } from './applications';
import { employerSchema } from './employers';

export const staffPersonSchema = z.object({
  id: z.string(),
  name: z.string(),
  gender: z.enum(['male', 'female']),
  birthDate: z.string(),
  age: z.number().check(z.int()),
  idNumberMasked: z.string(),
  phoneMasked: z.string(),
  education: z.enum(EDUCATION_LEVELS),
  graduationDate: z.optional(z.string()),
  /** With coordinates, so staff can find vacancies near the person's home to refer them to. */
  residence: z.object({ areaCode: z.string(), areaName: z.string(), address: z.string(), lat: z.number(), lng: z.number() }),
  /** Interviews the person booked: attended, and not come to (recorded by employers). */
  interviews: z.object({ attended: z.number().check(z.int()), noShows: z.number().check(z.int()) }),
  /** 零工 done (flexible employment): on how many days, and the pay the person recorded. */
  flexibleWork: z.object({ days: z.number().check(z.int()), incomeFen: z.number().check(z.int()) }),
});

export const getStaffPerson = defineContract({
  id: 'getStaffPerson',
  method: 'GET',
  path: '/staff/people/{id}',
  summary: '辖区内人员的登记信息（证件号、手机号脱敏）、人员类别和申请',
  auth: ['staff'],
  params: z.strictObject({ id: ulidSchema }),
  response: z.object({ person: staffPersonSchema, categories: z.array(categorySchema), applications: z.array(applicationSchema) }),
  errors: [401, 403, 404],
});

export const findStaffPerson = defineContract({
  id: 'findStaffPerson',
  method: 'POST',
  path: '/staff/people/search',
  summary: '按身份证号查找辖区内的人员（用于代办）；号码放在请求体中，不进地址和日志',
  auth: ['staff'],
  body: z.strictObject({ idNumber: z.string().check(z.trim(), z.minLength(15, '请输入身份证号'), z.maxLength(18, '请输入身份证号')) }),
  response: z.object({ person: staffPersonSchema }),
  errors: [400, 401, 403, 404],
});

export const getStaffEmployer = defineContract({
  id: 'getStaffEmployer',
  method: 'GET',
  path: '/staff/employers/{id}',
  summary: '辖区内单位的入驻信息和营业执照（联系电话脱敏）',
  auth: ['staff'],
  params: z.strictObject({ id: ulidSchema }),
  response: z.object({
    employer: z.extend(z.omit(employerSchema, { contactPhone: true }), { contactPhoneMasked: z.string(), licenceUrl: z.optional(z.string()) }),
  }),
  errors: [401, 403, 404],
});
