/**
 * HTTP benchmark: autocannon against a bare node:http server, Kindred's GET /api/health,
 * and GET /api/me signed in, with Kindred on a PostgreSQL server (and, for reference, on
 * the embedded database). Each server runs in its own process; autocannon runs here.
 *
 *   npm run bench:http                     # DATABASE_URL defaults to the local server
 *   BENCH_SECONDS=20 npm run bench:http
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import pg from 'pg';

const root = fileURLToPath(new URL('..', import.meta.url));
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 50);
const postgresUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

type Result = { name: string; requestsPerSecond: number; p99Ms: number; non2xx: number };

function startProcess(script: string, env: Record<string, string>): ChildProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', script], {
    cwd: root,
    env: { ...process.env, LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  return child;
}

async function waitFor(url: string): Promise<void> {
  for (let attempt = 0; attempt < 300; attempt++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${url} did not answer`);
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

async function load(name: string, url: string, headers: Record<string, string> = {}): Promise<Result> {
  // A short warm-up so the JIT and the pools settle before we measure.
  await autocannon({ url, connections, duration: 2, headers });
  const result = await autocannon({ url, connections, duration: seconds, headers });
  return { name, requestsPerSecond: result.requests.average, p99Ms: result.latency.p99, non2xx: result.non2xx };
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

async function freshPostgresDatabase(): Promise<string> {
  const admin = new pg.Client({ connectionString: postgresUrl });
  await admin.connect();
  await admin.query('drop database if exists kindred_bench with (force)');
  await admin.query('create database kindred_bench');
  await admin.end();
  const url = new URL(postgresUrl);
  url.pathname = '/kindred_bench';
  return url.toString();
}

async function main(): Promise<void> {
  const results: Result[] = [];

  const bare = startProcess('bench/servers/bare-http.ts', { PORT: '3401' });
  await waitFor('http://127.0.0.1:3401/');
  results.push(await load('bare node:http', 'http://127.0.0.1:3401/'));
  await stop(bare);

  const kindredEnv = { PORT: '3402', HOST: '127.0.0.1', BASE_URL: 'http://127.0.0.1:3402', DATABASE_POOL_SIZE: '20' };
  const onPostgres = startProcess('server/src/main.ts', {
    ...kindredEnv,
    DATABASE_URL: await freshPostgresDatabase(),
    REDIS_URL: '',
  });
  await waitFor('http://127.0.0.1:3402/api/ready');
  results.push(await load('kindred GET /api/health', 'http://127.0.0.1:3402/api/health'));
  const cookie = await signUpCookie('http://127.0.0.1:3402');
  results.push(await load('kindred GET /api/me (PostgreSQL)', 'http://127.0.0.1:3402/api/me', { cookie }));
  await stop(onPostgres);

  const dataDir = mkdtempSync(path.join(tmpdir(), 'kindred-bench-'));
  const embedded = startProcess('server/src/main.ts', {
    ...kindredEnv,
    DATA_DIR: dataDir,
    DATABASE_URL: '',
    REDIS_URL: '',
  });
  try {
    await waitFor('http://127.0.0.1:3402/api/ready');
    const embeddedCookie = await signUpCookie('http://127.0.0.1:3402');
    results.push(
      await load('kindred GET /api/me (embedded PGlite)', 'http://127.0.0.1:3402/api/me', { cookie: embeddedCookie }),
    );
  } finally {
    await stop(embedded);
    rmSync(dataDir, { recursive: true, force: true });
  }

  const baseline = results[0]!.requestsPerSecond;
  console.log(`\nautocannon, ${connections} connections, ${seconds} s each, Node ${process.version}\n`);
  console.log('| target | req/s | p99 ms | vs bare node:http | non-2xx |');
  console.log('|---|---:|---:|---:|---:|');
  for (const result of results) {
    const ratio = `${((result.requestsPerSecond / baseline) * 100).toFixed(1)} %`;
    console.log(
      `| ${result.name} | ${Math.round(result.requestsPerSecond)} | ${result.p99Ms} | ${ratio} | ${result.non2xx} |`,
    );
  }
  const health = results[1]!.requestsPerSecond / baseline;
  console.log(`\nhealth / bare = ${(health * 100).toFixed(1)} % (target >= 80 %)`);
}

await main();
