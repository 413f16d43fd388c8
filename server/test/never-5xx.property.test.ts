/** Property: whatever a client sends to accounts, profile, recovery, meetings, community or moderation routes, never a 5xx. */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildMember, type BuiltMember } from './factories.ts';
import { createTestApp, errorOf, type TestApp } from './test-app.ts';
import { buildModerator, startTopic } from './community-helpers.ts';
import { setMemberRole } from '../src/features/accounts/accounts.service.ts';

let t: TestApp;
let member: BuiltMember;
beforeAll(async () => {
  t = await createTestApp();
  member = await buildMember(t.ctx);
});
afterAll(() => t.close());

const fieldNames = [
  'handle',
  'password',
  'email',
  'timeZone',
  'displayName',
  'pronouns',
  'bio',
  'recoveryPathways',
  'recoveringFrom',
  'recoveringFromVisibility',
  'languages',
  'profileVisibility',
  'label',
  'startedOn',
  'startedAt',
  'restartedOn',
  'mood',
  'craving',
  'triggers',
  'pledged',
  'dayRating',
  'peopleToCall',
  'copingStrategies',
  'writtenOn',
  'body',
  'note',
  'reaction',
  'categoryId',
  'title',
  'kind',
  'contentWarnings',
  'isAnonymous',
  'parentId',
  'subjectKind',
  'subjectId',
  'reason',
  'days',
  'message',
  'resolution',
  'isLocked',
  'isPinned',
  'expandWarnedStories',
  'alwaysCollapsedWarnings',
  'lastReadNumber',
  'ids',
  'slug',
  'name',
  'description',
  '__proto__',
  'constructor',
];
const anyValue = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom('', ' ', 'admin', 'America/Chicago', 'twelve_step', 'members', 'nobody', 'en', 'a'.repeat(600)),
  fc.constantFrom('2024-02-29', '2025-02-30', '9999-12-31', '0001-01-01', '23:59', '24:00', 'halt', 'congratulations'),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('smart_recovery', 'es', 'other'), fc.integer()), {
    maxLength: 5,
  }),
  fc.object({ maxDepth: 2 }),
);
const bodyLike = fc.oneof(
  fc.dictionary(fc.constantFrom(...fieldNames), anyValue, { maxKeys: 6 }),
  fc.jsonValue({ maxDepth: 3 }),
);
const rawPayload = fc.oneof(
  bodyLike.map((body) => JSON.stringify(body) ?? 'null'),
  fc.string({ maxLength: 60 }),
  fc.constantFrom('', '{', '[]', 'null', '{"handle":', '\u0000', '{"__proto__":{"admin":true}}'),
);

async function expectNo5xx(method: 'POST' | 'PATCH' | 'PUT', url: string, payload: string, cookie?: string) {
  const response = await t.app.inject({
    method,
    url,
    headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
    payload,
  });
  expect(response.statusCode, `${method} ${url} ${payload} -> ${response.body}`).toBeLessThan(500);
  if (response.statusCode >= 400) errorOf(response);
}

