import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildMember, type BuiltMember } from '../../../test/factories.ts';
import { createTestApp, errorOf, type TestApp } from '../../../test/test-app.ts';
import { updateUserRole } from '../accounts/accounts.queries.ts';
import { readSourceText, refreshDueSources } from './meetings.service.ts';

const fixtures = new URL('../../../../../shared/fixtures/meeting-feeds/', import.meta.url);
const kansasCity = readFileSync(new URL('kansas-city-aa.json', fixtures), 'utf8');

let t: TestApp;
let feedServer: http.Server;
let feedUrl: string;
let requestsServed = 0;
let editor: BuiltMember;

beforeAll(async () => {
  // The test's "fellowship web site" is on 127.0.0.1, which editors may only use when allowed.
  t = await createTestApp({ env: { MEETING_SOURCES_ON_PRIVATE_NETWORK: 'true' } });
  // A fellowship's web site, serving its feed.
  feedServer = http.createServer((request, response) => {
    requestsServed += 1;
    if (request.url === '/moved') {
      response.writeHead(302, { location: '/feed.json' });
      response.end();
    } else if (request.url === '/feed.json') {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(kansasCity);
    } else {
      response.writeHead(500);
      response.end('down');
    }
  });
  await new Promise<void>((resolve) => feedServer.listen(0, '127.0.0.1', resolve));
  feedUrl = `http://127.0.0.1:${(feedServer.address() as AddressInfo).port}`;
  editor = await buildMember(t.ctx);
  await updateUserRole(t.ctx.db, editor.user.id, 'meeting-editor');
});
afterAll(async () => {
  await new Promise((resolve) => feedServer.close(resolve));
  await t.close();
});

const call = (member: BuiltMember | null, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, body?: unknown) =>
  t.app.inject({
    method,
    url,
    headers: {
      ...(member && { cookie: member.cookie }),
      ...(body !== undefined && { 'content-type': 'application/json' }),
    },
    ...(body !== undefined && { payload: JSON.stringify(body) }),
  });

