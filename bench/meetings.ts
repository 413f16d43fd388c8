/**
 * Meeting finder benchmark: 100,000 generated meetings in 20 metro areas across time zones on a
 * fresh PostgreSQL database; autocannon against GET /api/meetings with rotated parameters (near a
 * point + day + time of day + mode + type, and some "starting soon"), next to the same query
 * function run directly against the database (no HTTP, validation or presenting). Also times the
 * import of the largest shared feed.
 *
 *   npm run bench:meetings                 # DATABASE_URL defaults to the local server
 *   BENCH_MEETINGS=20000 BENCH_SECONDS=10 npm run bench:meetings
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import autocannon from 'autocannon';
import { loadConfig } from '../server/src/config.ts';
import { openDatabase } from '../server/src/db/client.ts';
import { insertMeetings, insertSource, type NewMeetingRow } from '../server/src/features/meetings/meetings.queries.ts';
import { searchMeetings, type MeetingSearchParameters } from '../server/src/features/meetings/meetings.search.ts';
import { importMeetings } from '../server/src/features/meetings/meetings.service.ts';
import { freshPostgresDatabase, startProcess, stop, waitFor } from './support.ts';

const meetingCount = Number(process.env.BENCH_MEETINGS ?? 100_000);
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 20);
const postgresUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

const metros = [
  { name: 'New York', latitude: 40.7128, longitude: -74.006, timeZone: 'America/New_York' },
  { name: 'Philadelphia', latitude: 39.9526, longitude: -75.1652, timeZone: 'America/New_York' },
  { name: 'Chicago', latitude: 41.8781, longitude: -87.6298, timeZone: 'America/Chicago' },
  { name: 'Denver', latitude: 39.7392, longitude: -104.9903, timeZone: 'America/Denver' },
  { name: 'Phoenix', latitude: 33.4484, longitude: -112.074, timeZone: 'America/Phoenix' },
  { name: 'Los Angeles', latitude: 34.0522, longitude: -118.2437, timeZone: 'America/Los_Angeles' },
  { name: 'Anchorage', latitude: 61.2181, longitude: -149.9003, timeZone: 'America/Anchorage' },
  { name: 'Honolulu', latitude: 21.3069, longitude: -157.8583, timeZone: 'Pacific/Honolulu' },
  { name: 'Toronto', latitude: 43.6532, longitude: -79.3832, timeZone: 'America/Toronto' },
  { name: 'Mexico City', latitude: 19.4326, longitude: -99.1332, timeZone: 'America/Mexico_City' },
  { name: 'São Paulo', latitude: -23.5505, longitude: -46.6333, timeZone: 'America/Sao_Paulo' },
  { name: 'London', latitude: 51.5074, longitude: -0.1278, timeZone: 'Europe/London' },
  { name: 'Madrid', latitude: 40.4168, longitude: -3.7038, timeZone: 'Europe/Madrid' },
  { name: 'Berlin', latitude: 52.52, longitude: 13.405, timeZone: 'Europe/Berlin' },
  { name: 'Johannesburg', latitude: -26.2041, longitude: 28.0473, timeZone: 'Africa/Johannesburg' },
  { name: 'Delhi', latitude: 28.6139, longitude: 77.209, timeZone: 'Asia/Kolkata' },
  { name: 'Tokyo', latitude: 35.6762, longitude: 139.6503, timeZone: 'Asia/Tokyo' },
  { name: 'Sydney', latitude: -33.8688, longitude: 151.2093, timeZone: 'Australia/Sydney' },
  { name: 'Auckland', latitude: -36.8485, longitude: 174.7633, timeZone: 'Pacific/Auckland' },
  { name: 'Vancouver', latitude: 49.2827, longitude: -123.1207, timeZone: 'America/Vancouver' },
];
const typeCodes = ['O', 'C', 'W', 'M', 'D', 'B', 'ST', 'SP', 'BE', 'X', 'LGBTQ', 'Y', 'S', 'MED', 'LIT'];
const modes = ['in_person', 'in_person', 'in_person', 'in_person', 'online', 'hybrid'] as const;
const timesOfDay = ['morning', 'midday', 'afternoon', 'evening', 'night'] as const;

/** A small deterministic generator, so every run searches the same data. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_664_525 + 1_013_904_223) % 4_294_967_296;
    return state / 4_294_967_296;
  };
}

function generateMeetings(sourceId: string, count: number): NewMeetingRow[] {
  const next = random(42);
  return Array.from({ length: count }, (_, index) => {
    const metro = metros[index % metros.length]!;
    const mode = modes[Math.floor(next() * modes.length)]!;
    const minutes = 360 + Math.floor(next() * 64) * 15; // 06:00 to 21:45
    const types = typeCodes.filter(() => next() < 0.2);
    return {
      sourceId,
      sourceKey: `m${index}`,
      slug: `bench--m${index}`,
      name: `${metro.name} meeting ${index}`,
      day: Math.floor(next() * 7),
      startTime: `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}:00`,
      endTime: null,
      timeZone: metro.timeZone,
      types: mode === 'in_person' ? ['O', ...types] : ['O', 'ONL', ...types],
      attendance: mode,
      latitude: metro.latitude + (next() - 0.5) * 0.8,
      longitude: metro.longitude + (next() - 0.5) * 0.8,
      formattedAddress: `${index} Main Street, ${metro.name}`,
      program: 'Alcoholics Anonymous',
      regions: [metro.name],
    };
  });
}

/** The rotated searches: near a point in a metro, with a day, a time of day, a mode and a type. */
function searches(count: number): string[] {
  const next = random(7);
  return Array.from({ length: count }, (_, index) => {
    const metro = metros[Math.floor(next() * metros.length)]!;
    const query = new URLSearchParams({
      latitude: (metro.latitude + (next() - 0.5) * 0.3).toFixed(4),
      longitude: (metro.longitude + (next() - 0.5) * 0.3).toFixed(4),
      radius: String(5 + Math.floor(next() * 20)),
      day: String(Math.floor(next() * 7)),
      timeOfDay: timesOfDay[Math.floor(next() * timesOfDay.length)]!,
      mode: modes[Math.floor(next() * modes.length)]!,
    });
    if (index % 2 === 0) query.set('types', typeCodes[1 + Math.floor(next() * (typeCodes.length - 1))]!);
    if (index % 10 === 0) {
      query.delete('day');
      query.delete('timeOfDay');
      query.set('now', 'starting_soon');
      query.set('within', '120');
    }
    return `/api/meetings?${query.toString()}`;
  });
}

