import { describe, expect, it } from 'vitest';
import { hashPassword, isCommonPassword, verifyPassword } from './passwords.ts';

describe('passwords', () => {
  it('knows the most used passwords in any case', () => {
    expect(isCommonPassword('password123')).toBe(true);
    expect(isCommonPassword('PassWord123')).toBe(true);
    expect(isCommonPassword('qwertyuiop')).toBe(true);
    expect(isCommonPassword('a calm and steady river 42')).toBe(false);
  });

  it('hashes with argon2id, salted, and verifies only the right password', async () => {
    const first = await hashPassword('a calm and steady river 42');
    const second = await hashPassword('a calm and steady river 42');
    expect(first).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(first).not.toBe(second);
    expect(await verifyPassword(first, 'a calm and steady river 42')).toBe(true);
    expect(await verifyPassword(first, 'a calm and steady river 43')).toBe(false);
    expect(await verifyPassword('not a hash', 'anything')).toBe(false);
  });
});