describe('meeting sources, for meeting editors', () => {
  it('are for meeting editors and admins only', async () => {
    const member = await buildMember(t.ctx);
    expect((await call(member, 'GET', '/api/admin/meeting-sources')).statusCode).toBe(403);
    expect((await call(null, 'GET', '/api/admin/meeting-sources')).statusCode).toBe(401);
    expect((await call(editor, 'GET', '/api/admin/meeting-sources')).statusCode).toBe(200);
  });

  it('adds a feed by its web address, imports it now, and shows the last report', async () => {
    const created = await call(editor, 'POST', '/api/admin/meeting-sources', {
      name: 'Kansas City Intergroup',
      kind: 'meeting-guide-json',
      url: `${feedUrl}/feed.json`,
      program: 'Alcoholics Anonymous',
      defaultTimeZone: 'America/Chicago',
      refreshIntervalMinutes: 1440,
    });
    expect(created.statusCode).toBe(201);
    const { id } = created.json().source;
    const imported = await call(editor, 'POST', `/api/admin/meeting-sources/${id}/import`, {});
    expect(imported.statusCode).toBe(200);
    expect(imported.json().report).toMatchObject({ rowsRead: 206, created: 206, rejected: [] });
    const list = (await call(editor, 'GET', '/api/admin/meeting-sources')).json().sources;
    expect(list.find((source: { id: string }) => source.id === id)).toMatchObject({
      meetingCount: 206,
      lastReport: { created: 206 },
      lastError: null,
    });
    expect((await call(editor, 'DELETE', `/api/admin/meeting-sources/${id}`)).statusCode).toBe(204);
    expect(
      (await call(editor, 'GET', '/api/meetings?program=Alcoholics%20Anonymous&q=Kansas')).json().meetings,
    ).toEqual([]);
  });

  it('imports an uploaded file, refuses a malformed one, and names bad settings', async () => {
    const { id } = (
      await call(editor, 'POST', '/api/admin/meeting-sources', {
        name: 'Uploaded times',
        kind: 'meeting-guide-json',
        defaultTimeZone: 'America/New_York',
      })
    ).json().source;
    const text = readFileSync(new URL('edge-times.json', fixtures), 'utf8');
    expect(
      (await call(editor, 'POST', `/api/admin/meeting-sources/${id}/import`, { text })).json().report,
    ).toMatchObject({
      rowsRead: 9,
    });
    const malformed = readFileSync(new URL('edge-malformed.json', fixtures), 'utf8');
    const refused = await call(editor, 'POST', `/api/admin/meeting-sources/${id}/import`, { text: malformed });
    expect(refused.statusCode).toBe(400);
    expect(errorOf(refused).message).toMatch(/refused and nothing changed/);
    const noUrl = await call(editor, 'POST', `/api/admin/meeting-sources/${id}/import`, {});
    expect(noUrl.statusCode).toBe(400);
    const badZone = await call(editor, 'PATCH', `/api/admin/meeting-sources/${id}`, { defaultTimeZone: 'Mars/Base' });
    expect(badZone.statusCode).toBe(400);
    const sameName = await call(editor, 'POST', '/api/admin/meeting-sources', {
      name: 'uploaded TIMES',
      kind: 'bmlt',
      defaultTimeZone: 'UTC',
    });
    expect(sameName.statusCode).toBe(400);
  });

  it('refreshes due feeds on schedule, each once however many instances ask, and keeps a failure on the source', async () => {
    const good = (
      await call(editor, 'POST', '/api/admin/meeting-sources', {
        name: 'Scheduled feed',
        kind: 'meeting-guide-json',
        url: `${feedUrl}/feed.json`,
        defaultTimeZone: 'America/Chicago',
        refreshIntervalMinutes: 60,
      })
    ).json().source;
    const broken = (
      await call(editor, 'POST', '/api/admin/meeting-sources', {
        name: 'Broken feed',
        kind: 'meeting-guide-json',
        url: `${feedUrl}/missing.json`,
        defaultTimeZone: 'America/Chicago',
        refreshIntervalMinutes: 60,
      })
    ).json().source;
    const before = requestsServed;
    // Two instances' schedulers at the same moment.
    const rounds = await Promise.all([refreshDueSources(t.ctx), refreshDueSources(t.ctx)]);
    const done = rounds.flat();
    expect(done.filter((result) => result.source === 'Scheduled feed')).toEqual([{ source: 'Scheduled feed' }]);
    expect(done.filter((result) => result.source === 'Broken feed')).toHaveLength(1);
    expect(requestsServed - before).toBe(2);
    expect(await refreshDueSources(t.ctx)).toEqual([]);
    const sources = (await call(editor, 'GET', '/api/admin/meeting-sources')).json().sources;
    expect(sources.find((source: { id: string }) => source.id === good.id)).toMatchObject({
      meetingCount: 206,
      lastError: null,
    });
    expect(sources.find((source: { id: string }) => source.id === broken.id).lastError).toMatch(/answered 500/);
  });
});

describe('reading a source from the web', () => {
  it('follows redirects', async () => {
    const text = await readSourceText(`${feedUrl}/moved`, { allowPrivateNetwork: true });
    expect(JSON.parse(text)).toHaveLength(206);
  });

  it('refuses private and local addresses unless this site allows them, before connecting', async () => {
    for (const url of [
      `${feedUrl}/feed.json`,
      'http://localhost:5432/',
      'http://[::1]/feed.json',
      'http://169.254.169.254/latest/meta-data/',
      'http://10.1.2.3/feed.json',
      'http://[::ffff:127.0.0.1]/feed.json',
    ]) {
      await expect(readSourceText(url, { allowPrivateNetwork: false }), url).rejects.toThrow(
        /private or local address/,
      );
    }
    // Through the editors' page, with this site's default setting.
    const strict = await createTestApp({ database: t.database });
    try {
      const created = await strict.app.inject({
        method: 'POST',
        url: '/api/admin/meeting-sources',
        headers: { cookie: editor.cookie, 'content-type': 'application/json' },
        payload: JSON.stringify({
          name: `Local feed ${Date.now()}`,
          kind: 'meeting-guide-json',
          url: `${feedUrl}/feed.json`,
          defaultTimeZone: 'America/Chicago',
        }),
      });
      const imported = await strict.app.inject({
        method: 'POST',
        url: `/api/admin/meeting-sources/${created.json().source.id}/import`,
        headers: { cookie: editor.cookie, 'content-type': 'application/json' },
        payload: '{}',
      });
      expect(imported.statusCode).toBe(400);
      expect(errorOf(imported).message).toMatch(/private or local address/);
    } finally {
      await strict.close();
    }
  });
});
