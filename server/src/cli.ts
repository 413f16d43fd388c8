/**
 * Operator commands: `npm run cli -- <command>`.
 * With the embedded database only one process may open the data directory, so these
 * refuse plainly while the server runs; with DATABASE_URL they run beside it.
 */
import { randomBytes } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig, type Config } from './config.ts';
import { openDatabase, type DatabaseHandle } from './db/client.ts';
import { DataDirInUseError } from './db/data-dir-lock.ts';
import { seedDemoCommunity } from './demo/demo-community.ts';
import { handleSchema } from '@kindred/common/accounts';
import { findMemberByHandle, makeAdmin, setMemberRole, signUp } from './features/accounts/accounts.service.ts';
import { memberRoles, type MemberRole } from '@kindred/common/accounts';
import { importMeetings, readSourceText } from './features/meetings/meetings.service.ts';
import { meetingSourceKinds, type MeetingSourceKind } from './features/meetings/meetings.tables.ts';
import type { ServiceContext } from './platform/context.ts';
import { AppError } from './platform/errors.ts';

const usage = `Usage: npm run cli -- <command>

Commands:
  create-admin <handle>   Make the member with this handle an admin (creates the account,
                          with a one-time password printed here, when no member has it)
  set-role <handle> <role> Give a member the role member, meeting-editor (keeps the meeting
                          list: sources, imports) or admin
  seed-demo               Fill an empty database with a small demo community
  meetings import <file-or-url> --source <name> --kind <kind> --timezone <IANA zone> [--program <fellowship>]
                          Import meetings from a Meeting Guide feed (kind meeting-guide-json), a 12 Step
                          Meeting List spreadsheet (meeting-guide-csv) or a BMLT server's results (bmlt).
                          The source is created on first import; later imports update, keep and remove
                          its meetings. Prints a report; exits 1 when the file is refused.
  help                    Show this help`;

type Output = { log: (line: string) => void; error: (line: string) => void };

/** Runs one command; returns the process exit code. */
export async function runCli(args: string[], config: Config, output: Output = console): Promise<number> {
  const [command, ...rest] = args;
  if (!command || command === 'help' || command === '--help') {
    output.log(usage);
    return command ? 0 : 1;
  }
  if (!['create-admin', 'seed-demo', 'meetings', 'set-role'].includes(command)) {
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
    if (command === 'meetings') return await meetingsCommand(ctx, rest, output);
    if (command === 'set-role') {
      const [handle, role] = rest;
      if (!handle || !role || !(memberRoles as readonly string[]).includes(role)) {
        output.error(`set-role needs a handle and one of: ${memberRoles.join(', ')}.\n\n${usage}`);
        return 1;
      }
      const member = await setMemberRole(ctx, handle, role as MemberRole);
      output.log(`"${member.handle}" is now ${role === 'admin' ? 'an admin' : `a ${role}`}.`);
      return 0;
    }
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

async function meetingsCommand(ctx: ServiceContext, args: string[], output: Output): Promise<number> {
  const [subcommand, ...rest] = args;
  let parsed;
  try {
    parsed = parseArgs({
      args: rest,
      allowPositionals: true,
      options: {
        source: { type: 'string' },
        kind: { type: 'string' },
        timezone: { type: 'string' },
        program: { type: 'string' },
      },
    });
  } catch (error) {
    output.error(`${(error as Error).message}\n\n${usage}`);
    return 1;
  }
  const { positionals, values } = parsed;
  const location = positionals[0];
  if (subcommand !== 'import' || !location || !values.source || !values.kind || !values.timezone) {
    output.error(`meetings import needs a file or URL, --source, --kind and --timezone.\n\n${usage}`);
    return 1;
  }
  if (!(meetingSourceKinds as readonly string[]).includes(values.kind)) {
    output.error(`--kind is one of ${meetingSourceKinds.join(', ')}.`);
    return 1;
  }
  // The operator runs the CLI on the server itself: any address it can reach is theirs to read.
  const text = await readSourceText(location, { allowPrivateNetwork: true });
  const { source, report } = await importMeetings(
    ctx,
    {
      sourceName: values.source,
      kind: values.kind as MeetingSourceKind,
      defaultTimeZone: values.timezone,
      program: values.program,
      url: location,
      text,
    },
    (done, total) => {
      if (total >= 500 && done < total) output.log(`… ${done} of ${total} meetings`);
    },
  );
  output.log(`Imported "${source.name}" (${source.kind}):`);
  output.log(`  rows read ${report.rowsRead}`);
  output.log(`  created   ${report.created}`);
  output.log(`  updated   ${report.updated}`);
  output.log(`  unchanged ${report.unchanged}`);
  output.log(`  removed   ${report.removed} (no longer in the source)`);
  output.log(`  rejected  ${report.rejected.length}`);
  for (const row of report.rejected) {
    output.log(`    ${row.sourceKey ?? '(no slug)'}${row.name ? ` "${row.name}"` : ''}: ${row.reason}`);
  }
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
