import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.ts';
import { testConfig } from './test-app.ts';
import { openTestDatabase, type TestDatabase } from './test-database.ts';

describe('serving the built web app', () => {
  const distDir = mkdtempSync(path.join(tmpdir(), 'kindred-dist-'));
  let database: TestDatabase;
  let app: FastifyInstance;

  beforeAll(async () => {
    mkdirSync(path.join(distDir, 'assets'));
    writeFileSync(
      path.join(distDir, 'index.html'),
      '<!doctype html><title>Kindred</title><a href="/help">Get help now</a>',
    );
    writeFileSync(path.join(distDir, 'assets', 'main-abc123.js'), 'console.log(1)');
    database = await openTestDatabase();
    app = await buildApp({ config: testConfig(), database, webDistDir: distDir, logger: false });
  });
  afterAll(async () => {
    await app.close();
    await database.close();
    rmSync(distDir, { recursive: true, force: true });
  });

  it('answers client routes with index.html, never cached', async () => {
    for (const url of ['/', '/join', '/members/someone', '/settings/profile?tab=1']) {
      const response = await app.inject({ method: 'GET', url });
      expect(response.statusCode, url).toBe(200);
      expect(response.headers['content-type'], url).toContain('text/html');
      expect(response.body).toContain('Get help now');
      expect(response.headers['cache-control'], url).toBe('no-cache');
    }
  });

  it('serves fingerprinted assets as immutable, and files added after start', async () => {
    const asset = await app.inject({ method: 'GET', url: '/assets/main-abc123.js' });
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['cache-control']).toContain('immutable');
    writeFileSync(path.join(distDir, 'assets', 'page-def456.js'), 'console.log(2)');
    expect((await app.inject({ method: 'GET', url: '/assets/page-def456.js' })).statusCode).toBe(200);
  });

  it('answers a missing file or API address with 404, not index.html', async () => {
    for (const url of ['/assets/old-chunk-000.js', '/favicon-missing.png', '/api/nothing-here']) {
      const response = await app.inject({ method: 'GET', url });
      expect(response.statusCode, url).toBe(404);
      expect(response.json(), url).toMatchObject({ error: { code: 'not_found' } });
    }
  });

  it("keeps /help the server's own script-free page", async () => {
    const response = await app.inject({ method: 'GET', url: '/help' });
    expect(response.body).toContain('988');
    expect(response.body).not.toContain('<script');
  });
});
