// Vacancies (用人单位招聘登记表, domain.md §2.A): posted by an approved employer's members,
// reviewed by the street of the work address, then found near home (issue 4).
import * as z from 'zod/mini';
import { EDUCATION_LEVELS, PROFESSIONAL_TITLES, QUALIFICATION_LEVELS, SHIFTS } from '../domain/registration';
import { todayInChina } from '../domain/idNumber';
import { defineContract, ulidSchema } from './contract';
import { residenceSchema } from './registration';

export const EMPLOYMENT_FORMS = ['full_time', 'part_time', 'flexible', 'public_welfare', 'internship', 'traineeship'] as const;
export const employmentFormLabels: Record<(typeof EMPLOYMENT_FORMS)[number], string> = {
  full_time: '全职',
  part_time: '兼职',
  flexible: '灵活用工',
  public_welfare: '公益性岗位',
  internship: '实习',
  traineeship: '见习',
};
export const ACCOMMODATIONS = ['none', 'provided', 'allowance'] as const;
export const accommodationLabels: Record<(typeof ACCOMMODATIONS)[number], string> = { none: '不提供住宿', provided: '提供住宿', allowance: '发住房补贴' };
export const VACANCY_STATUSES = ['pending_review', 'published', 'rejected', 'paused', 'closed'] as const;
export const vacancyStatusLabels: Record<(typeof VACANCY_STATUSES)[number], string> = {
  pending_review: '待街道审核',
  published: '招聘中',
  rejected: '未通过',
  paused: '已暂停',
  closed: '已招满',
};
export const NEARBY_MAX_KM = 20;

const dateSchema = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, '请选择日期'));
const fen = (what: string) => z.number().check(
  z.int('金额以分为单位，须为整数'),
  z.gte(0, `${what}不能为负数`),
  z.lte(100_000_000, `${what}过高，请核对`),
);

// The groups as plain shapes (used by responses too, which must not re-check dates), then the
// body with its cross-field rules.
const requirementsSchema = z.strictObject({
  minAge: z.optional(z.number().check(z.int(), z.gte(16, '最低年龄不能小于16岁'), z.lte(70))),
  maxAge: z.optional(z.number().check(z.int(), z.gte(16), z.lte(70, '最高年龄不能大于70岁'))),
  minEducation: z.optional(z.enum(EDUCATION_LEVELS)),
  major: z.optional(z.string().check(z.trim(), z.maxLength(30))),
  minYearsOfExperience: z.optional(z.number().check(z.int(), z.gte(0), z.lte(40))),
  minQualificationLevel: z.optional(z.enum(QUALIFICATION_LEVELS)),
  professionalTitle: z.optional(z.enum(PROFESSIONAL_TITLES)),
  other: z._default(z.string().check(z.trim(), z.maxLength(500, '其他要求最多500字')), ''),
});
const paySchema = z.strictObject({
  salaryMinFen: fen('最低月薪'),
  salaryMaxFen: fen('最高月薪'),
  accommodation: z.enum(ACCOMMODATIONS),
  benefits: z._default(z.string().check(z.trim(), z.maxLength(200, '其他福利最多200字')), ''),
});
const timeSchema = z.strictObject({ recruitFrom: dateSchema, recruitUntil: dateSchema, interviewDate: z.optional(dateSchema) });

const vacancyFields = {
  employerId: ulidSchema,
  // 岗位
  title: z.string().check(z.trim(), z.minLength(2, '岗位名称至少2个字'), z.maxLength(30, '岗位名称最多30个字')),
  occupationCode: z._default(z.string().check(z.trim(), z.maxLength(20)), ''),
  occupationName: z.string().check(z.trim(), z.minLength(1, '请填写工种'), z.maxLength(20, '工种最多20个字')),
  employmentForm: z.enum(EMPLOYMENT_FORMS),
  headcount: z.number().check(z.int('招聘人数须为整数'), z.gte(1, '至少招1人'), z.lte(999, '最多999人')),
  requirements: requirementsSchema,
  pay: paySchema,
  time: timeSchema,
  workplace: residenceSchema,
  shift: z.enum(SHIFTS),
};

