import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildMember, TEST_PASSWORD } from '../../../test/factories.ts';
import { buildModerator, caller, reply, startTopic, uniqueText } from '../../../test/community-helpers.ts';
import { createTestApp, errorOf, type TestApp } from '../../../test/test-app.ts';

let t: TestApp;
let call: ReturnType<typeof caller>;
beforeAll(async () => {
  t = await createTestApp();
  call = caller(t);
});
afterAll(() => t.close());

describe('reports and the moderation queue', () => {
  it('gathers reports about a post in one item, and a moderator hides it, tells the author and closes the item', async () => {
    const author = await buildMember(t.ctx);
    const reporter = await buildMember(t.ctx);
    const moderator = await buildModerator(t.ctx);
    const { topic } = await startTopic(t, author);
    const { post } = await reply(t, author, topic.id, { body: uniqueText('Buy cheap pills at my shop') });

    const report = await call(reporter, 'POST', '/api/safety/reports', {
      subjectKind: 'post',
      subjectId: post.id,
      reason: 'selling',
      note: 'Selling pills',
    });
    expect(report.statusCode).toBe(201);
    expect(report.json().report.message).toMatch(/thank you/i);
    const again = await call(reporter, 'POST', '/api/safety/reports', {
      subjectKind: 'post',
      subjectId: post.id,
      reason: 'spam',
    });
    expect(again.statusCode).toBe(201);
    const own = await call(author, 'POST', '/api/safety/reports', {
      subjectKind: 'post',
      subjectId: post.id,
      reason: 'spam',
    });
    expect(own.statusCode).toBe(400);

    expect((await call(reporter, 'GET', '/api/moderation/queue')).statusCode).toBe(404);
    const queue = (await call(moderator, 'GET', '/api/moderation/queue')).json();
    const item = queue.items.find((entry: { subject: { id: string } }) => entry.subject.id === post.id);
    expect(item).toMatchObject({ kind: 'report', isPriority: false });
    expect(item.reports).toHaveLength(1);
    expect(item.reports[0]).toMatchObject({
      reason: 'selling',
      note: 'Selling pills',
      reporterHandle: reporter.handle,
    });
    expect(item.subject.memberHandle).toBe(author.handle);

    expect((await call(reporter, 'POST', `/api/moderation/posts/${post.id}/hide`, { reason: 'x' })).statusCode).toBe(
      404,
    );
    const hidden = await call(moderator, 'POST', `/api/moderation/posts/${post.id}/hide`, { reason: 'Selling drugs' });
    expect(hidden.statusCode).toBe(200);
    expect(hidden.json().post.isHidden).toBe(true);

    const asReporter = (await call(reporter, 'GET', `/api/community/topics/${topic.id}`)).json();
    expect(asReporter.posts[1]).toMatchObject({ isHidden: true, bodyHtml: null });
    const asAuthor = (await call(author, 'GET', `/api/community/topics/${topic.id}`)).json();
    expect(asAuthor.posts[1].bodyHtml).toContain('Buy cheap pills');
    const notice = (await call(author, 'GET', '/api/notifications')).json().notifications[0];
    expect(notice).toMatchObject({ kind: 'content_hidden' });
    expect(notice.text).toContain('Selling drugs');

    const open = (await call(moderator, 'GET', '/api/moderation/queue')).json();
    expect(open.items.map((entry: { id: string }) => entry.id)).not.toContain(item.id);
    const resolved = (await call(moderator, 'GET', '/api/moderation/queue?status=resolved')).json();
    expect(resolved.items.find((entry: { id: string }) => entry.id === item.id).resolution).toBe(
      'Hidden: Selling drugs',
    );

    const shown = await call(moderator, 'POST', `/api/moderation/posts/${post.id}/unhide`, { reason: 'Was a joke' });
    expect(shown.json().post.isHidden).toBe(false);
    const log = (await call(moderator, 'GET', '/api/moderation/log')).json().actions;
    expect(log.slice(0, 2).map((entry: { action: string }) => entry.action)).toEqual([
      'moderation.post_unhidden',
      'moderation.post_hidden',
    ]);
    expect(log[1]).toMatchObject({
      moderatorHandle: moderator.handle,
      memberHandle: author.handle,
      reason: 'Selling drugs',
    });
  });

  it('hides a post three different members reported until a moderator reviews it', async () => {
    const author = await buildMember(t.ctx);
    const moderator = await buildModerator(t.ctx);
    const { topic } = await startTopic(t, author);
    const { post } = await reply(t, author, topic.id);
    for (let count = 1; count <= 3; count += 1) {
      const reporter = await buildMember(t.ctx);
      await call(reporter, 'POST', '/api/safety/reports', {
        subjectKind: 'post',
        subjectId: post.id,
        reason: 'harassment',
      });
      const page = (await call(reporter, 'GET', `/api/community/topics/${topic.id}`)).json();
      expect(page.posts[1].isHidden).toBe(count >= 3);
    }
    const queue = (await call(moderator, 'GET', '/api/moderation/queue')).json();
    const kinds = queue.items
      .filter((entry: { subject: { id: string } }) => entry.subject.id === post.id)
      .map((entry: { kind: string }) => entry.kind)
      .sort();
    expect(kinds).toEqual(['flagged', 'report']);
  });

  it('puts a report that someone may be in danger first in the queue', async () => {
    const member = await buildMember(t.ctx);
    const reporter = await buildMember(t.ctx);
    const moderator = await buildModerator(t.ctx);
    const response = await call(reporter, 'POST', '/api/safety/reports', {
      subjectKind: 'profile',
      subjectId: member.handle,
      reason: 'crisis',
    });
    expect(response.statusCode).toBe(201);
    const queue = (await call(moderator, 'GET', '/api/moderation/queue')).json();
    const item = queue.items.find(
      (entry: { subject: { memberHandle: string } }) => entry.subject.memberHandle === member.handle,
    );
    expect(item).toMatchObject({ isPriority: true, subject: { kind: 'profile', id: member.handle } });
    expect(queue.items.findIndex((entry: { isPriority: boolean }) => !entry.isPriority)).not.toBe(0);
    const resolved = await call(moderator, 'POST', `/api/moderation/items/${item.id}/resolve`, {
      resolution: 'Reached out',
    });
    expect(resolved.json().item).toMatchObject({ resolution: 'Reached out', resolvedByHandle: moderator.handle });
  });

  it('refuses reports of unknown subjects and bad input with a clear error', async () => {
    const member = await buildMember(t.ctx);
    for (const body of [
      { subjectKind: 'post', subjectId: 'not-a-post', reason: 'spam' },
      { subjectKind: 'post', subjectId: '00000000-0000-4000-8000-000000000000', reason: 'spam' },
      { subjectKind: 'profile', subjectId: 'nobody_like_this', reason: 'spam' },
    ]) {
      expect((await call(member, 'POST', '/api/safety/reports', body)).statusCode).toBe(404);
    }
    const bad = await call(member, 'POST', '/api/safety/reports', {
      subjectKind: 'car',
      subjectId: 'x',
      reason: 'spam',
    });
    expect(bad.statusCode).toBe(400);
    const long = await call(member, 'POST', '/api/safety/reports', {
      subjectKind: 'profile',
      subjectId: member.handle,
      reason: 'other',
      note: 'x'.repeat(1001),
    });
    expect(long.statusCode).toBe(400);
  });
});

