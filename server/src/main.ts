/** Starts Kindred: config -> database (migrated) -> app -> listen; shuts down gracefully. */
import { Redis } from 'ioredis';
import { buildApp, defaultWebDistDir } from './app.ts';
import { ConfigError, loadConfig } from './config.ts';
import { openDatabase } from './db/client.ts';
import { DataDirInUseError } from './db/data-dir-lock.ts';
import { endExpiredSessions } from './features/accounts/accounts.service.ts';

const HOUSEKEEPING_INTERVAL_MS = 60 * 60 * 1000;

async function main(): Promise<void> {
  const config = loadConfig();
  const database = await openDatabase(
    config.database.kind === 'embedded'
      ? { kind: 'embedded', dataDir: config.database.dataDir }
      : { kind: 'server', url: config.database.url, poolSize: config.database.poolSize },
  );
  const redis = config.redisUrl
    ? new Redis(config.redisUrl, { maxRetriesPerRequest: 2, connectTimeout: 2000 })
    : undefined;
  const app = await buildApp({ config, database, redis, webDistDir: defaultWebDistDir });

  const housekeeping = setInterval(() => {
    endExpiredSessions({ db: database.db, config }).catch((error: unknown) =>
      app.log.warn({ err: error }, 'housekeeping failed'),
    );
  }, HOUSEKEEPING_INTERVAL_MS);
  housekeeping.unref();

  let isShuttingDown = false;
  const shutDown = async (signal: string) => {
    if (isShuttingDown) return;
    isShuttingDown = true;
    app.log.info({ signal }, 'shutting down');
    clearInterval(housekeeping);
    try {
      await app.close();
      redis?.disconnect();
      await database.close();
    } finally {
      process.exit(0);
    }
  };
  process.once('SIGINT', () => void shutDown('SIGINT'));
  process.once('SIGTERM', () => void shutDown('SIGTERM'));

  await app.listen({ port: config.port, host: config.host });
  const where =
    config.database.kind === 'embedded' ? `embedded database in ${config.database.dataDir}` : 'PostgreSQL server';
  app.log.info(`Kindred is ready at ${config.baseUrl} (${where}${redis ? ', Redis' : ''})`);
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof DataDirInUseError) {
    console.error(`Kindred cannot start. ${error.message}`);
  } else {
    console.error('Kindred cannot start:', error);
  }
  process.exit(1);
});
