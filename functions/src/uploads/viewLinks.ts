// Five-minute links to a photo the caller was allowed to see: a domain checks the reader's right,
// then signs the key (jose, HS256, this audience only — never usable as a session); GET /files/view
// verifies it and sends the reader on to the object store's own short-lived address. So the
// domains need no S3 client and no right to read the bucket: only the platform's function has it.
import { SignJWT, jwtVerify } from 'jose';
import { getConfig } from '../config';

const AUDIENCE = 'doorstep-jobs:file-view';
export const VIEW_LINK_TTL_SECONDS = 300;

const keyOf = () => new TextEncoder().encode(getConfig().JWT_SECRET);

export async function viewLink(key: string): Promise<string> {
  const token = await new SignJWT({ key }).setProtectedHeader({ alg: 'HS256' }).setAudience(AUDIENCE).setExpirationTime(`${VIEW_LINK_TTL_SECONDS}s`).sign(keyOf());
  return `/files/view?token=${encodeURIComponent(token)}`;
}

/** The object key a link names, if it is ours, for viewing, and not expired. */
export async function keyOfViewLink(token: string): Promise<string | undefined> {
  try {
    const { payload } = await jwtVerify(token, keyOf(), { audience: AUDIENCE, algorithms: ['HS256'] });
    return typeof payload.key === 'string' ? payload.key : undefined;
  } catch {
    return undefined;
  }
}