export const vacancyBodySchema = z.strictObject({
  ...vacancyFields,
  requirements: requirementsSchema.check(
    z.refine((r) => r.minAge === undefined || r.maxAge === undefined || r.minAge <= r.maxAge, {
    path: ['maxAge'],
    message: '最高年龄不能小于最低年龄',
  }),
  ),
  pay: paySchema.check(
    z.refine((p) => p.salaryMaxFen >= p.salaryMinFen, { path: ['salaryMaxFen'], message: '最高月薪不能低于最低月薪' }),
  ),
  time: timeSchema.check(
    z.refine((t) => t.recruitUntil >= t.recruitFrom, { path: ['recruitUntil'], message: '招聘截止日期不能早于开始日期' }),
    z.refine((t) => t.recruitUntil >= todayInChina(), { path: ['recruitUntil'], message: '招聘截止日期已过' }),
  ),
});
export type VacancyBody = z.infer<typeof vacancyBodySchema>;

export const discriminationFlagSchema = z.object({ field: z.string(), ground: z.string(), phrase: z.string(), reason: z.string() });

export const vacancySchema = z.object({
  ...vacancyFields,
  id: z.string(),
  employerName: z.string(),
  workplace: z.extend(residenceSchema, { areaName: z.string() }),
  status: z.enum(VACANCY_STATUSES),
  /** Requirements that look discriminatory, with the reason: shown to staff and the employer. */
  flags: z.array(discriminationFlagSchema),
  reviewReason: z.optional(z.string()),
  /** Past its recruitment end date: no longer shown in search, whatever the status. */
  expired: z.boolean(),
  /** Sent back with a PATCH, so an edit never overwrites a colleague's newer one. */
  version: z.number().check(z.int()),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Vacancy = z.infer<typeof vacancySchema>;

/** What a search result and the candidate's list show, and what matching needs: the search card. */
export const vacancySummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  employerName: z.string(),
  occupationName: z.string(),
  employmentForm: z.enum(EMPLOYMENT_FORMS),
  shift: z.enum(SHIFTS),
  headcount: z.number().check(z.int()),
  salaryMinFen: z.number().check(z.int()),
  salaryMaxFen: z.number().check(z.int()),
  accommodation: z.enum(ACCOMMODATIONS),
  areaName: z.string(),
  address: z.string(),
  recruitUntil: z.string(),
  requirements: z.pick(requirementsSchema, { minAge: true, maxAge: true, minEducation: true, minYearsOfExperience: true, minQualificationLevel: true }),
});
export type VacancySummary = z.infer<typeof vacancySummarySchema>;

const vacancyResponse = z.object({ vacancy: vacancySchema });
const idParams = z.strictObject({ id: ulidSchema });

export const createVacancy = defineContract({
  id: 'createVacancy',
  method: 'POST',
  path: '/vacancies',
  summary: '发布招聘岗位（已审核单位的成员）：提交后由工作地点所在街道审核',
  auth: 'user',
  body: vacancyBodySchema,
  response: vacancyResponse,
  successStatus: 201,
  errors: [400, 401, 403, 404, 409],
});

export const getVacancy = defineContract({
  id: 'getVacancy',
  method: 'GET',
  path: '/vacancies/{id}',
  summary: '岗位详情：招聘中的岗位人人可见；其他状态仅本单位成员和辖区工作人员可见',
  auth: 'user',
  proxy: '查看岗位',
  params: idParams,
  response: vacancyResponse,
  errors: [401, 404],
});

export const closeVacancy = defineContract({
  id: 'closeVacancy',
  method: 'POST',
  path: '/vacancies/{id}/close',
  summary: '岗位已招满，停止招聘（本单位成员）',
  auth: 'user',
  params: idParams,
  response: vacancyResponse,
  errors: [401, 404, 409],
});

export const nearbyQuerySchema = z.strictObject({
  lat: z.coerce.number().check(z.gte(3, '纬度不在中国境内'), z.lte(54, '纬度不在中国境内')),
  lng: z.coerce.number().check(z.gte(73, '经度不在中国境内'), z.lte(136, '经度不在中国境内')),
  radiusKm: z._default(z.coerce.number().check(z.gte(0.5, '范围至少0.5公里'), z.lte(NEARBY_MAX_KM, `范围最多${NEARBY_MAX_KM}公里`)), 3),
  occupation: z.optional(z.string().check(z.trim(), z.maxLength(20))),
  minSalaryFen: z.optional(z.coerce.number().check(z.int(), z.gte(0))),
  employmentForm: z.optional(z.enum(EMPLOYMENT_FORMS)),
  shift: z.optional(z.enum(SHIFTS)),
  sort: z._default(z.enum(['distance', 'match']), 'distance'),
  limit: z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(50)), 20),
  /** Where the previous page ended (the last item's distance and id, or the position for sort=match). */
  cursor: z.optional(z.string().check(z.maxLength(200))),
});

