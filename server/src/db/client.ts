/**
 * The database: embedded PGlite (files under DATA_DIR) or a PostgreSQL server
 * (DATABASE_URL). This is the only module that opens either.
 */
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { btree_gin } from '@electric-sql/pglite/contrib/btree_gin';
import { sql } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/node-postgres';
import { migrate as migratePostgres } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import * as schema from './schema.ts';
import { acquireDataDirLock, type DataDirLock } from './data-dir-lock.ts';

export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;

export type DatabaseHandle = {
  db: Database;
  kind: 'embedded' | 'server';
  /** True when the database answers a trivial query. */
  ping(): Promise<boolean>;
  close(): Promise<void>;
};

export type DatabaseTarget =
  | { kind: 'embedded'; dataDir: string }
  /** An in-memory embedded database, for tests. */
  | { kind: 'memory' }
  | { kind: 'server'; url: string; poolSize?: number };

const migrationsFolder = fileURLToPath(new URL('./migrations', import.meta.url));
// Any constant will do: every Kindred instance must use the same one.
const MIGRATION_LOCK_KEY = 0x6b696e64;
const EMBEDDED_VACUUM_INTERVAL_MS = 60 * 60 * 1000;

/** Opens the database and applies pending migrations. */
export async function openDatabase(target: DatabaseTarget): Promise<DatabaseHandle> {
  if (target.kind === 'server') return openServerDatabase(target.url, target.poolSize ?? 10);
  return openEmbeddedDatabase(target.kind === 'embedded' ? target.dataDir : undefined);
}

async function openEmbeddedDatabase(dataDir: string | undefined): Promise<DatabaseHandle> {
  // PGlite is one process, one connection: a second process opening the same files corrupts them.
  let lock: DataDirLock | undefined;
  if (dataDir) lock = acquireDataDirLock(dataDir);
  try {
    // btree_gin: the search index holds the forum beside the words (migration 0013).
    const client = await PGlite.create({ ...(dataDir ? { dataDir } : {}), extensions: { btree_gin } });
    const db = drizzlePglite({ client, schema, casing: 'snake_case' });
    await migratePglite(db, { migrationsFolder });
    // PGlite runs no autovacuum: without this, churning tables (sessions) bloat and plans go stale.
    const vacuumTimer = setInterval(
      () => void client.exec('VACUUM ANALYZE').catch(() => {}),
      EMBEDDED_VACUUM_INTERVAL_MS,
    );
    vacuumTimer.unref();
    return {
      db,
      kind: 'embedded',
      ping: async () => {
        try {
          await client.query('select 1');
          return true;
        } catch {
          return false;
        }
      },
      close: async () => {
        clearInterval(vacuumTimer);
        await client.close();
        lock?.release();
      },
    };
  } catch (error) {
    lock?.release();
    throw error;
  }
}

async function openServerDatabase(url: string, poolSize: number): Promise<DatabaseHandle> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize, connectionTimeoutMillis: 5000 });
  // An idle client losing its server must not crash the process; the next query reconnects.
  pool.on('error', () => {});
  const db = drizzlePostgres({ client: pool, schema, casing: 'snake_case' });
  // Several instances may start at once: one migrates while the others wait.
  const client = await pool.connect();
  try {
    await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    await migratePostgres(drizzlePostgres({ client, casing: 'snake_case' }), { migrationsFolder });
  } finally {
    await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => {});
    client.release();
  }
  return {
    db,
    kind: 'server',
    ping: async () => {
      try {
        await db.execute(sql`select 1`);
        return true;
      } catch {
        return false;
      }
    },
    close: () => pool.end(),
  };
}
