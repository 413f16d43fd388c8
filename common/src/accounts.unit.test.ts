import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { handleSchema, reservedHandles, signUpInputSchema } from './accounts.ts';
import { profileUpdateInputSchema } from './profiles.ts';

describe('handleSchema', () => {
  it('accepts 3–30 letters, digits, _ and -', () => {
    for (const handle of ['abc', 'River_Stone-42', 'x'.repeat(30), '___'])
      expect(handleSchema.safeParse(handle).success, handle).toBe(true);
  });

  it('refuses every reserved word in any case', () => {
    for (const word of reservedHandles) {
      if (word.length < 3) continue;
      expect(handleSchema.safeParse(word.toUpperCase()).success, word).toBe(false);
    }
  });

  it('never accepts a character outside the allowed set', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 3, maxLength: 30 }), (candidate) => {
        const isAllowed =
          /^[A-Za-z0-9_-]{3,30}$/.test(candidate.trim()) && !reservedHandles.has(candidate.trim().toLowerCase());
        expect(handleSchema.safeParse(candidate).success).toBe(isAllowed);
      }),
    );
  });
});

describe('input schemas never throw', () => {
  it('parse any JSON value into success or issues', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(() => signUpInputSchema.safeParse(value)).not.toThrow();
        expect(() => profileUpdateInputSchema.safeParse(value)).not.toThrow();
      }),
    );
  });
});

describe('handle messages', () => {
  it('asks for a handle when it is empty, with one message', () => {
    const result = handleSchema.safeParse('   ');
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.message)).toEqual(['Choose a handle.']);
  });
});
