// 亲情代办 (family proxy): inviting a family member, accepting, acting for the person, ending it,
// and what was done on whose behalf.
import * as z from 'zod/mini';
import { defineContract, ulidSchema } from './contract';
import { actingForSchema, sessionSchema } from './auth';
import { consentChannelSchema } from './privacy';
import { mobileSchema } from './registration';
import { PROXY_ACTION_OUTCOMES, PROXY_RELATIONS } from '../domain/proxies';

export const proxyRelationSchema = z.enum(PROXY_RELATIONS, { error: '请选择对方是您的什么人' });

export const inviteProxyBodySchema = z.strictObject({
  phone: mobileSchema,
  relation: proxyRelationSchema,
  /** How the family member calls the person (妈妈, 王阿姨): what their phone shows while acting. */
  callName: z.string().check(z.trim(), z.minLength(1, '请填写对方怎么称呼您'), z.maxLength(10, '称呼不超过 10 个字')),
  channel: consentChannelSchema,
});
export type InviteProxyBody = z.infer<typeof inviteProxyBodySchema>;

export const proxyInvitationSchema = z.object({
  phone: z.string(),
  relation: proxyRelationSchema,
  callName: z.string(),
  expiresAt: z.string(),
  createdAt: z.string(),
});

export const inviteProxy = defineContract({
  id: 'inviteProxy',
  method: 'POST',
  path: '/me/proxies',
  summary: '邀请家人为我代办（亲情代办）：对方用手机号和邀请码接受；同一号码再邀请会换新码',
  auth: 'user',
  consents: ['privacy'],
  body: inviteProxyBodySchema,
  response: z.object({ invitation: proxyInvitationSchema, code: z.string() }),
  successStatus: 201,
  errors: [400, 401, 403, 409],
});

export const cancelProxyInvitation = defineContract({
  id: 'cancelProxyInvitation',
  method: 'DELETE',
  path: '/me/proxy-invitations/{phone}',
  summary: '撤回还没有被接受的代办邀请',
  auth: 'user',
  params: z.object({ phone: mobileSchema }),
  response: z.object({ cancelled: z.boolean() }),
  errors: [401, 404],
});

export const acceptProxyInvitationBodySchema = z.strictObject({
  phone: mobileSchema,
  code: z.string().check(z.regex(/^\d{6}$/, '邀请码是 6 位数字')),
  channel: consentChannelSchema,
});

export const proxyBindingSchema = z.object({
  id: z.string(),
  relation: proxyRelationSchema,
  callName: z.string(),
  /** The family member's phone, masked (138****5678). */
  proxyPhone: z.string(),
  status: z.enum(['active', 'revoked']),
  createdAt: z.string(),
  revokedAt: z.optional(z.string()),
  revokedBy: z.optional(z.enum(['person', 'proxy'])),
});
export type ProxyBinding = z.infer<typeof proxyBindingSchema>;

export const acceptProxyInvitation = defineContract({
  id: 'acceptProxyInvitation',
  method: 'POST',
  path: '/me/proxy-invitations/accept',
  summary: '接受家人的代办邀请（手机号和 6 位邀请码）；记录双方的同意',
  auth: 'user',
  consents: ['privacy'],
  body: acceptProxyInvitationBodySchema,
  response: z.object({ binding: proxyBindingSchema }),
  successStatus: 201,
  errors: [400, 401, 403, 404, 409, 422],
});

export const listMyProxies = defineContract({
  id: 'listMyProxies',
  method: 'GET',
  path: '/me/proxies',
  summary: '亲情代办：为我代办的家人、我为谁代办、还没被接受的邀请',
  auth: 'user',
  response: z.object({
    proxies: z.array(proxyBindingSchema),
    actingFor: z.array(proxyBindingSchema),
    invitations: z.array(proxyInvitationSchema),
  }),
  errors: [401],
});

export const revokeProxy = defineContract({
  id: 'revokeProxy',
  method: 'DELETE',
  path: '/me/proxies/{id}',
  summary: '解除代办关系（本人或代办人都可以，立即生效）',
  auth: 'user',
  params: z.object({ id: ulidSchema }),
  response: z.object({ binding: proxyBindingSchema }),
  errors: [401, 404],
});

export const startActingFor = defineContract({
  id: 'startActingFor',
  method: 'POST',
  path: '/me/acting-for',
  summary: '代办人切换为「为家人代办」：得到一个只能办理代办事项的会话（两小时）',
  auth: 'user',
  body: z.strictObject({ bindingId: ulidSchema }),
  response: z.extend(sessionSchema, { actingFor: actingForSchema }),
  errors: [400, 401, 403, 404],
});

export const proxyActionSchema = z.object({
  id: z.string(),
  at: z.string(),
  /** What was done (the route's summary, in Chinese). */
  what: z.string(),
  outcome: z.enum(PROXY_ACTION_OUTCOMES),
  /** Seen by the person: the family member who acted; seen by the family member: whom for. */
  side: z.enum(['for_me', 'by_me']),
  relation: proxyRelationSchema,
  /** How the family member calls the person, and the family member's phone (masked). */
  callName: z.string(),
  proxyPhone: z.string(),
});
export type ProxyAction = z.infer<typeof proxyActionSchema>;

export const listProxyActions = defineContract({
  id: 'listProxyActions',
  method: 'GET',
  path: '/me/proxy-actions',
  summary: '代办记录：side=for_me 家人为我办的事，side=by_me 我为家人办的事（最近的在前）',
  auth: 'user',
  query: z.strictObject({
    side: z._default(z.enum(['for_me', 'by_me']), 'for_me'),
    cursor: z.optional(z.string().check(z.maxLength(600))),
    limit: z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(100)), 20),
  }),
  response: z.object({ items: z.array(proxyActionSchema), nextCursor: z.optional(z.string()) }),
  errors: [400, 401],
});
