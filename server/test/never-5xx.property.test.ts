/** Property: whatever body a client sends to sign-up, sign-in or a profile update, never a 5xx. */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildMember, type BuiltMember } from './factories.ts';
import { createTestApp, errorOf, type TestApp } from './test-app.ts';

let t: TestApp;
let member: BuiltMember;
beforeAll(async () => {
  t = await createTestApp();
  member = await buildMember(t.ctx);
});
afterAll(() => t.close());

const fieldNames = [
  'handle',
  'password',
  'email',
  'timeZone',
  'displayName',
  'pronouns',
  'bio',
  'recoveryPathways',
  'recoveringFrom',
  'recoveringFromVisibility',
  'languages',
  'profileVisibility',
  '__proto__',
  'constructor',
];
const anyValue = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom('', ' ', 'admin', 'America/Chicago', 'twelve_step', 'members', 'nobody', 'en', 'a'.repeat(600)),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('smart_recovery', 'es', 'other'), fc.integer()), {
    maxLength: 5,
  }),
  fc.object({ maxDepth: 2 }),
);
const bodyLike = fc.oneof(
  fc.dictionary(fc.constantFrom(...fieldNames), anyValue, { maxKeys: 6 }),
  fc.jsonValue({ maxDepth: 3 }),
);
const rawPayload = fc.oneof(
  bodyLike.map((body) => JSON.stringify(body) ?? 'null'),
  fc.string({ maxLength: 60 }),
  fc.constantFrom('', '{', '[]', 'null', '{"handle":', '\u0000', '{"__proto__":{"admin":true}}'),
);

async function expectNo5xx(method: 'POST' | 'PATCH', url: string, payload: string, cookie?: string) {
  const response = await t.app.inject({
    method,
    url,
    headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
    payload,
  });
  expect(response.statusCode, `${method} ${url} ${payload} -> ${response.body}`).toBeLessThan(500);
  if (response.statusCode >= 400) errorOf(response);
}

describe('no input makes a 5xx', () => {
  it('sign-up', async () => {
    await fc.assert(
      fc.asyncProperty(rawPayload, (payload) => expectNo5xx('POST', '/api/auth/sign-up', payload)),
      {
        numRuns: 150,
      },
    );
  });

  it('sign-in', async () => {
    await fc.assert(
      fc.asyncProperty(rawPayload, (payload) => expectNo5xx('POST', '/api/auth/sign-in', payload)),
      {
        numRuns: 150,
      },
    );
  });

  it('profile update', async () => {
    await fc.assert(
      fc.asyncProperty(rawPayload, (payload) => expectNo5xx('PATCH', '/api/me/profile', payload, member.cookie)),
      { numRuns: 250 },
    );
  });
});
