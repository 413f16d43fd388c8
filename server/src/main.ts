/** Starts Kindred: config -> database (migrated) -> app -> listen; shuts down gracefully. */
import { Redis } from 'ioredis';
import { buildApp, defaultWebDistDir } from './app.ts';
import { ConfigError, loadConfig } from './config.ts';
import { openDatabase } from './db/client.ts';
import { DataDirInUseError } from './db/data-dir-lock.ts';
import { endExpiredSessions } from './features/accounts/accounts.service.ts';
import { refreshDueSources } from './features/meetings/meetings.service.ts';

const MEETING_REFRESH_CHECK_MS = 5 * 60 * 1000;
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

  // Meeting feeds with a web address are imported again when their refresh interval has passed;
  // each due source is claimed by one instance, so several instances share the work.
  let isRefreshing = false;
  const meetingRefresh = setInterval(() => {
    if (isRefreshing) return;
    isRefreshing = true;
    refreshDueSources({ db: database.db, config })
      .then((results) => {
        for (const result of results) {
          if (result.error)
            app.log.warn({ source: result.source, error: result.error }, 'meeting source refresh failed');
          else app.log.info({ source: result.source }, 'meeting source refreshed');
        }
      })
      .catch((error: unknown) => app.log.warn({ err: error }, 'meeting source refresh failed'))
      .finally(() => {
        isRefreshing = false;
      });
  }, MEETING_REFRESH_CHECK_MS);
  meetingRefresh.unref();

  let isShuttingDown = false;
  const shutDown = async (signal: string) => {
    if (isShuttingDown) return;
    isShuttingDown = true;
    app.log.info({ signal }, 'shutting down');
    clearInterval(housekeeping);
    clearInterval(meetingRefresh);
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
