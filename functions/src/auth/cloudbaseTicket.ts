// The CloudBase bridge ticket: the CloudBase identity function signs the caller's OPENID (set by
// WeChat itself in that runtime) into a one-minute, single-use token; the API exchanges it.
import { SignJWT, jwtVerify } from 'jose';
import { randomUUID } from 'node:crypto';

export const TICKET_ISSUER = 'doorstep-cloudbase-identity';
export const TICKET_AUDIENCE = 'doorstep-jobs:cloudbase-ticket';
export const TICKET_TTL_SECONDS = 60;

const keyOf = (secret: string) => new TextEncoder().encode(secret);

export async function signIdentityTicket(openid: string, secret: string, now = new Date()): Promise<string> {
  const iat = Math.floor(now.getTime() / 1000);
  return new SignJWT({})
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(openid)
    .setIssuer(TICKET_ISSUER)
    .setAudience(TICKET_AUDIENCE)
    .setJti(randomUUID())
    .setIssuedAt(iat)
    .setExpirationTime(iat + TICKET_TTL_SECONDS)
    .sign(keyOf(secret));
}

export async function verifyIdentityTicket(ticket: string, secret: string) {
  const { payload } = await jwtVerify(ticket, keyOf(secret), {
    issuer: TICKET_ISSUER,
    audience: TICKET_AUDIENCE,
    algorithms: ['HS256'],
    maxTokenAge: TICKET_TTL_SECONDS,
  });
  if (!payload.sub || !payload.jti || !payload.exp) throw new Error('ticket lacks claims');
  return { openid: payload.sub, jti: payload.jti, exp: payload.exp };
}
