// Holder codes: what the citizen's phone shows as a QR code. An Ed25519-signed JWS that lives
// about a minute, so a photo of someone's code is soon worthless; anyone with the public key
// (GET /vouchers/code-key) can tell a genuine code offline. Whether it is still unused is
// only known online: redemption is a conditional write.
import { createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import { CompactSign, compactVerify, errors as joseErrors } from 'jose';
import { getConfig } from '../config';
import { RuleError } from '../http/errors';

export const CODE_LIFETIME_SECONDS = 60;
/** Clocks of the phone and the server differ a little; the scan takes a moment. */
const LEEWAY_SECONDS = 15;

let keys: { privateKey: KeyObject; publicKey: KeyObject } | undefined;
function keyPair() {
  if (!keys) {
    const privateKey = createPrivateKey({ key: Buffer.from(getConfig().VOUCHER_CODE_KEY, 'base64'), format: 'der', type: 'pkcs8' });
    keys = { privateKey, publicKey: createPublicKey(privateKey) };
  }
  return keys;
}

export class InvalidCodeError extends RuleError {}

/**
 * One key signs every code the app shows as a QR — holder codes here, job-fair check-in codes
 * (fairs/attendance.ts) — each payload saying what it is, so one kind never passes for another.
 */
export async function signPayload(payload: Record<string, unknown>): Promise<string> {
  return new CompactSign(new TextEncoder().encode(JSON.stringify(payload))).setProtectedHeader({ alg: 'EdDSA' }).sign(keyPair().privateKey);
}

/** A signed code's payload, or undefined when the signature does not hold or it is not a JSON object. */
export async function openPayload(code: string): Promise<Record<string, unknown> | undefined> {
  try {
    const verified = await compactVerify(code, keyPair().publicKey, { algorithms: ['EdDSA'] });
    const payload: unknown = JSON.parse(new TextDecoder().decode(verified.payload));
    return payload && typeof payload === 'object' ? (payload as Record<string, unknown>) : undefined;
  } catch (err) {
    if (err instanceof joseErrors.JOSEError || err instanceof SyntaxError) return undefined;
    throw err;
  }
}

export async function signHolderCode(voucherId: string, now: Date = new Date()): Promise<{ code: string; expiresAt: string }> {
  const exp = Math.floor(now.getTime() / 1000) + CODE_LIFETIME_SECONDS;
  return { code: await signPayload({ v: voucherId, exp }), expiresAt: new Date(exp * 1000).toISOString() };
}

/** The voucher a code names, if the signature holds and it has not expired; otherwise a 422 saying what to do. */
export async function verifyHolderCode(code: string, now: Date = new Date()): Promise<string> {
  const payload = await openPayload(code);
  if (typeof payload?.v !== 'string' || typeof payload.exp !== 'number') throw new InvalidCodeError('这不是有效的就业券码，请让持券人重新出示');
  if (payload.exp + LEEWAY_SECONDS < now.getTime() / 1000) throw new InvalidCodeError('券码已过期，请让持券人刷新后再扫');
  return payload.v;
}

export function codePublicKey() {
  const jwk = keyPair().publicKey.export({ format: 'jwk' }) as { kty: string; crv: string; x: string };
  return { kty: jwk.kty, crv: jwk.crv, x: jwk.x, alg: 'EdDSA' };
}
