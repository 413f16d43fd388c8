/** What every service receives first: the shared handles of one running Kindred. */
import type { Config } from '../config.ts';
import type { Redis } from 'ioredis';
import type { Database } from '../db/client.ts';

export type ServiceContext = {
  db: Database;
  config: Config;
  /** Present when REDIS_URL is set: shared state across instances (rate limits, fan-out). */
  redis?: Redis | undefined;
};