export const matchSchema = z.object({ score: z.number().check(z.int()), reasons: z.array(z.string()), unmet: z.array(z.string()) });

export const nearbyItemSchema = z.object({
  vacancy: vacancySummarySchema,
  distanceM: z.number().check(z.int()),
  /** Present when the caller has a job-seeker registration. */
  match: z.optional(matchSchema),
  /** Where the work is (GCJ-02), for a map. */
  at: z.optional(z.object({ lat: z.number(), lng: z.number() })),
});
export type NearbyItem = z.infer<typeof nearbyItemSchema>;

export const nearbyVacancies = defineContract({
  id: 'nearbyVacancies',
  method: 'GET',
  path: '/vacancies/nearby',
  summary: '附近的工作：半径内招聘中的岗位，按距离或匹配度排序，含距离和匹配理由',
  auth: 'user',
  proxy: '查看附近的工作',
  query: nearbyQuerySchema,
  response: z.object({ items: z.array(nearbyItemSchema), nextCursor: z.optional(z.string()) }),
  errors: [400, 401],
});

/**
 * An edit: `version` as last read. Only the groups sent change (each group whole). Extending or
 * shortening the recruitment period and changing the headcount of a published or paused
 * vacancy apply at once; any other change to it, and any change to a refused one, sends it back
 * to street review (so an approved vacancy cannot be edited into a discriminatory one).
 * `status` pauses or resumes, alone.
 */
export const vacancyPatchSchema = z.strictObject({
    version: z.number().check(z.int(), z.gte(1)),
    status: z.optional(z.enum(['paused', 'published'])),
    title: z.optional(vacancyFields.title),
    occupationCode: z.optional(z.string().check(z.trim(), z.maxLength(20))),
    occupationName: z.optional(vacancyFields.occupationName),
    employmentForm: z.optional(vacancyFields.employmentForm),
    headcount: z.optional(vacancyFields.headcount),
    requirements: z.optional(vacancyBodySchema.shape.requirements),
    pay: z.optional(vacancyBodySchema.shape.pay),
    time: z.optional(vacancyBodySchema.shape.time),
    workplace: z.optional(vacancyFields.workplace),
    shift: z.optional(vacancyFields.shift),
  }).check(
  z.refine((b) => Object.keys(b).some((k) => k !== 'version'), { message: '没有要修改的内容' }),
  z.refine((b) => b.status === undefined || Object.keys(b).length === 2, { path: ['status'], message: '暂停或恢复招聘时请不要同时修改其他内容' }),
);
export type VacancyPatch = z.infer<typeof vacancyPatchSchema>;

/** Groups whose change does not need another review. */
export const VACANCY_FIELDS_WITHOUT_REVIEW = ['headcount', 'time'] as const;

export const updateVacancy = defineContract({
  id: 'updateVacancy',
  method: 'PATCH',
  path: '/vacancies/{id}',
  summary: '修改、暂停、恢复或延期岗位（本单位成员）；修改岗位内容后重新交街道审核',
  auth: 'user',
  params: idParams,
  body: vacancyPatchSchema,
  response: z.extend(vacancyResponse, { needsReview: z.boolean() }),
  errors: [400, 401, 404, 409],
});

export const employerVacancies = defineContract({
  id: 'employerVacancies',
  method: 'GET',
  path: '/employers/{id}/vacancies',
  summary: '本单位的岗位（本单位成员），最新的在前，含各岗位的应聘人数',
  auth: 'user',
  params: idParams,
  query: z.strictObject({ cursor: z.optional(z.string().check(z.maxLength(400))) }),
  response: z.object({ items: z.array(z.extend(vacancySchema, { applicantCount: z.number().check(z.int()) })), nextCursor: z.optional(z.string()) }),
  errors: [400, 401, 404],
});

export const myRecommendations = defineContract({
  id: 'myRecommendations',
  method: 'GET',
  path: '/me/recommendations',
  summary: '为您推荐：按求职登记的意向（工种、月薪、离家距离、班次），从家附近招聘中的岗位里挑出最合适的',
  auth: 'user',
  proxy: '查看推荐岗位',
  response: z.object({ items: z.array(nearbyItemSchema), basis: z.optional(z.object({ radiusKm: z.number(), occupations: z.array(z.string()) })) }),
  errors: [401],
});