function percentile(sorted: number[], fraction: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * fraction))]!;
}

async function main() {
  const url = await freshPostgresDatabase(postgresUrl, 'kindred_bench_meetings');
  const config = loadConfig({ DATABASE_URL: url, LOG_LEVEL: 'warn' });
  const database = await openDatabase({ kind: 'server', url, poolSize: 10 });
  try {
    const ctx = { db: database.db, config };
    let started = performance.now();
    const feed = readFileSync(
      new URL('../../shared/fixtures/meeting-feeds/se-pennsylvania-aa.json', import.meta.url),
      'utf8',
    );
    const imported = await importMeetings(ctx, {
      sourceName: 'SEPA',
      kind: 'meeting-guide-json',
      defaultTimeZone: 'America/New_York',
      text: feed,
    });
    const importSeconds = (performance.now() - started) / 1000;
    started = performance.now();
    const again = await importMeetings(ctx, {
      sourceName: 'SEPA',
      kind: 'meeting-guide-json',
      defaultTimeZone: 'America/New_York',
      text: feed,
    });
    const reimportSeconds = (performance.now() - started) / 1000;
    console.log(
      `import of se-pennsylvania-aa.json (${imported.report.rowsRead} rows): ${importSeconds.toFixed(2)} s; again (all unchanged: ${again.report.unchanged}): ${reimportSeconds.toFixed(2)} s`,
    );

    started = performance.now();
    const source = await insertSource(database.db, {
      name: 'Generated',
      slug: 'bench',
      kind: 'meeting-guide-json',
      defaultTimeZone: 'UTC',
    });
    await insertMeetings(database.db, generateMeetings(source.id, meetingCount));
    await database.db.execute('analyze meetings');
    console.log(`generated ${meetingCount} meetings in ${((performance.now() - started) / 1000).toFixed(1)} s`);

    // The same query function, straight against the database, 10 at a time.
    const paths = searches(500);
    const parameters: MeetingSearchParameters[] = paths
      .filter((path) => !path.includes('now='))
      .map((path) => {
        const query = new URL(path, 'http://x').searchParams;
        const windows = {
          morning: ['05:00:00', '11:00:00'],
          midday: ['11:00:00', '13:00:00'],
          afternoon: ['13:00:00', '17:00:00'],
          evening: ['17:00:00', '21:00:00'],
          night: ['21:00:00', '24:00:00'],
        } as const;
        const window = windows[query.get('timeOfDay') as keyof typeof windows];
        return {
          near: {
            latitude: Number(query.get('latitude')),
            longitude: Number(query.get('longitude')),
            radiusMiles: Number(query.get('radius')),
          },
          days: [Number(query.get('day'))],
          timeWindows: [{ from: window[0], to: window[1] }],
          modes: [query.get('mode') as 'in_person'],
          types: query.get('types') ? [query.get('types')!] : undefined,
          limit: 26,
        };
      });
    const direct: number[] = [];
    let cursor = 0;
    const directStarted = performance.now();
    await Promise.all(
      Array.from({ length: 10 }, async () => {
        while (cursor < parameters.length * 4) {
          const search = parameters[cursor++ % parameters.length]!;
          const start = performance.now();
          await searchMeetings(database.db, search);
          direct.push(performance.now() - start);
        }
      }),
    );
    direct.sort((a, b) => a - b);
    const directRate = direct.length / ((performance.now() - directStarted) / 1000);
    console.log(
      `direct query, 10 at a time: ${directRate.toFixed(0)} queries/s, median ${percentile(direct, 0.5).toFixed(2)} ms, p95 ${percentile(direct, 0.95).toFixed(2)} ms, p99 ${percentile(direct, 0.99).toFixed(2)} ms`,
    );
    // The finder's first answer before anyone chooses a place: every meeting, in week order.
    const landing: number[] = [];
    for (let attempt = 0; attempt < 50; attempt += 1) {
      const start = performance.now();
      await searchMeetings(database.db, { limit: 26 });
      landing.push(performance.now() - start);
    }
    landing.sort((a, b) => a - b);
    console.log(
      `direct query, no filter (first page in week order): median ${percentile(landing, 0.5).toFixed(2)} ms, p95 ${percentile(landing, 0.95).toFixed(2)} ms`,
    );
  } finally {
    await database.close();
  }

  const server = startProcess('server/src/main.ts', {
    PORT: '3403',
    HOST: '127.0.0.1',
    BASE_URL: 'http://127.0.0.1:3403',
    DATABASE_URL: url,
    DATABASE_POOL_SIZE: '20',
    REDIS_URL: '',
  });
  try {
    await waitFor('http://127.0.0.1:3403/api/ready');
    const paths = searches(500);
    let next = 0;
    const run = (duration: number) =>
      autocannon({
        url: 'http://127.0.0.1:3403',
        connections,
        duration,
        requests: [{ setupRequest: (request) => ({ ...request, path: paths[next++ % paths.length]! }) }],
      });
    await run(3); // warm-up
    const result = await run(seconds);
    console.log(
      `\nGET /api/meetings over HTTP, ${connections} connections, ${seconds} s, rotated over ${paths.length} searches:`,
    );
    console.log(
      `  ${result.requests.average.toFixed(0)} req/s, latency median ${result.latency.p50} ms, p90 ${result.latency.p90} ms, p97.5 ${result.latency.p97_5} ms, p99 ${result.latency.p99} ms, non-2xx ${result.non2xx}, errors ${result.errors}`,
    );
    console.log('  target: p95 <= 25 ms, p99 <= 50 ms at >= 700 req/s');

    // The published feed of every meeting: built once, then served from memory (with an ETag).
    const feedTimes: number[] = [];
    let feedBytes = 0;
    let etag = '';
    for (let attempt = 0; attempt < 3; attempt += 1) {
      const started = performance.now();
      const response = await fetch('http://127.0.0.1:3403/api/meetings/feed.json');
      feedBytes = (await response.arrayBuffer()).byteLength;
      feedTimes.push(performance.now() - started);
      etag = response.headers.get('etag') ?? '';
    }
    const notModifiedStarted = performance.now();
    const notModified = await fetch('http://127.0.0.1:3403/api/meetings/feed.json', {
      headers: { 'if-none-match': etag },
    });
    console.log(
      `\nGET /api/meetings/feed.json (${(feedBytes / 1e6).toFixed(1)} MB): first ${feedTimes[0]!.toFixed(0)} ms, then ${feedTimes
        .slice(1)
        .map((time) => time.toFixed(0))
        .join(
          ' and ',
        )} ms; with its ETag ${notModified.status} in ${(performance.now() - notModifiedStarted).toFixed(0)} ms`,
    );
  } finally {
    await stop(server);
  }
}

await main();
