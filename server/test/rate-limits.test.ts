import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uniqueHandle } from './factories.ts';
import { createTestApp, errorOf, type TestApp } from './test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({
    env: { AUTH_RATE_LIMIT_PER_IP: '5', AUTH_RATE_LIMIT_PER_HANDLE: '3', AUTH_RATE_LIMIT_WINDOW_SECONDS: '600' },
  });
});
afterAll(() => t.close());

const signInFrom = (remoteAddress: string, handle: string) =>
  t.app.inject({
    method: 'POST',
    url: '/api/auth/sign-in',
    remoteAddress,
    headers: { 'content-type': 'application/json' },
    payload: JSON.stringify({ handle, password: 'wrong password guess' }),
  });

describe('rate limits on sign-in and sign-up', () => {
  it('limits attempts per handle, from any address, with 429 rate_limited and Retry-After', async () => {
    const handle = uniqueHandle('target');
    for (let attempt = 1; attempt <= 3; attempt++) {
      expect((await signInFrom(`10.0.0.${attempt}`, handle)).statusCode).toBe(401);
    }
    const limited = await signInFrom('10.0.0.99', handle);
    expect(limited.statusCode).toBe(429);
    expect(errorOf(limited).code).toBe('rate_limited');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    // Another handle from a fresh address is not affected.
    expect((await signInFrom('10.0.0.100', uniqueHandle())).statusCode).toBe(401);
  });

  it('limits attempts per address, across handles', async () => {
    for (let attempt = 1; attempt <= 5; attempt++) {
      expect((await signInFrom('192.0.2.7', uniqueHandle())).statusCode).toBe(401);
    }
    const limited = await signInFrom('192.0.2.7', uniqueHandle());
    expect(limited.statusCode).toBe(429);
    expect(limited.headers['retry-after']).toBeDefined();
  });

  it('limits sign-ups per address', async () => {
    const signUp = () =>
      t.app.inject({
        method: 'POST',
        url: '/api/auth/sign-up',
        remoteAddress: '198.51.100.4',
        headers: { 'content-type': 'application/json' },
        payload: JSON.stringify({ handle: uniqueHandle(), password: 'short' }),
      });
    const statuses = [];
    for (let attempt = 1; attempt <= 6; attempt++) statuses.push((await signUp()).statusCode);
    expect(statuses).toEqual([400, 400, 400, 400, 400, 429]);
  });
});
