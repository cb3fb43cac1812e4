// ID numbers at rest: AES-256-GCM ciphertext plus an HMAC-SHA256 blind index for uniqueness
// and lookup. The keys come from configuration (SSM in AWS); plaintext never reaches a log.
import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';

const VERSION = 'v1';

export interface IdNumberVault {
  encrypt(idNumber: string): string;
  decrypt(cipherText: string): string;
  blindIndex(idNumber: string): string;
}

/**
 * `purpose` is bound into every ciphertext (GCM's associated data), so an ID number's ciphertext
 * cannot be passed off as a bank account's, or the other way round.
 */
export function createIdNumberVault(encryptionKeyBase64: string, hmacKeyBase64: string, purpose: 'id-number' | 'bank-account' = 'id-number'): IdNumberVault {
  const AAD = Buffer.from(`doorstep:${purpose}`);
  const encKey = Buffer.from(encryptionKeyBase64, 'base64');
  const macKey = Buffer.from(hmacKeyBase64, 'base64');
  if (encKey.length !== 32 || macKey.length !== 32) throw new Error('ID number keys must be 32 bytes');
  return {
    encrypt(idNumber) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', encKey, iv);
      cipher.setAAD(AAD);
      const body = Buffer.concat([cipher.update(idNumber, 'utf8'), cipher.final()]);
      return [VERSION, iv.toString('base64'), cipher.getAuthTag().toString('base64'), body.toString('base64')].join(':');
    },
    decrypt(cipherText) {
      const [version, iv, tag, body] = cipherText.split(':');
      if (version !== VERSION || !iv || !tag || !body) throw new Error('Unknown ID number cipher format');
      const decipher = createDecipheriv('aes-256-gcm', encKey, Buffer.from(iv, 'base64'));
      decipher.setAAD(AAD);
      decipher.setAuthTag(Buffer.from(tag, 'base64'));
      return Buffer.concat([decipher.update(Buffer.from(body, 'base64')), decipher.final()]).toString('utf8');
    },
    blindIndex(idNumber) {
      return createHmac('sha256', macKey).update(idNumber.toUpperCase()).digest('hex');
    },
  };
}
