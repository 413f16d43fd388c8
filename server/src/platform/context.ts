/** What every service receives first: the shared handles of one running Kindred. */
import type { Config } from '../config.ts';
import type { Database } from '../db/client.ts';

export type ServiceContext = {
  db: Database;
  config: Config;
};
