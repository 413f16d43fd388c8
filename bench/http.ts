/**
 * HTTP benchmark: autocannon against a bare node:http server, Kindred's GET /api/health,
 * and GET /api/me signed in, with Kindred on a PostgreSQL server (and, for reference, on
 * the embedded database). Each server runs in its own process; autocannon runs here.
 *
 *   npm run bench:http                     # DATABASE_URL defaults to the local server
 *   BENCH_SECONDS=10 BENCH_ROUNDS=7 npm run bench:http
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { cpuMicros, freshPostgresDatabase, startProcess, stop, waitFor } from './support.ts';

const seconds = Number(process.env.BENCH_SECONDS ?? 5);
const roundCount = Number(process.env.BENCH_ROUNDS ?? 5);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 50);
const postgresUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

type Result = { name: string; requestsPerSecond: number; p99Ms: number; non2xx: number; cpuMicrosPerRequest: number };
type Target = { name: string; url: string; headers?: Record<string, string>; pid: number };

async function load(target: Target): Promise<Result> {
  const cpuBefore = cpuMicros(target.pid);
  const result = await autocannon({ url: target.url, connections, duration: seconds, headers: target.headers ?? {} });
  const cpuMicrosPerRequest = (cpuMicros(target.pid) - cpuBefore) / result.requests.total;
  return {
    name: target.name,
    requestsPerSecond: result.requests.average,
    p99Ms: result.latency.p99,
    non2xx: result.non2xx,
    cpuMicrosPerRequest,
  };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/**
 * Runs the targets in turn, round after round, and keeps each one's median round: on a shared
 * machine the speed drifts by tens of percent over a minute, so only neighbouring runs compare.
 */
async function interleave(targets: Target[]): Promise<Result[][]> {
  for (const target of targets)
    await autocannon({ url: target.url, connections, duration: 2, headers: target.headers ?? {} });
  const rounds: Result[][] = [];
  for (let round = 0; round < roundCount; round++) {
    const results: Result[] = [];
    for (const target of targets) results.push(await load(target));
    rounds.push(results);
  }
  return rounds;
}

function summarize(rounds: Result[][], index: number): Result {
  const results = rounds.map((round) => round[index]!);
  return {
    name: results[0]!.name,
    requestsPerSecond: median(results.map((result) => result.requestsPerSecond)),
    p99Ms: median(results.map((result) => result.p99Ms)),
    non2xx: results.reduce((sum, result) => sum + result.non2xx, 0),
    cpuMicrosPerRequest: median(results.map((result) => result.cpuMicrosPerRequest)),
  };
}

async function signUpCookie(baseUrl: string): Promise<string> {
  const response = await fetch(`${baseUrl}/api/auth/sign-up`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ handle: `bench_${Date.now().toString(36)}`, password: 'a steady benchmark river 7' }),
  });
  if (response.status !== 201) throw new Error(`sign-up failed: ${response.status} ${await response.text()}`);
  return response.headers.get('set-cookie')!.split(';')[0]!;
}

async function main(): Promise<void> {
  const bare = startProcess('bench/servers/bare-http.ts', { PORT: '3401' });
  const kindredEnv = { PORT: '3402', HOST: '127.0.0.1', BASE_URL: 'http://127.0.0.1:3402', DATABASE_POOL_SIZE: '20' };
  const onPostgres = startProcess('server/src/main.ts', {
    ...kindredEnv,
    DATABASE_URL: await freshPostgresDatabase(postgresUrl, 'kindred_bench'),
    REDIS_URL: '',
  });
  let results: Result[];
  let healthRatios: number[];
  try {
    await waitFor('http://127.0.0.1:3401/');
    await waitFor('http://127.0.0.1:3402/api/ready');
    const cookie = await signUpCookie('http://127.0.0.1:3402');
    const rounds = await interleave([
      { name: 'bare node:http', url: 'http://127.0.0.1:3401/', pid: bare.pid! },
      { name: 'kindred GET /api/health', url: 'http://127.0.0.1:3402/api/health', pid: onPostgres.pid! },
      {
        name: 'kindred GET /api/me (PostgreSQL)',
        url: 'http://127.0.0.1:3402/api/me',
        headers: { cookie },
        pid: onPostgres.pid!,
      },
    ]);
    results = [0, 1, 2].map((index) => summarize(rounds, index));
    healthRatios = rounds.map((round) => round[1]!.requestsPerSecond / round[0]!.requestsPerSecond);
  } finally {
    await stop(bare);
    await stop(onPostgres);
  }

  const dataDir = mkdtempSync(path.join(tmpdir(), 'kindred-bench-'));
  const embedded = startProcess('server/src/main.ts', {
    ...kindredEnv,
    DATA_DIR: dataDir,
    DATABASE_URL: '',
    REDIS_URL: '',
  });
  try {
    await waitFor('http://127.0.0.1:3402/api/ready');
    const cookie = await signUpCookie('http://127.0.0.1:3402');
    const rounds = await interleave([
      {
        name: 'kindred GET /api/me (embedded PGlite)',
        url: 'http://127.0.0.1:3402/api/me',
        headers: { cookie },
        pid: embedded.pid!,
      },
    ]);
    results.push(summarize(rounds, 0));
  } finally {
    await stop(embedded);
    rmSync(dataDir, { recursive: true, force: true });
  }

  const baseline = results[0]!.requestsPerSecond;
  console.log(
    `\nautocannon, ${connections} connections, median of ${roundCount} interleaved rounds of ${seconds} s, Node ${process.version}\n`,
  );
  console.log('| target | req/s | p99 ms | vs bare node:http | server CPU µs/request | non-2xx |');
  console.log('|---|---:|---:|---:|---:|---:|');
  for (const result of results) {
    const ratio = `${((result.requestsPerSecond / baseline) * 100).toFixed(1)} %`;
    const cpu = result.cpuMicrosPerRequest.toFixed(0);
    const requestsPerSecond = Math.round(result.requestsPerSecond);
    console.log(`| ${result.name} | ${requestsPerSecond} | ${result.p99Ms} | ${ratio} | ${cpu} | ${result.non2xx} |`);
  }
  const ratios = healthRatios.map((ratio) => `${(ratio * 100).toFixed(0)} %`).join(', ');
  console.log(
    `\nhealth / bare, per round: ${ratios}; median ${(median(healthRatios) * 100).toFixed(1)} % (target >= 80 %)`,
  );
}

await main();