describe('acting on members', () => {
  it('warns a member with a message only they see', async () => {
    const member = await buildMember(t.ctx);
    const moderator = await buildModerator(t.ctx);
    const warned = await call(moderator, 'POST', `/api/moderation/members/${member.handle}/warn`, {
      reason: 'Rude replies',
      message: 'Please be kind to newcomers.',
    });
    expect(warned.statusCode).toBe(204);
    const notice = (await call(member, 'GET', '/api/notifications')).json().notifications[0];
    expect(notice.text).toBe('A message from the moderators: Please be kind to newcomers.');
  });

  it('suspends a member: signed out everywhere at once, sign-in refused until it ends or is lifted', async () => {
    const member = await buildMember(t.ctx);
    const moderator = await buildModerator(t.ctx);
    const secondDevice = await call(null, 'POST', '/api/auth/sign-in', {
      handle: member.handle,
      password: TEST_PASSWORD,
    });
    expect(secondDevice.statusCode).toBe(200);
    const secondCookie = secondDevice.headers['set-cookie'] as string;
    expect(
      (await call(member, 'POST', `/api/moderation/members/${moderator.handle}/suspend`, { reason: 'x', days: 1 }))
        .statusCode,
    ).toBe(404);

    const suspended = await call(moderator, 'POST', `/api/moderation/members/${member.handle}/suspend`, {
      reason: 'Harassment after a warning',
      days: 3,
    });
    expect(suspended.statusCode).toBe(204);
    expect((await call(member, 'GET', '/api/community/topics')).statusCode).toBe(401);
    const other = await t.app.inject({
      method: 'GET',
      url: '/api/me',
      headers: { cookie: secondCookie.split(';')[0]! },
    });
    expect(other.statusCode).toBe(401);
    const signIn = await call(null, 'POST', '/api/auth/sign-in', { handle: member.handle, password: TEST_PASSWORD });
    expect(signIn.statusCode).toBe(403);
    expect(errorOf(signIn).message).toMatch(/suspended/);
    const wrongPassword = await call(null, 'POST', '/api/auth/sign-in', {
      handle: member.handle,
      password: 'not the password at all',
    });
    expect(wrongPassword.statusCode).toBe(401);

    const invalid = await call(moderator, 'POST', `/api/moderation/members/${member.handle}/suspend`, {
      reason: 'x',
      days: 0,
    });
    expect(invalid.statusCode).toBe(400);
    expect(
      (await call(moderator, 'POST', `/api/moderation/members/${member.handle}/unsuspend`, { reason: 'Appeal' }))
        .statusCode,
    ).toBe(204);
    expect(
      (await call(null, 'POST', '/api/auth/sign-in', { handle: member.handle, password: TEST_PASSWORD })).statusCode,
    ).toBe(200);
    const log = (await call(moderator, 'GET', '/api/moderation/log')).json().actions;
    expect(log[0]).toMatchObject({ action: 'moderation.member_unsuspended', memberHandle: member.handle });
    expect(log[1]).toMatchObject({ action: 'moderation.member_suspended', reason: 'Harassment after a warning' });
  });
});

