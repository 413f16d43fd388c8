/**
 * Operator commands: `npm run cli -- <command>`.
 * With the embedded database only one process may open the data directory, so these
 * refuse plainly while the server runs; with DATABASE_URL they run beside it.
 */
import { randomBytes } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import { ConfigError, loadConfig, type Config } from './config.ts';
import { openDatabase, type DatabaseHandle } from './db/client.ts';
import { DataDirInUseError } from './db/data-dir-lock.ts';
import { seedDemoCommunity } from './demo/demo-community.ts';
import { handleSchema } from '@kindred/common/accounts';
import { findMemberByHandle, makeAdmin, signUp } from './features/accounts/accounts.service.ts';
import type { ServiceContext } from './platform/context.ts';
import { AppError } from './platform/errors.ts';

const usage = `Usage: npm run cli -- <command>

Commands:
  create-admin <handle>   Make the member with this handle an admin (creates the account,
                          with a one-time password printed here, when no member has it)
  seed-demo               Fill an empty database with a small demo community
  help                    Show this help`;

type Output = { log: (line: string) => void; error: (line: string) => void };

/** Runs one command; returns the process exit code. */
export async function runCli(args: string[], config: Config, output: Output = console): Promise<number> {
  const [command, ...rest] = args;
  if (!command || command === 'help' || command === '--help') {
    output.log(usage);
    return command ? 0 : 1;
  }
  if (command !== 'create-admin' && command !== 'seed-demo') {
    output.error(`Unknown command "${command}".\n\n${usage}`);
    return 1;
  }
  let database: DatabaseHandle;
  try {
    database = await openDatabase(
      config.database.kind === 'embedded'
        ? { kind: 'embedded', dataDir: config.database.dataDir }
        : { kind: 'server', url: config.database.url, poolSize: 2 },
    );
  } catch (error) {
    if (error instanceof DataDirInUseError) {
      output.error(error.message);
      return 2;
    }
    throw error;
  }
  const ctx: ServiceContext = { db: database.db, config };
  try {
    if (command === 'create-admin') return await createAdmin(ctx, rest[0], output);
    const { password, handles } = await seedDemoCommunity(ctx);
    output.log(`Seeded ${handles.length} demo members: ${handles.join(', ')}`);
    output.log(`They all sign in with the password: ${password}`);
    return 0;
  } catch (error) {
    if (error instanceof AppError) {
      output.error(error.message);
      return 1;
    }
    throw error;
  } finally {
    await database.close();
  }
}

async function createAdmin(ctx: ServiceContext, handle: string | undefined, output: Output): Promise<number> {
  const parsedHandle = handleSchema.safeParse(handle ?? '');
  const existing = handle ? await findMemberByHandle(ctx, handle) : null;
  if (!existing) {
    if (!parsedHandle.success) {
      output.error(`"${handle ?? ''}" cannot be a handle: ${parsedHandle.error.issues[0]!.message}\n\n${usage}`);
      return 1;
    }
    const password = randomBytes(15).toString('base64url');
    await signUp(ctx, { handle: parsedHandle.data, password }, 'cli');
    output.log(`Created the member "${parsedHandle.data}" with the one-time password: ${password}`);
    output.log('Sign in with it and change it under Account settings.');
  }
  const admin = await makeAdmin(ctx, existing?.handle ?? parsedHandle.data!);
  output.log(`"${admin.handle}" is now an admin.`);
  return 0;
}

const isEntryPoint = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (isEntryPoint) {
  try {
    const config = loadConfig();
    process.exitCode = await runCli(process.argv.slice(2), config);
  } catch (error) {
    console.error(error instanceof ConfigError ? error.message : error);
    process.exitCode = 1;
  }
}
