import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../src/cli.ts';
import { acquireDataDirLock } from '../src/db/data-dir-lock.ts';
import { openDatabase } from '../src/db/client.ts';
import { sql } from 'drizzle-orm';
import {
  checkIns,
  milestoneCongratulations,
  postReactions,
  posts,
  resourceArticles,
  sharedMilestones,
  topics,
} from '../src/db/schema.ts';
import { findMemberByHandle } from '../src/features/accounts/accounts.service.ts';
import { findOwnSupportContacts, listOwnCounters } from '../src/features/recovery/recovery.service.ts';
import { testConfig } from './test-app.ts';
import { testDatabaseKind } from './test-database.ts';

// The CLI's embedded-database behaviour (the data directory lock) is what it guards; run it once.
describe.runIf(testDatabaseKind === 'pglite')('the operator CLI on the embedded database', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'kindred-cli-'));
  const config = testConfig({ DATA_DIR: dataDir });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  function capture() {
    const lines: string[] = [];
    return {
      lines,
      output: { log: (line: string) => lines.push(line), error: (line: string) => lines.push(`ERROR ${line}`) },
    };
  }

  it('seeds a demo community into an empty database, and refuses a second time', async () => {
    const first = capture();
    expect(await runCli(['seed-demo'], config, first.output)).toBe(0);
    expect(first.lines.join('\n')).toMatch(/Seeded 10 demo members/);
    const database = await openDatabase({ kind: 'embedded', dataDir });
    try {
      const count = async (table: typeof checkIns | typeof sharedMilestones | typeof milestoneCongratulations) =>
        (await database.db.select({ n: sql<number>`count(*)::int` }).from(table))[0]!.n;
      expect(await count(sharedMilestones)).toBe(7);
      expect(await count(milestoneCongratulations)).toBe(10);
      expect(await count(checkIns)).toBeGreaterThan(250);
      const ctx = { db: database.db, config };
      const dana = await findMemberByHandle(ctx, 'morning_coffee');
      const { counters } = await listOwnCounters(ctx, { user: dana!, session: null as never });
      expect(counters[0]).toMatchObject({ label: 'Alcohol', days: 400 });
      expect((await findOwnSupportContacts(ctx, dana!.id)).length).toBe(2);
      const forumCount = async (table: typeof topics | typeof posts | typeof postReactions | typeof resourceArticles) =>
        (await database.db.select({ n: sql<number>`count(*)::int` }).from(table))[0]!.n;
      expect(await forumCount(topics)).toBe(5 + 4);
      expect(await forumCount(posts)).toBe(5 + 10 + 1);
      expect(await forumCount(postReactions)).toBeGreaterThanOrEqual(12);
      expect(await forumCount(resourceArticles)).toBe(4);
    } finally {
      await database.close();
    }
    const second = capture();
    expect(await runCli(['seed-demo'], config, second.output)).toBe(1);
    expect(second.lines.join('\n')).toMatch(/already has members/);
  }, 180_000); // ten members through argon2 and every area's services: slow on a busy 2-core machine

  it('makes an existing member an admin, and creates one with a one-time password', async () => {
    expect(await runCli(['create-admin', 'morning_coffee'], config, capture().output)).toBe(0);
    const created = capture();
    expect(await runCli(['create-admin', 'site_keeper'], config, created.output)).toBe(0);
    expect(created.lines.join('\n')).toMatch(/one-time password: \S{16,}/);
    const database = await openDatabase({ kind: 'embedded', dataDir });
    try {
      const ctx = { db: database.db, config };
      expect((await findMemberByHandle(ctx, 'morning_coffee'))?.role).toBe('admin');
      expect((await findMemberByHandle(ctx, 'site_keeper'))?.role).toBe('admin');
      expect((await findMemberByHandle(ctx, 'steady-oak'))?.role).toBe('member');
    } finally {
      await database.close();
    }
  });

  it('sets a member’s role, and refuses an unknown role', async () => {
    const output = capture();
    expect(await runCli(['set-role', 'steady-oak', 'meeting-editor'], config, output.output)).toBe(0);
    expect(output.lines.join('\n')).toMatch(/"steady-oak" is now a meeting-editor/);
    expect(await runCli(['set-role', 'steady-oak', 'king'], config, capture().output)).toBe(1);
    const database = await openDatabase({ kind: 'embedded', dataDir });
    try {
      expect((await findMemberByHandle({ db: database.db, config }, 'steady-oak'))?.role).toBe('meeting-editor');
    } finally {
      await database.close();
    }
  });

  it('refuses a reserved handle and an unknown command', async () => {
    const reserved = capture();
    expect(await runCli(['create-admin', 'admin'], config, reserved.output)).toBe(1);
    expect(reserved.lines.join('\n')).toMatch(/reserved/);
    expect(await runCli(['drop-everything'], config, capture().output)).toBe(1);
  });

  it('imports a meeting feed with a report and its progress, and refuses a malformed file with exit code 1', async () => {
    const feeds = new URL('../../../shared/fixtures/meeting-feeds/', import.meta.url);
    const args = (file: string) => [
      'meetings',
      'import',
      new URL(file, feeds).pathname,
      '--source',
      'SEPA Intergroup',
      '--kind',
      'meeting-guide-json',
      '--timezone',
      'America/New_York',
      '--program',
      'Alcoholics Anonymous',
    ];
    const imported = capture();
    expect(await runCli(args('se-pennsylvania-aa.json'), config, imported.output)).toBe(0);
    const text = imported.lines.join('\n');
    expect(text).toMatch(/… 1000 of 2038 meetings/);
    expect(text).toMatch(/rows read 2038/);
    expect(text).toMatch(/created {3}2038/);
    expect(text).toMatch(/rejected {2}0/);

    const refused = capture();
    expect(await runCli(args('edge-malformed.json'), config, refused.output)).toBe(1);
    expect(refused.lines.join('\n')).toMatch(
      /ERROR The file was refused and nothing changed: The file is not valid JSON/,
    );

    const again = capture();
    expect(await runCli(args('se-pennsylvania-aa.json'), config, again.output)).toBe(0);
    expect(again.lines.join('\n')).toMatch(/unchanged 2038/);

    const missing = capture();
    expect(await runCli(['meetings', 'import', 'feed.json', '--source', 'x'], config, missing.output)).toBe(1);
    expect(missing.lines.join('\n')).toMatch(/needs a file or URL, --source, --kind and --timezone/);
  });

  it('says plainly that the server must be stopped while another process holds the data directory', async () => {
    const lock = acquireDataDirLock(dataDir);
    try {
      const refused = capture();
      expect(await runCli(['create-admin', 'another_admin'], config, refused.output)).toBe(2);
      expect(refused.lines.join('\n')).toMatch(/in use by another Kindred process .*Stop the Kindred server/);
    } finally {
      lock.release();
    }
  });
});
