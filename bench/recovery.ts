/**
 * My recovery benchmark: how long the daily pages' API answers take for a member with a lot of
 * history (20 counters with earlier starts, two years of check-ins, 1,000 journal entries) and a
 * busy milestones feed (2,000 shared milestones, 10,000 congratulations), on PostgreSQL and on the
 * embedded database. Requests go through the whole app in-process (app.inject: routing, schema
 * checks, session, services, presenters), one at a time, so the figures are server time per request.
 *
 *   npm run bench:recovery                 # DATABASE_URL defaults to the local server
 *   BENCH_REQUESTS=500 npm run bench:recovery
 */
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { Temporal } from 'temporal-polyfill';
import { buildApp } from '../server/src/app.ts';
import { loadConfig } from '../server/src/config.ts';
import { openDatabase, type DatabaseHandle } from '../server/src/db/client.ts';
import { signUp } from '../server/src/features/accounts/accounts.service.ts';
import { sessionCookieName } from '../server/src/features/accounts/accounts.sessions.ts';
import {
  insertCounter,
  insertJournalEntry,
  insertSharedMilestone,
  insertStreak,
  upsertCheckIn,
  upsertCongratulation,
} from '../server/src/features/recovery/recovery.queries.ts';
import { addDays, describeCounterTime, todayIn } from '../server/src/features/recovery/recovery.time.ts';

const requestCount = Number(process.env.BENCH_REQUESTS ?? 300);
const postgresUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const words = ['craving', 'meeting', 'sponsor', 'walk', 'grateful', 'tired', 'angry', 'family', 'work', 'sleep'];

function percentile(sorted: number[], fraction: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * fraction))]!;
}

async function seed(database: DatabaseHandle) {
  const config = loadConfig({
    LOG_LEVEL: 'warn',
    AUTH_RATE_LIMIT_PER_IP: '100000',
    AUTH_RATE_LIMIT_PER_HANDLE: '100000',
  });
  const ctx = { db: database.db, config };
  const password = 'a calm and steady river 42';
  const member = await signUp(ctx, { handle: `bench_${Date.now().toString(36)}`, password }, 'bench');
  const userId = member.user.id;
  const today = todayIn('UTC');
  for (let index = 0; index < 20; index += 1) {
    const counter = await insertCounter(database.db, {
      userId,
      label: `Counter ${index}`,
      startedOn: addDays(today, -(30 + index * 40)),
      startedAt: null,
    });
    for (let streak = 0; streak < 5; streak += 1) {
      await insertStreak(database.db, {
        counterId: counter.id,
        userId,
        startedOn: addDays(today, -(2000 + streak * 100)),
        endedOn: addDays(today, -(1950 + streak * 100)),
      });
    }
  }
  for (let daysAgo = 0; daysAgo < 730; daysAgo += 1) {
    await upsertCheckIn(database.db, userId, addDays(today, -daysAgo), {
      mood: 1 + (daysAgo % 5),
      craving: daysAgo % 11,
      triggers: ['stress', 'people'].slice(0, daysAgo % 3),
    });
  }
  for (let index = 0; index < 1000; index += 1) {
    await insertJournalEntry(database.db, {
      userId,
      writtenOn: addDays(today, -(index % 700)),
      title: index % 2 ? `Entry ${index}` : null,
      body: Array.from({ length: 60 }, (_, word) => words[(index * 7 + word * 3) % words.length]).join(' '),
    });
  }
  // The feed: other members sharing and congratulating.
  const sharers = [];
  for (let index = 0; index < 20; index += 1) {
    sharers.push(
      (await signUp(ctx, { handle: `bench_s${index}_${Date.now().toString(36)}`, password }, 'bench')).user.id,
    );
  }
  const sharedIds: string[] = [];
  for (let index = 0; index < 2000; index += 1) {
    const sharerId = sharers[index % sharers.length]!;
    const counter = await insertCounter(database.db, {
      userId: sharerId,
      label: 'x',
      startedOn: addDays(today, -400),
      startedAt: null,
    });
    const shared = await insertSharedMilestone(database.db, {
      userId: sharerId,
      counterId: counter.id,
      streakStartedOn: counter.startedOn,
      milestoneKey: 'years:1',
      milestoneLabel: '1 year',
      note: 'One year. Thank you all.',
    });
    sharedIds.push(shared!.id);
  }
  for (let index = 0; index < 10_000; index += 1) {
    await upsertCongratulation(database.db, {
      sharedMilestoneId: sharedIds[index % sharedIds.length]!,
      userId: sharers[(index * 7) % sharers.length]!,
      reaction: 'congratulations',
      note: index % 3 ? null : 'So proud of you!',
    });
  }
  return { config, cookie: `${sessionCookieName(config)}=${member.token}`, today };
}

