import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { defineConfig } from '@playwright/test';

// KINDRED_E2E_PORT lets two runs share a machine.
const port = Number(process.env.KINDRED_E2E_PORT ?? 3100);
const baseURL = `http://127.0.0.1:${port}`;

// One fresh embedded database per run. Workers load this file too: they reuse the runner's directory.
process.env.KINDRED_E2E_DATA_DIR ??= mkdtempSync(path.join(tmpdir(), 'kindred-e2e-'));

// The journeys always run on the embedded database and in-memory rate limits, whatever this shell
// points at. Playwright merges the runner's own environment under webServer.env, so the two are
// set empty here (the config reads empty as unset): left out, a shell's REDIS_URL made runs share
// sign-in limits in Redis, and a run soon after another was refused with "Too many attempts".
const serverEnv: Record<string, string> = { DATABASE_URL: '', REDIS_URL: '' };
for (const [name, value] of Object.entries(process.env)) {
  if (value !== undefined && name !== 'DATABASE_URL' && name !== 'REDIS_URL') serverEnv[name] = value;
}
Object.assign(serverEnv, {
  PORT: String(port),
  HOST: '127.0.0.1',
  BASE_URL: baseURL,
  DATA_DIR: process.env.KINDRED_E2E_DATA_DIR,
  LOG_LEVEL: 'warn',
  // Journey members are seconds old; the new-member limits have their own integration tests.
  COMMUNITY_NEW_MEMBER_DAYS: '0',
});

// The meeting finder's journey needs real meetings. The CLI import is the only way in, and it cannot
// open the embedded database while the server holds it; Playwright starts webServer before
// globalSetup, so the import runs first in the server's own command instead (about 15 s).
const meetingFeed = path.resolve(
  import.meta.dirname,
  '..',
  'shared',
  'fixtures',
  'meeting-feeds',
  'se-pennsylvania-aa.json',
);
const importMeetings = `npx tsx server/src/cli.ts meetings import ${JSON.stringify(meetingFeed)} --source E2E --kind meeting-guide-json --timezone America/New_York --program "Alcoholics Anonymous"`;
// The meeting sources journey signs in as a meeting editor. Roles are set with the CLI, so before the
// server starts too: create-admin prints the account's one-time password, which the journey reads
// from this file (e2e/meeting-sources.spec.ts), then set-role makes the account a meeting editor.
// A new handle each run (workers inherit it): create-admin prints a one-time password only when
// it creates the member, so the handle must never exist already.
process.env.KINDRED_E2E_EDITOR ??= `editor_${Date.now().toString(36)}`;
const meetingEditorHandle = process.env.KINDRED_E2E_EDITOR;
const meetingEditorFile = path.join(process.env.KINDRED_E2E_DATA_DIR, 'editor.txt');
const createMeetingEditor = [
  `npx tsx server/src/cli.ts create-admin ${meetingEditorHandle} > ${JSON.stringify(meetingEditorFile)}`,
  `npx tsx server/src/cli.ts set-role ${meetingEditorHandle} meeting-editor > /dev/null`,
].join(' && ');
// The community journey's moderator, made the same way (its password in moderator.txt).
process.env.KINDRED_E2E_MODERATOR ??= `moderator_${Date.now().toString(36)}`;
const moderatorHandle = process.env.KINDRED_E2E_MODERATOR;
const createModerator = [
  `npx tsx server/src/cli.ts create-admin ${moderatorHandle} > ${JSON.stringify(path.join(process.env.KINDRED_E2E_DATA_DIR, 'moderator.txt'))}`,
  `npx tsx server/src/cli.ts set-role ${moderatorHandle} moderator > /dev/null`,
].join(' && ');
const startServer = 'npx tsx server/src/main.ts';
const serverCommand = [
  ...(existsSync(meetingFeed) ? [`${importMeetings} > /dev/null`] : []),
  createMeetingEditor,
  createModerator,
  startServer,
].join(' && ');

/** Browser journeys against the real server and the built web app (npm run test:e2e builds it first). */
export default defineConfig({
  testDir: 'e2e',
  workers: 1,
  fullyParallel: false,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: 'list',
  use: {
    baseURL,
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-dev-shm-usage',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  webServer: {
    command: serverCommand,
    url: `${baseURL}/api/ready`,
    env: serverEnv,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
