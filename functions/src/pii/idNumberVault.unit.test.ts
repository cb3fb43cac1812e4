import { randomBytes } from 'node:crypto';
import { createIdNumberVault } from './idNumberVault';

const key = () => randomBytes(32).toString('base64');

describe('ID number vault', () => {
  const vault = createIdNumberVault(key(), key());

  it('decrypts what it encrypted, and never stores the same ciphertext twice', () => {
    const a = vault.encrypt('35010219800517123X');
    const b = vault.encrypt('35010219800517123X');
    expect(a).not.toBe(b);
    expect(a).not.toContain('35010219800517123X');
    expect(vault.decrypt(a)).toBe('35010219800517123X');
  });

  it('detects a tampered ciphertext', () => {
    const [v, iv, tag, body] = vault.encrypt('350102198005171234').split(':');
    const flipped = Buffer.from(body, 'base64');
    flipped[0] ^= 1;
    expect(() => vault.decrypt([v, iv, tag, flipped.toString('base64')].join(':'))).toThrow();
  });

  it('gives the same blind index for the same number (either case of X) and another for another key', () => {
    expect(vault.blindIndex('35010219800517123x')).toBe(vault.blindIndex('35010219800517123X'));
    expect(createIdNumberVault(key(), key()).blindIndex('35010219800517123X')).not.toBe(vault.blindIndex('35010219800517123X'));
  });

  it('refuses keys that are not 32 bytes', () => {
    expect(() => createIdNumberVault(Buffer.from('short').toString('base64'), key())).toThrow();
  });
});
