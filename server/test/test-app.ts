/** The test app helper: the real app, in process, on a real database. Use with app.inject. */
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { Redis } from 'ioredis';
import { buildApp } from '../src/app.ts';
import { loadConfig, type Config } from '../src/config.ts';
import type { ServiceContext } from '../src/platform/context.ts';
import { openTestDatabase, type TestDatabase } from './test-database.ts';

export type TestApp = {
  app: FastifyInstance;
  ctx: ServiceContext;
  database: TestDatabase;
  config: Config;
  close(): Promise<void>;
};

export function testConfig(env: Record<string, string> = {}): Config {
  return loadConfig({
    NODE_ENV: 'test',
    BASE_URL: 'http://localhost:3000',
    LOG_LEVEL: 'silent',
    // High enough that ordinary tests never meet them; the rate-limit tests set their own.
    AUTH_RATE_LIMIT_PER_IP: '10000',
    AUTH_RATE_LIMIT_PER_HANDLE: '10000',
    // Members built in tests are minutes old: the new-member limits have their own tests.
    COMMUNITY_NEW_MEMBER_DAYS: '0',
    ...env,
  });
}

export async function createTestApp(
  options: { env?: Record<string, string>; database?: TestDatabase; redis?: Redis } = {},
): Promise<TestApp> {
  const config = testConfig(options.env);
  const database = options.database ?? (await openTestDatabase());
  const app = await buildApp({ config, database, redis: options.redis, logger: false });
  await app.ready();
  return {
    app,
    ctx: { db: database.db, config },
    database,
    config,
    close: async () => {
      await app.close();
      if (!options.database) await database.close();
    },
  };
}

/** The `name=value` pair of the session cookie a response set, for the next request's Cookie header. */
export function sessionCookieFrom(response: LightMyRequestResponse): string {
  const cookie = response.cookies.find((candidate) => candidate.name.endsWith('kindred_session'));
  if (!cookie) throw new Error(`no session cookie in response ${response.statusCode}: ${response.body}`);
  return `${cookie.name}=${cookie.value}`;
}

/** Asserts the one error body shape and returns it. */
export function errorOf(response: LightMyRequestResponse): { code: string; message: string; details?: unknown } {
  const body = response.json<{ error?: { code: string; message: string; details?: unknown } }>();
  if (!body.error || typeof body.error.code !== 'string' || typeof body.error.message !== 'string') {
    throw new Error(`not an error body (${response.statusCode}): ${response.body}`);
  }
  return body.error;
}
