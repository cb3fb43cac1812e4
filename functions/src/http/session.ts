// Session tokens: short-lived HS256 JWTs (jose) carrying the user's roles and jurisdiction.
import { SignJWT, jwtVerify, errors as joseErrors } from 'jose';
import * as z from 'zod/mini';
import { roleSchema, staffLevelSchema, type User } from '@doorstep/shared';
import { UnauthenticatedError } from './errors';

const ISSUER = 'doorstep-jobs';
const AUDIENCE = 'doorstep-jobs:session';

export const sessionClaimsSchema = z.object({
  sub: z.string(),
  roles: z.array(roleSchema),
  level: z.optional(staffLevelSchema),
  areaCode: z.optional(z.string()),
  /** A proxy session (亲情代办): the family member acting (`sub` is the person acted for) and their binding. */
  prx: z.optional(z.string()),
  bnd: z.optional(z.string()),
});
export type SessionClaims = z.infer<typeof sessionClaimsSchema>;

/** A family member acting for the person, and the binding that lets them. */
export interface ProxyOf {
  proxyUserId: string;
  bindingId: string;
}

export interface Principal {
  /** The person whose account the request works on (for a proxy session, the person acted for). */
  userId: string;
  roles: User['roles'];
  level?: User['level'];
  areaCode?: string;
  /** Set on a proxy session: who is really acting. */
  proxy?: ProxyOf;
}

const keyOf = (secret: string) => new TextEncoder().encode(secret);

export async function signSession(user: User, secret: string, ttlSeconds: number, now = new Date(), proxy?: ProxyOf) {
  const exp = Math.floor(now.getTime() / 1000) + ttlSeconds;
  const token = await new SignJWT({
    roles: user.roles,
    ...(user.level ? { level: user.level } : {}),
    ...(user.areaCode ? { areaCode: user.areaCode } : {}),
    ...(proxy ? { prx: proxy.proxyUserId, bnd: proxy.bindingId } : {}),
  })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(user.id)
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt(Math.floor(now.getTime() / 1000))
    .setExpirationTime(exp)
    .sign(keyOf(secret));
  return { token, expiresAt: new Date(exp * 1000).toISOString() };
}

export async function verifySession(token: string, secret: string): Promise<Principal> {
  try {
    const { payload } = await jwtVerify(token, keyOf(secret), {
      issuer: ISSUER,
      audience: AUDIENCE,
      algorithms: ['HS256'],
    });
    const claims = sessionClaimsSchema.parse(payload);
    return {
      userId: claims.sub,
      roles: claims.roles,
      level: claims.level,
      areaCode: claims.areaCode,
      ...(claims.prx && claims.bnd ? { proxy: { proxyUserId: claims.prx, bindingId: claims.bnd } } : {}),
    };
  } catch (err) {
    if (err instanceof joseErrors.JWTExpired) throw new UnauthenticatedError('登录已过期，请重新登录');
    throw new UnauthenticatedError('登录状态无效，请重新登录');
  }
}
