/**
 * Two Kindred instances behind one load balancer share one PostgreSQL and one Redis:
 * sessions and rate limits must hold across them.
 */
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_PASSWORD, uniqueHandle } from './factories.ts';
import { createTestApp, sessionCookieFrom, type TestApp } from './test-app.ts';
import { openTestDatabase, testDatabaseKind, type TestDatabase } from './test-database.ts';

const redisUrl = process.env.REDIS_URL;
const canRun = testDatabaseKind === 'postgres' && Boolean(redisUrl);

describe.runIf(canRun)('two instances on one PostgreSQL and one Redis', () => {
  let database: TestDatabase;
  let redisA: Redis;
  let redisB: Redis;
  let a: TestApp;
  let b: TestApp;
  const env = { AUTH_RATE_LIMIT_PER_IP: '1000', AUTH_RATE_LIMIT_PER_HANDLE: '4' };

  beforeAll(async () => {
    database = await openTestDatabase();
    redisA = new Redis(redisUrl!);
    redisB = new Redis(redisUrl!);
    // Each instance opens its own pool, as separate processes would.
    const databaseB = await (
      await import('../src/db/client.ts')
    ).openDatabase({ kind: 'server', url: database.url!, poolSize: 3 });
    a = await createTestApp({ env, database, redis: redisA });
    b = await createTestApp({ env, database: { ...databaseB }, redis: redisB });
    b.close = async () => {
      await b.app.close();
      await databaseB.close();
    };
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    redisA?.disconnect();
    redisB?.disconnect();
    await database?.close();
  });

  it('accepts a session made on one instance at the other, and a sign-out on one ends it on both', async () => {
    const signUp = await a.app.inject({
      method: 'POST',
      url: '/api/auth/sign-up',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ handle: uniqueHandle(), password: TEST_PASSWORD }),
    });
    const cookie = sessionCookieFrom(signUp);
    expect((await b.app.inject({ method: 'GET', url: '/api/me', headers: { cookie } })).statusCode).toBe(200);
    expect((await b.app.inject({ method: 'POST', url: '/api/auth/sign-out', headers: { cookie } })).statusCode).toBe(
      204,
    );
    expect((await a.app.inject({ method: 'GET', url: '/api/me', headers: { cookie } })).statusCode).toBe(401);
  });

  it('counts sign-in attempts for a handle across both instances', async () => {
    const handle = uniqueHandle('shared');
    const attempt = (app: TestApp) =>
      app.app.inject({
        method: 'POST',
        url: '/api/auth/sign-in',
        headers: { 'content-type': 'application/json' },
        payload: JSON.stringify({ handle, password: 'a wrong guess here' }),
      });
    const statuses = [];
    for (const app of [a, b, a, b, a]) statuses.push((await attempt(app)).statusCode);
    expect(statuses).toEqual([401, 401, 401, 401, 429]);
  });
});
