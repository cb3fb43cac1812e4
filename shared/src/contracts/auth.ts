import * as z from 'zod/mini';
import { defineContract } from './contract';
import { STAFF_LEVELS, scopeLength } from '../domain/jurisdiction';

export const roleSchema = z.enum(['jobseeker', 'employer', 'provider', 'staff', 'finance', 'admin']);
export const staffLevelSchema = z.enum(STAFF_LEVELS);
export type StaffLevel = z.infer<typeof staffLevelSchema>;

export const areaCodeSchema = z.string().check(z.regex(/^(\d{2}|\d{4}|\d{6}|\d{9}|\d{12})$/, '区划代码应为2、4、6、9或12位数字'));

export const userSchema = z.object({
  id: z.string(),
  roles: z.array(roleSchema),
  level: z.optional(staffLevelSchema),
  areaCode: z.optional(z.string()),
  /** 关怀模式, as the person last chose it on any phone (absent: never chosen). */
  careMode: z.optional(z.boolean()),
  createdAt: z.string(),
});
export type User = z.infer<typeof userSchema>;

/** A family member's session acting for someone (亲情代办): who, and how the proxy calls them. */
export const actingForSchema = z.object({
  bindingId: z.string(),
  personId: z.string(),
  callName: z.string(),
  relation: z.string(),
});
export type ActingFor = z.infer<typeof actingForSchema>;

export const sessionSchema = z.object({
  token: z.string(),
  expiresAt: z.string(),
  /** The person whose account this session works on (for a proxy session: the person acted for). */
  user: userSchema,
  /** Present only on a proxy session (POST /me/acting-for). */
  actingFor: z.optional(actingForSchema),
});
export type Session = z.infer<typeof sessionSchema>;

export const wechatLoginBodySchema = z.strictObject({
  code: z.string().check(z.minLength(1, '缺少微信登录凭证'), z.maxLength(128)),
});
export const wechatLogin = defineContract({
  id: 'wechatLogin',
  method: 'POST',
  path: '/auth/wechat',
  summary: '微信小程序登录：用 wx.login 的 code 换取会话',
  auth: 'public',
  body: wechatLoginBodySchema,
  response: sessionSchema,
  errors: [400, 401, 503],
});

export const cloudbaseLoginBodySchema = z.strictObject({
  ticket: z.string().check(z.minLength(1, '缺少云开发身份票据'), z.maxLength(2048)),
});
export const cloudbaseLogin = defineContract({
  id: 'cloudbaseLogin',
  method: 'POST',
  path: '/auth/cloudbase',
  summary: '云开发登录：用云函数签发的一分钟票据换取会话',
  auth: 'public',
  body: cloudbaseLoginBodySchema,
  response: sessionSchema,
  errors: [400, 401],
});

// Staff level and area must come together: a staff member without a jurisdiction sees nothing.
export const devLoginBodySchema = z.strictObject({
    openid: z.string().check(z.minLength(1), z.maxLength(64), z.regex(/^[\w-]+$/, 'openid 只能包含字母、数字、下划线和连字符')),
    roles: z.optional(z.array(roleSchema).check(z.minLength(1), z.maxLength(6))),
    level: z.optional(staffLevelSchema),
    areaCode: z.optional(areaCodeSchema),
  }).check(
  z.superRefine((v, ctx) => {
    const isStaff = v.roles?.includes('staff') ?? false;
    if (isStaff && (!v.level || !v.areaCode)) {
      ctx.addIssue({ code: 'custom', path: ['level'], message: '工作人员须同时指定层级和辖区代码' });
    }
    if (v.level && v.areaCode && v.areaCode.length !== scopeLength(v.level)) {
      ctx.addIssue({ code: 'custom', path: ['areaCode'], message: '辖区代码的位数与层级不符' });
    }
  }),
);
export type DevLoginBody = z.infer<typeof devLoginBodySchema>;
export const devLogin = defineContract({
  id: 'devLogin',
  method: 'POST',
  path: '/auth/dev-login',
  summary: '本地与测试环境登录（其他环境不部署）',
  auth: 'public',
  body: devLoginBodySchema,
  response: sessionSchema,
  errors: [400],
});

export const getMe = defineContract({
  id: 'getMe',
  method: 'GET',
  path: '/me',
  summary: '当前用户',
  auth: 'user',
  response: z.object({ user: userSchema }),
  errors: [401],
});

// A display setting, not personal information: stored without consent, so that 关怀模式 can be
// switched on before the privacy guide is read (in large text), and deleted with the account.
export const putMyPreferencesBodySchema = z.strictObject({
  careMode: z.boolean({ error: '请选择是否打开关怀模式' }),
});
export const putMyPreferences = defineContract({
  id: 'putMyPreferences',
  method: 'PUT',
  path: '/me/preferences',
  summary: '记住我的显示设置（关怀模式：大字、高对比、大按钮）',
  auth: 'user',
  body: putMyPreferencesBodySchema,
  response: z.object({ user: userSchema }),
  errors: [400, 401],
});
