/** A fresh database for one test file: in-memory PGlite, or a copy of the migrated PostgreSQL template. */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type DatabaseHandle } from '../src/db/client.ts';
import { TEMPLATE_DATABASE, databaseUrlFor } from './postgres-template.ts';

export const testDatabaseKind = process.env.TEST_DATABASE === 'postgres' ? 'postgres' : 'pglite';

export type TestDatabase = DatabaseHandle & { url?: string };

export async function openTestDatabase(): Promise<TestDatabase> {
  if (testDatabaseKind === 'pglite') return openDatabase({ kind: 'memory' });
  const baseUrl = process.env.DATABASE_URL!;
  const name = `kindred_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  try {
    // Copies of one template cannot start at the same instant; retry briefly when they collide.
    for (let attempt = 0; ; attempt++) {
      try {
        await admin.query(`create database "${name}" template "${TEMPLATE_DATABASE}"`);
        break;
      } catch (error) {
        if (attempt >= 20 || !/being accessed by other users/.test(String(error))) throw error;
        await new Promise((resolve) => setTimeout(resolve, 100 + Math.random() * 200));
      }
    }
  } finally {
    await admin.end();
  }
  const url = databaseUrlFor(baseUrl, name);
  const database = await openDatabase({ kind: 'server', url, poolSize: 5 });
  return {
    ...database,
    url,
    close: async () => {
      await database.close();
      const dropper = new pg.Client({ connectionString: baseUrl });
      await dropper.connect();
      await dropper.query(`drop database if exists "${name}" with (force)`);
      await dropper.end();
    },
  };
}