async function measure(label: string, database: DatabaseHandle) {
  const started = performance.now();
  const { config, cookie, today } = await seed(database);
  console.log(`${label}: seeded in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  const app = await buildApp({ config, database });
  const routes: Array<[string, 'GET' | 'PUT', string, unknown?]> = [
    ['counters (20, with history)', 'GET', '/api/recovery/counters'],
    ['check-in summary, 90 days', 'GET', '/api/recovery/check-ins/summary?days=90'],
    ['check-ins, one month', 'GET', `/api/recovery/check-ins?from=${addDays(today, -30)}&to=${today}`],
    ["save today's check-in", 'PUT', `/api/recovery/check-ins/${today}`, { mood: 3, craving: 2 }],
    ['journal, first page', 'GET', '/api/recovery/journal'],
    ['journal search (1,000 entries)', 'GET', '/api/recovery/journal?q=sponsor%20grateful'],
    ['milestones feed (2,000 shared)', 'GET', '/api/milestones'],
  ];
  for (const [name, method, url, body] of routes) {
    const times: number[] = [];
    for (let index = 0; index < requestCount + 20; index += 1) {
      const start = performance.now();
      const response = await app.inject({
        method,
        url,
        headers: { cookie, ...(body ? { 'content-type': 'application/json' } : {}) },
        ...(body ? { payload: JSON.stringify(body) } : {}),
      });
      if (response.statusCode >= 300) throw new Error(`${url}: ${response.statusCode} ${response.body}`);
      if (index >= 20) times.push(performance.now() - start); // the first 20 warm up
    }
    times.sort((a, b) => a - b);
    console.log(
      `  ${name.padEnd(32)} median ${percentile(times, 0.5).toFixed(2).padStart(6)} ms   p95 ${percentile(times, 0.95).toFixed(2).padStart(6)} ms`,
    );
  }
  await app.close();
}

function measureMilestoneArithmetic() {
  const now = Temporal.Now.instant();
  const runs = 20_000;
  const start = performance.now();
  for (let index = 0; index < runs; index += 1) {
    describeCounterTime(
      { startedOn: addDays('2020-01-01', index % 2000), startedAt: '08:30' },
      'America/New_York',
      now,
    );
  }
  const micros = ((performance.now() - start) * 1000) / runs;
  console.log(`describeCounterTime (days, span, milestones): ${micros.toFixed(1)} µs per counter`);
}

measureMilestoneArithmetic();

const admin = new pg.Client({ connectionString: postgresUrl });
let serverAvailable = true;
try {
  await admin.connect();
  await admin.query('drop database if exists kindred_bench_recovery with (force)');
  await admin.query('create database kindred_bench_recovery');
} catch {
  serverAvailable = false;
  console.log('PostgreSQL server: not reachable, skipped');
}
if (serverAvailable) {
  const url = new URL(postgresUrl);
  url.pathname = '/kindred_bench_recovery';
  const database = await openDatabase({ kind: 'server', url: url.toString() });
  try {
    await measure('PostgreSQL server', database);
  } finally {
    await database.close();
    await admin.query('drop database if exists kindred_bench_recovery with (force)');
    await admin.end();
  }
}
const embedded = await openDatabase({ kind: 'memory' });
try {
  await measure('embedded PGlite (in memory)', embedded);
} finally {
  await embedded.close();
}