describe('trust levels', () => {
  it('limits a new member’s first day: spacing, topics, links; settings change the limits', async () => {
    const strict = await createTestApp({
      env: {
        COMMUNITY_NEW_MEMBER_DAYS: '1',
        COMMUNITY_NEW_MEMBER_TOPICS_PER_DAY: '2',
        COMMUNITY_NEW_MEMBER_SECONDS_BETWEEN_POSTS: '30',
        COMMUNITY_NEW_MEMBER_LINKS_PER_POST: '1',
      },
    });
    try {
      const strictCall = caller(strict);
      const newcomer = await buildMember(strict.ctx);
      const { topic } = await startTopic(strict, newcomer);
      const tooSoon = await strictCall(newcomer, 'POST', `/api/community/topics/${topic.id}/posts`, {
        body: uniqueText(),
      });
      expect(tooSoon.statusCode).toBe(429);
      expect(errorOf(tooSoon).message).toMatch(/30 seconds/);
      const links = await strictCall(newcomer, 'POST', `/api/community/topics/${topic.id}/posts`, {
        body: 'see https://a.example.org and https://b.example.org',
      });
      expect(links.statusCode).toBe(400);

      const relaxed = await createTestApp({
        database: strict.database,
        env: {
          COMMUNITY_NEW_MEMBER_DAYS: '1',
          COMMUNITY_NEW_MEMBER_TOPICS_PER_DAY: '2',
          COMMUNITY_NEW_MEMBER_SECONDS_BETWEEN_POSTS: '0',
        },
      });
      try {
        await startTopic(relaxed, newcomer);
        const third = await caller(relaxed)(newcomer, 'POST', '/api/community/topics', {
          categoryId: topic.category.id,
          title: 'A third topic',
          body: uniqueText(),
        });
        expect(third.statusCode).toBe(429);
        expect(errorOf(third).message).toMatch(/first day/);
        const moderator = await buildModerator(relaxed.ctx);
        await startTopic(relaxed, moderator);
        await startTopic(relaxed, moderator);
        await startTopic(relaxed, moderator);
      } finally {
        await relaxed.close();
      }
    } finally {
      await strict.close();
    }
  });
});