describe('no input makes a 5xx', () => {
  it('sign-up', async () => {
    await fc.assert(
      fc.asyncProperty(rawPayload, (payload) => expectNo5xx('POST', '/api/auth/sign-up', payload)),
      {
        numRuns: 150,
      },
    );
  });

  it('sign-in', async () => {
    await fc.assert(
      fc.asyncProperty(rawPayload, (payload) => expectNo5xx('POST', '/api/auth/sign-in', payload)),
      {
        numRuns: 150,
      },
    );
  });

  it('profile update', async () => {
    await fc.assert(
      fc.asyncProperty(rawPayload, (payload) => expectNo5xx('PATCH', '/api/me/profile', payload, member.cookie)),
      { numRuns: 250 },
    );
  });

  it('recovery inputs', async () => {
    const today = new Date().toISOString().slice(0, 10);
    const counter = await t.app.inject({
      method: 'POST',
      url: '/api/recovery/counters',
      headers: { 'content-type': 'application/json', cookie: member.cookie },
      payload: JSON.stringify({ label: 'Alcohol', startedOn: '2024-01-01' }),
    });
    const counterId = counter.json<{ counter: { id: string } }>().counter.id;
    const routes: Array<['POST' | 'PATCH' | 'PUT', string]> = [
      ['POST', '/api/recovery/counters'],
      ['PATCH', `/api/recovery/counters/${counterId}`],
      ['POST', `/api/recovery/counters/${counterId}/reset`],
      ['POST', `/api/recovery/counters/${counterId}/milestones/days:7/share`],
      // The member is in UTC, so this is their today (or, just past midnight, a refused day).
      ['PUT', `/api/recovery/check-ins/${today}`],
      ['PUT', '/api/recovery/plan'],
      ['POST', '/api/recovery/journal'],
    ];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...routes), rawPayload, ([method, url], payload) =>
        expectNo5xx(method, url, payload, member.cookie),
      ),
      { numRuns: 400 },
    );
  });

  it('meeting search and place queries', async () => {
    const names = [
      'latitude',
      'longitude',
      'radius',
      'unit',
      'day',
      'timeOfDay',
      'now',
      'within',
      'mode',
      'types',
      'program',
      'region',
      'q',
      'cursor',
      'limit',
    ];
    const values = fc.oneof(
      fc.string({ maxLength: 30 }),
      fc.constantFrom(
        '',
        '0',
        '-1',
        '7',
        '1e309',
        'NaN',
        '40.7',
        '-74',
        'mi',
        'km',
        'in_progress',
        'starting_soon',
        'online',
        'O,W',
        '%',
        "'",
        'evening',
      ),
      fc.integer().map(String),
      fc.double().map(String),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.constantFrom(...names), values), { maxLength: 8 }), async (pairs) => {
        const query = new URLSearchParams(pairs).toString();
        for (const url of [`/api/meetings?${query}`, `/api/places?q=${encodeURIComponent(pairs[0]?.[1] ?? '')}`]) {
          const response = await t.app.inject({ method: 'GET', url });
          expect(response.statusCode, `${url} -> ${response.body}`).toBeLessThan(500);
          if (response.statusCode >= 400) errorOf(response);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('community, notifications, reports and moderation inputs', async () => {
    const moderator = await buildModerator(t.ctx);
    await setMemberRole(t.ctx, moderator.handle, 'admin');
    const { topic, post } = await startTopic(t, member);
    const routes: Array<['POST' | 'PATCH' | 'PUT', string]> = [
      ['POST', '/api/community/topics'],
      ['POST', `/api/community/topics/${topic.id}/posts`],
      ['PUT', `/api/community/topics/${topic.id}/read`],
      ['PATCH', `/api/community/posts/${post.id}`],
      ['PUT', '/api/community/preferences'],
      ['POST', '/api/community/categories'],
      ['POST', '/api/notifications/read'],
      ['POST', '/api/safety/reports'],
      ['POST', `/api/moderation/posts/${post.id}/hide`],
      ['PATCH', `/api/moderation/topics/${topic.id}`],
      ['POST', `/api/moderation/members/${member.handle}/warn`],
    ];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...routes), rawPayload, ([method, url], payload) =>
        expectNo5xx(
          method,
          url,
          payload,
          url.startsWith('/api/moderation') || url.includes('categories') ? moderator.cookie : member.cookie,
        ),
      ),
      { numRuns: 400 },
    );
  });

  it('community search and listing queries', async () => {
    const names = ['q', 'category', 'author', 'from', 'to', 'sort', 'cursor', 'following', 'after'];
    const values = fc.oneof(
      fc.string({ maxLength: 30 }),
      fc.constantFrom(
        '',
        '"',
        '-',
        ':*',
        '&|!',
        "'",
        '\\',
        'craving',
        'relevant',
        'newest',
        '2026-02-30',
        'true',
        'x'.repeat(300),
      ),
      fc.integer().map(String),
    );
    const { topic } = await startTopic(t, member);
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.constantFrom(...names), values), { maxLength: 6 }), async (pairs) => {
        const query = new URLSearchParams(pairs).toString();
        for (const url of [
          `/api/community/search?${query}`,
          `/api/community/topics?${query}`,
          `/api/community/topics/${topic.id}?${query}`,
          `/api/notifications?${query}`,
          `/api/moderation/queue?${query}`,
        ]) {
          const response = await t.app.inject({ method: 'GET', url, headers: { cookie: member.cookie } });
          expect(response.statusCode, `${url} -> ${response.body}`).toBeLessThan(500);
          if (response.statusCode >= 400) errorOf(response);
        }
      }),
      { numRuns: 150 },
    );
  }, 180_000);
});

describe('the NUL character', () => {
  it('is refused as a field error in any body, query string or path, never reaching the database', async () => {
    const topicsResponse = await t.app.inject({
      method: 'GET',
      url: '/api/community/categories',
      headers: { cookie: member.cookie },
    });
    const categoryId = topicsResponse.json<{ categories: Array<{ id: string }> }>().categories[0]!.id;
    const attempts: Array<{ method: 'GET' | 'POST' | 'PUT'; url: string; body?: unknown; field: string }> = [
      {
        method: 'POST',
        url: '/api/community/topics',
        body: { categoryId, title: 'ab\u0000c', body: 'hello' },
        field: 'title',
      },
      { method: 'POST', url: '/api/recovery/journal', body: { body: 'a\u0000b' }, field: 'body' },
      { method: 'PUT', url: '/api/recovery/plan', body: { triggers: ['ok', 'b\u0000'] }, field: 'triggers.1' },
      { method: 'GET', url: '/api/community/topics?category=%00', field: 'category' },
      { method: 'GET', url: '/api/meetings?q=%00', field: 'q' },
      { method: 'PUT', url: '/api/safety/blocks/a%00b', field: 'handle' },
    ];
    for (const attempt of attempts) {
      const response = await t.app.inject({
        method: attempt.method,
        url: attempt.url,
        headers: { cookie: member.cookie, ...(attempt.body ? { 'content-type': 'application/json' } : {}) },
        ...(attempt.body ? { payload: JSON.stringify(attempt.body) } : {}),
      });
      expect(response.statusCode, `${attempt.url} -> ${response.body}`).toBe(400);
      expect(errorOf(response).details).toEqual({
        issues: [{ path: attempt.field, message: 'This cannot contain the NUL character (\\u0000).' }],
      });
    }
  });
});
